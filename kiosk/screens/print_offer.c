/* Receipt printing on the done screens; see print_offer.h. */
#include "screens/print_offer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "app/lang_format.h"
#include "charity/amount.h"
#include "core/template.h"
#include "print/printer.h"
#include "print/receipt.h"
#include "rules/civil_date.h"

/* The last lines of every receipt: the issuer, when and where it was printed. */
static void common_parts(struct screen_ctx *ctx, struct receipt *r, const char *heading)
{
	const char *hall = config_str(ctx->cfg, "kiosk", "hall_name");
	snprintf(r->heading, sizeof(r->heading), "%s", heading && heading[0] ? heading : hall[0] ? hall : screen_text(ctx, "hall.name"));
	snprintf(r->colon, sizeof(r->colon), "%s", screen_text(ctx, "text.colon"));
	int64_t now = clock_wall();
	long long secs = ((long long)now + 8 * 3600) % 86400;
	char day[64], clock[8], when[80];
	screen_format_date(ctx, clock_beijing_date(now), false, day, sizeof(day));
	lang_format_time((int)(secs / 3600), (int)(secs / 60 % 60), clock, sizeof(clock));
	snprintf(when, sizeof(when), "%s %s", day, clock);
	const char *names[2] = {"time", "kiosk"}, *values[2] = {when, config_str(ctx->cfg, "kiosk", "id")};
	template_fill_text(r->printed, sizeof(r->printed), screen_text(ctx, "print.printed"), names, values, 2);
}

typedef void (*fill_fn)(struct screen_ctx *ctx, struct receipt *r, const void *arg);

/* The button, the state line and the job for one done screen. prefix names the ids and the session
 * keys; reference ties a printed state to the record it was printed for. */
static int offer(struct screen_ctx *ctx, struct rect r, const char *prefix, const char *reference, fill_fn fill,
		 const void *arg)
{
	struct printer *p = ctx->kiosk->printer;
	if (!p || !config_bool(ctx->cfg, "printer", "enabled"))
		return 0;
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const char *queue = config_str(ctx->cfg, "printer", "queue");
	char ref_key[64], ticket_key[64], id[64];
	snprintf(ref_key, sizeof(ref_key), "%s.print.ref", prefix);
	snprintf(ticket_key, sizeof(ticket_key), "%s.print.ticket", prefix);
	int *ticket = session_int(ctx->session, ticket_key, 0);
	bool same = strcmp(screen_value(ctx, ref_key), reference) == 0;
	enum print_state state = same ? printer_state(p, (unsigned)*ticket) : PRINT_NONE;
	bool available = printer_available(p, queue);
	int y = r.y;
	if (state == PRINT_SENDING) {
		ui_wake_at(ui, ui->now_ms + 250); /* look again until CUPS is done */
		snprintf(id, sizeof(id), "%s.print.spinner", prefix);
		ui_spinner(ui, id, (struct rect){r.x + (r.w - t->target) / 2, y, t->target, t->target},
			   screen_text(ctx, "print.sending"));
		y += t->target + t->gap / 2;
		snprintf(id, sizeof(id), "%s.print.status", prefix);
		y += ui_text(ui, id, (struct rect){r.x, y, r.w, r.h}, screen_text(ctx, "print.sending"), TEXT_BODY,
			     TEXT_ALIGN_CENTER, 0, t->text_muted) + t->gap;
		return y - r.y;
	}
	if (available) {
		const char *label = screen_text(ctx, state == PRINT_DONE ? "print.again" : "print.button");
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		int w = ui_button_width(ui, label, NULL, look.role);
		w = w > r.w ? r.w : w < r.w / 2 ? r.w / 2 : w;
		snprintf(id, sizeof(id), "%s.print", prefix);
		if (ui_button(ui, id, (struct rect){r.x + (r.w - w) / 2, y, w, t->target}, label, &look)) {
			struct receipt *rc = calloc(1, sizeof(*rc));
			struct escpos bytes;
			bool ready = rc && escpos_init(&bytes);
			if (ready) {
				fill(ctx, rc, arg);
				enum receipt_paper paper =
					strcmp(config_str(ctx->cfg, "printer", "paper"), "58mm") == 0 ? RECEIPT_58MM : RECEIPT_80MM;
				unsigned got = receipt_render(rc, paper, &bytes) ? printer_submit(p, queue, bytes.data, bytes.len) : 0;
				if (got) {
					*ticket = (int)got;
					screen_set(ctx, ref_key, reference);
					ui_wake_at(ui, ui->now_ms + 250);
				}
				escpos_finish(&bytes);
			}
			free(rc);
		}
		y += t->target + t->gap / 2;
	}
	const char *said = state == PRINT_DONE ? "print.done" : state == PRINT_FAILED ? "print.failed" : NULL;
	if (said) {
		snprintf(id, sizeof(id), "%s.print.status", prefix);
		y += ui_text(ui, id, (struct rect){r.x, y, r.w, r.h}, screen_text(ctx, said), TEXT_BODY, TEXT_ALIGN_CENTER, 0,
			     state == PRINT_DONE ? t->text : t->text_muted) + t->gap;
	}
	return y - r.y;
}

struct booking_args {
	const char *reference, *status;
	const struct booking_choice *c;
};

static void fill_booking(struct screen_ctx *ctx, struct receipt *r, const void *arg)
{
	const struct booking_args *a = arg;
	common_parts(ctx, r, NULL);
	snprintf(r->title, sizeof(r->title), "%s", screen_text(ctx, "print.booking.title"));
	snprintf(r->reference_label, sizeof(r->reference_label), "%s", screen_text(ctx, "done.reference"));
	snprintf(r->reference, sizeof(r->reference), "%s", a->reference);
	snprintf(r->status, sizeof(r->status), "%s", a->status);
	const struct booking_choice *c = a->c;
	if (c->service)
		receipt_add(r, screen_text(ctx, "print.label.service"), screen_ref_text(ctx, &c->service->name));
	if (c->slot && c->has_day) {
		char day[96], when[160];
		screen_format_date(ctx, c->day, true, day, sizeof(day));
		snprintf(when, sizeof(when), "%s %s-%s", day, c->slot->start, c->slot->end);
		receipt_add(r, screen_text(ctx, "print.label.time"), when);
	}
	if (c->office) {
		receipt_add(r, screen_text(ctx, "print.label.office"), screen_ref_text(ctx, &c->office->name));
		receipt_add(r, screen_text(ctx, "print.label.address"), screen_ref_text(ctx, &c->office->address));
	}
	if (c->service)
		receipt_add(r, screen_text(ctx, "print.label.documents"), screen_ref_text(ctx, &c->service->documents));
	snprintf(r->qr, sizeof(r->qr), "%s", a->reference);
	snprintf(r->notes, sizeof(r->notes), "%s", screen_text(ctx, "print.booking.notes"));
}

int print_offer_booking(struct screen_ctx *ctx, struct rect r, const char *reference, const char *status,
			const struct booking_choice *c)
{
	struct booking_args a = {reference, status, c};
	return offer(ctx, r, "done", reference, fill_booking, &a);
}

struct pledge_args {
	const struct pledge_record *rec;
	const char *reference, *status;
	const struct charity_choice *c;
};

static void fill_pledge(struct screen_ctx *ctx, struct receipt *r, const void *arg)
{
	const struct pledge_args *a = arg;
	const struct pledge_record *rec = a->rec;
	const struct charity_project *p = charity_project_find(a->c->catalog, rec->project_id);
	common_parts(ctx, r, p ? screen_ref_text(ctx, &p->organiser) : NULL);
	snprintf(r->title, sizeof(r->title), "%s", screen_text(ctx, "print.pledge.title"));
	snprintf(r->reference_label, sizeof(r->reference_label), "%s", screen_text(ctx, "charity.done.reference"));
	snprintf(r->reference, sizeof(r->reference), "%s", a->reference);
	snprintf(r->status, sizeof(r->status), "%s", a->status);
	bool confirmed = rec->state == SUB_DELIVERED && rec->reference[0];
	if (confirmed)
		receipt_add(r, screen_text(ctx, "print.label.kiosk_reference"), rec->kiosk_reference);
	receipt_add(r, screen_text(ctx, "print.label.project"), p ? screen_ref_text(ctx, &p->name) : rec->project_id);
	char figures[48], money[96], words[256];
	amount_format(rec->amount_fen, true, figures, sizeof(figures));
	const char *names[1] = {"amount"}, *values[1] = {figures};
	template_fill_text(money, sizeof(money), screen_text(ctx, "print.money"), names, values, 1);
	receipt_add(r, screen_text(ctx, "print.label.amount"), money);
	if (ctx->ui->lang == TEXT_LANG_EN)
		amount_words_en(rec->amount_fen, words, sizeof(words));
	else
		amount_words_zh(rec->amount_fen, ctx->ui->lang == TEXT_LANG_ZH_HANT, words, sizeof(words));
	receipt_add(r, screen_text(ctx, "print.label.words"), words);
	/* The same code as on the screen: the payment link once confirmed, else the lookup page. */
	if (confirmed && rec->payment_url[0]) {
		snprintf(r->qr, sizeof(r->qr), "%s", rec->payment_url);
		snprintf(r->qr_caption, sizeof(r->qr_caption), "%s", screen_text(ctx, "charity.done.qr.pay"));
	} else if (a->c->catalog->lookup_url[0]) {
		char url[PLEDGE_URL_MAX];
		pledge_lookup_url(a->c->catalog->lookup_url, config_str(ctx->cfg, "kiosk", "id"), rec->kiosk_reference, url,
				  sizeof(url));
		snprintf(r->qr, sizeof(r->qr), "%s", url);
		snprintf(r->qr_caption, sizeof(r->qr_caption), "%s", screen_text(ctx, "charity.done.qr.lookup"));
	}
	snprintf(r->notes, sizeof(r->notes), "%s", screen_text(ctx, "print.pledge.notes"));
}

int print_offer_pledge(struct screen_ctx *ctx, struct rect r, const struct pledge_record *rec, const char *reference,
		       const char *status, const struct charity_choice *c)
{
	struct pledge_args a = {rec, reference, status, c};
	return offer(ctx, r, "charity.done", reference, fill_pledge, &a);
}
