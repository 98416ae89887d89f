/* Every configuration option of the kiosk, declared once: section, key, type, range, default, help.
 * config.c validates against this table; --check-config prints it. Keep the help text short and
 * in the words staff would use. */
#include "config/config.h"

static const char *const languages[] = {"zh-Hans", "zh-Hant", "en", NULL};
static const char *const themes[] = {"standard", "large", "high-contrast", NULL};
static const char *const renderers[] = {"auto", "software", "accelerated", NULL};
static const char *const log_levels[] = {"error", "warn", "info", "debug", NULL};
static const char *const paper_widths[] = {"58mm", "80mm", NULL};

const struct option_def options_table[] = {
	{"kiosk", "id", OPTION_STRING, 1, 64, "unprovisioned", NULL,
	 "Kiosk identity known to the backend (X-Kiosk-Id)."},
	{"kiosk", "hall_name", OPTION_STRING, 0, 128, "", NULL,
	 "Hall name on the home and attract screens (empty: the district hall, in the visitor's language)."},
	{"kiosk", "language", OPTION_ENUM, 0, 0, "zh-Hans", languages,
	 "Default language a new visitor sees: zh-Hans, zh-Hant or en."},
	{"kiosk", "theme", OPTION_ENUM, 0, 0, "standard", themes,
	 "Default theme a new visitor sees: standard, large or high-contrast."},
	{"kiosk", "languages", OPTION_LIST, 1, 0, "zh-Hans zh-Hant en", languages,
	 "Languages offered on the language switch, separated by spaces; must include the default language."},
	{"kiosk", "location", OPTION_STRING, 0, 128, "", NULL,
	 "Where the kiosk stands (e.g. the hall's ground floor), for staff and the backend's fleet view."},
	{"kiosk", "attract_text", OPTION_STRING, 0, 120, "", NULL,
	 "Line under the hall name on the attract screen (empty: the usual subtitle in each language)."},
	{"display", "fullscreen", OPTION_BOOL, 0, 0, "true", NULL,
	 "Full-screen without window chrome (false only for development)."},
	{"display", "renderer", OPTION_ENUM, 0, 0, "auto", renderers,
	 "auto: the GPU when the machine has one (not a software OpenGL), else SDL's software renderer."},
	{"session", "idle_timeout", OPTION_INT, 15, 900, "60", NULL,
	 "Seconds without a touch before the idle warning, standard theme."},
	{"session", "idle_timeout_large", OPTION_INT, 15, 1800, "120", NULL,
	 "Seconds without a touch before the idle warning, large-font theme."},
	{"session", "warning_countdown", OPTION_INT, 20, 120, "30", NULL,
	 "Seconds the idle warning counts down before the session is wiped."},
	{"backend", "url", OPTION_URL, 0, 256, "", NULL,
	 "Base URL of the backend API (https:// in production; empty: offline only)."},
	{"backend", "secret", OPTION_STRING, 0, 128, "", NULL,
	 "Shared secret for request signatures (HMAC-SHA256). Keep this file mode 0600."},
	{"backend", "ca_file", OPTION_STRING, 0, 256, "", NULL,
	 "CA bundle used to verify the backend's certificate (empty: the system's)."},
	{"backend", "insecure_development", OPTION_BOOL, 0, 0, "false", NULL,
	 "Skip TLS certificate checks. Development only: never on a kiosk in a hall (logged when on)."},
	{"sync", "reference_refresh", OPTION_INT, 30, 86400, "900", NULL,
	 "Seconds between refreshes of reference data (services, offices, slots, programmes, projects)."},
	{"sync", "heartbeat", OPTION_INT, 10, 3600, "60", NULL,
	 "Seconds between heartbeats telling the backend the kiosk's health."},
	{"sync", "retry_max", OPTION_INT, 5, 3600, "300", NULL,
	 "Longest wait in seconds between two delivery attempts of one submission (backoff cap)."},
	{"store", "retention_days", OPTION_INT, 1, 90, "7", NULL,
	 "Days personal data stays on the kiosk after the backend confirmed it; then it is erased."},
	{"booking", "services", OPTION_STRING, 0, 256, "", NULL,
	 "Services this kiosk offers for booking, by id, separated by spaces (empty: all the backend lists)."},
	{"booking", "office", OPTION_STRING, 0, 64, "", NULL,
	 "Office id this kiosk books for (a street station's own office); empty: the visitor chooses."},
	{"booking", "window_days", OPTION_INT, 0, 60, "0", NULL,
	 "Days ahead a visitor may book here, at most the office's own window (0: the office's window)."},
	{"printer", "enabled", OPTION_BOOL, 0, 0, "false", NULL,
	 "A receipt printer is attached: the done screens offer a printed receipt while its CUPS queue is ready."},
	{"printer", "queue", OPTION_STRING, 0, 127, "", NULL,
	 "CUPS queue of the receipt printer, a raw ESC/POS queue (empty: CUPS's default queue)."},
	{"printer", "paper", OPTION_ENUM, 0, 0, "80mm", paper_widths,
	 "Receipt paper width: 58mm (32 columns) or 80mm (48 columns)."},
	{"staff", "allow_exit", OPTION_BOOL, 0, 0, "false", NULL,
	 "Staff mode offers \"exit to desktop\" (false on a kiosk in a hall)."},
	{"staff", "idle_timeout", OPTION_INT, 30, 900, "120", NULL,
	 "Seconds without a touch before staff mode ends on its own (wiped like a visitor's session)."},
	{"staff", "pin_hash", OPTION_STRING, 0, 127, "", NULL,
	 "Provisioning: an Argon2id hash of the staff PIN (kiosk --hash-staff-pin), used while DATA/staff.pin is absent."},
	{"voice", "enabled", OPTION_BOOL, 0, 0, "true", NULL,
	 "Speech in the assisted mode (长辈版): each screen's title and question said aloud."},
	{"voice", "volume", OPTION_INT, 0, 100, "70", NULL,
	 "Speech volume in percent at the start of each visit; a visitor may change it for their visit."},
	{"idcard", "reader", OPTION_STRING, 0, 255, "none", NULL,
	 "Resident ID card reader: none, serial:/dev/ttyUSB0 (a GA 450 desk reader; @9600 … @115200 for its "
	 "speed), or for tests and demos file:/PATH or socket:/PATH (docs/idcard.md)."},
	{"log", "level", OPTION_ENUM, 0, 0, "info", log_levels,
	 "Most verbose log level written to stderr/journal: error, warn, info, debug."},
};

const size_t options_table_len = sizeof(options_table) / sizeof(options_table[0]);
