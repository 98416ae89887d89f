/* The HTTP client against the backend stub (signatures, ETags, idempotent replays, size limit,
 * refused connections) and against a hostile in-test server on loopback (truncated, trickled,
 * huge, binary, non-HTTP and long-header answers, a redirect): every case ends with the right
 * outcome in bounded time. STUB_PATH is the stub binary, given by tests/CMakeLists.txt. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "net/http.h"

#define KIOSK_ID "kiosk-1"
#define SECRET "secret-1"
#define HUGE_BODY ((long long)32 << 20)

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the backend stub, in its own temporary directory on an ephemeral port ---- */

struct stub {
	pid_t pid;
	int port;
	char dir[64];
};

static bool stub_start(struct stub *s)
{
	char db[128], line[256] = "";
	size_t len = 0;
	int fds[2];
	snprintf(s->dir, sizeof(s->dir), "/tmp/kiosk-http-XXXXXX");
	if (mkdtemp(s->dir) == NULL || pipe(fds) != 0)
		return false;
	snprintf(db, sizeof(db), "%s/stub.db", s->dir);
	s->pid = fork();
	if (s->pid < 0)
		return false;
	if (s->pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execl(STUB_PATH, STUB_PATH, "--listen", "127.0.0.1:0", "--db", db, "--seed", "demo", "--kiosk",
		      KIOSK_ID ":" SECRET, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	/* Generous: a sanitizer build on a busy machine may take seconds to seed. */
	while (len + 1 < sizeof(line) && strchr(line, '\n') == NULL) {
		struct pollfd p = {fds[0], POLLIN, 0};
		if (poll(&p, 1, 60000) <= 0)
			break;
		ssize_t r = read(fds[0], line + len, sizeof(line) - 1 - len);
		if (r <= 0)
			break;
		len += (size_t)r;
		line[len] = '\0';
	}
	close(fds[0]);
	if (sscanf(line, "listening on 127.0.0.1:%d", &s->port) != 1) {
		fprintf(stderr, "stub did not start: '%s'\n", line);
		return false;
	}
	return true;
}

static void stub_stop(struct stub *s)
{
	DIR *d;
	struct dirent *e;
	char path[400];
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	d = opendir(s->dir);
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", s->dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(s->dir);
}

/* ---- a hostile server: one thread, one connection at a time, the answer chosen by mode ---- */

enum evil_mode {
	EVIL_KEEPALIVE, /* a small 200 with Content-Length; the connection stays open */
	EVIL_TRUNCATED, /* Content-Length 1000, 100 bytes sent, then close */
	EVIL_TRICKLE, /* headers, then one body byte a second until the client leaves */
	EVIL_SILENT, /* reads the request and never answers */
	EVIL_HUGE_LENGTH, /* announces and sends 32 MiB */
	EVIL_HUGE_CLOSE, /* sends 32 MiB without Content-Length, ended by close */
	EVIL_BINARY, /* a body of NULs and invalid UTF-8 */
	EVIL_GARBAGE, /* bytes that are not HTTP */
	EVIL_LONG_HEADER, /* a 10,000-byte header line, then a normal ETag */
	EVIL_LONG_ETAG, /* an ETag longer than the response's field */
	EVIL_HEADER_MANY, /* 40 header lines of 4 KiB: 160 KiB of headers */
	EVIL_HEADER_FLOOD, /* a 300 KiB header line, beyond libcurl's limit */
	EVIL_REDIRECT, /* 302 to elsewhere: must not be followed */
};

struct evil {
	int fd;
	int port;
	pthread_t thread;
	atomic_int mode;
	atomic_bool stop;
	atomic_int accepts;
	atomic_llong body_sent;
	pthread_mutex_t lock;
	char request[4096]; /* the head of the last request */
};

static const unsigned char binary_body[] = {0x00, 0xff, 0xfe, 0xc0, 0x80, 'a',	0x00,
					    0xed, 0xa0, 0x80, '\n', 0x01, 0xf8, 0x88};

static bool send_all(int fd, const void *data, size_t n)
{
	const char *p = data;
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

static bool send_str(int fd, const char *s)
{
	return send_all(fd, s, strlen(s));
}

/* Waits up to ms for the client to send or close; true when it did. */
static bool client_moved(int fd, int ms)
{
	struct pollfd p = {fd, POLLIN, 0};
	return poll(&p, 1, ms) > 0;
}

/* Reads one request head into e->request; false when the client left or was too slow. */
static bool read_request(struct evil *e, int fd)
{
	char buf[sizeof(e->request)];
	size_t len = 0;
	while (len + 1 < sizeof(buf)) {
		if (!client_moved(fd, 5000))
			return false;
		ssize_t r = recv(fd, buf + len, sizeof(buf) - 1 - len, 0);
		if (r <= 0)
			return false;
		len += (size_t)r;
		buf[len] = '\0';
		if (strstr(buf, "\r\n\r\n") != NULL) {
			pthread_mutex_lock(&e->lock);
			memcpy(e->request, buf, len + 1);
			pthread_mutex_unlock(&e->lock);
			return true;
		}
	}
	return false;
}

static void send_filler(struct evil *e, int fd, char ch, long long total)
{
	char chunk[65536];
	memset(chunk, ch, sizeof(chunk));
	for (long long sent = 0; sent < total && !atomic_load(&e->stop);) {
		size_t n = total - sent < (long long)sizeof(chunk) ? (size_t)(total - sent) : sizeof(chunk);
		if (!send_all(fd, chunk, n))
			return;
		sent += (long long)n;
		atomic_fetch_add(&e->body_sent, (long long)n);
	}
}

/* Answers one request; true when the connection may serve another. */
static bool answer(struct evil *e, int fd)
{
	static const char garbage[] = "\x16\x03\x01\x00 this is not HTTP\r\n\x00\xff\xfe\r\n\r\nmore garbage";
	static char big[300 * 1024 + 64];
	char head[256];
	switch ((enum evil_mode)atomic_load(&e->mode)) {
	case EVIL_KEEPALIVE:
		return send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: \"k1\"\r\n"
				    "Content-Length: 11\r\n\r\n{\"ok\":true}");
	case EVIL_TRUNCATED:
		send_str(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
		send_filler(e, fd, 't', 100);
		return false;
	case EVIL_TRICKLE:
		send_str(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
		for (int i = 0; i < 60 && !atomic_load(&e->stop); i++) {
			if (!send_all(fd, "x", 1) || client_moved(fd, 1000))
				break;
			atomic_fetch_add(&e->body_sent, 1);
		}
		return false;
	case EVIL_SILENT:
		client_moved(fd, 20000);
		return false;
	case EVIL_HUGE_LENGTH:
		snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nContent-Length: %lld\r\n\r\n", HUGE_BODY);
		send_str(fd, head);
		send_filler(e, fd, 'h', HUGE_BODY);
		return false;
	case EVIL_HUGE_CLOSE:
		send_str(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
		send_filler(e, fd, 'c', HUGE_BODY);
		return false;
	case EVIL_BINARY:
		snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
					     "Content-Length: %zu\r\nConnection: close\r\n\r\n",
			 sizeof(binary_body));
		send_str(fd, head);
		send_all(fd, binary_body, sizeof(binary_body));
		return false;
	case EVIL_GARBAGE:
		send_all(fd, garbage, sizeof(garbage) - 1);
		return false;
	case EVIL_LONG_HEADER:
		send_str(fd, "HTTP/1.1 200 OK\r\nX-Filler: ");
		send_filler(e, fd, 'f', 10000);
		send_str(fd, "\r\nETag:   \"after-long\"  \r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
		return false;
	case EVIL_LONG_ETAG:
		memset(big, 'e', 5000);
		big[5000] = '\0';
		send_str(fd, "HTTP/1.1 200 OK\r\nETag: \"");
		send_str(fd, big);
		send_str(fd, "\"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
		return false;
	case EVIL_HEADER_MANY:
		memset(big, 'm', 4096);
		big[4096] = '\0';
		send_str(fd, "HTTP/1.1 200 OK\r\n");
		for (int i = 0; i < 40; i++) {
			snprintf(head, sizeof(head), "X-Many-%d: ", i);
			if (!send_str(fd, head) || !send_str(fd, big) || !send_str(fd, "\r\n"))
				return false;
		}
		send_str(fd, "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
		return false;
	case EVIL_HEADER_FLOOD:
		memset(big, 'z', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		send_str(fd, "HTTP/1.1 200 OK\r\nX-Flood: ");
		send_str(fd, big);
		send_str(fd, "\r\nContent-Length: 2\r\n\r\n{}");
		return false;
	case EVIL_REDIRECT:
		send_str(fd, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\n"
			     "Content-Length: 0\r\nConnection: close\r\n\r\n");
		return false;
	}
	return false;
}

static void *evil_run(void *arg)
{
	struct evil *e = arg;
	while (!atomic_load(&e->stop)) {
		if (!client_moved(e->fd, 100))
			continue;
		int conn = accept(e->fd, NULL, NULL);
		if (conn < 0)
			continue;
		atomic_fetch_add(&e->accepts, 1);
		while (!atomic_load(&e->stop) && read_request(e, conn) && answer(e, conn))
			;
		close(conn);
	}
	return NULL;
}

/* Binds 127.0.0.1:0; returns the socket (listening when listen_too) and its port in *port. */
static int bind_loopback(int *port, bool listen_too)
{
	struct sockaddr_in a = {0};
	socklen_t alen = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &alen) != 0 || (listen_too && listen(fd, 8) != 0)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return fd;
}

static bool evil_start(struct evil *e)
{
	memset(e, 0, sizeof(*e));
	pthread_mutex_init(&e->lock, NULL);
	e->fd = bind_loopback(&e->port, true);
	return e->fd >= 0 && pthread_create(&e->thread, NULL, evil_run, e) == 0;
}

static void evil_stop(struct evil *e)
{
	atomic_store(&e->stop, true);
	pthread_join(e->thread, NULL);
	close(e->fd);
	pthread_mutex_destroy(&e->lock);
}

/* ---- the tests ---- */

static struct http_client *client_for(int port, const char *prefix, const char *secret, size_t max_body,
				      long total_ms)
{
	char url[128], err[256] = "";
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port, prefix);
	struct http_options o = {.base_url = url,
				 .kiosk_id = KIOSK_ID,
				 .secret = secret,
				 .connect_timeout_ms = 1000,
				 .total_timeout_ms = total_ms,
				 .max_body = max_body};
	struct http_client *c = http_client_create(&o, err, sizeof(err));
	if (!CHECK(c != NULL))
		fprintf(stderr, "  create: %s\n", err);
	return c;
}

static void test_sign_vector(void)
{
	char sig[65];
	http_sign(SECRET, "GET", "/v1/services", 1764300000, "", 0, sig);
	CHECK_STR(sig, "50dae7f1a5145b8c883bcf7566e458f13819ef3c7de08d5e92508741bd3f02c2");
	http_sign(SECRET, "GET", "/v1/services", 1764300000, NULL, 0, sig);
	CHECK_STR(sig, "50dae7f1a5145b8c883bcf7566e458f13819ef3c7de08d5e92508741bd3f02c2");
}

static void expect_create_refused(const char *url, const char *kiosk_id, const char *secret, const char *needle)
{
	char err[256] = "";
	struct http_options o = {.base_url = url, .kiosk_id = kiosk_id, .secret = secret};
	struct http_client *c = http_client_create(&o, err, sizeof(err));
	if (!CHECK(c == NULL) || !CHECK(strstr(err, needle) != NULL))
		fprintf(stderr, "  %s: error was '%s'\n", url ? url : "(null)", err);
	http_client_destroy(c);
}

static void test_create(void)
{
	char err[256] = "";
	expect_create_refused("ftp://example.test", KIOSK_ID, SECRET, "https://");
	expect_create_refused("http://", KIOSK_ID, SECRET, "host");
	expect_create_refused("http://user@example.test", KIOSK_ID, SECRET, "host");
	expect_create_refused("http://example.test/a?b=c", KIOSK_ID, SECRET, "query");
	expect_create_refused("http://exa mple.test", KIOSK_ID, SECRET, "spaces");
	expect_create_refused("http://example.test", KIOSK_ID, "", "secret");
	expect_create_refused("http://example.test", "kiosk\r\nX-Evil: 1", SECRET, "kiosk id");
	expect_create_refused(NULL, KIOSK_ID, SECRET, "required");
	http_client_destroy(NULL);
	/* the development switch works and is logged (on stderr) */
	struct http_options o = {.base_url = "https://example.test/",
				 .kiosk_id = KIOSK_ID,
				 .secret = SECRET,
				 .insecure_development = true};
	struct http_client *c = http_client_create(&o, err, sizeof(err));
	CHECK(c != NULL);
	http_client_destroy(c);
}

static void test_stub(void)
{
	struct stub s = {0};
	struct http_response r, r2;
	struct http_client *c, *wrong, *small;
	char etag[sizeof(r.etag)];
	const char *help = "{\"reason\":\"accessibility\",\"screen\":\"booking.review\",\"assisted_mode\":true,"
			   "\"language\":\"yue\"}";
	const char *help2 = "{\"reason\":\"other\",\"screen\":\"home\",\"assisted_mode\":false}";
	const char *key = "6f1c2b9e-4a1d-4c3b-9f7e-2d5a8c0e1b34";
	if (!CHECK(stub_start(&s))) {
		stub_stop(&s);
		return;
	}
	c = client_for(s.port, "", SECRET, 0, 10000);
	wrong = client_for(s.port, "", "secret-2", 0, 10000);
	small = client_for(s.port, "", SECRET, 64, 10000);
	if (c == NULL || wrong == NULL || small == NULL)
		goto out;

	/* A signed GET: 200, JSON with items, a strong ETag. */
	CHECK(http_get(c, "/v1/services", NULL, time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_OK);
	CHECK_INT(r.status, 200);
	CHECK(r.body != NULL && r.len == strlen(r.body));
	cJSON *json = r.body ? cJSON_ParseWithLength(r.body, r.len) : NULL;
	CHECK(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(json, "items")));
	cJSON_Delete(json);
	CHECK(r.etag[0] == '"' && strlen(r.etag) > 2);
	snprintf(etag, sizeof(etag), "%s", r.etag);
	http_response_finish(&r);
	CHECK(r.body == NULL && r.len == 0);

	/* The same with If-None-Match: 304 without a body (and the connection reused). */
	CHECK(http_get(c, "/v1/services", etag, time(NULL), &r));
	CHECK_INT(r.status, 304);
	CHECK(r.body == NULL && r.len == 0);
	http_response_finish(&r);
	/* An empty If-None-Match is no condition. */
	CHECK(http_get(c, "/v1/services", "", time(NULL), &r));
	CHECK_INT(r.status, 200);
	http_response_finish(&r);

	/* A query is part of the signed target. */
	CHECK(http_get(c, "/v1/slots?service=marriage_registration&office=jh_marriage_registry", NULL, time(NULL),
		       &r));
	CHECK_INT(r.status, 200);
	CHECK(r.body != NULL && strstr(r.body, "\"items\"") != NULL);
	http_response_finish(&r);

	/* Wrong secret and stale timestamp: 401, a complete answer (true). */
	CHECK(http_get(wrong, "/v1/services", NULL, time(NULL), &r));
	CHECK_INT(r.status, 401);
	CHECK(r.body != NULL && strstr(r.body, "bad_signature") != NULL);
	http_response_finish(&r);
	CHECK(http_get(c, "/v1/services", NULL, time(NULL) - 3600, &r));
	CHECK_INT(r.status, 401);
	CHECK(r.body != NULL && strstr(r.body, "stale_timestamp") != NULL);
	http_response_finish(&r);

	/* POST, then the replay with the same key: the very same answer; another body: 422. */
	CHECK(http_post(c, "/v1/help-requests", key, help, strlen(help), time(NULL), &r));
	CHECK(r.status >= 200 && r.status < 300);
	CHECK(r.body != NULL && strstr(r.body, "\"HR-") != NULL);
	CHECK(http_post(c, "/v1/help-requests", key, help, strlen(help), time(NULL), &r2));
	CHECK_INT(r2.status, r.status);
	CHECK(r.len == r2.len && r.body && r2.body && memcmp(r.body, r2.body, r.len) == 0);
	http_response_finish(&r);
	http_response_finish(&r2);
	CHECK(http_post(c, "/v1/help-requests", key, help2, strlen(help2), time(NULL), &r));
	CHECK_INT(r.status, 422);
	CHECK(r.body != NULL && strstr(r.body, "idempotency_conflict") != NULL);
	http_response_finish(&r);
	/* A key the server refuses is still a complete answer. */
	CHECK(http_post(c, "/v1/help-requests", "not-a-uuid", help, strlen(help), time(NULL), &r));
	CHECK_INT(r.status, 400);
	http_response_finish(&r);
	/* Client-side refusals: no key, a header-injecting key, a path that is not /path. */
	CHECK(!http_post(c, "/v1/help-requests", NULL, help, strlen(help), time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_INTERNAL);
	CHECK(r.error[0] != '\0');
	http_response_finish(&r);
	CHECK(!http_post(c, "/v1/help-requests", "a\r\nX-Evil: 1", help, strlen(help), time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_INTERNAL);
	http_response_finish(&r);
	CHECK(!http_get(c, "v1/services", NULL, time(NULL), &r));
	CHECK(!http_get(c, "/v1/services x", NULL, time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_INTERNAL);
	http_response_finish(&r);

	/* An answer over max_body: an error, not a truncated success. */
	CHECK(!http_get(small, "/v1/services", NULL, time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_TOO_LARGE);
	CHECK(r.body == NULL && r.len == 0 && r.status == 0);
	CHECK(strstr(r.error, "larger than 64") != NULL);
	http_response_finish(&r);
	/* The client is still usable afterwards. */
	CHECK(http_get(c, "/v1/texts", NULL, time(NULL), &r));
	CHECK_INT(r.status, 200);
	http_response_finish(&r);
out:
	http_client_destroy(c);
	http_client_destroy(wrong);
	http_client_destroy(small);
	stub_stop(&s);
}

static void test_refused(void)
{
	struct http_response r;
	int port = 0, fd = bind_loopback(&port, false);
	long long t0;
	if (!CHECK(fd >= 0))
		return;
	close(fd); /* nobody listens there now */
	struct http_client *c = client_for(port, "", SECRET, 0, 3000);
	t0 = now_ms();
	CHECK(!http_get(c, "/v1/services", NULL, time(NULL), &r));
	CHECK_INT(r.outcome, HTTP_NETWORK);
	CHECK(r.error[0] != '\0' && strstr(r.error, SECRET) == NULL);
	CHECK(now_ms() - t0 < 1000);
	http_response_finish(&r);
	http_client_destroy(c);
}

/* One request against the hostile server in mode; returns the elapsed milliseconds. */
static long long evil_get(struct evil *e, struct http_client *c, enum evil_mode mode, struct http_response *r)
{
	long long t0 = now_ms();
	atomic_store(&e->mode, mode);
	atomic_store(&e->body_sent, 0);
	http_get(c, "/v1/texts", NULL, time(NULL), r);
	return now_ms() - t0;
}

static void test_hostile(void)
{
	struct evil e;
	struct http_response r;
	char sig[65], line[128];
	long long ms;
	if (!CHECK(evil_start(&e)))
		return;
	/* A path prefix in the base URL is signed too; the connection is reused. */
	struct http_client *c = client_for(e.port, "/api/", SECRET, 0, 3000);
	atomic_store(&e.mode, EVIL_KEEPALIVE);
	CHECK(http_get(c, "/v1/services?lang=en", NULL, 1764300000, &r));
	CHECK_INT(r.status, 200);
	CHECK_STR(r.etag, "\"k1\"");
	CHECK(r.len == 11 && r.body && strcmp(r.body, "{\"ok\":true}") == 0);
	http_response_finish(&r);
	http_sign(SECRET, "GET", "/api/v1/services?lang=en", 1764300000, "", 0, sig);
	pthread_mutex_lock(&e.lock);
	CHECK(strncmp(e.request, "GET /api/v1/services?lang=en HTTP/1.1\r\n", 39) == 0);
	CHECK(strstr(e.request, "\r\nX-Kiosk-Id: " KIOSK_ID "\r\n") != NULL);
	CHECK(strstr(e.request, "\r\nX-Timestamp: 1764300000\r\n") != NULL);
	snprintf(line, sizeof(line), "\r\nX-Signature: %s\r\n", sig);
	CHECK(strstr(e.request, line) != NULL);
	CHECK(strstr(e.request, SECRET) == NULL);
	pthread_mutex_unlock(&e.lock);
	CHECK(http_get(c, "/v1/offices", "\"k1\"", 1764300000, &r));
	CHECK_INT(r.status, 200);
	http_response_finish(&r);
	pthread_mutex_lock(&e.lock);
	CHECK(strstr(e.request, "\r\nIf-None-Match: \"k1\"\r\n") != NULL);
	pthread_mutex_unlock(&e.lock);
	CHECK_INT(atomic_load(&e.accepts), 1);
	http_client_destroy(c); /* closes the kept connection, so the server takes the next one */

	c = client_for(e.port, "", SECRET, 65536, 3000);

	ms = evil_get(&e, c, EVIL_TRUNCATED, &r);
	CHECK_INT(r.outcome, HTTP_NETWORK);
	CHECK(r.body == NULL && r.status == 0);
	CHECK(ms < 2000);
	http_response_finish(&r);

	/* One byte a second: the low-speed limit (1 s window at a 3 s total) ends it. */
	ms = evil_get(&e, c, EVIL_TRICKLE, &r);
	CHECK_INT(r.outcome, HTTP_TIMEOUT);
	CHECK(r.body == NULL);
	if (!CHECK(ms < 3500))
		fprintf(stderr, "  trickle took %lld ms\n", ms);
	http_response_finish(&r);

	ms = evil_get(&e, c, EVIL_SILENT, &r);
	CHECK_INT(r.outcome, HTTP_TIMEOUT);
	if (!CHECK(ms < 3500))
		fprintf(stderr, "  silence took %lld ms\n", ms);
	http_response_finish(&r);

	/* 32 MiB against a 64 KiB limit: refused from the Content-Length, or cut off early. */
	ms = evil_get(&e, c, EVIL_HUGE_LENGTH, &r);
	CHECK_INT(r.outcome, HTTP_TOO_LARGE);
	CHECK(r.body == NULL && r.len == 0);
	CHECK(ms < 2000);
	http_response_finish(&r);
	ms = evil_get(&e, c, EVIL_HUGE_CLOSE, &r);
	CHECK_INT(r.outcome, HTTP_TOO_LARGE);
	CHECK(r.body == NULL && r.len == 0);
	CHECK(ms < 2000);
	http_response_finish(&r);
	/* The client stopped reading: the server could not push it all (wait for its thread to notice). */
	atomic_store(&e.mode, EVIL_KEEPALIVE);
	CHECK(http_get(c, "/v1/texts", NULL, time(NULL), &r));
	http_response_finish(&r);
	CHECK(atomic_load(&e.body_sent) < HUGE_BODY);

	/* Binary and invalid UTF-8 come back as they are, with their length. */
	evil_get(&e, c, EVIL_BINARY, &r);
	CHECK_INT(r.outcome, HTTP_OK);
	CHECK_INT(r.len, sizeof(binary_body));
	CHECK(r.body && memcmp(r.body, binary_body, sizeof(binary_body)) == 0 && r.body[r.len] == '\0');
	http_response_finish(&r);

	ms = evil_get(&e, c, EVIL_GARBAGE, &r);
	CHECK(r.outcome != HTTP_OK);
	CHECK_INT(r.outcome, HTTP_NETWORK);
	CHECK(r.body == NULL && r.error[0] != '\0');
	CHECK(ms < 2000);
	http_response_finish(&r);

	/* Long header lines: the answer still counts, the ETag after them is found, an ETag too long
	 * for its field is dropped rather than cut, and a flood beyond libcurl's limit is an error. */
	evil_get(&e, c, EVIL_LONG_HEADER, &r);
	CHECK_INT(r.outcome, HTTP_OK);
	CHECK_STR(r.etag, "\"after-long\"");
	http_response_finish(&r);
	evil_get(&e, c, EVIL_LONG_ETAG, &r);
	CHECK_INT(r.outcome, HTTP_OK);
	CHECK_STR(r.etag, "");
	http_response_finish(&r);
	ms = evil_get(&e, c, EVIL_HEADER_MANY, &r);
	CHECK_INT(r.outcome, HTTP_TOO_LARGE);
	CHECK(strstr(r.error, "headers") != NULL);
	CHECK(ms < 2000);
	http_response_finish(&r);
	/* libcurl refuses a single line over its limit itself and calls it out of memory. */
	ms = evil_get(&e, c, EVIL_HEADER_FLOOD, &r);
	if (!CHECK(r.outcome != HTTP_OK))
		fprintf(stderr, "  header flood: status %ld\n", r.status);
	CHECK(r.body == NULL && r.error[0] != '\0');
	CHECK(ms < 2000);
	http_response_finish(&r);

	/* A redirect is an answer, not an instruction. */
	int before = atomic_load(&e.accepts);
	evil_get(&e, c, EVIL_REDIRECT, &r);
	CHECK_INT(r.outcome, HTTP_OK);
	CHECK_INT(r.status, 302);
	CHECK_INT(atomic_load(&e.accepts), before + 1);
	http_response_finish(&r);

	http_client_destroy(c);
	evil_stop(&e);
}

int main(void)
{
	long long t0 = now_ms();
	/* libcurl runs with CURLOPT_NOSIGNAL, so the process ignores SIGPIPE (as the kiosk does). */
	signal(SIGPIPE, SIG_IGN);
	/* The tests talk to loopback only. */
	unsetenv("http_proxy");
	unsetenv("HTTP_PROXY");
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
	test_sign_vector();
	test_create();
	test_stub();
	test_refused();
	test_hostile();
	printf("test_http took %lld ms\n", now_ms() - t0);
	return check_exit();
}
