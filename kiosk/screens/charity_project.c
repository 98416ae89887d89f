/* Pledge step 1, one project: its icon and name, who runs it, the progress bar and figures with their
 * "as of" time, the number of pledges, the end date and the full description. "我要认捐" moves on to the
 * amount; for a closed project (or one past its end date) it stays off and a sentence says why. */
#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/charity_common.h"

void charity_project_build(struct screen_ctx *ctx);

void charity_project_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct charity_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = charity_begin(ctx, &c, &ch, 1, &bar);
	const struct charity_project *p = c.project;
	if (!p) { /* the project left the reference data since it was chosen */
		ui_text(ui, "charity.no_project", area, screen_text(ctx, "charity.no_project"), TEXT_BODY, TEXT_ALIGN_START, 0,
			t->text);
		chrome_end(ctx, &ch);
		return;
	}
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "charity.project.scroll",
					 (struct rect){area.x, area.y, area.w, bar.y - area.y - t->gap});
	const char *name = screen_ref_text(ctx, &p->name);
	int tile = t->target * 3 / 2;
	struct rect head = in;
	charity_icon(ctx, (struct rect){head.x, head.y, tile, tile}, p);
	rect_cut_left(&head, tile + t->gap);
	int name_h = ui_text(ui, "charity.project.name", head, name, TEXT_TITLE, TEXT_ALIGN_START, 0, t->text);
	in.y += (name_h > tile ? name_h : tile) + t->gap;

	char line[CATALOG_TEXT_MAX + 64], figures[UI_TEXT_MAX * 2];
	const char *on[1] = {"organiser"}, *ov[1] = {screen_ref_text(ctx, &p->organiser)};
	template_fill_text(line, sizeof(line), screen_text(ctx, "charity.organiser"), on, ov, 1);
	in.y += ui_text(ui, "charity.project.organiser", in, line, TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	/* clear of the scroll indicator at the right edge */
	ui_progress(ui, "charity.project.progress", (struct rect){in.x, in.y, in.w - t->border * 3, t->gap * 3 / 2},
		    (float)p->progress_percent / 100.0f, name);
	in.y += t->gap * 3 / 2 + t->gap / 2;
	charity_progress_text(ctx, c.catalog, p, figures, sizeof(figures));
	in.y += ui_text(ui, "charity.project.figures", in, figures, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) + t->gap / 2;
	char count[32], details[UI_TEXT_MAX];
	snprintf(count, sizeof(count), "%d", p->pledge_count > 0 ? p->pledge_count : 0);
	char ends_on[64];
	charity_time(ctx, p->ends_on, ends_on, sizeof(ends_on));
	const char *dn[2] = {"count", "ends_on"}, *dv[2] = {count, ends_on[0] ? ends_on : "—"};
	template_fill_text(details, sizeof(details), screen_text(ctx, "charity.project.details"), dn, dv, 2);
	in.y += ui_text(ui, "charity.project.details", in, details, TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	if (!c.pledgeable)
		in.y += ui_text(ui, "charity.project.closed", in,
				screen_text(ctx, p->open ? "charity.closed.ended" : "charity.closed.detail"), TEXT_HEADING,
				TEXT_ALIGN_START, 0, t->error) + t->gap;
	const char *description = screen_ref_text(ctx, &p->description);
	if (!description[0])
		description = screen_ref_text(ctx, &p->summary);
	in.y += ui_text(ui, "charity.project.description", in, description, TEXT_BODY, TEXT_ALIGN_START, 0, t->text) +
		t->gap;
	ui_scroll_end(ui, &scroll, in.y);

	if (flow_next(ctx, bar, "charity.pledge", screen_text(ctx, "charity.pledge"), c.pledgeable)) {
		if (strcmp(screen_value(ctx, "ch.amount_for"), p->id) != 0) { /* another project: its own limits */
			*session_int(ctx->session, "ch.preset", -1) = -1;
			screen_set(ctx, "ch.custom", "");
			screen_set(ctx, "ch.amount_for", p->id);
		}
		screen_push(ctx, "charity.amount");
	}
	chrome_end(ctx, &ch);
}
