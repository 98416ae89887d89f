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
};

/* Draws the bars and returns the content area left for the screen. */
struct rect chrome_begin(struct screen_ctx *ctx, struct chrome *c);
/* Draws the keyboard (when a field is focused) over the bottom of the screen. */
void chrome_end(struct screen_ctx *ctx, struct chrome *c);
/* The language switch and the text-size switches, cut from the top of *area (one or two rows). */
void chrome_settings(struct screen_ctx *ctx, struct rect *area);

#endif
