/* Data health; see data_health.h. */
#include "data/data_health.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

const char *const data_health_kinds[DATA_HEALTH_KINDS] = {"services", "offices", "programmes", "projects", "texts"};

static int64_t file_size(const char *data_dir, const char *name)
{
	char path[1100];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", data_dir, name);
	return stat(path, &st) == 0 ? (int64_t)st.st_size : -1;
}

void data_health_collect(struct store *store, const char *data_dir, struct data_health *out)
{
	memset(out, 0, sizeof(*out));
	out->disk_free_bytes = out->db_bytes = -1;
	if (data_dir) {
		struct statvfs vs;
		if (statvfs(data_dir, &vs) == 0)
			out->disk_free_bytes = (int64_t)vs.f_bavail * (int64_t)vs.f_frsize;
		int64_t db = file_size(data_dir, "kiosk.db"), wal = file_size(data_dir, "kiosk.db-wal");
		if (db >= 0)
			out->db_bytes = db + (wal > 0 ? wal : 0);
	}
	for (int i = 0; store && i < DATA_HEALTH_KINDS; i++) {
		int64_t at = 0;
		if (store_ref_stamp(store, data_health_kinds[i], &at) && at > 0) {
			out->fetched_at[i] = at;
			if (!out->oldest_fetched_at || at < out->oldest_fetched_at)
				out->oldest_fetched_at = at;
		}
	}
}
