/* One question per screen for the assisted mode's forms (see form_pager.h). The count of questions is
 * only known once a pass has met them all (a passport asks for a birth date, a resident ID does not),
 * so the counter's place is kept on the step line and its text is written at the end of the pass. */
#include <stdio.h>
#include <string.h>

#include "core/template.h"
#include "screens/form_pager.h"

static int *session_place(struct form_pager *p, const char *suffix)
{
	char key[48];
	snprintf(key, sizeof(key), "%s%s", p->key, suffix);
	return session_int(p->ctx->session, key, 0);
}

void form_pager_begin(struct screen_ctx *ctx, struct form_pager *p, const char *key)
{
	static int fallback;
	*p = (struct form_pager){.ctx = ctx, .paged = ctx->ui->theme.kind != THEME_STANDARD};
	snprintf(p->key, sizeof(p->key), "%s", key);
	p->current = session_place(p, ".q");
	if (!p->current) { /* no room in the session: every question at once */
		fallback = 0;
		p->current = &fallback;
		p->paged = false;
	}
}

bool form_question(struct form_pager *p, const char *prompt, const char *error)
{
	int index = p->count++;
	if (!p->paged)
		return true;
	if (index != *p->current)
		return false;
	snprintf(p->error, sizeof(p->error), "%s", error ? error : "");
	int *announce = session_place(p, ".say");
	if (announce && *announce && prompt) { /* a question just opened by 上一题 / 下一题: say it */
		*announce = 0;
		screen_say(p->ctx, prompt);
	}
	return true;
}

bool form_tried(struct form_pager *p)
{
	if (!p->paged)
		return false;
	const int *tried = session_place(p, ".tried"); /* the question + 1; 0: none */
	return tried && *tried == *p->current + 1;
}

/* The button was tapped on a wrong answer: its sentence shows by the field and is said. */
static void mark_tried(struct form_pager *p)
{
	int *tried = session_place(p, ".tried");
	if (tried)
		*tried = *p->current + 1;
	screen_say(p->ctx, p->error);
	ui_wake_at(p->ctx->ui, p->ctx->ui->now_ms);
}

bool form_question_shown(const struct form_pager *p)
{
	return !p->paged || p->count - 1 == *p->current;
}

void form_pager_counter(struct form_pager *p, const struct chrome *c, struct rect *area)
{
	if (!p->paged || c->keyboard.h > 0)
		return;
	const struct theme *t = &p->ctx->ui->theme;
	if (c->step_row.h > 0) {
		p->counter = c->step_row;
		return;
	}
	p->counter = rect_cut_top(area, ui_line_height(p->ctx->ui, TEXT_BODY));
	rect_cut_top(area, t->gap / 2);
}

/* The counter's text, once the pass has counted the questions. */
static void draw_counter(struct form_pager *p)
{
	if (p->counter.h <= 0 || p->count <= 0)
		return;
	int shown = *p->current < p->count ? *p->current + 1 : p->count;
	char text[UI_TEXT_MAX];
	template_fill(text, sizeof(text), screen_text(p->ctx, "question.counter"), (const char *const[]){"n", "count"},
		      (const long[]){shown, p->count}, 2);
	ui_text(p->ctx->ui, "question.counter", p->counter, text, TEXT_BODY, TEXT_ALIGN_END, 1, p->ctx->ui->theme.text);
}

static void go_to(struct form_pager *p, int question)
{
	int *announce = session_place(p, ".say");
	int *tried = session_place(p, ".tried");
	if (tried)
		*tried = 0;
	*p->current = question;
	if (announce)
		*announce = 1;
	p->ctx->ui->focus = 0; /* the keyboard closes with the question it served */
	ui_wake_at(p->ctx->ui, p->ctx->ui->now_ms);
}

bool form_pager_end(struct form_pager *p, struct rect bar, const char *id, const char *text, bool all_ok)
{
	if (!p->paged)
		return flow_next(p->ctx, bar, id, text, all_ok);
	struct ui *ui = p->ctx->ui;
	draw_counter(p);
	if (*p->current >= p->count && p->count > 0) { /* fewer questions than before (another document) */
		go_to(p, p->count - 1);
		return false;
	}
	if (bar.h == 0) /* the keyboard is up */
		return false;
	bool last = *p->current >= p->count - 1;
	bool wrong = p->error[0] != '\0';
	if (*p->current > 0) {
		struct rect back = rect_cut_left(&bar, bar.w / 3);
		rect_cut_left(&bar, ui->theme.gap);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_TITLE;
		if (ui_button(ui, "question.back", back, screen_text(p->ctx, "question.back"), &look)) {
			go_to(p, *p->current - 1);
			return false;
		}
	}
	/* The last question's button waits for the whole form, unless its own answer is what is wrong:
	 * then a tap says so. */
	if (!flow_next(p->ctx, bar, last ? id : "question.next", last ? text : screen_text(p->ctx, "question.next"),
		       !last || all_ok || wrong))
		return false;
	if (wrong)
		mark_tried(p);
	else if (last)
		return true;
	else
		go_to(p, *p->current + 1);
	return false;
}
