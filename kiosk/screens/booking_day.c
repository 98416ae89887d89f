/* Booking step 3: the day. A month grid from tomorrow to the end of the office's booking window;
 * closed days, holidays and full days are greyed with their reason on tap; month buttons move between
 * the months the window spans. */
#include <stdio.h>

#include "screens/booking_common.h"

void booking_day_build(struct screen_ctx *ctx);

void booking_day_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	booking_choice_get(ctx, &c);
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &ch, 3, &bar);
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
	struct ui_month m;
	struct booking_day_reasons reasons = {screen_text(ctx, "day.outside"), screen_text(ctx, "day.sunday"),
					      screen_text(ctx, "day.holiday"), screen_text(ctx, "day.full")};
	booking_month(c.office, c.slots, c.slot_count, c.today, *ym / 12, *ym % 12 + 1, &reasons, &m);
	char title[64];
	if (ui->lang == TEXT_LANG_EN)
		snprintf(title, sizeof(title), "%d-%02d", m.year, m.month);
	else
		snprintf(title, sizeof(title), "%d年%d月", m.year, m.month);
	m.title = title;
	static const char *const zh[7] = {"一", "二", "三", "四", "五", "六", "日"};
	static const char *const en[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
	for (int i = 0; i < 7; i++)
		m.weekdays[i] = ui->lang == TEXT_LANG_EN ? en[i] : zh[i];
	m.full_mark = screen_text(ctx, "slot.full");

	/* Month buttons when the window spans two months. */
	if (min_ym != max_ym) {
		struct rect row = rect_cut_top(&area, t->target);
		rect_cut_top(&area, t->gap / 2);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.disabled = *ym <= min_ym;
		if (ui_button(ui, "month.prev", rect_cell(row, 0, 2, t->gap, true), screen_text(ctx, "month.prev"), &look))
			(*ym)--;
		look.disabled = *ym >= max_ym;
		if (ui_button(ui, "month.next", rect_cell(row, 1, 2, t->gap, true), screen_text(ctx, "month.next"), &look))
			(*ym)++;
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
	struct rect in = ui_scroll_begin(ui, &scroll, "booking.day.scroll", view);
	int h = ui_calendar_height(ui, &m);
	if (h < view.h)
		h = view.h;
	if (ui_calendar(ui, "calendar", (struct rect){in.x, in.y, in.w, h}, &m, &selected)) {
		*day = (int)date_to_days((struct civil_date){m.year, m.month, selected});
		*session_int(ctx->session, "bk.slot", 0) = 0;
		screen_push(ctx, "booking.slot");
	}
	ui_scroll_end(ui, &scroll, in.y + h);
	chrome_end(ctx, &ch);
}
