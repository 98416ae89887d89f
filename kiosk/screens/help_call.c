/* The call for staff; see help_call.h. */
#include "screens/help_call.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "app/voice_session.h"
#include "core/log.h"
#include "core/secure.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/flow.h"

static const char *const voice_tags[VOICE_LANG_COUNT] = {"cmn", "yue", "en"};

/* "HQ-" and the first 8 digits of the request's key: how the cancellation names the request. */
static void call_reference(const char *key, char out[12])
{
	char head[9];
	for (int i = 0; i < 8; i++)
		head[i] = key[i] >= 'a' && key[i] <= 'f' ? (char)(key[i] - 'a' + 'A') : key[i];
	head[8] = '\0';
	snprintf(out, 12, "HQ-%s", head);
}

/* Stores a submission of kind with body (deleted here); true when stored. key may be NULL. */
static bool submit(struct screen_ctx *ctx, enum submission_kind kind, cJSON *body, const char *key)
{
	char *json = cJSON_PrintUnformatted(body);
	cJSON_Delete(body);
	char err[256], made[37];
	int64_t id = 0;
	bool ok = json && ctx->kiosk->store && ctx->kiosk->can_submit &&
		  (key ? store_submit_keyed(ctx->kiosk->store, kind, json, clock_wall(), key, &id, err, sizeof(err))
		       : store_submit(ctx->kiosk->store, kind, json, clock_wall(), made, &id, err, sizeof(err)));
	if (json) {
		secure_wipe(json, strlen(json));
		cJSON_free(json);
	}
	if (ok)
		sync_wake(ctx->kiosk->sync);
	else
		kiosk_log(LOG_WARN, "help: the %s could not be stored", submission_kind_name(kind));
	return ok;
}

void help_call_request(struct screen_ctx *ctx, const char *reason)
{
	char key[37], reference[12];
	if (screen_value(ctx, "hp.reference")[0]) { /* already called: the dialog again, to wait or call it off */
		*session_int(ctx->session, "hp.shown", 0) = 1;
		return;
	}
	secure_uuid4(key);
	call_reference(key, reference);
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "reason", reason);
	cJSON_AddStringToObject(b, "screen", ctx->screen ? ctx->screen : "");
	cJSON_AddBoolToObject(b, "assisted_mode", ctx->ui->theme.kind != THEME_STANDARD);
	cJSON_AddStringToObject(b, "language", voice_tags[voice_session_lang(ctx->session, ctx->ui->lang)]);
	cJSON_AddStringToObject(b, "kiosk_reference", reference);
	if (submit(ctx, SUB_HELP_REQUEST, b, key)) {
		screen_set(ctx, "hp.reference", reference);
		*session_int(ctx->session, "hp.shown", 0) = 1;
		screen_say(ctx, screen_text(ctx, "help.coming.said"));
	} else { /* the kiosk cannot pass it on: send them to the counter, in words and voice */
		ui_toast_show(ctx->ui, screen_text(ctx, "help.unavailable"), 8000);
		screen_say(ctx, screen_text(ctx, "help.unavailable"));
	}
}

static void call_off(struct screen_ctx *ctx)
{
	char when[32];
	clock_format_iso(clock_wall(), when, sizeof(when));
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "kiosk_reference", screen_value(ctx, "hp.reference"));
	cJSON_AddStringToObject(b, "requested_at", when);
	submit(ctx, SUB_HELP_CANCEL, b, NULL); /* logged when it cannot be stored; the visitor is told either way */
	screen_set(ctx, "hp.reference", "");
	*session_int(ctx->session, "hp.shown", 0) = 0;
	ui_toast_show(ctx->ui, screen_text(ctx, "help.cancelled"), 5000);
	screen_say(ctx, screen_text(ctx, "help.cancelled"));
}

void help_call_button(struct screen_ctx *ctx, struct rect r)
{
	bool open = screen_value(ctx, "hp.reference")[0] != '\0';
	struct ui_button_look look = ui_button_look(ctx->ui, open ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
	look.role = TEXT_HEADING;
	if (ui_button(ctx->ui, "help.call", r, screen_text(ctx, open ? "help.called" : "help.call"), &look)) {
		if (open)
			*session_int(ctx->session, "hp.shown", 0) = 1; /* the dialog again, to call it off */
		else
			help_call_request(ctx, "assistance");
	}
}

void help_call_dialog(struct screen_ctx *ctx)
{
	if (!*session_int(ctx->session, "hp.shown", 0) || !screen_value(ctx, "hp.reference")[0])
		return;
	struct ui *ui = ctx->ui;
	struct rect buttons = ui_dialog_begin(ui, "help.dialog", screen_text(ctx, "help.coming.title"),
					      screen_text(ctx, "help.coming.body"), 2);
	struct ui_button_look wait = ui_button_look(ui, UI_BUTTON_PRIMARY), off = ui_button_look(ui, UI_BUTTON_SECONDARY);
	wait.role = off.role = TEXT_TITLE;
	if (ui_button(ui, "help.wait", rect_cell(buttons, 0, 2, ui->theme.gap, false), screen_text(ctx, "help.wait"), &wait))
		*session_int(ctx->session, "hp.shown", 0) = 0;
	if (ui_button(ui, "help.cancel", rect_cell(buttons, 1, 2, ui->theme.gap, false), screen_text(ctx, "help.cancel"),
		      &off))
		call_off(ctx);
	ui_dialog_end(ui);
}
