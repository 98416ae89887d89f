/* screener: see screener.h. Walks each programme's flattened rule from nodes[0]; a child always sits
 * after its parent (assistance_catalog.c lays rules out breadth first), which is checked here too, so
 * a hand-made or damaged tree can neither loop nor read outside the array: such a node does not hold.
 * Reasons are collected as the walk goes and cut back when a group turns out not to hold. */
#include "assistance/screener.h"

#include <stddef.h>

#define MEMBER_KNOWN (MEMBER_AGE_60_PLUS | MEMBER_AGE_80_PLUS | MEMBER_CHILD_WITHOUT_CARER)
#define HARDSHIP_KNOWN (HARDSHIP_ILLNESS | HARDSHIP_ACCIDENT | HARDSHIP_DISASTER)

bool screener_answers_valid(const struct screener_answers *a)
{
	return a != NULL && a->household_size >= 1 && a->household_size <= SCREENER_HOUSEHOLD_MAX &&
	       a->income_fen >= 0 && a->income_fen <= SCREENER_INCOME_MAX_FEN && a->disability_grade >= 0 &&
	       a->disability_grade <= 4 && (a->members & ~(unsigned)MEMBER_KNOWN) == 0 &&
	       (a->hardship & ~(unsigned)HARDSHIP_KNOWN) == 0;
}

struct walk {
	const struct assist_programme *p;
	const struct screener_answers *a;
	struct screener_match *m;
};

static void add_reason(struct walk *w, const struct screener_node *n)
{
	struct screener_reason *r;
	if (w->m->reason_count == SCREENER_REASONS_MAX)
		return;
	r = &w->m->reasons[w->m->reason_count++];
	r->test = n->test;
	r->node = n;
	r->per_person_fen = n->test == TEST_INCOME_BELOW ? w->a->income_fen / w->a->household_size : 0;
}

static bool leaf_holds(const struct screener_node *n, const struct screener_answers *a)
{
	unsigned members = a->members;
	if (members & MEMBER_AGE_80_PLUS)
		members |= MEMBER_AGE_60_PLUS;
	switch (n->test) {
	case TEST_INCOME_BELOW:
		/* income < limit × size, asked as floor(income / size) < limit: the same for whole numbers
		 * and no product to overflow, even for a limit that did not come through the parser. */
		return a->income_fen / a->household_size < n->limit_fen;
	case TEST_ASSETS_WITHIN:
		return !a->assets_over;
	case TEST_HOUSEHOLD_AT_MOST:
		return a->household_size <= n->value;
	case TEST_MEMBER:
		return (members & n->mask) != 0;
	case TEST_DISABILITY:
		return a->disability_grade >= 1 && a->disability_grade <= n->value;
	case TEST_HARDSHIP:
		return (a->hardship & n->mask) != 0;
	case TEST_ALL:
	case TEST_ANY:
		break;
	}
	return false;
}

static bool holds(struct walk *w, int index)
{
	const struct screener_node *n = &w->p->nodes[index];
	int start = w->m->reason_count, held = 0;
	if (n->test != TEST_ALL && n->test != TEST_ANY) {
		if (!leaf_holds(n, w->a))
			return false;
		add_reason(w, n);
		return true;
	}
	if (n->child_count < 1 || n->first_child <= index || n->first_child > w->p->node_count - n->child_count)
		return false;
	for (int i = 0; i < n->child_count; i++) {
		int before = w->m->reason_count;
		if (holds(w, n->first_child + i)) {
			held++;
		} else {
			w->m->reason_count = before; /* what a failed group collected is not a reason */
			if (n->test == TEST_ALL)
				break;
		}
	}
	if (n->test == TEST_ALL ? held == n->child_count : held > 0)
		return true;
	w->m->reason_count = start;
	return false;
}

int screener_run(const struct assist_catalog *c, const struct screener_answers *a, struct screener_match *out,
		 int max)
{
	int n = 0;
	if (c == NULL || out == NULL || !screener_answers_valid(a))
		return 0;
	for (int i = 0; i < c->count && n < max; i++) {
		const struct assist_programme *p = &c->programmes[i];
		if (p->node_count < 1 || p->node_count > SCREENER_NODES_MAX)
			continue;
		struct walk w = {p, a, &out[n]};
		out[n].programme = p;
		out[n].reason_count = 0;
		if (holds(&w, 0))
			n++;
	}
	if (n < max) {
		out[n].programme = NULL; /* the last candidate that did not hold */
		out[n].reason_count = 0;
	}
	return n;
}
