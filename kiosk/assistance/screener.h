/* The eligibility screener: the visitor's answers against each programme's rule (data from the
 * backend, see assistance_catalog.h), giving the programmes that may fit and why. An indication,
 * never a decision: the screens say so. Money is in fen (integers) so "exactly at the standard" is
 * exact: income per person below the standard means income_fen < limit_fen × household_size.
 * Pure functions; nothing is stored. */
#ifndef KIOSK_ASSISTANCE_SCREENER_H
#define KIOSK_ASSISTANCE_SCREENER_H

#include <stdbool.h>

#include "assistance/assistance_catalog.h"

#define SCREENER_REASONS_MAX 8
#define SCREENER_HOUSEHOLD_MAX 20
#define SCREENER_INCOME_MAX_FEN (10000000LL * 100) /* ten million yuan a month */

struct screener_answers {
	int household_size; /* 1 … SCREENER_HOUSEHOLD_MAX */
	long long income_fen; /* total monthly household income, 0 … SCREENER_INCOME_MAX_FEN */
	bool assets_over; /* savings above the limit, a second home or a car */
	unsigned members; /* enum screener_member bits */
	int disability_grade; /* 0: none; 1 … 4 (1 most severe) */
	unsigned hardship; /* enum screener_hardship bits */
};

/* Why a programme may fit: one per leaf test that held (in tree order). */
struct screener_reason {
	enum screener_test test;
	const struct screener_node *node; /* borrowed from the catalog */
	long long per_person_fen; /* TEST_INCOME_BELOW: the household's income per person (rounded down) */
};

struct screener_match {
	const struct assist_programme *programme; /* borrowed from the catalog */
	struct screener_reason reasons[SCREENER_REASONS_MAX];
	int reason_count;
};

/* True when the answers are in range (household 1 … 20, income 0 … max, grade 0 … 4). */
bool screener_answers_valid(const struct screener_answers *a);
/* The programmes of c whose rule holds for a, in catalog order, at most max; returns how many
 * (0 for invalid answers). A TEST_ANY contributes the reasons of every child that held. */
int screener_run(const struct assist_catalog *c, const struct screener_answers *a, struct screener_match *out,
		 int max);

#endif
