/* assistance_catalog: see assistance_catalog.h. Reads the backend's JSON (backend-stub/API.md) with
 * the bounded readers of data/ref_json.h: a programme with a bad id is dropped, duplicates and
 * programmes past ASSIST_PROGRAMMES_MAX are ignored, anything of the wrong type gets its default.
 * A screener rule is all or nothing: one part the kiosk cannot read (an unknown test or kind, an
 * amount out of range, an empty group, too deep, too many nodes) drops the whole rule with one
 * warning, because a rule half read could suggest a programme wrongly. */
#include "assistance/assistance_catalog.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "assistance/screener.h"
#include "core/log.h"
#include "data/store.h"

#define RULE_DEPTH_MAX 4 /* the root is level 1 */
#define RULE_AMOUNT_MAX 10000000.0 /* yuan: keeps limit_fen × household size far from overflow */
#define STANDARD_AMOUNT_MAX 1e12
#define YEAR_MIN 1900
#define YEAR_MAX 9999

static const char *const unit_names[] = {
	[UNIT_NONE] = "none",
	[UNIT_YUAN_PER_PERSON_MONTH] = "yuan_per_person_month",
	[UNIT_YUAN_PER_PERSON_YEAR] = "yuan_per_person_year",
	[UNIT_PERCENT] = "percent",
	[UNIT_PERCENT_OF_MINIMUM_WAGE] = "percent_of_minimum_wage",
};

struct kind_name {
	const char *name;
	unsigned bit;
};

static const struct kind_name member_kinds[] = {
	{"age_60_plus", MEMBER_AGE_60_PLUS},
	{"age_80_plus", MEMBER_AGE_80_PLUS},
	{"child_without_carer", MEMBER_CHILD_WITHOUT_CARER},
	{NULL, 0},
};

static const struct kind_name hardship_kinds[] = {
	{"illness", HARDSHIP_ILLNESS},
	{"accident", HARDSHIP_ACCIDENT},
	{"disaster", HARDSHIP_DISASTER},
	{NULL, 0},
};

/* An amount in yuan with at most two decimals, 0 … RULE_AMOUNT_MAX, as fen; -1 when unreadable. */
static long long amount_fen(const cJSON *obj, const char *name)
{
	double yuan = ref_json_number(obj, name, 0, RULE_AMOUNT_MAX, -1);
	if (yuan < 0)
		return -1;
	double fen = yuan * 100;
	long long whole = (long long)(fen + 0.5);
	/* 899.99 × 100 is 89998.999…: a third decimal is off by far more than the rounding error. */
	if (fen - (double)whole > 1e-6 || (double)whole - fen > 1e-6)
		return -1;
	return whole;
}

/* The bits of a non-empty "kinds" array whose every entry is a known kind; 0 when unreadable. */
static unsigned kinds_mask(const cJSON *obj, const struct kind_name *table)
{
	const cJSON *kinds = cJSON_GetObjectItemCaseSensitive(obj, "kinds"), *item;
	unsigned mask = 0;
	if (!cJSON_IsArray(kinds))
		return 0;
	cJSON_ArrayForEach(item, kinds)
	{
		const char *s = cJSON_GetStringValue(item);
		unsigned bit = 0;
		for (int i = 0; s != NULL && table[i].name != NULL; i++)
			if (strcmp(s, table[i].name) == 0)
				bit = table[i].bit;
		if (bit == 0)
			return 0;
		mask |= bit;
	}
	return mask;
}

/* The standard's name per language, like ref_json_text but cut at SCREENER_NAME_MAX. */
static void node_name(struct screener_node *n, const cJSON *item)
{
	if (cJSON_IsString(item)) {
		ref_json_string(n->name[TEXT_LANG_ZH_HANS], SCREENER_NAME_MAX, item);
		return;
	}
	if (!cJSON_IsObject(item))
		return;
	for (int l = 0; l < TEXT_LANG_COUNT; l++)
		ref_json_string(n->name[l], SCREENER_NAME_MAX,
				cJSON_GetObjectItemCaseSensitive(item, text_lang_tag((enum text_lang)l)));
}

/* Reads one node's own fields (not its children); returns why it is unreadable, or NULL. */
static const char *parse_node(struct screener_node *n, const cJSON *item)
{
	const char *test;
	if (!cJSON_IsObject(item))
		return "a node that is not an object";
	test = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "test"));
	if (test == NULL)
		return "a node without a test";
	if (strcmp(test, "all") == 0) {
		n->test = TEST_ALL;
	} else if (strcmp(test, "any") == 0) {
		n->test = TEST_ANY;
	} else if (strcmp(test, "income_per_person_below") == 0) {
		n->test = TEST_INCOME_BELOW;
		n->limit_fen = amount_fen(item, "amount");
		if (n->limit_fen < 0)
			return "an income amount out of range";
		n->year = (int)ref_json_int(item, "year", YEAR_MIN, YEAR_MAX, 0);
		node_name(n, cJSON_GetObjectItemCaseSensitive(item, "name"));
	} else if (strcmp(test, "assets_within") == 0) {
		n->test = TEST_ASSETS_WITHIN;
		n->limit_fen = amount_fen(item, "savings_per_person");
		if (n->limit_fen < 0)
			return "a savings amount out of range";
	} else if (strcmp(test, "household_size_at_most") == 0) {
		n->test = TEST_HOUSEHOLD_AT_MOST;
		n->value = (int)ref_json_int(item, "value", 1, SCREENER_HOUSEHOLD_MAX, 0);
		if (n->value == 0)
			return "a household size out of range";
	} else if (strcmp(test, "member") == 0) {
		n->test = TEST_MEMBER;
		n->mask = kinds_mask(item, member_kinds);
		if (n->mask == 0)
			return "an unknown or missing member kind";
	} else if (strcmp(test, "disability") == 0) {
		n->test = TEST_DISABILITY;
		n->value = (int)ref_json_int(item, "grade_at_most", 1, 4, 0);
		if (n->value == 0)
			return "a disability grade out of range";
	} else if (strcmp(test, "hardship") == 0) {
		n->test = TEST_HARDSHIP;
		n->mask = kinds_mask(item, hardship_kinds);
		if (n->mask == 0)
			return "an unknown or missing hardship kind";
	} else {
		return "an unknown test";
	}
	return NULL;
}

/* Flattens the rule breadth first: the nodes array is its own queue, so the children of a group
 * are appended together after everything already queued. Returns why it is unreadable, or NULL. */
static const char *parse_rule(struct assist_programme *p, const cJSON *root)
{
	const cJSON *json[SCREENER_NODES_MAX];
	int depth[SCREENER_NODES_MAX];
	int count = 1;
	if (!cJSON_IsObject(root))
		return "not an object";
	json[0] = root;
	depth[0] = 1;
	for (int i = 0; i < count; i++) {
		struct screener_node *n = &p->nodes[i];
		const char *why = parse_node(n, json[i]);
		const cJSON *of, *child;
		if (why != NULL)
			return why;
		if (n->test != TEST_ALL && n->test != TEST_ANY)
			continue;
		of = cJSON_GetObjectItemCaseSensitive(json[i], "of");
		if (!cJSON_IsArray(of) || cJSON_GetArraySize(of) == 0)
			return "a group without children";
		if (depth[i] == RULE_DEPTH_MAX)
			return "too deep";
		n->first_child = count;
		cJSON_ArrayForEach(child, of)
		{
			if (count == SCREENER_NODES_MAX)
				return "too many nodes";
			json[count] = child;
			depth[count] = depth[i] + 1;
			count++;
			n->child_count++;
		}
	}
	p->node_count = count;
	return NULL;
}

/* Kept only whole, https, and without spaces or control characters (it may become a QR code). */
static void parse_url(char out[ASSIST_URL_MAX], const cJSON *item)
{
	const char *s = cJSON_GetStringValue(item);
	size_t len = s ? strnlen(s, ASSIST_URL_MAX) : 0;
	out[0] = '\0';
	if (len >= ASSIST_URL_MAX || len <= strlen("https://") || strncmp(s, "https://", strlen("https://")) != 0)
		return;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7F)
			return;
	ref_json_string(out, ASSIST_URL_MAX, item);
}

static void parse_standard(struct assist_standard *s, const cJSON *item)
{
	const cJSON *amount = cJSON_GetObjectItemCaseSensitive(item, "amount");
	const char *unit = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "unit"));
	memset(s, 0, sizeof(*s));
	ref_json_text(&s->label, cJSON_GetObjectItemCaseSensitive(item, "label"));
	s->has_amount = cJSON_IsNumber(amount) && amount->valuedouble >= 0 && amount->valuedouble <= STANDARD_AMOUNT_MAX;
	s->amount = s->has_amount ? amount->valuedouble : 0;
	s->unit = UNIT_NONE;
	for (size_t u = 0; unit != NULL && u < sizeof(unit_names) / sizeof(unit_names[0]); u++)
		if (strcmp(unit, unit_names[u]) == 0)
			s->unit = (enum standard_unit)u;
	s->year = (int)ref_json_int(item, "year", YEAR_MIN, YEAR_MAX, 0);
}

/* Reads everything but the id (already read and checked for duplicates). */
static void parse_programme(struct assist_programme *p, const cJSON *item)
{
	const cJSON *standards = cJSON_GetObjectItemCaseSensitive(item, "standards");
	const cJSON *rule = cJSON_GetObjectItemCaseSensitive(item, "screener");
	ref_json_text(&p->name, cJSON_GetObjectItemCaseSensitive(item, "name"));
	ref_json_text(&p->summary, cJSON_GetObjectItemCaseSensitive(item, "summary"));
	ref_json_text(&p->eligibility, cJSON_GetObjectItemCaseSensitive(item, "eligibility"));
	ref_json_text(&p->documents, cJSON_GetObjectItemCaseSensitive(item, "documents"));
	ref_json_text(&p->apply_at, cJSON_GetObjectItemCaseSensitive(item, "apply_at"));
	ref_json_text(&p->disclaimer, cJSON_GetObjectItemCaseSensitive(item, "disclaimer"));
	parse_url(p->official_url, cJSON_GetObjectItemCaseSensitive(item, "official_url"));
	if (cJSON_IsArray(standards)) {
		const cJSON *s;
		cJSON_ArrayForEach(s, standards)
		{
			if (p->standard_count == ASSIST_STANDARDS_MAX)
				break;
			if (cJSON_IsObject(s))
				parse_standard(&p->standards[p->standard_count++], s);
		}
	}
	if (rule == NULL || cJSON_IsNull(rule))
		return; /* no rule: the guide shows the programme, the screener never suggests it */
	const char *why = parse_rule(p, rule);
	if (why != NULL) {
		memset(p->nodes, 0, sizeof(p->nodes));
		p->node_count = 0;
		kiosk_log(LOG_WARN, "programme %s: screener rule not readable (%s); never suggested", p->id, why);
	}
}

static void parse_texts(struct assist_catalog *c, const char *texts_json)
{
	cJSON *root = ref_json_parse(texts_json);
	const cJSON *items = cJSON_GetObjectItemCaseSensitive(root, "items");
	if (cJSON_IsObject(items))
		ref_json_text(&c->screener_disclaimer,
			      cJSON_GetObjectItemCaseSensitive(items, "assistance.screener_disclaimer"));
	cJSON_Delete(root);
}

void assist_catalog_parse(struct assist_catalog *c, const char *programmes_json, const char *texts_json)
{
	cJSON *root = NULL;
	const cJSON *item;
	if (c == NULL)
		goto out;
	memset(c, 0, sizeof(*c));
	root = ref_json_parse(programmes_json);
	cJSON_ArrayForEach(item, ref_json_items(root))
	{
		if (c->count == ASSIST_PROGRAMMES_MAX)
			break;
		struct assist_programme *p = &c->programmes[c->count];
		if (!cJSON_IsObject(item) || !ref_json_id(p->id, cJSON_GetObjectItemCaseSensitive(item, "id")))
			continue;
		if (assist_programme_find(c, p->id) != NULL) {
			p->id[0] = '\0';
			continue;
		}
		parse_programme(p, item);
		c->count++;
	}
	parse_texts(c, texts_json);
out:
	cJSON_Delete(root);
}

const struct assist_programme *assist_programme_find(const struct assist_catalog *c, const char *id)
{
	for (int i = 0; c != NULL && id != NULL && i < c->count; i++)
		if (strncmp(c->programmes[i].id, id, CATALOG_ID_MAX) == 0)
			return &c->programmes[i];
	return NULL;
}

long long assist_catalog_assets_limit(const struct assist_catalog *c)
{
	for (int i = 0; c != NULL && i < c->count; i++)
		for (int k = 0; k < c->programmes[i].node_count; k++)
			if (c->programmes[i].nodes[k].test == TEST_ASSETS_WITHIN)
				return c->programmes[i].nodes[k].limit_fen;
	return 0;
}

struct assist_data {
	struct store *store;
	struct ref_watch programmes, texts;
	struct assist_catalog catalog;
};

struct assist_data *assist_data_create(struct store *store)
{
	struct assist_data *d = calloc(1, sizeof(*d));
	if (d) {
		d->store = store;
		ref_watch_init(&d->programmes);
		ref_watch_init(&d->texts);
	}
	return d;
}

void assist_data_destroy(struct assist_data *d)
{
	free(d);
}

const struct assist_catalog *assist_data_catalog(struct assist_data *d, int64_t now)
{
	/* Both watches are asked every time, so each remembers the stamp it reported. */
	bool programmes = ref_watch_changed(&d->programmes, d->store, "programmes", now);
	bool texts = ref_watch_changed(&d->texts, d->store, "texts", now);
	if (programmes || texts) {
		char *programmes_json = ref_cached(d->store, "programmes"), *texts_json = ref_cached(d->store, "texts");
		assist_catalog_parse(&d->catalog, programmes_json, texts_json);
		free(programmes_json);
		free(texts_json);
	}
	return &d->catalog;
}
