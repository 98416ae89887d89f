/* Staff export; see staff_export.h. Depends on cJSON, core/atomic_file.h, core/log.h (recent lines). */
#include "staff/staff_export.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/atomic_file.h"
#include "core/log.h"
#include "data/data_health.h"
#include "net/link_state.h"
#include "net/sync.h"
#include "staff/audit.h"

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "0.0.0"
#endif

#define PART_MAX (AUDIT_MAX_BYTES + 4096)

char *staff_health_json(const struct config *cfg, struct store *store, struct sync *sync, const char *data_dir,
			int64_t started_at, int settings_version, int64_t now)
{
	cJSON *o = cJSON_CreateObject();
	char when[40];
	audit_format_time(now, when, sizeof(when));
	cJSON_AddStringToObject(o, "exported_at", when);
	cJSON_AddStringToObject(o, "kiosk_id", config_str(cfg, "kiosk", "id"));
	cJSON_AddStringToObject(o, "hall_name", config_str(cfg, "kiosk", "hall_name"));
	cJSON_AddStringToObject(o, "location", config_str(cfg, "kiosk", "location"));
	cJSON_AddStringToObject(o, "app_version", KIOSK_APP_VERSION);
	cJSON_AddNumberToObject(o, "uptime_s", (double)(now - started_at));
	cJSON_AddBoolToObject(o, "network_link", link_state_up(NULL, 0));
	cJSON_AddStringToObject(o, "backend_url", config_str(cfg, "backend", "url"));
	if (sync) {
		struct sync_status st;
		sync_get_status(sync, &st);
		cJSON_AddBoolToObject(o, "backend_reachable", st.backend_reachable);
		cJSON_AddNumberToObject(o, "last_sync_success", (double)st.last_success_at);
		cJSON_AddStringToObject(o, "last_sync_error", st.last_error);
	}
	struct outbox_counts c;
	if (store && store_outbox_counts(store, &c)) {
		cJSON *ob = cJSON_AddObjectToObject(o, "outbox");
		for (int i = 0; ob && i < SUB_STATE_COUNT; i++)
			cJSON_AddNumberToObject(ob, submission_state_name((enum submission_state)i), c.by_state[i]);
		cJSON_AddNumberToObject(o, "oldest_pending_age_s",
					c.oldest_pending_created ? (double)(now - c.oldest_pending_created) : 0);
	}
	struct data_health dh;
	data_health_collect(store, data_dir, &dh);
	cJSON *ages = cJSON_AddObjectToObject(o, "reference_age_s");
	for (int i = 0; ages && i < DATA_HEALTH_KINDS; i++) {
		if (dh.fetched_at[i])
			cJSON_AddNumberToObject(ages, data_health_kinds[i], (double)(now - dh.fetched_at[i]));
	}
	cJSON_AddNumberToObject(o, "disk_free_bytes", (double)dh.disk_free_bytes);
	cJSON_AddNumberToObject(o, "db_bytes", (double)dh.db_bytes);
	cJSON_AddNumberToObject(o, "settings_version", settings_version);
	char *text = cJSON_Print(o);
	cJSON_Delete(o);
	return text;
}

/* Appends "# title" and the file's text (or a note that it is absent) to buf. */
static bool append_part(char **buf, size_t *used, size_t *cap, const char *title, const char *text)
{
	size_t need = strlen(title) + strlen(text) + 8;
	if (*used + need + 1 > *cap) {
		size_t next = (*used + need + 1) * 2;
		char *grown = realloc(*buf, next);
		if (!grown)
			return false;
		*buf = grown;
		*cap = next;
	}
	*used += (size_t)snprintf(*buf + *used, *cap - *used, "# %s\n%s%s\n", title, text,
				  text[0] && text[strlen(text) - 1] != '\n' ? "\n" : "");
	return true;
}

static bool append_file(char **buf, size_t *used, size_t *cap, const char *data_dir, const char *name)
{
	char path[1100];
	snprintf(path, sizeof(path), "%s/%s", data_dir, name);
	char *text = atomic_file_read(path, PART_MAX, NULL);
	bool ok = append_part(buf, used, cap, name, text ? text : "(none)\n");
	free(text);
	return ok;
}

bool staff_export(const char *data_dir, const char *dest_dir, const char *kiosk_id, const char *health_json,
		  int64_t now, char *name, size_t name_len, char *err, size_t errlen)
{
	struct stat st;
	if (!dest_dir[0] || dest_dir[0] != '/') {
		snprintf(err, errlen, "the export directory must be an absolute path");
		return false;
	}
	if (stat(dest_dir, &st) != 0) {
		snprintf(err, errlen, "%s: %s", dest_dir, errno == ENOENT ? "no such directory (is the USB stick in?)" : strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a directory", dest_dir);
		return false;
	}
	char stamp[32], safe_id[65], path[1200];
	time_t local = (time_t)(now + 8 * 3600);
	struct tm tm;
	gmtime_r(&local, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	size_t k = 0;
	for (const char *p = kiosk_id; *p && k + 1 < sizeof(safe_id); p++) /* a file name: no '/' or spaces */
		safe_id[k++] = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ? *p : '_';
	safe_id[k] = '\0';
	snprintf(name, name_len, "kiosk-%s-%s.txt", safe_id, stamp);
	snprintf(path, sizeof(path), "%s/%s", dest_dir, name);

	size_t cap = 64 * 1024, used = 0;
	char *buf = malloc(cap);
	char *recent = malloc(LOG_RECENT_LINES * 300);
	bool ok = buf && recent;
	if (ok) {
		buf[0] = '\0';
		log_recent(recent, LOG_RECENT_LINES * 300);
		ok = append_part(&buf, &used, &cap, "health.json", health_json ? health_json : "{}") &&
		     append_file(&buf, &used, &cap, data_dir, "audit.log.1") &&
		     append_file(&buf, &used, &cap, data_dir, "audit.log") &&
		     append_part(&buf, &used, &cap, "recent log lines", recent);
		if (!ok)
			snprintf(err, errlen, "out of memory");
	} else {
		snprintf(err, errlen, "out of memory");
	}
	if (ok)
		ok = atomic_file_write(path, buf, used, 0644, err, errlen);
	free(buf);
	free(recent);
	return ok;
}
