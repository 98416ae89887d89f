/* The assistance catalog and the eligibility screener: the demo rules read from a committed fixture
 * (tests/unit/fixtures, mirroring the stub's programmes) and laid out flat, a table of answers with
 * the programmes each should suggest (every standard's boundary in fen: below, at and above 900 and
 * 1,350 yuan per person, 80-plus counting as 60-plus, disability grades, assets, hardship, invalid
 * answers), the reasons and their order, then every kind of rule the kiosk cannot read (the whole
 * rule dropped with one warning, the programme kept for the guide), malformed and oversized JSON,
 * URLs, standards, texts, and the cache reload through a real store in a temporary directory. Also
 * the application-status answer: every field read, an unknown state kept with the backend's words,
 * malformed answers refused. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assistance/application_status.h"
#include "assistance/assistance_catalog.h"
#include "assistance/screener.h"
#include "check.h"
#include "core/utf8.h"
#include "data/store.h"

#ifndef FIXTURES_DIR
#error "FIXTURES_DIR must name tests/unit/fixtures"
#endif

#define T0 1764300000 /* a Unix time in 2025 */
#define MATCHES_MAX 16

static char *read_file(const char *name)
{
	char path[512];
	FILE *f;
	char *buf = NULL;
	long len;
	snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
		exit(1);
	}
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len + 1)) != NULL && fread(buf, 1, (size_t)len, f) == (size_t)len) {
		buf[len] = '\0';
	} else {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	return buf;
}

/* A catalog is ~700 KiB: kept on the heap, not on a test's stack. */
static struct assist_catalog *catalog_new(void)
{
	struct assist_catalog *c = calloc(1, sizeof(*c));
	if (c == NULL) {
		perror("calloc");
		exit(1);
	}
	return c;
}

static struct assist_catalog *fixture_catalog(void)
{
	struct assist_catalog *c = catalog_new();
	char *programmes = read_file("programmes.json"), *texts = read_file("texts.json");
	assist_catalog_parse(c, programmes, texts);
	free(programmes);
	free(texts);
	return c;
}

/* ---- stderr capture, to see the warnings ---- */

static char capture_path[64];
static int saved_stderr = -1;

static void capture_begin(void)
{
	int fd;
	snprintf(capture_path, sizeof(capture_path), "/tmp/kiosk-screener-log-XXXXXX");
	fd = mkstemp(capture_path);
	if (fd < 0) {
		perror("mkstemp");
		exit(1);
	}
	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

/* What was logged (caller frees). */
static char *capture_end(void)
{
	FILE *f;
	char *buf = calloc(1, 64 * 1024);
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	f = fopen(capture_path, "rb");
	if (buf != NULL && f != NULL)
		buf[fread(buf, 1, 64 * 1024 - 1, f)] = '\0';
	if (f)
		fclose(f);
	unlink(capture_path);
	return buf;
}

static int count_lines_with(const char *log, const char *needle)
{
	int n = 0;
	for (const char *line = log; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char buf[2048];
		snprintf(buf, sizeof(buf), "%.*s", (int)(len < sizeof(buf) - 1 ? len : sizeof(buf) - 1), line);
		if (strstr(buf, needle))
			n++;
		line = end ? end + 1 : line + len;
	}
	return n;
}

/* ---- the fixture ---- */

static bool is_group(const struct screener_node *n)
{
	return n->test == TEST_ALL || n->test == TEST_ANY;
}

/* nodes[0] is the root; every other node is the child of exactly one group that comes before it,
 * and a group's children are contiguous. */
static void check_layout(const struct assist_programme *p)
{
	int parents[SCREENER_NODES_MAX] = {0};
	for (int i = 0; i < p->node_count; i++) {
		const struct screener_node *n = &p->nodes[i];
		if (!is_group(n)) {
			CHECK_INT(n->child_count, 0);
			continue;
		}
		CHECK(n->child_count >= 1);
		CHECK(n->first_child > i);
		CHECK(n->first_child + n->child_count <= p->node_count);
		for (int k = 0; k < n->child_count && n->first_child + k < SCREENER_NODES_MAX; k++)
			parents[n->first_child + k]++;
	}
	CHECK_INT(parents[0], 0);
	for (int i = 1; i < p->node_count; i++)
		CHECK_INT(parents[i], 1);
}

static void test_fixture(void)
{
	static const struct {
		const char *id;
		int nodes;
	} expect[] = {
		{"dibao", 3},	       {"tekun", 8},		  {"linshi", 1},	     {"disability_subsidies", 5},
		{"elderly_allowance", 1}, {"children_allowance", 1}, {"medical_assistance", 3}, {"home_adaptation", 7},
	};
	struct assist_catalog *c = fixture_catalog();
	const struct assist_programme *p;
	CHECK_INT(c->count, 8);
	for (int i = 0; i < 8 && i < c->count; i++) {
		CHECK_STR(c->programmes[i].id, expect[i].id);
		CHECK_INT(c->programmes[i].node_count, expect[i].nodes);
		check_layout(&c->programmes[i]);
		char url[128];
		snprintf(url, sizeof(url), "https://mzj.jianghai.example/jiuzhu/%s", expect[i].id);
		CHECK_STR(c->programmes[i].official_url, url);
		CHECK(c->programmes[i].name.lang[TEXT_LANG_ZH_HANS][0] != '\0');
		CHECK(c->programmes[i].name.lang[TEXT_LANG_ZH_HANT][0] != '\0');
		CHECK(c->programmes[i].name.lang[TEXT_LANG_EN][0] != '\0');
		CHECK(c->programmes[i].apply_at.lang[TEXT_LANG_ZH_HANS][0] != '\0');
		CHECK(c->programmes[i].disclaimer.lang[TEXT_LANG_EN][0] != '\0');
		CHECK(c->programmes[i].standard_count >= 1);
	}

	p = assist_programme_find(c, "dibao");
	CHECK(p == &c->programmes[0]);
	CHECK(assist_programme_find(c, "nothing") == NULL);
	CHECK(assist_programme_find(c, NULL) == NULL);
	CHECK(assist_programme_find(NULL, "dibao") == NULL);
	CHECK_STR(catalog_text_get(&p->name, TEXT_LANG_ZH_HANS), "最低生活保障（低保）");
	CHECK_INT(p->nodes[0].test, TEST_ALL);
	CHECK_INT(p->nodes[0].first_child, 1);
	CHECK_INT(p->nodes[0].child_count, 2);
	CHECK_INT(p->nodes[1].test, TEST_INCOME_BELOW);
	CHECK(p->nodes[1].limit_fen == 90000);
	CHECK_INT(p->nodes[1].year, 2020);
	CHECK_STR(p->nodes[1].name[TEXT_LANG_ZH_HANS], "低保标准");
	CHECK_STR(p->nodes[1].name[TEXT_LANG_ZH_HANT], "低保標準");
	CHECK_STR(p->nodes[1].name[TEXT_LANG_EN], "the dibao standard");
	CHECK_INT(p->nodes[2].test, TEST_ASSETS_WITHIN);
	CHECK(p->nodes[2].limit_fen == 2160000);
	CHECK_INT(p->standard_count, 3);
	CHECK(p->standards[0].has_amount);
	CHECK(p->standards[0].amount == 900);
	CHECK_INT(p->standards[0].unit, UNIT_YUAN_PER_PERSON_MONTH);
	CHECK_INT(p->standards[0].year, 2020);
	CHECK_STR(p->standards[0].label.lang[TEXT_LANG_ZH_HANS], "城乡低保标准（城乡一体化）");
	CHECK_INT(p->standards[1].unit, UNIT_YUAN_PER_PERSON_YEAR);

	p = assist_programme_find(c, "tekun");
	CHECK(p && p->standard_count == 4 && p->standards[1].unit == UNIT_PERCENT_OF_MINIMUM_WAGE);
	CHECK(p && p->nodes[3].test == TEST_HOUSEHOLD_AT_MOST && p->nodes[3].value == 1);
	CHECK(p && p->nodes[4].test == TEST_ANY && p->nodes[4].first_child == 5 && p->nodes[4].child_count == 3);
	CHECK(p && p->nodes[5].test == TEST_MEMBER && p->nodes[5].mask == MEMBER_AGE_60_PLUS);
	CHECK(p && p->nodes[6].test == TEST_DISABILITY && p->nodes[6].value == 4);
	CHECK(p && p->nodes[7].test == TEST_MEMBER && p->nodes[7].mask == MEMBER_CHILD_WITHOUT_CARER);

	p = assist_programme_find(c, "linshi");
	CHECK(p && p->nodes[0].test == TEST_HARDSHIP &&
	      p->nodes[0].mask == (HARDSHIP_ILLNESS | HARDSHIP_ACCIDENT | HARDSHIP_DISASTER));
	CHECK(p && p->standard_count == 1 && !p->standards[0].has_amount && p->standards[0].unit == UNIT_NONE);

	p = assist_programme_find(c, "medical_assistance");
	CHECK(p && p->nodes[1].limit_fen == 135000 && p->nodes[2].mask == HARDSHIP_ILLNESS);
	CHECK(p && p->standards[0].unit == UNIT_PERCENT && p->standards[0].amount == 100);

	/* Breadth first: all[income, any[member 80, all[member 60, disability 4]]]. */
	p = assist_programme_find(c, "home_adaptation");
	CHECK(p && p->nodes[0].test == TEST_ALL && p->nodes[0].first_child == 1 && p->nodes[0].child_count == 2);
	CHECK(p && p->nodes[1].test == TEST_INCOME_BELOW && p->nodes[2].test == TEST_ANY);
	CHECK(p && p->nodes[2].first_child == 3 && p->nodes[2].child_count == 2);
	CHECK(p && p->nodes[3].test == TEST_MEMBER && p->nodes[3].mask == MEMBER_AGE_80_PLUS);
	CHECK(p && p->nodes[4].test == TEST_ALL && p->nodes[4].first_child == 5 && p->nodes[4].child_count == 2);
	CHECK(p && p->nodes[5].mask == MEMBER_AGE_60_PLUS && p->nodes[6].test == TEST_DISABILITY);
	CHECK(p && p->standard_count == 3 && p->standards[2].year == 2025 && p->standards[2].amount == 100);

	CHECK(assist_catalog_assets_limit(c) == 2160000);
	CHECK(assist_catalog_assets_limit(NULL) == 0);
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_ZH_HANS],
		  "此结果仅供参考，不是审批决定；是否符合条件以民政部门审核为准。");
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_EN],
		  "This is only an indication, not a decision. Eligibility is decided by the civil affairs bureau.");
	free(c);
}

/* ---- the answers table ---- */

#define M60 MEMBER_AGE_60_PLUS
#define M80 MEMBER_AGE_80_PLUS
#define MCHILD MEMBER_CHILD_WITHOUT_CARER
#define ILL HARDSHIP_ILLNESS
#define ACC HARDSHIP_ACCIDENT
#define DIS HARDSHIP_DISASTER
#define NO_INCOME_REASON (-1)

static const struct screener_case {
	const char *what;
	struct screener_answers a; /* household, income_fen, assets_over, members, grade, hardship */
	const char *expect; /* programme ids in catalog order, space separated */
	long long per_person_fen; /* of every income reason, or NO_INCOME_REASON when none is expected */
} cases[] = {
	{"all zero: no household at all", {0, 0, false, 0, 0, 0}, "", NO_INCOME_REASON},
	{"one person, no income, nothing else", {1, 0, false, 0, 0, 0}, "dibao", 0},
	{"3 people, 2,699.99 yuan: below 900 x 3", {3, 269999, false, 0, 0, 0}, "dibao", 89999},
	{"3 people, 2,700.00 yuan: at the standard", {3, 270000, false, 0, 0, 0}, "", NO_INCOME_REASON},
	{"3 people, 2,700.01 yuan: above", {3, 270001, false, 0, 0, 0}, "", NO_INCOME_REASON},
	{"1 person, 899.99 yuan", {1, 89999, false, 0, 0, 0}, "dibao", 89999},
	{"1 person, 900.00 yuan", {1, 90000, false, 0, 0, 0}, "", NO_INCOME_REASON},
	{"1 person 60+, 899.99", {1, 89999, false, M60, 0, 0}, "dibao tekun", 89999},
	{"1 person 80+ counts as 60+", {1, 89999, false, M80, 0, 0}, "dibao tekun elderly_allowance home_adaptation",
	 89999},
	{"1 person 80+, assets over", {1, 89999, true, M80, 0, 0}, "elderly_allowance home_adaptation", 89999},
	{"2 people 60+, 1,799.98: household too big for tekun", {2, 179998, false, M60, 0, 0}, "dibao", 89999},
	{"2 people, 2,699.98, grade 3: below 1,350", {2, 269998, false, 0, 3, 0}, "disability_subsidies", 134999},
	{"2 people, 2,700.00, grade 3: at 1,350", {2, 270000, false, 0, 3, 0}, "", NO_INCOME_REASON},
	{"2 people, 2,700.00, grade 2", {2, 270000, false, 0, 2, 0}, "disability_subsidies", NO_INCOME_REASON},
	{"1 person, 5,000 yuan, grade 3", {1, 500000, false, 0, 3, 0}, "", NO_INCOME_REASON},
	{"1 person, 5,000 yuan, grade 2", {1, 500000, false, 0, 2, 0}, "disability_subsidies", NO_INCOME_REASON},
	{"4 people, 10,000 yuan, illness: linshi only", {4, 1000000, false, 0, 0, ILL}, "linshi", NO_INCOME_REASON},
	{"2 people, 2,699.98, illness", {2, 269998, false, 0, 0, ILL}, "linshi medical_assistance", 134999},
	{"2 people, 2,700.00, illness", {2, 270000, false, 0, 0, ILL}, "linshi", NO_INCOME_REASON},
	{"2 people, 1,799.98, accident", {2, 179998, false, 0, 0, ACC}, "dibao linshi", 89999},
	{"3 people, 1,500, assets over, disaster", {3, 150000, true, 0, 0, DIS}, "linshi", NO_INCOME_REASON},
	{"child without carer, no income", {1, 0, false, MCHILD, 0, 0}, "dibao tekun children_allowance", 0},
	{"1 person 60+ grade 4, 500 yuan", {1, 50000, false, M60, 4, 0},
	 "dibao tekun disability_subsidies home_adaptation", 50000},
	{"1 person 60+ grade 4, 500 yuan, assets over", {1, 50000, true, M60, 4, 0},
	 "disability_subsidies home_adaptation", 50000},
	{"2 people 60+ grade 4, 1,799.98", {2, 179998, false, M60, 4, 0}, "dibao disability_subsidies home_adaptation",
	 89999},
	{"20 people, no income", {20, 0, false, 0, 0, 0}, "dibao", 0},
	{"20 people, 17,999.80: 899.99 each", {20, 1799980, false, 0, 0, 0}, "dibao", 89999},
	{"the most income, every member, grade 1, every hardship",
	 {1, SCREENER_INCOME_MAX_FEN, false, M60 | M80 | MCHILD, 1, ILL | ACC | DIS},
	 "linshi disability_subsidies elderly_allowance children_allowance", NO_INCOME_REASON},
	{"invalid: 0 people", {0, 0, false, M80, 1, ILL}, "", NO_INCOME_REASON},
	{"invalid: 21 people", {21, 0, false, M80, 1, ILL}, "", NO_INCOME_REASON},
	{"invalid: negative income", {1, -1, false, M80, 1, ILL}, "", NO_INCOME_REASON},
	{"invalid: income over the maximum", {1, SCREENER_INCOME_MAX_FEN + 1, false, M80, 1, ILL}, "",
	 NO_INCOME_REASON},
	{"invalid: grade 5", {1, 0, false, M80, 5, ILL}, "", NO_INCOME_REASON},
	{"invalid: grade -1", {1, 0, false, M80, -1, ILL}, "", NO_INCOME_REASON},
	{"invalid: unknown member bit", {1, 0, false, 1u << 3, 0, 0}, "", NO_INCOME_REASON},
	{"invalid: unknown hardship bit", {1, 0, false, 0, 0, 1u << 3}, "", NO_INCOME_REASON},
};

static void test_table(void)
{
	struct assist_catalog *c = fixture_catalog();
	static struct screener_match out[MATCHES_MAX];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct screener_case *k = &cases[i];
		char got[512] = "";
		int income_reasons = 0;
		bool per_person_ok = true;
		int n = screener_run(c, &k->a, out, MATCHES_MAX);
		for (int m = 0; m < n; m++) {
			snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s", m ? " " : "", out[m].programme->id);
			CHECK(out[m].reason_count >= 1 && out[m].reason_count <= SCREENER_REASONS_MAX);
			for (int r = 0; r < out[m].reason_count; r++) {
				const struct screener_reason *reason = &out[m].reasons[r];
				CHECK(reason->node >= out[m].programme->nodes &&
				      reason->node < out[m].programme->nodes + out[m].programme->node_count);
				CHECK(!is_group(reason->node) && reason->test == reason->node->test);
				if (reason->test == TEST_INCOME_BELOW) {
					income_reasons++;
					per_person_ok &= reason->per_person_fen == k->per_person_fen;
				}
			}
		}
		if (!CHECK(strcmp(got, k->expect) == 0))
			fprintf(stderr, "  case %zu (%s): got \"%s\", expected \"%s\"\n", i, k->what, got, k->expect);
		CHECK_INT(screener_answers_valid(&k->a), strncmp(k->what, "invalid", 7) != 0 && k->a.household_size != 0);
		if (k->per_person_fen == NO_INCOME_REASON) {
			if (!CHECK(income_reasons == 0))
				fprintf(stderr, "  case %zu (%s): unexpected income reason\n", i, k->what);
		} else if (!CHECK(income_reasons > 0 && per_person_ok)) {
			fprintf(stderr, "  case %zu (%s): income reasons %d, per person not %lld\n", i, k->what,
				income_reasons, k->per_person_fen);
		}
	}
	free(c);
}

/* ---- reasons ---- */

static const struct screener_match *match_of(const struct screener_match *out, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(out[i].programme->id, id) == 0)
			return &out[i];
	return NULL;
}

static void test_reasons(void)
{
	struct assist_catalog *c = fixture_catalog();
	static struct screener_match out[MATCHES_MAX];
	const struct screener_match *m;
	struct screener_answers a = {1, 50000, false, M60, 4, 0};
	int n = screener_run(c, &a, out, MATCHES_MAX);

	/* dibao: income, assets; the income reason names its standard. */
	m = match_of(out, n, "dibao");
	CHECK(m != NULL);
	if (m && CHECK_INT(m->reason_count, 2)) {
		CHECK_INT(m->reasons[0].test, TEST_INCOME_BELOW);
		CHECK(m->reasons[0].per_person_fen == 50000);
		CHECK(m->reasons[0].node->limit_fen == 90000);
		CHECK_STR(m->reasons[0].node->name[TEXT_LANG_ZH_HANS], "低保标准");
		CHECK_STR(m->reasons[0].node->name[TEXT_LANG_EN], "the dibao standard");
		CHECK_INT(m->reasons[1].test, TEST_ASSETS_WITHIN);
	}
	/* tekun: the any-group gives both children that held (60+ and grade 4), in tree order. */
	m = match_of(out, n, "tekun");
	if (CHECK(m != NULL) && CHECK_INT(m->reason_count, 5)) {
		CHECK_INT(m->reasons[0].test, TEST_INCOME_BELOW);
		CHECK_INT(m->reasons[1].test, TEST_ASSETS_WITHIN);
		CHECK_INT(m->reasons[2].test, TEST_HOUSEHOLD_AT_MOST);
		CHECK_INT(m->reasons[3].test, TEST_MEMBER);
		CHECK_INT(m->reasons[4].test, TEST_DISABILITY);
	}
	/* disability_subsidies with grade 4: not the grade-2 test, the low-income pair. */
	m = match_of(out, n, "disability_subsidies");
	if (CHECK(m != NULL) && CHECK_INT(m->reason_count, 2)) {
		CHECK_INT(m->reasons[0].test, TEST_DISABILITY);
		CHECK_INT(m->reasons[0].node->value, 4);
		CHECK_INT(m->reasons[1].test, TEST_INCOME_BELOW);
		CHECK(m->reasons[1].node->limit_fen == 135000);
		CHECK_STR(m->reasons[1].node->name[TEXT_LANG_ZH_HANS], "低收入家庭标准（低保标准的1.5倍）");
		CHECK_STR(m->reasons[1].node->name[TEXT_LANG_EN],
			  "the low-income household standard (1.5 times the dibao standard)");
	}
	/* home_adaptation: the failed member-80 child leaves nothing behind. */
	m = match_of(out, n, "home_adaptation");
	if (CHECK(m != NULL) && CHECK_INT(m->reason_count, 3)) {
		CHECK_INT(m->reasons[0].test, TEST_INCOME_BELOW);
		CHECK(m->reasons[1].test == TEST_MEMBER && m->reasons[1].node->mask == M60);
		CHECK_INT(m->reasons[2].test, TEST_DISABILITY);
	}

	/* Grade 1 on a low income: both branches of the any-group hold. */
	a = (struct screener_answers){2, 100000, false, 0, 1, 0};
	n = screener_run(c, &a, out, MATCHES_MAX);
	m = match_of(out, n, "disability_subsidies");
	if (CHECK(m != NULL) && CHECK_INT(m->reason_count, 3)) {
		CHECK(m->reasons[0].test == TEST_DISABILITY && m->reasons[0].node->value == 2);
		CHECK(m->reasons[1].test == TEST_DISABILITY && m->reasons[1].node->value == 4);
		CHECK(m->reasons[2].test == TEST_INCOME_BELOW && m->reasons[2].per_person_fen == 50000);
	}

	/* At most max matches, in catalog order. */
	a = (struct screener_answers){1, 0, false, M80 | MCHILD, 1, ILL};
	n = screener_run(c, &a, out, MATCHES_MAX);
	CHECK_INT(n, 8);
	CHECK_INT(screener_run(c, &a, out, 2), 2);
	CHECK_STR(out[0].programme->id, "dibao");
	CHECK_STR(out[1].programme->id, "tekun");
	CHECK_INT(screener_run(c, &a, out, 0), 0);
	CHECK_INT(screener_run(c, &a, NULL, 4), 0);
	CHECK_INT(screener_run(NULL, &a, out, 4), 0);
	CHECK_INT(screener_run(c, NULL, out, 4), 0);
	CHECK(!screener_answers_valid(NULL));
	free(c);
}

/* ---- rules built here ---- */

/* Parses one programme "p" with rule (JSON text) followed by a readable "ok"; returns the catalog
 * and, through log, what was logged (caller frees both). */
static struct assist_catalog *parse_rule(const char *rule, char **log)
{
	struct assist_catalog *c = catalog_new();
	size_t len = strlen(rule) + 512;
	char *json = malloc(len);
	if (json == NULL)
		exit(1);
	snprintf(json, len,
		 "{\"items\":[{\"id\":\"p\",\"name\":{\"zh-Hans\":\"测试\"},\"screener\":%s},"
		 "{\"id\":\"ok\",\"screener\":{\"test\":\"member\",\"kinds\":[\"age_80_plus\"]}}]}",
		 rule);
	capture_begin();
	assist_catalog_parse(c, json, NULL);
	*log = capture_end();
	free(json);
	return c;
}

/* A group of n member-60 leaves nested depth levels deep (the root is level 1). */
static void nested(char *out, size_t cap, int depth, int leaves)
{
	size_t len = 0;
	out[0] = '\0';
	for (int d = 1; d < depth; d++)
		len += (size_t)snprintf(out + len, cap - len, "{\"test\":\"all\",\"of\":[");
	for (int i = 0; i < leaves; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s{\"test\":\"member\",\"kinds\":[\"age_60_plus\"]}",
					i ? "," : "");
	for (int d = 1; d < depth; d++)
		len += (size_t)snprintf(out + len, cap - len, "]}");
}

static void test_unreadable_rules(void)
{
	static const char *const bad[] = {
		"{\"test\":\"unknown\"}",
		"{\"test\":\"ALL\",\"of\":[{\"test\":\"member\",\"kinds\":[\"age_60_plus\"]}]}",
		"{\"of\":[{\"test\":\"member\",\"kinds\":[\"age_60_plus\"]}]}",
		"{\"test\":7}",
		"\"member\"",
		"[]",
		"true",
		"{\"test\":\"member\",\"kinds\":[\"age_90_plus\"]}",
		"{\"test\":\"member\",\"kinds\":[\"age_60_plus\",\"age_90_plus\"]}",
		"{\"test\":\"member\",\"kinds\":[]}",
		"{\"test\":\"member\"}",
		"{\"test\":\"member\",\"kinds\":\"age_60_plus\"}",
		"{\"test\":\"hardship\",\"kinds\":[\"flood\"]}",
		"{\"test\":\"hardship\",\"kinds\":[\"illness\",3]}",
		"{\"test\":\"income_per_person_below\",\"amount\":\"900\"}",
		"{\"test\":\"income_per_person_below\"}",
		"{\"test\":\"income_per_person_below\",\"amount\":-1}",
		"{\"test\":\"income_per_person_below\",\"amount\":10000000.01}",
		"{\"test\":\"income_per_person_below\",\"amount\":1e300}",
		"{\"test\":\"income_per_person_below\",\"amount\":900.001}",
		"{\"test\":\"income_per_person_below\",\"amount\":null}",
		"{\"test\":\"assets_within\",\"savings_per_person\":null}",
		"{\"test\":\"assets_within\",\"savings_per_person\":-5}",
		"{\"test\":\"household_size_at_most\",\"value\":0}",
		"{\"test\":\"household_size_at_most\",\"value\":1.5}",
		"{\"test\":\"household_size_at_most\"}",
		"{\"test\":\"disability\",\"grade_at_most\":5}",
		"{\"test\":\"disability\",\"grade_at_most\":0}",
		"{\"test\":\"disability\",\"grade_at_most\":2.5}",
		"{\"test\":\"disability\",\"grade_at_most\":\"2\"}",
		"{\"test\":\"all\",\"of\":[]}",
		"{\"test\":\"any\"}",
		"{\"test\":\"all\",\"of\":{}}",
		"{\"test\":\"all\",\"of\":[1]}",
		"{\"test\":\"all\",\"of\":[{\"test\":\"member\",\"kinds\":[\"age_60_plus\"]},{\"test\":\"any\",\"of\":[]}]}",
		"{\"test\":\"any\",\"of\":[{\"test\":\"member\",\"kinds\":[\"age_60_plus\"]},{\"test\":\"bogus\"}]}",
	};
	char *log;
	struct assist_catalog *c;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]) + 2; i++) {
		char rule[4096];
		if (i < sizeof(bad) / sizeof(bad[0]))
			snprintf(rule, sizeof(rule), "%s", bad[i]);
		else if (i == sizeof(bad) / sizeof(bad[0]))
			nested(rule, sizeof(rule), 5, 1); /* depth 5 */
		else
			nested(rule, sizeof(rule), 2, SCREENER_NODES_MAX); /* a group of 16: 17 nodes */
		c = parse_rule(rule, &log);
		const struct assist_programme *p = assist_programme_find(c, "p");
		bool ok = CHECK(c->count == 2 && p != NULL && p->node_count == 0);
		struct screener_node zero;
		memset(&zero, 0, sizeof(zero));
		ok &= CHECK(p != NULL && memcmp(&p->nodes[0], &zero, sizeof(zero)) == 0 &&
			    memcmp(&p->nodes[SCREENER_NODES_MAX - 1], &zero, sizeof(zero)) == 0);
		ok &= CHECK_STR(p ? p->name.lang[TEXT_LANG_ZH_HANS] : NULL, "测试"); /* the guide still shows it */
		ok &= CHECK(assist_programme_find(c, "ok") && assist_programme_find(c, "ok")->node_count == 1);
		ok &= CHECK_INT(count_lines_with(log, "programme p:"), 1);
		ok &= CHECK_INT(count_lines_with(log, "warn"), 1);
		if (!ok)
			fprintf(stderr, "  rule %zu: %s\n  log: %s", i, rule, log ? log : "");
		/* Never suggested, whatever the answers. */
		struct screener_answers a = {1, 0, false, M60 | M80 | MCHILD, 1, ILL | ACC | DIS};
		static struct screener_match out[4];
		int n = screener_run(c, &a, out, 4);
		CHECK(n == 1 && strcmp(out[0].programme->id, "ok") == 0);
		free(log);
		free(c);
	}

	/* The largest readable ones: depth 4, 16 nodes; no warning. */
	char rule[4096];
	nested(rule, sizeof(rule), 4, 1);
	c = parse_rule(rule, &log);
	CHECK(c->count == 2 && c->programmes[0].node_count == 4);
	CHECK_INT(count_lines_with(log, "warn"), 0);
	check_layout(&c->programmes[0]);
	free(log);
	free(c);
	nested(rule, sizeof(rule), 2, SCREENER_NODES_MAX - 1);
	c = parse_rule(rule, &log);
	CHECK(c->count == 2 && c->programmes[0].node_count == SCREENER_NODES_MAX);
	CHECK_INT(count_lines_with(log, "warn"), 0);
	free(log);
	free(c);

	/* No rule at all: in the guide, never suggested, nothing to warn about. */
	c = parse_rule("null", &log);
	CHECK(c->count == 2 && c->programmes[0].node_count == 0);
	CHECK_INT(count_lines_with(log, "warn"), 0);
	free(log);
	free(c);

	/* Amounts: two decimals exact in fen; the largest limit × 20 people does not overflow. */
	c = parse_rule("{\"test\":\"all\",\"of\":[{\"test\":\"income_per_person_below\",\"amount\":899.99},"
		       "{\"test\":\"assets_within\",\"savings_per_person\":0.1}]}",
		       &log);
	CHECK(c->programmes[0].node_count == 3 && c->programmes[0].nodes[1].limit_fen == 89999 &&
	      c->programmes[0].nodes[2].limit_fen == 10);
	CHECK_INT(c->programmes[0].nodes[1].year, 0);
	CHECK_STR(c->programmes[0].nodes[1].name[TEXT_LANG_ZH_HANS], "");
	free(log);
	free(c);
	c = parse_rule("{\"test\":\"income_per_person_below\",\"amount\":10000000}", &log);
	CHECK(c->programmes[0].node_count == 1 && c->programmes[0].nodes[0].limit_fen == 1000000000LL);
	struct screener_answers rich = {SCREENER_HOUSEHOLD_MAX, SCREENER_INCOME_MAX_FEN, false, 0, 0, 0};
	static struct screener_match out[4];
	CHECK_INT(screener_run(c, &rich, out, 4), 1); /* 10^9 fen < 10^9 × 20 */
	free(log);
	free(c);

	/* A long name is cut on a character boundary; a plain string is zh-Hans. */
	char name[1024] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "标");
	snprintf(rule, sizeof(rule),
		 "{\"test\":\"income_per_person_below\",\"amount\":900,\"name\":{\"zh-Hans\":\"%s\",\"en\":\"x\"}}", name);
	c = parse_rule(rule, &log);
	const char *cut = c->programmes[0].nodes[0].name[TEXT_LANG_ZH_HANS];
	CHECK_INT(strlen(cut), (SCREENER_NAME_MAX - 1) / 3 * 3);
	CHECK(utf8_valid(cut, strlen(cut)));
	CHECK_STR(c->programmes[0].nodes[0].name[TEXT_LANG_EN], "x");
	free(log);
	free(c);
	c = parse_rule("{\"test\":\"income_per_person_below\",\"amount\":900,\"name\":\"低保标准\"}", &log);
	CHECK_STR(c->programmes[0].nodes[0].name[TEXT_LANG_ZH_HANS], "低保标准");
	free(log);
	free(c);

	/* More reasons than SCREENER_REASONS_MAX: the first ones are kept. */
	nested(rule, sizeof(rule), 2, 10);
	c = parse_rule(rule, &log);
	struct screener_answers old = {1, 0, false, M60, 0, 0};
	CHECK_INT(screener_run(c, &old, out, 4), 1);
	CHECK_INT(out[0].reason_count, SCREENER_REASONS_MAX);
	free(log);
	free(c);
}

/* A hand-made tree whose child points back at the root neither loops nor holds. */
static void test_damaged_tree(void)
{
	struct assist_catalog *c = catalog_new();
	struct screener_answers a = {1, 0, false, M60, 0, 0};
	static struct screener_match out[2];
	snprintf(c->programmes[0].id, CATALOG_ID_MAX, "x");
	c->programmes[0].node_count = 2;
	c->programmes[0].nodes[0] = (struct screener_node){.test = TEST_ANY, .first_child = 0, .child_count = 2};
	c->programmes[0].nodes[1] = (struct screener_node){.test = TEST_MEMBER, .mask = M60};
	c->count = 1;
	CHECK_INT(screener_run(c, &a, out, 2), 0);
	c->programmes[0].nodes[0].first_child = 1;
	CHECK_INT(screener_run(c, &a, out, 2), 0); /* children 1 and 2, but only 2 nodes */
	c->programmes[0].nodes[0].child_count = 1;
	CHECK_INT(screener_run(c, &a, out, 2), 1);
	/* A limit that never went through the parser: no product to overflow. */
	c->programmes[0].nodes[1] = (struct screener_node){.test = TEST_INCOME_BELOW, .limit_fen = LLONG_MAX};
	a = (struct screener_answers){SCREENER_HOUSEHOLD_MAX, SCREENER_INCOME_MAX_FEN, false, 0, 0, 0};
	CHECK_INT(screener_run(c, &a, out, 2), 1);
	CHECK(out[0].reasons[0].per_person_fen == SCREENER_INCOME_MAX_FEN / SCREENER_HOUSEHOLD_MAX);
	c->programmes[0].nodes[1].limit_fen = -1;
	CHECK_INT(screener_run(c, &a, out, 2), 0);
	free(c);
}

/* ---- whole documents ---- */

static void test_malformed(void)
{
	static const char *const bodies[] = {
		"",
		"{",
		"null",
		"42",
		"{\"items\":5}",
		"{\"items\":{\"dibao\":{}}}",
		"{\"items\":[null,1,\"x\",[],{\"id\":5},{\"id\":\"bad id\"},{\"id\":\"\"},{\"name\":\"no id\"}]}",
		"{\"items\":[{\"id\":\"a\",\"screener\":{\"test\":\"all\",\"of\":[",
		"\xff\xfe{}",
	};
	struct assist_catalog *c = catalog_new();
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		memset(c, 0x5A, sizeof(*c));
		assist_catalog_parse(c, bodies[i], bodies[i]);
		if (!CHECK_INT(c->count, 0))
			fprintf(stderr, "  body %zu\n", i);
		CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_ZH_HANS], "");
		CHECK(assist_catalog_assets_limit(c) == 0);
	}
	assist_catalog_parse(c, NULL, NULL);
	CHECK_INT(c->count, 0);
	assist_catalog_parse(NULL, "{}", "{}");

	/* Over CATALOG_JSON_MAX: refused whole, even though it would parse. */
	char *fixture = read_file("programmes.json");
	size_t flen = strlen(fixture);
	char *big = malloc(CATALOG_JSON_MAX + 2);
	if (big == NULL)
		exit(1);
	memcpy(big, fixture, flen);
	memset(big + flen, ' ', CATALOG_JSON_MAX + 1 - flen);
	big[CATALOG_JSON_MAX + 1] = '\0';
	assist_catalog_parse(c, big, big);
	CHECK_INT(c->count, 0);
	big[CATALOG_JSON_MAX] = '\0'; /* exactly the maximum: read */
	assist_catalog_parse(c, big, NULL);
	CHECK_INT(c->count, 8);
	free(big);
	free(fixture);

	/* Bad ids dropped, duplicates ignored (the first wins), at most ASSIST_PROGRAMMES_MAX. */
	char json[8192];
	size_t len = (size_t)snprintf(json, sizeof(json),
				      "{\"items\":[{\"id\":\"dup\",\"name\":\"first\"},{\"id\":\"bad/id\"},"
				      "{\"id\":\"dup\",\"name\":\"second\",\"screener\":{\"test\":\"nonsense\"}}");
	for (int i = 0; i < ASSIST_PROGRAMMES_MAX + 4; i++)
		len += (size_t)snprintf(json + len, sizeof(json) - len, ",{\"id\":\"p%d\"}", i);
	snprintf(json + len, sizeof(json) - len, "]}");
	capture_begin();
	assist_catalog_parse(c, json, NULL);
	char *log = capture_end();
	CHECK_INT(c->count, ASSIST_PROGRAMMES_MAX);
	CHECK_STR(c->programmes[0].id, "dup");
	CHECK_STR(c->programmes[0].name.lang[TEXT_LANG_ZH_HANS], "first");
	CHECK_STR(c->programmes[1].id, "p0");
	CHECK_STR(c->programmes[ASSIST_PROGRAMMES_MAX - 1].id, "p14");
	CHECK(assist_programme_find(c, "bad/id") == NULL);
	CHECK_INT(count_lines_with(log, "warn"), 0); /* the ignored duplicate's rule is not read */
	free(log);
	free(c);
}

static void test_urls_standards_texts(void)
{
	struct assist_catalog *c = catalog_new();
	char long_url[ASSIST_URL_MAX + 16], json[4096];
	snprintf(long_url, sizeof(long_url), "https://");
	memset(long_url + 8, 'a', sizeof(long_url) - 9);
	long_url[ASSIST_URL_MAX] = '\0'; /* ASSIST_URL_MAX characters: too long */
	snprintf(json, sizeof(json),
		 "{\"items\":[{\"id\":\"a\",\"official_url\":\"http://mzj.jianghai.example/jiuzhu/a\"},"
		 "{\"id\":\"b\",\"official_url\":\"https://mzj.jianghai.example/jiuzhu/b\"},"
		 "{\"id\":\"c\",\"official_url\":\"https://\"},"
		 "{\"id\":\"d\",\"official_url\":\"%s\"},"
		 "{\"id\":\"e\",\"official_url\":\" https://mzj.jianghai.example/\"},"
		 "{\"id\":\"f\",\"official_url\":\"https://a.example/x y\"},"
		 "{\"id\":\"g\",\"official_url\":7},"
		 "{\"id\":\"h\",\"official_url\":\"HTTPS://mzj.jianghai.example/\"},"
		 "{\"id\":\"i\",\"official_url\":\"javascript:https://x\"}]}",
		 long_url);
	assist_catalog_parse(c, json, NULL);
	CHECK_INT(c->count, 9);
	CHECK_STR(assist_programme_find(c, "a")->official_url, "");
	CHECK_STR(assist_programme_find(c, "b")->official_url, "https://mzj.jianghai.example/jiuzhu/b");
	CHECK_STR(assist_programme_find(c, "c")->official_url, "");
	CHECK_STR(assist_programme_find(c, "d")->official_url, "");
	CHECK_STR(assist_programme_find(c, "e")->official_url, "");
	CHECK_STR(assist_programme_find(c, "f")->official_url, "");
	CHECK_STR(assist_programme_find(c, "g")->official_url, "");
	CHECK_STR(assist_programme_find(c, "h")->official_url, "");
	CHECK_STR(assist_programme_find(c, "i")->official_url, "");

	/* A URL of ASSIST_URL_MAX - 1 characters is kept whole. */
	long_url[ASSIST_URL_MAX - 1] = '\0';
	snprintf(json, sizeof(json), "{\"items\":[{\"id\":\"a\",\"official_url\":\"%s\"}]}", long_url);
	assist_catalog_parse(c, json, NULL);
	CHECK_STR(c->programmes[0].official_url, long_url);

	/* Standards: null and wrong-typed amounts, unknown units, at most ASSIST_STANDARDS_MAX. */
	assist_catalog_parse(c,
			     "{\"items\":[{\"id\":\"s\",\"standards\":["
			     "{\"label\":{\"zh-Hans\":\"甲\",\"en\":\"A\"},\"amount\":null,\"unit\":\"none\",\"year\":2020},"
			     "{\"label\":\"乙\",\"amount\":\"900\",\"unit\":\"yuan_per_person_month\"},"
			     "{\"label\":\"丙\",\"amount\":12.5,\"unit\":\"yuan_per_fortnight\",\"year\":\"2020\"},"
			     "{\"label\":\"丁\",\"amount\":2,\"unit\":\"percent_of_minimum_wage\",\"year\":2021},"
			     "7,"
			     "{\"amount\":1,\"unit\":\"percent\"},{\"amount\":2},{\"amount\":3},{\"amount\":4}]}]}",
			     NULL);
	const struct assist_programme *p = &c->programmes[0];
	CHECK_INT(p->standard_count, ASSIST_STANDARDS_MAX);
	CHECK(!p->standards[0].has_amount && p->standards[0].unit == UNIT_NONE && p->standards[0].year == 2020);
	CHECK_STR(p->standards[0].label.lang[TEXT_LANG_EN], "A");
	CHECK(!p->standards[1].has_amount && p->standards[1].unit == UNIT_YUAN_PER_PERSON_MONTH);
	CHECK(p->standards[2].has_amount && p->standards[2].amount == 12.5 && p->standards[2].unit == UNIT_NONE);
	CHECK_INT(p->standards[2].year, 0);
	CHECK(p->standards[3].unit == UNIT_PERCENT_OF_MINIMUM_WAGE && p->standards[3].year == 2021);
	CHECK(p->standards[4].unit == UNIT_PERCENT && p->standards[4].amount == 1);
	CHECK(p->standards[5].amount == 2 && p->standards[5].unit == UNIT_NONE);
	CHECK_INT(p->node_count, 0); /* no screener given */

	/* Texts: keyed by id; other shapes are empty; a plain string is zh-Hans. */
	assist_catalog_parse(c, NULL, "{\"items\":{\"assistance.screener_disclaimer\":\"仅供参考\"}}");
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_ZH_HANS], "仅供参考");
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_EN], "");
	CHECK_STR(catalog_text_get(&c->screener_disclaimer, TEXT_LANG_EN), "仅供参考");
	assist_catalog_parse(c, NULL, "{\"items\":[{\"assistance.screener_disclaimer\":\"x\"}]}");
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_ZH_HANS], "");
	assist_catalog_parse(c, NULL, "{\"items\":{\"assistance.screener_disclaimer\":{\"en\":\"\xc3\x28\"}}}");
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_EN], "");
	free(c);
}

/* ---- the cache ---- */

static char dir[64];

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		char path[512];
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	if (rmdir(dir) != 0)
		fprintf(stderr, "cannot remove %s: %s\n", dir, strerror(errno));
}

static void test_data(void)
{
	struct store_options opts = {.create = true};
	char err[512] = "";
	char *programmes = read_file("programmes.json"), *texts = read_file("texts.json");
	const struct assist_catalog *c;
	struct assist_catalog *scribble;
	struct store *s;
	struct assist_data *d;

	assist_data_destroy(NULL);
	d = assist_data_create(NULL);
	CHECK(d != NULL);
	if (d) {
		CHECK_INT(assist_data_catalog(d, 100)->count, 0);
		CHECK_INT(assist_data_catalog(d, 101)->count, 0);
	}
	assist_data_destroy(d);

	snprintf(dir, sizeof(dir), "/tmp/kiosk-screener-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(1);
	}
	s = store_open(dir, &opts, err, sizeof(err));
	if (!CHECK(s != NULL)) {
		fprintf(stderr, "  store_open: %s\n", err);
		goto out;
	}
	d = assist_data_create(s);
	if (!CHECK(d != NULL))
		goto out;
	c = assist_data_catalog(d, 100);
	CHECK_INT(c->count, 0); /* nothing cached yet */

	CHECK(store_ref_put(s, "programmes", "\"p1\"", programmes, strlen(programmes), T0, err, sizeof(err)));
	CHECK_INT(assist_data_catalog(d, 100)->count, 0); /* asked again within the same second */
	c = assist_data_catalog(d, 101);
	CHECK_INT(c->count, 8);
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_ZH_HANS], "");
	CHECK(assist_data_catalog(d, 101) == c);

	/* Mark the parsed copy: it survives while nothing newer is stored. */
	scribble = (struct assist_catalog *)c;
	scribble->programmes[0].name.lang[TEXT_LANG_EN][0] = '#';
	CHECK(assist_data_catalog(d, 102)->programmes[0].name.lang[TEXT_LANG_EN][0] == '#');
	CHECK(assist_data_catalog(d, 200)->programmes[0].name.lang[TEXT_LANG_EN][0] == '#');
	/* The same stamp again is not newer. */
	CHECK(store_ref_put(s, "programmes", "\"p1\"", programmes, strlen(programmes), T0, err, sizeof(err)));
	CHECK(assist_data_catalog(d, 201)->programmes[0].name.lang[TEXT_LANG_EN][0] == '#');

	/* Newer texts: reparsed (the mark goes, the disclaimer comes). */
	CHECK(store_ref_put(s, "texts", "\"t1\"", texts, strlen(texts), T0 + 60, err, sizeof(err)));
	c = assist_data_catalog(d, 202);
	CHECK(c->programmes[0].name.lang[TEXT_LANG_EN][0] == 'M');
	CHECK_STR(c->screener_disclaimer.lang[TEXT_LANG_EN],
		  "This is only an indication, not a decision. Eligibility is decided by the civil affairs bureau.");
	scribble->programmes[0].name.lang[TEXT_LANG_EN][0] = '#';
	CHECK(assist_data_catalog(d, 203)->programmes[0].name.lang[TEXT_LANG_EN][0] == '#');

	/* Newer programmes: one programme now, the disclaimer kept. */
	const char *one = "{\"items\":[{\"id\":\"linshi\",\"screener\":{\"test\":\"hardship\",\"kinds\":[\"illness\"]}}]}";
	CHECK(store_ref_put(s, "programmes", "\"p2\"", one, strlen(one), T0 + 120, err, sizeof(err)));
	c = assist_data_catalog(d, 204);
	CHECK_INT(c->count, 1);
	CHECK_STR(c->programmes[0].id, "linshi");
	CHECK(c->screener_disclaimer.lang[TEXT_LANG_EN][0] == 'T');
	CHECK(assist_catalog_assets_limit(c) == 0);
	assist_data_destroy(d);
out:
	store_close(s);
	remove_dir();
	free(programmes);
	free(texts);
}

/* The status answer as the stub gives it (API.md, POST /v1/assistance/status). */
static void test_application_answer(void)
{
	static struct application_answer a;
	const char *json =
		"{\"items\":[{\"application_number\":\"JHJZ2026-0008\",\"programme\":{\"id\":\"elderly_allowance\","
		"\"name\":{\"zh-Hans\":\"高龄津贴\",\"en\":\"Old-age allowance\"}},\"state\":\"certification_due\","
		"\"state_text\":{\"zh-Hans\":\"待资格认证\"},\"next_step\":{\"zh-Hans\":\"请认证\"},\"reason\":null,"
		"\"certification_due_on\":\"2026-12-20\",\"submitted_at\":\"2025-03-18T09:00:00+08:00\","
		"\"updated_at\":\"2026-11-20T10:00:00+08:00\"},"
		"{\"application_number\":\"JHJZ2026-0099\",\"state\":\"appeal_lodged\",\"state_text\":\"复核中\","
		"\"reason\":{\"zh-Hans\":\"材料不全\"},\"certification_due_on\":\"soon\"},"
		"{\"state\":\"approved\"}]}";
	CHECK(application_answer_parse(json, &a));
	CHECK_INT(a.count, 2); /* the item without a number is dropped */
	CHECK_STR(a.items[0].number, "JHJZ2026-0008");
	CHECK_INT(a.items[0].state, APP_CERTIFICATION_DUE);
	CHECK_STR(application_state_name(a.items[0].state), "certification_due");
	CHECK_STR(APPLICATION_TEXT(a.items[0].programme, TEXT_LANG_EN), "Old-age allowance");
	CHECK_STR(APPLICATION_TEXT(a.items[0].programme, TEXT_LANG_ZH_HANT), "高龄津贴"); /* falls back */
	CHECK_STR(a.items[0].certification_due_on, "2026-12-20");
	CHECK_STR(a.items[0].submitted_on, "2025-03-18");
	CHECK_STR(a.items[0].updated_on, "2026-11-20");
	CHECK_STR(APPLICATION_TEXT(a.items[0].reason, TEXT_LANG_ZH_HANS), "");
	CHECK_INT(a.items[1].state, APP_UNKNOWN); /* a state the kiosk has no words for: the backend's */
	CHECK(application_state_name(a.items[1].state) == NULL);
	CHECK_STR(APPLICATION_TEXT(a.items[1].state_text, TEXT_LANG_EN), "复核中");
	CHECK_STR(APPLICATION_TEXT(a.items[1].reason, TEXT_LANG_ZH_HANS), "材料不全");
	CHECK_STR(a.items[1].certification_due_on, ""); /* not a date */
	CHECK(!application_answer_parse("{\"items\":[]}", &a) && a.count == 0);
	CHECK(!application_answer_parse("{\"items\":[{\"application_number\":", &a));
	CHECK(!application_answer_parse(NULL, &a));
	CHECK(!application_answer_parse("[1,2,3]", &a));
}

int main(void)
{
	test_application_answer();
	test_fixture();
	test_table();
	test_reasons();
	test_unreadable_rules();
	test_damaged_tree();
	test_malformed();
	test_urls_standards_texts();
	test_data();
	return check_exit();
}
