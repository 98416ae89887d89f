/* Provisioning from the command line; see provision.h. Depends on the options table and the config
 * file writer, the staff PIN helper, the signed HTTP client (libcurl) and libsodium for wiping. */
#include "provision/provision.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app/clock.h"
#include "config/config.h"
#include "config/config_file.h"
#include "core/secure.h"
#include "net/http.h"
#include "rules/civil_date.h"
#include "staff/staff_auth.h"
#include "staff/staff_provision.h"
#include "staff/staff_settings.h"

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "0.0.0"
#endif

#define LINE_MAX_BYTES 512
/* A clock further than this from the backend's is reported (the backend refuses at 300 s). */
#define SKEW_WARN_S 30

struct args {
	const char *config, *data;
	const char *id, *backend, *secret_arg, *ca_file, *pin_arg;
	bool no_check;
};

static int usage_error(FILE *err, const char *what, const char *detail)
{
	fprintf(err, "kiosk --provision: %s%s (see docs/operators/provision.md)\n", what, detail ? detail : "");
	return 2;
}

static int parse_args(int argc, char **argv, struct args *a, FILE *err)
{
	static const struct {
		const char *flag;
		size_t offset;
	} valued[] = {
		{"--config", offsetof(struct args, config)}, {"--data", offsetof(struct args, data)},
		{"--id", offsetof(struct args, id)}, {"--backend", offsetof(struct args, backend)},
		{"--secret", offsetof(struct args, secret_arg)}, {"--ca-file", offsetof(struct args, ca_file)},
		{"--staff-pin", offsetof(struct args, pin_arg)},
	};
	memset(a, 0, sizeof(*a));
	for (int i = 1; i < argc; i++) {
		const char *flag = argv[i];
		if (strcmp(flag, "--provision") == 0)
			continue;
		if (strcmp(flag, "--no-check") == 0) {
			a->no_check = true;
			continue;
		}
		size_t k = 0;
		while (k < sizeof(valued) / sizeof(valued[0]) && strcmp(flag, valued[k].flag) != 0)
			k++;
		if (k == sizeof(valued) / sizeof(valued[0])) {
			fprintf(err, "kiosk --provision: unknown option \"%s\" (see docs/operators/provision.md)\n", flag);
			return 2;
		}
		if (i + 1 >= argc) {
			fprintf(err, "kiosk --provision: %s needs a value\n", flag);
			return 2;
		}
		*(const char **)((char *)a + valued[k].offset) = argv[++i];
	}
	if (!a->config)
		return usage_error(err, "--config FILE is required", NULL);
	if (!a->id && !a->backend && !a->secret_arg && !a->ca_file && !a->pin_arg)
		return usage_error(err, "nothing to set: give --id, --backend, --secret, --ca-file or --staff-pin", NULL);
	if (a->pin_arg && strcmp(a->pin_arg, "-") != 0)
		return usage_error(err, "--staff-pin takes only \"-\": the PIN is read from standard input, never from "
					"the command line", NULL);
	if (a->pin_arg && !a->data)
		return usage_error(err, "--staff-pin needs --data DIR (where the PIN's hash is kept)", NULL);
	return 0;
}

/* Reads one line from in into buf (without its line break); on a terminal, prompts on err and turns
 * echo off while reading. False at end of input. */
static bool read_secret_line(FILE *in, FILE *err, const char *prompt, char *buf, size_t len)
{
	int fd = fileno(in);
	struct termios saved, quiet;
	bool tty = fd >= 0 && isatty(fd) && tcgetattr(fd, &saved) == 0;
	if (tty) {
		fprintf(err, "%s: ", prompt);
		fflush(err);
		quiet = saved;
		quiet.c_lflag &= (tcflag_t)~ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	bool got = fgets(buf, (int)len, in) != NULL;
	if (tty) {
		tcsetattr(fd, TCSAFLUSH, &saved);
		fputc('\n', err);
	}
	if (!got)
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return true;
}

/* "(curl N)" at the end of the HTTP client's error, or -1. */
static int curl_code_of(const char *error)
{
	const char *p = strstr(error, "(curl ");
	int code = -1;
	if (p && sscanf(p, "(curl %d)", &code) != 1)
		code = -1;
	return code;
}

/* The transport failure in the operator's words. */
static const char *explain_transport(int code)
{
	switch (code) {
	case 5:
		return "the proxy's name could not be resolved";
	case 6:
		return "the backend's host name could not be resolved (DNS): check the URL and the network's DNS";
	case 7:
		return "no connection to the backend (refused or unreachable): check the URL, the port, the "
		       "network and any firewall";
	case 28:
		return "the backend did not answer in time (timeout): check the network and the firewall";
	case 35:
	case 53:
	case 54:
	case 58:
	case 59:
	case 66:
	case 80:
	case 83:
		return "the TLS handshake failed: check that the URL is the backend's https address";
	case 51:
	case 60:
	case 90:
	case 91:
		return "the backend's TLS certificate could not be verified: check --ca-file (the CA that signed "
		       "the backend's certificate) and that the host name in the URL matches the certificate";
	case 77:
		return "the CA file cannot be read or is not a PEM bundle: check --ca-file";
	case 52:
	case 55:
	case 56:
		return "the connection broke before an answer came (is this an HTTP server?)";
	default:
		return "the backend could not be reached";
	}
}

/* Unix time of an ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)", or -1. */
static int64_t parse_iso(const char *s)
{
	struct civil_date d;
	int hh, mm, ss, n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &d.year, &d.month, &d.day, &hh, &mm, &ss, &n) != 6 || n != 19)
		return -1;
	const char *p = s + 19;
	if (*p == '.')
		p += 1 + strspn(p + 1, "0123456789");
	int zone = 0;
	if (*p == '+' || *p == '-') {
		int zh, zm;
		if (sscanf(p + 1, "%2d:%2d", &zh, &zm) != 2)
			return -1;
		zone = (*p == '-' ? -1 : 1) * (zh * 3600 + zm * 60);
	} else if (*p != 'Z') {
		return -1;
	}
	return (int64_t)date_to_days(d) * 86400 + hh * 3600 + mm * 60 + ss - zone;
}

/* The error code of a contract error answer ({"error": {"code": …}}), into out. */
static void error_code_of(const struct http_response *r, char *out, size_t len)
{
	out[0] = '\0';
	cJSON *root = r->body && r->len ? cJSON_ParseWithLength(r->body, r->len) : NULL;
	const char *code = cJSON_GetStringValue(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "error"), "code"));
	if (code)
		snprintf(out, len, "%.60s", code);
	cJSON_Delete(root);
}

static double elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - since->tv_sec) * 1e3 + (double)(now.tv_nsec - since->tv_nsec) / 1e6;
}

/* One signed heartbeat with the configuration as written; true when the backend accepted it. */
static bool check_backend(const struct config *cfg, FILE *out, FILE *err)
{
	bool ok = false;
	char why[512];
	struct http_options o = {
		.base_url = config_str(cfg, "backend", "url"),
		.kiosk_id = config_str(cfg, "kiosk", "id"),
		.secret = config_str(cfg, "backend", "secret"),
		.ca_file = config_str(cfg, "backend", "ca_file"),
		.insecure_development = config_bool(cfg, "backend", "insecure_development"),
	};
	if (!o.secret[0]) {
		fprintf(err, "backend check: not done: [backend] secret is empty (give --secret -)\n");
		return false;
	}
	struct http_client *c = http_client_create(&o, why, sizeof(why));
	if (!c) {
		fprintf(err, "backend check: not done: %s\n", why);
		return false;
	}
	char body[256], key[37];
	snprintf(body, sizeof(body),
		 "{\"app_version\":\"%s\",\"uptime_s\":0,\"status\":\"ok\",\"provisioning\":true}", KIOSK_APP_VERSION);
	secure_uuid4(key);
	struct timespec started;
	clock_gettime(CLOCK_MONOTONIC, &started);
	int64_t now = clock_wall();
	struct http_response r;
	bool answered = http_post(c, "/v1/heartbeat", key, body, strlen(body), now, &r);
	double ms = elapsed_ms(&started);
	char code[64] = "";
	if (!answered) {
		int curl = curl_code_of(r.error);
		fprintf(err, "backend check: FAILED: %s.\n  (%s)\n", explain_transport(curl), r.error);
	} else if (r.status >= 200 && r.status < 300) {
		cJSON *root = r.body ? cJSON_ParseWithLength(r.body, r.len) : NULL;
		int64_t server = parse_iso(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "server_time")));
		cJSON_Delete(root);
		fprintf(out, "backend check: OK: the backend accepted a signed heartbeat from kiosk %s (HTTP %ld, %.0f ms)\n",
			o.kiosk_id, r.status, ms);
		if (server > 0) {
			long long skew = (long long)(now - server);
			if (skew > SKEW_WARN_S || skew < -SKEW_WARN_S)
				fprintf(err, "backend check: warning: this machine's clock is %lld s %s the backend's; the "
					     "backend refuses requests beyond 300 s: set the time (timedatectl, NTP)\n",
					skew < 0 ? -skew : skew, skew < 0 ? "behind" : "ahead of");
			else
				fprintf(out, "backend check: clocks agree (within %d s)\n", SKEW_WARN_S);
		}
		ok = true;
	} else if (r.status == 401) {
		error_code_of(&r, code, sizeof(code));
		if (strcmp(code, "stale_timestamp") == 0)
			fprintf(err, "backend check: FAILED: 401 stale_timestamp: this machine's clock is more than 300 s "
				     "away from the backend's. Set the time (timedatectl set-ntp true), then run again.\n");
		else
			fprintf(err, "backend check: FAILED: 401 %s: the backend refused the signature: the secret is "
				     "wrong, or the backend does not know kiosk id \"%s\".\n",
				code[0] ? code : "unauthenticated", o.kiosk_id);
	} else {
		error_code_of(&r, code, sizeof(code));
		fprintf(err, "backend check: FAILED: the backend answered HTTP %ld%s%s: is the URL the kiosk API's base "
			     "(…/v1 is added by the kiosk)?\n",
			r.status, code[0] ? " " : "", code);
	}
	http_response_finish(&r);
	http_client_destroy(c);
	return ok;
}

/* Gives files the command made in the data directory to the directory's owner (run as root, the
 * kiosk's own user must still read them). */
static void hand_over(const char *data_dir, FILE *err)
{
	static const char *const made[] = {"staff.pin", "audit.log"};
	struct stat dir;
	if (geteuid() != 0 || stat(data_dir, &dir) != 0 || dir.st_uid == 0)
		return;
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		char path[1200];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", data_dir, made[i]);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == 0 && lchown(path, dir.st_uid, dir.st_gid) != 0)
			fprintf(err, "kiosk --provision: %s: cannot give it to the kiosk's user: %s\n", path, strerror(errno));
	}
}

/* Staff and the backend may have changed some of the same keys on this kiosk (DATA/settings.ini, read
 * after the configuration file): say so, since those values are the ones the kiosk will use. */
static void warn_overrides(const struct config *written, const char *data_dir, const struct config_file_edit *edits,
			   int n, const char *path, FILE *err)
{
	struct config *effective = malloc(sizeof(*effective));
	if (!effective)
		return;
	*effective = *written;
	int version = 0;
	staff_settings_load(effective, data_dir, &version);
	for (int k = 0; k < n; k++) {
		const char *now = config_value(effective, edits[k].section, edits[k].name);
		const struct option_def *def = config_option(edits[k].section, edits[k].name);
		if (now && def && !config_is_secret(def) && strcmp(now, edits[k].value) != 0)
			fprintf(err, "kiosk --provision: warning: %s/settings.ini (staff mode or the backend's settings) sets "
				     "[%s] %s = %s, which wins over %s: change it in staff mode or remove that line\n",
				data_dir, edits[k].section, edits[k].name, now, path);
	}
	secure_wipe(effective, sizeof(*effective));
	free(effective);
}

int provision_main(int argc, char **argv, FILE *in, FILE *out, FILE *err)
{
	struct args a;
	int status = parse_args(argc, argv, &a, err);
	if (status)
		return status;
	status = 2;
	char secret[LINE_MAX_BYTES] = "", pin[64] = "", why[1024];
	struct config *cfg = calloc(1, sizeof(*cfg));
	if (!cfg) {
		fprintf(err, "kiosk --provision: out of memory\n");
		return 2;
	}
	const char *secret_value = a.secret_arg;
	if (a.secret_arg && strcmp(a.secret_arg, "-") == 0) {
		if (!read_secret_line(in, err, "backend secret", secret, sizeof(secret))) {
			fprintf(err, "kiosk --provision: --secret -: no line on standard input; nothing was changed\n");
			goto out;
		}
		secret_value = secret;
	}
	if (a.pin_arg) {
		if (!read_secret_line(in, err, "staff PIN (6 to 12 digits)", pin, sizeof(pin)) || !staff_pin_format_ok(pin)) {
			fprintf(err, "kiosk --provision: --staff-pin -: the next line of standard input must be the PIN, %d to "
				     "%d digits; nothing was changed\n", STAFF_PIN_MIN, STAFF_PIN_MAX);
			goto out;
		}
	}
	if (a.ca_file && a.ca_file[0] && access(a.ca_file, R_OK) != 0) {
		fprintf(err, "kiosk --provision: --ca-file %s: %s; nothing was changed\n", a.ca_file, strerror(errno));
		goto out;
	}

	/* Each value through the options table first, so a bad one changes nothing. */
	struct config_file_edit edits[4];
	int n = 0;
	if (a.id)
		edits[n++] = (struct config_file_edit){"kiosk", "id", a.id};
	if (a.backend)
		edits[n++] = (struct config_file_edit){"backend", "url", a.backend};
	if (secret_value)
		edits[n++] = (struct config_file_edit){"backend", "secret", secret_value};
	if (a.ca_file)
		edits[n++] = (struct config_file_edit){"backend", "ca_file", a.ca_file};
	config_init(cfg);
	for (int k = 0; k < n; k++) {
		if (!config_set(cfg, edits[k].section, edits[k].name, edits[k].value, why, sizeof(why))) {
			fprintf(err, "kiosk --provision: [%s] %s: %s; nothing was changed\n", edits[k].section, edits[k].name, why);
			goto out;
		}
	}
	if (n > 0 && !config_file_update(a.config, edits, n, cfg, why, sizeof(why))) {
		fprintf(err, "kiosk --provision: %s\n", why);
		goto out;
	}
	if (n == 0 && !config_load(cfg, a.config, why, sizeof(why))) {
		fprintf(err, "kiosk --provision: %s\n", why);
		goto out;
	}
	fprintf(out, "provisioned %s:\n", a.config);
	struct stat st;
	if (secret_value && stat(a.config, &st) == 0 && (st.st_mode & 0007))
		fprintf(err, "kiosk --provision: warning: %s holds the secret and is readable by every user (mode %04o): "
			     "chmod 0640 it\n", a.config, (unsigned)(st.st_mode & 07777));
	for (int k = 0; k < n; k++) {
		if (edits[k].value == secret_value)
			fprintf(out, "  [%s] %s = (set: %zu characters, not shown)\n", edits[k].section, edits[k].name,
				strlen(secret_value));
		else
			fprintf(out, "  [%s] %s = %s\n", edits[k].section, edits[k].name,
				edits[k].value[0] ? edits[k].value : "(empty)");
	}

	if (a.data && n > 0)
		warn_overrides(cfg, a.data, edits, n, a.config, err);

	if (a.pin_arg) {
		/* The staff helper reads the PIN from a stream: hand it the line already read and checked. */
		char line[80];
		int len = snprintf(line, sizeof(line), "%s\n", pin);
		FILE *pin_in = fmemopen(line, (size_t)len, "r");
		int pin_status = pin_in ? staff_provision_pin(a.data, pin_in, out, err) : 2;
		if (pin_in)
			fclose(pin_in);
		secure_wipe(line, sizeof(line));
		if (pin_status != 0) {
			fprintf(err, "kiosk --provision: the configuration was written, the staff PIN was not\n");
			goto out;
		}
		hand_over(a.data, err);
	}

	status = 0;
	if (a.no_check) {
		fprintf(out, "backend check: skipped (--no-check)\n");
	} else if (!config_str(cfg, "backend", "url")[0]) {
		fprintf(out, "backend check: skipped: no [backend] url (the kiosk stays offline)\n");
	} else if (!check_backend(cfg, out, err)) {
		status = 3;
	}
	fprintf(out, "the kiosk reads its configuration when it starts: systemctl restart civic-kiosk\n");
out:
	secure_wipe(secret, sizeof(secret));
	secure_wipe(pin, sizeof(pin));
	secure_wipe(cfg, sizeof(*cfg));
	free(cfg);
	return status;
}
