/* staff.settings: the settings staff may change, on five tabs (general, booking, timeouts, backend,
 * device), each with the editor its type needs: a text field, a number field on the numeric keypad,
 * an on/off switch, a choice, a set of toggles (languages; services of the cached catalogue) or the
 * offices of the catalogue. Values are drafts in the session until "保存": then every changed one is
 * validated against the options table (kiosk/staff/staff_settings.c), kept in DATA/settings.ini,
 * applied and audited. A refused value keeps everything unchanged and says why next to its field
 * (and above the Save button, with the setting's name, in case the field is scrolled away).
 * Nothing needs a restart: the sync thread restarts itself for backend and sync changes; defaults
 * (language, theme) apply from the next visitor on, as the captions say. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/clock.h"
#include "booking/booking_data.h"
#include "core/template.h"
#include "screens/flow.h"
#include "screens/staff_common.h"

void staff_editor_build(struct screen_ctx *ctx);

enum tab { TAB_GENERAL, TAB_BOOKING, TAB_TIMEOUTS, TAB_BACKEND, TAB_DEVICE, TAB_COUNT };

static const char *const tab_keys[TAB_COUNT] = {"staff.tab.general", "staff.tab.booking", "staff.tab.timeouts",
						"staff.tab.backend", "staff.tab.device"};

static enum tab tab_of(const struct staff_setting *s)
{
	if (strcmp(s->section, "kiosk") == 0)
		return TAB_GENERAL;
	if (strcmp(s->section, "booking") == 0)
		return TAB_BOOKING;
	if (strcmp(s->section, "session") == 0 || strcmp(s->name, "idle_timeout") == 0)
		return TAB_TIMEOUTS;
	if (strcmp(s->section, "staff") == 0 || strcmp(s->section, "printer") == 0)
		return TAB_DEVICE;
	return TAB_BACKEND;
}

static void key_of(const char *prefix, const struct staff_setting *s, char *out, size_t len)
{
	snprintf(out, len, "%s%s.%s", prefix, s->section, s->name);
}

/* Index of word in a NULL-terminated list, -1 when absent. */
static int index_in(const char *const *list, const char *word, size_t len)
{
	for (int i = 0; list && list[i]; i++) {
		if (strlen(list[i]) == len && strncmp(list[i], word, len) == 0)
			return i;
	}
	return -1;
}

/* A space-separated set as a bitmask over names (count of them); unknown words are ignored. */
static int mask_of(const char *set, const char *const *names, int count)
{
	int mask = 0;
	for (const char *p = set; *p; p += strcspn(p, " "), p += *p == ' ') {
		size_t len = strcspn(p, " ");
		for (int i = 0; i < count; i++) {
			if (strlen(names[i]) == len && strncmp(names[i], p, len) == 0)
				mask |= 1 << i;
		}
	}
	return mask;
}

static void join_mask(int mask, const char *const *names, int count, char *out, size_t len)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < count && used < len; i++) {
		if (mask & (1 << i))
			used += (size_t)snprintf(out + used, len - used, "%s%s", used ? " " : "", names[i]);
	}
}

/* The catalogue's bookable offices and services, as id lists. */
struct catalog_ids {
	const char *offices[CATALOG_OFFICES_MAX + 1];
	const struct catalog_office *office_refs[CATALOG_OFFICES_MAX];
	int office_count;
	const char *services[CATALOG_SERVICES_MAX + 1];
	const struct catalog_service *service_refs[CATALOG_SERVICES_MAX];
	int service_count;
};

static void catalog_ids(struct screen_ctx *ctx, struct catalog_ids *ids)
{
	memset(ids, 0, sizeof(*ids));
	const struct booking_catalog *cat = ctx->kiosk->booking ? booking_data_catalog(ctx->kiosk->booking, clock_wall()) : NULL;
	for (int i = 0; cat && i < cat->office_count; i++) {
		if (!cat->offices[i].bookable || cat->offices[i].designated)
			continue;
		ids->office_refs[ids->office_count] = &cat->offices[i];
		ids->offices[ids->office_count++] = cat->offices[i].id;
	}
	for (int i = 0; cat && i < cat->service_count; i++) {
		ids->service_refs[ids->service_count] = &cat->services[i];
		ids->services[ids->service_count++] = cat->services[i].id;
	}
}

/* Loads every draft from the live configuration. */
static void load_drafts(struct screen_ctx *ctx, const struct catalog_ids *ids)
{
	for (size_t i = 0; i < staff_settings_count; i++) {
		const struct staff_setting *s = &staff_settings[i];
		const struct option_def *def = config_option(s->section, s->name);
		const char *v = config_value(ctx->cfg, s->section, s->name);
		char key[SESSION_KEY_MAX];
		key_of("s.", s, key, sizeof(key));
		switch (s->editor) {
		case EDITOR_TEXT:
		case EDITOR_NUMBER: {
			struct ui_field *f = session_field(ctx->session, key, 0);
			if (f) {
				ui_field_clear(f);
				ui_field_insert(f, v);
			}
			break;
		}
		case EDITOR_SWITCH:
			*session_int(ctx->session, key, 0) = config_bool(ctx->cfg, s->section, s->name);
			break;
		case EDITOR_CHOICE:
			*session_int(ctx->session, key, 0) = index_in(def->choices, v, strlen(v));
			break;
		case EDITOR_LANGUAGES: {
			int n = 0;
			while (def->choices[n])
				n++;
			*session_int(ctx->session, key, 0) = mask_of(v, def->choices, n);
			break;
		}
		case EDITOR_OFFICE:
			*session_int(ctx->session, key, 0) = v[0] ? index_in(ids->offices, v, strlen(v)) + 1 : 0;
			break;
		case EDITOR_SERVICES:
			*session_int(ctx->session, key, 0) = mask_of(v, ids->services, ids->service_count);
			break;
		}
	}
	*session_int(ctx->session, "st.set.note", 0) = 0;
}

/* The draft of s as the option's text; false when it equals the live value (nothing to save). */
static bool draft_value(struct screen_ctx *ctx, const struct staff_setting *s, const struct catalog_ids *ids, char *out,
			size_t len)
{
	const struct option_def *def = config_option(s->section, s->name);
	const char *live = config_value(ctx->cfg, s->section, s->name);
	char key[SESSION_KEY_MAX];
	key_of("s.", s, key, sizeof(key));
	int n = 0;
	switch (s->editor) {
	case EDITOR_TEXT:
	case EDITOR_NUMBER: {
		struct ui_field *f = session_field(ctx->session, key, 0);
		const char *text = f ? f->text : "";
		while (*text == ' ')
			text++;
		snprintf(out, len, "%s", text);
		size_t l = strlen(out);
		while (l > 0 && out[l - 1] == ' ')
			out[--l] = '\0';
		return strcmp(out, live) != 0;
	}
	case EDITOR_SWITCH: {
		bool on = *session_int(ctx->session, key, 0);
		snprintf(out, len, "%s", on ? "true" : "false");
		return on != config_bool(ctx->cfg, s->section, s->name);
	}
	case EDITOR_CHOICE: {
		int i = *session_int(ctx->session, key, 0);
		snprintf(out, len, "%s", i >= 0 ? def->choices[i] : live);
		return strcmp(out, live) != 0;
	}
	case EDITOR_LANGUAGES:
		while (def->choices[n])
			n++;
		join_mask(*session_int(ctx->session, key, 0), def->choices, n, out, len);
		return mask_of(out, def->choices, n) != mask_of(live, def->choices, n);
	case EDITOR_OFFICE: {
		int i = *session_int(ctx->session, key, 0);
		snprintf(out, len, "%s", i > 0 && i <= ids->office_count ? ids->offices[i - 1] : i == 0 ? "" : live);
		return strcmp(out, live) != 0;
	}
	case EDITOR_SERVICES: {
		int mask = *session_int(ctx->session, key, 0);
		join_mask(mask, ids->services, ids->service_count, out, len);
		return mask != mask_of(live, ids->services, ids->service_count);
	}
	}
	return false;
}

/* A fingerprint of every draft (FNV-1a over the values as they would be saved), so a refusal's message
 * can go away as soon as staff change anything. */
static int drafts_fingerprint(struct screen_ctx *ctx, const struct catalog_ids *ids)
{
	unsigned h = 2166136261u;
	char value[CONFIG_VALUE_MAX];
	for (size_t i = 0; i < staff_settings_count; i++) {
		draft_value(ctx, &staff_settings[i], ids, value, sizeof(value));
		for (const char *p = value; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		h = (h ^ 0xff) * 16777619u;
	}
	return (int)(h & 0x7fffffff);
}

/* The message for a refused value, in the staff's language. */
static void problem_text(struct screen_ctx *ctx, const struct staff_setting *s, enum setting_problem p, char *out,
			 size_t len)
{
	const struct option_def *def = config_option(s->section, s->name);
	const char *names[] = {"min", "max"};
	long values[] = {def ? def->min : 0, def ? def->max : 0};
	static const char *const keys[] = {
		[SETTING_UNKNOWN] = "staff.err.not_editable", [SETTING_NOT_EDITABLE] = "staff.err.not_editable",
		[SETTING_SECRET] = "staff.err.not_editable", [SETTING_RANGE] = "staff.err.range",
		[SETTING_FORMAT] = "staff.err.url",	       [SETTING_LENGTH] = "staff.err.length",
		[SETTING_CHARS] = "staff.err.chars",	       [SETTING_CHOICE] = "staff.err.choice",
		[SETTING_LANGUAGES] = "staff.err.languages",   [SETTING_NOT_SAVED] = "staff.err.not_saved",
	};
	const char *key = p > SETTING_OK && p <= SETTING_NOT_SAVED ? keys[p] : "staff.err.not_saved";
	template_fill(out, len, screen_text(ctx, key), names, values, 2);
}

/* The label of a setting and its caption (range, unit, when it applies); returns the height. */
static int label(struct screen_ctx *ctx, const struct staff_setting *s, struct rect r)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	char key[64], id[80], text[UI_TEXT_MAX];
	int y0 = r.y;
	snprintf(key, sizeof(key), "staff.set.%s.%s", s->section, s->name);
	snprintf(id, sizeof(id), "%s.name", key);
	r.y += ui_text(ui, id, r, screen_text(ctx, key), TEXT_HEADING, TEXT_ALIGN_START, 0, t->text);
	snprintf(key, sizeof(key), "staff.hint.%s.%s", s->section, s->name);
	const char *hint = screen_text(ctx, key);
	if (strcmp(hint, key) != 0) { /* a caption exists for it */
		const struct option_def *def = config_option(s->section, s->name);
		const char *names[] = {"min", "max"};
		long values[] = {def->min, def->max};
		template_fill(text, sizeof(text), hint, names, values, 2);
		snprintf(id, sizeof(id), "staff.hint.%s.%s", s->section, s->name);
		r.y += ui_text(ui, id, r, text, TEXT_BODY, TEXT_ALIGN_START, 0, t->text_muted);
	}
	return r.y - y0 + t->gap / 2;
}

/* A grid of toggles (one per name, cols a row) over a bitmask; with single, a choice of one (*mask
 * is then the index chosen, -1 none) shown as options. Returns the height. */
static int toggles(struct screen_ctx *ctx, const char *id_prefix, struct rect r, const char *const *texts, int n, int *mask,
		   int cols, bool single)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	int rows = (n + cols - 1) / cols;
	int h = rows * t->target + (rows > 0 ? (rows - 1) * t->gap / 2 : 0);
	for (int i = 0; i < n; i++) {
		struct rect row = {r.x, r.y + (i / cols) * (t->target + t->gap / 2), r.w, t->target};
		struct rect cell = rect_cell(row, i % cols, cols, t->gap / 2, true);
		bool on = single ? *mask == i : (*mask >> i) & 1;
		char id[UI_ID_MAX], shown[UI_TEXT_MAX];
		snprintf(id, sizeof(id), "%s.%d", id_prefix, i);
		snprintf(shown, sizeof(shown), "%s%s", on ? "✓ " : "", texts[i]);
		struct ui_button_look look = ui_button_look(ui, on ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
		look.role_name = single ? "option" : "toggle";
		look.checked = look.selected = on;
		look.label = texts[i];
		look.role = TEXT_BODY;
		if (ui_button(ui, id, cell, shown, &look))
			*mask = single ? i : *mask ^ (1 << i);
	}
	return h;
}

/* One setting's editor at the top of r; returns the height used. */
static int editor(struct screen_ctx *ctx, const struct staff_setting *s, struct rect r, const struct catalog_ids *ids)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	const struct option_def *def = config_option(s->section, s->name);
	char key[SESSION_KEY_MAX], id[UI_ID_MAX], message[UI_TEXT_MAX];
	key_of("s.", s, key, sizeof(key));
	snprintf(id, sizeof(id), "staff.set.%s.%s", s->section, s->name);
	/* The one refused setting of the last Save (a batch stops at the first): st.set.note - 1. */
	bool refused = *session_int(ctx->session, "st.set.note", 0) == (int)(s - staff_settings) + 1;
	int problem = refused ? *session_int(ctx->session, "st.set.problem", SETTING_OK) : SETTING_OK;
	if (problem != SETTING_OK)
		problem_text(ctx, s, (enum setting_problem)problem, message, sizeof(message));
	int y0 = r.y;
	r.y += label(ctx, s, r);
	switch (s->editor) {
	case EDITOR_TEXT:
	case EDITOR_NUMBER: {
		struct ui_field *f = session_field(ctx->session, key, 0);
		if (!f)
			break;
		struct ui_text_field_opts o = {.keyboard = s->editor == EDITOR_NUMBER ? KEYBOARD_NUMERIC : KEYBOARD_TEXT,
					       .error = problem != SETTING_OK ? message : NULL,
					       .placeholder = screen_text(ctx, "staff.empty")};
		r.y += ui_text_field(ui, id, r, f, &o);
		break;
	}
	case EDITOR_SWITCH: {
		int *on = session_int(ctx->session, key, 0);
		struct ui_button_look look = ui_button_look(ui, *on ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
		look.role_name = "toggle";
		look.checked = *on;
		char shown[UI_TEXT_MAX];
		snprintf(shown, sizeof(shown), "%s%s", *on ? "✓ " : "", screen_text(ctx, *on ? "staff.on" : "staff.off"));
		int w = t->target * 3;
		if (ui_button(ui, id, (struct rect){r.x, r.y, w < r.w ? w : r.w, t->target}, shown, &look))
			*on = !*on;
		r.y += t->target;
		break;
	}
	case EDITOR_CHOICE: {
		const char *labels[8];
		int n = 0;
		for (; def->choices[n] && n < 8; n++) {
			char lk[64];
			snprintf(lk, sizeof(lk), "staff.choice.%s", def->choices[n]);
			labels[n] = screen_text(ctx, lk);
		}
		ui_choice(ui, id, (struct rect){r.x, r.y, r.w, t->target}, labels, n, session_int(ctx->session, key, 0), false);
		r.y += t->target;
		break;
	}
	case EDITOR_LANGUAGES: {
		const char *labels[8];
		int n = 0;
		for (; def->choices[n] && n < 8; n++) {
			char lk[64];
			snprintf(lk, sizeof(lk), "staff.choice.%s", def->choices[n]);
			labels[n] = screen_text(ctx, lk);
		}
		r.y += toggles(ctx, id, r, labels, n, session_int(ctx->session, key, 0), n, false);
		break;
	}
	case EDITOR_OFFICE: {
		const char *labels[CATALOG_OFFICES_MAX + 2];
		int n = 0;
		labels[n++] = screen_text(ctx, "staff.office.choose");
		for (int i = 0; i < ids->office_count; i++)
			labels[n++] = catalog_text_get(&ids->office_refs[i]->name, ui->lang);
		int *sel = session_int(ctx->session, key, 0);
		const char *live = config_str(ctx->cfg, "booking", "office");
		if (*sel < 0) /* pinned to an office the catalogue does not (yet) list: show it by id */
			labels[n++] = live;
		int choice = *sel < 0 ? n - 1 : *sel, before = choice;
		r.y += toggles(ctx, id, r, labels, n, &choice, 2, true);
		if (choice != before)
			*sel = *sel < 0 && choice == n - 1 ? -1 : choice;
		break;
	}
	case EDITOR_SERVICES: {
		const char *labels[CATALOG_SERVICES_MAX];
		for (int i = 0; i < ids->service_count; i++)
			labels[i] = catalog_text_get(&ids->service_refs[i]->name, ui->lang);
		if (ids->service_count == 0) {
			r.y += ui_text(ui, id, r, screen_text(ctx, "staff.services.none"), TEXT_BODY, TEXT_ALIGN_START, 0,
				       t->text_muted);
			break;
		}
		r.y += toggles(ctx, id, r, labels, ids->service_count, session_int(ctx->session, key, 0), 2, false);
		break;
	}
	}
	if (problem != SETTING_OK && s->editor != EDITOR_TEXT && s->editor != EDITOR_NUMBER) {
		char shown[UI_TEXT_MAX + 8], eid[UI_ID_MAX + 8];
		snprintf(shown, sizeof(shown), "⚠ %s", message);
		snprintf(eid, sizeof(eid), "%s.error", id);
		r.y += t->gap / 2;
		r.y += ui_text(ui, eid, r, shown, TEXT_BODY, TEXT_ALIGN_START, 0, t->error);
	}
	return r.y - y0;
}

/* Saves every changed draft as one batch; on a refusal marks the setting and opens its tab. */
static void save(struct screen_ctx *ctx, const struct catalog_ids *ids, int *tab, int *note)
{
	struct staff_mode *sm = staff_of(ctx);
	struct setting_edit *edits = calloc(staff_settings_count, sizeof(*edits));
	const struct staff_setting *which[64];
	int n = 0;
	if (!edits) {
		*note = -SETTING_NOT_SAVED;
		return;
	}
	for (size_t i = 0; i < staff_settings_count; i++) {
		const struct staff_setting *s = &staff_settings[i];
		if (!draft_value(ctx, s, ids, edits[n].value, sizeof(edits[n].value)))
			continue;
		snprintf(edits[n].section, sizeof(edits[n].section), "%s", s->section);
		snprintf(edits[n].name, sizeof(edits[n].name), "%s", s->name);
		which[n++] = s;
	}
	struct setting_result r;
	if (n == 0) {
		*note = 0;
		ui_toast_show(ctx->ui, screen_text(ctx, "staff.saved.none"), 4000);
	} else if (staff_mode_apply(sm, edits, n, &r)) {
		char text[UI_TEXT_MAX];
		const char *names[] = {"count"};
		long values[] = {r.changed};
		template_fill(text, sizeof(text), screen_text(ctx, "staff.saved"), names, values, 1);
		ui_toast_show(ctx->ui, text, 5000);
		*note = 0;
		*session_int(ctx->session, "st.set.loaded", 0) = 0; /* show the values as kept (trimmed) */
	} else {
		const struct staff_setting *bad = r.bad >= 0 ? which[r.bad] : NULL;
		*session_int(ctx->session, "st.set.problem", 0) = r.problem;
		*session_int(ctx->session, "st.set.refused", 0) = drafts_fingerprint(ctx, ids);
		if (bad) {
			*tab = tab_of(bad);
			*note = (int)(bad - staff_settings) + 1;
		} else {
			*note = -(int)r.problem;
		}
	}
	free(edits);
}

void staff_editor_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	struct staff_mode *sm = staff_of(ctx);
	struct staff_chrome c = {.title = screen_text(ctx, "staff.settings.title"), .back = true, .exit = true};
	struct rect area = staff_begin(ctx, &c);
	if (!sm || !sm->active) {
		staff_end(ctx, &c);
		return;
	}
	struct catalog_ids ids;
	catalog_ids(ctx, &ids);
	int *loaded = session_int(ctx->session, "st.set.loaded", 0);
	int *tab = session_int(ctx->session, "st.set.tab", TAB_GENERAL);
	int *note = session_int(ctx->session, "st.set.note", 0); /* >0: setting index + 1 refused; <0: -problem */
	if (!*loaded) {
		load_drafts(ctx, &ids);
		*loaded = 1;
	}
	/* A refusal's message stays only until staff change something. */
	if (*note && drafts_fingerprint(ctx, &ids) != *session_int(ctx->session, "st.set.refused", 0))
		*note = 0;
	if (c.keyboard.h == 0) {
		struct rect row = rect_cut_top(&area, t->target);
		rect_cut_top(&area, t->gap);
		for (int i = 0; i < TAB_COUNT; i++) {
			struct ui_button_look look = ui_button_look(ui, i == *tab ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
			look.role_name = "option";
			look.selected = i == *tab;
			look.role = TEXT_BODY;
			char id[UI_ID_MAX];
			snprintf(id, sizeof(id), "staff.tab.%d", i);
			if (ui_button(ui, id, rect_cell(row, i, TAB_COUNT, t->gap / 2, true), screen_text(ctx, tab_keys[i]), &look))
				*tab = i;
		}
	}
	struct rect bar = {0};
	if (c.keyboard.h == 0) {
		bar = rect_cut_bottom(&area, t->target);
		rect_cut_bottom(&area, t->gap);
		if (*note) {
			char text[UI_TEXT_MAX * 3], problem[UI_TEXT_MAX];
			if (*note > 0) {
				const struct staff_setting *s = &staff_settings[*note - 1];
				char key[64];
				snprintf(key, sizeof(key), "staff.set.%s.%s", s->section, s->name);
				problem_text(ctx, s, (enum setting_problem)*session_int(ctx->session, "st.set.problem", 0), problem,
					     sizeof(problem));
				char what[UI_TEXT_MAX];
				screen_colon(ctx, screen_text(ctx, key), problem, what, sizeof(what));
				snprintf(text, sizeof(text), "⚠ %s%s", screen_text(ctx, "staff.not_saved"), what);
			} else {
				snprintf(text, sizeof(text), "⚠ %s", screen_text(ctx, "staff.err.not_saved"));
			}
			struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 0);
			const struct text_layout *l = ui_measure(ui, text, &st, area.w);
			struct rect msg = rect_cut_bottom(&area, l ? l->height : 0);
			rect_cut_bottom(&area, t->gap / 2);
			ui_text(ui, "staff.settings.note", msg, text, TEXT_BODY, TEXT_ALIGN_START, 0, t->error);
		}
	}
	struct ui_scroll scroll;
	char scroll_id[UI_ID_MAX];
	snprintf(scroll_id, sizeof(scroll_id), "staff.settings.scroll.%d", *tab);
	struct rect in = ui_scroll_begin(ui, &scroll, scroll_id, area);
	int y = in.y;
	for (size_t i = 0; i < staff_settings_count; i++) {
		if (tab_of(&staff_settings[i]) != (enum tab)*tab)
			continue;
		y += editor(ctx, &staff_settings[i], (struct rect){in.x, y, in.w, 0}, &ids) + t->gap * 3 / 2;
	}
	ui_scroll_end(ui, &scroll, y);
	if (bar.h) {
		struct rect revert = rect_cut_left(&bar, bar.w / 3);
		rect_cut_left(&bar, t->gap);
		if (staff_button(ctx, "staff.settings.revert", revert, screen_text(ctx, "staff.settings.revert"),
				 UI_BUTTON_SECONDARY, true)) {
			*loaded = 0;
			*note = 0;
		}
		if (staff_button(ctx, "staff.settings.save", bar, screen_text(ctx, "staff.settings.save"), UI_BUTTON_PRIMARY, true))
			save(ctx, &ids, tab, note);
	}
	staff_end(ctx, &c);
}
