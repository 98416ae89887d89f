/* Booking step 1: which service. Each service is a card with its name, what it is and what to bring
 * (from the cached reference data). Choosing one moves on; the office step is skipped when only one
 * office offers it or the configuration pins one. */
#include <stdio.h>
#include <string.h>

#include "screens/booking_common.h"

void booking_service_build(struct screen_ctx *ctx);

/* The office to use without asking: the configured one, or the only one offering the service. */
static const struct catalog_office *only_office(struct screen_ctx *ctx, const struct booking_catalog *cat,
						 const char *service)
{
	const struct catalog_office *pinned = catalog_office_find(cat, config_str(ctx->cfg, "booking", "office"));
	if (pinned && catalog_office_offers(pinned, service))
		return pinned;
	const struct catalog_office *found = NULL;
	for (int i = 0; i < cat->office_count; i++) {
		const struct catalog_office *o = &cat->offices[i];
		if (!o->bookable || o->designated || !catalog_office_offers(o, service))
			continue;
		if (found)
			return NULL;
		found = o;
	}
	return found;
}

/* True when staff configuration offers the service here ([booking] services; empty: all). */
static bool offered(struct screen_ctx *ctx, const char *id)
{
	const char *list = config_str(ctx->cfg, "booking", "services");
	if (!list[0])
		return true;
	size_t len = strlen(id);
	for (const char *p = list; (p = strstr(p, id)) != NULL; p += len) {
		bool starts = p == list || p[-1] == ' ' || p[-1] == ',';
		bool ends = p[len] == '\0' || p[len] == ' ' || p[len] == ',';
		if (starts && ends)
			return true;
	}
	return false;
}

void booking_service_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 1, &bar);
	area.y += ui_text(ui, "booking.service.prompt", area, screen_text(ctx, "booking.service.prompt"), TEXT_HEADING,
			  TEXT_ALIGN_START, 2, t->text) + t->gap;
	if (!c.catalog || c.catalog->service_count == 0) {
		ui_text(ui, "booking.no_data", area, screen_text(ctx, "booking.no_data"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text);
		chrome_end(ctx, &ch);
		return;
	}
	rect_cut_top(&area, 0);
	struct ui_scroll scroll;
	struct rect list = ui_scroll_begin(ui, &scroll, "booking.service.scroll", (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	int line = ui_line_height(ui, TEXT_BODY);
	for (int i = 0; i < c.catalog->service_count; i++) {
		const struct catalog_service *sv = &c.catalog->services[i];
		if (!offered(ctx, sv->id))
			continue;
		const char *name = screen_ref_text(ctx, &sv->name), *desc = screen_ref_text(ctx, &sv->description);
		struct text_style ds = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 2);
		const struct text_layout *dl = ui_measure(ui, desc, &ds, list.w - 2 * t->pad);
		int h = t->pad + ui_line_height(ui, TEXT_TITLE) + t->gap / 2 + (dl ? dl->height : line) + t->pad;
		struct rect card = rect_cut_top(&list, h);
		rect_cut_top(&list, t->gap);
		char id[96];
		snprintf(id, sizeof(id), "service.%s", sv->id);
		bool pressed = false;
		if (ui_area(ui, id, card, name, desc, &pressed)) {
			screen_set(ctx, "bk.service", sv->id);
			*session_int(ctx->session, "bk.slot", 0) = 0;
			/* One office offering it (or one pinned by staff): no question to ask. */
			const struct catalog_office *only = only_office(ctx, c.catalog, sv->id);
			if (only) {
				screen_set(ctx, "bk.office", only->id);
				*session_int(ctx->session, "bk.day", 0) = 0;
				*session_int(ctx->session, "bk.day_placed", 0) = 0;
				screen_push(ctx, "booking.day");
			} else {
				screen_push(ctx, "booking.office");
			}
		}
		bool on = c.service == sv;
		ui_panel(ui, card, pressed ? t->surface_pressed : t->surface, t->radius, on ? t->border * 2 : t->border,
			 on ? t->selected : t->border_color);
		ui_text_on(ui, pressed ? t->surface_pressed : t->surface);
		struct rect in = rect_inset(card, t->pad, t->pad);
		in.y += ui_text(ui, NULL, in, name, TEXT_TITLE, TEXT_ALIGN_START, 1, t->accents[0]) + t->gap / 2;
		ui_text(ui, NULL, in, desc, TEXT_BODY, TEXT_ALIGN_START, 2, t->text_muted);
		ui_text_on(ui, t->background);
	}
	ui_scroll_end(ui, &scroll, list.y);
	/* Looking up or cancelling an existing booking starts where booking does (a secondary button). */
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	if (bar.h && ui_button(ui, "booking.lookup", bar, screen_text(ctx, "lookup.entry"), &look))
		screen_push(ctx, "booking.lookup");
	chrome_end(ctx, &ch);
}
