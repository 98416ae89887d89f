/* Fuzz target: the social-assistance reference data (GET /v1/programmes and /v1/texts,
 * backend-stub/API.md) read by assistance/assistance_catalog.c, including each programme's screener
 * rule (a tree from the backend, flattened with bounds), then the screener run over it with answers
 * taken from the input, as a visitor's answers would be.
 * Input: 6 bytes of answers, then programmes JSON, NUL, texts JSON.
 * Invariants: counts and texts within bounds, official URLs https without spaces, every rule tree
 * well formed (children after their parent, inside the array), screener results within the catalog
 * with at most SCREENER_REASONS_MAX reasons, each pointing at a node of its own programme. */
#include <stdlib.h>
#include <string.h>

#include "assistance/assistance_catalog.h"
#include "assistance/screener.h"
#include "core/log.h"
#include "fuzz_catalog.h"

static struct assist_catalog *catalog;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	log_set_level(LOG_ERROR); /* an unreadable rule is a warning each time: not news here */
	catalog = fuzz_alloc(sizeof(*catalog));
	return 0;
}

static void check_programme(const struct assist_programme *p)
{
	FUZZ_CHECK(p->id[0] != '\0' && memchr(p->id, 0, CATALOG_ID_MAX));
	fuzz_check_catalog_text(&p->name);
	fuzz_check_catalog_text(&p->summary);
	fuzz_check_catalog_text(&p->eligibility);
	fuzz_check_catalog_text(&p->documents);
	fuzz_check_catalog_text(&p->apply_at);
	fuzz_check_catalog_text(&p->disclaimer);
	FUZZ_CHECK_TEXT(p->official_url, ASSIST_URL_MAX);
	if (p->official_url[0]) {
		FUZZ_CHECK(strncmp(p->official_url, "https://", 8) == 0);
		for (const char *c = p->official_url; *c; c++)
			FUZZ_CHECK((unsigned char)*c > 0x20 && *c != 0x7f);
	}
	FUZZ_CHECK(p->standard_count >= 0 && p->standard_count <= ASSIST_STANDARDS_MAX);
	for (int i = 0; i < p->standard_count; i++) {
		fuzz_check_catalog_text(&p->standards[i].label);
		FUZZ_CHECK(!p->standards[i].has_amount || p->standards[i].amount >= 0);
	}
	FUZZ_CHECK(p->node_count >= 0 && p->node_count <= SCREENER_NODES_MAX);
	for (int i = 0; i < p->node_count; i++) {
		const struct screener_node *n = &p->nodes[i];
		if (n->test == TEST_ALL || n->test == TEST_ANY) {
			FUZZ_CHECK(n->child_count >= 1 && n->first_child > i);
			FUZZ_CHECK(n->first_child + n->child_count <= p->node_count);
		}
		if (n->test == TEST_INCOME_BELOW || n->test == TEST_ASSETS_WITHIN)
			FUZZ_CHECK(n->limit_fen >= 0 && n->limit_fen <= 1000000000LL);
		for (int l = 0; l < TEXT_LANG_COUNT; l++)
			FUZZ_CHECK_TEXT(n->name[l], SCREENER_NAME_MAX);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct screener_answers a = {0};
	a.household_size = 1 + fuzz_take_byte(&data, &size) % SCREENER_HOUSEHOLD_MAX;
	uint8_t hi = fuzz_take_byte(&data, &size), lo = fuzz_take_byte(&data, &size);
	a.income_fen = ((long long)hi << 8 | lo) * 100; /* 0 … 65,535 yuan a month */
	uint8_t flags = fuzz_take_byte(&data, &size);
	a.assets_over = flags & 1;
	a.members = (flags >> 1) & 7;
	a.hardship = (flags >> 4) & 7;
	a.disability_grade = fuzz_take_byte(&data, &size) % 5;
	bool huge_income = fuzz_take_byte(&data, &size) & 1;
	if (huge_income)
		a.income_fen = SCREENER_INCOME_MAX_FEN;
	FUZZ_CHECK(screener_answers_valid(&a));

	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 2);
	assist_catalog_parse(catalog, parts.part[0], parts.part[1]);
	FUZZ_CHECK(catalog->count >= 0 && catalog->count <= ASSIST_PROGRAMMES_MAX);
	for (int i = 0; i < catalog->count; i++) {
		check_programme(&catalog->programmes[i]);
		FUZZ_CHECK(assist_programme_find(catalog, catalog->programmes[i].id) == &catalog->programmes[i]);
	}
	fuzz_check_catalog_text(&catalog->screener_disclaimer);
	FUZZ_CHECK(assist_catalog_assets_limit(catalog) >= 0);

	struct screener_match matches[ASSIST_PROGRAMMES_MAX];
	int n = screener_run(catalog, &a, matches, ASSIST_PROGRAMMES_MAX);
	FUZZ_CHECK(n >= 0 && n <= catalog->count);
	for (int i = 0; i < n; i++) {
		const struct assist_programme *p = matches[i].programme;
		FUZZ_CHECK(p >= catalog->programmes && p < catalog->programmes + catalog->count);
		FUZZ_CHECK(p->node_count > 0);
		FUZZ_CHECK(matches[i].reason_count >= 0 && matches[i].reason_count <= SCREENER_REASONS_MAX);
		for (int r = 0; r < matches[i].reason_count; r++) {
			const struct screener_reason *why = &matches[i].reasons[r];
			FUZZ_CHECK(why->node >= p->nodes && why->node < p->nodes + p->node_count);
			FUZZ_CHECK(why->test != TEST_ALL && why->test != TEST_ANY);
			FUZZ_CHECK(why->per_person_fen >= 0);
		}
	}
	/* A smaller result array is filled only as far as it goes. */
	FUZZ_CHECK(screener_run(catalog, &a, matches, 1) <= 1);
	fuzz_parts_free(&parts);
	return 0;
}
