/* Fuzz target: a backend's raw HTTP answers (status line, headers, body: whatever comes back on the
 * socket) through the kiosk's HTTP client (net/http.c on libcurl): the status, the ETag kept for
 * conditional requests, the body bounded by max_body, chunked and sized bodies, early closes.
 * A server thread on a loopback port reads each request and answers it with the next part of the
 * input as it is, then closes the connection. One client per input makes two requests in a row, as
 * the sync thread's client does with its one reused handle: a conditional GET (a reference refresh),
 * then a GET or, when the first input byte is odd, a POST (a delivery).
 * Input: the first answer, NUL, the second answer.
 * Invariants: a completed request has a status of 100–999, a body of at most max_body bytes,
 * NUL-terminated, and an ETag of printable ASCII that fits its field; a failed one says why, without
 * a status; no answer makes the client hang (libFuzzer's -timeout would report it). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/log.h"
#include "fuzz_common.h"
#include "net/http.h"

#define MAX_BODY 4096

static struct http_options options;
static char base_url[64];
static int listener = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char *answers[2]; /* under lock: what the server sends to the next connections */
static size_t answer_lens[2];
static int next_answer;

/* Reads a request's headers (and a body as long as its Content-Length, at most 64 KiB). */
static void read_request(int fd)
{
	char buf[70000];
	size_t got = 0;
	while (got < sizeof(buf) - 1) {
		ssize_t n = read(fd, buf + got, sizeof(buf) - 1 - got);
		if (n <= 0)
			return;
		got += (size_t)n;
		buf[got] = '\0';
		char *end = strstr(buf, "\r\n\r\n");
		if (!end)
			continue;
		const char *cl = strstr(buf, "Content-Length: ");
		size_t body = cl && cl < end ? strtoul(cl + 16, NULL, 10) : 0;
		if (got >= (size_t)(end + 4 - buf) + body)
			return;
	}
}

static void *serve(void *arg)
{
	(void)arg;
	for (;;) {
		int fd = accept(listener, NULL, NULL);
		if (fd < 0)
			continue;
		read_request(fd);
		pthread_mutex_lock(&lock);
		/* libcurl may ask again on a new connection when a reused one closes without an answer: it
		 * then gets the same answer. */
		int i = next_answer < 2 ? next_answer : 1;
		next_answer++;
		size_t done = 0;
		while (answers[i] && done < answer_lens[i]) {
			ssize_t n = write(fd, answers[i] + done, answer_lens[i] - done);
			if (n <= 0)
				break;
			done += (size_t)n;
		}
		pthread_mutex_unlock(&lock);
		close(fd);
	}
	return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	signal(SIGPIPE, SIG_IGN);
	log_set_level(LOG_ERROR);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t sl = sizeof(sa);
	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0 || bind(listener, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(listener, 16) != 0 ||
	    getsockname(listener, (struct sockaddr *)&sa, &sl) != 0)
		abort();
	pthread_t t;
	if (pthread_create(&t, NULL, serve, NULL) != 0)
		abort();
	snprintf(base_url, sizeof(base_url), "http://127.0.0.1:%u", (unsigned)ntohs(sa.sin_port));
	options = (struct http_options){.base_url = base_url, .kiosk_id = "k1", .secret = "fuzz-secret",
					.connect_timeout_ms = 1000, .total_timeout_ms = 3000, .max_body = MAX_BODY};
	return 0;
}

static void check(bool answered, const struct http_response *r)
{
	FUZZ_CHECK(answered == (r->outcome == HTTP_OK));
	FUZZ_CHECK(memchr(r->error, 0, sizeof(r->error)) != NULL);
	FUZZ_CHECK(memchr(r->etag, 0, sizeof(r->etag)) != NULL);
	for (const char *c = r->etag; *c; c++)
		FUZZ_CHECK(*c >= 0x20 && *c <= 0x7e);
	if (answered) {
		FUZZ_CHECK(r->status >= 100 && r->status <= 999);
		FUZZ_CHECK(r->len <= MAX_BODY && (r->body == NULL) == (r->len == 0));
		if (r->body)
			FUZZ_CHECK(r->body[r->len] == '\0');
	} else {
		FUZZ_CHECK(r->status == 0 && r->body == NULL && r->error[0] != '\0');
		FUZZ_CHECK(r->etag[0] == '\0');
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16 * 1024)
		return 0;
	char err[256];
	struct http_client *client = http_client_create(&options, err, sizeof(err));
	FUZZ_CHECK(client != NULL);
	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 2);
	pthread_mutex_lock(&lock);
	for (int i = 0; i < 2; i++) {
		answers[i] = parts.part[i];
		answer_lens[i] = parts.len[i];
	}
	next_answer = 0;
	pthread_mutex_unlock(&lock);
	struct http_response r;
	bool answered = http_get(client, "/v1/services", "\"v1\"", 1764300000, &r);
	check(answered, &r);
	http_response_finish(&r);
	static const char key[] = "5f0c7d3e-2a41-4c55-9a7e-0d9e2b1c3a4f";
	if (size && (data[0] & 1))
		answered = http_post(client, "/v1/heartbeat", key, "{}", 2, 1764300000, &r);
	else
		answered = http_get(client, "/v1/offices", NULL, 1764300000, &r);
	check(answered, &r);
	http_response_finish(&r);
	http_client_destroy(client);
	pthread_mutex_lock(&lock);
	answers[0] = answers[1] = NULL;
	pthread_mutex_unlock(&lock);
	fuzz_parts_free(&parts);
	return 0;
}
