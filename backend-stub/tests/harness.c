/* harness: see harness.h. */
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "auth.h"
#include "civil_date.h"

int test_failures;

int stub_init(struct stub *s, const char *exe, const char *tag)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->exe, sizeof(s->exe), "%s", exe);
	snprintf(s->dir, sizeof(s->dir), "/tmp/stub_%s_XXXXXX", tag);
	if (mkdtemp(s->dir) == NULL)
		return -1;
	snprintf(s->db, sizeof(s->db), "%s/stub.db", s->dir);
	if (sodium_init() < 0)
		return -1;
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

int stub_start(struct stub *s, const char *const *extra)
{
	int fds[2];
	const char *argv[64];
	int n = 0;
	char line[256] = "";
	size_t len = 0;
	if (pipe(fds) != 0)
		return -1;
	argv[n++] = s->exe;
	argv[n++] = "--listen";
	argv[n++] = "127.0.0.1:0";
	argv[n++] = "--db";
	argv[n++] = s->db;
	argv[n++] = "--kiosk";
	argv[n++] = TEST_KIOSK ":" TEST_SECRET;
	argv[n++] = "--kiosk";
	argv[n++] = "kiosk-2:secret-2";
	for (int i = 0; extra && extra[i] && n < 62; i++)
		argv[n++] = extra[i];
	argv[n] = NULL;
	s->pid = fork();
	if (s->pid < 0)
		return -1;
	if (s->pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execv(s->exe, (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	/* Generous: sanitizer builds on a loaded 2-core machine can take seconds to seed. */
	for (;;) {
		struct pollfd p = {fds[0], POLLIN, 0};
		if (poll(&p, 1, 60000) <= 0)
			break;
		ssize_t r = read(fds[0], line + len, sizeof(line) - 1 - len);
		if (r <= 0)
			break;
		len += (size_t)r;
		line[len] = '\0';
		if (strchr(line, '\n') != NULL || len + 1 >= sizeof(line))
			break;
	}
	close(fds[0]);
	if (sscanf(line, "listening on 127.0.0.1:%d", &s->port) != 1) {
		fprintf(stderr, "stub did not start: '%s'\n", line);
		stub_stop(s, SIGKILL);
		return -1;
	}
	return 0;
}

int stub_stop(struct stub *s, int sig)
{
	int status = 0;
	if (s->pid <= 0)
		return -1;
	kill(s->pid, sig);
	while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
		;
	s->pid = 0;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

void stub_cleanup(struct stub *s)
{
	DIR *d = opendir(s->dir);
	struct dirent *e;
	char path[600];
	if (s->pid > 0)
		stub_stop(s, SIGKILL);
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", s->dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(s->dir);
	curl_global_cleanup();
}

struct buf {
	char *p;
	size_t n;
};

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct buf *b = userdata;
	size_t add = size * nmemb;
	char *p = realloc(b->p, b->n + add + 1);
	if (p == NULL)
		return 0;
	memcpy(p + b->n, data, add);
	b->p = p;
	b->n += add;
	b->p[b->n] = '\0';
	return add;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct reply *r = userdata;
	size_t n = size * nmemb;
	if (n > 6 && strncasecmp(data, "ETag: ", 6) == 0) {
		size_t k = n - 6;
		while (k > 0 && (data[6 + k - 1] == '\r' || data[6 + k - 1] == '\n'))
			k--;
		if (k < sizeof(r->etag)) {
			memcpy(r->etag, data + 6, k);
			r->etag[k] = '\0';
		}
	}
	return n;
}

int stub_send(const struct stub *s, CURL *h, const struct request *rq, struct reply *out)
{
	char url[2300], hdr[6][400], ts[32], sig[65], key[37];
	const char *method = rq->method ? rq->method : "GET";
	const char *body = rq->body ? rq->body : "";
	struct curl_slist *headers = NULL;
	struct buf b = {NULL, 0};
	CURL *own = NULL;
	memset(out, 0, sizeof(*out));
	if (h == NULL)
		h = own = curl_easy_init();
	else
		curl_easy_reset(h);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", s->port, rq->path);
	snprintf(ts, sizeof(ts), "%lld", (long long)time(NULL) + rq->ts_offset);
	const char *kiosk = rq->kiosk ? rq->kiosk : TEST_KIOSK;
	key[0] = '\0';
	if (strcmp(method, "POST") == 0) {
		if (rq->idem_key == NULL)
			test_uuid(key);
		else
			snprintf(key, sizeof(key), "%s", rq->idem_key);
	}
	if (rq->bearer != NULL) {
		snprintf(hdr[0], sizeof(hdr[0]), "Authorization: Bearer %s", rq->bearer);
		headers = curl_slist_append(headers, hdr[0]);
	} else if (kiosk[0] != '\0') {
		auth_sign(rq->secret ? rq->secret : TEST_SECRET, method, rq->path, ts, body, strlen(body),
			  rq->sign_key ? rq->sign_key : key, sig);
		if (rq->bad_signature)
			sig[10] = sig[10] == '0' ? '1' : '0';
		snprintf(hdr[0], sizeof(hdr[0]), "X-Kiosk-Id: %s", kiosk);
		snprintf(hdr[1], sizeof(hdr[1]), "X-Timestamp: %s", ts);
		snprintf(hdr[2], sizeof(hdr[2]), "X-Signature: %s", sig);
		headers = curl_slist_append(headers, hdr[0]);
		headers = curl_slist_append(headers, hdr[1]);
		headers = curl_slist_append(headers, hdr[2]);
	}
	if (strcmp(method, "POST") == 0) {
		if (key[0] != '\0') {
			snprintf(hdr[3], sizeof(hdr[3]), "Idempotency-Key: %s", key);
			headers = curl_slist_append(headers, hdr[3]);
		}
		headers = curl_slist_append(headers, "Content-Type: application/json");
		headers = curl_slist_append(headers, "Expect:");
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	}
	if (rq->if_none_match != NULL) {
		snprintf(hdr[4], sizeof(hdr[4]), "If-None-Match: %s", rq->if_none_match);
		headers = curl_slist_append(headers, hdr[4]);
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, out);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	if (rq->fresh_connection)
		curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
	out->curl_rc = (int)curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->status);
	curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &out->seconds);
	out->body = b.p ? b.p : strdup("");
	out->json = cJSON_Parse(out->body);
	curl_slist_free_all(headers);
	curl_easy_cleanup(own);
	return out->curl_rc == CURLE_OK ? 0 : -1;
}

void reply_finish(struct reply *r)
{
	free(r->body);
	cJSON_Delete(r->json);
	memset(r, 0, sizeof(*r));
}

const char *reply_code(const struct reply *r)
{
	const cJSON *e = cJSON_GetObjectItemCaseSensitive(r->json, "error");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(e, "code");
	return cJSON_IsString(c) ? c->valuestring : "";
}

void test_uuid(char out[37])
{
	unsigned char b[16];
	randombytes_buf(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
		 b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

void test_resident_id(char out[19], int y, int m, int d, int seq, char sex)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	seq = seq % 500 * 2 + (sex == 'M' ? 1 : 0);
	snprintf(out, 19, "440704%04d%02d%02d%03d", y, m, d, seq);
	for (int i = 0; i < 17; i++)
		sum += (out[i] - '0') * w[i];
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
}

void test_beijing_date(char out[11], int shift_days)
{
	time_t t = time(NULL) + 8 * 3600 + (time_t)shift_days * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int test_find_slot(const struct stub *s, const char *service, const char *office, int free, int skip,
		   long long *id, char date[11])
{
	char path[256];
	struct reply r;
	struct request rq = {0};
	const cJSON *item;
	int result = -1;
	snprintf(path, sizeof(path), "/v1/slots?service=%s&office=%s", service, office);
	rq.path = path;
	if (stub_send(s, NULL, &rq, &r) != 0 || r.status != 200)
		goto out;
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r.json, "items"))
	{
		const cJSON *f = cJSON_GetObjectItemCaseSensitive(item, "free");
		if (!cJSON_IsNumber(f) || f->valueint < free || !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(item, "bookable")))
			continue;
		if (skip-- > 0)
			continue;
		*id = (long long)cJSON_GetObjectItemCaseSensitive(item, "id")->valuedouble;
		snprintf(date, 11, "%s", cJSON_GetObjectItemCaseSensitive(item, "date")->valuestring);
		result = 0;
		break;
	}
out:
	reply_finish(&r);
	return result;
}

void stub_get(const struct stub *s, CURL *h, const char *path, struct reply *out)
{
	struct request rq = {0};
	rq.path = path;
	stub_send(s, h, &rq, out);
}

void stub_post(const struct stub *s, CURL *h, const char *kiosk, const char *path, const char *body, const char *key,
	       struct reply *out)
{
	struct request rq = {0};
	char id[80] = "";
	const char *colon = kiosk ? strchr(kiosk, ':') : NULL;
	rq.method = "POST";
	rq.path = path;
	rq.body = body;
	rq.idem_key = key;
	if (colon != NULL && (size_t)(colon - kiosk) < sizeof(id)) {
		memcpy(id, kiosk, (size_t)(colon - kiosk));
		id[colon - kiosk] = '\0';
		rq.kiosk = id;
		rq.secret = colon + 1;
	}
	stub_send(s, h, &rq, out);
}

void stub_admin(const struct stub *s, CURL *h, const char *method, const char *path, struct reply *out)
{
	struct request rq = {0};
	rq.method = method;
	rq.path = path;
	rq.bearer = TEST_ADMIN;
	rq.kiosk = "";
	rq.idem_key = "";
	stub_send(s, h, &rq, out);
}

const char *reply_field(const struct reply *r)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r->json, "error"), "field");
	return cJSON_IsString(f) ? f->valuestring : "";
}

const char *json_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(v) ? v->valuestring : "";
}

int json_is_text(const cJSON *o)
{
	return cJSON_IsObject(o) && json_str(o, "zh-Hans")[0] != '\0' && json_str(o, "zh-Hant")[0] != '\0' &&
	       json_str(o, "en")[0] != '\0';
}

void test_iso_time(char out[32], long long t)
{
	clock_format_iso(t, out, 32);
}
