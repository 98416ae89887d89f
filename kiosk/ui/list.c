/* Scrolling lists. Standard theme: a swipe scrolls, and a fling keeps moving and slows down (kinetic
 * scrolling, timed by the app clock so it is testable); a swipe never taps the item under it.
 * Large themes: pages of whole items with big 上一页/下一页 buttons, nothing to swipe.
 * Scroll views give any content taller than its area the same swipe and fling. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "ui/widgets.h"

#define DRAG_THRESHOLD 16 /* pixels a finger moves before a press becomes a swipe */
#define FRICTION 0.0035f /* velocity decay per millisecond */

static int content_height(const struct ui_list *l)
{
	return l->count * l->item_h + (l->count > 0 ? (l->count - 1) * l->gap : 0);
}

/* Swipe and fling for a view of content_h pixels of content; returns the scroll offset. */
static int kinetic(struct ui *ui, struct rect view, int content_h, struct ui_state *s)
{
	const struct ui_event *ev = &ui->event;
	bool input = ui_layer_has_input(ui);
	float max_scroll = (float)(content_h - view.h);
	if (max_scroll < 0)
		max_scroll = 0;
	uint64_t dt = ui->now_ms > s->stamp ? ui->now_ms - s->stamp : 0;
	if (!s->dragging && s->velocity != 0.0f && dt > 0) { /* coasting */
		float decay = expf(-FRICTION * (float)dt);
		s->scroll += s->velocity * (1.0f - decay) / FRICTION;
		s->velocity *= decay;
		if (fabsf(s->velocity) < 0.02f)
			s->velocity = 0.0f;
	}
	if (input && ev->kind == UI_EVENT_PRESS && rect_contains(view, ev->x, ev->y)) {
		s->drag_origin = s->drag_last = ev->y;
		s->velocity = 0.0f;
		s->dragging = false;
		s->pressing = true;
	} else if (input && ev->kind == UI_EVENT_MOVE && ui->pointer_down && s->pressing) {
		if (!s->dragging && abs(ev->y - s->drag_origin) > DRAG_THRESHOLD) {
			s->dragging = true;
			ui->active = 0; /* a swipe is not a tap on the item below */
		}
		if (s->dragging) {
			float dy = (float)(s->drag_last - ev->y);
			s->scroll += dy;
			if (dt > 0)
				s->velocity = 0.6f * s->velocity + 0.4f * dy / (float)dt;
			s->drag_last = ev->y;
		}
	} else if (ev->kind == UI_EVENT_RELEASE && s->pressing) {
		s->pressing = false;
		s->dragging = false;
	}
	if (s->scroll < 0) {
		s->scroll = 0;
		s->velocity = 0;
	}
	if (s->scroll > max_scroll) {
		s->scroll = max_scroll;
		s->velocity = 0;
	}
	s->stamp = ui->now_ms;
	if (s->velocity != 0.0f)
		ui->animating = true;
	return (int)s->scroll;
}

/* A thin bar at the right edge showing where the view is in its content. */
static void indicator(struct ui *ui, struct rect view, int content_h, int offset)
{
	const struct theme *t = &ui->theme;
	if (content_h <= view.h || content_h <= 0)
		return;
	int bar_h = view.h * view.h / content_h;
	int bar_y = view.y + (int)((long)offset * (view.h - bar_h) / (content_h - view.h));
	int bar_w = t->border * 2;
	draw_list_rect(&ui->draw, (struct rect){view.x + view.w - bar_w, bar_y, bar_w, bar_h}, t->text_muted, bar_w / 2, 0,
		       t->text_muted);
}

static void list_kinetic(struct ui *ui, struct ui_list *l, struct ui_state *s)
{
	l->offset = kinetic(ui, l->view, content_height(l), s);
	int stride = l->item_h + l->gap;
	l->first = stride > 0 ? l->offset / stride : 0;
	l->last = stride > 0 ? (l->offset + l->view.h) / stride + 1 : l->count;
	if (l->last > l->count)
		l->last = l->count;
}

void ui_list_begin(struct ui *ui, struct ui_list *l, const char *id, struct rect r, int count, int item_h,
		   const char *prev_text, const char *next_text)
{
	const struct theme *t = &ui->theme;
	memset(l, 0, sizeof(*l));
	snprintf(l->id, sizeof(l->id), "%s", id);
	l->area = r;
	l->view = r;
	l->count = count;
	l->item_h = item_h;
	l->gap = t->gap / 2;
	l->paged = t->kind != THEME_STANDARD;
	struct ui_state *s = ui_state_for(ui, id);
	if (l->paged) {
		/* Bottom row of big page buttons when there is more than one page. */
		int stride = item_h + l->gap;
		int per_page = stride > 0 ? (r.h + l->gap) / stride : count;
		if (per_page < 1)
			per_page = 1;
		if (count > per_page) {
			struct rect buttons = rect_cut_bottom(&l->view, t->target);
			rect_cut_bottom(&l->view, t->gap);
			per_page = (l->view.h + l->gap) / stride;
			if (per_page < 1)
				per_page = 1;
			l->pages = (count + per_page - 1) / per_page;
			if (s->page >= l->pages)
				s->page = l->pages - 1;
			struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
			char bid[UI_ID_MAX + 8], label[64];
			struct rect prev = rect_cell(buttons, 0, 3, t->gap, true);
			struct rect mid = rect_cell(buttons, 1, 3, t->gap, true);
			struct rect next = rect_cell(buttons, 2, 3, t->gap, true);
			look.disabled = s->page == 0;
			snprintf(bid, sizeof(bid), "%s.prev", id);
			if (ui_button(ui, bid, prev, prev_text, &look))
				s->page--;
			look.disabled = s->page >= l->pages - 1;
			snprintf(bid, sizeof(bid), "%s.next", id);
			if (ui_button(ui, bid, next, next_text, &look))
				s->page++;
			snprintf(label, sizeof(label), "%d / %d", s->page + 1, l->pages);
			struct text_style st = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_CENTER, 1);
			const struct text_layout *tl = ui_measure(ui, label, &st, mid.w);
			snprintf(bid, sizeof(bid), "%s.page", id);
			if (tl)
				ui_text(ui, bid, (struct rect){mid.x, mid.y + (mid.h - tl->height) / 2, mid.w, tl->height}, label,
					TEXT_HEADING, TEXT_ALIGN_CENTER, 1, t->text);
		} else {
			l->pages = 1;
			s->page = 0;
		}
		l->per_page = per_page;
		l->page = s->page;
		l->first = s->page * per_page;
		l->last = l->first + per_page < count ? l->first + per_page : count;
	} else {
		list_kinetic(ui, l, s);
	}
	l->saved_clip = ui->clip;
	ui->clip = l->view;
	draw_list_clip(&ui->draw, l->view);
	struct ui_widget *w = ui_record(ui, id, "list", l->view);
	if (w) {
		snprintf(w->text, sizeof(w->text), "%d", count);
		snprintf(w->label, sizeof(w->label), "%d", count);
	}
}

struct rect ui_list_item_rect(const struct ui_list *l, int index)
{
	int stride = l->item_h + l->gap;
	int y = l->paged ? l->view.y + (index - l->first) * stride : l->view.y + index * stride - l->offset;
	return (struct rect){l->view.x, y, l->view.w, l->item_h};
}

void ui_list_end(struct ui *ui, struct ui_list *l)
{
	draw_list_clip(&ui->draw, l->saved_clip);
	ui->clip = l->saved_clip;
	if (!l->paged) /* a scroll indicator, so it shows that there is more */
		indicator(ui, l->view, content_height(l), l->offset);
}

struct rect ui_scroll_begin(struct ui *ui, struct ui_scroll *sv, const char *id, struct rect view)
{
	struct ui_state *s = ui_state_for(ui, id);
	snprintf(sv->id, sizeof(sv->id), "%s", id);
	sv->view = view;
	sv->offset = kinetic(ui, view, s->content_h, s);
	sv->saved_clip = ui->clip;
	ui->clip = view;
	draw_list_clip(&ui->draw, view);
	/* Content may be as tall as it needs: the rect has no practical bottom. */
	return (struct rect){view.x, view.y - sv->offset, view.w, 1 << 20};
}

void ui_scroll_end(struct ui *ui, struct ui_scroll *sv, int content_bottom)
{
	struct ui_state *s = ui_state_for(ui, sv->id);
	s->content_h = content_bottom - (sv->view.y - sv->offset);
	draw_list_clip(&ui->draw, sv->saved_clip);
	ui->clip = sv->saved_clip;
	indicator(ui, sv->view, s->content_h, sv->offset);
	float before = s->scroll;
	if (s->content_h > sv->view.h && sv->offset + sv->view.h > s->content_h) /* content shrank */
		s->scroll = (float)(s->content_h - sv->view.h);
	/* The focused field stays in view, above the keyboard. */
	struct rect f = ui->focus_rect;
	int top = sv->view.y - sv->offset;
	if (f.h > 0 && f.y >= top && f.y < top + s->content_h) {
		int margin = ui->theme.gap;
		if (f.y - margin < sv->view.y)
			s->scroll -= (float)(sv->view.y - (f.y - margin));
		else if (f.y + f.h + margin > sv->view.y + sv->view.h)
			s->scroll += (float)(f.y + f.h + margin - (sv->view.y + sv->view.h));
		if (s->scroll < 0)
			s->scroll = 0;
		s->velocity = 0;
	}
	if (s->scroll != before)
		ui->relayout = true;
}
