/* The application; see app.h.
 * Idle costs nothing: the loop blocks in SDL_WaitEventTimeout and draws only after an event changed
 * something. Each input event runs one UI pass (widgets see it), then one more pass draws the result. */
#include "app/app.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <SDL.h>

#include "app/session.h"
#include "app/staff_gesture.h"
#include "app/strings.h"
#include "app/input_methods.h"
#include "app/voice_session.h"
#include "automation/script.h"
#include "booking/booking_data.h"
#include "assistance/assistance_catalog.h"
#include "charity/charity_catalog.h"
#include "data/data_health.h"
#include "data/store.h"
#include "idcard/idcard_watch.h"
#include "net/sync.h"
#include "net/query.h"
#include "config/config.h"
#include "core/install_paths.h"
#include "core/log.h"
#include "core/wiping_alloc.h"
#include "platform/platform.h"
#include "print/printer.h"
#include "render/png_io.h"
#include "render/renderer.h"
#include "screens/assisted_bar.h"
#include "screens/flow.h"
#include "screens/screen.h"
#include "staff/audit.h"
#include "staff/staff_mode.h"
#include "staff/staff_settings.h"
#include "text/text_cache.h"


#define TEXT_CACHE_BUDGET (8u << 20)

#define STACK_MAX 16

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
	struct session session;
	struct kiosk_context kiosk;
	const struct screen_desc *stack[STACK_MAX];
	int depth;
	enum text_lang lang;
	enum theme_kind theme_kind;
	uint64_t last_activity;
	bool warning; /* the idle warning is up */
	uint64_t warning_since;
	unsigned changes; /* bumped whenever the state changes outside a pass (timers) */
	bool quit;
	bool out_of_service; /* no font draws a language offered: the outage notice, not the attract screen */
	bool store_ok; /* the store opened healthy: it takes submissions while its disk has room */
	enum text_lang outage_lang; /* a language the fonts draw the notice in */
	struct voice_session *voice; /* the assisted mode's speech */
	struct input_methods *input; /* the Chinese keyboards' pinyin and handwriting */
	bool after_first_frame; /* the network, the voice and the input methods were started */
	struct staff_mode staff; /* PIN, lockout, staff screens' requests, settings version */
	struct staff_gesture gesture; /* the hidden hold that opens the PIN pad */
	int64_t close_ignored_at; /* wall clock of the last "window close ignored" log line */
	char *refused_doc; /* the last remote settings document refused whole (not processed again) */
	Uint32 wake_event; /* an SDL user event: the sync thread has settings for the UI thread */
};

void idle_warning_build(struct screen_ctx *ctx);

/* Visitors must never meet empty boxes where words should be: when no installed font draws the
 * service names in a language the kiosk offers (fonts-noto-cjk missing, a fonts.ini naming files
 * that are not there), say so once in the log and show the out-of-service notice, in a language
 * the fonts do draw, instead of the attract screen. */
static void check_fonts(struct app *app, const char *manifest)
{
	static const char *const probes[] = {"home.greeting", "home.booking.title", "home.assistance.title",
					     "home.charity.title", "outage.title"};
	char offered[300], missing[64] = "";
	const char *sample = "";
	unsigned seen = 0;
	snprintf(offered, sizeof(offered), "%s %s", config_str(&app->cfg, "kiosk", "language"),
		 config_str(&app->cfg, "kiosk", "languages"));
	char *save = NULL;
	for (char *tag = strtok_r(offered, " ", &save); tag; tag = strtok_r(NULL, " ", &save)) {
		int lang = text_lang_parse(tag);
		if (lang < 0 || (seen & (1u << lang)))
			continue;
		seen |= 1u << lang;
		for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
			const char *text = strings_get(app->strings, (enum text_lang)lang, probes[i]);
			if (!font_set_draws(app->fonts, (enum text_lang)lang, text)) {
				size_t used = strlen(missing);
				snprintf(missing + used, sizeof(missing) - used, "%s%s", used ? ", " : "", tag);
				if (!sample[0])
					sample = text;
				break;
			}
		}
	}
	if (!missing[0])
		return;
	app->out_of_service = true;
	app->outage_lang = TEXT_LANG_EN;
	for (int i = 0; i < TEXT_LANG_COUNT; i++) {
		enum text_lang lang = (enum text_lang)i;
		if (font_set_draws(app->fonts, lang, strings_get(app->strings, lang, "outage.title")) &&
		    font_set_draws(app->fonts, lang, strings_get(app->strings, lang, "outage.body"))) {
			app->outage_lang = lang;
			break;
		}
	}
	kiosk_log(LOG_ERROR,
		  "fonts: no installed font draws the %s interface (\"%s\" would show as empty boxes): install "
		  "fonts-noto-cjk, or correct %s; until then visitors see the out-of-service notice (in %s)",
		  missing, sample, manifest, text_lang_tag(app->outage_lang));
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

/* The sync engine's options from the configuration. */
static void sync_options_from(const struct config *cfg, const char *data_dir, struct sync_options *o)
{
	memset(o, 0, sizeof(*o));
	o->data_dir = data_dir;
	o->http.base_url = config_str(cfg, "backend", "url");
	o->http.kiosk_id = config_str(cfg, "kiosk", "id");
	o->http.secret = config_str(cfg, "backend", "secret");
	o->http.ca_file = config_str(cfg, "backend", "ca_file");
	o->http.insecure_development = config_bool(cfg, "backend", "insecure_development");
	o->reference_refresh_s = (int)config_int(cfg, "sync", "reference_refresh");
	o->heartbeat_s = (int)config_int(cfg, "sync", "heartbeat");
	o->retry_max_s = (int)config_int(cfg, "sync", "retry_max");
	o->retention_s = config_int(cfg, "store", "retention_days") * 86400;
	o->app_version = KIOSK_APP_VERSION;
}

static void start_network(struct app *app);

/* Opens the UI's store and starts the sync thread; a store that cannot take submissions keeps
 * the kiosk running with the read-only services (the screens say so calmly). */
static void open_data(struct app *app)
{
	char err[512];
	app->kiosk.can_submit = false;
	snprintf(app->kiosk.why, sizeof(app->kiosk.why), "no data directory (--data)");
	if (!app->opts.data_dir)
		return;
	struct store_options so = {.create = true};
	app->kiosk.store = store_open(app->opts.data_dir, &so, err, sizeof(err));
	if (!app->kiosk.store) {
		snprintf(app->kiosk.why, sizeof(app->kiosk.why), "%s", err);
		kiosk_log(LOG_ERROR, "store: %s", err);
		return;
	}
	app->kiosk.booking = booking_data_create(app->kiosk.store);
	app->kiosk.charity = charity_data_create(app->kiosk.store);
	app->kiosk.assistance = assist_data_create(app->kiosk.store);
	enum store_health h = store_health(app->kiosk.store, app->kiosk.why, sizeof(app->kiosk.why));
	app->kiosk.can_submit = app->store_ok = h == STORE_HEALTHY;
	if (h != STORE_HEALTHY)
		kiosk_log(LOG_ERROR, "the kiosk cannot take submissions: %s", app->kiosk.why);
	booking_data_set_window(app->kiosk.booking, (int)config_int(&app->cfg, "booking", "window_days"));
	/* The network starts after the first frame (start_after_first_frame). */
}

#define SUBMIT_ROOM_MIN (1 << 20) /* bytes free where the data lives: a submission, its log, slack */

/* Room for a visitor's submission, looked at as each session starts: a disk that filled up since
 * sends the next visitor to the calm screen before they fill in a form for nothing (the review
 * would refuse to store it), and a disk with room again brings the services back. Said in the log
 * when it changes. */
static void check_room(struct app *app)
{
	if (!app->store_ok)
		return;
	struct data_health dh;
	data_health_collect(NULL, app->opts.data_dir, &dh);
	bool room = dh.disk_free_bytes < 0 || dh.disk_free_bytes >= SUBMIT_ROOM_MIN;
	if (room == app->kiosk.can_submit)
		return;
	app->kiosk.can_submit = room;
	if (room) {
		snprintf(app->kiosk.why, sizeof(app->kiosk.why), "The store is working normally.");
		kiosk_log(LOG_INFO, "the disk of %s has room again: the kiosk takes submissions", app->opts.data_dir);
	} else {
		snprintf(app->kiosk.why, sizeof(app->kiosk.why),
			 "The disk of %s has %lld bytes free (less than %d): the kiosk takes no submissions until there "
			 "is room; what was stored before is safe.",
			 app->opts.data_dir, (long long)dh.disk_free_bytes, SUBMIT_ROOM_MIN);
		kiosk_log(LOG_ERROR, "the kiosk cannot take submissions: %s", app->kiosk.why);
	}
}

/* Called on the sync thread: a settings document waits; wake the UI loop (SDL_PushEvent is
 * thread-safe), which takes it on the UI thread. */
static void settings_ready(void *ctx)
{
	struct app *app = ctx;
	SDL_Event e;
	memset(&e, 0, sizeof(e));
	e.type = app->wake_event;
	if (app->wake_event != (Uint32)-1)
		SDL_PushEvent(&e);
}

/* Called on the card reader's thread: a card waits; wake the UI loop, which takes it in app_tick. */
static void idcard_ready(void *ctx)
{
	settings_ready(ctx);
}

/* Starts the card reader's thread for [idcard] reader; a kiosk without a reader runs on. */
static void start_idcard(struct app *app)
{
	char err[300];
	app->kiosk.idcard = idcard_watch_start(config_str(&app->cfg, "idcard", "reader"), idcard_ready, app, err,
					       sizeof(err));
	if (!app->kiosk.idcard && err[0])
		kiosk_log(LOG_ERROR, "identity card reader: %s", err);
}

/* A card the reader thread holds goes into the session, for the form on screen to fill from. */
static void take_idcard(struct app *app)
{
	struct idcard_record card;
	enum idcard_event ev = idcard_watch_take(app->kiosk.idcard, &card);
	if (ev == IDCARD_EVENT_NONE)
		return;
	idcard_record_wipe(&app->session.card.record);
	if (ev == IDCARD_EVENT_CARD)
		app->session.card.record = card;
	app->session.card.event = (int)ev;
	app->session.card.seq++;
	idcard_record_wipe(&card);
	app->last_activity = clock_now_ms(&app->clock); /* someone is there */
	app->changes++;
}

/* Starts the sync thread and the query worker for the configured backend (none without one). */
static void start_network(struct app *app)
{
	char err[512];
	if (!app->kiosk.store)
		return;
	if (!config_str(&app->cfg, "backend", "url")[0]) {
		kiosk_log(LOG_INFO, "no backend configured: submissions stay in the outbox");
		return;
	}
	struct sync_options o;
	sync_options_from(&app->cfg, app->opts.data_dir, &o);
	o.settings_version = app->staff.settings_version;
	o.process_started_at = app->staff.started_at;
	o.settings_ready = settings_ready;
	o.settings_ctx = app;
	app->kiosk.sync = sync_start(&o, err, sizeof(err));
	if (!app->kiosk.sync)
		kiosk_log(LOG_ERROR, "sync engine: %s", err);
	/* Lookups go to the backend on their own thread and client, with the same options. */
	app->kiosk.query = query_start(&o.http, err, sizeof(err));
	if (!app->kiosk.query)
		kiosk_log(LOG_ERROR, "query worker: %s", err);
}

/* Stops the sync thread and the query worker (each finishes the request in flight). */
static void stop_network(struct app *app)
{
	query_stop(app->kiosk.query);
	app->kiosk.query = NULL;
	sync_stop(app->kiosk.sync);
	app->kiosk.sync = NULL;
}

int app_sync_now(const struct app_options *opts)
{
	signal(SIGPIPE, SIG_IGN);
	char err[512];
	struct config cfg;
	config_init(&cfg);
	if (!opts->data_dir) {
		fprintf(stderr, "kiosk: --sync-now needs --data DIR\n");
		return 2;
	}
	if (opts->config_path && !config_load(&cfg, opts->config_path, err, sizeof(err))) {
		fprintf(stderr, "kiosk: %s\n", err);
		return 2;
	}
	log_set_level((enum log_level)log_level_parse(config_str(&cfg, "log", "level")));
	if (!config_str(&cfg, "backend", "url")[0]) {
		fprintf(stderr, "kiosk: --sync-now needs [backend] url in the configuration\n");
		return 2;
	}
	if (!prepare_data_dir(opts->data_dir, err, sizeof(err))) {
		fprintf(stderr, "kiosk: %s\n", err);
		return 2;
	}
	struct sync_options o;
	sync_options_from(&cfg, opts->data_dir, &o);
	struct outbox_counts c;
	if (!sync_run_once(&o, 20, &c, err, sizeof(err))) {
		fprintf(stderr, "kiosk: %s\n", err);
		return 2;
	}
	for (int i = 0; i < SUB_STATE_COUNT; i++)
		printf("%s %d\n", submission_state_name((enum submission_state)i), c.by_state[i]);
	return c.by_state[SUB_PENDING] ? 3 : 0;
}

struct app *app_create(const struct app_options *opts, char *err, size_t errlen)
{
	/* A peer closing a connection must be an error return, not a signal that ends the kiosk. */
	signal(SIGPIPE, SIG_IGN);
	struct app *app = calloc(1, sizeof(*app));
	if (!app) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	app->opts = *opts;
	wiping_alloc_for_cjson(); /* the documents it prints and parses hold what visitors typed */
	config_init(&app->cfg);
	if (opts->config_path && !config_load(&app->cfg, opts->config_path, err, errlen))
		goto fail;
	log_set_level((enum log_level)log_level_parse(config_str(&app->cfg, "log", "level")));
	if (opts->data_dir && !prepare_data_dir(opts->data_dir, err, errlen))
		goto fail;
	/* What staff and the fleet changed on this kiosk (DATA/settings.ini) over the --config file. */
	int settings_version = 0;
	staff_settings_load(&app->cfg, opts->data_dir, &settings_version);
	log_set_level((enum log_level)log_level_parse(config_str(&app->cfg, "log", "level")));
	staff_mode_init(&app->staff, opts->data_dir, &app->cfg, settings_version, clock_wall());
	app->kiosk.staff = &app->staff;
	/* The receipt printer: when printing is on, its queue is checked in the background from now. */
	app->kiosk.printer = printer_create();
	if (config_bool(&app->cfg, "printer", "enabled"))
		printer_available(app->kiosk.printer, config_str(&app->cfg, "printer", "queue"));
	app->wake_event = SDL_RegisterEvents(1);

	char path[1024];
	snprintf(path, sizeof(path), "%s/fonts.ini", install_dir_path(INSTALL_FONTS));
	app->fonts = font_set_create(path, err, errlen);
	if (!app->fonts)
		goto fail;
	snprintf(path, sizeof(path), "%s/i18n", install_dir_path(INSTALL_ASSETS));
	app->strings = strings_load(path, err, errlen);
	if (!app->strings)
		goto fail;
	snprintf(path, sizeof(path), "%s/fonts.ini", install_dir_path(INSTALL_FONTS));
	check_fonts(app, path);
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
	/* The voice and the input methods start after the first frame (start_after_first_frame). */
	clock_init(&app->clock, opts->script_path != NULL);
	open_data(app);
	start_idcard(app);
	app_end_session(app); /* start as after a session: defaults, attract screen */
	return app;
fail:
	app_destroy(app);
	return NULL;
}

void app_destroy(struct app *app)
{
	if (!app)
		return;
	query_stop(app->kiosk.query);
	sync_stop(app->kiosk.sync);
	idcard_watch_stop(app->kiosk.idcard);
	booking_data_destroy(app->kiosk.booking);
	charity_data_destroy(app->kiosk.charity);
	assist_data_destroy(app->kiosk.assistance);
	store_close(app->kiosk.store);
	printer_destroy(app->kiosk.printer);
	free(app->refused_doc);
	session_wipe(&app->session);
	ui_finish(&app->ui);
	input_methods_destroy(app->input);
	voice_session_destroy(app->voice); /* before the platform: it ends SDL, audio included */
	renderer_destroy(app->renderer);
	platform_destroy(app->platform);
	text_cache_destroy(app->texts);
	strings_destroy(app->strings);
	font_set_destroy(app->fonts);
	free(app);
}

static const struct screen_desc *top(const struct app *app)
{
	return app->stack[app->depth - 1];
}

static bool on_attract(const struct app *app)
{
	return strcmp(top(app)->name, "attract") == 0;
}

static bool is_staff_screen(const struct screen_desc *d)
{
	return d && strncmp(d->name, "staff.", 6) == 0;
}

static uint64_t idle_limit_ms(const struct app *app)
{
	const char *key = app->theme_kind == THEME_STANDARD ? "idle_timeout" : "idle_timeout_large";
	return (uint64_t)config_int(&app->cfg, "session", key) * 1000u;
}

static uint64_t countdown_ms(const struct app *app)
{
	return (uint64_t)config_int(&app->cfg, "session", "warning_countdown") * 1000u;
}

static void reset_stack(struct app *app, const char *name)
{
	app->stack[0] = screen_find(name);
	app->depth = 1;
}

void app_end_session(struct app *app)
{
	app->staff.active = false; /* staff mode ends with the session, wiped like a visitor's */
	app->staff.request = STAFF_REQUEST_NONE;
	staff_gesture_reset(&app->gesture);
	idcard_watch_arm(app->kiosk.idcard, false); /* a card not taken yet goes with the session */
	session_wipe(&app->session);
	ui_reset(&app->ui);
	/* Laid-out texts hold what the visitor typed (a name, an ID number while it was being typed). */
	text_cache_clear(app->texts);
	voice_session_reset(app->voice);
	input_methods_wipe(app->input); /* what was typed or written, in the engines too */
	app->lang = (enum text_lang)text_lang_parse(config_str(&app->cfg, "kiosk", "language"));
	app->theme_kind = (enum theme_kind)theme_kind_parse(config_str(&app->cfg, "kiosk", "theme"));
	app->warning = false;
	if (app->out_of_service)
		app->lang = app->outage_lang;
	check_room(app);
	reset_stack(app, app->out_of_service ? "outage" : "attract");
	app->last_activity = clock_now_ms(&app->clock);
	app->changes++;
}

/* Acts on what changed settings need: the sync thread restarts for backend and sync settings, the
 * booking window is passed on. Defaults (language, theme) are read at the next session's start. */
static void apply_effects(struct app *app)
{
	unsigned effects = app->staff.effects;
	app->staff.effects = 0;
	if (effects & SETTING_EFFECT_SYNC) {
		kiosk_log(LOG_INFO, "backend or sync settings changed: restarting the sync thread");
		stop_network(app);
		start_network(app);
	}
	if (effects & SETTING_EFFECT_BOOKING)
		booking_data_set_window(app->kiosk.booking, (int)config_int(&app->cfg, "booking", "window_days"));
	if (effects)
		app->changes++;
}

/* A settings document from the backend, handed over by the sync thread: applied here, on the UI thread. */
static void take_remote_settings(struct app *app)
{
	char *doc = NULL;
	if (!sync_take_settings(app->kiosk.sync, &doc))
		return;
	if (app->refused_doc && strcmp(app->refused_doc, doc) == 0) { /* refused whole before: audited once */
		free(doc);
		return;
	}
	int before = app->staff.settings_version;
	app->staff.effects |= staff_settings_apply_remote(&app->cfg, app->opts.data_dir, doc, &app->staff.settings_version);
	if (app->staff.settings_version != before) {
		sync_set_settings_version(app->kiosk.sync, app->staff.settings_version);
		free(doc);
	} else {
		free(app->refused_doc);
		app->refused_doc = doc;
	}
	apply_effects(app);
	app->changes++;
}

/* The hidden hold completed: the PIN pad over the attract screen. */
static void open_staff_entry(struct app *app)
{
	const struct screen_desc *pin = screen_find("staff.pin");
	if (pin && app->depth < STACK_MAX)
		app->stack[app->depth++] = pin;
	app->ui.focus = 0;
	app->last_activity = clock_now_ms(&app->clock);
	app->changes++;
}

uint64_t app_tick(struct app *app)
{
	uint64_t now = clock_now_ms(&app->clock);
	take_remote_settings(app);
	take_idcard(app);
	if (on_attract(app)) {
		if (!staff_gesture_due(&app->gesture, now))
			return staff_gesture_deadline(&app->gesture);
		open_staff_entry(app);
	}
	if (is_staff_screen(top(app))) {
		/* Staff mode has its own timeout and no warning: it simply ends, wiped like a session. */
		uint64_t limit = app->last_activity + (uint64_t)config_int(&app->cfg, "staff", "idle_timeout") * 1000u;
		if (now < limit)
			return limit;
		kiosk_log(LOG_INFO, "staff mode idle: session wiped, attract screen");
		staff_mode_leave(&app->staff, "idle");
		app_end_session(app);
		return 0;
	}
	uint64_t limit = app->last_activity + idle_limit_ms(app);
	if (!app->warning && now >= limit) {
		app->warning = true;
		app->warning_since = limit;
		app->changes++;
	}
	if (!app->warning)
		return limit;
	uint64_t end = app->warning_since + countdown_ms(app);
	if (now >= end) {
		kiosk_log(LOG_INFO, "nobody answered the idle warning: session wiped, attract screen");
		app_end_session(app);
		return 0;
	}
	uint64_t next_second = app->warning_since + ((now - app->warning_since) / 1000u + 1u) * 1000u;
	return next_second < end ? next_second : end;
}

static void begin_pass(struct app *app, const struct ui_event *ev)
{
	int w, h;
	platform_size(app->platform, &w, &h);
	theme_init(&app->theme, app->theme_kind, w, h);
	ui_begin(&app->ui, &app->theme, app->lang, w, h, clock_now_ms(&app->clock), ev);
	input_methods_before_pass(app->input, &app->ui, app->strings);
}

static void apply(struct app *app, const struct screen_request *rq)
{
	if (rq->lang >= 0)
		app->lang = (enum text_lang)rq->lang;
	if (rq->theme >= 0)
		app->theme_kind = (enum theme_kind)rq->theme;
	const struct screen_desc *before = top(app);
	switch (rq->nav) {
	case SCREEN_STAY:
		break;
	case SCREEN_PUSH: {
		const struct screen_desc *next = rq->go ? screen_find(rq->go) : NULL;
		if (!next)
			kiosk_log(LOG_ERROR, "no screen called %s", rq->go ? rq->go : "(null)");
		else if (is_staff_screen(next) && strcmp(next->name, "staff.pin") != 0 && !app->staff.active)
			kiosk_log(LOG_WARN, "%s refused: staff mode is not active", next->name);
		else if (app->depth < STACK_MAX)
			app->stack[app->depth++] = next;
		break;
	}
	case SCREEN_BACK:
		if (app->depth > 1)
			app->depth--;
		break;
	case SCREEN_BACK_TO:
		while (app->depth > 1 && rq->go && strcmp(top(app)->name, rq->go) != 0)
			app->depth--;
		break;
	case SCREEN_HOME:
		reset_stack(app, "home");
		break;
	case SCREEN_START:
		reset_stack(app, "home");
		break;
	}
	if (top(app) != before) {
		app->ui.focus = 0; /* a new screen starts with the keyboard closed */
		app->ui.toast_until = 0; /* and without the last screen's message over its buttons */
	}
}

/* What the staff screens asked for in the pass just run. */
static void staff_requests(struct app *app)
{
	enum staff_request rq = app->staff.request;
	app->staff.request = STAFF_REQUEST_NONE;
	switch (rq) {
	case STAFF_REQUEST_NONE:
		break;
	case STAFF_REQUEST_ENTER:
		reset_stack(app, "staff.home");
		app->ui.focus = 0;
		app->changes++;
		break;
	case STAFF_REQUEST_LEAVE:
		app_end_session(app);
		break;
	case STAFF_REQUEST_QUIT:
		app->quit = true;
		break;
	}
	if (app->staff.effects)
		apply_effects(app);
}

static void handle_pass(struct app *app, const struct ui_event *ev);

void app_handle(struct app *app, const struct ui_event *ev)
{
	bool input = ev && ev->kind != UI_EVENT_NONE;
	if (input) {
		uint64_t now = clock_now_ms(&app->clock);
		app->last_activity = now;
		switch (staff_gesture_event(&app->gesture, ev, on_attract(app), now)) {
		case GESTURE_PASS:
			break;
		case GESTURE_SWALLOW:
			return;
		case GESTURE_REPLAY: {
			struct ui_event held = app->gesture.held;
			handle_pass(app, &held);
			break;
		}
		}
	}
	handle_pass(app, ev);
	if (app->ui.record_hidden) /* the voice reads the whole screen: one more pass records all of it */
		handle_pass(app, NULL);
}

/* One UI pass with ev and what the screen asked for. */
static void handle_pass(struct app *app, const struct ui_event *ev)
{
	begin_pass(app, ev);
	const struct screen_desc *built = top(app);
	struct screen_ctx ctx = {&app->ui, app->strings, &app->cfg, &app->session, &app->kiosk,
				 {-1, -1, SCREEN_STAY, NULL}, 0, built->name, false};
	app->kiosk.idcard_wanted = false;
	built->build(&ctx);
	screen_ref_note_update(&ctx);
	/* the reader keeps a card only while the screen on top is a form that takes one */
	idcard_watch_arm(app->kiosk.idcard, app->kiosk.idcard_wanted && !app->warning);
	assisted_bar_dialogs(&ctx);
	if (app->warning) {
		uint64_t now = clock_now_ms(&app->clock), end = app->warning_since + countdown_ms(app);
		ctx.idle_seconds_left = now < end ? (int)((end - now + 999u) / 1000u) : 0;
		idle_warning_build(&ctx);
	}
	ui_end(&app->ui);
	/* Speech follows what this pass showed (the screen built, not the one it asked for next). */
	bool assisted = app->theme_kind != THEME_STANDARD && config_bool(&app->cfg, "voice", "enabled") &&
			strncmp(built->name, "staff.", 6) != 0;
	voice_session_after_pass(app->voice, &app->ui, &app->session, built->name, assisted);
	/* A whole tap (the release) while the warning is up means someone is there: carry on. */
	if (app->warning && ev && ev->kind == UI_EVENT_RELEASE) {
		app->warning = false;
		*session_int(&app->session, "iw.said", 0) = 0; /* the next warning is said again */
		app->changes++;
	}
	apply(app, &ctx.request);
	staff_requests(app);
	/* A staff screen stays only while staff mode is active (the PIN screen excepted). */
	if (is_staff_screen(top(app)) && strcmp(top(app)->name, "staff.pin") != 0 && !app->staff.active)
		app_end_session(app);
}

/* What the first screen does not need starts once it is drawn, so the kiosk shows its face at once:
 * the sync thread and the query worker (libcurl is opened for them, lazy/curl.c), the voice
 * (espeak-ng's data, then the audio device on the voice's worker, which can take a tenth of a second)
 * and the input methods (Rime and the handwriting model, on their own threads). A part that cannot
 * start is left out with a log line; the kiosk runs on without it. */
static void start_after_first_frame(struct app *app)
{
	app->after_first_frame = true;
	if (app->opts.first_frame_only)
		return; /* the benchmark's cold start ends here */
	start_network(app);
	int volume = (int)config_int(&app->cfg, "voice", "volume");
	/* Headless (tests, the demo) synthesizes without an audio device; a kiosk without one stays silent. */
	app->voice = voice_session_create(&(struct voice_options){.audio = !app->opts.headless, .volume_pct = volume},
					  volume);
	if (!app->voice)
		kiosk_log(LOG_ERROR, "out of memory: the voice is off");
	app->kiosk.voice = app->voice;
	app->input = input_methods_create(settings_ready, app);
	if (!app->input)
		kiosk_log(LOG_ERROR, "out of memory: pinyin and handwriting are off");
}

void app_draw(struct app *app, bool present)
{
	/* A pass may move things (a focused field scrolled into view): lay out again before drawing. */
	for (int i = 0; i < 3; i++) {
		app_handle(app, NULL);
		if (!app->ui.relayout)
			break;
	}
	renderer_draw(app->renderer, &app->ui.draw, app->theme.background);
	if (present)
		platform_present(app->platform);
	text_cache_trim(app->texts);
	if (!app->after_first_frame)
		start_after_first_frame(app);
}

bool app_type(struct app *app, const char *text)
{
	app_draw(app, false); /* the focused field is known after a pass */
	app->last_activity = clock_now_ms(&app->clock);
	return ui_type(&app->ui, text);
}

bool app_key(struct app *app, const char *name)
{
	app_draw(app, false);
	app->last_activity = clock_now_ms(&app->clock);
	return ui_key(&app->ui, name);
}

bool app_goto(struct app *app, const char *name)
{
	struct screen_request rq = {-1, -1, SCREEN_PUSH, name};
	if (!screen_find(name))
		return false;
	apply(app, &rq);
	app->last_activity = clock_now_ms(&app->clock);
	return strcmp(top(app)->name, name) == 0;
}

bool app_quitting(const struct app *app)
{
	return app->quit;
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

bool app_has_display(const struct app *app)
{
	return platform_has_display(app->platform);
}

const struct ui *app_ui(const struct app *app)
{
	return &app->ui;
}

void app_wait_started(struct app *app)
{
	if (!app->after_first_frame)
		app_draw(app, false);
	input_methods_wait_loaded(app->input);
}

const char *app_last_speech(const struct app *app)
{
	return voice_session_last(app->voice);
}

const char *app_screen_name(const struct app *app)
{
	return top(app)->name;
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

size_t app_text_cache_bytes(const struct app *app)
{
	return text_cache_stats(app->texts).bytes;
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

/* Milliseconds until the earliest of the app's timers and the UI's wake-ups; -1: none. */
static int wait_ms(struct app *app, uint64_t next_timer)
{
	uint64_t now = clock_now_ms(&app->clock);
	uint64_t wake = next_timer;
	if (app->ui.wake_at && (!wake || app->ui.wake_at < wake))
		wake = app->ui.wake_at;
	if (app->ui.animating && (!wake || now + 16 < wake))
		wake = now + 16;
	if (!wake)
		return -1;
	if (wake <= now)
		return 0;
	return wake - now > 3600000u ? 3600000 : (int)(wake - now);
}

static bool handle_key(struct app *app, const SDL_Event *e)
{
	if (e->type == SDL_TEXTINPUT)
		return app_type(app, e->text.text);
	static const struct {
		SDL_Keycode code;
		const char *name;
	} keys[] = {{SDLK_BACKSPACE, "Backspace"}, {SDLK_RETURN, "Enter"}, {SDLK_ESCAPE, "Escape"}, {SDLK_TAB, "Tab"}};
	for (size_t i = 0; e->type == SDL_KEYDOWN && i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (e->key.keysym.sym == keys[i].code)
			return app_key(app, keys[i].name);
	}
	return false;
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
		unsigned changes = app->changes;
		uint64_t next = app_tick(app);
		if (app->changes != changes)
			dirty = true;
		if (dirty) {
			app_draw(app, true);
			dirty = false;
		}
		SDL_Event e;
		int timeout = wait_ms(app, next);
		if (!SDL_WaitEventTimeout(&e, timeout)) {
			dirty = timeout >= 0; /* a timer or an animation is due */
			continue;
		}
		do {
			struct ui_event ev;
			if (e.type == SDL_QUIT) {
				/* Locked down, the window manager cannot send this (platform.c): it is SIGTERM or
				 * SIGINT, from systemd or a shutdown, which must stop the kiosk. */
				kiosk_log(LOG_INFO, "quit requested (signal)");
				app->quit = true;
			} else if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
				if (!platform_locked_down(app->platform)) {
					kiosk_log(LOG_INFO, "window closed");
					app->quit = true;
				} else if (clock_wall() - app->close_ignored_at >= 60) {
					/* Alt+F4 or a window manager's close: citizens never leave the kiosk. */
					kiosk_log(LOG_INFO, "a request to close the window was ignored (locked down; staff mode can exit)");
					app->close_ignored_at = clock_wall();
				}
			} else if (e.type == app->wake_event) {
				dirty = true; /* settings from the backend: app_tick takes them */
			} else if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET ||
				   e.type == SDL_RENDER_DEVICE_RESET) {
				dirty = true;
			} else if (translate(app, &e, &ev)) {
				app_handle(app, &ev);
				dirty = true;
			} else if (handle_key(app, &e)) {
				dirty = true;
			}
		} while (SDL_PollEvent(&e));
	}
	return 0;
}
