/* Pledges as the kiosk's outbox holds them: the request built from what the visitor chose (the body of
 * POST /v1/pledges, backend-stub/API.md), the withdrawal request, and a pledge read back from the
 * outbox by its key or by a reference a visitor types — the kiosk's own "JC-" + the first 8 digits of
 * the idempotency key (found offline too), or the backend's "PL-…" once delivered — together with the
 * state of its withdrawal, if one was asked for. The 10-minute withdrawal window is counted on the
 * kiosk's clock from the moment the visitor confirmed (the submission's creation time).
 * Depends on data/store.h and cJSON; no UI. Personal data stays in the (encrypted) payloads: a record
 * read back carries only the amount, the project and the references. */
#ifndef KIOSK_CHARITY_PLEDGE_RECORD_H
#define KIOSK_CHARITY_PLEDGE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "data/ref_json.h"
#include "data/store.h"

#define PLEDGE_WITHDRAW_WINDOW_S 600 /* a pledge may be withdrawn for 10 minutes */
#define PLEDGE_REFERENCE_MAX 24
#define PLEDGE_URL_MAX 512

/* What the visitor pledged; strings are borrowed. */
struct pledge_request {
	const char *project_id;
	long long amount_fen;
	bool anonymous;
	const char *donor_name; /* ignored when anonymous */
	const char *phone; /* "" or NULL: none */
	bool receipt_requested; /* a donation receipt (捐赠票据), issued after payment */
	const char *receipt_name; /* who the receipt is made out to; "" or NULL: the donor (required when
				     anonymous with a receipt); ignored without a receipt */
	const char *language; /* "zh-Hans", "zh-Hant", "en" */
	const char *kiosk_reference; /* "JC-XXXXXXXX" */
	int64_t pledged_at; /* Unix seconds when the visitor confirmed */
};

/* The JSON body for POST /v1/pledges (malloc'd; wipe and free it), or NULL when out of memory. */
char *pledge_request_json(const struct pledge_request *r);

enum pledge_withdrawal {
	PLEDGE_NOT_WITHDRAWN,
	PLEDGE_WITHDRAWAL_PENDING, /* stored here, not yet answered by the backend */
	PLEDGE_WITHDRAWN, /* the backend answered "withdrawn" */
	PLEDGE_WITHDRAWAL_REFUSED, /* the backend said no: withdrawal_error says why */
};

/* A pledge made on this kiosk, read back from the outbox. */
struct pledge_record {
	char key[37]; /* the pledge's idempotency key */
	char kiosk_reference[12]; /* "JC-XXXXXXXX" */
	char reference[PLEDGE_REFERENCE_MAX]; /* "PL-…" once the backend confirmed, else "" */
	enum submission_state state;
	char error_code[64]; /* why the backend refused it (state SUB_REJECTED) */
	char project_id[CATALOG_ID_MAX];
	long long amount_fen;
	bool anonymous, receipt_requested;
	int64_t created_at; /* when the visitor confirmed (kiosk clock) */
	char payment_url[PLEDGE_URL_MAX]; /* https, once confirmed; else "" */
	char payment_expires_at[32]; /* ISO time, once confirmed; else "" */
	enum pledge_withdrawal withdrawal;
	char withdrawal_error[64];
};

/* "JC-" and the first 8 digits of an idempotency key, in capitals. */
void pledge_kiosk_reference(const char *key, char out[12]);
/* A typed reference, normalised: capitals, spaces dropped, the dash put back ("jc1a2b3c4d" → "JC-1A2B3C4D"). */
void pledge_reference_normalise(const char *in, char *out, size_t len);
/* The pledge whose idempotency key is key; false when there is none (or the store cannot read it). */
bool pledge_record_by_key(struct store *s, const char *key, struct pledge_record *out);
/* The pledge a normalised reference names: "JC-…" of this kiosk or "PL-…" that this kiosk delivered.
 * False when this kiosk has no such pledge (or it was purged after the retention period). */
bool pledge_record_find(struct store *s, const char *reference, struct pledge_record *out);
/* Seconds left to withdraw at time now (0 when the window is over; never more than the window, so a
 * clock set back does not stretch it). */
int pledge_withdraw_seconds_left(const struct pledge_record *r, int64_t now);
/* The lookup page of a pledge made offline: the backend's template (text pledge.lookup_url) with
 * {kiosk_id} and {reference} filled, each percent-encoded (RFC 3986 unreserved characters kept). */
void pledge_lookup_url(const char *tmpl, const char *kiosk_id, const char *kiosk_reference, char *out, size_t len);
/* The JSON body for POST /v1/pledges/withdraw: the backend's reference when known, else the kiosk
 * reference; requested_at now. malloc'd, or NULL when out of memory. */
char *pledge_withdrawal_json(const struct pledge_record *r, int64_t now, const char *language);

#endif
