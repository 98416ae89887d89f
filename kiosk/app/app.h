/* The kiosk application: configuration, fonts, texts, the platform, the screen stack, the visitor's
 * session and its lifecycle (attract screen, idle warning, wipe), and the event loop that draws only
 * when something changed. main.c parses arguments and calls app_create and app_run; the automation
 * driver steps the same app through the functions below. */
#ifndef KIOSK_APP_APP_H
#define KIOSK_APP_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app/clock.h"
#include "ui/ui.h"

struct app_options {
	bool headless, windowed;
	int width, height; /* 0: the display's size */
	const char *config_path; /* NULL: defaults only */
	const char *data_dir; /* NULL: no persistent data */
	const char *script_path, *out_dir; /* automation */
	bool first_frame_only; /* benchmark: exit after presenting the first frame */
	bool sync_now; /* deliver the outbox and refresh reference data once, then exit */
};

struct app;

/* Loads everything the kiosk needs and opens the display; NULL with a reason in err. */
struct app *app_create(const struct app_options *opts, char *err, size_t errlen);
void app_destroy(struct app *app);
/* Runs until quit; returns the process exit status. */
int app_run(struct app *app);
/* `kiosk --sync-now`: one delivery and refresh pass without a display; prints the outbox counts.
 * Returns 0 when nothing is left pending, 3 when some remains, 2 when it cannot run. */
int app_sync_now(const struct app_options *opts);

/* One UI pass handling ev (NULL: none); applies what the screen asked for. An event is activity. */
void app_handle(struct app *app, const struct ui_event *ev);
/* Runs the timers that are due (idle warning, wipe); returns the time of the next one, 0 for none. */
uint64_t app_tick(struct app *app);
/* Draws the current state; presents it when present is true. */
void app_draw(struct app *app, bool present);
/* Writes the frame drawn last (before presenting) to a PNG. */
bool app_screenshot(struct app *app, const char *path, char *err, size_t errlen);
/* Types text into the focused field, as an input method commits it; false when none is focused. */
bool app_type(struct app *app, const char *text);
/* A named key (Backspace, Enter, Escape, Tab) for the focused field; false when it does nothing. */
bool app_key(struct app *app, const char *name);
/* Opens a screen by name on top of the stack (developer screens included); false when unknown or
 * refused (a staff screen without staff mode active). */
bool app_goto(struct app *app, const char *name);
/* Ends the session now: wipes it and shows the attract screen (what an idle timeout does). */
void app_end_session(struct app *app);
/* True once staff chose to exit to the desktop (the loop and the automation driver stop). */
bool app_quitting(const struct app *app);

/* True when frames reach a real display (not --headless). */
bool app_has_display(const struct app *app);
const struct ui *app_ui(const struct app *app);
const char *app_screen_name(const struct app *app);
const char *app_theme_name(const struct app *app);
const char *app_lang_tag(const struct app *app);
/* The last text handed to the synthesizer in the assisted mode ("" for none). */
const char *app_last_speech(const struct app *app);
/* Draws the first frame if none was, and waits until what starts after it has loaded (the pinyin
 * engine): for a program that must run after those libraries are set up, such as an exit handler
 * registered next (their static destructors then run after it). */
void app_wait_started(struct app *app);
struct clock *app_clock(struct app *app);
/* Layout cache and glyph statistics, for benchmarks and cache tests. */
void app_text_stats(const struct app *app, size_t *layouts_made, uint64_t *glyphs_rasterized);
/* The bytes the layout cache holds now (bounded by its budget), for the soak's memory records. */
size_t app_text_cache_bytes(const struct app *app);

#endif
