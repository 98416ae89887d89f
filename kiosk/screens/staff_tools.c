/* staff.tools: checks of the hardware and a way to take the records away.
 *  - Test pattern: the whole screen in colour bars over a 16-step grey ramp with a white edge line,
 *    drawn with plain rectangles (dead pixels, colour casts, banding, cut-off edges); a tap returns.
 *  - Touch check: five targets (corners and centre); each tap shows how far from its target's centre
 *    it landed, in pixels; "完成" returns.
 *  - Voice test: a sample sentence in each voice (普通话, 粤语, English), and whether an audio device is
 *    open at all (without one the kiosk runs silent, which the check then says plainly).
 *  - Export: the health summary, the audit log and the recent log lines as one file in a directory
 *    staff type (default /media/usb); success or the error is shown and audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/voice_session.h"

#include "app/clock.h"
#include "screens/staff_common.h"
#include "staff/audit.h"
#include "staff/staff_export.h"

void staff_tools_build(struct screen_ctx *ctx);

enum tool { TOOL_MENU, TOOL_PATTERN, TOOL_TOUCH };

#define TARGETS 5

/* Where the last tap near each target landed, relative to its centre. */
struct touch_results {
	int dx[TARGETS], dy[TARGETS];
	bool hit[TARGETS];
};

static void target_center(const struct ui *ui, int i, int *x, int *y)
{
	static const int fx[TARGETS] = {10, 90, 50, 10, 90}, fy[TARGETS] = {10, 10, 50, 90, 90};
	*x = ui->width * fx[i] / 100;
	*y = ui->height * fy[i] / 100;
}

static void pattern(struct screen_ctx *ctx, int *tool)
{
	struct ui *ui = ctx->ui;
	struct rect all = {0, 0, ui->width, ui->height};
	static const uint32_t bars[8] = {0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000};
	bool pressed = false;
	if (ui_area(ui, "staff.pattern", all, screen_text(ctx, "staff.tools.pattern"), screen_text(ctx, "staff.tools.pattern_back"),
		    &pressed))
		*tool = TOOL_MENU;
	struct rect top = {0, 0, ui->width, ui->height * 2 / 3};
	for (int i = 0; i < 8; i++) {
		struct rect bar = rect_cell(top, i, 8, 0, true);
		struct color c = {(uint8_t)(bars[i] >> 16), (uint8_t)(bars[i] >> 8), (uint8_t)bars[i], 255};
		draw_list_rect(&ui->draw, bar, c, 0, 0, c);
	}
	struct rect ramp = {0, top.h, ui->width, ui->height - top.h};
	for (int i = 0; i < 16; i++) {
		uint8_t v = (uint8_t)(i * 255 / 15);
		struct color c = {v, v, v, 255};
		draw_list_rect(&ui->draw, rect_cell(ramp, i, 16, 0, true), c, 0, 0, c);
	}
	struct color white = {255, 255, 255, 255};
	int edge = 2;
	draw_list_rect(&ui->draw, (struct rect){0, 0, ui->width, edge}, white, 0, 0, white);
	draw_list_rect(&ui->draw, (struct rect){0, ui->height - edge, ui->width, edge}, white, 0, 0, white);
	draw_list_rect(&ui->draw, (struct rect){0, 0, edge, ui->height}, white, 0, 0, white);
	draw_list_rect(&ui->draw, (struct rect){ui->width - edge, 0, edge, ui->height}, white, 0, 0, white);
}

static void touch_check(struct screen_ctx *ctx, int *tool)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct touch_results *res = session_blob(ctx->session, "st.touch", sizeof(*res));
	if (!res)
		return;
	ui_panel(ui, (struct rect){0, 0, ui->width, ui->height}, t->background, 0, 0, t->background);
	int bw = t->target * 3;
	struct rect done = {(ui->width - bw) / 2, ui->height * 70 / 100, bw, t->target};
	ui_text(ui, "staff.touch.prompt", (struct rect){t->pad, ui->height * 25 / 100, ui->width - 2 * t->pad, 0},
		screen_text(ctx, "staff.touch.prompt"), TEXT_HEADING, TEXT_ALIGN_CENTER, 0, t->text);
	bool on_button = rect_contains(done, ui->event.x, ui->event.y);
	if (staff_button(ctx, "staff.touch.done", done, screen_text(ctx, "staff.touch.done"), UI_BUTTON_PRIMARY, true))
		*tool = TOOL_MENU;
	/* A release anywhere but on the button is a touch to measure, against the nearest target. */
	if (ui->event.kind == UI_EVENT_RELEASE && !on_button && ui_layer_has_input(ui)) {
		int best = 0;
		long best_d = -1;
		for (int i = 0; i < TARGETS; i++) {
			int x, y;
			target_center(ui, i, &x, &y);
			long d = (long)(x - ui->event.x) * (x - ui->event.x) + (long)(y - ui->event.y) * (y - ui->event.y);
			if (best_d < 0 || d < best_d) {
				best_d = d;
				best = i;
			}
		}
		int x, y;
		target_center(ui, best, &x, &y);
		res->dx[best] = ui->event.x - x;
		res->dy[best] = ui->event.y - y;
		res->hit[best] = true;
	}
	for (int i = 0; i < TARGETS; i++) {
		int x, y, r = t->target / 2;
		target_center(ui, i, &x, &y);
		char id[UI_ID_MAX], text[UI_TEXT_MAX];
		bool hit = res->hit[i];
		struct color ring = hit ? t->primary : t->text;
		draw_list_rect(&ui->draw, (struct rect){x - r, y - r, 2 * r, 2 * r}, t->surface, r, t->border, ring);
		draw_list_rect(&ui->draw, (struct rect){x - r, y - 1, 2 * r, 3}, ring, 0, 0, ring);
		draw_list_rect(&ui->draw, (struct rect){x - 1, y - r, 3, 2 * r}, ring, 0, 0, ring);
		if (hit) {
			snprintf(text, sizeof(text), "%+d, %+d px", res->dx[i], res->dy[i]);
		} else {
			snprintf(text, sizeof(text), "%s %d", screen_text(ctx, "staff.touch.target"), i + 1);
		}
		/* The reading under its target: flush with it near the edges, centred in the middle. */
		int tw = t->target * 4;
		enum text_align align = x < ui->width / 3 ? TEXT_ALIGN_START : x > ui->width * 2 / 3 ? TEXT_ALIGN_END : TEXT_ALIGN_CENTER;
		int tx = align == TEXT_ALIGN_START ? x - r : align == TEXT_ALIGN_END ? x + r - tw : x - tw / 2;
		int ty = y + r + t->gap / 2;
		if (ty + ui_line_height(ui, TEXT_BODY) > ui->height)
			ty = y - r - t->gap / 2 - ui_line_height(ui, TEXT_BODY);
		snprintf(id, sizeof(id), "staff.touch.%d", i + 1);
		ui_text(ui, id, (struct rect){tx, ty, tw, 0}, text, TEXT_BODY, align, 1, t->text);
	}
}

/* The tool list: pattern, touch check, voice, export. */
static void menu(struct screen_ctx *ctx, int *tool)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.tools.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	struct ui_field *path = session_field(ctx->session, "st.export.path", 100);
	int *result = session_int(ctx->session, "st.export.result", 0);
	struct ui_field *message = session_field(ctx->session, "st.export.message", 120);
	if (!path || !message) {
		staff_end(ctx, &c);
		return;
	}
	int *filled = session_int(ctx->session, "st.export.filled", 0);
	if (!*filled) {
		ui_field_insert(path, "/media/usb");
		*filled = 1;
	}
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "staff.tools.scroll", area);
	int y = in.y;
#define R(h) ((struct rect){in.x, y, in.w, (h)})
	y += staff_heading(ctx, "staff.tools.display", R(0), screen_text(ctx, "staff.tools.display")) + t->gap / 2;
	if (staff_button(ctx, "staff.tools.pattern", rect_cell(R(t->target), 0, 2, t->gap, true),
			 screen_text(ctx, "staff.tools.pattern"), UI_BUTTON_SECONDARY, true))
		*tool = TOOL_PATTERN;
	if (staff_button(ctx, "staff.tools.touch", rect_cell(R(t->target), 1, 2, t->gap, true),
			 screen_text(ctx, "staff.tools.touch"), UI_BUTTON_SECONDARY, true)) {
		struct touch_results *res = session_blob(ctx->session, "st.touch", sizeof(*res));
		if (res)
			memset(res, 0, sizeof(*res));
		*tool = TOOL_TOUCH;
	}
	y += t->target + t->pad;
	y += staff_heading(ctx, "staff.tools.voice", R(0), screen_text(ctx, "staff.tools.voice")) + t->gap / 2;
	static const char *const voice_keys[VOICE_LANG_COUNT] = {"voice.mandarin", "voice.cantonese", "voice.english"};
	static const char *const samples[VOICE_LANG_COUNT] = {"staff.tools.voice_sample", "staff.tools.voice_sample_yue",
							      "staff.tools.voice_sample_en"};
	for (int i = 0; i < VOICE_LANG_COUNT; i++) {
		char id[48];
		snprintf(id, sizeof(id), "staff.tools.voice.%d", i);
		if (staff_button(ctx, id, rect_cell(R(t->target), i, VOICE_LANG_COUNT, t->gap, true),
				 screen_text(ctx, voice_keys[i]), UI_BUTTON_SECONDARY, ctx->kiosk->voice != NULL))
			voice_session_test(ctx->kiosk->voice, (enum voice_lang)i, screen_text(ctx, samples[i]));
	}
	y += t->target + t->gap / 2;
	y += ui_text(ui, "staff.tools.voice.state", R(0),
		     screen_text(ctx, voice_session_audible(ctx->kiosk->voice) ? "staff.tools.voice_ready"
									       : "staff.tools.voice_silent"),
		     TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->pad;
	y += staff_heading(ctx, "staff.tools.export", R(0), screen_text(ctx, "staff.tools.export")) + t->gap / 2;
	y += ui_text(ui, "staff.tools.export.what", R(0), screen_text(ctx, "staff.tools.export_what"), TEXT_BODY,
		     TEXT_ALIGN_START, 0, t->text_muted) + t->gap / 2;
	struct ui_text_field_opts o = {.label = screen_text(ctx, "staff.tools.export_path"), .keyboard = KEYBOARD_TEXT};
	y += ui_text_field(ui, "staff.tools.path", R(0), path, &o) + t->gap;
	if (staff_button(ctx, "staff.tools.export_now", R(t->target), screen_text(ctx, "staff.tools.export_now"),
			 UI_BUTTON_PRIMARY, path->len > 0)) {
		char name[200], err[300], detail[AUDIT_DETAIL_MAX + 512];
		int64_t now = clock_wall();
		char *health = staff_health_json(ctx->cfg, ctx->kiosk->store, ctx->kiosk->sync, sm->data_dir, sm->started_at,
						 sm->settings_version, now);
		bool ok = staff_export(sm->data_dir, path->text, config_str(ctx->cfg, "kiosk", "id"), health, now, name,
				       sizeof(name), err, sizeof(err));
		free(health);
		snprintf(detail, sizeof(detail), "%s/%s%s%s", path->text, ok ? name : "", ok ? "" : ": ", ok ? "" : err);
		audit_write(sm->data_dir, "export", ok ? "ok" : "failed", detail);
		ui_field_clear(message);
		ui_field_insert(message, ok ? name : err);
		*result = ok ? 1 : 2;
		ui->focus = 0;
	}
	y += t->target + t->gap;
	if (*result) {
		char text[UI_TEXT_MAX];
		snprintf(text, sizeof(text), "%s%s", screen_text(ctx, *result == 1 ? "staff.tools.export_ok" : "staff.tools.export_failed"),
			 message->text);
		y += ui_text(ui, "staff.tools.export.result", R(0), text, TEXT_BODY, TEXT_ALIGN_START, 0,
			     *result == 1 ? t->text : t->error);
	}
#undef R
	ui_scroll_end(ui, &scroll, y);
	staff_end(ctx, &c);
}

void staff_tools_build(struct screen_ctx *ctx)
{
	struct staff_mode *sm = staff_of(ctx);
	int *tool = session_int(ctx->session, "st.tool", TOOL_MENU);
	if (!sm || !sm->active)
		return;
	if (*tool == TOOL_PATTERN)
		pattern(ctx, tool);
	else if (*tool == TOOL_TOUCH)
		touch_check(ctx, tool);
	else
		menu(ctx, tool);
}
