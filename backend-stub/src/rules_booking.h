/*
 * rules_booking: the marriage-registry booking rules that need no database: parsing and typing
 * of a booking body, identity documents (via id_document), the statutory marriage age
 * (22 for men, 20 for women, on the appointment day), the party count of each service,
 * cross-border parties (who must go to the designated registry) and the divorce certificate
 * window (days 31-60 after the application). Errors are written to resp as contract errors.
 */
#ifndef STUB_RULES_BOOKING_H
#define STUB_RULES_BOOKING_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "clock.h"
#include "http.h"
#include "id_document.h"

#define BOOKING_MAX_PARTIES 2
#define BOOKING_NAME_MAX 64
#define BOOKING_DOC_MAX 32

struct booking_party {
	const char *name;                /* borrowed from the request JSON */
	enum id_document_type doc_type;
	const char *doc_number;          /* borrowed */
	struct id_document_info info;    /* origin, birth date and sex (from the document or the body) */
};

struct booking_input {
	const char *service, *office, *phone, *language;  /* borrowed */
	long long slot_id;
	int party_count;
	struct booking_party parties[BOOKING_MAX_PARTIES];
	bool has_divorce_application_date;
	struct civil_date divorce_application_date;
};

/* What a service needs, from the services table. */
struct booking_service {
	char kind[32];       /* marriage, divorce_application, divorce_certificate, reissue, ceremony, counselling */
	int parties_min, parties_max;
};

/* Parse and type-check a POST /v1/bookings body into in; 0 on success, else resp holds a 400/422. */
int rules_booking_parse(const cJSON *json, struct booking_input *in, struct http_response *resp);

/* Check parties against the service on the appointment day; 0 if fine, 1 if a party is from
 * Hong Kong, Macau, Taiwan or abroad and the service needs the designated registry, -1 with resp set otherwise. */
int rules_booking_check_parties(const struct booking_input *in, const struct booking_service *svc,
				struct civil_date appointment, struct http_response *resp);

/* Check the divorce certificate window for an appointment day; 0 if fine, -1 with resp set. */
int rules_booking_check_divorce_certificate(const struct booking_input *in, struct civil_date appointment,
					    struct http_response *resp);

/* Whole years of age on day `on` for someone born on (y, m, d). */
int rules_age_on(int y, int m, int d, struct civil_date on);

/* Validate a phone number: mainland mobile (11 digits, 1[3-9]...), or +country digits, or a landline. */
int rules_phone_valid(const char *phone);

/* Write a masked name: the first character then '*' for the rest (at least one). */
void rules_mask_name(const char *name, char *out, size_t cap);

/* Write a masked phone: first 3 and last 2 digits kept. */
void rules_mask_phone(const char *phone, char *out, size_t cap);

#endif
