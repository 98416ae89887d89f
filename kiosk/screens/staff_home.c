/* staff.home: the kiosk's health at a glance and the staff menu. Health: identity, version, uptime,
 * network link, backend reachability and the last successful sync, the outbox by state with the age
 * of the oldest pending submission, how old the reference data is, disk space, database size, the
 * store's state and the remote settings version. Refreshed every second while shown. The menu opens
 * the outbox, settings, help requests, test tools and PIN change; "退出到桌面" appears only when
 * [staff] allow_exit is on, and asks first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "data/data_health.h"
#include "data/store.h"
#include "net/link_state.h"
#include "net/sync.h"
#include "screens/flow.h"
#include "screens/staff_common.h"

#ifndef KIOSK_APP_VERSION
#define KIOSK_APP_VERSION "0.0.0"
#endif

void staff_home_build(struct screen_ctx *ctx);

#define REFRESH_MS 1000

struct health_row {
	const char *id, *label_key;
	char value[UI_TEXT_MAX];
	bool bad; /* shown in the error colour */
};

static int collect(struct screen_ctx *ctx, struct health_row *rows)
{
	struct staff_mode *sm = staff_of(ctx);
	const struct config *cfg = ctx->cfg;
	struct store *store = ctx->kiosk->store;
	int64_t now = clock_wall();
	int n = 0;
	char a[96], b[96];
#define ROW(ID, KEY) (rows[n].id = (ID), rows[n].label_key = (KEY), rows[n].bad = false, &rows[n++])
	struct health_row *r = ROW("staff.health.id", "staff.health.id");
	snprintf(r->value, sizeof(r->value), "%s", config_str(cfg, "kiosk", "id"));
	r = ROW("staff.health.name", "staff.health.name");
	const char *hall = config_str(cfg, "kiosk", "hall_name");
	snprintf(r->value, sizeof(r->value), "%s", hall[0] ? hall : screen_text(ctx, "hall.name"));
	r = ROW("staff.health.location", "staff.health.location");
	const char *where = config_str(cfg, "kiosk", "location");
	snprintf(r->value, sizeof(r->value), "%s", where[0] ? where : screen_text(ctx, "staff.unset"));
	r = ROW("staff.health.version", "staff.health.version");
	snprintf(r->value, sizeof(r->value), "%s", KIOSK_APP_VERSION);
	r = ROW("staff.health.uptime", "staff.health.uptime");
	staff_format_age(ctx, now - sm->started_at, r->value, sizeof(r->value));

	char ifname[64] = "";
	bool link = link_state_up(ifname, sizeof(ifname));
	r = ROW("staff.health.network", "staff.health.network");
	if (link)
		screen_paren(ctx, screen_text(ctx, "staff.network.up"), ifname, r->value, sizeof(r->value));
	else
		snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.network.down"));
	r->bad = !link;

	struct sync_status st = {0};
	bool has_backend = config_str(cfg, "backend", "url")[0] != '\0';
	if (ctx->kiosk->sync)
		sync_get_status(ctx->kiosk->sync, &st);
	r = ROW("staff.health.backend", "staff.health.backend");
	if (!has_backend) {
		snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.backend.none"));
	} else if (!ctx->kiosk->sync) {
		snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.backend.stopped"));
		r->bad = true;
	} else if (st.backend_reachable) {
		snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.backend.up"));
	} else {
		char error[96];
		snprintf(error, sizeof(error), "%.80s", st.last_error);
		if (error[0])
			screen_colon(ctx, screen_text(ctx, "staff.backend.down"), error, r->value, sizeof(r->value));
		else
			snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.backend.down"));
		r->bad = true;
	}
	int64_t last = st.last_success_at;
	char meta[32];
	if (!last && store && store_meta_get(store, "last_success_at", meta, sizeof(meta)))
		last = strtoll(meta, NULL, 10);
	r = ROW("staff.health.last_sync", "staff.health.last_sync");
	staff_format_time(last, r->value, sizeof(r->value));

	struct outbox_counts oc;
	if (!store || !store_outbox_counts(store, &oc))
		memset(&oc, 0, sizeof(oc));
	r = ROW("staff.health.pending", "staff.health.pending");
	if (oc.by_state[SUB_PENDING] && oc.oldest_pending_created) {
		staff_format_age(ctx, now - oc.oldest_pending_created, a, sizeof(a));
		char count[16], oldest[UI_TEXT_MAX];
		snprintf(count, sizeof(count), "%d", oc.by_state[SUB_PENDING]);
		snprintf(oldest, sizeof(oldest), "%s %s", screen_text(ctx, "staff.oldest"), a);
		screen_paren(ctx, count, oldest, r->value, sizeof(r->value));
	} else {
		snprintf(r->value, sizeof(r->value), "%d", oc.by_state[SUB_PENDING]);
	}
	r = ROW("staff.health.delivered", "staff.health.delivered");
	snprintf(r->value, sizeof(r->value), "%d", oc.by_state[SUB_DELIVERED]);
	r = ROW("staff.health.stopped", "staff.health.stopped");
	snprintf(r->value, sizeof(r->value), "%d / %d", oc.by_state[SUB_REJECTED], oc.by_state[SUB_NEEDS_REBOOKING]);
	r->bad = oc.by_state[SUB_REJECTED] + oc.by_state[SUB_NEEDS_REBOOKING] > 0;

	struct data_health dh;
	data_health_collect(store, sm->data_dir, &dh);
	r = ROW("staff.health.reference", "staff.health.reference");
	if (dh.oldest_fetched_at) {
		staff_format_age(ctx, now - dh.oldest_fetched_at, a, sizeof(a));
		snprintf(r->value, sizeof(r->value), "%s %s", a, screen_text(ctx, "staff.ago"));
	} else {
		snprintf(r->value, sizeof(r->value), "%s", screen_text(ctx, "staff.reference.none"));
		r->bad = true;
	}
	r = ROW("staff.health.disk", "staff.health.disk");
	staff_format_bytes(dh.disk_free_bytes, r->value, sizeof(r->value));
	r->bad = dh.disk_free_bytes >= 0 && dh.disk_free_bytes < 200 * 1000 * 1000;
	r = ROW("staff.health.db", "staff.health.db");
	staff_format_bytes(dh.db_bytes, b, sizeof(b));
	snprintf(r->value, sizeof(r->value), "%s", b);
	r = ROW("staff.health.store", "staff.health.store");
	if (store) {
		char why[256];
		bool healthy = store_health(store, why, sizeof(why)) == STORE_HEALTHY;
		snprintf(r->value, sizeof(r->value), "%s", healthy ? screen_text(ctx, "staff.store.ok") : why);
		r->bad = !healthy;
	} else {
		snprintf(r->value, sizeof(r->value), "%.200s", ctx->kiosk->why);
		r->bad = true;
	}
	r = ROW("staff.health.settings", "staff.health.settings");
	snprintf(r->value, sizeof(r->value), "%d", sm->settings_version);
#undef ROW
	return n;
}

struct menu_entry {
	const char *id, *key, *go;
};

static const struct menu_entry menu[] = {
	{"staff.menu.outbox", "staff.outbox.title", "staff.outbox"},
	{"staff.menu.settings", "staff.settings.title", "staff.settings"},
	{"staff.menu.help", "staff.help.title", "staff.help"},
	{"staff.menu.tools", "staff.tools.title", "staff.tools"},
	{"staff.menu.pin", "staff.pin_change.title", "staff.pin_change"},
};

/* The menu as a grid of `cols` columns in r; returns its height. */
static int menu_grid(struct screen_ctx *ctx, struct rect r, int cols, bool allow_exit)
{
	const struct theme *t = &ctx->ui->theme;
	int count = (int)(sizeof(menu) / sizeof(menu[0])) + (allow_exit ? 1 : 0);
	int rows = (count + cols - 1) / cols;
	int cell_w = (r.w - (cols - 1) * t->gap) / cols;
	for (int i = 0; i < count; i++) {
		struct rect cell = {r.x + (i % cols) * (cell_w + t->gap), r.y + (i / cols) * (t->target + t->gap), cell_w,
				    t->target};
		if (i == (int)(sizeof(menu) / sizeof(menu[0]))) {
			if (staff_button(ctx, "staff.menu.exit_desktop", cell, screen_text(ctx, "staff.exit_desktop"),
					 UI_BUTTON_QUIET, true))
				*session_int(ctx->session, "st.exit_confirm", 0) = 1;
			continue;
		}
		if (staff_button(ctx, menu[i].id, cell, screen_text(ctx, menu[i].key), UI_BUTTON_SECONDARY, true))
			screen_push(ctx, menu[i].go);
	}
	return rows * t->target + (rows - 1) * t->gap;
}

static int health_list(struct screen_ctx *ctx, struct rect r, const struct health_row *rows, int n)
{
	const struct theme *t = &ctx->ui->theme;
	int y0 = r.y;
	r.y += staff_heading(ctx, "staff.health.title", r, screen_text(ctx, "staff.health.title")) + t->gap / 2;
	for (int i = 0; i < n; i++)
		r.y += staff_row(ctx, rows[i].id, r, screen_text(ctx, rows[i].label_key), rows[i].value,
				 rows[i].bad ? t->error : t->text) + t->gap / 3;
	return r.y - y0;
}

void staff_home_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.home.title"), .exit = true};
	struct rect area = staff_begin(ctx, &c);
	if (!sm || !sm->active) {
		staff_end(ctx, &c);
		return;
	}
	struct health_row rows[20];
	int n = collect(ctx, rows);
	bool allow_exit = config_bool(ctx->cfg, "staff", "allow_exit");
	bool landscape = ui->width > ui->height;
	struct ui_scroll scroll;
	if (landscape) {
		struct rect right = rect_cut_right(&area, area.w * 2 / 5);
		rect_cut_right(&area, t->pad);
		struct rect in = ui_scroll_begin(ui, &scroll, "staff.home.scroll", area);
		ui_scroll_end(ui, &scroll, in.y + health_list(ctx, in, rows, n));
		right.y += staff_heading(ctx, "staff.menu.title", right, screen_text(ctx, "staff.menu.title")) + t->gap / 2;
		menu_grid(ctx, right, 1, allow_exit);
	} else {
		struct rect in = ui_scroll_begin(ui, &scroll, "staff.home.scroll", area);
		int y = in.y;
		y += staff_heading(ctx, "staff.menu.title", (struct rect){in.x, y, in.w, in.h}, screen_text(ctx, "staff.menu.title")) +
		     t->gap / 2;
		y += menu_grid(ctx, (struct rect){in.x, y, in.w, in.h}, 2, allow_exit) + t->pad;
		y += health_list(ctx, (struct rect){in.x, y, in.w, in.h}, rows, n);
		ui_scroll_end(ui, &scroll, y);
	}
	int *confirm = session_int(ctx->session, "st.exit_confirm", 0);
	if (*confirm && allow_exit) {
		struct rect buttons = ui_dialog_begin(ui, "staff.exit_confirm", screen_text(ctx, "staff.exit_desktop"),
						      screen_text(ctx, "staff.exit_desktop.body"), 1);
		if (staff_button(ctx, "staff.exit_confirm.yes", rect_cell(buttons, 0, 2, t->gap, true),
				 screen_text(ctx, "staff.exit_desktop.yes"), UI_BUTTON_PRIMARY, true)) {
			*confirm = 0;
			staff_mode_quit(sm);
		}
		if (staff_button(ctx, "staff.exit_confirm.no", rect_cell(buttons, 1, 2, t->gap, true),
				 screen_text(ctx, "staff.no"), UI_BUTTON_SECONDARY, true))
			*confirm = 0;
		ui_dialog_end(ui);
	}
	ui_wake_at(ui, ui->now_ms + REFRESH_MS);
	staff_end(ctx, &c);
}
