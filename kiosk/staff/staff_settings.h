/* Settings that staff (and the backend, for the fleet) may change on a running kiosk, and the file
 * that keeps them: DATA/settings.ini, read after the --config file so the changes survive a restart,
 * replaced atomically on every change, with the version of the last remote settings document applied
 * kept in it as a comment ("; settings_version = N").
 *
 * Every change goes through config_set (the options table's validation) and config_check (rules
 * between options), then the override file, then the live configuration, then one audit line per
 * changed key ("setting_changed", "kiosk.hall_name: old → new"). A batch is all or nothing.
 * Secrets ([backend] secret, [staff] pin_hash), the kiosk's identity and the display are never
 * changeable here, least of all remotely. Runs on the UI thread only: the sync thread hands a remote
 * document over and the app applies it here. */
#ifndef KIOSK_STAFF_STAFF_SETTINGS_H
#define KIOSK_STAFF_STAFF_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "config/config.h"

/* What a change needs beyond the new value (the app acts on it after applying). */
#define SETTING_EFFECT_SYNC 1u /* backend, sync or retention: the sync thread and query worker restart */
#define SETTING_EFFECT_BOOKING 2u /* the booking window changes for the next month grid */
#define SETTING_EFFECT_NEXT_SESSION 4u /* a default (language, theme) seen from the next visitor on */

/* The editor a setting gets in staff mode. */
enum setting_editor {
	EDITOR_TEXT, /* a text field */
	EDITOR_NUMBER, /* a number field with the numeric keypad */
	EDITOR_SWITCH, /* on/off */
	EDITOR_CHOICE, /* one of the option's choices */
	EDITOR_LANGUAGES, /* a subset of the option's choices */
	EDITOR_OFFICE, /* one office of the cached catalog, or none (the visitor chooses) */
	EDITOR_SERVICES, /* a subset of the cached catalog's services (none: all) */
};

struct staff_setting {
	const char *section, *name;
	enum setting_editor editor;
	unsigned effects;
};

/* The editable settings, in the order staff see them. */
extern const struct staff_setting staff_settings[];
extern const size_t staff_settings_count;

/* Why a value was refused, for a message in the staff's language. */
enum setting_problem {
	SETTING_OK,
	SETTING_UNKNOWN, /* no such option */
	SETTING_NOT_EDITABLE, /* declared, but not changeable here (identity, display) */
	SETTING_SECRET, /* a secret: never changeable here */
	SETTING_RANGE, /* a number out of range or not a number */
	SETTING_FORMAT, /* a URL without http(s):// */
	SETTING_LENGTH, /* too long (or too short) for the option or for one line of the file */
	SETTING_CHARS, /* control characters or ';' (which starts an INI comment) */
	SETTING_CHOICE, /* not one of the choices */
	SETTING_LANGUAGES, /* the languages offered leave out the default language */
	SETTING_NOT_SAVED, /* the override file could not be written: nothing changed */
};

struct setting_edit {
	char section[24], name[32];
	char value[CONFIG_VALUE_MAX];
};

/* The outcome of a batch: which edit failed (index, -1: none or the batch as a whole) and why. */
struct setting_result {
	int bad;
	enum setting_problem problem;
	char why[256]; /* English, for the audit log and the English screen */
	unsigned effects; /* union of the effects of the keys that changed */
	int changed; /* keys whose value changed */
};

/* The editable setting called section.name, or NULL. */
const struct staff_setting *staff_setting_find(const char *section, const char *name);
/* Checks one value as the batch would (without applying); SETTING_OK or the problem with why. */
enum setting_problem staff_setting_check(const struct config *cfg, const char *section, const char *name,
					 const char *value, char *why, size_t whylen);
/* Applies a batch from staff (origin "staff") or the backend ("remote"): validates all, writes
 * DATA_DIR/settings.ini (keeping earlier overrides and the settings version), then updates cfg and
 * audits each changed key. False with r->bad and r->problem when refused; then nothing changed. */
bool staff_settings_apply(struct config *cfg, const char *data_dir, const struct setting_edit *edits, int n,
			  const char *origin, struct setting_result *r);
/* Applies DATA_DIR/settings.ini over cfg (after --config) and reads the settings version into
 * *version (0 when none). A missing file is fine; a bad one is logged and ignored whole (cfg is
 * untouched) so a kiosk never fails to start on it. */
void staff_settings_load(struct config *cfg, const char *data_dir, int *version);

/* Applies a remote settings document {"version": N, "values": {"kiosk.hall_name": "…", …}} newer than
 * *version: each known, editable key with a valid value is applied (one audit line each); the others
 * are refused with an audit line "remote_setting_refused" each. Records the version (in the file and
 * *version) and audits "remote_settings_applied version N". Returns the effects of what changed; a
 * malformed or older document changes nothing (a malformed one is audited). */
unsigned staff_settings_apply_remote(struct config *cfg, const char *data_dir, const char *json, int *version);

#endif
