/* The widget gallery: every widget in every state, for screenshot references and widget scenarios.
 * A developer screen: reachable only through the automation driver (`goto gallery`), never by touch.
 * Its data is fixed sample data, not the kiosk's. */
#include <stdio.h>

#include "app/lang_format.h"
#include "screens/chrome.h"
#include "screens/screen.h"

void gallery_form_build(struct screen_ctx *ctx);
void gallery_calendar_build(struct screen_ctx *ctx);
void gallery_list_build(struct screen_ctx *ctx);
void gallery_misc_build(struct screen_ctx *ctx);

void gallery_form_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome c = {.title = screen_text(ctx, "gallery.title"), .step = 1, .steps = 4};
	struct rect content = chrome_begin(ctx, &c);
	/* The actions stay at the bottom, always in reach; the form scrolls above them. */
	struct rect actions = c.keyboard.h ? (struct rect){0} : rect_cut_bottom(&content, t->target);
	if (!c.keyboard.h)
		rect_cut_bottom(&content, t->gap);
	struct ui_scroll scroll;
	struct rect area = ui_scroll_begin(ui, &scroll, "gallery.scroll", content);

	struct ui_field *name = session_field(ctx->session, "gallery.name", 20);
	struct ui_field *id = session_field(ctx->session, "gallery.id", 18);
	struct ui_field *phone = session_field(ctx->session, "gallery.phone", 11);
	if (!name || !id || !phone)
		return;
	struct ui_text_field_opts o = {.label = screen_text(ctx, "gallery.name"),
				       .placeholder = screen_text(ctx, "gallery.name.hint"),
				       .keyboard = KEYBOARD_NAME,
				       .mask = UI_MASK_NAME};
	area.y += ui_text_field(ui, "field.name", area, name, &o) + t->gap;
	bool id_bad = id->len > 0 && id->len < 18 && ui->focus != ui_hash("field.id");
	struct ui_text_field_opts io = {.label = screen_text(ctx, "gallery.id"),
					.placeholder = screen_text(ctx, "gallery.id.hint"),
					.error = id_bad ? screen_text(ctx, "gallery.id.short") : NULL,
					.keyboard = KEYBOARD_ID,
					.mask = UI_MASK_ID};
	area.y += ui_text_field(ui, "field.id", area, id, &io) + t->gap;
	struct ui_text_field_opts po = {.label = screen_text(ctx, "gallery.phone"),
					.placeholder = screen_text(ctx, "gallery.phone.hint"),
					.keyboard = KEYBOARD_NUMERIC,
					.mask = UI_MASK_PHONE};
	area.y += ui_text_field(ui, "field.phone", area, phone, &po) + t->gap;

	const char *docs[3] = {screen_text(ctx, "doc.resident_id"), screen_text(ctx, "doc.hk_macau_permit"),
			       screen_text(ctx, "doc.passport")};
	int *doc = session_int(ctx->session, "gallery.doc", 0);
	ui_choice(ui, "choice.doc", (struct rect){area.x, area.y, area.w, ui_choice_height(ui, 3)}, docs, 3, doc, true);
	area.y += ui_choice_height(ui, 3);
	ui_scroll_end(ui, &scroll, area.y);
	if (c.keyboard.h == 0) { /* with the keyboard up, the actions wait below it */
		struct rect row = actions;
		struct ui_button_look primary = ui_button_look(ui, UI_BUTTON_PRIMARY);
		struct ui_button_look secondary = ui_button_look(ui, UI_BUTTON_SECONDARY);
		struct ui_button_look disabled = ui_button_look(ui, UI_BUTTON_PRIMARY);
		disabled.disabled = true;
		ui_button(ui, "button.disabled", rect_cell(row, 0, 3, t->gap, true), screen_text(ctx, "gallery.disabled"),
			  &disabled);
		if (ui_button(ui, "button.calendar", rect_cell(row, 1, 3, t->gap, true), screen_text(ctx, "gallery.calendar"),
			      &secondary))
			screen_push(ctx, "gallery.calendar");
		if (ui_button(ui, "button.next", rect_cell(row, 2, 3, t->gap, true), screen_text(ctx, "gallery.next"), &primary))
			screen_push(ctx, "gallery.list");
	}
	chrome_end(ctx, &c);
}

void gallery_calendar_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome c = {.title = screen_text(ctx, "gallery.calendar"), .step = 2, .steps = 4};
	struct ui_scroll scroll;
	struct rect area = ui_scroll_begin(ui, &scroll, "calendar.scroll", chrome_begin(ctx, &c));
	char title[64];
	lang_format_date(ctx->strings, ui->lang, (struct civil_date){2026, 12, 1}, LANG_MONTH_TITLE, title, sizeof(title));
	struct ui_month m = {.year = 2026, .month = 12, .first_weekday = 1, .days = 31, .title = title,
			     .full_mark = screen_text(ctx, "slot.full")};
	for (int i = 0; i < 7; i++) /* Monday first */
		m.weekdays[i] = lang_weekday_short(ctx->strings, ui->lang, (i + 1) % 7);
	for (int d = 1; d <= 31; d++) {
		int weekday = (m.first_weekday + d - 1) % 7;
		if (d <= 2) {
			m.status[d - 1] = UI_DAY_OUTSIDE;
			m.reason[d - 1] = screen_text(ctx, "day.outside");
		} else if (weekday == 6) {
			m.status[d - 1] = UI_DAY_CLOSED;
			m.reason[d - 1] = screen_text(ctx, "day.sunday");
		} else if (d == 8 || d == 15) {
			m.status[d - 1] = UI_DAY_FULL;
			m.reason[d - 1] = screen_text(ctx, "day.full");
		}
	}
	int *day = session_int(ctx->session, "gallery.day", 0);
	int cal_h = ui_calendar_height(ui, &m);
	ui_calendar(ui, "calendar", (struct rect){area.x, area.y, area.w, cal_h}, &m, day);
	area.y += cal_h + t->gap;
	static const struct ui_slot slots[] = {{"09:00", 3, 4}, {"09:30", 0, 4}, {"10:00", 1, 4},
					       {"10:30", 4, 4}, {"14:30", 2, 4}, {"15:00", 0, 4}};
	int *slot = session_int(ctx->session, "gallery.slot", -1);
	int slots_h = ui_slot_grid_height(ui, area.w, 6);
	ui_slot_grid(ui, "slots", (struct rect){area.x, area.y, area.w, slots_h}, slots, 6, slot,
		     screen_text(ctx, "slot.free"), screen_text(ctx, "slot.full"));
	ui_scroll_end(ui, &scroll, area.y + slots_h);
	chrome_end(ctx, &c);
}

void gallery_list_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome c = {.title = screen_text(ctx, "gallery.list"), .step = 3, .steps = 4};
	struct rect area = chrome_begin(ctx, &c);
	struct rect next = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	struct ui_list list;
	ui_list_begin(ui, &list, "list", area, 40, t->target, screen_text(ctx, "list.prev"), screen_text(ctx, "list.next"));
	for (int i = list.first; i < list.last; i++) {
		char id[32], text[64];
		snprintf(id, sizeof(id), "item.%d", i + 1);
		snprintf(text, sizeof(text), "%s %d", screen_text(ctx, "gallery.item"), i + 1);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
		if (ui_button(ui, id, ui_list_item_rect(&list, i), text, &look))
			ui_toast_show(ui, text, 3000);
	}
	ui_list_end(ui, &list);
	struct ui_button_look primary = ui_button_look(ui, UI_BUTTON_PRIMARY);
	if (ui_button(ui, "button.next", next, screen_text(ctx, "gallery.next"), &primary))
		screen_push(ctx, "gallery.misc");
	chrome_end(ctx, &c);
}

void gallery_misc_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome c = {.title = screen_text(ctx, "gallery.misc"), .step = 4, .steps = 4};
	struct rect area = chrome_begin(ctx, &c);
	int qr = t->target * 3;
	struct rect top = rect_cut_top(&area, qr);
	ui_qr(ui, "qr", rect_cut_left(&top, qr), "https://jianghai.example/b/JH-2026-000123", "JH-2026-000123");
	rect_cut_left(&top, t->gap);
	top.y += ui_text(ui, "qr.caption", top, "JH-2026-000123", TEXT_TITLE, TEXT_ALIGN_START, 1, t->text) + t->gap;
	ui_spinner(ui, "spinner", (struct rect){top.x, top.y, t->target, t->target}, screen_text(ctx, "gallery.sending"));
	rect_cut_top(&area, t->gap);
	ui_progress(ui, "progress", rect_cut_top(&area, t->gap * 2), 0.6f, screen_text(ctx, "gallery.sending"));
	rect_cut_top(&area, t->gap);
	int *open = session_int(ctx->session, "gallery.dialog", 0);
	struct ui_button_look secondary = ui_button_look(ui, UI_BUTTON_SECONDARY);
	if (ui_button(ui, "button.dialog", rect_cut_top(&area, t->target), screen_text(ctx, "gallery.dialog"), &secondary))
		*open = 1;
	if (*open) {
		struct rect buttons = ui_dialog_begin(ui, "dialog", screen_text(ctx, "gallery.dialog.title"),
						      screen_text(ctx, "gallery.dialog.body"), 1);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_PRIMARY);
		if (ui_button(ui, "dialog.ok", buttons, screen_text(ctx, "gallery.ok"), &look))
			*open = 0;
		ui_dialog_end(ui);
	}
	chrome_end(ctx, &c);
}
