/* Booking step 4: the time. The chosen day's 30-minute slots with their free places; full ones are
 * disabled and say so. */
#include <stdio.h>

#include "screens/booking_common.h"

void booking_slot_build(struct screen_ctx *ctx);

void booking_slot_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	booking_choice_get(ctx, &c);
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &ch, 4, &bar);
	if (!c.has_day) {
		chrome_end(ctx, &ch);
		return;
	}
	char day[96];
	booking_format_day(ctx, c.day, day, sizeof(day));
	area.y += ui_text(ui, "booking.slot.day", area, day, TEXT_HEADING, TEXT_ALIGN_START, 1, t->text) + t->gap;
	struct ui_slot cells[64];
	int index[64];
	int n = booking_day_slots(c.slots, c.slot_count, c.day, cells, 64, index);
	int selected = -1;
	for (int i = 0; c.slot && i < n; i++) {
		if (&c.slots[index[i]] == c.slot)
			selected = i;
	}
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.slot.scroll",
					 (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	int h = ui_slot_grid_height(ui, in.w, n);
	if (ui_slot_grid(ui, "slots", (struct rect){in.x, in.y, in.w, h}, cells, n, &selected, screen_text(ctx, "slot.free"),
			 screen_text(ctx, "slot.full")))
		*session_int(ctx->session, "bk.slot", 0) = (int)c.slots[index[selected]].id;
	ui_scroll_end(ui, &scroll, in.y + h);
	if (booking_next(ctx, bar, "booking.next", screen_text(ctx, "gallery.next"), selected >= 0))
		screen_push(ctx, "booking.people");
	chrome_end(ctx, &ch);
}
