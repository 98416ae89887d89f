/* Assistance: the applications found, newest first, each in plain words: the programme, the
 * application number, the state ("审批通过", "不予批准" with the reason), what happens next, the
 * certification due date for the old-age allowance, and when it was submitted and last changed. The
 * answer is the backend's of a moment ago (the screen says when), kept only in the session. */
#include <stdio.h>
#include <string.h>

#include "assistance/application_status.h"
#include "core/template.h"
#include "screens/assist_common.h"

void assist_status_result_build(struct screen_ctx *ctx);

/* "2026年12月1日" (or "1 December 2026") from "2026-12-01"; "" when it is not a date. */
static void format_date(struct screen_ctx *ctx, const char *iso, char *out, size_t len)
{
	struct civil_date d = {0};
	out[0] = '\0';
	if (sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
		screen_format_date(ctx, d, false, out, len);
}

/* One application as a card; returns the height used. */
static int application_card(struct screen_ctx *ctx, struct rect in, int index, const struct application *a)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	enum text_lang lang = ui->lang;
	char state_key[64], state[192], number[96], dates[192], due[160] = "", reason[512] = "", next[512] = "";
	const char *name = application_state_name(a->state);
	snprintf(state_key, sizeof(state_key), "assist.state.%s", name ? name : "unknown");
	/* The kiosk's own words for the states it knows; the backend's text for one it does not. */
	snprintf(state, sizeof(state), "%s", name ? screen_text(ctx, state_key) : APPLICATION_TEXT(a->state_text, lang));
	template_fill_text(number, sizeof(number), screen_text(ctx, "assist.status.application"),
			   (const char *const[]){"number"}, (const char *const[]){a->number}, 1);
	char day[48], submitted[96], updated[96];
	format_date(ctx, a->submitted_on, day, sizeof(day));
	template_fill_text(submitted, sizeof(submitted), screen_text(ctx, "assist.status.submitted"),
			   (const char *const[]){"date"}, (const char *const[]){day}, 1);
	format_date(ctx, a->updated_on, day, sizeof(day));
	template_fill_text(updated, sizeof(updated), screen_text(ctx, "assist.status.updated"), (const char *const[]){"date"},
			   (const char *const[]){day}, 1);
	snprintf(dates, sizeof(dates), "%s\n%s", submitted, updated);
	if (a->certification_due_on[0]) {
		format_date(ctx, a->certification_due_on, day, sizeof(day));
		template_fill_text(due, sizeof(due), screen_text(ctx, "assist.status.due"), (const char *const[]){"date"},
				   (const char *const[]){day}, 1);
	}
	if (APPLICATION_TEXT(a->reason, lang)[0])
		template_fill_text(reason, sizeof(reason), screen_text(ctx, "assist.status.reason"),
				   (const char *const[]){"reason"}, (const char *const[]){APPLICATION_TEXT(a->reason, lang)}, 1);
	if (APPLICATION_TEXT(a->next_step, lang)[0])
		template_fill_text(next, sizeof(next), screen_text(ctx, "assist.status.next"), (const char *const[]){"next"},
				   (const char *const[]){APPLICATION_TEXT(a->next_step, lang)}, 1);
	const struct assist_part parts[] = {
		{".programme", APPLICATION_TEXT(a->programme, lang), TEXT_TITLE, t->accents[1]},
		{".number", number, TEXT_BODY, t->text_muted},
		{".state", state, TEXT_HEADING, t->text},
		{".reason", reason, TEXT_BODY, t->text},
		{".due", due, TEXT_BODY, t->text},
		{".next", next, TEXT_BODY, t->text},
		{".dates", dates, TEXT_BODY, t->text_muted},
	};
	char prefix[48];
	snprintf(prefix, sizeof(prefix), "assist.application.%d", index + 1);
	return assist_text_card(ctx, in, prefix, parts, (int)(sizeof(parts) / sizeof(parts[0])), 0, NULL);
}

void assist_status_result_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct chrome ch;
	struct rect bar;
	struct rect area = assist_begin(ctx, &ch, 0, &bar);
	const struct application_answer *answer = session_blob(ctx->session, "as.answer", sizeof(*answer));
	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "assist.status_result.scroll", area, bar);
	in.y += ui_text(ui, "assist.status_result.heading", in, screen_text(ctx, "assist.status_result.heading"),
			TEXT_HEADING, TEXT_ALIGN_START, 0, t->text) + t->gap;
	for (int i = 0; answer && i < answer->count; i++)
		in.y += application_card(ctx, in, i, &answer->items[i]) + t->gap;
	in.y += ui_text(ui, "assist.status_result.note", in, screen_text(ctx, "assist.status_result.note"), TEXT_BODY,
			TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	ui_scroll_end(ui, &scroll, in.y);
	if (flow_next(ctx, bar, "assist.status_result.done", screen_text(ctx, "assist.result.done"), true))
		ctx->request.nav = SCREEN_HOME;
	chrome_end(ctx, &ch);
}
