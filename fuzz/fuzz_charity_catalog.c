/* Fuzz target: the charity reference data (GET /v1/projects and /v1/texts, backend-stub/API.md) read
 * by charity/charity_catalog.c, then what the pledge screens do with it: whether a project takes
 * pledges today, the amount bounds a typed amount is checked against, and the lookup URL filled from
 * the backend's template (it becomes a QR code).
 * Input: projects JSON, NUL, texts JSON.
 * Invariants: counts and texts within bounds; money non-negative or -1 (missing), a pledge's minimum
 * at least 1 fen and not above its maximum; progress 0–100; dates either empty or real dates; URLs
 * https without spaces or control characters, also once filled. */
#include <stdlib.h>
#include <string.h>

#include "charity/amount.h"
#include "charity/charity_catalog.h"
#include "charity/pledge_record.h"
#include "civil_date.h"
#include "fuzz_catalog.h"

static struct charity_catalog *catalog;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	catalog = fuzz_alloc(sizeof(*catalog));
	return 0;
}

static void check_url(const char *url, size_t cap)
{
	FUZZ_CHECK_TEXT(url, cap);
	if (url[0])
		FUZZ_CHECK(strncmp(url, "https://", 8) == 0);
	for (const char *c = url; *c; c++)
		FUZZ_CHECK((unsigned char)*c > ' ' && *c != 0x7f);
}

static void check_project(const struct charity_project *p)
{
	FUZZ_CHECK(p->id[0] != '\0' && memchr(p->id, 0, CATALOG_ID_MAX));
	fuzz_check_catalog_text(&p->name);
	fuzz_check_catalog_text(&p->summary);
	fuzz_check_catalog_text(&p->description);
	fuzz_check_catalog_text(&p->organiser);
	FUZZ_CHECK(p->icon >= 0 && p->icon < CHARITY_ICON_COUNT && charity_icon_name(p->icon) != NULL);
	FUZZ_CHECK(memchr(p->ends_on, 0, sizeof(p->ends_on)) != NULL);
	struct civil_date d;
	FUZZ_CHECK(p->ends_on[0] == '\0' || date_parse(p->ends_on, &d) == 0);
	FUZZ_CHECK(p->goal_fen >= -1 && p->raised_fen >= -1 && p->pledged_fen >= -1 && p->pledge_count >= -1);
	FUZZ_CHECK(p->progress_percent >= 0 && p->progress_percent <= 100);
	FUZZ_CHECK_TEXT(p->as_of, sizeof(p->as_of));
	FUZZ_CHECK(p->amount_min_fen >= 1 && p->amount_min_fen <= p->amount_max_fen);
	FUZZ_CHECK(p->amount_max_fen <= AMOUNT_FEN_MAX);
	FUZZ_CHECK(p->amount_decimals >= 0 && p->amount_decimals <= 2);
	charity_project_pledgeable(p, "2026-11-28");
	charity_project_pledgeable(p, NULL);
	/* The bounds as the amount screen uses them: the smallest and largest amounts go through. */
	char typed[64];
	long long fen = 0;
	amount_format(p->amount_max_fen, true, typed, sizeof(typed));
	enum amount_error e = amount_parse(typed, 2, p->amount_min_fen, p->amount_max_fen, &fen);
	FUZZ_CHECK(e == AMOUNT_OK && fen == p->amount_max_fen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 2);
	charity_catalog_parse(catalog, parts.part[0], parts.part[1]);
	FUZZ_CHECK(catalog->project_count >= 0 && catalog->project_count <= CHARITY_PROJECTS_MAX);
	for (int i = 0; i < catalog->project_count; i++) {
		check_project(&catalog->projects[i]);
		FUZZ_CHECK(charity_project_find(catalog, catalog->projects[i].id) == &catalog->projects[i]);
	}
	fuzz_check_catalog_text(&catalog->terms);
	fuzz_check_catalog_text(&catalog->thanks);
	check_url(catalog->lookup_url, sizeof(catalog->lookup_url));
	char url[PLEDGE_URL_MAX];
	pledge_lookup_url(catalog->lookup_url, "demo-kiosk", "JC-1A2B3C4D", url, sizeof(url));
	check_url(url, sizeof(url));
	char small[16];
	pledge_lookup_url(catalog->lookup_url, "demo-kiosk", "JC-1A2B3C4D", small, sizeof(small));
	FUZZ_CHECK(memchr(small, 0, sizeof(small)) != NULL);
	fuzz_parts_free(&parts);
	return 0;
}
