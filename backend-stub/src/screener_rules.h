/*
 * screener_rules: the schema of a programme's "screener" rule tree (API.md, "Screener rules"),
 * checked where rules enter the stub (the demo seed) and by the contract tests on what the stub
 * serves. Knows the node tests, their members, the depth limit and the node limit; says nothing
 * about whether a household passes (that is the kiosk's job).
 */
#ifndef STUB_SCREENER_RULES_H
#define STUB_SCREENER_RULES_H

#include <stddef.h>

#include <cjson/cJSON.h>

/* Deepest allowed tree (the root is depth 1). */
#define SCREENER_DEPTH_MAX 4
/* Most nodes allowed in one programme's tree. */
#define SCREENER_NODES_MAX 16

/* 0 if root is null (no rule) or a valid rule tree; -1 otherwise with a reason (no data) in why. */
int screener_rules_check(const cJSON *root, char *why, size_t cap);

#endif
