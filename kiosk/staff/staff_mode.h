/* Staff mode as the screens and the app share it: whether the PIN was accepted, what the staff screens
 * ask of the app (enter, leave, quit to the desktop, act on changed settings), the PIN and lockout
 * state, handled help requests and the settings version. The app owns it and acts on `request` and
 * `effects` after each UI pass; staff screens change the configuration only through
 * staff_mode_apply, on the UI thread. */
#ifndef KIOSK_STAFF_STAFF_MODE_H
#define KIOSK_STAFF_STAFF_MODE_H

#include <stdbool.h>
#include <stdint.h>

#include "config/config.h"
#include "staff/help_handled.h"
#include "staff/staff_auth.h"
#include "staff/staff_settings.h"

enum staff_request {
	STAFF_REQUEST_NONE,
	STAFF_REQUEST_ENTER, /* the PIN was accepted: open the staff home */
	STAFF_REQUEST_LEAVE, /* end staff mode: wipe, attract screen */
	STAFF_REQUEST_QUIT, /* exit to the desktop (allowed and confirmed) */
};

struct staff_mode {
	const char *data_dir; /* borrowed; NULL without --data (staff mode is then refused) */
	struct config *cfg; /* the app's live configuration (borrowed) */
	struct staff_auth auth;
	struct help_handled handled;
	bool active; /* the PIN was accepted; until the session ends */
	enum staff_request request; /* for the app after this pass */
	unsigned effects; /* SETTING_EFFECT_* the app has yet to act on */
	int settings_version; /* of the remote settings document applied last */
	int64_t started_at; /* wall clock when the kiosk started (uptime) */
};

/* Sets up from the data directory (lockout state, handled help requests); cfg is borrowed. */
void staff_mode_init(struct staff_mode *sm, const char *data_dir, struct config *cfg, int settings_version,
		     int64_t started_at);
/* True when staff mode can be entered at all: a data directory and a provisioned PIN. */
bool staff_mode_available(struct staff_mode *sm);
/* Checks the PIN for entry at wall time now; on success staff mode is active and the app is asked to
 * open the staff home. */
enum staff_pin_result staff_mode_enter(struct staff_mode *sm, const char *pin, int64_t now);
/* Ends staff mode (audited "staff_exit" with how: "button", "idle"). */
void staff_mode_leave(struct staff_mode *sm, const char *how);
/* Exit to the desktop: only when [staff] allow_exit is on and staff mode is active (audited). */
bool staff_mode_quit(struct staff_mode *sm);
/* Applies staff edits (see staff_settings_apply); effects accumulate for the app. */
bool staff_mode_apply(struct staff_mode *sm, const struct setting_edit *edits, int n, struct setting_result *r);

#endif
