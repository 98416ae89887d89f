/* rules_booking: see rules_booking.h. Pure functions over the parsed request. */
#include "rules_booking.h"

#include <stdio.h>
#include <string.h>

#include "json_util.h"

int rules_age_on(int y, int m, int d, struct civil_date on)
{
	int age = on.year - y;
	if (on.month < m || (on.month == m && on.day < d))
		age--;
	return age;
}

int rules_phone_valid(const char *phone)
{
	size_t n = strlen(phone), digits = 0;
	size_t i = 0;
	if (n == 11 && phone[0] == '1') {
		for (i = 0; i < n; i++)
			if (phone[i] < '0' || phone[i] > '9')
				return 0;
		return phone[1] >= '3' && phone[1] <= '9';
	}
	if (n < 6 || n > 20)
		return 0;
	if (phone[0] == '+')
		i = 1;
	for (; i < n; i++) {
		if (phone[i] >= '0' && phone[i] <= '9')
			digits++;
		else if (phone[i] != '-' && phone[i] != ' ')
			return 0;
	}
	return digits >= 6;
}

void rules_mask_name(const char *name, char *out, size_t cap)
{
	size_t first = 1, chars = 0;
	const unsigned char *p = (const unsigned char *)name;
	if (cap < 8) {
		if (cap > 0)
			out[0] = '\0';
		return;
	}
	if (p[0] >= 0xF0)
		first = 4;
	else if (p[0] >= 0xE0)
		first = 3;
	else if (p[0] >= 0xC0)
		first = 2;
	if (strlen(name) < first)
		first = strlen(name);
	for (size_t i = 0; p[i] != '\0'; i++)
		if ((p[i] & 0xC0) != 0x80)
			chars++;
	memcpy(out, name, first);
	size_t pos = first;
	for (size_t k = 1; (k < chars || k == 1) && pos + 1 < cap && k < 8; k++)
		out[pos++] = '*';
	out[pos] = '\0';
}

void rules_mask_phone(const char *phone, char *out, size_t cap)
{
	size_t n = strlen(phone), i;
	for (i = 0; i < n && i + 1 < cap; i++)
		out[i] = (i < 3 || i + 2 >= n) ? phone[i] : '*';
	if (cap > 0)
		out[i < cap ? i : cap - 1] = '\0';
}

static int parse_party(struct json_reader *r, const cJSON *obj, int idx, struct booking_party *p)
{
	char prefix[24];
	const char *type_name, *birth, *sex;
	enum id_document_error err;
	snprintf(prefix, sizeof(prefix), "parties[%d].", idx);
	if (!cJSON_IsObject(obj)) {
		json_reader_fail(r, 400, "invalid_field", "parties", "", "each party must be an object");
		return -1;
	}
	p->name = json_read_string(r, obj, prefix, "name", BOOKING_NAME_MAX, true);
	type_name = json_read_string(r, obj, prefix, "id_type", 32, false);
	p->doc_number = json_read_string(r, obj, prefix, "id_number", BOOKING_DOC_MAX, true);
	birth = json_read_string(r, obj, prefix, "birth_date", 10, false);
	sex = json_read_string(r, obj, prefix, "sex", 1, false);
	if (r->failed)
		return -1;
	p->doc_type = ID_DOCUMENT_RESIDENT_ID;
	if (type_name != NULL && id_document_type_from_name(type_name, &p->doc_type) != 0) {
		json_reader_fail(r, 400, "invalid_field", prefix, "id_type",
				 "must be resident_id, residence_permit, hk_macau_permit, taiwan_permit or passport");
		return -1;
	}
	err = id_document_validate(p->doc_type, p->doc_number, &p->info);
	if (err != ID_DOCUMENT_OK) {
		json_reader_fail(r, 422, "invalid_id_number", prefix, "id_number", id_document_error_str(err));
		return -1;
	}
	if (!p->info.has_birth_date) {
		struct civil_date d;
		if (birth == NULL) {
			json_reader_fail(r, 400, "missing_field", prefix, "birth_date",
					 "is required for a document that does not encode it");
			return -1;
		}
		if (date_parse(birth, &d) != 0) {
			json_reader_fail(r, 400, "invalid_field", prefix, "birth_date", "must be a date YYYY-MM-DD");
			return -1;
		}
		if (sex == NULL || (sex[0] != 'M' && sex[0] != 'F')) {
			json_reader_fail(r, 400, sex ? "invalid_field" : "missing_field", prefix, "sex",
					 "must be \"M\" or \"F\" for a document that does not encode it");
			return -1;
		}
		p->info.has_birth_date = 1;
		p->info.birth_year = d.year;
		p->info.birth_month = d.month;
		p->info.birth_day = d.day;
		p->info.sex = sex[0];
	}
	return 0;
}

int rules_booking_parse(const cJSON *json, struct booking_input *in, struct http_response *resp)
{
	struct json_reader r;
	const cJSON *parties, *item;
	const char *divorce;
	double slot;
	int i = 0;
	memset(in, 0, sizeof(*in));
	json_reader_init(&r, resp);
	in->service = json_read_string(&r, json, NULL, "service", 64, true);
	in->office = json_read_string(&r, json, NULL, "office", 64, true);
	slot = json_read_number(&r, json, NULL, "slot_id", true, 0);
	in->phone = json_read_string(&r, json, NULL, "phone", 20, true);
	in->language = json_read_string(&r, json, NULL, "language", 8, false);
	divorce = json_read_string(&r, json, NULL, "divorce_application_date", 10, false);
	parties = json_read_array(&r, json, NULL, "parties", 1, BOOKING_MAX_PARTIES, true);
	if (r.failed)
		return -1;
	if (slot < 1 || slot > 9007199254740991.0 || slot != (double)(long long)slot) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "slot_id", "must be a positive integer");
		return -1;
	}
	in->slot_id = (long long)slot;
	if (!rules_phone_valid(in->phone)) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "phone", "is not a phone number");
		return -1;
	}
	if (in->language != NULL && strcmp(in->language, "zh-Hans") != 0 && strcmp(in->language, "zh-Hant") != 0 &&
	    strcmp(in->language, "en") != 0) {
		json_reader_fail(&r, 400, "invalid_field", NULL, "language", "must be zh-Hans, zh-Hant or en");
		return -1;
	}
	if (divorce != NULL) {
		if (date_parse(divorce, &in->divorce_application_date) != 0) {
			json_reader_fail(&r, 400, "invalid_field", NULL, "divorce_application_date",
					 "must be a date YYYY-MM-DD");
			return -1;
		}
		in->has_divorce_application_date = true;
	}
	cJSON_ArrayForEach(item, parties)
	{
		if (parse_party(&r, item, i, &in->parties[i]) != 0)
			return -1;
		i++;
	}
	in->party_count = i;
	return 0;
}

static bool needs_designated_registry(const char *kind)
{
	return strcmp(kind, "marriage") == 0 || strcmp(kind, "divorce_application") == 0 ||
	       strcmp(kind, "divorce_certificate") == 0 || strcmp(kind, "reissue") == 0;
}

int rules_booking_check_parties(const struct booking_input *in, const struct booking_service *svc,
				struct civil_date appointment, struct http_response *resp)
{
	char field[48], msg[160];
	if (in->party_count < svc->parties_min || in->party_count > svc->parties_max) {
		snprintf(msg, sizeof(msg), "parties: this service needs %d to %d parties present", svc->parties_min,
			 svc->parties_max);
		http_response_error(resp, 422, "wrong_party_count", msg, false, "parties", NULL);
		return -1;
	}
	for (int i = 0; i < in->party_count; i++) {
		const struct id_document_info *info = &in->parties[i].info;
		struct civil_date birth = {info->birth_year, info->birth_month, info->birth_day};
		snprintf(field, sizeof(field), "parties[%d].birth_date", i);
		if (date_to_days(birth) > date_to_days(appointment)) {
			http_response_error(resp, 422, "invalid_birth_date", "the birth date is in the future", false,
					    field, NULL);
			return -1;
		}
		for (int k = 0; k < i; k++) {
			if (strcmp(in->parties[k].doc_number, in->parties[i].doc_number) == 0) {
				snprintf(field, sizeof(field), "parties[%d].id_number", i);
				http_response_error(resp, 422, "duplicate_party", "the same document is given twice",
						    false, field, NULL);
				return -1;
			}
		}
	}
	if (needs_designated_registry(svc->kind)) {
		for (int i = 0; i < in->party_count; i++)
			if (in->parties[i].info.origin != ID_DOCUMENT_ORIGIN_MAINLAND)
				return 1;
	}
	if (strcmp(svc->kind, "marriage") == 0) {
		if (in->parties[0].info.sex == in->parties[1].info.sex) {
			http_response_error(resp, 422, "invalid_parties",
					    "marriage registration needs one man and one woman (Civil Code art. 1046)",
					    false, "parties", NULL);
			return -1;
		}
		for (int i = 0; i < 2; i++) {
			const struct id_document_info *info = &in->parties[i].info;
			int min_age = info->sex == 'M' ? 22 : 20;
			if (rules_age_on(info->birth_year, info->birth_month, info->birth_day, appointment) < min_age) {
				snprintf(field, sizeof(field), "parties[%d].birth_date", i);
				snprintf(msg, sizeof(msg),
					 "below the statutory marriage age (%d for %s) on the appointment day", min_age,
					 info->sex == 'M' ? "men" : "women");
				http_response_error(resp, 422, "under_marriage_age", msg, false, field, NULL);
				return -1;
			}
		}
	}
	return 0;
}

int rules_booking_check_divorce_certificate(const struct booking_input *in, struct civil_date appointment,
					    struct http_response *resp)
{
	if (!in->has_divorce_application_date) {
		http_response_error(resp, 400, "missing_field",
				    "divorce_application_date: is required for the certificate visit", false,
				    "divorce_application_date", NULL);
		return -1;
	}
	long diff = date_to_days(appointment) - date_to_days(in->divorce_application_date);
	if (diff < 31 || diff > 60) {
		http_response_error(resp, 422, "divorce_certificate_window",
				    "the certificate visit must fall on day 31 to 60 after the application visit", false,
				    "slot_id", NULL);
		return -1;
	}
	return 0;
}
