/* Booking step 4: the time. The chosen day's 30-minute slots with their free places; full ones are
 * disabled and say so. */
#include <stdio.h>

#include "net/query.h"
#include "screens/booking_common.h"

void booking_slot_build(struct screen_ctx *ctx);

enum recheck { RECHECK_PENDING, RECHECK_FREE, RECHECK_TAKEN, RECHECK_UNKNOWN };

/* The backend's answer about one slot: still free, taken meanwhile, or no answer (go ahead offline). */
static enum recheck recheck_poll(struct screen_ctx *ctx, uint32_t ticket, int64_t slot_id)
{
	struct query_result r;
	enum query_state st = query_take(ctx->kiosk->query, ticket, &r);
	if (st == QUERY_PENDING)
		return RECHECK_PENDING;
	enum recheck verdict = RECHECK_UNKNOWN;
	if (st == QUERY_ANSWERED && r.status == 200 && r.body) {
		struct catalog_slot slots[64];
		int n = booking_slots_parse(r.body, slots, 64);
		for (int i = 0; i < n; i++) {
			if (slots[i].id == slot_id)
				verdict = slots[i].free > 0 && slots[i].bookable ? RECHECK_FREE : RECHECK_TAKEN;
		}
	}
	query_result_finish(&r);
	return verdict == RECHECK_UNKNOWN ? RECHECK_FREE : verdict;
}

void booking_slot_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 4, &bar);
	if (!c.has_day) {
		chrome_end(ctx, &ch);
		return;
	}
	char day[96];
	screen_format_date(ctx, c.day, true, day, sizeof(day));
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
	/* Online, the chosen place is asked again before the visitor types anything: the cache may be a few
	 * minutes old. Offline (or no answer) the booking goes ahead as provisional. */
	int *ticket = session_int(ctx->session, "bk.recheck", 0);
	if (*ticket) {
		enum recheck r = recheck_poll(ctx, (uint32_t)*ticket, selected >= 0 ? c.slots[index[selected]].id : 0);
		if (r != RECHECK_PENDING)
			*ticket = 0;
		if (r == RECHECK_FREE)
			screen_push(ctx, "booking.people");
		else if (r == RECHECK_TAKEN) {
			*session_int(ctx->session, "bk.slot", 0) = 0;
			ui_toast_show(ui, screen_text(ctx, "slot.just_taken"), 5000);
		} else
			ui_wake_at(ui, ui->now_ms + 200);
	}
	if (flow_next(ctx, bar, "booking.next", screen_text(ctx, *ticket ? "slot.checking" : "gallery.next"),
			 selected >= 0 && !*ticket)) {
		char path[256], iso[16];
		date_format(c.day, iso, sizeof(iso));
		snprintf(path, sizeof(path), "/v1/slots?service=%s&office=%s&from=%s&to=%s", c.service->id, c.office->id, iso, iso);
		uint32_t asked = ctx->kiosk->query ? query_submit(ctx->kiosk->query, "GET", path, NULL, NULL) : 0;
		if (asked)
			*ticket = (int)asked;
		else
			screen_push(ctx, "booking.people");
	}
	chrome_end(ctx, &ch);
}
