/* json_util: see json_util.h. */
#include "json_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "clock.h"

void json_reader_init(struct json_reader *r, struct http_response *resp)
{
	r->resp = resp;
	r->failed = false;
}

void json_reader_fail(struct json_reader *r, unsigned status, const char *code, const char *prefix,
		      const char *name, const char *why)
{
	char field[128], msg[256];
	if (r->failed)
		return;
	r->failed = true;
	snprintf(field, sizeof(field), "%s%s", prefix ? prefix : "", name);
	snprintf(msg, sizeof(msg), "%s: %s", field, why);
	http_response_error(r->resp, status, code, msg, false, field, NULL);
}

int json_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned c = p[i];
		size_t n;
		unsigned cp;
		if (c < 0x80) {
			if (c < 0x20 && c != '\t' && c != '\n')
				return 0;
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + n >= len)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

int json_is_uuid(const char *s)
{
	if (s == NULL || strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		char c = s[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return 0;
		} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
			return 0;
		}
	}
	return 1;
}

const char *json_read_string(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			     size_t max_len, bool required)
{
	const cJSON *item;
	if (r->failed)
		return NULL;
	item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (item == NULL || cJSON_IsNull(item)) {
		if (required)
			json_reader_fail(r, 400, "missing_field", prefix, name, "is required");
		return NULL;
	}
	if (!cJSON_IsString(item) || item->valuestring == NULL) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "must be a string");
		return NULL;
	}
	size_t len = strlen(item->valuestring);
	if (len == 0 && required) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "must not be empty");
		return NULL;
	}
	if (len > max_len) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "is too long");
		return NULL;
	}
	if (!json_utf8_valid(item->valuestring, len)) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "is not valid UTF-8 text");
		return NULL;
	}
	return item->valuestring;
}

bool json_read_bool(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name, bool required,
		    bool def)
{
	const cJSON *item;
	if (r->failed)
		return def;
	item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (item == NULL || cJSON_IsNull(item)) {
		if (required)
			json_reader_fail(r, 400, "missing_field", prefix, name, "is required");
		return def;
	}
	if (!cJSON_IsBool(item)) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "must be true or false");
		return def;
	}
	return cJSON_IsTrue(item);
}

double json_read_number(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			bool required, double def)
{
	const cJSON *item;
	if (r->failed)
		return def;
	item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (item == NULL || cJSON_IsNull(item)) {
		if (required)
			json_reader_fail(r, 400, "missing_field", prefix, name, "is required");
		return def;
	}
	if (!cJSON_IsNumber(item) || !isfinite(item->valuedouble)) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "must be a number");
		return def;
	}
	return item->valuedouble;
}

bool json_read_time(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name, bool required,
		    long long *out)
{
	const char *s = json_read_string(r, obj, prefix, name, 40, required);
	if (s == NULL)
		return false;
	if (clock_parse_iso(s, out) != 0) {
		json_reader_fail(r, 400, "invalid_field", prefix, name,
				 "must be an ISO 8601 time with a zone, e.g. 2026-11-28T09:30:00+08:00");
		return false;
	}
	return true;
}

const cJSON *json_read_array(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			     int min, int max, bool required)
{
	const cJSON *item;
	char why[64];
	if (r->failed)
		return NULL;
	item = cJSON_GetObjectItemCaseSensitive(obj, name);
	if (item == NULL || cJSON_IsNull(item)) {
		if (required)
			json_reader_fail(r, 400, "missing_field", prefix, name, "is required");
		return NULL;
	}
	if (!cJSON_IsArray(item)) {
		json_reader_fail(r, 400, "invalid_field", prefix, name, "must be an array");
		return NULL;
	}
	int n = cJSON_GetArraySize(item);
	if (n < min || n > max) {
		snprintf(why, sizeof(why), "must have %d to %d items", min, max);
		json_reader_fail(r, 400, "invalid_field", prefix, name, why);
		return NULL;
	}
	return item;
}

int kiosk_reference_valid(const char *s, const char *prefix)
{
	size_t p = strlen(prefix);
	if (strlen(s) != p + 8 || strncmp(s, prefix, p) != 0)
		return 0;
	for (size_t i = p; i < p + 8; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return 1;
}
