/* The card record, its check, reader specs and the driver table; see idcard.h. Depends on cJSON (the
 * simulated reader's records), rules/id_document.h (GB 11643) and core/secure.h. */
#include "idcard/idcard.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "core/secure.h"
#include "core/utf8.h"
#include "rules/id_document.h"

#define SPEC_PATH_MAX 255

/* ---- records from JSON ---- */

/* Copies a text of at most max_chars characters (well-formed UTF-8, no control characters). */
static bool take_text(const cJSON *v, const char *field, size_t max_chars, char *out, size_t cap, char *err,
		      size_t errlen)
{
	const char *s = cJSON_GetStringValue(v);
	if (!s) {
		snprintf(err, errlen, "\"%s\": must be a string", field);
		return false;
	}
	size_t len = strlen(s);
	if (!utf8_valid(s, len)) {
		snprintf(err, errlen, "\"%s\": not valid UTF-8", field);
		return false;
	}
	for (const char *c = s; *c; c++) {
		if ((unsigned char)*c < 0x20 || *c == 0x7f) {
			snprintf(err, errlen, "\"%s\": must not contain control characters", field);
			return false;
		}
	}
	if (utf8_count(s, len) > max_chars || len >= cap) {
		snprintf(err, errlen, "\"%s\": longer than the card's %zu characters", field, max_chars);
		return false;
	}
	memcpy(out, s, len + 1);
	return true;
}

/* "YYYYMMDD" or "YYYY-MM-DD", a real date, into out as YYYYMMDD. */
static bool take_date(const char *s, char out[9])
{
	char digits[9];
	size_t n = s ? strlen(s) : 0;
	if (n == 8 && strspn(s, "0123456789") == 8) {
		memcpy(digits, s, 9);
	} else if (n == 10 && s[4] == '-' && s[7] == '-' && strspn(s, "0123456789") == 4 &&
		   strspn(s + 5, "0123456789") == 2 && strspn(s + 8, "0123456789") == 2) {
		memcpy(digits, s, 4);
		memcpy(digits + 4, s + 5, 2);
		memcpy(digits + 6, s + 8, 3);
	} else {
		return false;
	}
	int y = atoi((char[5]){digits[0], digits[1], digits[2], digits[3], 0});
	int m = atoi((char[3]){digits[4], digits[5], 0});
	int d = atoi((char[3]){digits[6], digits[7], 0});
	if (!id_document_date_valid(y, m, d))
		return false;
	memcpy(out, digits, 9);
	return true;
}

static bool take_sex(const char *s, char *out)
{
	static const struct {
		const char *word;
		char sex;
	} words[] = {{"M", 'M'}, {"F", 'F'}, {"男", 'M'}, {"女", 'F'}, {"1", 'M'}, {"2", 'F'}};
	for (size_t i = 0; s && i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(s, words[i].word) == 0) {
			*out = words[i].sex;
			return true;
		}
	}
	return false;
}

static bool take_field(const cJSON *item, struct idcard_record *r, unsigned *seen, char *err, size_t errlen)
{
	const char *k = item->string;
	const char *s = cJSON_GetStringValue(item);
	enum { NAME = 1, SEX = 2, BIRTH = 4, NUMBER = 8, FROM = 16, TO = 32 };
	if (strcmp(k, "name") == 0) {
		*seen |= NAME;
		return take_text(item, k, IDCARD_NAME_CHARS, r->name, sizeof(r->name), err, errlen);
	}
	if (strcmp(k, "address") == 0)
		return take_text(item, k, IDCARD_ADDRESS_CHARS, r->address, sizeof(r->address), err, errlen);
	if (strcmp(k, "authority") == 0)
		return take_text(item, k, IDCARD_AUTHORITY_CHARS, r->authority, sizeof(r->authority), err, errlen);
	if (strcmp(k, "sex") == 0) {
		*seen |= SEX;
		if (take_sex(s, &r->sex))
			return true;
		snprintf(err, errlen, "\"sex\": must be \"M\" or \"F\" (男, 女, or the card's 1, 2)");
		return false;
	}
	if (strcmp(k, "ethnicity") == 0) {
		if (s && strlen(s) == 2 && strspn(s, "0123456789") == 2) {
			memcpy(r->ethnicity, s, 3);
			return true;
		}
		snprintf(err, errlen, "\"ethnicity\": must be the card's two-digit code (\"01\" for 汉)");
		return false;
	}
	if (strcmp(k, "number") == 0) {
		*seen |= NUMBER;
		if (s && strlen(s) >= 1 && strlen(s) <= 18 && strspn(s, "0123456789Xx") == strlen(s)) {
			utf8_upper_ascii(s, r->number, sizeof(r->number));
			return true;
		}
		snprintf(err, errlen, "\"number\": must be up to 18 digits (the last may be X)");
		return false;
	}
	if (strcmp(k, "birth") == 0 || strcmp(k, "valid_from") == 0) {
		bool birth = k[0] == 'b';
		*seen |= birth ? BIRTH : FROM;
		if (take_date(s, birth ? r->birth : r->valid_from))
			return true;
		snprintf(err, errlen, "\"%s\": must be a date, YYYYMMDD or YYYY-MM-DD", k);
		return false;
	}
	if (strcmp(k, "valid_to") == 0) {
		*seen |= TO;
		if (s && (strcmp(s, "长期") == 0 || strcmp(s, "long-term") == 0)) {
			r->valid_to[0] = '\0';
			return true;
		}
		if (take_date(s, r->valid_to))
			return true;
		snprintf(err, errlen, "\"valid_to\": must be a date, YYYYMMDD or YYYY-MM-DD, or 长期");
		return false;
	}
	snprintf(err, errlen, "unknown field \"%.32s\"", k);
	return false;
}

bool idcard_record_from_json(const char *json, size_t len, struct idcard_record *out, char *err, size_t errlen)
{
	static const char *const required[] = {"name", "sex", "birth", "number", "valid_from", "valid_to"};
	bool result = false;
	cJSON *doc = NULL;
	unsigned seen = 0;
	memset(out, 0, sizeof(*out));
	if (len > IDCARD_JSON_MAX) {
		snprintf(err, errlen, "a record is at most %d bytes, this one has %zu", IDCARD_JSON_MAX, len);
		goto out;
	}
	doc = cJSON_ParseWithLength(json, len);
	if (!cJSON_IsObject(doc)) {
		snprintf(err, errlen, "not a JSON object");
		goto out;
	}
	const cJSON *item;
	cJSON_ArrayForEach(item, doc)
	{
		if (!take_field(item, out, &seen, err, errlen))
			goto out;
	}
	for (unsigned i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		if (!(seen & (1u << i))) {
			snprintf(err, errlen, "\"%s\": missing", required[i]);
			goto out;
		}
	}
	result = true;
out:
	/* cJSON's copy of the record is personal data too */
	for (cJSON *i = doc ? doc->child : NULL; i; i = i->next) {
		if (cJSON_IsString(i) && i->valuestring)
			secure_wipe(i->valuestring, strlen(i->valuestring));
	}
	cJSON_Delete(doc);
	if (!result)
		idcard_record_wipe(out);
	return result;
}

/* ---- the check before filling ---- */

static struct civil_date date_of(const char *digits)
{
	struct civil_date d = {0, 0, 0};
	if (strlen(digits) == 8) {
		d.year = atoi((char[5]){digits[0], digits[1], digits[2], digits[3], 0});
		d.month = atoi((char[3]){digits[4], digits[5], 0});
		d.day = atoi((char[3]){digits[6], digits[7], 0});
	}
	return d;
}

enum idcard_verdict idcard_check(const struct idcard_record *r, struct civil_date today)
{
	struct id_document_info info;
	if (id_document_validate(ID_DOCUMENT_RESIDENT_ID, r->number, &info) != ID_DOCUMENT_OK)
		return IDCARD_BAD_NUMBER;
	struct civil_date birth = date_of(r->birth), from = date_of(r->valid_from);
	bool agree = r->name[0] && birth.year == info.birth_year && birth.month == info.birth_month &&
		     birth.day == info.birth_day && (r->sex == 0 || r->sex == info.sex) && from.year &&
		     date_to_days(from) <= date_to_days(today);
	if (r->valid_to[0]) {
		struct civil_date to = date_of(r->valid_to);
		agree = agree && to.year && date_to_days(to) >= date_to_days(from);
		if (agree && date_to_days(today) > date_to_days(to))
			return IDCARD_EXPIRED;
	}
	return agree ? IDCARD_USABLE : IDCARD_UNREADABLE;
}

void idcard_record_wipe(struct idcard_record *r)
{
	secure_wipe(r, sizeof(*r));
}

/* ---- reader specs ---- */

static const struct idcard_driver *const drivers[] = {&idcard_file_driver, &idcard_socket_driver,
						      &idcard_serial_driver};

/* The driver of spec and the argument after "scheme:"; NULL when the scheme is unknown. */
static const struct idcard_driver *driver_for(const char *spec, const char **arg)
{
	for (size_t i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++) {
		size_t n = strlen(drivers[i]->scheme);
		if (strncmp(spec, drivers[i]->scheme, n) == 0 && spec[n] == ':') {
			*arg = spec + n + 1;
			return drivers[i];
		}
	}
	return NULL;
}

bool idcard_spec_is_none(const char *spec)
{
	return !spec || !spec[0] || strcmp(spec, "none") == 0;
}

bool idcard_spec_check(const char *spec, char *err, size_t errlen)
{
	static const char *const bauds[] = {"9600", "19200", "38400", "57600", "115200"};
	const char *arg = NULL;
	if (idcard_spec_is_none(spec))
		return true;
	const struct idcard_driver *d = driver_for(spec, &arg);
	if (!d) {
		snprintf(err, errlen, "must be none, file:/PATH, socket:/PATH or serial:/dev/DEVICE[@BAUD]");
		return false;
	}
	size_t path_len = strcspn(arg, d == &idcard_serial_driver ? "@" : "");
	size_t max = d == &idcard_socket_driver ? sizeof(((struct sockaddr_un *)0)->sun_path) - 1 : SPEC_PATH_MAX;
	if (arg[0] != '/' || path_len < 2 || arg[path_len - 1] == '/') {
		const char *example = d == &idcard_serial_driver   ? "serial:/dev/ttyUSB0"
				      : d == &idcard_socket_driver ? "socket:/run/civic-kiosk/idcard.sock"
								   : "file:/run/civic-kiosk/idcard.json";
		snprintf(err, errlen, "%s: needs an absolute path, e.g. %s", d->scheme, example);
		return false;
	}
	if (path_len > max) {
		snprintf(err, errlen, "%s: the path is %zu bytes, at most %zu", d->scheme, path_len, max);
		return false;
	}
	if (arg[path_len] == '@') {
		for (size_t i = 0; i < sizeof(bauds) / sizeof(bauds[0]); i++) {
			if (strcmp(arg + path_len + 1, bauds[i]) == 0)
				return true;
		}
		snprintf(err, errlen, "serial: the speed after @ must be 9600, 19200, 38400, 57600 or 115200");
		return false;
	}
	return true;
}

/* ---- open readers ---- */

struct idcard_reader {
	const struct idcard_driver *driver;
	void *drv;
};

struct idcard_reader *idcard_reader_open(const char *spec, char *err, size_t errlen)
{
	const char *arg = NULL;
	const struct idcard_driver *d = idcard_spec_is_none(spec) ? NULL : driver_for(spec, &arg);
	if (!d || !idcard_spec_check(spec, err, errlen)) {
		if (!d)
			snprintf(err, errlen, "no reader configured");
		return NULL;
	}
	struct idcard_reader *r = calloc(1, sizeof(*r));
	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->driver = d;
	r->drv = d->open(arg, err, errlen);
	if (!r->drv) {
		free(r);
		return NULL;
	}
	return r;
}

enum idcard_poll idcard_reader_poll(struct idcard_reader *r, uint64_t now_ms, struct idcard_record *out, char *why,
				    size_t whylen)
{
	return r->driver->poll(r->drv, now_ms, out, why, whylen);
}

int idcard_reader_wait(struct idcard_reader *r, uint64_t now_ms, int *timeout_ms)
{
	return r->driver->wait(r->drv, now_ms, timeout_ms);
}

bool idcard_reader_live(struct idcard_reader *r)
{
	return r->driver->live(r->drv);
}

void idcard_reader_close(struct idcard_reader *r)
{
	if (!r)
		return;
	r->driver->close(r->drv);
	free(r);
}
