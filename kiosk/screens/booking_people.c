/* Booking step 5: the people. For marriage registration (and the other services for two) both
 * parties, otherwise the applicant: name, document type and number, and birth date and sex when the
 * document does not carry them; then one phone number. Each field is checked as it is left and a
 * problem is said in a sentence under it. A party with a Hong Kong, Macau, Taiwan or foreign document
 * is told which designated office handles the case instead. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/template.h"
#include "data/store.h"
#include "core/utf8.h"
#include "screens/booking_common.h"
#include "screens/form_pager.h"
#include "screens/idcard_fill.h"

void booking_people_build(struct screen_ctx *ctx);

static const enum id_document_type doc_types[5] = {ID_DOCUMENT_RESIDENT_ID, ID_DOCUMENT_HK_MACAU_PERMIT,
						   ID_DOCUMENT_TAIWAN_PERMIT, ID_DOCUMENT_RESIDENCE_PERMIT,
						   ID_DOCUMENT_PASSPORT};
static const char *const doc_keys[5] = {"doc.resident_id", "doc.hk_macau_permit", "doc.taiwan_permit",
					"doc.residence_permit", "doc.passport"};

/* The sentence for an error, with the typed length filled in where it has a hole. */
static const char *error_text(struct screen_ctx *ctx, enum booking_error e, int detail, char *buf, size_t len)
{
	template_fill(buf, len, screen_text(ctx, booking_error_key(e)), (const char *const[]){"n"}, (const long[]){detail}, 1);
	return buf;
}

struct party_result {
	enum booking_error error;
	struct booking_party_info info;
	bool complete;
};

/* The party's heading over each of its questions (paged) or once over them all; true when the
 * question is to be laid out. The prompt said when it opens is the heading and the question. A choice
 * (asked) has no label of its own: paged, its question joins the heading, which saves a line on a
 * short landscape screen; a text field keeps its label. */
static bool party_question(struct screen_ctx *ctx, struct form_pager *pg, struct rect *area, const char *heading,
			   const char *question, bool asked, const char *error)
{
	const struct theme *t = &ctx->ui->theme;
	char prompt[UI_FIELD_MAX];
	screen_colon(ctx, heading, question, prompt, sizeof(prompt));
	if (!form_question(pg, prompt, error))
		return false;
	if (pg->paged)
		area->y += ui_text(ctx->ui, "people.heading", *area, asked ? prompt : heading, TEXT_HEADING,
				   TEXT_ALIGN_START, 0, t->text) + t->gap / 4;
	else if (asked)
		area->y += ui_text(ctx->ui, NULL, *area, question, TEXT_BODY, TEXT_ALIGN_START, 1, t->text) + t->gap / 2;
	return true;
}

/* One party's questions; returns its verdict. */
static struct party_result party_form(struct screen_ctx *ctx, struct form_pager *pg, const struct booking_choice *c,
				       struct rect *area, int n, int count)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct party_result res = {.error = BOOKING_OK};
	char key[40], id[40], errbuf[UI_TEXT_MAX];
	snprintf(key, sizeof(key), "people.heading.%d", count == 1 ? 0 : n + 1);
	bool optional = n >= 1 && c->service && c->service->parties_min < 2;
	if (optional) /* an optional second person says so */
		snprintf(key, sizeof(key), "people.heading.optional");
	const char *heading = screen_text(ctx, key);
	if (!pg->paged)
		area->y += ui_text(ui, key, *area, heading, TEXT_HEADING, TEXT_ALIGN_START, 1, t->text) + t->gap / 2;

	snprintf(key, sizeof(key), "bk.p%d.name", n);
	struct ui_field *name = session_field(ctx->session, key, 20);
	snprintf(key, sizeof(key), "bk.p%d.type", n);
	int *type = session_int(ctx->session, key, 0);
	snprintf(key, sizeof(key), "bk.p%d.id", n);
	struct ui_field *number = session_field(ctx->session, key, 18);
	snprintf(key, sizeof(key), "bk.p%d.birth", n);
	struct ui_field *birth = session_field(ctx->session, key, 8);
	snprintf(key, sizeof(key), "bk.p%d.sex", n);
	int *sex = session_int(ctx->session, key, -1);
	if (!name || !number || !birth)
		return res;

	/* The whole party is checked first: each question shows the part of the verdict that is its own. */
	enum id_document_type doc = doc_types[*type >= 0 && *type < 5 ? *type : 0];
	bool digits = doc == ID_DOCUMENT_RESIDENT_ID || doc == ID_DOCUMENT_RESIDENCE_PERMIT;
	char upper_number[40], birth_text[16];
	utf8_upper_ascii(number->text, upper_number, sizeof(upper_number));
	booking_typed_date(birth->text, birth_text, sizeof(birth_text));
	struct booking_party party = {name->text, doc, upper_number, birth_text[0] ? birth_text : NULL,
				      (char)(*sex == 0 ? 'M' : *sex == 1 ? 'F' : 0)};
	int detail = 0;
	res.error = booking_check_party(&party, c->today, &res.info, &detail);
	res.complete = res.error == BOOKING_OK;
	bool id_error = (res.error >= BOOKING_ERR_ID_LENGTH && res.error <= BOOKING_ERR_ID_CHECK_DIGIT) ||
			res.error == BOOKING_ERR_DOC_FORMAT;
	bool birth_bad = res.error == BOOKING_ERR_BIRTH_DATE_INVALID || res.error == BOOKING_ERR_BIRTH_DATE_MISSING;
	bool skipped = optional && name->len == 0 && number->len == 0; /* an optional person left out */

	/* Each question's sentence when its answer cannot go on (shown once its field is left, or when
	 * 下一题 is tapped on it); an optional person left out asks nothing. */
	snprintf(id, sizeof(id), "p%d.name", n);
	enum booking_error name_error = booking_check_name(name->text);
	const char *err = skipped || name_error == BOOKING_OK ? NULL : error_text(ctx, name_error, 0, errbuf, sizeof(errbuf));
	if (party_question(ctx, pg, area, heading, screen_text(ctx, "people.name"), false, err)) {
		if (pg->paged) /* the card reader with each person's first question (standard: above the form) */
			area->y += idcard_fill_offer(ctx, *area, IDCARD_FILLS_NAME | IDCARD_FILLS_NUMBER, count);
		/* a name typed and left that is not a name says so at once; a missing one when 下一题 is tapped */
		bool name_left = ui->focus != ui_hash(id) && name->len > 0;
		struct ui_text_field_opts o = {.label = screen_text(ctx, "people.name"),
					       .keyboard = KEYBOARD_NAME,
					       .mask = UI_MASK_NAME,
					       .error = name_left || form_tried(pg) ? err : NULL};
		area->y += ui_text_field(ui, id, *area, name, &o) + t->gap;
	}

	const char *types[5];
	for (int i = 0; i < 5; i++)
		types[i] = screen_text(ctx, doc_keys[i]);
	snprintf(id, sizeof(id), "p%d.type", n);
	if (party_question(ctx, pg, area, heading, screen_text(ctx, "people.doc_type"), true, NULL)) {
		/* two columns on a short landscape screen asking only this, so all five show at once */
		int cols = pg->paged && ui->width > ui->height ? 2 : 1;
		int h = ui_choice_grid_height(ui, 5, cols);
		if (ui_choice_grid(ui, id, (struct rect){area->x, area->y, area->w, h}, types, 5, type, cols))
			ui_field_clear(number);
		area->y += h + t->gap;
	}

	snprintf(id, sizeof(id), "p%d.id", n);
	err = NULL;
	if (!skipped && (id_error || number->len == 0))
		err = error_text(ctx, id_error ? res.error : digits ? BOOKING_ERR_ID_LENGTH : BOOKING_ERR_DOC_FORMAT,
				 id_error ? detail : 0, errbuf, sizeof(errbuf));
	if (party_question(ctx, pg, area, heading, screen_text(ctx, "people.number"), false, err)) {
		bool number_left = ui->focus != ui_hash(id) && number->len > 0;
		struct ui_text_field_opts io = {.label = screen_text(ctx, "people.number"),
						.keyboard = digits ? KEYBOARD_ID : KEYBOARD_ALNUM,
						.mask = UI_MASK_ID,
						.error = (number_left && id_error) || form_tried(pg) ? err : NULL};
		area->y += ui_text_field(ui, id, *area, number, &io) + t->gap;
	}

	if (!digits) { /* the document does not carry birth date and sex */
		snprintf(id, sizeof(id), "p%d.birth", n);
		err = NULL;
		if (!skipped && (birth_bad || birth->len == 0))
			err = error_text(ctx, birth_bad ? res.error : BOOKING_ERR_BIRTH_DATE_MISSING, 0, errbuf, sizeof(errbuf));
		if (party_question(ctx, pg, area, heading, screen_text(ctx, "people.birth"), false, err)) {
			bool birth_left = ui->focus != ui_hash(id) && birth->len > 0;
			struct ui_text_field_opts bo = {.label = screen_text(ctx, "people.birth"),
							.placeholder = screen_text(ctx, "people.birth.hint"),
							.keyboard = KEYBOARD_NUMERIC,
							.error = (birth_left && birth_bad) || form_tried(pg) ? err : NULL};
			area->y += ui_text_field(ui, id, *area, birth, &bo) + t->gap;
		}
		const char *sexes[2] = {screen_text(ctx, "people.male"), screen_text(ctx, "people.female")};
		snprintf(id, sizeof(id), "p%d.sex", n);
		err = skipped || *sex >= 0 ? NULL : error_text(ctx, BOOKING_ERR_SEX_MISSING, 0, errbuf, sizeof(errbuf));
		if (party_question(ctx, pg, area, heading, screen_text(ctx, "people.sex"), true, err)) {
			ui_choice(ui, id, (struct rect){area->x, area->y, area->w, t->target}, sexes, 2, sex, false);
			area->y += t->target + t->gap;
			if (form_tried(pg) && err)
				area->y += ui_text(ui, "people.sex.error", *area, err, TEXT_BODY, TEXT_ALIGN_START, 0, t->error) + t->gap;
		}
	}
	return res;
}

/* The parties' fields, for filling from an identity card (screens/idcard_fill.h). */
static void card_people(struct screen_ctx *ctx, const struct party_result *p, int count, struct idcard_person *out)
{
	static const char *const ids[2][3] = {{"p0.name", "p0.id", "p0.birth"}, {"p1.name", "p1.id", "p1.birth"}};
	for (int i = 0; i < count && i < 2; i++) {
		char key[3][16];
		snprintf(key[0], sizeof(key[0]), "bk.p%d.name", i);
		snprintf(key[1], sizeof(key[1]), "bk.p%d.id", i);
		snprintf(key[2], sizeof(key[2]), "bk.p%d.birth", i);
		out[i] = (struct idcard_person){.name_id = ids[i][0], .number_id = ids[i][1], .birth_id = ids[i][2],
						.name = session_field(ctx->session, key[0], 20),
						.number = session_field(ctx->session, key[1], 18),
						.birth = session_field(ctx->session, key[2], 8),
						.resident_id_choice = 0, /* doc_types[0] */
						.complete = p[i].complete};
		snprintf(key[0], sizeof(key[0]), "bk.p%d.type", i);
		out[i].doc_type = session_int(ctx->session, key[0], 0);
		snprintf(key[0], sizeof(key[0]), "bk.p%d.sex", i);
		out[i].sex = session_int(ctx->session, key[0], -1);
	}
}

struct duplicate_search {
	const struct booking_choice *choice;
	char numbers[2][40];
	int count;
	char cancelled[16][24]; /* references this kiosk has asked to cancel */
	int cancelled_count;
	bool found;
};

static bool note_cancellation(void *arg, const struct submission *sub)
{
	struct duplicate_search *d = arg;
	cJSON *p = sub->payload ? cJSON_ParseWithLength(sub->payload, sub->payload_len) : NULL;
	const char *ref = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "reference"));
	if (ref && d->cancelled_count < 16)
		snprintf(d->cancelled[d->cancelled_count++], sizeof(d->cancelled[0]), "%s", ref);
	cJSON_Delete(p);
	return true;
}

/* An open booking made on this kiosk for the same service by one of these people: pending, or
 * confirmed and not cancelled here, for a slot still ahead (still in the cache). */
static bool check_booking(void *arg, const struct submission *sub)
{
	struct duplicate_search *d = arg;
	if (sub->state != SUB_PENDING && sub->state != SUB_DELIVERED)
		return true;
	cJSON *p = cJSON_ParseWithLength(sub->payload, sub->payload_len);
	cJSON *r = sub->response ? cJSON_Parse(sub->response) : NULL;
	const char *service = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "service"));
	const char *ref = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "reference"));
	const cJSON *slot_id = cJSON_GetObjectItemCaseSensitive(p, "slot_id");
	bool open = service && strcmp(service, d->choice->service->id) == 0 && cJSON_IsNumber(slot_id);
	for (int i = 0; open && ref && i < d->cancelled_count; i++)
		open = strcmp(ref, d->cancelled[i]) != 0;
	bool ahead = false;
	for (int i = 0; open && i < d->choice->slot_count; i++)
		ahead = ahead || d->choice->slots[i].id == (int64_t)slot_id->valuedouble;
	const cJSON *party;
	cJSON_ArrayForEach(party, cJSON_GetObjectItemCaseSensitive(p, "parties"))
	{
		const char *number = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(party, "id_number"));
		for (int i = 0; open && ahead && number && i < d->count; i++)
			d->found = d->found || strcasecmp(number, d->numbers[i]) == 0;
	}
	cJSON_Delete(p);
	cJSON_Delete(r);
	return !d->found;
}

/* True when one of the typed people already holds an open booking for this service on this kiosk
 * (the backend checks across kiosks once online). */
static bool local_duplicate(struct screen_ctx *ctx, const struct booking_choice *c, int parties)
{
	struct duplicate_search d = {.choice = c};
	if (!ctx->kiosk->store)
		return false;
	for (int i = 0; i < parties && i < 2; i++) {
		char key[32];
		snprintf(key, sizeof(key), "bk.p%d.id", i);
		utf8_upper_ascii(screen_value(ctx, key), d.numbers[d.count++], sizeof(d.numbers[0]));
	}
	store_each(ctx->kiosk->store, SUB_CANCELLATION, note_cancellation, &d);
	store_each(ctx->kiosk->store, SUB_BOOKING, check_booking, &d);
	return d.found;
}

void booking_people_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct booking_choice c;
	struct chrome ch;
	struct rect bar;
	struct rect area = booking_begin(ctx, &c, &ch, 5, &bar);
	if (!c.service || !c.slot) {
		chrome_end(ctx, &ch);
		return;
	}
	int count = c.service->parties_max >= 2 ? 2 : 1;
	struct form_pager pg;
	form_pager_begin(ctx, &pg, "bk.people");
	form_pager_counter(&pg, &ch, &area);
	struct ui_scroll scroll;
	struct rect in = flow_scroll_begin(ctx, &scroll, "booking.people.scroll", area, bar);
	if (!pg.paged)
		in.y += idcard_fill_offer(ctx, in, IDCARD_FILLS_NAME | IDCARD_FILLS_NUMBER, count);
	struct party_result p[2];
	bool ok = true;
	int filled = booking_party_count(ctx, c.service);
	for (int i = 0; i < count; i++) {
		p[i] = party_form(ctx, &pg, &c, &in, i, count);
		/* an optional second party left empty is no party, not an error */
		ok = ok && (p[i].complete || i >= filled);
	}
	struct idcard_person card_for[2];
	card_people(ctx, p, count, card_for);
	idcard_fill_apply(ctx, card_for, count);
	char errbuf[UI_TEXT_MAX];
	enum booking_error cross = BOOKING_OK;
	for (int i = 0; i < filled; i++) {
		if (p[i].complete && booking_check_cross_border(c.service->id, &p[i].info) != BOOKING_OK)
			cross = BOOKING_ERR_CROSS_BORDER;
	}
	enum booking_error pair = BOOKING_OK;
	if (filled == 2 && p[0].complete && p[1].complete) {
		char a[40], b[40];
		utf8_upper_ascii(screen_value(ctx, "bk.p0.id"), a, sizeof(a));
		utf8_upper_ascii(screen_value(ctx, "bk.p1.id"), b, sizeof(b));
		struct booking_party pa = {.id_number = a, .id_type = ID_DOCUMENT_RESIDENT_ID};
		struct booking_party pb = {.id_number = b, .id_type = ID_DOCUMENT_RESIDENT_ID};
		pair = booking_check_distinct(&pa, &pb);
		if (!pair && strcmp(c.service->id, "marriage_registration") == 0)
			pair = booking_check_marriage(&p[0].info, &p[1].info, c.day);
	}

	/* Phone, once for the booking. */
	struct ui_field *phone = session_field(ctx->session, "bk.phone", 11);
	enum booking_error pe = phone ? booking_check_phone(phone->text) : BOOKING_ERR_PHONE;
	ok = ok && pe == BOOKING_OK;
	const char *phone_err = pe ? error_text(ctx, pe, 0, errbuf, sizeof(errbuf)) : NULL;
	if (phone && form_question(&pg, screen_text(ctx, "people.phone"), phone_err)) {
		bool left = ui->focus != ui_hash("phone") && phone->len > 0;
		struct ui_text_field_opts po = {.label = screen_text(ctx, "people.phone"),
						.placeholder = screen_text(ctx, "gallery.phone.hint"),
						.keyboard = KEYBOARD_NUMERIC,
						.mask = UI_MASK_PHONE,
						.error = (left && pe) || form_tried(&pg) ? phone_err : NULL};
		in.y += ui_text_field(ui, "phone", in, phone, &po) + t->gap;
	}
	if ((cross || pair) && form_question_shown(&pg)) { /* a whole-case problem: said once, in a panel, with what to do */
		char full[UI_TEXT_MAX * 3];
		const char *msg = error_text(ctx, cross ? cross : pair, 0, errbuf, sizeof(errbuf));
		for (int i = 0; cross && c.catalog && i < c.catalog->office_count; i++) {
			const struct catalog_office *o = &c.catalog->offices[i];
			if (!o->designated)
				continue;
			/* Where to go instead: the designated registry's name, address and phone. */
			snprintf(full, sizeof(full), "%s\n%s\n%s\n%s", msg, screen_ref_text(ctx, &o->name),
				 screen_ref_text(ctx, &o->address), o->phone);
			msg = full;
			break;
		}
		struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
		const struct text_layout *l = ui_measure(ui, msg, &st, in.w - 2 * t->pad);
		struct rect box = {in.x, in.y, in.w, (l ? l->height : 0) + 2 * t->pad};
		ui_panel(ui, box, t->surface, t->radius, t->border * 2, t->error);
		ui_text_on(ui, t->surface);
		ui_text(ui, "people.case_error", rect_inset(box, t->pad, t->pad), msg, TEXT_BODY, TEXT_ALIGN_START, 0, t->error);
		ui_text_on(ui, t->background);
		in.y += box.h + t->gap;
	}
	ok = ok && !cross && !pair;
	ui_scroll_end(ui, &scroll, pg.paged ? in.y - t->gap : in.y); /* paged: the last gap is the view's own margin */
	if (form_pager_end(&pg, bar, "booking.next", screen_text(ctx, "gallery.next"), ok)) {
		if (local_duplicate(ctx, &c, filled))
			ui_toast_show(ui, screen_text(ctx, "done.rejected.duplicate_booking"), 8000);
		else
			screen_push(ctx, "booking.review");
	}
	chrome_end(ctx, &ch);
}
