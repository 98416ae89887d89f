/*
 * json_util: bounded, typed reads of request JSON. The first failure is turned into a 400
 * response naming the field (e.g. "parties[1].id_number"); later reads are skipped. Strings
 * are checked for valid UTF-8 and a byte cap. Values returned are borrowed from the cJSON tree.
 */
#ifndef STUB_JSON_UTIL_H
#define STUB_JSON_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "http.h"

struct json_reader {
	struct http_response *resp;  /* where the first error goes */
	bool failed;
};

/* Start reading into resp. */
void json_reader_init(struct json_reader *r, struct http_response *resp);

/* Record an error for field (prefix + name) with status and code, unless one is recorded already. */
void json_reader_fail(struct json_reader *r, unsigned status, const char *code, const char *prefix,
		      const char *name, const char *why);

/* A string of 1..max_len bytes (after trimming nothing); NULL when absent and !required, or on error. */
const char *json_read_string(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			     size_t max_len, bool required);

/* A boolean; def when absent and !required. */
bool json_read_bool(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name, bool required,
		    bool def);

/* A number; def when absent and !required. */
double json_read_number(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			bool required, double def);

/* An ISO 8601 time with a zone (see clock_parse_iso) into *out; false when absent (and !required) or on error. */
bool json_read_time(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name, bool required,
		    long long *out);

/* An array of min..max items; NULL when absent and !required, or on error. */
const cJSON *json_read_array(struct json_reader *r, const cJSON *obj, const char *prefix, const char *name,
			     int min, int max, bool required);

/* 1 if s (len bytes) is well-formed UTF-8 with no NUL or C0 control bytes other than tab/newline. */
int json_utf8_valid(const char *s, size_t len);

/* 1 if s is a UUID in its 36-character textual form (any version, either case). */
int json_is_uuid(const char *s);

/* 1 if s is prefix ("JC-", "HQ-") and 8 upper-case hexadecimal digits: a kiosk's own receipt number. */
int kiosk_reference_valid(const char *s, const char *prefix);

#endif
