/* What the pledge screens share: the visitor's choices so far (kept in the session as "ch.*" values,
 * so Back keeps them and the session wipe clears them), the step chrome ("慈善认捐", step n of 4),
 * the amount chosen and its verdict, money in figures and in words in the visitor's language, a
 * project's icon tile, and times shown as "2026-11-28 16:00". */
#ifndef KIOSK_SCREENS_CHARITY_COMMON_H
#define KIOSK_SCREENS_CHARITY_COMMON_H

#include "charity/amount.h"
#include "charity/charity_catalog.h"
#include "screens/flow.h"

#define CHARITY_STEPS 4 /* project, amount, donor, review */
#define CHARITY_PRESETS 4
#define CHARITY_NAME_MAX 32 /* characters of a donor or receipt name */

/* The preset amounts, in yuan. */
extern const int charity_presets[CHARITY_PRESETS];

struct charity_choice {
	const struct charity_catalog *catalog; /* never NULL once read (may be empty) */
	const struct charity_project *project; /* the chosen project, NULL until chosen */
	char today[11]; /* "YYYY-MM-DD" in Beijing */
	bool pledgeable; /* the chosen project takes pledges today */
};

/* Reads the choices from the session and the cached data. */
void charity_choice_get(struct screen_ctx *ctx, struct charity_choice *c);
/* Reads the choices and opens the chrome of step n (0: not a numbered step); returns the content area
 * with the bottom bar cut off into *bar. */
struct rect charity_begin(struct screen_ctx *ctx, struct charity_choice *c, struct chrome *ch, int step,
			  struct rect *bar);
/* The amount chosen for the project (a preset, or the typed one): AMOUNT_OK with *fen, or why not. */
enum amount_error charity_amount(struct screen_ctx *ctx, const struct charity_project *p, long long *fen);
/* The sentence for an amount problem (limits filled in from the project) into out; "" for AMOUNT_OK. */
void charity_amount_message(struct screen_ctx *ctx, const struct charity_project *p, enum amount_error e, char *out,
			    size_t len);
/* "1,005.00 元" / "¥1,005.00" in the visitor's language. */
void charity_money(struct screen_ctx *ctx, long long fen, bool with_fen, char *out, size_t len);
/* The amount in words as a receipt writes it, in the visitor's language. */
void charity_words(struct screen_ctx *ctx, long long fen, char *out, size_t len);
/* "大写：壹佰元整" / "In words: One hundred yuan" */
void charity_words_line(struct screen_ctx *ctx, long long fen, char *out, size_t len);
/* The catalogue text key with its one hole {name} filled with value. */
void charity_line(struct screen_ctx *ctx, const char *key, const char *name, const char *value, char *out, size_t len);
/* An ISO time "2026-11-28T16:00:00+08:00" in the visitor's language, "2026年11月28日 16:00" /
 * "28 Nov 2026 16:00" (a date stays a date; what is not a date is shown as written). */
void charity_time(struct screen_ctx *ctx, const char *iso, char *out, size_t len);
/* Unix time t in Beijing, written as charity_time does. */
void charity_time_of(struct screen_ctx *ctx, int64_t t, char *out, size_t len);
/* The project's icon as a coloured tile in r (decorative). */
void charity_icon(struct screen_ctx *ctx, struct rect r, const struct charity_project *p);
/* The progress figures of a project: "已筹 126,800 元，目标 300,000 元（42%）" and a second line
 * "各自助机认捐待缴 … · 数据截至 …" into out. */
void charity_progress_text(struct screen_ctx *ctx, const struct charity_catalog *cat, const struct charity_project *p,
			   char *out, size_t len);
/* The donor's name or receipt name as typed (spaces at the ends dropped) into out. */
void charity_trimmed(const char *in, char *out, size_t len);

#endif
