/* Booking step 3: the day. A month grid from tomorrow to the end of the office's booking window;
 * closed days, holidays and full days are greyed with their reason on tap; month buttons move between
 * the months the window spans. */
#include <stdio.h>
#include <string.h>

#include "app/lang_format.h"
#include "screens/booking_common.h"

void booking_day_build(struct screen_ctx *ctx);

/* Days that cannot be the certificate visit of a divorce application (not 31–60 days after it, or
 * no valid application date yet) become "outside" with the reason. */
static void divorce_days(struct screen_ctx *ctx, bool known, struct civil_date application, struct ui_month *m)
{
	struct civil_date from = {0, 0, 0}, to = {0, 0, 0};
	if (known)
		booking_divorce_window(application, &from, &to);
	for (int d = 1; d <= m->days; d++) {
		long n = date_to_days((struct civil_date){m->year, m->month, d});
		if (m->status[d - 1] == UI_DAY_OUTSIDE)
			continue;
		if (!known || n < date_to_days(from) || n > date_to_days(to)) {
			m->status[d - 1] = UI_DAY_OUTSIDE;
			m->reason[d - 1] = screen_text(ctx, known ? "err.divorce.window" : "err.divorce.first");
		}
	}
}

static bool any_open(const struct ui_month *m)
{
	for (int d = 0; d < m->days; d++) {
		if (m->status[d] == UI_DAY_OPEN)
			return true;
	}
	return false;
}

void booking_day_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 3, &bar);
	if (!c.office || !c.service) {
		chrome_end(ctx, &ch);
		return;
	}
	struct civil_date first = date_from_days(date_to_days(c.today) + 1);
	struct civil_date last = date_from_days(date_to_days(c.today) + c.office->window_days);
	int *ym = session_int(ctx->session, "bk.month", first.year * 12 + first.month - 1);
	int min_ym = first.year * 12 + first.month - 1, max_ym = last.year * 12 + last.month - 1;
	if (*ym < min_ym || *ym > max_ym)
		*ym = min_ym;
	/* The certificate visit after a divorce application: the application date is asked first, and
	 * only days 31–60 after it are offered. */
	bool divorce = strcmp(c.service->id, "divorce_certificate") == 0;
	struct ui_field *applied = divorce ? session_field(ctx->session, "bk.divorce", 8) : NULL;
	struct civil_date application = {0, 0, 0};
	bool known = false;
	if (applied) {
		char date[16];
		booking_typed_date(applied->text, date, sizeof(date));
		known = date_parse(date, &application) == 0 && date_to_days(application) <= date_to_days(c.today);
	}
	struct ui_month m;
	struct booking_day_reasons reasons = {screen_text(ctx, "day.outside"), screen_text(ctx, "day.sunday"),
					      screen_text(ctx, "day.holiday"), screen_text(ctx, "day.full")};
	/* Open on the first month with a day to choose, until the visitor turns the page themselves. */
	int *auto_month = session_int(ctx->session, "bk.month_auto", 1);
	for (int tries = 0; tries <= max_ym - min_ym; tries++) {
		booking_month(c.office, c.slots, c.slot_count, c.today, *ym / 12, *ym % 12 + 1, &reasons, &m);
		if (divorce)
			divorce_days(ctx, known, application, &m);
		if (!*auto_month || any_open(&m) || *ym >= max_ym)
			break;
		(*ym)++;
	}
	char title[64];
	lang_format_date(ctx->strings, ui->lang, (struct civil_date){m.year, m.month, 1}, LANG_MONTH_TITLE, title,
			 sizeof(title));
	m.title = title;
	for (int i = 0; i < 7; i++) /* the calendar's weeks start on Monday */
		m.weekdays[i] = lang_weekday_short(ctx->strings, ui->lang, (i + 1) % 7);
	m.full_mark = screen_text(ctx, "slot.full");

	/* Month buttons when the window spans two months. */
	if (min_ym != max_ym) {
		struct rect row = rect_cut_top(&area, t->target);
		rect_cut_top(&area, t->gap / 2);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.disabled = *ym <= min_ym;
		if (ui_button(ui, "month.prev", rect_cell(row, 0, 2, t->gap, true), screen_text(ctx, "month.prev"), &look)) {
			(*ym)--;
			*auto_month = 0;
		}
		look.disabled = *ym >= max_ym;
		if (ui_button(ui, "month.next", rect_cell(row, 1, 2, t->gap, true), screen_text(ctx, "month.next"), &look)) {
			(*ym)++;
			*auto_month = 0;
		}
	}
	if (applied) {
		bool left = ui->focus != ui_hash("divorce") && applied->len > 0;
		struct ui_text_field_opts o = {.label = screen_text(ctx, "people.divorce"),
					       .placeholder = screen_text(ctx, "people.birth.hint"),
					       .keyboard = KEYBOARD_NUMERIC,
					       .error = left && !known ? screen_text(ctx, "err.divorce.date") : NULL};
		area.y += ui_text_field(ui, "divorce", area, applied, &o) + t->gap;
	}
	int *day = session_int(ctx->session, "bk.day", 0);
	int selected = 0;
	if (*day > 0) {
		struct civil_date d = date_from_days(*day);
		if (d.year == m.year && d.month == m.month)
			selected = d.day;
	}
	struct ui_scroll scroll;
	struct rect view = {area.x, area.y, area.w, bar.y - area.y - t->gap};
	int h = ui_calendar_height(ui, &m);
	if (h < view.h)
		h = view.h;
	/* Arriving, the month scrolls to its first day on offer (a small screen may not show them all). */
	int *placed = session_int(ctx->session, "bk.day_placed", 0);
	for (int d = 1; !*placed && d <= m.days; d++) {
		if (m.status[d - 1] == UI_DAY_OPEN) {
			/* only as far as needed to bring that row's bottom into view: the title stays when it can */
			int bottom = ui_calendar_day_top(ui, &m, h, d + 7);
			int y = bottom - view.h;
			struct ui_state *st = ui_state_for(ui, "booking.day.scroll");
			st->content_h = h; /* known now: the first pass must not clamp the offset to nothing */
			st->scroll = (float)(y > 0 ? (y < h - view.h ? y : h - view.h) : 0);
			*placed = 1;
		}
	}
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.day.scroll", view);
	if (ui_calendar(ui, "calendar", (struct rect){in.x, in.y, in.w, h}, &m, &selected)) {
		*day = (int)date_to_days((struct civil_date){m.year, m.month, selected});
		*session_int(ctx->session, "bk.slot", 0) = 0;
		screen_push(ctx, "booking.slot");
	}
	ui_scroll_end(ui, &scroll, in.y + h);
	chrome_end(ctx, &ch);
}
