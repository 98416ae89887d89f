/* staff.outbox: the outbox by state, "立即同步" (a sync pass now that ignores backoff; audited), and the submissions
 * that stopped (rejected by the backend, or a booking whose slot filled), newest first, each opening
 * staff.record. Refreshed every second while shown, so a sync's effect appears by itself. Lists only
 * what still holds its payload (a stopped record is purged after the retention period). */
#include <stdio.h>
#include <string.h>

#include "app/clock.h"
#include "data/store.h"
#include "net/sync.h"
#include "screens/flow.h"
#include "screens/staff_common.h"
#include "staff/audit.h"

void staff_outbox_build(struct screen_ctx *ctx);

#define REFRESH_MS 1000
#define SHOWN_MAX 24

struct stopped {
	int64_t id;
	enum submission_kind kind;
	enum submission_state state;
	int64_t created_at;
	char code[64];
};

struct collect {
	struct stopped items[SHOWN_MAX];
	int count, total;
};

static bool visit(void *arg, const struct submission *sub)
{
	struct collect *c = arg;
	if (sub->state != SUB_REJECTED && sub->state != SUB_NEEDS_REBOOKING)
		return true;
	c->total++;
	/* Keep the newest SHOWN_MAX: visits come oldest first. */
	if (c->count == SHOWN_MAX) {
		memmove(&c->items[0], &c->items[1], sizeof(c->items[0]) * (SHOWN_MAX - 1));
		c->count--;
	}
	struct stopped *s = &c->items[c->count++];
	s->id = sub->id;
	s->kind = sub->kind;
	s->state = sub->state;
	s->created_at = sub->created_at;
	snprintf(s->code, sizeof(s->code), "%s", sub->error_code);
	return true;
}

void staff_outbox_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.outbox.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	struct store *store = ctx->kiosk->store;
	int *note = session_int(ctx->session, "st.outbox.note", 0);
	if (!sm || !sm->active) {
		staff_end(ctx, &c);
		return;
	}
	struct outbox_counts oc;
	if (!store || !store_outbox_counts(store, &oc))
		memset(&oc, 0, sizeof(oc));
	struct collect found = {.count = 0};
	for (int k = 0; store && k < SUB_KIND_COUNT; k++)
		store_each(store, (enum submission_kind)k, visit, &found);

	struct rect actions = rect_cut_bottom(&area, t->target);
	rect_cut_bottom(&area, t->gap);
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "staff.outbox.scroll", area);
	int y = in.y;
	char value[UI_TEXT_MAX], age[64];
	static const char *const state_keys[SUB_STATE_COUNT] = {"staff.state.pending", "staff.state.delivered",
								 "staff.state.rejected", "staff.state.needs_rebooking"};
	static const char *const state_ids[SUB_STATE_COUNT] = {"staff.outbox.pending", "staff.outbox.delivered",
								"staff.outbox.rejected", "staff.outbox.needs_rebooking"};
	y += staff_heading(ctx, "staff.outbox.counts", (struct rect){in.x, y, in.w, in.h},
			   screen_text(ctx, "staff.outbox.counts")) + t->gap / 2;
	for (int s = 0; s < SUB_STATE_COUNT; s++) {
		snprintf(value, sizeof(value), "%d", oc.by_state[s]);
		if (s == SUB_PENDING && oc.by_state[s] == 0)
			screen_paren(ctx, "0", screen_text(ctx, "staff.outbox.all_sent"), value, sizeof(value));
		y += staff_row(ctx, state_ids[s], (struct rect){in.x, y, in.w, in.h}, screen_text(ctx, state_keys[s]), value,
			       s >= SUB_REJECTED && oc.by_state[s] ? t->error : t->text) + t->gap / 3;
		if (s == SUB_PENDING && oc.by_state[s] && oc.oldest_pending_created) {
			staff_format_age(ctx, clock_wall() - oc.oldest_pending_created, age, sizeof(age));
			y += staff_row(ctx, "staff.outbox.oldest", (struct rect){in.x, y, in.w, in.h},
				       screen_text(ctx, "staff.outbox.oldest"), age, t->text) + t->gap / 3;
		}
	}
	if (*note) {
		y += t->gap / 2;
		y += ui_text(ui, "staff.outbox.note", (struct rect){in.x, y, in.w, in.h},
			     screen_text(ctx, *note == 1 ? "staff.outbox.syncing" : "staff.outbox.nobackend"), TEXT_BODY,
			     TEXT_ALIGN_START, 0, *note == 1 ? t->text : t->error);
	}
	y += t->pad;
	y += staff_heading(ctx, "staff.outbox.stopped", (struct rect){in.x, y, in.w, in.h},
			   screen_text(ctx, "staff.outbox.stopped")) + t->gap / 2;
	if (found.count == 0)
		y += ui_text(ui, "staff.outbox.none", (struct rect){in.x, y, in.w, in.h}, screen_text(ctx, "staff.outbox.none"),
			     TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted) + t->gap;
	for (int i = found.count - 1; i >= 0; i--) {
		const struct stopped *s = &found.items[i];
		char kind_key[48], when[32], id[UI_ID_MAX], text[UI_TEXT_MAX];
		snprintf(kind_key, sizeof(kind_key), "staff.kind.%s", submission_kind_name(s->kind));
		staff_format_time(s->created_at, when, sizeof(when));
		snprintf(text, sizeof(text), "%s · %s · %s", screen_text(ctx, kind_key), when, s->code[0] ? s->code : "—");
		snprintf(id, sizeof(id), "staff.outbox.record.%d", found.count - 1 - i);
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.icon = s->state == SUB_NEEDS_REBOOKING ? "⟳" : "⚠";
		if (ui_button(ui, id, (struct rect){in.x, y, in.w, t->target}, text, &look)) {
			*session_int(ctx->session, "st.record", 0) = (int)s->id;
			*session_int(ctx->session, "st.record.step", 0) = 0;
			screen_push(ctx, "staff.record");
		}
		y += t->target + t->gap / 2;
	}
	if (found.total > found.count) {
		snprintf(value, sizeof(value), "%s %d", screen_text(ctx, "staff.outbox.more"), found.total - found.count);
		y += ui_text(ui, "staff.outbox.more", (struct rect){in.x, y, in.w, in.h}, value, TEXT_BODY, TEXT_ALIGN_START, 0,
			     t->text_muted);
	}
	ui_scroll_end(ui, &scroll, y);
	if (staff_button(ctx, "staff.outbox.sync", actions, screen_text(ctx, "staff.outbox.sync"), UI_BUTTON_PRIMARY, true)) {
		if (ctx->kiosk->sync) {
			sync_now(ctx->kiosk->sync);
			audit_write(sm->data_dir, "sync_now", "requested", NULL);
			*note = 1;
		} else {
			audit_write(sm->data_dir, "sync_now", "no_backend", NULL);
			*note = 2;
		}
	}
	ui_wake_at(ui, ui->now_ms + REFRESH_MS);
	staff_end(ctx, &c);
}
