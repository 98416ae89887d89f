/* Staff PIN provisioning; see staff_provision.h. */
#include "staff/staff_provision.h"

#include <errno.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "staff/audit.h"
#include "staff/staff_auth.h"

/* Reads one line (the PIN) into buf; false with a message on err when it is not 6–12 digits. */
static bool read_pin(FILE *in, char *buf, size_t len, FILE *err)
{
	if (!fgets(buf, (int)len, in)) {
		fprintf(err, "kiosk: no PIN on standard input (give %d to %d digits on one line)\n", STAFF_PIN_MIN, STAFF_PIN_MAX);
		return false;
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	if (!staff_pin_format_ok(buf)) {
		fprintf(err, "kiosk: the staff PIN must be %d to %d digits (0-9) and nothing else; nothing was changed\n",
			STAFF_PIN_MIN, STAFF_PIN_MAX);
		return false;
	}
	return true;
}

int staff_provision_pin(const char *data_dir, FILE *in, FILE *out, FILE *err)
{
	char pin[64], why[512];
	struct stat st;
	int status = 2;
	if (!data_dir) {
		fprintf(err, "kiosk: --set-staff-pin needs --data DIR\n");
		return 2;
	}
	if (stat(data_dir, &st) != 0 && (errno != ENOENT || mkdir(data_dir, 0700) != 0)) {
		fprintf(err, "kiosk: --data %s: cannot create: %s\n", data_dir, strerror(errno));
		return 2;
	}
	if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(err, "kiosk: --data %s: not a directory\n", data_dir);
		return 2;
	}
	if (!read_pin(in, pin, sizeof(pin), err))
		goto out;
	if (!staff_pin_store(data_dir, pin, why, sizeof(why))) {
		fprintf(err, "kiosk: %s\n", why);
		audit_write(data_dir, "pin_set", "failed", "provisioning from the command line");
		goto out;
	}
	audit_write(data_dir, "pin_set", "ok", "provisioning from the command line");
	fprintf(out, "staff PIN set: its Argon2id hash is in %s/staff.pin (mode 0600); staff mode is available\n", data_dir);
	status = 0;
out:
	sodium_memzero(pin, sizeof(pin));
	return status;
}

int staff_print_pin_hash(FILE *in, FILE *out, FILE *err)
{
	char pin[64], hash[crypto_pwhash_STRBYTES];
	int status = 2;
	if (!read_pin(in, pin, sizeof(pin), err))
		goto out;
	if (!staff_pin_hash(pin, hash, sizeof(hash))) {
		fprintf(err, "kiosk: the PIN cannot be hashed (out of memory?)\n");
		goto out;
	}
	fprintf(out, "%s\n", hash);
	status = 0;
out:
	sodium_memzero(pin, sizeof(pin));
	return status;
}
