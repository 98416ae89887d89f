/* What the screens of every service's flow share: the visitor's values by key (kept in the session,
 * so Back keeps them and the session wipe clears them), reference-data texts in the visitor's
 * language, the step chrome, and the bottom bar with the button that moves on. */
#ifndef KIOSK_SCREENS_FLOW_H
#define KIOSK_SCREENS_FLOW_H

#include "data/ref_json.h"
#include "rules/civil_date.h"
#include "screens/chrome.h"
#include "screens/screen.h"

/* A session text value by key (empty string when unset). */
const char *screen_value(struct screen_ctx *ctx, const char *key);
/* Sets a session text value. */
void screen_set(struct screen_ctx *ctx, const char *key, const char *value);
/* The text of a reference-data text in the visitor's language. A text the backend has no English for
 * shows in Chinese, and the screen then says so once (screen_ref_note_due), not beside every line. */
const char *screen_ref_text(struct screen_ctx *ctx, const struct catalog_text *t);
/* label and value joined as the language writes them: "项目：…" / "Project: …" (cut to fit out). */
void screen_colon(struct screen_ctx *ctx, const char *label, const char *value, char *out, size_t len);
/* A note in brackets after a text: "0（全部已发送）" / "0 (all sent)". */
void screen_paren(struct screen_ctx *ctx, const char *text, const char *note, char *out, size_t len);
/* After a screen is built: remembers (in the session) whether it showed Chinese for want of English,
 * and asks for another pass when that changed, so the note appears or goes without a flicker. */
void screen_ref_note_update(struct screen_ctx *ctx);
/* True when the chrome should say "some details are in Chinese" on this screen (English only). */
bool screen_ref_note_due(struct screen_ctx *ctx);
/* Asks for a sentence to be said after this pass (in the assisted mode, when speech is on): what just
 * happened that the screen shows, such as "工作人员马上就到". text is copied (at most UI_FIELD_MAX bytes). */
void screen_say(struct screen_ctx *ctx, const char *text);
/* "2026年12月3日 星期四" / "Thu 3 Dec 2026" (without the weekday when weekday is false); app/lang_format.h. */
void screen_format_date(struct screen_ctx *ctx, struct civil_date d, bool weekday, char *out, size_t len);
/* Opens the chrome of a flow screen (title, step n of steps; step 0: not a numbered step) and returns
 * the content area with the bottom bar cut off into *bar (h = 0 while the keyboard is up). */
struct rect flow_begin(struct screen_ctx *ctx, struct chrome *c, const char *title, int step, int steps,
		       struct rect *bar);
/* A scroll view over the content area above the bar (all of area when the bar is away); returns the
 * area to lay content out in (see ui_scroll_begin). */
struct rect flow_scroll_begin(struct screen_ctx *ctx, struct ui_scroll *scroll, const char *id, struct rect area,
			      struct rect bar);
/* A review's agreement, in the large themes, stays in view: a row cut from the bottom of *view, just
 * above the bottom bar, so the button it enables never needs scrolling to be reached. Returns that row;
 * h = 0 in the standard theme, where the agreement follows the text it agrees to. */
struct rect flow_consent_row(struct screen_ctx *ctx, struct rect *view);
/* The primary button of the bottom bar; true when tapped (and enabled). */
bool flow_next(struct screen_ctx *ctx, struct rect bar, const char *id, const char *text, bool enabled);

#endif
