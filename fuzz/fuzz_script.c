/* Fuzz target: the automation driver's scripts (automation/script.c, docs/automation.md) run against
 * the real app, headless at a small size with no data and no backend: every command's arguments
 * (targets #id, #id="text", "text", @X,Y, first:role; times; coordinates in pixels or percent; file
 * names) are parsed by the code that runs them, so the script goes through script_run_text.
 * Input: the script. The harness caps the waits that take real time (pause, wait-for, wait-gone) at
 * 40 ms each and 400 ms an input, and virtual time (wait, hold, drag) at 3 s each and 10 s an input (a
 * wait draws every 16 virtual ms while the screen animates: longer only repeats the same frames,
 * slowly), by rewriting the number; between inputs the session ends (as an idle timeout does), so
 * each input starts on the attract screen.
 * Invariants: the driver returns 0 or 1 (the script is text), never crashes or leaks, whatever the
 * commands; a failure names its line. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "automation/script.h"
#include "core/log.h"
#include "fuzz_common.h"

static struct app *app;
static char out_dir[256];

static void finish(void)
{
	app_destroy(app);
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", out_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_script: could not remove %s\n", out_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	log_set_level(LOG_ERROR);
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(out_dir, sizeof(out_dir), "%s/fuzz_script.XXXXXX", base);
	if (!mkdtemp(out_dir))
		abort();
	struct app_options o = {.headless = true, .width = 360, .height = 640};
	char err[512];
	app = app_create(&o, err, sizeof(err));
	if (!app) {
		fprintf(stderr, "fuzz_script: %s\n", err);
		abort();
	}
	/* librime and libzinnia are opened after the first frame (kiosk/lazy), and Rime sets itself up on
	 * a loader thread: their static destructors must be registered before finish, so that they run
	 * after it, as they do when the kiosk returns from main (else Rime is finalized twice). */
	app_wait_started(app);
	atexit(finish);
	return 0;
}

/* What one input may spend: virtual time (wait, hold, drag) and real time (pause, wait-for, wait-gone). */
struct budget {
	long virtual_ms, real_ms;
};

/* The line with the number at its end capped, when its command is one that waits: at most the
 * command's own cap and what is left of the input's budget (the rest of the line kept as it is). */
static size_t cap_wait(const char *line, size_t n, char *out, size_t cap, struct budget *b)
{
	static const struct {
		const char *cmd;
		long max;
		bool real;
	} waits[] = {{"pause", 40, true}, {"wait-for", 40, true}, {"wait-gone", 40, true},
		     {"wait", 3000, false}, {"hold", 3200, false}, {"drag", 500, false}};
	size_t at = strspn(line, " \t");
	for (size_t i = 0; i < sizeof(waits) / sizeof(waits[0]); i++) {
		size_t c = strlen(waits[i].cmd);
		if (n - at < c + 1 || strncmp(line + at, waits[i].cmd, c) != 0 ||
		    (line[at + c] != ' ' && line[at + c] != '\t'))
			continue;
		size_t end = n;
		while (end > at && (line[end - 1] == '\n' || line[end - 1] == '\r' || line[end - 1] == ' '))
			end--;
		size_t digits = end;
		while (digits > at + c && line[digits - 1] >= '0' && line[digits - 1] <= '9')
			digits--;
		if (digits == end)
			break; /* no number: the driver says what is wrong */
		long want = end - digits > 9 ? LONG_MAX : strtol(line + digits, NULL, 10);
		long *left = waits[i].real ? &b->real_ms : &b->virtual_ms;
		long allowed = waits[i].max < *left ? waits[i].max : *left;
		if (want <= allowed) {
			*left -= want;
			break;
		}
		*left -= allowed;
		return (size_t)snprintf(out, cap, "%.*s%ld\n", (int)(digits), line, allowed);
	}
	memcpy(out, line, n);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16 * 1024)
		return 0;
	const char *text = (const char *)data;
	/* Each line, with its waits capped; a line too long to rewrite is kept as it is. */
	char *script = malloc(size + size / 2 + 64);
	if (!script)
		abort();
	size_t len = 0;
	struct budget budget = {10000, 400};
	for (size_t at = 0; at < size;) {
		const char *nl = memchr(text + at, '\n', size - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : size - at;
		char line[1100];
		if (n < 1024 && !memchr(text + at, '\0', n)) {
			char in[1100];
			memcpy(in, text + at, n);
			in[n] = '\0';
			size_t w = cap_wait(in, n, line, sizeof(line), &budget);
			memcpy(script + len, line, w);
			len += w;
		} else {
			memcpy(script + len, text + at, n);
			len += n;
		}
		at += n;
	}
	int status = script_run_text(app, "fuzz.script", script, len, out_dir);
	FUZZ_CHECK(status == 0 || status == 1);
	app_end_session(app);
	free(script);
	return 0;
}
