/* Traditional Chinese for the backend's reference data when it has none: every multilingual text
 * object ({"zh-Hans": …}) whose zh-Hant is missing or empty gets one converted from zh-Hans with
 * OpenCC's s2hk configuration (Hong Kong usage), once, when the sync engine caches the answer. Only
 * reference data passes here, never anything a person typed (answers to queries, records, fields).
 * Plain strings are left alone: they may be ids or numbers, not texts. The interface catalogue is
 * translated by people (assets/i18n), never converted. Needs libopencc and its data (s2hk.json). */
#ifndef KIOSK_DATA_REF_HANT_H
#define KIOSK_DATA_REF_HANT_H

#include <stddef.h>

/* A copy of json[0..len) (NUL-terminated, caller frees; its length in *out_len) with the missing
 * zh-Hant texts filled, and how many in *filled; NULL when none was missing, the JSON does not parse,
 * or OpenCC cannot be used (a log line says so): the caller keeps the original, and zh-Hans shows. */
char *ref_hant_fill(const char *json, size_t len, size_t *out_len, int *filled);

#endif
