/* charity_catalog: see charity_catalog.h. Reads the backend's JSON (backend-stub/API.md) with the
 * bounded readers of data/ref_json.h: an item with a bad id is dropped, items past the array size are
 * ignored, anything of the wrong type gets its fallback. */
#include "charity/charity_catalog.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil_date.h"

#define YUAN_MAX 1e9 /* AMOUNT_FEN_MAX in yuan */
#define PLEDGE_MIN_DEFAULT 100LL /* fen: 1 yuan (API.md: amount_min 1) */
#define PLEDGE_MAX_DEFAULT 100000000LL /* fen: 1,000,000 yuan */

static const char *const icon_names[CHARITY_ICON_COUNT] = {"community", "elderly", "children", "emergency_call",
							   "home", "relief", "festival"};

const char *charity_icon_name(enum charity_icon icon)
{
	return (int)icon >= 0 && icon < CHARITY_ICON_COUNT ? icon_names[icon] : icon_names[0];
}

/* Member name of obj, yuan with at most two decimals, as fen in [0, AMOUNT_FEN_MAX]; else fallback. */
static long long fen_of(const cJSON *obj, const char *name, long long fallback)
{
	double yuan = ref_json_number(obj, name, 0, YUAN_MAX, -1);
	if (yuan < 0)
		return fallback;
	double fen = round(yuan * 100.0);
	if (fabs(yuan * 100.0 - fen) > 1e-6)
		return fallback; /* more than two decimals: not money as the contract writes it */
	return (long long)fen;
}

/* A time or date as the backend writes it: digits and ISO punctuation only, so it can be shown as is. */
static void iso_of(char *out, size_t cap, const cJSON *item)
{
	if (!ref_json_string(out, cap, item) || strspn(out, "0123456789-:T+Z.") != strlen(out) || strlen(out) < 10)
		out[0] = '\0';
}

static bool parse_project(struct charity_project *p, const cJSON *item)
{
	memset(p, 0, sizeof(*p));
	if (!cJSON_IsObject(item) || !ref_json_id(p->id, cJSON_GetObjectItemCaseSensitive(item, "id")))
		return false;
	ref_json_text(&p->name, cJSON_GetObjectItemCaseSensitive(item, "name"));
	ref_json_text(&p->summary, cJSON_GetObjectItemCaseSensitive(item, "summary"));
	ref_json_text(&p->description, cJSON_GetObjectItemCaseSensitive(item, "description"));
	ref_json_text(&p->organiser, cJSON_GetObjectItemCaseSensitive(item, "organiser"));
	const char *icon = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "icon"));
	for (int i = 0; icon && i < CHARITY_ICON_COUNT; i++)
		if (strcmp(icon, icon_names[i]) == 0)
			p->icon = (enum charity_icon)i;
	const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "status"));
	p->open = status && strcmp(status, "open") == 0;
	/* An end date that is not a real date takes no pledge, like money out of range: "::::::::::" passed
	 * as one and sorted after every day, so the project never closed (found by fuzz/fuzz_charity_catalog). */
	char ends[CHARITY_TIME_MAX];
	const cJSON *ends_item = cJSON_GetObjectItemCaseSensitive(item, "ends_on");
	struct civil_date end;
	if (ref_json_string(ends, sizeof(ends), ends_item) && date_parse(ends, &end) == 0)
		memcpy(p->ends_on, ends, 11);
	else if (ends_item && !cJSON_IsNull(ends_item))
		p->open = false;
	p->goal_fen = fen_of(item, "goal", -1);
	p->raised_fen = fen_of(item, "raised", -1);
	p->pledged_fen = fen_of(item, "pledged", -1);
	p->pledge_count = (int)ref_json_int(item, "pledge_count", 0, 100000000, -1);
	double pct = ref_json_number(item, "progress_percent", 0, 1e6, -1);
	if (pct < 0 && p->goal_fen > 0 && p->raised_fen >= 0)
		pct = (double)p->raised_fen * 100.0 / (double)p->goal_fen;
	p->progress_percent = pct < 0 ? 0 : pct > 100 ? 100 : (int)pct;
	iso_of(p->as_of, sizeof(p->as_of), cJSON_GetObjectItemCaseSensitive(item, "as_of"));
	p->amount_min_fen = fen_of(item, "amount_min", PLEDGE_MIN_DEFAULT);
	p->amount_max_fen = fen_of(item, "amount_max", PLEDGE_MAX_DEFAULT);
	if (p->amount_min_fen < 1)
		p->amount_min_fen = 1;
	if (p->amount_max_fen < p->amount_min_fen) {
		p->amount_min_fen = PLEDGE_MIN_DEFAULT;
		p->amount_max_fen = PLEDGE_MAX_DEFAULT;
	}
	p->amount_decimals = (int)ref_json_int(item, "amount_decimals", 0, 2, 2);
	return true;
}

/* An https URL without spaces or control characters, else "". */
static void url_of(char *out, size_t cap, const cJSON *item)
{
	if (cJSON_IsObject(item)) {
		struct catalog_text t;
		ref_json_text(&t, item);
		snprintf(out, cap, "%s", catalog_text_get(&t, TEXT_LANG_ZH_HANS));
		if (strlen(out) >= cap - 1)
			out[0] = '\0';
	} else if (!ref_json_string(out, cap, item) || strlen(out) >= cap - 1) {
		out[0] = '\0';
	}
	if (strncmp(out, "https://", 8) != 0)
		out[0] = '\0';
	for (const char *s = out; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			out[0] = '\0';
}

void charity_catalog_parse(struct charity_catalog *c, const char *projects_json, const char *texts_json)
{
	cJSON *projects = NULL, *texts = NULL;
	const cJSON *item;
	if (c == NULL)
		goto out;
	memset(c, 0, sizeof(*c));
	projects = ref_json_parse(projects_json);
	texts = ref_json_parse(texts_json);
	cJSON_ArrayForEach(item, ref_json_items(projects))
	{
		if (c->project_count == CHARITY_PROJECTS_MAX)
			break;
		struct charity_project *p = &c->projects[c->project_count];
		if (parse_project(p, item) && charity_project_find(c, p->id) == NULL)
			c->project_count++;
	}
	if (c->project_count < CHARITY_PROJECTS_MAX) /* a bad or duplicate item is not left behind */
		memset(&c->projects[c->project_count], 0, sizeof(c->projects[0]));
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(texts, "items");
	if (cJSON_IsObject(items)) {
		ref_json_text(&c->terms, cJSON_GetObjectItemCaseSensitive(items, "pledge.terms"));
		ref_json_text(&c->thanks, cJSON_GetObjectItemCaseSensitive(items, "pledge.thanks"));
		url_of(c->lookup_url, sizeof(c->lookup_url), cJSON_GetObjectItemCaseSensitive(items, "pledge.lookup_url"));
	}
out:
	cJSON_Delete(projects);
	cJSON_Delete(texts);
}

const struct charity_project *charity_project_find(const struct charity_catalog *c, const char *id)
{
	for (int i = 0; c != NULL && id != NULL && i < c->project_count; i++)
		if (strncmp(c->projects[i].id, id, CATALOG_ID_MAX) == 0)
			return &c->projects[i];
	return NULL;
}

bool charity_project_pledgeable(const struct charity_project *p, const char *today)
{
	if (p == NULL || !p->open)
		return false;
	/* ISO dates compare as strings; a project without an end date stays open */
	return p->ends_on[0] == '\0' || today == NULL || strcmp(today, p->ends_on) <= 0;
}

/* ---- the cached copy ---- */

struct charity_data {
	struct store *store;
	struct ref_watch projects_watch, texts_watch;
	struct charity_catalog catalog;
};

struct charity_data *charity_data_create(struct store *store)
{
	struct charity_data *d = calloc(1, sizeof(*d));
	if (d) {
		d->store = store;
		ref_watch_init(&d->projects_watch);
		ref_watch_init(&d->texts_watch);
	}
	return d;
}

void charity_data_destroy(struct charity_data *d)
{
	free(d);
}

const struct charity_catalog *charity_data_catalog(struct charity_data *d, int64_t now)
{
	/* both watches are asked every time, so each keeps its own stamp current */
	bool projects = ref_watch_changed(&d->projects_watch, d->store, "projects", now);
	bool texts = ref_watch_changed(&d->texts_watch, d->store, "texts", now);
	if (projects || texts) {
		char *pj = ref_cached(d->store, "projects"), *tj = ref_cached(d->store, "texts");
		charity_catalog_parse(&d->catalog, pj, tj);
		d->catalog.fetched_at = d->projects_watch.stamp;
		free(pj);
		free(tj);
	}
	return &d->catalog;
}
