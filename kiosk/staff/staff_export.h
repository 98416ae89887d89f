/* Staff's export to a USB stick: one text file kiosk-ID-YYYYMMDD-HHMMSS.txt in a directory staff
 * name (default /media/usb), holding a health summary (JSON, no personal data), the audit log (the
 * rotated part first) and the kiosk's most recent log lines. Written atomically and flushed, so
 * pulling the stick right after "导出成功" loses nothing. The export itself is audited by the caller. */
#ifndef KIOSK_STAFF_STAFF_EXPORT_H
#define KIOSK_STAFF_STAFF_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"
#include "data/store.h"

struct sync;

/* The health summary as JSON (malloc'd; free() it): id, name, location, version, uptime, network
 * link, backend reachability, last sync, outbox counts and oldest pending age, reference data ages,
 * disk, database size, settings version. store and sync may be NULL. */
char *staff_health_json(const struct config *cfg, struct store *store, struct sync *sync, const char *data_dir,
			int64_t started_at, int settings_version, int64_t now);
/* Writes the export file into dest_dir; name gets the file's name. False with a reason in err. */
bool staff_export(const char *data_dir, const char *dest_dir, const char *kiosk_id, const char *health_json,
		  int64_t now, char *name, size_t name_len, char *err, size_t errlen);

#endif
