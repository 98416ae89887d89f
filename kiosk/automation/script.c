/* Automation driver; see script.h. Lines are capped at 1 KiB (a longer line is an error, not a silent
 * cut) and scripts at 16 MiB. Every command acts through the same app_handle/app_draw path as real input. */
#include "automation/script.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <SDL.h>
#include <sqlite3.h>

#include "app/app.h"
#include "core/atomic_file.h"
#include "ime/ink_file.h"
#include "ui/handwriting_pad.h"

#define LINE_MAX_LEN 1024
/* Bytes of a script file: the reliability soak's 2,000 sessions in one run take about 1.2 MiB. */
#define SCRIPT_MAX (16 * 1024 * 1024)
#define FRAMES_MAX 10000

struct run {
	struct app *app;
	const char *path, *out_dir;
	int line;
	char why[512];
};

__attribute__((format(printf, 2, 3))) static bool fail(struct run *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
	return false;
}

static void out_path(const struct run *r, const char *name, const char *ext, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s%s", r->out_dir ? r->out_dir : ".", name, ext);
}

/* Finds the widget a target names; NULL when absent. Coordinates are returned for @X,Y. */
static const struct ui_widget *resolve(const struct ui *ui, const char *target, bool *is_point, int *x, int *y)
{
	*is_point = false;
	if (target[0] == '@') {
		*is_point = sscanf(target + 1, "%d,%d", x, y) == 2;
		for (size_t i = ui->widget_count; *is_point && i-- > 0;) {
			if (rect_contains(ui->widgets[i].rect, *x, *y))
				return &ui->widgets[i];
		}
		return NULL;
	}
	if (target[0] == '#') {
		/* #id="text": that widget, only while it shows exactly that text */
		const char *eq = strstr(target, "=\"");
		size_t tl = strlen(target);
		if (!eq || tl < (size_t)(eq - target) + 3 || target[tl - 1] != '"')
			return ui_find(ui, target + 1);
		char id[UI_ID_MAX];
		snprintf(id, sizeof(id), "%.*s", (int)(eq - target - 1), target + 1);
		const struct ui_widget *w = ui_find(ui, id);
		size_t want = tl - (size_t)(eq - target) - 3;
		return w && strlen(w->text) == want && strncmp(w->text, eq + 2, want) == 0 ? w : NULL;
	}
	if (strncmp(target, "first:", 6) == 0) { /* the first enabled widget of a role: "first:day" */
		for (size_t i = 0; i < ui->widget_count; i++) {
			if (ui->widgets[i].enabled && strcmp(ui->widgets[i].role, target + 6) == 0)
				return &ui->widgets[i];
		}
		return NULL;
	}
	size_t len = strlen(target);
	if (len >= 2 && target[0] == '"' && target[len - 1] == '"') {
		for (size_t i = 0; i < ui->widget_count; i++) {
			const char *t = ui->widgets[i].text;
			if (strlen(t) == len - 2 && strncmp(t, target + 1, len - 2) == 0)
				return &ui->widgets[i];
		}
	}
	return NULL;
}

/* Advances the virtual clock by ms, stopping at every timer on the way (the idle warning opens, then
 * the countdown runs out), and drawing at each so widgets see time pass as on a real kiosk. */
static void do_wait(struct app *app, uint64_t ms)
{
	struct clock *clock = app_clock(app);
	uint64_t target = clock_now_ms(clock) + ms;
	for (;;) {
		app_draw(app, false);
		uint64_t next = app_tick(app);
		const struct ui *ui = app_ui(app);
		if (ui->wake_at && (!next || ui->wake_at < next))
			next = ui->wake_at;
		if (ui->animating && (!next || clock_now_ms(clock) + 16 < next))
			next = clock_now_ms(clock) + 16;
		if (!next || next > target || next <= clock_now_ms(clock))
			break;
		/* A screen waiting on the network (it asked to be woken to look again) gets real time too:
		 * the answer comes from another thread, on the wall clock. */
		if (ui->wake_at == next)
			SDL_Delay((Uint32)(next - clock_now_ms(clock) < 40 ? next - clock_now_ms(clock) : 40));
		clock_advance(clock, next - clock_now_ms(clock));
	}
	clock_advance(clock, target - clock_now_ms(clock));
	app_tick(app);
	app_draw(app, false);
}

static bool do_tap(struct run *r, const char *target, bool any)
{
	app_draw(r->app, false);
	bool is_point;
	int x = 0, y = 0;
	const struct ui_widget *w = resolve(app_ui(r->app), target, &is_point, &x, &y);
	if (!w && !is_point)
		return fail(r, "tap %s: no such widget on screen", target);
	if (w && !w->enabled && !is_point && !any) /* `touch` and @X,Y reach disabled widgets, as a finger does */
		return fail(r, "tap %s: widget is disabled", target);
	if (!is_point) {
		x = w->rect.x + w->rect.w / 2;
		y = w->rect.y + w->rect.h / 2;
	}
	struct ui_event press = {UI_EVENT_PRESS, x, y}, release = {UI_EVENT_RELEASE, x, y};
	app_handle(r->app, &press);
	clock_advance(app_clock(r->app), 80); /* a finger stays down for a moment */
	app_handle(r->app, &release);
	return true;
}

/* hold @X,Y MS: a finger pressed at a point and kept still for MS virtual milliseconds (timers run
 * meanwhile, as during `wait`), then lifted: the long press that opens staff mode. */
static bool do_hold(struct run *r, const char *arg)
{
	int x, y;
	long ms;
	char tail;
	if (sscanf(arg, "@%d,%d %ld%c", &x, &y, &ms, &tail) != 3 || ms < 0 || ms > 60000)
		return fail(r, "hold: expected @X,Y MS (0-60000), got \"%s\"", arg);
	app_draw(r->app, false);
	struct ui_event press = {UI_EVENT_PRESS, x, y}, release = {UI_EVENT_RELEASE, x, y};
	app_handle(r->app, &press);
	do_wait(r->app, (uint64_t)ms);
	app_handle(r->app, &release);
	return true;
}

/* wait-for TARGET MS: gives up to MS milliseconds of real time (the virtual clock stands still) for
 * TARGET to appear, drawing and running the timers every 20 ms: for what another thread brings
 * (the sync engine's delivery, settings from the backend). wait-gone TARGET MS is the same for
 * TARGET to leave the screen: a spinner, when either an answer or a message may follow it. */
static bool do_wait_for(struct run *r, const char *cmd, char *arg, bool present)
{
	char *space = strrchr(arg, ' ');
	char *end = NULL;
	long ms = space ? strtol(space + 1, &end, 10) : -1;
	if (!space || !end || *end || ms < 0 || ms > 120000)
		return fail(r, "%s: expected TARGET MS (0-120000), got \"%s\"", cmd, arg);
	*space = '\0';
	for (long waited = 0;; waited += 20) {
		app_tick(r->app);
		app_draw(r->app, false);
		bool is_point;
		int x, y;
		if ((resolve(app_ui(r->app), arg, &is_point, &x, &y) != NULL) == present)
			return true;
		if (waited >= ms)
			return fail(r, "%s %s: %s after %ld ms", cmd, arg, present ? "not on screen" : "still on screen", ms);
		SDL_Delay(20);
	}
}

/* pause MS: MS milliseconds of real time for other threads (the sync engine), the virtual clock
 * standing still; the app's timers and screens run every 20 ms meanwhile. */
static bool do_pause(struct run *r, const char *arg)
{
	char *end = NULL;
	long ms = strtol(arg, &end, 10);
	if (!*arg || *end || ms < 0 || ms > 120000)
		return fail(r, "pause: expected milliseconds (0-120000), got \"%s\"", arg);
	for (long waited = 0; waited < ms; waited += 20) {
		app_tick(r->app);
		app_draw(r->app, false);
		SDL_Delay(20);
	}
	return true;
}

/* A coordinate: pixels, or a percentage of the screen's extent ("50%"). */
static bool coordinate(const char **p, int extent, int *out)
{
	char *end = NULL;
	long v = strtol(*p, &end, 10);
	if (end == *p)
		return false;
	if (*end == '%') {
		v = v * extent / 100;
		end++;
	}
	*out = (int)v;
	*p = end;
	return true;
}

/* drag @X1,Y1 @X2,Y2 [MS]: a finger pressed at the first point, moved to the second over MS virtual
 * milliseconds (default 200) in 16 ms steps, and lifted there: a swipe. Coordinates may be
 * percentages of the screen ("@50%,80%"), so one script swipes alike at every size. */
static bool do_drag(struct run *r, const char *arg)
{
	int x1, y1, x2, y2, ms = 200;
	app_draw(r->app, false);
	const struct ui *ui = app_ui(r->app);
	const char *p = arg;
	bool ok = *p++ == '@' && coordinate(&p, ui->width, &x1) && *p++ == ',' && coordinate(&p, ui->height, &y1) &&
		  *p++ == ' ' && *p++ == '@' && coordinate(&p, ui->width, &x2) && *p++ == ',' && coordinate(&p, ui->height, &y2);
	if (ok && *p == ' ')
		ms = atoi(p + 1);
	if (!ok || ms < 16 || ms > 10000)
		return fail(r, "drag: expected @X1,Y1 @X2,Y2 [MS 16-10000], got \"%s\"", arg);
	struct ui_event ev = {UI_EVENT_PRESS, x1, y1};
	app_handle(r->app, &ev);
	int steps = ms / 16;
	for (int i = 1; i <= steps; i++) {
		clock_advance(app_clock(r->app), 16);
		ev = (struct ui_event){UI_EVENT_MOVE, x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps};
		app_handle(r->app, &ev);
	}
	ev = (struct ui_event){UI_EVENT_RELEASE, x2, y2};
	app_handle(r->app, &ev);
	return true;
}

/* ink FILE [TARGET]: replays recorded handwriting (ime/ink_file.h) onto the writing pad (#hw.pad, or
 * TARGET): each stroke a finger pressed at its first point, moved along it in steps of at most 2% of
 * the pad every 16 virtual ms, lifted at its end; 150 ms between strokes. FILE is relative to the
 * script's directory unless absolute. The candidates come from another thread: wait-for them. */
static bool do_ink(struct run *r, const char *arg)
{
	bool ok = false;
	char file[LINE_MAX_LEN], target[LINE_MAX_LEN] = "#" UI_PAD_ID, path[2048], err[512];
	struct ink *ink = NULL;
	if (sscanf(arg, "%1023s %1023s", file, target) < 1) {
		fail(r, "ink: expected FILE [TARGET]");
		goto out;
	}
	const char *slash = strrchr(r->path, '/');
	if (file[0] == '/' || !slash)
		snprintf(path, sizeof(path), "%s", file);
	else
		snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - r->path), r->path, file);
	ink = malloc(sizeof(*ink));
	if (!ink) {
		fail(r, "ink: out of memory");
		goto out;
	}
	if (!ink_load(path, ink, err, sizeof(err))) {
		fail(r, "ink: %s", err);
		goto out;
	}
	app_draw(r->app, false);
	bool is_point;
	int x, y;
	const struct ui_widget *w = resolve(app_ui(r->app), target, &is_point, &x, &y);
	if (!w || is_point) {
		fail(r, "ink: no writing pad %s on screen", target);
		goto out;
	}
	struct rect pad = w->rect;
	int step = pad.w / 50 > 1 ? pad.w / 50 : 1;
	for (int s = 0; s < ink->count; s++) {
		const struct ink_stroke *st = &ink->strokes[s];
		int px = pad.x + st->points[0].x * (pad.w - 1) / UI_INK_SCALE;
		int py = pad.y + st->points[0].y * (pad.h - 1) / UI_INK_SCALE;
		struct ui_event ev = {UI_EVENT_PRESS, px, py};
		app_handle(r->app, &ev);
		for (int i = 1; i < st->count; i++) {
			int nx = pad.x + st->points[i].x * (pad.w - 1) / UI_INK_SCALE;
			int ny = pad.y + st->points[i].y * (pad.h - 1) / UI_INK_SCALE;
			int dist = abs(nx - px) > abs(ny - py) ? abs(nx - px) : abs(ny - py);
			int steps = dist / step > 1 ? dist / step : 1;
			for (int k = 1; k <= steps; k++) {
				clock_advance(app_clock(r->app), 16);
				ev = (struct ui_event){UI_EVENT_MOVE, px + (nx - px) * k / steps, py + (ny - py) * k / steps};
				app_handle(r->app, &ev);
			}
			px = nx;
			py = ny;
		}
		ev = (struct ui_event){UI_EVENT_RELEASE, px, py};
		app_handle(r->app, &ev);
		clock_advance(app_clock(r->app), 150);
	}
	app_draw(r->app, false);
	ok = true;
out:
	free(ink);
	return ok;
}

static void color_hex(char *out, struct color c)
{
	snprintf(out, 8, "#%02x%02x%02x", c.r, c.g, c.b);
}

static bool do_dump(struct run *r, const char *name)
{
	app_draw(r->app, false);
	const struct ui *ui = app_ui(r->app);
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "screen", app_screen_name(r->app));
	int size[2] = {ui->width, ui->height};
	cJSON_AddItemToObject(root, "size", cJSON_CreateIntArray(size, 2));
	cJSON_AddStringToObject(root, "theme", app_theme_name(r->app));
	cJSON_AddStringToObject(root, "lang", app_lang_tag(r->app));
	cJSON_AddStringToObject(root, "speech", app_last_speech(r->app));
	cJSON *list = cJSON_AddArrayToObject(root, "widgets");
	for (size_t i = 0; i < ui->widget_count; i++) {
		const struct ui_widget *w = &ui->widgets[i];
		cJSON *o = cJSON_CreateObject();
		char fg[8], bg[8];
		color_hex(fg, w->fg);
		color_hex(bg, w->bg);
		cJSON_AddStringToObject(o, "id", w->id);
		cJSON_AddStringToObject(o, "role", w->role);
		cJSON_AddStringToObject(o, "text", w->text);
		cJSON_AddStringToObject(o, "label", w->label);
		cJSON_AddNumberToObject(o, "x", w->rect.x);
		cJSON_AddNumberToObject(o, "y", w->rect.y);
		cJSON_AddNumberToObject(o, "w", w->rect.w);
		cJSON_AddNumberToObject(o, "h", w->rect.h);
		cJSON_AddBoolToObject(o, "enabled", w->enabled);
		cJSON_AddBoolToObject(o, "focused", w->focused);
		cJSON_AddBoolToObject(o, "selected", w->selected);
		cJSON_AddBoolToObject(o, "checked", w->checked);
		cJSON_AddNumberToObject(o, "font_px", w->font_px);
		cJSON_AddStringToObject(o, "fg", fg);
		cJSON_AddStringToObject(o, "bg", bg);
		cJSON_AddBoolToObject(o, "truncated", w->truncated);
		cJSON_AddBoolToObject(o, "ellipsis", w->ellipsis_ok);
		cJSON_AddBoolToObject(o, "clipped", w->clipped);
		if (w->primary)
			cJSON_AddBoolToObject(o, "primary", true);
		cJSON_AddItemToArray(list, o);
	}
	char *json = cJSON_Print(root);
	cJSON_Delete(root);
	char path[1024];
	out_path(r, name, ".json", path, sizeof(path));
	FILE *f = json ? fopen(path, "w") : NULL;
	bool ok = f && fputs(json, f) >= 0;
	if (f && fclose(f) != 0)
		ok = false;
	free(json);
	return ok ? true : fail(r, "dump: cannot write %s", path);
}

/* A "Vm…:  N kB" line of /proc/self/status in KiB; -1 when it cannot be read. */
static long status_kib(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	size_t len = strlen(field);
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, field, len) == 0 && line[len] == ':') {
			kib = strtol(line + len + 1, NULL, 10);
			break;
		}
	}
	if (f)
		fclose(f);
	return kib;
}

/* memory NAME: writes DIR/NAME.json with what the process holds at this line: the resident set
 * (VmRSS) and its parts, private memory (RssAnon: where a leak shows) and pages of mapped files
 * (RssFile: the fonts' glyphs as they are first drawn, shared and reclaimable, bounded by the files),
 * its peak (VmHWM), the bytes glibc's main allocator has handed out (meaningless under a sanitizer,
 * which brings its own), what two bounded caches hold of that (the text layouts, SQLite's pages) and
 * the virtual clock. Soak tests compare these over thousands of sessions in one process. */
static bool do_memory(struct run *r, const char *name)
{
	struct mallinfo2 mi = mallinfo2();
	char json[400], path[1024];
	snprintf(json, sizeof(json),
		 "{\"rss_kib\": %ld, \"rss_anon_kib\": %ld, \"rss_file_kib\": %ld, \"hwm_kib\": %ld, \"heap_kib\": %zu, "
		 "\"text_cache_kib\": %zu, \"sqlite_kib\": %lld, \"virtual_ms\": %llu, \"line\": %d}\n",
		 status_kib("VmRSS"), status_kib("RssAnon"), status_kib("RssFile"), status_kib("VmHWM"),
		 (mi.uordblks + mi.hblkhd) / 1024, app_text_cache_bytes(r->app) / 1024,
		 (long long)(sqlite3_memory_used() / 1024), (unsigned long long)clock_now_ms(app_clock(r->app)), r->line);
	out_path(r, name, ".json", path, sizeof(path));
	FILE *f = fopen(path, "w");
	bool ok = f && fputs(json, f) >= 0;
	if (f && fclose(f) != 0)
		ok = false;
	return ok ? true : fail(r, "memory: cannot write %s", path);
}

static bool do_shot(struct run *r, const char *name)
{
	app_draw(r->app, false);
	char path[1024], err[512];
	out_path(r, name, ".png", path, sizeof(path));
	if (!app_screenshot(r->app, path, err, sizeof(err)))
		return fail(r, "shot: %s", err);
	app_draw(r->app, true);
	return true;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* `frames N [NAME]`: N full redraws of the current screen (UI pass, draw, present) in real time, for
 * the benchmarks; prints "frames NAME THEME N MEDIAN_MS P99_MS" on stdout, NAME defaulting to the
 * screen's (a dialog over a screen needs its own). */
static bool do_frames(struct run *r, const char *arg)
{
	char *e = NULL;
	long n = strtol(arg, &e, 10);
	const char *name = e + strspn(e, " \t");
	if (!*arg || (*e && *e != ' ' && *e != '\t') || n < 1 || n > FRAMES_MAX || strpbrk(name, " \t"))
		return fail(r, "frames: expected a count from 1 to %d and an optional name, got \"%s\"", FRAMES_MAX, arg);
	if (!*name)
		name = app_screen_name(r->app);
	double *ms = malloc((size_t)n * sizeof(*ms));
	if (!ms)
		return fail(r, "frames: out of memory");
	app_draw(r->app, true); /* layouts and glyphs of this screen made before timing */
	for (long i = 0; i < n; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		app_draw(r->app, true);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	}
	qsort(ms, (size_t)n, sizeof(*ms), by_value);
	long p99 = n * 99 / 100;
	printf("frames %s %s %ld %.3f %.3f\n", name, app_theme_name(r->app), n, ms[n / 2],
	       ms[p99 < n ? p99 : n - 1]);
	fflush(stdout);
	free(ms);
	return true;
}

static bool run_line(struct run *r, char *line)
{
	char *cmd = line + strspn(line, " \t");
	char *end = cmd + strcspn(cmd, "\r\n");
	*end = '\0';
	while (end > cmd && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (!*cmd || *cmd == '#')
		return true;
	char *arg = cmd + strcspn(cmd, " \t");
	if (*arg) {
		*arg++ = '\0';
		arg += strspn(arg, " \t");
	}
	/* "standard: CMD" and "large: CMD" run CMD only in that kind of theme (the large themes ask one
	 * question per screen), so one scenario walks a flow in both. */
	if (strcmp(cmd, "standard:") == 0 || strcmp(cmd, "large:") == 0) {
		bool standard = strcmp(app_theme_name(r->app), "standard") == 0;
		return standard != (cmd[0] == 's') ? true : run_line(r, arg);
	}
	if (strcmp(cmd, "tap") == 0 || strcmp(cmd, "touch") == 0)
		return do_tap(r, arg, strcmp(cmd, "touch") == 0);
	if (strcmp(cmd, "wait") == 0) {
		char *e = NULL;
		long ms = strtol(arg, &e, 10);
		if (!*arg || *e || ms < 0 || ms > 24L * 3600 * 1000)
			return fail(r, "wait: expected milliseconds (up to a day), got \"%s\"", arg);
		do_wait(r->app, (uint64_t)ms);
		return true;
	}
	if (strcmp(cmd, "drag") == 0)
		return do_drag(r, arg);
	if (strcmp(cmd, "ink") == 0)
		return do_ink(r, arg);
	if (strcmp(cmd, "hold") == 0)
		return do_hold(r, arg);
	if (strcmp(cmd, "wait-for") == 0 || strcmp(cmd, "wait-gone") == 0)
		return do_wait_for(r, cmd, arg, strcmp(cmd, "wait-for") == 0);
	if (strcmp(cmd, "pause") == 0)
		return do_pause(r, arg);
	if (strcmp(cmd, "type") == 0) {
		if (!app_type(r->app, arg))
			return fail(r, "type: no text field is focused");
		return true;
	}
	if (strcmp(cmd, "key") == 0) {
		if (!app_key(r->app, arg))
			return fail(r, "key %s: no focused field, or not one of Backspace Enter Escape Tab", arg);
		return true;
	}
	if (strcmp(cmd, "goto") == 0) {
		if (!app_goto(r->app, arg))
			return fail(r, "goto %s: no such screen, or not open now (staff screens need staff mode)", arg);
		return true;
	}
	if (strcmp(cmd, "expect") == 0 || strcmp(cmd, "expect-not") == 0) {
		app_draw(r->app, false);
		bool is_point;
		int x, y;
		bool present = resolve(app_ui(r->app), arg, &is_point, &x, &y) != NULL;
		if (present != (strcmp(cmd, "expect") == 0))
			return fail(r, present ? "expect-not %s: it is on screen" : "expect %s: not on screen", arg);
		return true;
	}
	if (strcmp(cmd, "expect-contains") == 0 || strcmp(cmd, "expect-not-contains") == 0) {
		size_t len = strlen(arg);
		if (len < 3 || arg[0] != '"' || arg[len - 1] != '"')
			return fail(r, "%s: expected \"text\"", cmd);
		char needle[LINE_MAX_LEN];
		snprintf(needle, sizeof(needle), "%.*s", (int)(len - 2), arg + 1);
		app_draw(r->app, false);
		const struct ui *ui = app_ui(r->app);
		bool found = false;
		for (size_t i = 0; i < ui->widget_count && !found; i++)
			found = strstr(ui->widgets[i].text, needle) || strstr(ui->widgets[i].label, needle);
		if (found != (strcmp(cmd, "expect-contains") == 0))
			return fail(r, found ? "%s %s: some widget shows it" : "%s %s: no widget shows it", cmd, arg);
		return true;
	}
	if (strcmp(cmd, "expect-said") == 0) {
		size_t len = strlen(arg);
		if (len < 3 || arg[0] != '"' || arg[len - 1] != '"')
			return fail(r, "%s: expected \"text\"", cmd);
		char needle[LINE_MAX_LEN];
		snprintf(needle, sizeof(needle), "%.*s", (int)(len - 2), arg + 1);
		app_draw(r->app, false);
		if (!strstr(app_last_speech(r->app), needle))
			return fail(r, "expect-said %s: the last thing said was \"%s\"", arg, app_last_speech(r->app));
		return true;
	}
	if (strcmp(cmd, "expect-enabled") == 0 || strcmp(cmd, "expect-disabled") == 0) {
		app_draw(r->app, false);
		bool is_point;
		int x, y;
		const struct ui_widget *w = resolve(app_ui(r->app), arg, &is_point, &x, &y);
		if (!w)
			return fail(r, "%s %s: not on screen", cmd, arg);
		if (w->enabled != (strcmp(cmd, "expect-enabled") == 0))
			return fail(r, "%s %s: it is %s", cmd, arg, w->enabled ? "enabled" : "disabled");
		return true;
	}
	if (strcmp(cmd, "expect-screen") == 0) {
		app_draw(r->app, false);
		if (strcmp(app_screen_name(r->app), arg) != 0) {
			snprintf(r->why, sizeof(r->why), "expect-screen %s: the screen is %s", arg, app_screen_name(r->app));
			return false;
		}
		return true;
	}
	if (strcmp(cmd, "shot") == 0 || strcmp(cmd, "dump") == 0) {
		if (!*arg || strchr(arg, '/'))
			return fail(r, "%s: expected a file name without /", cmd);
		return strcmp(cmd, "shot") == 0 ? do_shot(r, arg) : do_dump(r, arg);
	}
	if (strcmp(cmd, "frames") == 0)
		return do_frames(r, arg);
	if (strcmp(cmd, "memory") == 0) {
		if (!*arg || strchr(arg, '/'))
			return fail(r, "memory: expected a file name without /");
		return do_memory(r, arg);
	}
	return fail(r, "unknown command \"%s\"", cmd);
}

int script_run_text(struct app *app, const char *path, const char *text, size_t len, const char *out_dir)
{
	struct run r = {.app = app, .path = path, .out_dir = out_dir};
	if (out_dir && mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "%s: cannot create: %s\n", out_dir, strerror(errno));
		return 2;
	}
	char line[LINE_MAX_LEN];
	int status = 0;
	app_draw(app, true);
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) + 1 : len - at; /* with its line break */
		r.line++;
		bool ok;
		if (n > LINE_MAX_LEN - 1) {
			ok = fail(&r, "line longer than %d bytes", LINE_MAX_LEN - 1);
		} else if (memchr(text + at, '\0', n)) {
			ok = fail(&r, "a NUL byte in the line");
		} else {
			memcpy(line, text + at, n);
			line[n] = '\0';
			ok = run_line(&r, line);
		}
		at += n;
		if (ok && app_has_display(app)) { /* on a real display, show each step long enough to watch */
			app_draw(app, true);
			SDL_Delay(250);
		}
		if (ok && app_quitting(app)) { /* staff chose to exit to the desktop: the run ends here */
			fprintf(stderr, "%s:%d: the kiosk exited to the desktop; the rest of the script is not run\n", path,
				r.line);
			break;
		}
		if (!ok) {
			fprintf(stderr, "%s:%d: %s\n", path, r.line, r.why);
			char shot[1024], err[256];
			out_path(&r, "failure", ".png", shot, sizeof(shot));
			app_draw(app, false);
			if (!app_screenshot(app, shot, err, sizeof(err)))
				fprintf(stderr, "failure screenshot: %s\n", err);
			status = 1;
			break;
		}
	}
	return status;
}

int script_run(struct app *app, const char *path, const char *out_dir)
{
	size_t len = 0;
	char *text = atomic_file_read(path, SCRIPT_MAX, &len);
	if (!text) {
		fprintf(stderr, "%s: cannot open: %s\n", path, errno == EFBIG ? "larger than 16 MiB" : strerror(errno));
		return 2;
	}
	int status = script_run_text(app, path, text, len, out_dir);
	free(text);
	return status;
}
