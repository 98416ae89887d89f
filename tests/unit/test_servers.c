/* Test servers; see test_servers.h. */
#include "test_servers.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long long test_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the backend stub, in its own temporary directory on an ephemeral port ---- */

bool stub_start(struct stub *s, const char *stub_path)
{
	char db[128], line[256] = "";
	size_t len = 0;
	int fds[2];
	snprintf(s->dir, sizeof(s->dir), "/tmp/kiosk-stub-XXXXXX");
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
		execl(stub_path, stub_path, "--listen", "127.0.0.1:0", "--db", db, "--seed", "demo", "--kiosk",
		      TEST_KIOSK_ID ":" TEST_SECRET, (char *)NULL);
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

void test_remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[400];
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

void stub_stop(struct stub *s)
{
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
			;
		s->pid = 0;
	}
	if (s->dir[0] != '\0')
		test_remove_dir(s->dir);
}

/* ---- a hostile server: one thread, one connection at a time, the answer chosen by mode ---- */

const unsigned char evil_binary_body[14] = {0x00, 0xff, 0xfe, 0xc0, 0x80, 'a',	0x00,
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

/* The value of header name in a request head (CRLF lines), trimmed, into out; false when absent. */
static bool header_value(const char *head, const char *name, char *out, size_t len)
{
	size_t n = strlen(name);
	const char *line = strstr(head, "\r\n");
	while (line != NULL) {
		line += 2;
		const char *end = strstr(line, "\r\n");
		if (end == NULL || end == line)
			return false;
		if ((size_t)(end - line) > n && strncasecmp(line, name, n) == 0 && line[n] == ':') {
			const char *v = line + n + 1;
			while (v < end && (*v == ' ' || *v == '\t'))
				v++;
			const char *ve = end;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			snprintf(out, len, "%.*s", (int)(ve - v), v);
			return true;
		}
		line = end;
	}
	return false;
}

/* Reads the rest of a body of total bytes (have of them already in kept), keeping the first
 * EVIL_BODY_KEEP; false when the client left or was too slow. */
static bool read_body(int fd, char *kept, size_t have, long long total)
{
	char chunk[16384];
	long long got = (long long)have;
	while (got < total) {
		if (!client_moved(fd, 5000))
			return false;
		ssize_t r = recv(fd, chunk, sizeof(chunk), 0);
		if (r <= 0)
			return false;
		if (got < EVIL_BODY_KEEP) {
			size_t room = (size_t)(EVIL_BODY_KEEP - got);
			memcpy(kept + got, chunk, (size_t)r < room ? (size_t)r : room);
		}
		got += r;
	}
	return true;
}

/* Reads one request (head, and the body its Content-Length announces) and records it; false when
 * the client left or was too slow. */
static bool read_request(struct evil *e, int fd)
{
	char buf[sizeof(e->request)], value[32], path[sizeof(e->path)] = "";
	size_t len = 0;
	char *end = NULL;
	while (end == NULL) {
		if (len + 1 >= sizeof(buf) || !client_moved(fd, 5000))
			return false;
		ssize_t r = recv(fd, buf + len, sizeof(buf) - 1 - len, 0);
		if (r <= 0)
			return false;
		len += (size_t)r;
		buf[len] = '\0';
		end = strstr(buf, "\r\n\r\n");
	}
	size_t head_len = (size_t)(end - buf) + 4;
	long long total = 0;
	if (header_value(buf, "Content-Length", value, sizeof(value)))
		total = atoll(value);
	if (total < 0)
		return false;
	size_t keep = total < EVIL_BODY_KEEP ? (size_t)total : EVIL_BODY_KEEP;
	char *body = calloc(1, keep + 1);
	if (body == NULL)
		return false;
	size_t have = len - head_len < (size_t)total ? len - head_len : (size_t)total;
	memcpy(body, buf + head_len, have < keep ? have : keep);
	if (!read_body(fd, body, have, total)) {
		free(body);
		return false;
	}
	buf[head_len] = '\0';
	const char *target = strchr(buf, ' ');
	if (target != NULL) {
		target++;
		size_t n = strcspn(target, " \r\n");
		snprintf(path, sizeof(path), "%.*s", (int)n, target);
	}
	pthread_mutex_lock(&e->lock);
	memcpy(e->request, buf, head_len + 1);
	memcpy(e->path, path, sizeof(path));
	free(e->body);
	e->body = body;
	e->body_len = keep;
	pthread_mutex_unlock(&e->lock);
	atomic_fetch_add(&e->requests, 1);
	return true;
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

/* Sends the scripted answer for the last request's path; true when sent whole. */
static bool answer_scripted(struct evil *e, int fd)
{
	char head[256];
	const struct evil_route *route = &e->routes[0];
	pthread_mutex_lock(&e->lock);
	size_t plen = strcspn(e->path, "?");
	for (int i = 1; i <= EVIL_ROUTES_MAX; i++) {
		const char *p = e->routes[i].path;
		if (p[0] != '\0' && strlen(p) == plen && strncmp(p, e->path, plen) == 0) {
			route = &e->routes[i];
			break;
		}
	}
	int status = route->status;
	size_t len = route->len;
	char *body = len ? malloc(len) : NULL;
	if (body != NULL)
		memcpy(body, route->body, len);
	pthread_mutex_unlock(&e->lock);
	if (len && body == NULL)
		return false;
	snprintf(head, sizeof(head),
		 "HTTP/1.1 %d Scripted\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n", status,
		 len);
	bool ok = send_str(fd, head) && send_all(fd, body, len);
	if (ok)
		atomic_fetch_add(&e->body_sent, (long long)len);
	free(body);
	return ok;
}

/* Answers one request; true when the connection may serve another. */
static bool answer(struct evil *e, int fd)
{
	static const char garbage[] = "\x16\x03\x01\x00 this is not HTTP\r\n\x00\xff\xfe\r\n\r\nmore garbage";
	static const char slow_head[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
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
	case EVIL_TRICKLE_HEAD:
		for (size_t i = 0; i < sizeof(slow_head) - 1 && !atomic_load(&e->stop); i++) {
			if (!send_all(fd, slow_head + i, 1) || client_moved(fd, 1000))
				break;
			atomic_fetch_add(&e->body_sent, 1);
		}
		return false;
	case EVIL_SILENT:
		client_moved(fd, 20000);
		return false;
	case EVIL_CLOSE:
		return false;
	case EVIL_HUGE_LENGTH:
		snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nContent-Length: %lld\r\n\r\n", EVIL_HUGE_BODY);
		send_str(fd, head);
		send_filler(e, fd, 'h', EVIL_HUGE_BODY);
		return false;
	case EVIL_HUGE_CLOSE:
		send_str(fd, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
		send_filler(e, fd, 'c', EVIL_HUGE_BODY);
		return false;
	case EVIL_BINARY:
		snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
					     "Content-Length: %zu\r\nConnection: close\r\n\r\n",
			 sizeof(evil_binary_body));
		send_str(fd, head);
		send_all(fd, evil_binary_body, sizeof(evil_binary_body));
		return false;
	case EVIL_GARBAGE:
		send_all(fd, garbage, sizeof(garbage) - 1);
		return false;
	case EVIL_FOLDED:
		send_str(fd, "HTTP/1.1 200 OK\r\n :\r\nContent-Length: 0\r\n\r\n");
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
	case EVIL_SCRIPTED:
		return answer_scripted(e, fd);
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

int bind_loopback(int *port, bool listen_too)
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

bool evil_start(struct evil *e)
{
	memset(e, 0, sizeof(*e));
	pthread_mutex_init(&e->lock, NULL);
	evil_clear_routes(e);
	e->fd = bind_loopback(&e->port, true);
	if (e->fd >= 0 && pthread_create(&e->thread, NULL, evil_run, e) == 0)
		return true;
	if (e->fd >= 0)
		close(e->fd);
	e->fd = -1;
	return false;
}

void evil_stop(struct evil *e)
{
	if (e->fd < 0)
		return;
	atomic_store(&e->stop, true);
	pthread_join(e->thread, NULL);
	close(e->fd);
	e->fd = -1;
	for (int i = 0; i <= EVIL_ROUTES_MAX; i++)
		free(e->routes[i].body);
	free(e->body);
	e->body = NULL;
	pthread_mutex_destroy(&e->lock);
}

void evil_set_mode(struct evil *e, enum evil_mode mode)
{
	atomic_store(&e->mode, mode);
}

/* Replaces one route (the caller holds the lock); false when out of memory. */
static bool set_route(struct evil_route *r, const char *path, int status, const void *body, size_t len)
{
	char *copy = len ? malloc(len) : NULL;
	if (len && copy == NULL)
		return false;
	if (len)
		memcpy(copy, body, len);
	free(r->body);
	snprintf(r->path, sizeof(r->path), "%s", path);
	r->status = status;
	r->body = copy;
	r->len = len;
	return true;
}

void evil_answer(struct evil *e, int status, const void *body, size_t len)
{
	pthread_mutex_lock(&e->lock);
	set_route(&e->routes[0], "", status, body, len);
	pthread_mutex_unlock(&e->lock);
}

bool evil_route(struct evil *e, const char *path, int status, const void *body, size_t len)
{
	bool ok = false;
	pthread_mutex_lock(&e->lock);
	for (int i = 1; i <= EVIL_ROUTES_MAX && !ok; i++) {
		if (e->routes[i].path[0] == '\0' || strcmp(e->routes[i].path, path) == 0)
			ok = set_route(&e->routes[i], path, status, body, len);
	}
	pthread_mutex_unlock(&e->lock);
	return ok;
}

void evil_clear_routes(struct evil *e)
{
	static const char not_found[] = "{\"error\":{\"code\":\"not_found\",\"message\":\"no such path\"}}";
	pthread_mutex_lock(&e->lock);
	for (int i = 1; i <= EVIL_ROUTES_MAX; i++)
		set_route(&e->routes[i], "", 0, NULL, 0);
	set_route(&e->routes[0], "", 404, not_found, sizeof(not_found) - 1);
	pthread_mutex_unlock(&e->lock);
}

void evil_last_path(struct evil *e, char *out, size_t len)
{
	pthread_mutex_lock(&e->lock);
	snprintf(out, len, "%s", e->path);
	pthread_mutex_unlock(&e->lock);
}

bool evil_last_header(struct evil *e, const char *name, char *out, size_t len)
{
	pthread_mutex_lock(&e->lock);
	bool found = header_value(e->request, name, out, len);
	pthread_mutex_unlock(&e->lock);
	return found;
}

bool evil_last_body_has(struct evil *e, const char *needle)
{
	pthread_mutex_lock(&e->lock);
	bool found = e->body != NULL && strstr(e->body, needle) != NULL;
	pthread_mutex_unlock(&e->lock);
	return found;
}
