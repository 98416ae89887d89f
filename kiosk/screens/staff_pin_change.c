/* staff.pin_change: the current PIN (checked like an entry attempt, so it counts towards the
 * lockout), then the new one twice on the PIN pad. A mismatch starts the new PIN again; a wrong
 * current PIN says so. The digits are wiped from memory after each step. Audited by staff_auth. */
#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "screens/staff_common.h"

void staff_pin_change_build(struct screen_ctx *ctx);

enum step { STEP_CURRENT, STEP_NEW, STEP_REPEAT, STEP_DONE };
enum note { NOTE_NONE, NOTE_WRONG, NOTE_MISMATCH, NOTE_LOCKED, NOTE_FAILED };

void staff_pin_change_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.pin_change.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	int *step = session_int(ctx->session, "st.pc.step", STEP_CURRENT);
	int *note = session_int(ctx->session, "st.pc.note", NOTE_NONE);
	struct ui_field *digits = session_field(ctx->session, "st.pc.digits", STAFF_PIN_MAX);
	struct ui_field *current = session_field(ctx->session, "st.pc.current", STAFF_PIN_MAX);
	struct ui_field *next = session_field(ctx->session, "st.pc.next", STAFF_PIN_MAX);
	if (!sm || !sm->active || !digits || !current || !next) {
		staff_end(ctx, &c);
		return;
	}
	if (*step == STEP_DONE) {
		rect_cut_top(&area, ui_text(ui, "staff.pc.result", area, screen_text(ctx, "staff.pc.done"), TEXT_HEADING,
					    TEXT_ALIGN_START, 0, t->text) + t->pad);
		if (staff_button(ctx, "staff.pc.back", rect_cut_top(&area, t->target), screen_text(ctx, "staff.pc.to_home"),
				 UI_BUTTON_PRIMARY, true)) {
			*step = STEP_CURRENT;
			ctx->request.nav = SCREEN_BACK;
		}
		staff_end(ctx, &c);
		return;
	}
	static const char *const prompts[3] = {"staff.pc.current", "staff.pc.new", "staff.pc.repeat"};
	rect_cut_top(&area, ui_text(ui, "staff.pc.prompt", area, screen_text(ctx, prompts[*step]), TEXT_TITLE,
				    TEXT_ALIGN_CENTER, 0, t->text) + t->gap);
	struct rect ok = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	if (*note != NOTE_NONE) {
		static const char *const notes[] = {"", "staff.pc.wrong", "staff.pc.mismatch", "staff.pc.locked", "staff.pc.failed"};
		char shown[UI_TEXT_MAX];
		snprintf(shown, sizeof(shown), "⚠ %s", screen_text(ctx, notes[*note]));
		rect_cut_top(&area, ui_text(ui, "staff.pc.note", area, shown, TEXT_BODY, TEXT_ALIGN_CENTER, 0, t->error) + t->gap);
	}
	staff_pin_pad(ctx, "staff.pc", area, digits, true);
	if (!staff_button(ctx, "staff.pc.ok", ok, screen_text(ctx, *step == STEP_REPEAT ? "staff.pc.save" : "staff.pin.ok"),
			  UI_BUTTON_PRIMARY, staff_pin_format_ok(digits->text))) {
		staff_end(ctx, &c);
		return;
	}
	*note = NOTE_NONE;
	if (*step == STEP_CURRENT) {
		ui_field_clear(current);
		ui_field_insert(current, digits->text);
		*step = STEP_NEW;
	} else if (*step == STEP_NEW) {
		ui_field_clear(next);
		ui_field_insert(next, digits->text);
		*step = STEP_REPEAT;
	} else if (strcmp(digits->text, next->text) != 0) {
		*note = NOTE_MISMATCH;
		*step = STEP_NEW;
	} else {
		enum staff_pin_result r = staff_auth_change(&sm->auth, current->text, next->text, clock_wall());
		*step = r == STAFF_PIN_OK ? STEP_DONE : STEP_CURRENT;
		*note = r == STAFF_PIN_OK	   ? NOTE_NONE
			: r == STAFF_PIN_WRONG  ? NOTE_WRONG
			: r == STAFF_PIN_LOCKED ? NOTE_LOCKED
						: NOTE_FAILED;
		ui_field_clear(current);
		ui_field_clear(next);
	}
	ui_field_clear(digits);
	staff_end(ctx, &c);
}
