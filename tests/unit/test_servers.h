/* Servers for the network tests, shared by test_http and test_sync: a launcher for the backend stub
 * (its own temporary directory, an ephemeral port) and a hostile in-test HTTP server on loopback
 * that answers as a mode says (truncated, trickled, huge, binary, garbage, silent, closing, or a
 * scripted status and raw body, per path if asked) and records what it received.
 * Limits: the hostile server is one thread serving one connection at a time; it keeps the head of
 * the last request (4 KiB) and the first 64 KiB of its body. POSIX only; the process must ignore
 * SIGPIPE (the server sends with MSG_NOSIGNAL, libcurl does not raise it either). */
#ifndef KIOSK_TESTS_TEST_SERVERS_H
#define KIOSK_TESTS_TEST_SERVERS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The kiosk the stub is seeded with, and its secret. */
#define TEST_KIOSK_ID "kiosk-1"
#define TEST_SECRET "secret-1"
/* What EVIL_HUGE_LENGTH and EVIL_HUGE_CLOSE send. */
#define EVIL_HUGE_BODY ((long long)32 << 20)
#define EVIL_ROUTES_MAX 8
#define EVIL_BODY_KEEP (64 * 1024)

/* A monotonic clock in milliseconds. */
long long test_now_ms(void);
/* Removes a flat temporary directory and the files in it. */
void test_remove_dir(const char *dir);

/* ---- the backend stub ---- */

struct stub {
	pid_t pid;
	int port;
	char dir[64];
};

/* Starts the stub binary at stub_path on 127.0.0.1:0 with a fresh database seeded "demo" and the
 * kiosk TEST_KIOSK_ID:TEST_SECRET; false when it did not come up (call stub_stop all the same). */
bool stub_start(struct stub *s, const char *stub_path);
/* Stops the stub and removes its directory; safe after a failed start of a zeroed struct. */
void stub_stop(struct stub *s);

/* ---- the hostile server ---- */

enum evil_mode {
	EVIL_KEEPALIVE, /* a small 200 with Content-Length; the connection stays open */
	EVIL_TRUNCATED, /* Content-Length 1000, 100 bytes sent, then close */
	EVIL_TRICKLE, /* headers, then one body byte a second until the client leaves */
	EVIL_TRICKLE_HEAD, /* one byte of the status line a second until the client leaves */
	EVIL_SILENT, /* reads the request and never answers */
	EVIL_CLOSE, /* reads the request and closes without a byte of answer */
	EVIL_HUGE_LENGTH, /* a 200 that announces and sends 32 MiB */
	EVIL_HUGE_CLOSE, /* a 200 sending 32 MiB without Content-Length, ended by close */
	EVIL_BINARY, /* a body of NULs and invalid UTF-8 */
	EVIL_GARBAGE, /* bytes that are not HTTP */
	EVIL_LONG_HEADER, /* a 10,000-byte header line, then a normal ETag */
	EVIL_LONG_ETAG, /* an ETag longer than the response's field */
	EVIL_HEADER_MANY, /* 40 header lines of 4 KiB: 160 KiB of headers */
	EVIL_HEADER_FLOOD, /* a 300 KiB header line, beyond libcurl's limit */
	EVIL_REDIRECT, /* 302 to elsewhere: must not be followed */
	EVIL_FOLDED, /* a 200 whose first header is a folded line (" :"), then close: after an earlier answer
			on the same libcurl handle, libcurl 7.88.1 read a freed header */
	EVIL_SCRIPTED, /* the status and raw body set by evil_route for the request's path, else by
			  evil_answer; Content-Length, keep-alive */
};

/* A scripted answer; path "" is the default for every path without its own. */
struct evil_route {
	char path[128];
	int status;
	char *body; /* owned copy */
	size_t len;
};

struct evil {
	int fd;
	int port;
	pthread_t thread;
	atomic_int mode;
	atomic_bool stop;
	atomic_int accepts; /* connections taken */
	atomic_int requests; /* complete request heads read */
	atomic_llong body_sent;
	pthread_mutex_t lock; /* guards what follows */
	char request[4096]; /* the head of the last request */
	char path[1024]; /* its target, query included */
	char *body; /* the first EVIL_BODY_KEEP bytes of its body, NUL-terminated */
	size_t body_len;
	struct evil_route routes[EVIL_ROUTES_MAX + 1]; /* [0] is the default */
};

/* An invalid UTF-8 body with NULs, as EVIL_BINARY sends it. */
extern const unsigned char evil_binary_body[14];

/* Binds 127.0.0.1:0; returns the socket (listening when listen_too) and its port in *port. */
int bind_loopback(int *port, bool listen_too);
/* Starts the server thread in EVIL_KEEPALIVE mode; false when it could not. */
bool evil_start(struct evil *e);
/* Stops the thread, closes the socket and frees the scripted answers. */
void evil_stop(struct evil *e);
/* Switches the mode for the next requests. */
void evil_set_mode(struct evil *e, enum evil_mode mode);
/* The scripted default answer: status and len bytes of body (copied; may hold any bytes). */
void evil_answer(struct evil *e, int status, const void *body, size_t len);
/* The scripted answer for requests whose path without query is path; false when the table is full. */
bool evil_route(struct evil *e, const char *path, int status, const void *body, size_t len);
/* Drops every scripted answer (a 404 default remains). */
void evil_clear_routes(struct evil *e);
/* Copies the last request's target (query included) into out; "" when none came yet. */
void evil_last_path(struct evil *e, char *out, size_t len);
/* Copies the value of a header of the last request (name case-insensitive, value trimmed) into
 * out; false when it had none. */
bool evil_last_header(struct evil *e, const char *name, char *out, size_t len);
/* True when the last request's kept body contains needle. */
bool evil_last_body_has(struct evil *e, const char *needle);

#endif
