/* The social-assistance programmes as the screens need them, read from the store's cache (the
 * backend's "programmes" answer and the "texts" answer, backend-stub/API.md) into fixed-size structs
 * with the bounded readers of data/ref_json.h. A malformed cache yields an empty catalog, never a
 * crash. Each programme carries its screener rule (a small tree of tests, see screener.h) as data:
 * no threshold lives in code. assist_data keeps the parsed copy and reloads it when the sync engine
 * stored a newer one; it belongs to the UI thread. */
#ifndef KIOSK_ASSISTANCE_ASSISTANCE_CATALOG_H
#define KIOSK_ASSISTANCE_ASSISTANCE_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "data/ref_json.h"

#define ASSIST_PROGRAMMES_MAX 16
#define ASSIST_STANDARDS_MAX 6
#define SCREENER_NODES_MAX 16
#define SCREENER_NAME_MAX 160
#define ASSIST_URL_MAX 512

enum standard_unit {
	UNIT_NONE,
	UNIT_YUAN_PER_PERSON_MONTH,
	UNIT_YUAN_PER_PERSON_YEAR,
	UNIT_PERCENT,
	UNIT_PERCENT_OF_MINIMUM_WAGE,
};

/* One published standard: "城乡低保标准 900 元/人·月 (2020)". */
struct assist_standard {
	struct catalog_text label;
	bool has_amount; /* false: amount null, the label says what applies */
	double amount;
	enum standard_unit unit;
	int year; /* the year the figure is from */
};

enum screener_test {
	TEST_ALL, /* every child holds */
	TEST_ANY, /* at least one child holds */
	TEST_INCOME_BELOW, /* monthly household income per person strictly below limit_fen */
	TEST_ASSETS_WITHIN, /* no savings above limit_fen per person, no second home, no car */
	TEST_HOUSEHOLD_AT_MOST, /* household size <= value */
	TEST_MEMBER, /* a household member of a kind in mask (enum screener_member bits) */
	TEST_DISABILITY, /* a disability certificate of grade <= value (1 = most severe, 4 = least) */
	TEST_HARDSHIP, /* a sudden hardship of a kind in mask (enum screener_hardship bits) */
};

enum screener_member {
	MEMBER_AGE_60_PLUS = 1u << 0,
	MEMBER_AGE_80_PLUS = 1u << 1, /* also counts as 60 plus */
	MEMBER_CHILD_WITHOUT_CARER = 1u << 2,
};

enum screener_hardship {
	HARDSHIP_ILLNESS = 1u << 0,
	HARDSHIP_ACCIDENT = 1u << 1,
	HARDSHIP_DISASTER = 1u << 2,
};

/* A node of a screener tree; nodes[0] is the root, children follow their parent. */
struct screener_node {
	enum screener_test test;
	int first_child, child_count; /* TEST_ALL / TEST_ANY: children are nodes[first_child …] */
	long long limit_fen; /* TEST_INCOME_BELOW: per person per month; TEST_ASSETS_WITHIN: savings per person */
	int value; /* TEST_HOUSEHOLD_AT_MOST: size; TEST_DISABILITY: grade_at_most */
	unsigned mask; /* TEST_MEMBER, TEST_HARDSHIP */
	int year; /* TEST_INCOME_BELOW: the year of the standard (0 when not given) */
	char name[TEXT_LANG_COUNT][SCREENER_NAME_MAX]; /* TEST_INCOME_BELOW: the standard's name ("低保标准") */
};

struct assist_programme {
	char id[CATALOG_ID_MAX];
	struct catalog_text name, summary, eligibility, documents, apply_at, disclaimer;
	char official_url[ASSIST_URL_MAX]; /* https only; "" when missing or not https */
	struct assist_standard standards[ASSIST_STANDARDS_MAX];
	int standard_count;
	struct screener_node nodes[SCREENER_NODES_MAX];
	int node_count; /* 0: no screener rule (or one the kiosk cannot read): never suggested */
};

struct assist_catalog {
	struct assist_programme programmes[ASSIST_PROGRAMMES_MAX];
	int count;
	struct catalog_text screener_disclaimer; /* text "assistance.screener_disclaimer" */
};

/* Parses the cached programmes and texts JSON (either may be NULL: that part stays empty). */
void assist_catalog_parse(struct assist_catalog *c, const char *programmes_json, const char *texts_json);
/* The programme with that id, or NULL (borrowed from c). */
const struct assist_programme *assist_programme_find(const struct assist_catalog *c, const char *id);
/* The savings limit per person (fen) of the first TEST_ASSETS_WITHIN in the catalog, for the
 * screener's question; 0 when no rule has one. */
long long assist_catalog_assets_limit(const struct assist_catalog *c);

struct store;
struct assist_data;

/* Borrows store (may be NULL: then the catalog is empty). */
struct assist_data *assist_data_create(struct store *store);
void assist_data_destroy(struct assist_data *d);
/* The catalog as cached now (reparsed only when "programmes" or "texts" changed). */
const struct assist_catalog *assist_data_catalog(struct assist_data *d, int64_t now);

#endif
