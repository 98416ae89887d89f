/* Staff screen parts; see staff_common.h. */
#include "screens/staff_common.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "screens/chrome.h"
#include "ui/keyboard.h"

/* The language switch: staff read their screens in any language offered here. */
static void languages(struct screen_ctx *ctx, struct rect *area)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect row = rect_cut_top(area, t->target);
	int w = t->target * 3 / 2 * 3 + t->gap;
	if (w > row.w)
		w = row.w;
	chrome_languages(ctx, rect_cut_left(&row, w));
}

struct rect staff_begin(struct screen_ctx *ctx, struct staff_chrome *c)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct rect area = {0, 0, ui->width, ui->height};
	c->keyboard = rect_cut_bottom(&area, ui_keyboard_height(ui, ui->width));

	struct ui_button_look nav;
	struct rect in = chrome_header(ctx, &area, &nav);
	const char *back = screen_text(ctx, "nav.back");
	const char *leave = screen_text(ctx, c->exit ? "staff.leave" : "staff.cancel");
	int back_w = ui_button_width(ui, back, "‹", TEXT_HEADING);
	int leave_w = ui_button_width(ui, leave, NULL, TEXT_HEADING);
	int side = back_w > leave_w ? back_w : leave_w;
	if (side < t->target * 3 / 2)
		side = t->target * 3 / 2;
	if (side > in.w / 3)
		side = in.w / 3;
	struct rect left = rect_cut_left(&in, side), right = rect_cut_right(&in, side);
	if (c->back) {
		nav.icon = "‹";
		if (ui_button(ui, "nav.back", left, back, &nav))
			ctx->request.nav = SCREEN_BACK;
	}
	nav.icon = NULL;
	if (ui_button(ui, c->exit ? "staff.leave" : "staff.cancel", right, leave, &nav) && staff_of(ctx))
		staff_mode_leave(staff_of(ctx), "button");
	ui_text_on(ui, t->header);
	struct text_style ts = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_CENTER, 1);
	const struct text_layout *tl = ui_measure(ui, c->title, &ts, in.w - t->gap);
	if (tl)
		ui_text(ui, "screen.title", (struct rect){in.x + t->gap / 2, in.y + (in.h - tl->height) / 2, in.w - t->gap, tl->height},
			c->title, TEXT_TITLE, TEXT_ALIGN_CENTER, 1, t->on_header);
	ui_text_on(ui, t->background);

	area = rect_inset(area, t->pad, 0);
	rect_cut_top(&area, t->gap);
	if (c->keyboard.h > 0) {
		rect_cut_bottom(&area, t->gap);
		return area;
	}
	languages(ctx, &area);
	rect_cut_top(&area, t->gap);
	rect_cut_bottom(&area, t->gap);
	return area;
}

void staff_end(struct screen_ctx *ctx, struct staff_chrome *c)
{
	if (c->keyboard.h > 0)
		ui_keyboard(ctx->ui, c->keyboard);
}

int staff_heading(struct screen_ctx *ctx, const char *id, struct rect r, const char *text)
{
	return ui_text(ctx->ui, id, r, text, TEXT_HEADING, TEXT_ALIGN_START, 0, ctx->ui->theme.text);
}

int staff_row(struct screen_ctx *ctx, const char *id, struct rect r, const char *label, const char *value,
	      struct color value_color)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	char label_id[UI_ID_MAX + 8];
	snprintf(label_id, sizeof(label_id), "%s.label", id);
	int label_w = r.w * 2 / 5;
	struct text_style ls = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
	const struct text_layout *ll = ui_measure(ui, label, &ls, label_w - t->gap);
	bool narrow = r.w < t->target * 7 || (ll && ll->line_count > 1);
	if (narrow) { /* the value under its label */
		int h = ui_text(ui, label_id, r, label, TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted);
		struct rect v = {r.x, r.y + h, r.w, r.h};
		return h + ui_text(ui, id, v, value, TEXT_BODY, TEXT_ALIGN_START, 0, value_color);
	}
	int h1 = ui_text(ui, label_id, (struct rect){r.x, r.y, label_w - t->gap, r.h}, label, TEXT_BODY,
			 TEXT_ALIGN_START, 0, t->text_muted);
	int h2 = ui_text(ui, id, (struct rect){r.x + label_w, r.y, r.w - label_w, r.h}, value, TEXT_BODY,
			 TEXT_ALIGN_START, 0, value_color);
	return h1 > h2 ? h1 : h2;
}

bool staff_button(struct screen_ctx *ctx, const char *id, struct rect r, const char *text, enum ui_button_kind kind,
		  bool enabled)
{
	struct ui_button_look look = ui_button_look(ctx->ui, kind);
	look.disabled = !enabled;
	return ui_button(ctx->ui, id, r, text, &look);
}

/* Key height for a pad in h pixels: what fits, from one target (landscape, small tablets) to two. */
static int key_height(const struct theme *t, int line, int h)
{
	int k = (h - line - t->pad / 2 - t->gap - 3 * t->gap / 2) / 4;
	return k < t->target ? t->target : k > t->target * 2 ? t->target * 2 : k;
}

int staff_pin_pad(struct screen_ctx *ctx, const char *prefix, struct rect r, struct ui_field *field, bool enabled)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	/* The digits typed so far as dots: how many, never which. */
	char dots[UI_TEXT_MAX] = "";
	size_t used = 0;
	for (size_t i = 0; i < field->len && used + 5 < sizeof(dots); i++)
		used += (size_t)snprintf(dots + used, sizeof(dots) - used, "%s●", i ? " " : "");
	char id[UI_ID_MAX];
	snprintf(id, sizeof(id), "%s.dots", prefix);
	int line = ui_line_height(ui, TEXT_DISPLAY);
	int key_h = key_height(t, line, r.h);
	struct rect box = rect_cut_top(&r, line + t->pad / 2);
	ui_panel(ui, box, t->surface, t->radius / 2, t->border, t->border_color);
	ui_text_on(ui, t->surface);
	ui_text(ui, id, (struct rect){box.x, box.y + t->pad / 4, box.w, line},
		field->len ? dots : screen_text(ctx, "staff.pin.empty"), TEXT_DISPLAY, TEXT_ALIGN_CENTER, 1,
		field->len ? t->text : t->text_muted);
	ui_text_on(ui, t->background);
	rect_cut_top(&r, t->gap);
	int pad_w = r.w < t->target * 8 ? r.w : t->target * 8;
	struct rect pad = {r.x + (r.w - pad_w) / 2, r.y, pad_w, 4 * key_h + 3 * t->gap / 2};
	static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "bs"};
	for (int i = 0; i < 12; i++) {
		struct rect row = rect_cell(pad, i / 3, 4, t->gap / 2, false);
		struct rect cell = rect_cell(row, i % 3, 3, t->gap / 2, true);
		bool digit = keys[i][1] == '\0';
		struct ui_button_look look = ui_button_look(ui, digit ? UI_BUTTON_SECONDARY : UI_BUTTON_QUIET);
		look.role = digit ? TEXT_DISPLAY : TEXT_HEADING;
		look.role_name = "key";
		look.disabled = !enabled || (!digit && field->len == 0) || (digit && field->len >= 12);
		const char *text = digit ? keys[i] : screen_text(ctx, i == 9 ? "staff.pin.clear" : "staff.pin.bs");
		snprintf(id, sizeof(id), "%s.%s", prefix, keys[i]);
		if (!ui_button(ui, id, cell, text, &look))
			continue;
		if (digit)
			ui_field_insert(field, keys[i]);
		else if (i == 9)
			ui_field_clear(field);
		else
			ui_field_backspace(field);
	}
	return line + t->pad / 2 + t->gap + pad.h;
}

void staff_format_time(int64_t t, char *out, size_t len)
{
	if (t <= 0) {
		snprintf(out, len, "—");
		return;
	}
	time_t local = (time_t)(t + 8 * 3600);
	struct tm tm;
	gmtime_r(&local, &tm);
	strftime(out, len, "%Y-%m-%d %H:%M", &tm);
}

void staff_format_age(struct screen_ctx *ctx, int64_t s, char *out, size_t len)
{
	static const struct {
		int64_t unit;
		const char *key;
	} units[] = {{86400, "staff.unit.days"}, {3600, "staff.unit.hours"}, {60, "staff.unit.minutes"}, {1, "staff.unit.seconds"}};
	if (s < 0)
		s = 0;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (s >= units[i].unit || units[i].unit == 1) {
			snprintf(out, len, "%lld %s", (long long)(s / units[i].unit), screen_text(ctx, units[i].key));
			return;
		}
	}
}

void staff_format_bytes(int64_t b, char *out, size_t len)
{
	if (b < 0)
		snprintf(out, len, "—");
	else if (b >= 1000000000)
		snprintf(out, len, "%.1f GB", (double)b / 1e9);
	else if (b >= 1000000)
		snprintf(out, len, "%lld MB", (long long)(b / 1000000));
	else
		snprintf(out, len, "%lld KB", (long long)((b + 999) / 1000));
}
