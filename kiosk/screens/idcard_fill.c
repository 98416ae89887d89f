/* Filling forms from the identity card; see idcard_fill.h. The outcome of the last card is kept per
 * screen in the session ("SCREEN.card": outcome × 10 + the person it concerned), and the last card
 * handled by any form ("idcard.handled"), so a card is acted on once. Depends on the session's card
 * (put there by the app from idcard/idcard_watch.h), idcard/idcard.h for the check, the flow helpers
 * for the sentence said aloud. */
#include "screens/idcard_fill.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/clock.h"
#include "core/template.h"
#include "idcard/idcard_watch.h"
#include "screens/flow.h"

enum outcome { NONE, FILLED, BAD_NUMBER, EXPIRED, UNREADABLE, FULL, SAME };

static const char *const outcome_keys[] = {[BAD_NUMBER] = "idcard.bad_number", [EXPIRED] = "idcard.expired",
					   [UNREADABLE] = "idcard.unreadable", [FULL] = "idcard.full",
					   [SAME] = "idcard.same"};

static int *outcome_of(struct screen_ctx *ctx)
{
	char key[SESSION_KEY_MAX];
	snprintf(key, sizeof(key), "%.30s.card", ctx->screen ? ctx->screen : "form");
	return session_int(ctx->session, key, 0);
}

/* The sentence for an outcome (the invitation for NONE) into buf. */
static const char *sentence(struct screen_ctx *ctx, enum outcome o, int person, unsigned what, int people, char *buf,
			    size_t len)
{
	const char *key;
	switch (o) {
	case NONE:
		key = people > 1				 ? "idcard.hint.party"
		      : what == IDCARD_FILLS_NUMBER ? "idcard.hint.number"
		      : what == IDCARD_FILLS_NAME   ? "idcard.hint.name"
						    : "idcard.hint.name_number";
		break;
	case FILLED:
		key = people > 1				 ? "idcard.filled.party"
		      : what == IDCARD_FILLS_NUMBER ? "idcard.filled.number"
		      : what == IDCARD_FILLS_NAME   ? "idcard.filled.name"
						    : "idcard.filled.name_number";
		break;
	default:
		key = outcome_keys[o];
		break;
	}
	const char *who = screen_text(ctx, person == 1 ? "idcard.person.2" : "idcard.person.1");
	template_fill_text(buf, len, screen_text(ctx, key), (const char *const[]){"who"}, (const char *const[]){who}, 1);
	return buf;
}

/* A resident identity card, drawn: the card, its photo on the right, lines of text on the left. */
static void pictogram(struct ui *ui, struct rect r, struct color ink)
{
	const struct theme *t = &ui->theme;
	int line = r.h / 10 > 1 ? r.h / 10 : 2;
	draw_list_rect(&ui->draw, r, t->surface, r.h / 8, line, ink);
	struct rect photo = {r.x + r.w - r.h * 55 / 100 - line * 2, r.y + r.h / 5, r.h * 55 / 100, r.h * 3 / 5};
	draw_list_rect(&ui->draw, photo, ink, line, 0, ink);
	for (int i = 0; i < 3; i++) {
		struct rect l = {r.x + line * 3, r.y + r.h / 4 + i * r.h / 5, photo.x - r.x - line * 6, line};
		draw_list_rect(&ui->draw, l, ink, 0, 0, ink);
	}
}

int idcard_fill_offer(struct screen_ctx *ctx, struct rect area, unsigned what, int people)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	if (!ctx->kiosk->idcard)
		return 0;
	ctx->kiosk->idcard_wanted = true;
	int value = *outcome_of(ctx);
	enum outcome o = (enum outcome)(value / 10);
	if (o == NONE && !idcard_watch_ready(ctx->kiosk->idcard))
		return 0; /* no promise while the reader does not answer */
	char buf[UI_TEXT_MAX];
	const char *text = sentence(ctx, o, value % 10, what, people, buf, sizeof(buf));
	bool refused = o != NONE && o != FILLED;
	struct color ink = refused ? t->error : t->primary;
	int icon_h = t->px[TEXT_BODY] * 2, icon_w = icon_h * 86 / 54; /* an ID-1 card */
	struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
	int text_w = area.w - 3 * t->pad - icon_w;
	const struct text_layout *l = ui_measure(ui, text, &st, text_w);
	int inner = l && l->height > icon_h ? l->height : icon_h;
	struct rect box = {area.x, area.y, area.w, inner + 2 * t->pad};
	ui_panel(ui, box, t->surface, t->radius, t->border * 2, ink);
	pictogram(ui, (struct rect){box.x + t->pad, box.y + (box.h - icon_h) / 2, icon_w, icon_h}, ink);
	ui_text_on(ui, t->surface);
	static const char *const ids[] = {[NONE] = "idcard.hint", [FILLED] = "idcard.filled"};
	const char *id = refused ? "idcard.refused" : ids[o];
	int text_h = l ? l->height : 0;
	ui_text(ui, id, (struct rect){box.x + 2 * t->pad + icon_w, box.y + (box.h - text_h) / 2, text_w, text_h}, text,
		TEXT_BODY, TEXT_ALIGN_START, 0, refused ? t->error : t->text);
	ui_text_on(ui, t->background);
	return box.h + t->gap;
}

static bool focused_in(const struct ui *ui, const struct idcard_person *p)
{
	const char *ids[] = {p->name_id, p->number_id, p->birth_id};
	for (int i = 0; i < 3; i++) {
		if (ids[i] && ui->focus == ui_hash(ids[i]))
			return true;
	}
	return false;
}

/* Replaces a field's value; false when it does not fit (then the field is left empty). */
static bool put(struct ui_field *f, const char *text)
{
	if (!f)
		return true;
	ui_field_clear(f);
	if (ui_field_insert(f, text) == strlen(text))
		return true;
	ui_field_clear(f);
	return false;
}

static bool fill(const struct idcard_person *p, const struct idcard_record *card)
{
	bool ok = put(p->name, card->name) && put(p->number, card->number) && put(p->birth, card->birth);
	if (!ok) {
		put(p->name, "");
		put(p->number, "");
		put(p->birth, "");
		return false;
	}
	if (p->doc_type)
		*p->doc_type = p->resident_id_choice;
	if (p->sex && card->sex)
		*p->sex = card->sex == 'M' ? 0 : 1;
	return true;
}

/* What to do with the session's card, and for whom (*person). */
static enum outcome decide(struct screen_ctx *ctx, const struct idcard_person *people, int n, int *person)
{
	const struct idcard_record *card = &ctx->session->card.record;
	*person = 0;
	if (ctx->session->card.event != IDCARD_EVENT_CARD)
		return UNREADABLE;
	switch (idcard_check(card, clock_beijing_date(clock_wall()))) {
	case IDCARD_USABLE:
		break;
	case IDCARD_BAD_NUMBER:
		return BAD_NUMBER;
	case IDCARD_EXPIRED:
		return EXPIRED;
	case IDCARD_UNREADABLE:
		return UNREADABLE;
	}
	int target = -1;
	for (int i = 0; i < n && target < 0; i++) {
		if (focused_in(ctx->ui, &people[i]))
			target = i;
	}
	for (int i = 0; i < n && target < 0; i++) {
		if (!people[i].complete)
			target = i;
	}
	if (n == 1)
		target = 0;
	if (target < 0)
		return FULL;
	for (int i = 0; i < n; i++) {
		if (i != target && people[i].number && strcasecmp(people[i].number->text, card->number) == 0) {
			*person = i;
			return SAME;
		}
	}
	*person = target;
	return fill(&people[target], card) ? FILLED : UNREADABLE;
}

void idcard_fill_apply(struct screen_ctx *ctx, const struct idcard_person *people, int n)
{
	struct session *s = ctx->session;
	int *handled = session_int(s, "idcard.handled", 0);
	if (!ctx->kiosk->idcard || s->card.seq == (unsigned)*handled || n < 1)
		return;
	*handled = (int)s->card.seq;
	int person = 0;
	enum outcome o = decide(ctx, people, n, &person);
	*outcome_of(ctx) = (int)o * 10 + person;
	if (o == FILLED)
		ctx->ui->focus = 0; /* the keyboard closes: the filled fields show, masked */
	/* said as the panel shows it: the words follow the fields the form has */
	unsigned what = (people[0].name ? IDCARD_FILLS_NAME : 0u) | (people[0].number ? IDCARD_FILLS_NUMBER : 0u);
	char buf[UI_TEXT_MAX];
	const char *said = sentence(ctx, o, person, what, n, buf, sizeof(buf));
	if (strncmp(said, "✓ ", strlen("✓ ")) == 0 || strncmp(said, "⚠ ", strlen("⚠ ")) == 0)
		said = strchr(said, ' ') + 1; /* the mark is for the eye; the voice says the sentence */
	screen_say(ctx, said);
	ctx->ui->relayout = true; /* the fields and the panel change: lay the screen out again */
}
