/* Staff mode state; see staff_mode.h. */
#include "staff/staff_mode.h"

#include <string.h>

#include "core/log.h"
#include "staff/audit.h"

void staff_mode_init(struct staff_mode *sm, const char *data_dir, struct config *cfg, int settings_version,
		     int64_t started_at)
{
	memset(sm, 0, sizeof(*sm));
	sm->data_dir = data_dir;
	sm->cfg = cfg;
	sm->settings_version = settings_version;
	sm->started_at = started_at;
	staff_auth_init(&sm->auth, data_dir, config_str(cfg, "staff", "pin_hash"));
	help_handled_load(&sm->handled, data_dir);
}

bool staff_mode_available(struct staff_mode *sm)
{
	/* The provisioning file's hash may have been changed since start (not remotely: a secret). */
	snprintf(sm->auth.config_hash, sizeof(sm->auth.config_hash), "%s", config_str(sm->cfg, "staff", "pin_hash"));
	return sm->data_dir && staff_auth_provisioned(&sm->auth);
}

enum staff_pin_result staff_mode_enter(struct staff_mode *sm, const char *pin, int64_t now)
{
	if (!sm->data_dir)
		return STAFF_PIN_UNPROVISIONED;
	enum staff_pin_result r = staff_auth_check(&sm->auth, pin, now);
	if (r == STAFF_PIN_OK) {
		sm->active = true;
		sm->request = STAFF_REQUEST_ENTER;
		kiosk_log(LOG_INFO, "staff mode entered");
	}
	return r;
}

void staff_mode_leave(struct staff_mode *sm, const char *how)
{
	if (sm->active) {
		audit_write(sm->data_dir, "staff_exit", how, NULL);
		kiosk_log(LOG_INFO, "staff mode ended (%s)", how);
	}
	sm->active = false;
	sm->request = STAFF_REQUEST_LEAVE;
}

bool staff_mode_quit(struct staff_mode *sm)
{
	if (!sm->active || !config_bool(sm->cfg, "staff", "allow_exit"))
		return false;
	audit_write(sm->data_dir, "exit_to_desktop", "ok", NULL);
	kiosk_log(LOG_INFO, "staff chose to exit to the desktop");
	sm->request = STAFF_REQUEST_QUIT;
	return true;
}

bool staff_mode_apply(struct staff_mode *sm, const struct setting_edit *edits, int n, struct setting_result *r)
{
	if (!sm->active) {
		memset(r, 0, sizeof(*r));
		r->bad = -1;
		r->problem = SETTING_NOT_SAVED;
		return false;
	}
	bool ok = staff_settings_apply(sm->cfg, sm->data_dir, edits, n, "staff", r);
	if (ok)
		sm->effects |= r->effects;
	return ok;
}
