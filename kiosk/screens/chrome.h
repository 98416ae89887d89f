/* What every screen but home and attract has around its content: Back and Home, the title, the step
 * of a multi-step flow ("第 2 步，共 5 步"), the language and text-size switches, and the on-screen
 * keyboard when a field is focused (the switches and the step then make room for it). */
#ifndef KIOSK_SCREENS_CHROME_H
#define KIOSK_SCREENS_CHROME_H

#include "screens/screen.h"

struct chrome {
	const char *title;
	int step, steps; /* steps = 0: not a flow */
	struct rect keyboard; /* where the keyboard goes, h = 0 when none */
	struct rect step_row; /* the line of "第 2 步，共 5 步" (h = 0 when none): room on its right */
};

/* The title band cut from the top of *area; returns its inner area for the title and its buttons, and
 * *nav the look those buttons take (staff screens share it with the visitors' chrome). */
struct rect chrome_header(struct screen_ctx *ctx, struct rect *area, struct ui_button_look *nav);
/* Draws the bars and returns the content area left for the screen. */
struct rect chrome_begin(struct screen_ctx *ctx, struct chrome *c);
/* Draws the keyboard (when a field is focused) over the bottom of the screen. */
void chrome_end(struct screen_ctx *ctx, struct chrome *c);
/* The switches, cut from the top of *area: in the standard theme the languages and 长辈版; in the
 * large themes 长辈版 and the assisted controls (再听一次, 请工作人员帮忙, 设置), in as few rows as fit. */
void chrome_settings(struct screen_ctx *ctx, struct rect *area);
/* How many languages staff offer here (no language switch with one). */
int chrome_language_count(const struct screen_ctx *ctx);
/* The language options side by side in r (the 设置 panel of the large themes uses it too). */
void chrome_languages(struct screen_ctx *ctx, struct rect r);
/* The high-contrast switch in r (large themes). */
void chrome_contrast(struct screen_ctx *ctx, struct rect r);

#endif
