/* Booking step 2: which office, among those that offer the chosen service: name, address and
 * opening hours. */
#include <stdio.h>

#include "screens/booking_common.h"

void booking_office_build(struct screen_ctx *ctx);

void booking_office_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 2, &bar);
	area.y += ui_text(ui, "booking.office.prompt", area, screen_text(ctx, "booking.office.prompt"), TEXT_HEADING,
			  TEXT_ALIGN_START, 2, t->text) + t->gap;
	struct ui_scroll scroll;
	struct rect list = ui_scroll_begin(ui, &scroll, "booking.office.scroll",
					   (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	for (int i = 0; c.catalog && c.service && i < c.catalog->office_count; i++) {
		const struct catalog_office *o = &c.catalog->offices[i];
		if (!o->bookable || o->designated || !catalog_office_offers(o, c.service->id))
			continue;
		const char *name = screen_ref_text(ctx, &o->name), *addr = screen_ref_text(ctx, &o->address);
		const char *hours = screen_ref_text(ctx, &o->hours);
		struct text_style bs = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 3);
		const struct text_layout *al = ui_measure(ui, addr, &bs, list.w - 2 * t->pad);
		const struct text_layout *hl = ui_measure(ui, hours, &bs, list.w - 2 * t->pad);
		int h = t->pad + ui_line_height(ui, TEXT_TITLE) + t->gap / 2 + (al ? al->height : 0) + (hl ? hl->height : 0) + t->pad;
		struct rect card = rect_cut_top(&list, h);
		rect_cut_top(&list, t->gap);
		char id[96], label[UI_TEXT_MAX];
		snprintf(id, sizeof(id), "office.%s", o->id);
		snprintf(label, sizeof(label), "%s，%s", name, addr);
		bool pressed = false;
		if (ui_area(ui, id, card, name, label, &pressed)) {
			screen_set(ctx, "bk.office", o->id);
			*session_int(ctx->session, "bk.day", 0) = 0;
			*session_int(ctx->session, "bk.slot", 0) = 0;
			*session_int(ctx->session, "bk.day_placed", 0) = 0;
			screen_push(ctx, "booking.day");
		}
		bool on = c.office == o;
		ui_panel(ui, card, pressed ? t->surface_pressed : t->surface, t->radius, on ? t->border * 2 : t->border,
			 on ? t->selected : t->border_color);
		ui_text_on(ui, pressed ? t->surface_pressed : t->surface);
		struct rect in = rect_inset(card, t->pad, t->pad);
		in.y += ui_text(ui, NULL, in, name, TEXT_TITLE, TEXT_ALIGN_START, 1, t->text) + t->gap / 2;
		in.y += ui_text(ui, NULL, in, addr, TEXT_BODY, TEXT_ALIGN_START, 3, t->text_muted);
		ui_text(ui, NULL, in, hours, TEXT_BODY, TEXT_ALIGN_START, 3, t->text_muted);
		ui_text_on(ui, t->background);
	}
	ui_scroll_end(ui, &scroll, list.y);
	chrome_end(ctx, &ch);
}
