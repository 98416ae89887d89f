/* Shared parts of the pledge screens; see charity_common.h. */
#include "screens/charity_common.h"

#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "app/lang_format.h"
#include "core/template.h"
#include "rules/civil_date.h"

const int charity_presets[CHARITY_PRESETS] = {10, 50, 100, 500};

void charity_choice_get(struct screen_ctx *ctx, struct charity_choice *c)
{
	static const struct charity_catalog empty;
	memset(c, 0, sizeof(*c));
	int64_t now = clock_wall();
	date_format(clock_beijing_date(now), c->today, sizeof(c->today));
	c->catalog = ctx->kiosk->charity ? charity_data_catalog(ctx->kiosk->charity, now) : &empty;
	c->project = charity_project_find(c->catalog, screen_value(ctx, "ch.project"));
	c->pledgeable = charity_project_pledgeable(c->project, c->today);
}

struct rect charity_begin(struct screen_ctx *ctx, struct charity_choice *c, struct chrome *ch, int step,
			  struct rect *bar)
{
	charity_choice_get(ctx, c);
	return flow_begin(ctx, ch, screen_text(ctx, "charity.title"), step, CHARITY_STEPS, bar);
}

enum amount_error charity_amount(struct screen_ctx *ctx, const struct charity_project *p, long long *fen)
{
	if (!p)
		return AMOUNT_EMPTY;
	int preset = *session_int(ctx->session, "ch.preset", -1);
	if (preset >= 0 && preset < CHARITY_PRESETS) {
		long long v = (long long)charity_presets[preset] * 100;
		if (v < p->amount_min_fen)
			return AMOUNT_TOO_SMALL;
		if (v > p->amount_max_fen)
			return AMOUNT_TOO_LARGE;
		*fen = v;
		return AMOUNT_OK;
	}
	return amount_parse(screen_value(ctx, "ch.custom"), p->amount_decimals, p->amount_min_fen, p->amount_max_fen, fen);
}

void charity_amount_message(struct screen_ctx *ctx, const struct charity_project *p, enum amount_error e, char *out,
			    size_t len)
{
	static const char *const keys[] = {
		[AMOUNT_OK] = NULL,
		[AMOUNT_EMPTY] = "charity.amount.err.empty",
		[AMOUNT_NOT_NUMBER] = "charity.amount.err.not_number",
		[AMOUNT_NEGATIVE] = "charity.amount.err.negative",
		[AMOUNT_ZERO] = "charity.amount.err.zero",
		[AMOUNT_TOO_SMALL] = "charity.amount.err.too_small",
		[AMOUNT_TOO_LARGE] = "charity.amount.err.too_large",
		[AMOUNT_TOO_MANY_DECIMALS] = "charity.amount.err.decimals",
	};
	out[0] = '\0';
	if (e == AMOUNT_OK || (unsigned)e >= sizeof(keys) / sizeof(keys[0]) || !p)
		return;
	const char *key = keys[e];
	if (e == AMOUNT_TOO_MANY_DECIMALS && p->amount_decimals < 2)
		key = p->amount_decimals == 0 ? "charity.amount.err.whole_yuan" : "charity.amount.err.jiao";
	char min[48], max[48];
	charity_money(ctx, p->amount_min_fen, false, min, sizeof(min));
	charity_money(ctx, p->amount_max_fen, false, max, sizeof(max));
	const char *names[2] = {"min", "max"}, *values[2] = {min, max};
	template_fill_text(out, len, screen_text(ctx, key), names, values, 2);
}

void charity_money(struct screen_ctx *ctx, long long fen, bool with_fen, char *out, size_t len)
{
	char figures[48];
	amount_format(fen, with_fen, figures, sizeof(figures));
	const char *names[1] = {"amount"}, *values[1] = {figures};
	template_fill_text(out, len, screen_text(ctx, "charity.money"), names, values, 1);
}

void charity_words(struct screen_ctx *ctx, long long fen, char *out, size_t len)
{
	if (ctx->ui->lang == TEXT_LANG_EN)
		amount_words_en(fen, out, len);
	else
		amount_words_zh(fen, ctx->ui->lang == TEXT_LANG_ZH_HANT, out, len);
}

void charity_words_line(struct screen_ctx *ctx, long long fen, char *out, size_t len)
{
	char words[256];
	charity_words(ctx, fen, words, sizeof(words));
	const char *names[1] = {"words"}, *values[1] = {words};
	template_fill_text(out, len, screen_text(ctx, "charity.words"), names, values, 1);
}

void charity_line(struct screen_ctx *ctx, const char *key, const char *name, const char *value, char *out, size_t len)
{
	const char *names[1] = {name}, *values[1] = {value};
	template_fill_text(out, len, screen_text(ctx, key), names, values, 1);
}

void charity_time(struct screen_ctx *ctx, const char *iso, char *out, size_t len)
{
	struct civil_date d = {0};
	int hour = 0, minute = 0;
	char day[64], clock[8] = "";
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3) {
		snprintf(out, len, "%s", iso ? iso : "");
		return;
	}
	screen_format_date(ctx, d, false, day, sizeof(day));
	if (strlen(iso) >= 16 && iso[10] == 'T' && sscanf(iso + 11, "%2d:%2d", &hour, &minute) == 2)
		lang_format_time(hour, minute, clock, sizeof(clock));
	if (!day[0]) /* not a real date: shown as the backend wrote it */
		snprintf(out, len, "%s", iso);
	else
		snprintf(out, len, "%s%s%s", day, clock[0] ? " " : "", clock);
}

void charity_time_of(struct screen_ctx *ctx, int64_t t, char *out, size_t len)
{
	char iso[32];
	clock_format_iso(t, iso, sizeof(iso));
	charity_time(ctx, iso, out, len);
}

void charity_icon(struct screen_ctx *ctx, struct rect r, const struct charity_project *p)
{
	const struct theme *t = &ctx->ui->theme;
	char key[64];
	snprintf(key, sizeof(key), "charity.icon.%s", charity_icon_name(p ? p->icon : CHARITY_ICON_COMMUNITY));
	bool open = p && p->open;
	ui_icon(ctx->ui, r, screen_text(ctx, key), open ? t->accents[2] : t->text_muted, t->on_accent);
}

void charity_progress_text(struct screen_ctx *ctx, const struct charity_catalog *cat, const struct charity_project *p,
			   char *out, size_t len)
{
	char raised[48], goal[48], pledged[48], as_of[40], pct[16];
	charity_money(ctx, p->raised_fen > 0 ? p->raised_fen : 0, false, raised, sizeof(raised));
	charity_money(ctx, p->goal_fen > 0 ? p->goal_fen : 0, false, goal, sizeof(goal));
	charity_money(ctx, p->pledged_fen > 0 ? p->pledged_fen : 0, false, pledged, sizeof(pledged));
	snprintf(pct, sizeof(pct), "%d", p->progress_percent);
	if (p->as_of[0])
		charity_time(ctx, p->as_of, as_of, sizeof(as_of));
	else if (cat->fetched_at > 0) /* the backend gave no time: the figures are as old as the kiosk's copy */
		charity_time_of(ctx, cat->fetched_at, as_of, sizeof(as_of));
	else
		snprintf(as_of, sizeof(as_of), "—");
	const char *names[5] = {"raised", "goal", "percent", "pledged", "as_of"};
	const char *values[5] = {raised, goal, pct, pledged, as_of};
	char lines[3][UI_TEXT_MAX];
	template_fill_text(lines[0], sizeof(lines[0]), screen_text(ctx, "charity.progress.raised"), names, values, 5);
	template_fill_text(lines[1], sizeof(lines[1]), screen_text(ctx, "charity.progress.pledged"), names, values, 5);
	template_fill_text(lines[2], sizeof(lines[2]), screen_text(ctx, "charity.progress.as_of"), names, values, 5);
	/* the large themes put the "as of" time on a line of its own rather than wrap it anywhere */
	snprintf(out, len, "%s\n%s%s%s", lines[0], lines[1], ctx->ui->theme.kind == THEME_STANDARD ? " · " : "\n", lines[2]);
}

void charity_trimmed(const char *in, char *out, size_t len)
{
	while (*in == ' ')
		in++;
	snprintf(out, len, "%s", in);
	size_t n = strlen(out);
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
}
