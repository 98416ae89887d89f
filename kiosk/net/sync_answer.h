/* What the sync engine reads in the backend's answers (backend-stub/API.md), on buffers, so each
 * reader can be tested and fuzzed without a server: the fields of a success answer the outbox keeps,
 * the error code of an error answer, whether a reference-data answer may be cached, the slots to
 * fetch for each bookable office, and a settings document offered by a heartbeat answer.
 * Nothing here logs a body or keeps a field that could carry a person. cJSON; no I/O. */
#ifndef KIOSK_NET_SYNC_ANSWER_H
#define KIOSK_NET_SYNC_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#define SYNC_SETTINGS_DOC_MAX (32 * 1024) /* bytes of a settings document, printed */

/* A success answer reduced to the fields the outbox keeps (reference, status, slot's id, date, start
 * and end, amounts, payment link…: plain values only, never an object or array that could carry a
 * person), as malloc'd JSON; NULL when body[0..len) is not a JSON object, or when need_reference and
 * it has no non-empty string "reference" (every success answer of the contract has one). */
char *sync_answer_kept(const char *body, size_t len, bool need_reference);

/* The machine-readable code of an error answer ({"error": {"code": "slot_full"}}) into code ("http_N"
 * when there is none or it is not [a-z0-9_]), and "HTTP N CODE" into msg: the server's own message
 * stays out of the store and the logs, since it may echo what was sent. */
void sync_answer_error(long status, const char *body, size_t len, char *code, size_t code_len, char *msg,
		       size_t msg_len);

/* True when a 200 answer to a reference-data GET may replace the cache: a JSON object or array, valid
 * UTF-8, no NUL inside. */
bool sync_answer_reference_valid(const char *body, size_t len);

/* For each bookable service point of an offices answer and each service it offers, the cache kind
 * ("slots:OFFICE:SERVICE") and request path ("/v1/slots?service=SERVICE&office=OFFICE") of its slots,
 * handed to fn; ids not made of [A-Za-z0-9_.-] (at most 63 bytes) are skipped, so a path is always
 * clean and a kind names one office and one service. Stops when fn returns false; returns how many
 * were handed over. */
int sync_answer_slot_requests(const char *offices, size_t len,
			      bool (*fn)(void *ctx, const char *kind, const char *path), void *ctx);

/* The settings document a heartbeat answer offers ({"settings": {"version": N, …}}) as malloc'd JSON
 * when its version is a whole number above current (and at most INT_MAX) and it prints within
 * SYNC_SETTINGS_DOC_MAX bytes; else NULL (*version untouched). *version gets the offered version. */
char *sync_answer_settings_offer(const char *body, size_t len, int current, int *version);

#endif
