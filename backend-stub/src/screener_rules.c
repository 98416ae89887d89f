/* screener_rules: see screener_rules.h. */
#include "screener_rules.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const member_kinds[] = {"age_60_plus", "age_80_plus", "child_without_carer"};
static const char *const hardship_kinds[] = {"illness", "accident", "disaster"};

/* 1 if v is a number >= lo with at most two decimals. */
static int is_yuan(const cJSON *v, double lo)
{
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo || v->valuedouble > 1e9)
		return 0;
	double fen = v->valuedouble * 100.0;
	return fabs(fen - round(fen)) < 1e-6;
}

/* 1 if v is a whole number in [lo, hi]. */
static int is_int(const cJSON *v, int lo, int hi)
{
	return cJSON_IsNumber(v) && v->valuedouble >= lo && v->valuedouble <= hi && v->valuedouble == (double)(int)v->valuedouble;
}

/* 1 if v is a text object with non-empty zh-Hans, zh-Hant and en strings. */
static int is_text(const cJSON *v)
{
	static const char *const langs[] = {"zh-Hans", "zh-Hant", "en"};
	for (size_t i = 0; i < 3; i++) {
		const cJSON *s = cJSON_GetObjectItemCaseSensitive(v, langs[i]);
		if (!cJSON_IsString(s) || s->valuestring[0] == '\0')
			return 0;
	}
	return cJSON_IsObject(v);
}

/* 1 if v is a non-empty array of distinct strings, each one of kinds. */
static int is_kinds(const cJSON *v, const char *const *kinds, size_t n)
{
	const cJSON *k;
	unsigned seen = 0;
	if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0)
		return 0;
	cJSON_ArrayForEach(k, v)
	{
		size_t i = 0;
		while (i < n && !(cJSON_IsString(k) && strcmp(k->valuestring, kinds[i]) == 0))
			i++;
		if (i == n || (seen & (1u << i)))
			return 0;
		seen |= 1u << i;
	}
	return 1;
}

static int check_node(const cJSON *node, int depth, int *count, char *why, size_t cap)
{
	const cJSON *test = cJSON_GetObjectItemCaseSensitive(node, "test");
	const char *t;
	if (depth > SCREENER_DEPTH_MAX) {
		snprintf(why, cap, "deeper than %d levels", SCREENER_DEPTH_MAX);
		return -1;
	}
	if (++*count > SCREENER_NODES_MAX) {
		snprintf(why, cap, "more than %d nodes", SCREENER_NODES_MAX);
		return -1;
	}
	if (!cJSON_IsObject(node) || !cJSON_IsString(test)) {
		snprintf(why, cap, "a node is not an object with a string \"test\"");
		return -1;
	}
	t = test->valuestring;
	if (strcmp(t, "all") == 0 || strcmp(t, "any") == 0) {
		const cJSON *of = cJSON_GetObjectItemCaseSensitive(node, "of"), *child;
		if (!cJSON_IsArray(of) || cJSON_GetArraySize(of) == 0) {
			snprintf(why, cap, "\"%s\" needs a non-empty \"of\"", t);
			return -1;
		}
		cJSON_ArrayForEach(child, of)
		{
			if (check_node(child, depth + 1, count, why, cap) != 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(t, "income_per_person_below") == 0) {
		if (is_yuan(cJSON_GetObjectItemCaseSensitive(node, "amount"), 0.01) &&
		    is_int(cJSON_GetObjectItemCaseSensitive(node, "year"), 1990, 2100) &&
		    is_text(cJSON_GetObjectItemCaseSensitive(node, "name")))
			return 0;
	} else if (strcmp(t, "assets_within") == 0) {
		if (is_yuan(cJSON_GetObjectItemCaseSensitive(node, "savings_per_person"), 0))
			return 0;
	} else if (strcmp(t, "household_size_at_most") == 0) {
		if (is_int(cJSON_GetObjectItemCaseSensitive(node, "value"), 1, 100))
			return 0;
	} else if (strcmp(t, "member") == 0) {
		if (is_kinds(cJSON_GetObjectItemCaseSensitive(node, "kinds"), member_kinds, 3))
			return 0;
	} else if (strcmp(t, "disability") == 0) {
		if (is_int(cJSON_GetObjectItemCaseSensitive(node, "grade_at_most"), 1, 4))
			return 0;
	} else if (strcmp(t, "hardship") == 0) {
		if (is_kinds(cJSON_GetObjectItemCaseSensitive(node, "kinds"), hardship_kinds, 3))
			return 0;
	} else {
		snprintf(why, cap, "unknown test \"%.32s\"", t);
		return -1;
	}
	snprintf(why, cap, "\"%s\" has a missing or invalid member", t);
	return -1;
}

int screener_rules_check(const cJSON *root, char *why, size_t cap)
{
	int count = 0;
	if (root == NULL || cJSON_IsNull(root))
		return 0;
	return check_node(root, 1, &count, why, cap);
}
