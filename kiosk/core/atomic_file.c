/* Atomic small-file replacement; see atomic_file.h. POSIX only (open, fsync, rename). */
#include "core/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void atomic_file_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* The directory part of path ("." when it has none). */
static void dir_of(const char *path, char *out, size_t len)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(out, len, ".");
	else if (slash == path)
		snprintf(out, len, "/");
	else
		snprintf(out, len, "%.*s", (int)(slash - path), path);
}

void atomic_file_sync_parent(const char *path)
{
	char dir[1024];
	dir_of(path, dir, sizeof(dir));
	atomic_file_sync_dir(dir);
}

bool atomic_file_write(const char *path, const void *data, size_t len, mode_t mode, char *err, size_t errlen)
{
	bool ok = false;
	char tmp[1100];
	int fd = -1;
	if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp)) {
		snprintf(err, errlen, "%s: path too long", path);
		return false;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", tmp, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0) { /* a leftover temporary file may have had another mode */
		snprintf(err, errlen, "%s: cannot set its mode: %s", tmp, strerror(errno));
		goto out;
	}
	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
			goto out;
		}
		p += n;
		left -= (size_t)n;
	}
	if (fsync(fd) != 0) {
		snprintf(err, errlen, "%s: cannot flush: %s", tmp, strerror(errno));
		goto out;
	}
	if (close(fd) != 0) {
		fd = -1;
		snprintf(err, errlen, "%s: cannot close: %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: cannot replace: %s", path, strerror(errno));
		goto out;
	}
	atomic_file_sync_parent(path);
	ok = true;
out:
	if (fd >= 0)
		close(fd);
	if (!ok)
		unlink(tmp);
	return ok;
}

char *atomic_file_read(const char *path, size_t max, size_t *len)
{
	char *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf = malloc(max + 1);
	if (!buf) {
		fclose(f);
		errno = ENOMEM;
		return NULL;
	}
	size_t n = fread(buf, 1, max + 1, f);
	bool bad = ferror(f) != 0;
	fclose(f);
	if (bad || n > max) {
		free(buf);
		errno = bad ? EIO : EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
