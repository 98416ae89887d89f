/* Shared parts of the flow screens; see flow.h. */
#include "screens/flow.h"

#include <stdio.h>

#include "app/lang_format.h"
#include "core/template.h"

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
	const char *text = catalog_text_get(t, ctx->ui->lang);
	if (ctx->ui->lang == TEXT_LANG_EN && t && !t->lang[TEXT_LANG_EN][0] && text[0])
		ctx->ref_untranslated = true;
	return text;
}

void screen_colon(struct screen_ctx *ctx, const char *label, const char *value, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s", label, screen_text(ctx, "text.colon"), value);
}

void screen_paren(struct screen_ctx *ctx, const char *text, const char *note, char *out, size_t len)
{
	template_fill_text(out, len, screen_text(ctx, "text.paren"), (const char *const[]){"text", "note"},
			   (const char *const[]){text, note}, 2);
}

/* The screen whose backend texts lacked English in its last pass (a hash of its name; 0: none). */
static int *note_screen(struct screen_ctx *ctx)
{
	return session_int(ctx->session, "ref.note", 0);
}

static int screen_hash(const struct screen_ctx *ctx)
{
	return (int)ui_hash(ctx->screen ? ctx->screen : "");
}

void screen_ref_note_update(struct screen_ctx *ctx)
{
	int *shown = note_screen(ctx);
	if (!shown)
		return;
	bool was = *shown != 0 && *shown == screen_hash(ctx);
	if (was == ctx->ref_untranslated)
		return;
	*shown = ctx->ref_untranslated ? screen_hash(ctx) : 0;
	ctx->ui->relayout = true; /* lay the screen out again with (or without) the note */
}

bool screen_ref_note_due(struct screen_ctx *ctx)
{
	int *shown = note_screen(ctx);
	return ctx->ui->lang == TEXT_LANG_EN && shown && *shown != 0 && *shown == screen_hash(ctx);
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

struct rect flow_consent_row(struct screen_ctx *ctx, struct rect *view)
{
	const struct theme *t = &ctx->ui->theme;
	if (t->kind == THEME_STANDARD)
		return (struct rect){0};
	struct rect row = rect_cut_bottom(view, t->target);
	rect_cut_bottom(view, t->gap / 2);
	return row;
}

bool flow_next(struct screen_ctx *ctx, struct rect bar, const char *id, const char *text, bool enabled)
{
	if (bar.h == 0)
		return false;
	struct ui_button_look look = ui_button_look(ctx->ui, UI_BUTTON_PRIMARY);
	look.role = TEXT_TITLE;
	look.disabled = !enabled;
	look.primary = true;
	return ui_button(ctx->ui, id, bar, text, &look);
}

void screen_format_date(struct screen_ctx *ctx, struct civil_date d, bool weekday, char *out, size_t len)
{
	lang_format_date(ctx->strings, ctx->ui->lang, d, weekday ? LANG_DATE_WEEKDAY : LANG_DATE, out, len);
}
