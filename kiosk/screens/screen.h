/* Screens are a table of descriptors that navigation looks up by name. A screen builds its UI each
 * pass from the context and asks for changes (language, theme, navigation) through ctx->request;
 * it never reaches into another screen or into the app. */
#ifndef KIOSK_SCREENS_SCREEN_H
#define KIOSK_SCREENS_SCREEN_H

#include "app/strings.h"
#include "config/config.h"
#include "ui/ui.h"

struct screen_request {
	int lang; /* -1: unchanged, else enum text_lang */
	int theme; /* -1: unchanged, else enum theme_kind */
	const char *go; /* screen to show next, NULL: stay */
};

struct screen_ctx {
	struct ui *ui;
	const struct strings *strings;
	const struct config *cfg;
	struct screen_request request;
};

struct screen_desc {
	const char *name;
	void (*build)(struct screen_ctx *ctx);
};

/* The screen called name; NULL when there is none. */
const struct screen_desc *screen_find(const char *name);

/* The text of key in the visitor's language. */
static inline const char *screen_text(const struct screen_ctx *ctx, const char *key)
{
	return strings_get(ctx->strings, ctx->ui->lang, key);
}

#endif
