/* Pledges in the outbox; see pledge_record.h. */
#include "charity/pledge_record.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/template.h"
#include "rules/civil_date.h"

char *pledge_request_json(const struct pledge_request *r)
{
	char when[32];
	cJSON *b = cJSON_CreateObject();
	if (!b)
		return NULL;
	cJSON_AddStringToObject(b, "project_id", r->project_id ? r->project_id : "");
	/* yuan with at most two decimals: whole fen divided once, printed by cJSON as the shortest form */
	cJSON_AddNumberToObject(b, "amount", (double)r->amount_fen / 100.0);
	cJSON_AddBoolToObject(b, "anonymous", r->anonymous);
	if (!r->anonymous)
		cJSON_AddStringToObject(b, "donor_name", r->donor_name ? r->donor_name : "");
	if (r->phone && r->phone[0])
		cJSON_AddStringToObject(b, "phone", r->phone);
	cJSON_AddBoolToObject(b, "receipt_requested", r->receipt_requested);
	if (r->receipt_requested && r->receipt_name && r->receipt_name[0])
		cJSON_AddStringToObject(b, "receipt_name", r->receipt_name);
	cJSON_AddBoolToObject(b, "consent", true);
	cJSON_AddStringToObject(b, "language", r->language ? r->language : "zh-Hans");
	cJSON_AddStringToObject(b, "kiosk_reference", r->kiosk_reference ? r->kiosk_reference : "");
	clock_format_iso(r->pledged_at, when, sizeof(when));
	cJSON_AddStringToObject(b, "pledged_at", when);
	char *json = cJSON_PrintUnformatted(b);
	cJSON_Delete(b);
	return json;
}

void pledge_kiosk_reference(const char *key, char out[12])
{
	char head[9] = "";
	size_t i = 0;
	for (; key && key[i] && i < 8; i++)
		head[i] = (char)toupper((unsigned char)key[i]);
	head[i] = '\0';
	snprintf(out, 12, "JC-%s", head);
}

void pledge_reference_normalise(const char *in, char *out, size_t len)
{
	char tmp[64];
	size_t n = 0;
	for (; in && *in && n + 1 < sizeof(tmp); in++) {
		if (isalnum((unsigned char)*in) || *in == '-')
			tmp[n++] = (char)toupper((unsigned char)*in);
	}
	tmp[n] = '\0';
	if (n == 10 && (strncmp(tmp, "JC", 2) == 0 || strncmp(tmp, "PL", 2) == 0))
		snprintf(out, len, "%.2s-%s", tmp, tmp + 2);
	else
		snprintf(out, len, "%s", tmp);
}

static const char *str(const cJSON *o, const char *name)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, name));
}

/* Fills out from a pledge submission (everything but the withdrawal); false when it is not one. */
static bool read_pledge(const struct submission *sub, struct pledge_record *out)
{
	memset(out, 0, sizeof(*out));
	if (sub->kind != SUB_PLEDGE || !sub->payload)
		return false;
	cJSON *p = cJSON_ParseWithLength(sub->payload, sub->payload_len);
	cJSON *r = sub->response ? cJSON_Parse(sub->response) : NULL;
	snprintf(out->key, sizeof(out->key), "%s", sub->key);
	pledge_kiosk_reference(sub->key, out->kiosk_reference);
	out->state = sub->state;
	snprintf(out->error_code, sizeof(out->error_code), "%s", sub->error_code);
	out->created_at = sub->created_at;
	if (!ref_json_id(out->project_id, cJSON_GetObjectItemCaseSensitive(p, "project_id")))
		out->project_id[0] = '\0';
	double amount = ref_json_number(p, "amount", 0, 1e9, 0);
	out->amount_fen = llround(amount * 100.0);
	out->anonymous = ref_json_bool(p, "anonymous", false);
	out->receipt_requested = ref_json_bool(p, "receipt_requested", false);
	const char *reference = str(r, "reference"), *url = str(r, "payment_url"), *expires = str(r, "payment_expires_at");
	if (sub->state == SUB_DELIVERED && reference && strlen(reference) < sizeof(out->reference))
		snprintf(out->reference, sizeof(out->reference), "%s", reference);
	if (sub->state == SUB_DELIVERED && url && strncmp(url, "https://", 8) == 0 && strlen(url) < sizeof(out->payment_url))
		snprintf(out->payment_url, sizeof(out->payment_url), "%s", url);
	if (sub->state == SUB_DELIVERED && expires && strlen(expires) < sizeof(out->payment_expires_at) &&
	    strspn(expires, "0123456789-:T+Z.") == strlen(expires))
		snprintf(out->payment_expires_at, sizeof(out->payment_expires_at), "%s", expires);
	cJSON_Delete(p);
	cJSON_Delete(r);
	return true;
}

/* The withdrawals of one pledge, seen in creation order. */
struct withdrawal_search {
	struct pledge_record *record;
	bool pending, done, refused;
	char refused_code[64];
};

static bool visit_withdrawal(void *ctx, const struct submission *sub)
{
	struct withdrawal_search *w = ctx;
	cJSON *p = cJSON_ParseWithLength(sub->payload, sub->payload_len);
	const char *ref = str(p, "reference"), *kref = str(p, "kiosk_reference");
	bool mine = (kref && strcmp(kref, w->record->kiosk_reference) == 0) ||
		    (ref && w->record->reference[0] && strcmp(ref, w->record->reference) == 0);
	cJSON_Delete(p);
	if (!mine)
		return true;
	if (sub->state == SUB_DELIVERED) {
		w->done = true;
	} else if (sub->state == SUB_PENDING) {
		w->pending = true;
	} else if (strcmp(sub->error_code, "already_withdrawn") == 0) {
		w->done = true; /* withdrawn before (at another kiosk, or an earlier answer lost) */
	} else {
		w->refused = true;
		snprintf(w->refused_code, sizeof(w->refused_code), "%s", sub->error_code);
	}
	return true;
}

static void read_withdrawal(struct store *s, struct pledge_record *r)
{
	struct withdrawal_search w = {.record = r};
	store_each(s, SUB_PLEDGE_WITHDRAWAL, visit_withdrawal, &w);
	r->withdrawal = w.done ? PLEDGE_WITHDRAWN
			: w.pending ? PLEDGE_WITHDRAWAL_PENDING
			: w.refused ? PLEDGE_WITHDRAWAL_REFUSED
				    : PLEDGE_NOT_WITHDRAWN;
	if (r->withdrawal == PLEDGE_WITHDRAWAL_REFUSED)
		snprintf(r->withdrawal_error, sizeof(r->withdrawal_error), "%s", w.refused_code);
}

bool pledge_record_by_key(struct store *s, const char *key, struct pledge_record *out)
{
	struct submission sub;
	memset(out, 0, sizeof(*out));
	if (!s || !key || !store_find_key(s, key, &sub))
		return false;
	bool ok = read_pledge(&sub, out);
	submission_finish(&sub);
	if (ok)
		read_withdrawal(s, out);
	return ok;
}

struct pledge_search {
	const char *reference;
	struct pledge_record *out;
	bool found;
};

static bool visit_pledge(void *ctx, const struct submission *sub)
{
	struct pledge_search *ps = ctx;
	struct pledge_record r;
	if (!read_pledge(sub, &r))
		return true;
	if (strcmp(r.kiosk_reference, ps->reference) == 0 || (r.reference[0] && strcmp(r.reference, ps->reference) == 0)) {
		*ps->out = r; /* the newest match wins: keep looking */
		ps->found = true;
	}
	return true;
}

bool pledge_record_find(struct store *s, const char *reference, struct pledge_record *out)
{
	struct pledge_search ps = {.reference = reference, .out = out};
	memset(out, 0, sizeof(*out));
	if (!s || !reference || strlen(reference) < 4)
		return false;
	if (store_each(s, SUB_PLEDGE, visit_pledge, &ps) < 0 || !ps.found)
		return false;
	read_withdrawal(s, out);
	return true;
}

int pledge_withdraw_seconds_left(const struct pledge_record *r, int64_t now)
{
	int64_t left = r->created_at + PLEDGE_WITHDRAW_WINDOW_S - now;
	if (left <= 0)
		return 0;
	return left > PLEDGE_WITHDRAW_WINDOW_S ? PLEDGE_WITHDRAW_WINDOW_S : (int)left;
}

/* s percent-encoded into out, unreserved characters (A-Z a-z 0-9 - . _ ~) kept. */
static void percent_encode(const char *s, char *out, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	for (; s && *s && o + 4 < len; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

void pledge_lookup_url(const char *tmpl, const char *kiosk_id, const char *kiosk_reference, char *out, size_t len)
{
	char id[3 * 64 + 1], ref[3 * 16 + 1];
	percent_encode(kiosk_id, id, sizeof(id));
	percent_encode(kiosk_reference, ref, sizeof(ref));
	const char *names[2] = {"kiosk_id", "reference"}, *values[2] = {id, ref};
	template_fill_text(out, len, tmpl ? tmpl : "", names, values, 2);
}

char *pledge_withdrawal_json(const struct pledge_record *r, int64_t now, const char *language)
{
	char when[32];
	cJSON *b = cJSON_CreateObject();
	if (!b)
		return NULL;
	if (r->reference[0])
		cJSON_AddStringToObject(b, "reference", r->reference);
	else
		cJSON_AddStringToObject(b, "kiosk_reference", r->kiosk_reference);
	clock_format_iso(now, when, sizeof(when));
	cJSON_AddStringToObject(b, "requested_at", when);
	cJSON_AddStringToObject(b, "language", language ? language : "zh-Hans");
	char *json = cJSON_PrintUnformatted(b);
	cJSON_Delete(b);
	return json;
}
