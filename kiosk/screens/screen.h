/* Screens are a table of descriptors that navigation looks up by name. A screen builds its UI each
 * pass from the context and asks for changes (language, theme, navigation) through ctx->request;
 * it never reaches into another screen or into the app. Values a visitor enters live in the session. */
#ifndef KIOSK_SCREENS_SCREEN_H
#define KIOSK_SCREENS_SCREEN_H

#include <stdbool.h>

#include "app/session.h"
#include "app/strings.h"
#include "config/config.h"
#include "ui/widgets.h"

enum screen_nav { SCREEN_STAY, SCREEN_PUSH, SCREEN_BACK, SCREEN_BACK_TO, SCREEN_HOME, SCREEN_START };

struct screen_request {
	int lang; /* -1: unchanged, else enum text_lang */
	int theme; /* -1: unchanged, else enum theme_kind */
	enum screen_nav nav;
	const char *go; /* with SCREEN_PUSH: the screen to open; with SCREEN_BACK_TO: the one to return to */
};

struct store;
struct sync;
struct booking_data;
struct charity_data;
struct assist_data;
struct voice_session;
struct query;
struct staff_mode;
struct printer;
struct idcard_watch;

/* What screens may use of the kiosk itself. */
struct kiosk_context {
	bool can_submit; /* the store takes submissions (not full, read-only or damaged) */
	char why[600]; /* the reason when it cannot, for the log and staff (never shown to visitors) */
	struct store *store; /* the UI's connection; NULL without --data */
	struct sync *sync; /* the delivery thread; NULL without a backend (sync_wake accepts NULL) */
	struct booking_data *booking; /* cached booking reference data */
	struct charity_data *charity; /* cached charity projects and pledge texts */
	struct assist_data *assistance; /* cached assistance programmes */
	struct voice_session *voice; /* the assisted mode's speech (the staff voice check uses it too) */
	struct query *query; /* asynchronous backend queries (lookups); NULL without a backend */
	struct staff_mode *staff; /* staff mode (kiosk/staff/staff_mode.h); only staff screens use it */
	struct printer *printer; /* the receipt printer (print/printer.h); screens use screens/print_offer.h */
	struct idcard_watch *idcard; /* the ID card reader (idcard/idcard_watch.h), NULL without one;
					screens use screens/idcard_fill.h */
	bool idcard_wanted; /* set during a pass by a form that takes a card; the app arms the reader */
};

struct screen_ctx {
	struct ui *ui;
	const struct strings *strings;
	const struct config *cfg;
	struct session *session;
	struct kiosk_context *kiosk;
	struct screen_request request;
	int idle_seconds_left; /* for the idle warning */
	const char *screen; /* the name of the screen being built (NULL outside the app loop) */
	bool ref_untranslated; /* this pass showed a backend text in Chinese for want of English (flow.h) */
};

struct screen_desc {
	const char *name;
	void (*build)(struct screen_ctx *ctx);
	bool developer; /* reachable only from the automation driver (widget gallery) */
};

/* The screen called name; NULL when there is none. */
const struct screen_desc *screen_find(const char *name);

/* The text of key in the visitor's language. */
static inline const char *screen_text(const struct screen_ctx *ctx, const char *key)
{
	return strings_get(ctx->strings, ctx->ui->lang, key);
}

/* Opens screen name on top of this one. */
static inline void screen_push(struct screen_ctx *ctx, const char *name)
{
	ctx->request.nav = SCREEN_PUSH;
	ctx->request.go = name;
}

#endif
