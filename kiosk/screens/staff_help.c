/* staff.help: help requests raised on this kiosk (the assisted mode's "call staff": help-request
 * submissions in the outbox), newest first, with when, on which screen, why, the reference the visitor
 * was shown (HQ-…), whether the backend has them and whether the visitor called them off; "标记为已处理"
 * marks one handled (kept in DATA/help_handled, audited). "暂无求助" when there are none. Refreshed
 * every second while shown. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "data/store.h"
#include "screens/staff_common.h"
#include "staff/audit.h"

void staff_help_build(struct screen_ctx *ctx);

#define REFRESH_MS 1000
#define SHOWN_MAX 20

struct request {
	char key[37];
	int64_t created_at;
	enum submission_state state;
	char screen[48], reason[24], reference[16];
};

#define CANCELS_MAX 64

struct found {
	struct request items[SHOWN_MAX];
	int count;
	char cancelled[CANCELS_MAX][16]; /* kiosk references of the visitors' cancellations */
	int cancel_count;
};

static bool visit_cancel(void *arg, const struct submission *sub)
{
	struct found *f = arg;
	cJSON *p = sub->payload ? cJSON_Parse(sub->payload) : NULL;
	const char *ref = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "kiosk_reference"));
	if (ref && f->cancel_count < CANCELS_MAX)
		snprintf(f->cancelled[f->cancel_count++], sizeof(f->cancelled[0]), "%s", ref);
	cJSON_Delete(p);
	return true;
}

static bool cancelled(const struct found *f, const char *reference)
{
	for (int i = 0; reference[0] && i < f->cancel_count; i++) {
		if (strcmp(f->cancelled[i], reference) == 0)
			return true;
	}
	return false;
}

static bool visit(void *arg, const struct submission *sub)
{
	struct found *f = arg;
	if (f->count == SHOWN_MAX) { /* keep the newest: visits come oldest first */
		memmove(&f->items[0], &f->items[1], sizeof(f->items[0]) * (SHOWN_MAX - 1));
		f->count--;
	}
	struct request *r = &f->items[f->count++];
	memset(r, 0, sizeof(*r));
	snprintf(r->key, sizeof(r->key), "%s", sub->key);
	r->created_at = sub->created_at;
	r->state = sub->state;
	cJSON *p = sub->payload ? cJSON_Parse(sub->payload) : NULL;
	const char *screen = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "screen"));
	const char *reason = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "reason"));
	const char *reference = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "kiosk_reference"));
	snprintf(r->reference, sizeof(r->reference), "%s", reference ? reference : "");
	snprintf(r->screen, sizeof(r->screen), "%s", screen ? screen : "—");
	snprintf(r->reason, sizeof(r->reason), "%s", reason ? reason : "other");
	cJSON_Delete(p);
	return true;
}

void staff_help_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.help.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	if (!sm || !sm->active) {
		staff_end(ctx, &c);
		return;
	}
	struct found f = {.count = 0};
	if (ctx->kiosk->store) {
		store_each(ctx->kiosk->store, SUB_HELP_REQUEST, visit, &f);
		store_each(ctx->kiosk->store, SUB_HELP_CANCEL, visit_cancel, &f);
	}
	struct ui_scroll scroll;
	struct rect in = ui_scroll_begin(ui, &scroll, "staff.help.scroll", area);
	int y = in.y;
	if (f.count == 0)
		y += ui_text(ui, "staff.help.none", (struct rect){in.x, y, in.w, in.h}, screen_text(ctx, "staff.help.none"),
			     TEXT_HEADING, TEXT_ALIGN_START, 0, t->text_muted);
	for (int i = f.count - 1, row = 0; i >= 0; i--, row++) {
		const struct request *r = &f.items[i];
		char when[32], reason_key[48], line[UI_TEXT_MAX], id[UI_ID_MAX], state_key[48];
		bool handled = help_handled_has(&sm->handled, r->key);
		bool called_off = cancelled(&f, r->reference);
		staff_format_time(r->created_at, when, sizeof(when));
		snprintf(reason_key, sizeof(reason_key), "staff.help.reason.%s", r->reason);
		snprintf(state_key, sizeof(state_key), "staff.help.sent.%s", r->state == SUB_DELIVERED ? "yes" : "no");
		/* A card per request: measured first, so its panel is drawn under its texts. */
		char when_line[UI_TEXT_MAX], where_line[UI_TEXT_MAX];
		snprintf(when_line, sizeof(when_line), "%s · %s", when, screen_text(ctx, reason_key));
		snprintf(where_line, sizeof(where_line), "%s %s · %s%s%s", screen_text(ctx, "staff.help.screen"), r->screen,
			 screen_text(ctx, state_key), r->reference[0] ? " · " : "", r->reference);
		int inner_w = in.w - 2 * t->gap;
		struct text_style hs = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_START, 0);
		struct text_style bs = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
		const struct text_layout *lh = ui_measure(ui, when_line, &hs, inner_w);
		const struct text_layout *lb = ui_measure(ui, where_line, &bs, inner_w);
		int action_h = handled || called_off ? ui_line_height(ui, TEXT_BODY) : t->target;
		int card_h = t->gap + (lh ? lh->height : 0) + (lb ? lb->height : 0) + t->gap / 2 + action_h + t->gap;
		struct rect card = {in.x, y, in.w, card_h};
		ui_panel(ui, card, t->surface, t->radius / 2, t->border, t->border_color);
		ui_text_on(ui, t->surface);
		int h = t->gap;
		snprintf(id, sizeof(id), "staff.help.%d.when", row);
		h += ui_text(ui, id, (struct rect){card.x + t->gap, y + h, inner_w, 0}, when_line, TEXT_HEADING,
			     TEXT_ALIGN_START, 0, t->text);
		snprintf(id, sizeof(id), "staff.help.%d.where", row);
		h += ui_text(ui, id, (struct rect){card.x + t->gap, y + h, inner_w, 0}, where_line, TEXT_BODY,
			     TEXT_ALIGN_START, 0, t->text_muted) + t->gap / 2;
		snprintf(id, sizeof(id), "staff.help.%d.handled", row);
		struct rect button = {card.x + t->gap, y + h, inner_w, t->target};
		if (handled || called_off) {
			snprintf(line, sizeof(line), "✓ %s", screen_text(ctx, handled ? "staff.help.is_handled" : "staff.help.called_off"));
			ui_text(ui, id, button, line, TEXT_BODY, TEXT_ALIGN_START, 0, t->text);
		} else if (staff_button(ctx, id, button, screen_text(ctx, "staff.help.mark"), UI_BUTTON_SECONDARY, true)) {
			char detail[96];
			snprintf(detail, sizeof(detail), "help request %.8s on %.40s", r->key, r->screen);
			bool ok = help_handled_mark(&sm->handled, sm->data_dir, r->key);
			audit_write(sm->data_dir, "help_handled", ok ? "ok" : "failed", detail);
		}
		ui_text_on(ui, t->background);
		y += card_h + t->gap;
	}
	ui_scroll_end(ui, &scroll, y);
	ui_wake_at(ui, ui->now_ms + REFRESH_MS);
	staff_end(ctx, &c);
}
