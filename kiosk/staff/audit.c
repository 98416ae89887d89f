/* The staff audit log; see audit.h. Depends on cJSON (escaping), app/clock.h and core/utf8.h. */
#include "staff/audit.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/clock.h"
#include "core/atomic_file.h"
#include "core/log.h"
#include "core/utf8.h"

void audit_scrub(const char *in, char *out, size_t len)
{
	if (!len)
		return;
	size_t o = 0;
	for (size_t i = 0; in && in[i] && o + 1 < len;) {
		size_t run = 0;
		while (in[i + run] >= '0' && in[i + run] <= '9')
			run++;
		if (run == 0) {
			out[o++] = in[i++];
			continue;
		}
		for (size_t k = 0; k < run && o + 1 < len; k++, i++)
			out[o++] = run >= 6 ? '*' : in[i];
	}
	out[o] = '\0';
}

void audit_format_time(long long t, char *out, size_t len)
{
	time_t local = (time_t)(t + 8 * 3600);
	struct tm tm;
	gmtime_r(&local, &tm);
	char when[32];
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, len, "%s+08:00", when);
}

/* Moves audit.log to audit.log.1 when adding `adding` bytes would pass the bound. */
static void rotate_if_full(const char *path, const char *old_path, const char *dir, size_t adding)
{
	struct stat st;
	if (stat(path, &st) != 0 || (size_t)st.st_size + adding <= AUDIT_MAX_BYTES)
		return;
	if (rename(path, old_path) != 0)
		kiosk_log_errno(LOG_ERROR, "audit: cannot rotate %s", path);
	else
		atomic_file_sync_dir(dir);
}

bool audit_write(const char *data_dir, const char *action, const char *outcome, const char *detail)
{
	bool ok = false;
	char path[1024], old_path[1040], when[40], clean[AUDIT_DETAIL_MAX + 1], cut[AUDIT_DETAIL_MAX + 1];
	char *line = NULL;
	int fd = -1;
	if (!data_dir) {
		kiosk_log(LOG_ERROR, "audit: no data directory: %s %s not recorded", action, outcome);
		return false;
	}
	snprintf(path, sizeof(path), "%s/audit.log", data_dir);
	snprintf(old_path, sizeof(old_path), "%s.1", path);
	audit_format_time((long long)clock_wall(), when, sizeof(when));
	utf8_copy(cut, sizeof(cut), detail ? detail : "");
	audit_scrub(cut, clean, sizeof(clean));
	cJSON *o = cJSON_CreateObject();
	if (!o || !cJSON_AddStringToObject(o, "at", when) || !cJSON_AddStringToObject(o, "action", action) ||
	    !cJSON_AddStringToObject(o, "outcome", outcome) || !cJSON_AddStringToObject(o, "detail", clean))
		goto out;
	char *json = cJSON_PrintUnformatted(o);
	if (!json)
		goto out;
	size_t n = strlen(json);
	line = malloc(n + 2);
	if (!line) {
		cJSON_free(json);
		goto out;
	}
	memcpy(line, json, n);
	line[n++] = '\n';
	line[n] = '\0';
	cJSON_free(json);
	rotate_if_full(path, old_path, data_dir, n);
	bool created = access(path, F_OK) != 0;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		kiosk_log_errno(LOG_ERROR, "audit: cannot open %s", path);
		goto out;
	}
	/* One write of the whole line with O_APPEND: a line is never interleaved or half there. */
	ssize_t w;
	do
		w = write(fd, line, n);
	while (w < 0 && errno == EINTR);
	if (w != (ssize_t)n || fsync(fd) != 0) {
		kiosk_log_errno(LOG_ERROR, "audit: cannot write %s", path);
		goto out;
	}
	if (created)
		atomic_file_sync_dir(data_dir);
	ok = true;
out:
	if (fd >= 0)
		close(fd);
	free(line);
	cJSON_Delete(o);
	return ok;
}
