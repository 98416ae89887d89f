/* Pledge step 1: the district's charity projects, from the cached reference data. Each project is a
 * card: its icon, name, one-line purpose, who runs it, a progress bar with what has been raised
 * against the goal, what kiosks have pledged and not yet paid, and when the figures are from.
 * A closed project stays visible, greyed and marked, and its card says why it takes no pledge.
 * Tapping a card opens its detail. The bottom bar withdraws a pledge made here by its reference. */
#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/charity_common.h"

void charity_projects_build(struct screen_ctx *ctx);

/* The card of one project at r (its height is measured first); returns its height. Its head is the
 * icon beside the name and the organiser, then the one-line purpose; then the progress bar and the
 * figures, and for a closed project why it takes no pledge: below the head on a narrow card, beside
 * it on a wide one (landscape), so a whole card fits the short screen. */
static int card(struct screen_ctx *ctx, const struct charity_catalog *cat, const struct charity_project *p,
		const char *today, struct rect r, bool measure_only)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	bool pledgeable = charity_project_pledgeable(p, today);
	bool wide = ui->width > ui->height;
	const char *name = screen_ref_text(ctx, &p->name), *summary = screen_ref_text(ctx, &p->summary);
	char organiser[CATALOG_TEXT_MAX + 64], figures[UI_TEXT_MAX * 2];
	const char *names[1] = {"organiser"}, *values[1] = {screen_ref_text(ctx, &p->organiser)};
	template_fill_text(organiser, sizeof(organiser), screen_text(ctx, "charity.organiser"), names, values, 1);
	charity_progress_text(ctx, cat, p, figures, sizeof(figures));
	const char *closed = screen_text(ctx, p->open ? "charity.closed.ended" : "charity.closed.card");

	int tile = t->target;
	struct rect in = rect_inset(r, t->pad / 2, t->pad / 2);
	struct rect left = in, right = in;
	if (wide) {
		right = rect_cut_right(&left, (in.w - t->gap) / 2);
		rect_cut_right(&left, t->gap);
	}
	struct rect head = left;
	rect_cut_left(&head, tile + t->gap / 2);
	/* one line of purpose in the large themes (they say less), two in the standard one */
	int summary_lines = t->kind == THEME_STANDARD ? 2 : 1;
	struct text_style ns = ui_text_style(ui, TEXT_TITLE, TEXT_ALIGN_START, 0);
	struct text_style os = ui_text_style(ui, TEXT_CAPTION, TEXT_ALIGN_START, 0);
	struct text_style ss = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, summary_lines);
	struct text_style fs = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
	const struct text_layout *ln = ui_measure(ui, name, &ns, head.w);
	int name_h = ln ? ln->height : 0;
	const struct text_layout *lo = ui_measure(ui, organiser, &os, head.w);
	int head_h = name_h + t->gap / 4 + (lo ? lo->height : 0);
	if (head_h < tile)
		head_h = tile;
	const struct text_layout *ls = ui_measure(ui, summary, &ss, left.w);
	const struct text_layout *lf = ui_measure(ui, figures, &fs, right.w);
	const struct text_layout *lc = pledgeable ? NULL : ui_measure(ui, closed, &fs, right.w);
	int bar_h = t->gap * 2 / 3;
	int left_h = head_h + t->gap / 2 + (ls ? ls->height : 0);
	int right_h = bar_h + t->gap / 2 + (lf ? lf->height : 0) + (lc ? t->gap / 2 + lc->height : 0);
	int h = t->pad / 2 + (wide ? (left_h > right_h ? left_h : right_h) : left_h + t->gap / 2 + right_h) +
		t->pad * 3 / 4;
	if (measure_only)
		return h;

	r.h = h;
	char id[96];
	snprintf(id, sizeof(id), "project.%s", p->id);
	bool pressed = false;
	if (ui_area(ui, id, r, name, summary, &pressed)) {
		screen_set(ctx, "ch.project", p->id);
		screen_push(ctx, "charity.project");
	}
	struct color fill = pressed ? t->surface_pressed : t->surface;
	ui_panel(ui, r, fill, t->radius, t->border, pledgeable ? t->border_color : t->text_muted);
	ui_text_on(ui, fill);
	charity_icon(ctx, (struct rect){left.x, left.y, tile, tile}, p);
	head = (struct rect){left.x + tile + t->gap / 2, left.y, left.w - tile - t->gap / 2, head_h};
	head.y += ui_text(ui, NULL, head, name, TEXT_TITLE, TEXT_ALIGN_START, 0, pledgeable ? t->accents[2] : t->text) +
		  t->gap / 4;
	ui_text(ui, NULL, head, organiser, TEXT_CAPTION, TEXT_ALIGN_START, 0, t->text_muted);
	left.y += head_h + t->gap / 2;
	left.y += ui_text(ui, NULL, left, summary, TEXT_BODY, TEXT_ALIGN_START, summary_lines, t->text);
	if (!wide)
		right.y = left.y + t->gap / 2;
	else /* the figures sit level with the middle of the head */
		right.y += (left_h - right_h) / 2 > 0 ? (left_h - right_h) / 2 : 0;
	snprintf(id, sizeof(id), "project.%s.progress", p->id);
	ui_progress(ui, id, (struct rect){right.x, right.y, right.w, bar_h}, (float)p->progress_percent / 100.0f, name);
	right.y += bar_h + t->gap / 2;
	snprintf(id, sizeof(id), "project.%s.figures", p->id);
	right.y += ui_text(ui, id, right, figures, TEXT_BODY, TEXT_ALIGN_START, 0, t->text);
	if (lc) {
		snprintf(id, sizeof(id), "project.%s.closed", p->id);
		right.y += t->gap / 2;
		ui_text(ui, id, right, closed, TEXT_BODY, TEXT_ALIGN_START, 0, t->error);
	}
	ui_text_on(ui, t->background);
	return h;
}

void charity_projects_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 1, &bar);
	/* Withdrawing a pledge made here starts where pledging does (a secondary button): the bottom bar in
	 * portrait; in landscape beside the prompt, so the short screen keeps its height for the cards. */
	struct rect withdraw = bar;
	struct rect prompt = area;
	if (ui->width > ui->height && bar.h) {
		area.h += bar.y + bar.h - (area.y + area.h);
		bar.y = area.y + area.h + t->gap;
		prompt = rect_cut_top(&area, t->target);
		withdraw = rect_cut_right(&prompt, ui_button_width(ui, screen_text(ctx, "charity.withdraw.entry"), NULL,
								       TEXT_TITLE));
		rect_cut_top(&area, t->gap);
		prompt.y += (prompt.h - ui_line_height(ui, TEXT_HEADING)) / 2;
		ui_text(ui, "charity.projects.prompt", prompt, screen_text(ctx, "charity.projects.prompt"), TEXT_HEADING,
			TEXT_ALIGN_START, 0, t->text);
	} else {
		area.y += ui_text(ui, "charity.projects.prompt", area, screen_text(ctx, "charity.projects.prompt"),
				  TEXT_HEADING, TEXT_ALIGN_START, 0, t->text) + t->gap;
	}
	if (c.catalog->project_count == 0) {
		ui_text(ui, "charity.no_data", area, screen_text(ctx, "charity.no_data"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text);
	} else {
		struct ui_scroll scroll;
		struct rect list = ui_scroll_begin(ui, &scroll, "charity.projects.scroll",
						   (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
		for (int i = 0; i < c.catalog->project_count; i++) {
			const struct charity_project *p = &c.catalog->projects[i];
			int h = card(ctx, c.catalog, p, c.today, list, true);
			card(ctx, c.catalog, p, c.today, (struct rect){list.x, list.y, list.w, h}, false);
			list.y += h + t->gap;
		}
		ui_scroll_end(ui, &scroll, list.y);
	}
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role = TEXT_TITLE;
	if (withdraw.h && ui_button(ui, "charity.withdraw.entry", withdraw, screen_text(ctx, "charity.withdraw.entry"), &look)) {
		screen_set(ctx, "ch.wd.key", "");
		screen_set(ctx, "ch.wd.ref", "");
		*session_int(ctx->session, "ch.wd.message", 0) = 0;
		*session_int(ctx->session, "ch.wd.dialog", 0) = 0;
		screen_push(ctx, "charity.withdraw");
	}
	chrome_end(ctx, &ch);
}
