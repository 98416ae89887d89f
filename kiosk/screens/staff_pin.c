/* staff.pin: the staff PIN pad, opened by the hidden hold on the attract screen. Digits show as
 * dots; 确定 checks the PIN (Argon2id, about 55 ms on the UI thread). Wrong PINs say how many tries
 * are left; the fifth locks entry (the screen then says until when). A kiosk without a provisioned
 * PIN says so and how to provision it, and refuses (audited). Cancel returns to the attract screen. */
#include <stdio.h>

#include "app/clock.h"
#include "core/template.h"
#include "screens/staff_common.h"
#include "staff/audit.h"

void staff_pin_build(struct screen_ctx *ctx);

enum pin_message { PIN_NONE, PIN_WRONG, PIN_ERROR };

/* A heading, a paragraph and a button back to the attract screen. */
static void refusal(struct screen_ctx *ctx, struct rect area, const char *heading, const char *body)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	rect_cut_top(&area, t->pad);
	rect_cut_top(&area, ui_text(ui, "staff.pin.heading", area, heading, TEXT_TITLE, TEXT_ALIGN_START, 0, t->text) + t->gap);
	rect_cut_top(&area, ui_text(ui, "staff.pin.body", area, body, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->pad);
	if (staff_button(ctx, "staff.pin.back", rect_cut_top(&area, t->target), screen_text(ctx, "staff.pin.return"),
			 UI_BUTTON_PRIMARY, true))
		staff_mode_leave(staff_of(ctx), "button");
}

void staff_pin_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.title")};
	struct rect area = staff_begin(ctx, &c);
	struct ui_field *pin = session_field(ctx->session, "st.pin", STAFF_PIN_MAX);
	int *message = session_int(ctx->session, "st.pin.message", PIN_NONE);
	int *audited = session_int(ctx->session, "st.pin.audited", 0);
	if (!sm || !pin) {
		staff_end(ctx, &c);
		return;
	}
	if (!staff_mode_available(sm)) {
		if (!*audited) { /* once per visit: someone found the entry on an unprovisioned kiosk */
			audit_write(sm->data_dir, "staff_entry", "refused_unprovisioned", NULL);
			*audited = 1;
		}
		refusal(ctx, area, screen_text(ctx, "staff.unprovisioned.title"),
			screen_text(ctx, sm->data_dir ? "staff.unprovisioned.body" : "staff.nodata.body"));
		staff_end(ctx, &c);
		return;
	}
	int64_t now = clock_wall(), until = 0;
	if (staff_auth_locked(&sm->auth, now, &until)) {
		ui_field_clear(pin);
		char when[32], body[UI_TEXT_MAX + 40];
		staff_format_time(until, when, sizeof(when));
		const char *names[] = {"minutes"};
		long values[] = {(long)((until - now + 59) / 60)};
		char text[UI_TEXT_MAX];
		template_fill(text, sizeof(text), screen_text(ctx, "staff.locked.body"), names, values, 1);
		snprintf(body, sizeof(body), "%s %s", text, when);
		refusal(ctx, area, screen_text(ctx, "staff.locked.title"), body);
		/* Look again when the lock ends, so the pad comes back by itself. */
		ui_wake_at(ui, ui->now_ms + (uint64_t)(until - now) * 1000u);
		staff_end(ctx, &c);
		return;
	}

	rect_cut_top(&area, ui_text(ui, "staff.pin.prompt", area, screen_text(ctx, "staff.pin.prompt"), TEXT_TITLE,
				    TEXT_ALIGN_CENTER, 0, t->text) + t->gap);
	struct rect ok = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	if (*message != PIN_NONE) {
		char text[UI_TEXT_MAX];
		const char *names[] = {"left"};
		long values[] = {staff_auth_attempts_left(&sm->auth)};
		template_fill(text, sizeof(text), screen_text(ctx, *message == PIN_WRONG ? "staff.pin.wrong" : "staff.pin.error"),
			      names, values, 1);
		char shown[UI_TEXT_MAX + 8];
		snprintf(shown, sizeof(shown), "⚠ %s", text);
		rect_cut_top(&area, ui_text(ui, "staff.pin.message", area, shown, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->error) +
					    t->gap);
	}
	staff_pin_pad(ctx, "staff.pin", area, pin, true);
	if (staff_button(ctx, "staff.pin.ok", ok, screen_text(ctx, "staff.pin.ok"), UI_BUTTON_PRIMARY,
			 staff_pin_format_ok(pin->text))) {
		enum staff_pin_result r = staff_mode_enter(sm, pin->text, now);
		ui_field_clear(pin); /* the digits leave memory at once, right or wrong */
		*message = r == STAFF_PIN_WRONG ? PIN_WRONG : r == STAFF_PIN_OK || r == STAFF_PIN_LOCKED ? PIN_NONE : PIN_ERROR;
		if (r == STAFF_PIN_OK)
			ctx->request.theme = THEME_STANDARD;
	}
	staff_end(ctx, &c);
}
