/* kiosk: the self-service kiosk of the Jianghai District civil-affairs service hall.
 * Parses the command line and hands over to the app. Bad arguments: one line on stderr, exit 2. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "config/config.h"
#include "provision/provision.h"
#include "staff/staff_provision.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

static const char usage[] =
	"usage: kiosk [options]\n"
	"  --config FILE     configuration file (INI; see assets/config/kiosk.ini)\n"
	"  --data DIR        where the kiosk keeps its database and keys\n"
	"  --windowed        a normal window instead of full-screen (development)\n"
	"  --size WxH        window or frame size (default: the display's; 1080x1920 headless)\n"
	"  --headless        no display: render off-screen with the software renderer\n"
	"  --script FILE     run an automation scenario (see docs/automation.md), then exit\n"
	"  --out DIR         where --script writes screenshots and dumps (default: .)\n"
	"  --check-config    validate --config, print the effective configuration, exit\n"
	"  --sync-now        deliver the outbox and refresh reference data once, print counts, exit\n"
	"                    (0: nothing left pending, 3: some remains)\n"
	"  --set-staff-pin   read the staff PIN (6-12 digits) from stdin, store its hash in --data, exit\n"
	"  --hash-staff-pin  read a staff PIN from stdin, print its hash for [staff] pin_hash, exit\n"
	"  --provision       set id, backend, secret, CA file and staff PIN, check the backend, exit:\n"
	"                    --provision --config FILE --data DIR --id ID --backend URL --secret -\n"
	"                    [--ca-file PATH] [--staff-pin -] [--no-check] (docs/operators/provision.md)\n"
	"  --first-frame     benchmark: present the first frame, print \"first-frame\" and the peak RSS, exit\n"
	"  --version         print the version and exit\n"
	"  --help            this text\n";

__attribute__((format(printf, 1, 2))) static int bad(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kiosk: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs(" (see kiosk --help)\n", stderr);
	va_end(ap);
	return 2;
}

static int parse_size(const char *s, int *w, int *h)
{
	char tail;
	if (sscanf(s, "%dx%d%c", w, h, &tail) != 2 || *w < 320 || *h < 320 || *w > 8192 || *h > 8192)
		return 0;
	return 1;
}

int main(int argc, char **argv)
{
	struct app_options opts = {0};
	int check_config = 0, set_pin = 0, hash_pin = 0;
	/* Provisioning has options of its own (provision/provision.h). */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--provision") == 0)
			return provision_main(argc, argv, stdin, stdout, stderr);
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **value = NULL;
		if (strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			printf("kiosk %s\n", KIOSK_VERSION);
			return 0;
		} else if (strcmp(a, "--windowed") == 0) {
			opts.windowed = true;
		} else if (strcmp(a, "--headless") == 0) {
			opts.headless = true;
		} else if (strcmp(a, "--first-frame") == 0) {
			opts.first_frame_only = true;
		} else if (strcmp(a, "--sync-now") == 0) {
			opts.sync_now = true;
		} else if (strcmp(a, "--check-config") == 0) {
			check_config = 1;
		} else if (strcmp(a, "--set-staff-pin") == 0) {
			set_pin = 1;
		} else if (strcmp(a, "--hash-staff-pin") == 0) {
			hash_pin = 1;
		} else if (strcmp(a, "--config") == 0) {
			value = &opts.config_path;
		} else if (strcmp(a, "--data") == 0) {
			value = &opts.data_dir;
		} else if (strcmp(a, "--script") == 0) {
			value = &opts.script_path;
		} else if (strcmp(a, "--out") == 0) {
			value = &opts.out_dir;
		} else if (strcmp(a, "--size") == 0) {
			if (i + 1 >= argc)
				return bad("%s needs a value", a);
			if (!parse_size(argv[++i], &opts.width, &opts.height))
				return bad("--size: expected WxH between 320 and 8192, got \"%s\"", argv[i]);
		} else {
			return bad("unknown option \"%s\"", a);
		}
		if (value) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0')
				return bad("%s needs a value", a);
			*value = argv[++i];
		}
	}

	char err[1024];
	if (set_pin)
		return staff_provision_pin(opts.data_dir, stdin, stdout, stderr);
	if (hash_pin)
		return staff_print_pin_hash(stdin, stdout, stderr);
	if (check_config) {
		struct config cfg;
		config_init(&cfg);
		if (opts.config_path && !config_load(&cfg, opts.config_path, err, sizeof(err))) {
			fprintf(stderr, "kiosk: %s\n", err);
			return 2;
		}
		config_print(&cfg, stdout);
		return 0;
	}
	if (opts.sync_now)
		return app_sync_now(&opts);
	if (opts.out_dir && !opts.script_path)
		return bad("%s is only used with --script", "--out");

	struct app *app = app_create(&opts, err, sizeof(err));
	if (!app) {
		fprintf(stderr, "kiosk: %s\n", err);
		return 2;
	}
	int status = app_run(app);
	app_destroy(app);
	return status;
}
