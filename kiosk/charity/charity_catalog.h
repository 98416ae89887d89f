/* The charity projects and the pledge texts as the screens need them, read from the store's cache (the
 * backend's "projects" and "texts" answers, backend-stub/API.md) into fixed-size structs with the
 * bounded readers of data/ref_json.h. A malformed cache yields an empty catalog, never a crash; a
 * project with a bad id is dropped; money out of range falls back to values that take no pledge
 * (goal 0, closed) rather than guessing. charity_data keeps the parsed copy and reloads it only when the
 * sync engine stored a newer one; it belongs to the UI thread. */
#ifndef KIOSK_CHARITY_CHARITY_CATALOG_H
#define KIOSK_CHARITY_CHARITY_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "data/ref_json.h"

#define CHARITY_PROJECTS_MAX 16
#define CHARITY_URL_MAX 512
#define CHARITY_TIME_MAX 32

/* The icon a project shows (its glyph comes from the string catalogue, "charity.icon.NAME"). */
enum charity_icon {
	CHARITY_ICON_COMMUNITY,
	CHARITY_ICON_ELDERLY,
	CHARITY_ICON_CHILDREN,
	CHARITY_ICON_EMERGENCY_CALL,
	CHARITY_ICON_HOME,
	CHARITY_ICON_RELIEF,
	CHARITY_ICON_FESTIVAL,
	CHARITY_ICON_COUNT
};

struct charity_project {
	char id[CATALOG_ID_MAX];
	struct catalog_text name, summary, description, organiser;
	enum charity_icon icon; /* community when missing or unknown */
	bool open; /* status "open"; anything else (or missing) takes no pledge */
	char ends_on[11]; /* "YYYY-MM-DD", "" when not given */
	long long goal_fen, raised_fen, pledged_fen; /* -1 when missing or out of range */
	int pledge_count; /* -1 when missing */
	int progress_percent; /* raised / goal, 0–100 (from the backend, else computed) */
	char as_of[CHARITY_TIME_MAX]; /* ISO time of the figures, "" when not given */
	long long amount_min_fen, amount_max_fen; /* what a pledge may be (defaults 1 and 1,000,000 yuan) */
	int amount_decimals; /* 2: 角 and 分 allowed; 0: whole yuan */
};

struct charity_catalog {
	struct charity_project projects[CHARITY_PROJECTS_MAX];
	int project_count;
	/* texts pledge.terms and pledge.thanks; pledge.withdraw_note is not shown: it speaks of any kiosk,
	 * while this kiosk withdraws only the pledges made on it (it alone knows when they were made) */
	struct catalog_text terms, thanks;
	char lookup_url[CHARITY_URL_MAX]; /* pledge.lookup_url: https template with {kiosk_id} and {reference}; "" if not https */
	int64_t fetched_at; /* when the kiosk stored the projects (0: never): the "as of" when a project has none */
};

/* Parses the cached projects and texts JSON (either may be NULL: then that part is empty). */
void charity_catalog_parse(struct charity_catalog *c, const char *projects_json, const char *texts_json);
/* The project with that id, or NULL (borrowed from c). */
const struct charity_project *charity_project_find(const struct charity_catalog *c, const char *id);
/* The icon's name as the catalogue spells it ("elderly"). */
const char *charity_icon_name(enum charity_icon icon);
/* True when the project takes pledges on day today ("YYYY-MM-DD"): open and not past ends_on. */
bool charity_project_pledgeable(const struct charity_project *p, const char *today);

struct charity_data;
struct store;

/* Borrows store (may be NULL: then the catalog is empty). */
struct charity_data *charity_data_create(struct store *store);
/* Frees d; NULL is a no-op. */
void charity_data_destroy(struct charity_data *d);
/* The catalog as cached at time now (Unix seconds): reparsed only when the cache changed. */
const struct charity_catalog *charity_data_catalog(struct charity_data *d, int64_t now);

#endif
