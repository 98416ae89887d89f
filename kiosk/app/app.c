/* The application; see app.h.
 * Idle costs nothing: the loop blocks in SDL_WaitEventTimeout and draws only after an event changed
 * something. Each input event runs one UI pass (widgets see it), then one more pass draws the result. */
#include "app/app.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <SDL.h>

#include "app/strings.h"
#include "automation/script.h"
#include "config/config.h"
#include "core/log.h"
#include "platform/platform.h"
#include "render/png_io.h"
#include "render/renderer.h"
#include "screens/screen.h"
#include "text/text_cache.h"

#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif
#ifndef KIOSK_FONTS_DIR
#define KIOSK_FONTS_DIR "fonts"
#endif

#define TEXT_CACHE_BUDGET (8u << 20)

struct app {
	struct app_options opts;
	struct config cfg;
	struct font_set *fonts;
	struct text_cache *texts;
	struct strings *strings;
	struct platform *platform;
	struct renderer *renderer;
	struct ui ui;
	struct theme theme;
	struct clock clock;
	const struct screen_desc *screen;
	enum text_lang lang;
	enum theme_kind theme_kind;
	bool quit;
};

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);
	return v && v[0] ? v : fallback;
}

static bool prepare_data_dir(const char *dir, char *err, size_t errlen)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "--data %s: not a directory", dir);
			return false;
		}
		return true;
	}
	if (mkdir(dir, 0700) != 0) {
		snprintf(err, errlen, "--data %s: cannot create: %s", dir, strerror(errno));
		return false;
	}
	return true;
}

struct app *app_create(const struct app_options *opts, char *err, size_t errlen)
{
	struct app *app = calloc(1, sizeof(*app));
	if (!app) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	app->opts = *opts;
	config_init(&app->cfg);
	if (opts->config_path && !config_load(&app->cfg, opts->config_path, err, errlen))
		goto fail;
	log_set_level((enum log_level)log_level_parse(config_str(&app->cfg, "log", "level")));
	if (opts->data_dir && !prepare_data_dir(opts->data_dir, err, errlen))
		goto fail;

	char path[1024];
	snprintf(path, sizeof(path), "%s/fonts.ini", env_or("KIOSK_FONTS_DIR", KIOSK_FONTS_DIR));
	app->fonts = font_set_create(path, err, errlen);
	if (!app->fonts)
		goto fail;
	snprintf(path, sizeof(path), "%s/i18n/strings.ini", env_or("KIOSK_ASSETS_DIR", KIOSK_ASSETS_DIR));
	app->strings = strings_load(path, err, errlen);
	if (!app->strings)
		goto fail;
	app->texts = text_cache_create(app->fonts, TEXT_CACHE_BUDGET);
	if (!app->texts) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	struct platform_options po = {opts->headless, opts->windowed || !config_bool(&app->cfg, "display", "fullscreen"),
				      opts->width, opts->height, config_str(&app->cfg, "display", "renderer")};
	app->platform = platform_create(&po, err, errlen);
	if (!app->platform)
		goto fail;
	app->renderer = renderer_create(platform_renderer(app->platform), app->fonts);
	if (!app->renderer) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	ui_init(&app->ui, app->texts);
	clock_init(&app->clock, opts->script_path != NULL);
	app->lang = (enum text_lang)text_lang_parse(config_str(&app->cfg, "kiosk", "language"));
	app->theme_kind = (enum theme_kind)theme_kind_parse(config_str(&app->cfg, "kiosk", "theme"));
	app->screen = screen_find("home");
	return app;
fail:
	app_destroy(app);
	return NULL;
}

void app_destroy(struct app *app)
{
	if (!app)
		return;
	ui_finish(&app->ui);
	renderer_destroy(app->renderer);
	platform_destroy(app->platform);
	text_cache_destroy(app->texts);
	strings_destroy(app->strings);
	font_set_destroy(app->fonts);
	free(app);
}

static void begin_pass(struct app *app, const struct ui_event *ev)
{
	int w, h;
	platform_size(app->platform, &w, &h);
	theme_init(&app->theme, app->theme_kind, w, h);
	ui_begin(&app->ui, &app->theme, app->lang, w, h, ev);
}

void app_handle(struct app *app, const struct ui_event *ev)
{
	begin_pass(app, ev);
	struct screen_ctx ctx = {&app->ui, app->strings, &app->cfg, {-1, -1, NULL}};
	app->screen->build(&ctx);
	ui_end(&app->ui);
	if (ctx.request.lang >= 0)
		app->lang = (enum text_lang)ctx.request.lang;
	if (ctx.request.theme >= 0)
		app->theme_kind = (enum theme_kind)ctx.request.theme;
	if (ctx.request.go) {
		const struct screen_desc *next = screen_find(ctx.request.go);
		if (next)
			app->screen = next;
		else
			kiosk_log(LOG_ERROR, "no screen called %s", ctx.request.go);
	}
}

void app_draw(struct app *app, bool present)
{
	app_handle(app, NULL);
	renderer_draw(app->renderer, &app->ui.draw, app->theme.background);
	if (present)
		platform_present(app->platform);
	text_cache_trim(app->texts);
}

bool app_screenshot(struct app *app, const char *path, char *err, size_t errlen)
{
	uint32_t *pixels = NULL;
	int w, h;
	if (!platform_read_pixels(app->platform, &pixels, &w, &h)) {
		snprintf(err, errlen, "cannot read the frame back");
		return false;
	}
	bool ok = png_write_argb(path, pixels, w, h, w * 4, err, errlen);
	free(pixels);
	return ok;
}

const struct ui *app_ui(const struct app *app)
{
	return &app->ui;
}

const char *app_screen_name(const struct app *app)
{
	return app->screen->name;
}

const char *app_theme_name(const struct app *app)
{
	return app->theme.name;
}

const char *app_lang_tag(const struct app *app)
{
	return text_lang_tag(app->lang);
}

struct clock *app_clock(struct app *app)
{
	return &app->clock;
}

void app_text_stats(const struct app *app, size_t *layouts_made, uint64_t *glyphs_rasterized)
{
	*layouts_made = text_cache_stats(app->texts).misses;
	*glyphs_rasterized = renderer_glyphs_rasterized(app->renderer);
}

/* Translates an SDL event into a UI event; false when the UI does not care. */
static bool translate(struct app *app, const SDL_Event *e, struct ui_event *out)
{
	int w, h;
	platform_size(app->platform, &w, &h);
	switch (e->type) {
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
			return false; /* synthesised from touch: the finger event already counted */
		out->kind = e->type == SDL_MOUSEBUTTONDOWN ? UI_EVENT_PRESS : UI_EVENT_RELEASE;
		out->x = e->button.x;
		out->y = e->button.y;
		return true;
	case SDL_MOUSEMOTION:
		if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
			return false;
		out->kind = UI_EVENT_MOVE;
		out->x = e->motion.x;
		out->y = e->motion.y;
		return true;
	case SDL_FINGERDOWN:
	case SDL_FINGERUP:
	case SDL_FINGERMOTION:
		out->kind = e->type == SDL_FINGERDOWN ? UI_EVENT_PRESS
			    : e->type == SDL_FINGERUP ? UI_EVENT_RELEASE
						      : UI_EVENT_MOVE;
		out->x = (int)(e->tfinger.x * (float)w);
		out->y = (int)(e->tfinger.y * (float)h);
		return true;
	default:
		return false;
	}
}

int app_run(struct app *app)
{
	if (app->opts.script_path)
		return script_run(app, app->opts.script_path, app->opts.out_dir);
	if (app->opts.first_frame_only) {
		app_draw(app, true);
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		printf("first-frame peak_rss_kib=%ld\n", ru.ru_maxrss);
		fflush(stdout);
		return 0;
	}
	app_draw(app, true);
	platform_settle(app->platform);
	bool dirty = true; /* full-screen may have resized the window */
	while (!app->quit) {
		if (dirty) {
			app_draw(app, true);
			dirty = false;
		}
		SDL_Event e;
		if (!SDL_WaitEventTimeout(&e, 60 * 1000))
			continue;
		do {
			struct ui_event ev;
			if (e.type == SDL_QUIT) {
				kiosk_log(LOG_INFO, "quit requested");
				app->quit = true;
			} else if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET ||
				   e.type == SDL_RENDER_DEVICE_RESET) {
				dirty = true;
			} else if (translate(app, &e, &ev)) {
				app_handle(app, &ev);
				dirty = true;
			}
		} while (SDL_PollEvent(&e));
	}
	return 0;
}
