/* Fuzz target: fleet settings sent by the backend (a heartbeat answer's settings document,
 * staff/staff_settings.c staff_settings_apply_remote), over a settings file the kiosk kept
 * (DATA/settings.ini, read back by staff_settings_load), in a scratch data directory.
 * Input: the settings file, NUL, the remote document (JSON).
 * Invariants: a secret ([backend] secret, [staff] pin_hash), the kiosk's identity and the display
 * never change remotely; the version only moves forward; what was applied is what the kiosk reads
 * back from its file after a restart. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "core/log.h"
#include "fuzz_common.h"
#include "staff/staff_settings.h"

static char dir[256];
static char settings_path[300], audit_path[300], audit_old_path[300];
static struct config *cfg, *again;

/* The scratch directory goes when the run ends (a crash leaves it for a look). */
static void remove_dir(void)
{
	unlink(settings_path);
	unlink(audit_path);
	unlink(audit_old_path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	log_set_level(LOG_ERROR); /* every refused key is a warning: not news here */
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(dir, sizeof(dir), "%s/fuzz_remote_settings.XXXXXX", base);
	if (!mkdtemp(dir))
		abort();
	snprintf(settings_path, sizeof(settings_path), "%s/settings.ini", dir);
	snprintf(audit_path, sizeof(audit_path), "%s/audit.log", dir);
	snprintf(audit_old_path, sizeof(audit_old_path), "%s/audit.log.1", dir);
	atexit(remove_dir);
	cfg = malloc(sizeof(*cfg));
	again = malloc(sizeof(*again));
	if (!cfg || !again)
		abort();
	return 0;
}

/* The configuration a provisioned kiosk starts from: secrets and identity set. */
static void start_config(struct config *c)
{
	char err[256];
	config_init(c);
	FUZZ_CHECK(config_set(c, "kiosk", "id", "jh-kiosk-07", err, sizeof(err)));
	FUZZ_CHECK(config_set(c, "backend", "secret", "s3cret-for-fuzzing", err, sizeof(err)));
	FUZZ_CHECK(config_set(c, "staff", "pin_hash", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", err,
			      sizeof(err)));
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "w");
	FUZZ_CHECK(f != NULL);
	FUZZ_CHECK(fwrite(text, 1, len, f) == len);
	FUZZ_CHECK(fclose(f) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	struct fuzz_parts parts;
	fuzz_parts_split(&parts, data, size, 2);
	unlink(settings_path);
	unlink(audit_path);
	unlink(audit_old_path);
	if (parts.len[0])
		write_file(settings_path, parts.part[0], parts.len[0]);

	start_config(cfg);
	int version = -1;
	staff_settings_load(cfg, dir, &version);
	FUZZ_CHECK(version >= 0);
	int before = version;
	staff_settings_apply_remote(cfg, dir, parts.part[1], &version);
	FUZZ_CHECK(version >= before);

	static const char *const fixed[][2] = {{"kiosk", "id"}, {"backend", "secret"}, {"staff", "pin_hash"},
					       {"display", "fullscreen"}, {"display", "renderer"}};
	start_config(again);
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		const char *now = config_value(cfg, fixed[i][0], fixed[i][1]);
		if (now) /* every kiosk has these; a table without one has nothing to protect */
			FUZZ_CHECK(strcmp(now, config_value(again, fixed[i][0], fixed[i][1])) == 0);
	}
	/* After a restart the kiosk reads what it applied. */
	int reread = -1;
	staff_settings_load(again, dir, &reread);
	if (version > before) {
		FUZZ_CHECK(reread == version);
		for (size_t i = 0; i < staff_settings_count; i++) {
			const char *s = staff_settings[i].section, *n = staff_settings[i].name;
			FUZZ_CHECK(strcmp(config_value(cfg, s, n), config_value(again, s, n)) == 0);
		}
	}
	fuzz_parts_free(&parts);
	return 0;
}
