/*
 * test_assistance: the social-assistance part of API.md against a real stub: programmes carry
 * apply_at, official_url and a screener rule tree of the documented schema (with the seeded
 * thresholds), the schema checker refuses malformed trees, and every application state answers
 * with its texts, reason and certification date; a wrong ID number answers exactly like an
 * unknown application number.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "harness.h"
#include "id_document.h"
#include "screener_rules.h"

static struct stub S;
static CURL *H;

static const cJSON *item_by_id(const cJSON *items, const char *id)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, items)
	{
		if (strcmp(json_str(it, "id"), id) == 0)
			return it;
	}
	return NULL;
}

static const cJSON *child(const cJSON *node, int i)
{
	return cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(node, "of"), i);
}

static double num(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* 1 if node is {"test": test, "kinds": [...]} listing exactly the given kinds (comma separated). */
static int has_kinds(const cJSON *node, const char *test, const char *kinds)
{
	char buf[128] = "";
	const cJSON *k;
	if (strcmp(json_str(node, "test"), test) != 0)
		return 0;
	cJSON_ArrayForEach(k, cJSON_GetObjectItemCaseSensitive(node, "kinds"))
	{
		if (buf[0] != '\0')
			strcat(buf, ",");
		if (cJSON_IsString(k) && strlen(buf) + strlen(k->valuestring) < sizeof(buf) - 1)
			strcat(buf, k->valuestring);
	}
	return strcmp(buf, kinds) == 0;
}

static int is_income(const cJSON *node, double amount, const char *name_hans)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(node, "name");
	return strcmp(json_str(node, "test"), "income_per_person_below") == 0 && num(node, "amount") == amount &&
	       num(node, "year") == 2020 && json_is_text(name) && strcmp(json_str(name, "zh-Hans"), name_hans) == 0;
}

static int is_disability(const cJSON *node, int grade)
{
	return strcmp(json_str(node, "test"), "disability") == 0 && num(node, "grade_at_most") == grade;
}

static void test_programmes(void)
{
	struct reply r;
	const cJSON *items, *it, *s, *n;
	char why[128], url[160];
	stub_get(&S, H, "/v1/programmes", &r);
	items = cJSON_GetObjectItemCaseSensitive(r.json, "items");
	CHECK(r.status == 200 && cJSON_GetArraySize(items) == 8, "programmes %ld", r.status);
	cJSON_ArrayForEach(it, items)
	{
		const char *id = json_str(it, "id");
		const cJSON *apply_at = cJSON_GetObjectItemCaseSensitive(it, "apply_at");
		CHECK(json_is_text(apply_at), "%s: apply_at is a text", id);
		CHECK(strstr(json_str(apply_at, "zh-Hans"), "江南、外海或礼乐街道") != NULL, "%s: apply_at names the street offices",
		      id);
		CHECK(strstr(json_str(apply_at, "zh-Hant"), "禮樂") != NULL, "%s: apply_at in Traditional", id);
		snprintf(url, sizeof(url), "https://mzj.jianghai.example/jiuzhu/%s", id);
		CHECK(strcmp(json_str(it, "official_url"), url) == 0, "%s: official_url %s", id, json_str(it, "official_url"));
		CHECK(cJSON_GetObjectItemCaseSensitive(it, "screener_hints") == NULL, "%s: screener_hints is gone", id);
		s = cJSON_GetObjectItemCaseSensitive(it, "screener");
		CHECK(cJSON_IsObject(s), "%s: has a screener tree", id);
		CHECK(screener_rules_check(s, why, sizeof(why)) == 0, "%s: screener valid: %s", id, why);
	}
	/* Per-programme texts. */
	it = item_by_id(items, "disability_subsidies");
	CHECK(strstr(json_str(cJSON_GetObjectItemCaseSensitive(it, "apply_at"), "zh-Hans"), "残联") != NULL, "disability via 残联");
	it = item_by_id(items, "medical_assistance");
	CHECK(strstr(json_str(cJSON_GetObjectItemCaseSensitive(it, "apply_at"), "zh-Hans"), "一站式") != NULL,
	      "medical at the hospital's one-stop counter");
	it = item_by_id(items, "linshi");
	CHECK(strstr(json_str(cJSON_GetObjectItemCaseSensitive(it, "apply_at"), "zh-Hans"), "非本区户籍") != NULL,
	      "temporary assistance for non-residents");

	/* The seeded rules, node by node. */
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "dibao"), "screener");
	CHECK(strcmp(json_str(s, "test"), "all") == 0 && is_income(child(s, 0), 900, "低保标准") &&
		      strcmp(json_str(child(s, 1), "test"), "assets_within") == 0 &&
		      num(child(s, 1), "savings_per_person") == 21600 && child(s, 2) == NULL,
	      "dibao rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "tekun"), "screener");
	n = child(s, 3);
	CHECK(strcmp(json_str(s, "test"), "all") == 0 && is_income(child(s, 0), 900, "低保标准") &&
		      num(child(s, 1), "savings_per_person") == 21600 &&
		      strcmp(json_str(child(s, 2), "test"), "household_size_at_most") == 0 && num(child(s, 2), "value") == 1 &&
		      strcmp(json_str(n, "test"), "any") == 0 && has_kinds(child(n, 0), "member", "age_60_plus") &&
		      is_disability(child(n, 1), 4) && has_kinds(child(n, 2), "member", "child_without_carer"),
	      "tekun rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "linshi"), "screener");
	CHECK(has_kinds(s, "hardship", "illness,accident,disaster"), "linshi rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "disability_subsidies"), "screener");
	n = child(s, 1);
	CHECK(strcmp(json_str(s, "test"), "any") == 0 && is_disability(child(s, 0), 2) &&
		      strcmp(json_str(n, "test"), "all") == 0 && is_disability(child(n, 0), 4) &&
		      is_income(child(n, 1), 1350, "低收入家庭标准（低保标准的1.5倍）"),
	      "disability rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "elderly_allowance"), "screener");
	CHECK(has_kinds(s, "member", "age_80_plus"), "elderly rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "children_allowance"), "screener");
	CHECK(has_kinds(s, "member", "child_without_carer"), "children rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "medical_assistance"), "screener");
	CHECK(strcmp(json_str(s, "test"), "all") == 0 && is_income(child(s, 0), 1350, "低收入家庭标准（低保标准的1.5倍）") &&
		      has_kinds(child(s, 1), "hardship", "illness"),
	      "medical rule");
	s = cJSON_GetObjectItemCaseSensitive(item_by_id(items, "home_adaptation"), "screener");
	n = child(s, 1);
	CHECK(strcmp(json_str(s, "test"), "all") == 0 && is_income(child(s, 0), 900, "低保标准") &&
		      strcmp(json_str(n, "test"), "any") == 0 && has_kinds(child(n, 0), "member", "age_80_plus") &&
		      strcmp(json_str(child(n, 1), "test"), "all") == 0 &&
		      has_kinds(child(child(n, 1), 0), "member", "age_60_plus") && is_disability(child(child(n, 1), 1), 4),
	      "home adaptation rule (depth 4)");
	reply_finish(&r);
}

/* The schema checker itself: what API.md allows and what it refuses. */
static void test_screener_schema(void)
{
	static const struct {
		const char *json;
		int ok;
	} cases[] = {
		{"null", 1},
		{"{\"test\":\"household_size_at_most\",\"value\":1}", 1},
		{"{\"test\":\"income_per_person_below\",\"amount\":900.5,\"year\":2020,"
		 "\"name\":{\"zh-Hans\":\"a\",\"zh-Hant\":\"b\",\"en\":\"c\"}}", 1},
		{"{\"test\":\"income_per_person_below\",\"amount\":900.001,\"year\":2020,"
		 "\"name\":{\"zh-Hans\":\"a\",\"zh-Hant\":\"b\",\"en\":\"c\"}}", 0},
		{"{\"test\":\"income_per_person_below\",\"amount\":900,\"year\":2020,\"name\":\"低保标准\"}", 0},
		{"{\"test\":\"disability\",\"grade_at_most\":5}", 0},
		{"{\"test\":\"member\",\"kinds\":[\"age_70_plus\"]}", 0},
		{"{\"test\":\"member\",\"kinds\":[]}", 0},
		{"{\"test\":\"hardship\",\"kinds\":[\"illness\",\"illness\"]}", 0},
		{"{\"test\":\"all\",\"of\":[]}", 0},
		{"{\"test\":\"age_at_least\",\"value\":80}", 0},
		{"{\"test\":\"all\",\"of\":[{\"test\":\"any\",\"of\":[{\"test\":\"all\",\"of\":[{\"test\":\"disability\","
		 "\"grade_at_most\":1}]}]}]}", 1},
		{"{\"test\":\"all\",\"of\":[{\"test\":\"any\",\"of\":[{\"test\":\"all\",\"of\":[{\"test\":\"any\",\"of\":"
		 "[{\"test\":\"disability\",\"grade_at_most\":1}]}]}]}]}", 0},
	};
	char why[128];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cJSON *j = cJSON_Parse(cases[i].json);
		CHECK(j != NULL && (screener_rules_check(j, why, sizeof(why)) == 0) == cases[i].ok, "schema case %zu", i);
		cJSON_Delete(j);
	}
	/* 17 nodes: one "any" over 16 leaves. */
	char big[2048] = "{\"test\":\"any\",\"of\":[";
	for (int i = 0; i < 16; i++)
		strcat(big, i ? ",{\"test\":\"household_size_at_most\",\"value\":1}" : "{\"test\":\"household_size_at_most\",\"value\":1}");
	strcat(big, "]}");
	cJSON *j = cJSON_Parse(big);
	CHECK(j != NULL && screener_rules_check(j, why, sizeof(why)) != 0, "17 nodes refused");
	cJSON_Delete(j);
}

struct app_case {
	const char *number, *id, *phone, *programme, *state;
	const char *reason;  /* expected in zh-Hans reason, NULL: reason null */
};

static const struct app_case apps[] = {
	{"JHJZ2026-0001", "440704195803120021", "13800000001", "dibao", "approved", NULL},
	{"JHJZ2026-0002", "440704197506230039", "13800000002", "disability_subsidies", "under_review", NULL},
	{"JHJZ2026-0003", "440704199008150043", "13800000003", "linshi", "documents_required", NULL},
	{"JHJZ2026-0004", "44070419481120006X", "13800000004", "tekun", "submitted", NULL},
	{"JHJZ2026-0005", "440704196501010016", "13800000005", "dibao", "rejected", "低保标准"},
	{"JHJZ2026-0006", "440704195104180033", "13800000006", "tekun", "household_survey", NULL},
	{"JHJZ2026-0007", "440704198311090042", "13800000007", "dibao", "public_notice", NULL},
	{"JHJZ2026-0008", "440704194503150013", "13800000008", "elderly_allowance", "certification_due", NULL},
	{"JHJZ2026-0009", "440704194406020014", "13800000009", "elderly_allowance", "suspended", "资格认证"},
	{"JHJZ2026-0010", "440704196907250052", "13800000010", "disability_subsidies", "terminated", "迁出本区"},
};

static void test_states(void)
{
	char body[256], today[11];
	struct civil_date t;
	test_beijing_date(today, 0);
	date_parse(today, &t);
	for (size_t i = 0; i < sizeof(apps) / sizeof(apps[0]); i++) {
		const struct app_case *a = &apps[i];
		struct id_document_info info;
		struct reply r;
		CHECK(id_document_validate(ID_DOCUMENT_RESIDENT_ID, a->id, &info) == ID_DOCUMENT_OK, "%s: valid ID", a->number);
		if (strcmp(a->programme, "elderly_allowance") == 0)
			CHECK(info.birth_year < 1946, "%s: born before 1946", a->number);
		for (int by_phone = 0; by_phone < 2; by_phone++) {
			snprintf(body, sizeof(body), "{\"id_number\":\"%s\",\"%s\":\"%s\"}", a->id,
				 by_phone ? "phone" : "application_number", by_phone ? a->phone : a->number);
			stub_post(&S, H, NULL, "/v1/assistance/status", body, NULL, &r);
			const cJSON *items = cJSON_GetObjectItemCaseSensitive(r.json, "items");
			const cJSON *it = cJSON_GetArrayItem(items, 0);
			const cJSON *reason = cJSON_GetObjectItemCaseSensitive(it, "reason");
			const cJSON *due = cJSON_GetObjectItemCaseSensitive(it, "certification_due_on");
			const cJSON *prog = cJSON_GetObjectItemCaseSensitive(it, "programme");
			CHECK(r.status == 200 && cJSON_GetArraySize(items) == 1, "%s (%d): %ld %s", a->number, by_phone, r.status,
			      r.body);
			CHECK(strcmp(json_str(it, "application_number"), a->number) == 0 && strcmp(json_str(it, "state"), a->state) == 0,
			      "%s: state %s", a->number, json_str(it, "state"));
			CHECK(strcmp(json_str(prog, "id"), a->programme) == 0 && json_is_text(cJSON_GetObjectItemCaseSensitive(prog, "name")),
			      "%s: programme", a->number);
			CHECK(json_is_text(cJSON_GetObjectItemCaseSensitive(it, "state_text")) &&
				      json_is_text(cJSON_GetObjectItemCaseSensitive(it, "next_step")),
			      "%s: state_text and next_step", a->number);
			if (a->reason != NULL)
				CHECK(json_is_text(reason) && strstr(json_str(reason, "zh-Hans"), a->reason) != NULL, "%s: reason %s",
				      a->number, r.body);
			else
				CHECK(cJSON_IsNull(reason), "%s: reason null", a->number);
			if (strcmp(a->state, "certification_due") == 0) {
				struct civil_date d;
				long days = cJSON_IsString(due) && date_parse(due->valuestring, &d) == 0
						    ? date_to_days(d) - date_to_days(t)
						    : -1;
				CHECK(days >= 20 && days <= 22, "%s: due about 3 weeks ahead (%ld days)", a->number, days);
			} else {
				CHECK(cJSON_IsNull(due), "%s: certification_due_on null", a->number);
			}
			CHECK(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "updated_at")) &&
				      cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "submitted_at")),
			      "%s: times", a->number);
			if (strcmp(a->state, "public_notice") == 0)
				CHECK(strstr(json_str(cJSON_GetObjectItemCaseSensitive(it, "next_step"), "zh-Hans"), "7天") != NULL,
				      "public notice names its 7 days");
			if (strcmp(a->state, "household_survey") == 0)
				CHECK(strcmp(json_str(cJSON_GetObjectItemCaseSensitive(it, "state_text"), "zh-Hans"), "入户调查") == 0,
				      "household survey label");
			reply_finish(&r);
		}
	}
}

/* A wrong ID number for a real application number answers byte for byte like an unknown number. */
static void test_wrong_id(void)
{
	struct reply wrong, unknown, other;
	stub_post(&S, H, NULL, "/v1/assistance/status",
		  "{\"id_number\":\"440704194406020014\",\"application_number\":\"JHJZ2026-0008\"}", NULL, &wrong);
	stub_post(&S, H, NULL, "/v1/assistance/status",
		  "{\"id_number\":\"440704194503150013\",\"application_number\":\"JHJZ2026-9999\"}", NULL, &unknown);
	stub_post(&S, H, NULL, "/v1/assistance/status",
		  "{\"id_number\":\"440704195803120022\",\"application_number\":\"JHJZ2026-0001\"}", NULL, &other);
	CHECK(wrong.status == 404 && strcmp(reply_code(&wrong), "application_not_found") == 0, "wrong ID %ld", wrong.status);
	CHECK(unknown.status == 404 && strcmp(wrong.body, unknown.body) == 0, "identical 404: %s vs %s", wrong.body,
	      unknown.body);
	CHECK(other.status == 404 && strcmp(other.body, unknown.body) == 0, "a malformed ID too: %s", other.body);
	reply_finish(&wrong);
	reply_finish(&unknown);
	reply_finish(&other);
}

int main(int argc, char **argv)
{
	const char *args[] = {"--seed", "demo", NULL};
	if (argc < 2 || stub_init(&S, argv[1], "assistance") != 0 || stub_start(&S, args) != 0) {
		fprintf(stderr, "cannot start the stub\n");
		return 1;
	}
	H = curl_easy_init();
	test_programmes();
	test_screener_schema();
	test_states();
	test_wrong_id();
	curl_easy_cleanup(H);
	CHECK(stub_stop(&S, SIGTERM) == 0, "clean exit on SIGTERM");
	stub_cleanup(&S);
	if (test_failures == 0)
		printf("stub_assistance: all checks passed\n");
	return test_failures ? 1 : 0;
}
