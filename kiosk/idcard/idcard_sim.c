/* The simulated readers, for tests, demos and staff training: a card is "presented" by writing its
 * record (one JSON object, docs/idcard.md) into a file or sending it to a socket.
 *   file:/path    the file is read once per new write: inotify on its directory reports each writer
 *                 closing it (IN_CLOSE_WRITE) or a file renamed onto it (IN_MOVED_TO). What the file
 *                 held when the reader opened is not a new card. The directory must exist.
 *   socket:/path  the kiosk binds a Unix datagram socket there (mode 0600: only the kiosk's user, or
 *                 root, can swipe), one record a datagram; a stale socket left by a crash is replaced,
 *                 one another process is bound to, or any other file at the path, is refused. The
 *                 socket is removed on close.
 * Neither blocks: both descriptors are non-blocking and a poll reads what is there. Linux only
 * (inotify). A record larger than IDCARD_JSON_MAX is refused whole, never cut. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/secure.h"
#include "idcard/idcard.h"

/* ---- file ---- */

struct file_reader {
	int inotify; /* watches the directory */
	char dir[PATH_MAX];
	char base[NAME_MAX + 1];
	char path[PATH_MAX];
};

static void *file_open(const char *arg, char *err, size_t errlen)
{
	struct file_reader *f = calloc(1, sizeof(*f));
	if (!f) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	f->inotify = -1;
	const char *slash = strrchr(arg, '/');
	if (!slash || strlen(arg) >= sizeof(f->path) || strlen(slash + 1) > NAME_MAX || !slash[1]) {
		snprintf(err, errlen, "file: the path is too long or names no file");
		goto fail;
	}
	size_t dir_len = slash == arg ? 1 : (size_t)(slash - arg);
	snprintf(f->path, sizeof(f->path), "%s", arg);
	snprintf(f->dir, sizeof(f->dir), "%.*s", (int)dir_len, arg);
	snprintf(f->base, sizeof(f->base), "%s", slash + 1);
	f->inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (f->inotify < 0) {
		snprintf(err, errlen, "file: inotify: %s", strerror(errno));
		goto fail;
	}
	if (inotify_add_watch(f->inotify, f->dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR) < 0) {
		snprintf(err, errlen, "file: cannot watch the directory %s: %s", f->dir, strerror(errno));
		goto fail;
	}
	return f;
fail:
	if (f->inotify >= 0)
		close(f->inotify);
	free(f);
	return NULL;
}

/* Reads the record file into buf (at most IDCARD_JSON_MAX bytes); its length, 0 for an empty file,
 * -1 with why on failure. */
static long read_record(const char *path, char *buf, size_t cap, char *why, size_t whylen)
{
	long result = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0) {
		snprintf(why, whylen, "file: cannot open the record: %s", strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "file: the record is not a regular file");
		goto out;
	}
	size_t len = 0;
	for (;;) {
		ssize_t n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(why, whylen, "file: cannot read the record: %s", strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len == cap) {
			snprintf(why, whylen, "file: a record is at most %d bytes", IDCARD_JSON_MAX);
			goto out;
		}
	}
	result = (long)len;
out:
	if (fd >= 0)
		close(fd);
	return result;
}

static enum idcard_poll file_poll(void *drv, uint64_t now_ms, struct idcard_record *out, char *why, size_t whylen)
{
	struct file_reader *f = drv;
	(void)now_ms;
	_Alignas(struct inotify_event) char events[4096];
	bool written = false;
	for (;;) {
		ssize_t n = read(f->inotify, events, sizeof(events));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		for (char *p = events; p < events + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			if (e->len && strcmp(e->name, f->base) == 0 && (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)))
				written = true;
			if (e->mask & IN_IGNORED) { /* the directory went away: nothing more will come */
				snprintf(why, whylen, "file: the directory %s is gone", f->dir);
				return IDCARD_POLL_GONE;
			}
			p += sizeof(*e) + e->len;
		}
	}
	if (!written)
		return IDCARD_POLL_NONE;
	char buf[IDCARD_JSON_MAX + 1];
	enum idcard_poll result = IDCARD_POLL_UNREADABLE;
	long len = read_record(f->path, buf, sizeof(buf), why, whylen);
	char err[160];
	if (len == 0) /* emptied (": > file"): no card */
		result = IDCARD_POLL_NONE;
	else if (len > 0 && idcard_record_from_json(buf, (size_t)len, out, err, sizeof(err)))
		result = IDCARD_POLL_CARD;
	else if (len > 0)
		snprintf(why, whylen, "file: the record: %s", err);
	secure_wipe(buf, sizeof(buf));
	return result;
}

static int file_wait(void *drv, uint64_t now_ms, int *timeout_ms)
{
	(void)now_ms;
	*timeout_ms = -1;
	return ((struct file_reader *)drv)->inotify;
}

static bool always_live(void *drv)
{
	(void)drv;
	return true;
}

static void file_close(void *drv)
{
	struct file_reader *f = drv;
	close(f->inotify);
	free(f);
}

const struct idcard_driver idcard_file_driver = {"file", file_open, file_poll, file_wait, always_live, file_close};

/* ---- socket ---- */

struct socket_reader {
	int fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
};

/* True when a process is bound to the socket at addr (a stale one refuses the connection). */
static bool socket_in_use(const struct sockaddr_un *addr)
{
	int probe = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	bool used = probe >= 0 && connect(probe, (const struct sockaddr *)addr, sizeof(*addr)) == 0;
	if (probe >= 0)
		close(probe);
	return used;
}

static void *socket_open(const char *arg, char *err, size_t errlen)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	struct socket_reader *s = calloc(1, sizeof(*s));
	struct stat st;
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->fd = -1;
	if (strlen(arg) >= sizeof(addr.sun_path)) {
		snprintf(err, errlen, "socket: the path is longer than %zu bytes", sizeof(addr.sun_path) - 1);
		goto fail;
	}
	snprintf(s->path, sizeof(s->path), "%s", arg);
	memcpy(addr.sun_path, arg, strlen(arg) + 1);
	if (lstat(arg, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			snprintf(err, errlen, "socket: %s exists and is not a socket (not replaced)", arg);
			goto fail;
		}
		if (socket_in_use(&addr)) {
			snprintf(err, errlen, "socket: %s is in use by another process", arg);
			goto fail;
		}
		unlink(arg); /* left by an earlier run that did not end cleanly */
	}
	s->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s->fd < 0) {
		snprintf(err, errlen, "socket: %s", strerror(errno));
		goto fail;
	}
	mode_t old = umask(0177); /* created 0600: no window in which others could connect */
	int rc = bind(s->fd, (struct sockaddr *)&addr, sizeof(addr));
	umask(old);
	if (rc != 0) {
		snprintf(err, errlen, "socket: cannot bind %s: %s", arg, strerror(errno));
		goto fail;
	}
	return s;
fail:
	if (s->fd >= 0)
		close(s->fd);
	free(s);
	return NULL;
}

static enum idcard_poll socket_poll(void *drv, uint64_t now_ms, struct idcard_record *out, char *why, size_t whylen)
{
	struct socket_reader *s = drv;
	(void)now_ms;
	char buf[IDCARD_JSON_MAX + 1];
	char err[160];
	/* one datagram a poll; the descriptor stays readable while more wait */
	ssize_t n = recv(s->fd, buf, sizeof(buf), MSG_TRUNC);
	enum idcard_poll result = IDCARD_POLL_NONE;
	if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
		snprintf(why, whylen, "socket: %s", strerror(errno));
		result = IDCARD_POLL_FAULT;
	} else if (n > IDCARD_JSON_MAX) {
		snprintf(why, whylen, "socket: a record is at most %d bytes, one had %zd", IDCARD_JSON_MAX, n);
		result = IDCARD_POLL_UNREADABLE;
	} else if (n > 0) {
		if (idcard_record_from_json(buf, (size_t)n, out, err, sizeof(err))) {
			result = IDCARD_POLL_CARD;
		} else {
			snprintf(why, whylen, "socket: the record: %s", err);
			result = IDCARD_POLL_UNREADABLE;
		}
	}
	secure_wipe(buf, sizeof(buf));
	return result;
}

static int socket_wait(void *drv, uint64_t now_ms, int *timeout_ms)
{
	(void)now_ms;
	*timeout_ms = -1;
	return ((struct socket_reader *)drv)->fd;
}

static void socket_close(void *drv)
{
	struct socket_reader *s = drv;
	close(s->fd);
	unlink(s->path);
	free(s);
}

const struct idcard_driver idcard_socket_driver = {"socket", socket_open, socket_poll, socket_wait, always_live,
						   socket_close};
