/* Shared parts of the flow screens; see flow.h. */
#include "screens/flow.h"

#include <stdio.h>

const char *screen_value(struct screen_ctx *ctx, const char *key)
{
	struct ui_field *f = session_field(ctx->session, key, 0);
	return f ? f->text : "";
}

void screen_set(struct screen_ctx *ctx, const char *key, const char *value)
{
	struct ui_field *f = session_field(ctx->session, key, 0);
	if (!f)
		return;
	ui_field_clear(f);
	ui_field_insert(f, value);
}

void screen_say(struct screen_ctx *ctx, const char *text)
{
	screen_set(ctx, "vo.text", text);
}

const char *screen_ref_text(struct screen_ctx *ctx, const struct catalog_text *t)
{
	return catalog_text_get(t, ctx->ui->lang);
}

struct rect flow_begin(struct screen_ctx *ctx, struct chrome *c, const char *title, int step, int steps,
		       struct rect *bar)
{
	const struct theme *t = &ctx->ui->theme;
	c->title = title;
	c->step = step;
	c->steps = step > 0 ? steps : 0;
	struct rect area = chrome_begin(ctx, c);
	*bar = c->keyboard.h ? (struct rect){0} : rect_cut_bottom(&area, t->target);
	if (!c->keyboard.h)
		rect_cut_bottom(&area, t->gap);
	return area;
}

struct rect flow_scroll_begin(struct screen_ctx *ctx, struct ui_scroll *scroll, const char *id, struct rect area,
			      struct rect bar)
{
	struct rect view = area;
	if (bar.h)
		view.h = bar.y - ctx->ui->theme.gap - area.y;
	return ui_scroll_begin(ctx->ui, scroll, id, view);
}

bool flow_next(struct screen_ctx *ctx, struct rect bar, const char *id, const char *text, bool enabled)
{
	if (bar.h == 0)
		return false;
	struct ui_button_look look = ui_button_look(ctx->ui, UI_BUTTON_PRIMARY);
	look.role = TEXT_TITLE;
	look.disabled = !enabled;
	return ui_button(ctx->ui, id, bar, text, &look);
}

void screen_format_date(struct screen_ctx *ctx, struct civil_date d, bool weekday, char *out, size_t len)
{
	static const char *const zh[7] = {"日", "一", "二", "三", "四", "五", "六"};
	static const char *const en[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
	static const char *const months[12] = {"January", "February", "March", "April", "May", "June",
					       "July", "August", "September", "October", "November", "December"};
	int wd = date_weekday(d);
	if (d.month < 1 || d.month > 12) {
		out[0] = '\0';
		return;
	}
	if (ctx->ui->lang == TEXT_LANG_EN)
		snprintf(out, len, "%s%s%d %s %d", weekday ? en[wd] : "", weekday ? " " : "", d.day, months[d.month - 1],
			 d.year);
	else
		snprintf(out, len, "%d年%d月%d日%s%s", d.year, d.month, d.day, weekday ? " 星期" : "", weekday ? zh[wd] : "");
}
