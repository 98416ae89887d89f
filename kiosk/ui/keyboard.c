/* On-screen keyboards: a numeric keypad (digits; X for ID numbers; a point for amounts), a Latin
 * keyboard (QWERTY in the standard theme; alphabetical with fewer, bigger keys in the large themes), one
 * of digits and capitals for references, one for staff's addresses and paths, and the Chinese keyboards
 * (names and other Chinese text) with a tab per mode: 拼音 / 手写 / ABC / 123. Layouts are tables.
 * Keys insert into the focused field; Backspace deletes before the caret; Done closes the keyboard.
 *
 * An input method plugs in through struct ui_input_method (keyboard.h): per keyboard kind, or per mode of
 * the Chinese keyboards (pinyin, handwriting). It sees the keys first and offers candidates, shown in a
 * bar with ◀ ▶ pages; what it is composing shows above them. The Chinese keyboards keep one height
 * whatever the mode and the composition, so nothing above them moves while someone types; in landscape
 * the tabs stand in a column beside the keys and the composition at the start of the candidate bar, so
 * they fit a 1280×800 tablet in the large theme. "找不到这个字？请工作人员帮忙" only raises a flag
 * (ui_keyboard_asked_staff): calling staff is the screens layer's business. */
#include <stdio.h>
#include <string.h>

#include "ui/handwriting_pad.h"
#include "ui/keyboard.h"
#include "ui/widgets.h"

#define MAX_ROWS 6
#define MAX_COLS 10
#define CANDIDATES_SHOWN_MAX 400 /* candidates the bar pages through */

struct layout {
	const char *rows[MAX_ROWS][MAX_COLS]; /* NULL ends a row; "" leaves a gap */
	int row_count, cols;
};

/* Special keys are spelled with a leading '\1' so no typed character collides with them. */
#define KEY_BACKSPACE UI_KEY_BACKSPACE
#define KEY_DONE UI_KEY_DONE
#define KEY_SPACE UI_KEY_SPACE
#define KEY_ASK "\1ask" /* 找不到这个字？请工作人员帮忙: three times as wide as the keys beside it */

static const struct layout numeric = {
	{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"", "0", KEY_BACKSPACE}, {KEY_DONE}}, 5, 3};
static const struct layout decimal_pad = {
	{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {".", "0", KEY_BACKSPACE}, {KEY_DONE}}, 5, 3};
static const struct layout id_pad = {
	{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"X", "0", KEY_BACKSPACE}, {KEY_DONE}}, 5, 3};
static const struct layout qwerty = {{{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
				      {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
				      {"z", "x", "c", "v", "b", "n", "m", KEY_BACKSPACE},
				      {KEY_SPACE, KEY_DONE}},
				     4,
				     10};
static const struct layout alphabetical = {{{"a", "b", "c", "d", "e", "f", "g"},
					    {"h", "i", "j", "k", "l", "m", "n"},
					    {"o", "p", "q", "r", "s", "t", "u"},
					    {"v", "w", "x", "y", "z", KEY_BACKSPACE},
					    {KEY_SPACE, KEY_DONE}},
					   5,
					   7};

/* Digits and capitals for references: a digit row over QWERTY where ten keys fit across, else
 * alphabetical in seven columns (the large themes in portrait). */
static const struct layout alnum_wide = {{{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
					  {"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"},
					  {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
					  {"Z", "X", "C", "V", "B", "N", "M", KEY_BACKSPACE},
					  {KEY_DONE}},
					 5,
					 10};
static const struct layout alnum_narrow = {{{"1", "2", "3", "4", "5", "6", "7"},
					    {"8", "9", "0", KEY_BACKSPACE},
					    {"A", "B", "C", "D", "E", "F", "G"},
					    {"H", "I", "J", "K", "L", "M", "N"},
					    {"O", "P", "Q", "R", "S", "T", "U"},
					    {"V", "W", "X", "Y", "Z", KEY_DONE}},
					   6,
					   7};

/* Staff typing addresses, paths and names of things: URL and path marks beside the letters. */
static const struct layout text_pad = {{{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
					{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
					{"a", "s", "d", "f", "g", "h", "j", "k", "l", ":"},
					{"z", "x", "c", "v", "b", "n", "m", "/", "-"},
					{".", "_", "@", KEY_SPACE, KEY_BACKSPACE, KEY_DONE}},
				       5,
				       10};

/* The Chinese keyboards: letters for 拼音 (and ABC: capitals in names, as passports print them), digits
 * for 123, and the row under the writing pad. KEY_ASK is left out where "ask staff" has a row of its own. */
static const struct layout cn_qwerty = {{{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
					 {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
					 {"z", "x", "c", "v", "b", "n", "m", KEY_BACKSPACE},
					 {KEY_ASK, KEY_SPACE, KEY_DONE}},
					4,
					10};
static const struct layout cn_alphabetical = {{{"a", "b", "c", "d", "e", "f", "g"},
					       {"h", "i", "j", "k", "l", "m", "n"},
					       {"o", "p", "q", "r", "s", "t", "u"},
					       {"v", "w", "x", "y", "z", KEY_BACKSPACE},
					       {KEY_ASK, KEY_SPACE, KEY_DONE}},
					      5,
					      7};
static const struct layout cn_qwerty_caps = {{{"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"},
					      {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
					      {"Z", "X", "C", "V", "B", "N", "M", KEY_BACKSPACE},
					      {KEY_ASK, KEY_SPACE, KEY_DONE}},
					     4,
					     10};
static const struct layout cn_alphabetical_caps = {{{"A", "B", "C", "D", "E", "F", "G"},
						    {"H", "I", "J", "K", "L", "M", "N"},
						    {"O", "P", "Q", "R", "S", "T", "U"},
						    {"V", "W", "X", "Y", "Z", KEY_BACKSPACE},
						    {KEY_ASK, KEY_SPACE, KEY_DONE}},
						   5,
						   7};
static const struct layout cn_digits_wide = {{{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
					      {KEY_ASK, KEY_BACKSPACE, KEY_DONE}},
					     2,
					     10};
static const struct layout cn_digits_narrow = {{{"1", "2", "3"},
						{"4", "5", "6"},
						{"7", "8", "9"},
						{KEY_SPACE, "0", KEY_BACKSPACE},
						{KEY_ASK, KEY_DONE}},
					       5,
					       3};
static const struct layout cn_writing = {{{KEY_ASK, KEY_BACKSPACE, KEY_DONE}}, 1, 3};

/* Tabs act at the first tap in the assisted mode, as keys do ("key." ids). */
static const char *const mode_ids[UI_INPUT_MODE_COUNT] = {"key.mode.pinyin", "key.mode.handwriting", "key.mode.abc",
							  "key.mode.digits"};

static struct ui_input_method *methods[KEYBOARD_KIND_COUNT];
static struct ui_input_method *mode_methods[UI_INPUT_MODE_COUNT];

void ui_keyboard_set_method(enum keyboard_kind kind, struct ui_input_method *method)
{
	if (kind < KEYBOARD_KIND_COUNT)
		methods[kind] = method;
}

void ui_keyboard_set_mode_method(enum ui_input_mode mode, struct ui_input_method *method)
{
	if (mode < UI_INPUT_MODE_COUNT)
		mode_methods[mode] = method;
}

bool ui_keyboard_asked_staff(const struct ui *ui)
{
	return ui->keyboard_asked_staff;
}

static bool is_chinese(const struct ui *ui)
{
	return ui->keyboard_kind == KEYBOARD_NAME || ui->keyboard_kind == KEYBOARD_CHINESE;
}

/* Modes that need a method have a tab only when one is registered. */
static bool mode_offered(int mode)
{
	return mode == UI_INPUT_ABC || mode == UI_INPUT_DIGITS || mode_methods[mode];
}

/* Names are Chinese whatever the interface language: 拼音 first (or 手写 without pinyin). Other text
 * starts in ABC in the English interface. */
static int default_mode(const struct ui *ui)
{
	if (ui->keyboard_kind == KEYBOARD_NAME || ui->lang != TEXT_LANG_EN) {
		if (mode_methods[UI_INPUT_PINYIN])
			return UI_INPUT_PINYIN;
		if (mode_methods[UI_INPUT_HANDWRITING])
			return UI_INPUT_HANDWRITING;
	}
	return UI_INPUT_ABC;
}

static int current_mode(const struct ui *ui)
{
	int mode = ui->keyboard_mode;
	return mode >= 0 && mode < UI_INPUT_MODE_COUNT && mode_offered(mode) ? mode : default_mode(ui);
}

/* The method that sees the keys now: the kind's, or the Chinese keyboard's mode's. */
static struct ui_input_method *active_method(const struct ui *ui)
{
	if (is_chinese(ui)) {
		int mode = current_mode(ui);
		return mode == UI_INPUT_PINYIN || mode == UI_INPUT_HANDWRITING ? mode_methods[mode] : NULL;
	}
	return ui->keyboard_kind >= 0 && ui->keyboard_kind < KEYBOARD_KIND_COUNT ? methods[ui->keyboard_kind] : NULL;
}

/* Drops what a method was composing or writing. */
static void method_reset(struct ui_input_method *m)
{
	if (m && m->cancel)
		m->cancel(m->ctx);
	else if (m && m->clear)
		m->clear(m->ctx);
}

/* Tells the active method about the field and the interface, before it is used in a pass. */
static void give_hints(const struct ui *ui, struct ui_input_method *m)
{
	if (!m || !m->hints)
		return;
	struct ui_input_hints h = {ui->lang, ui->keyboard_kind == KEYBOARD_NAME,
				   !ui->focused_field || ui->focused_field->caret == 0};
	m->hints(m->ctx, &h);
}

static const struct layout *layout_for(const struct ui *ui)
{
	switch (ui->keyboard_kind) {
	case KEYBOARD_NUMERIC:
		return &numeric;
	case KEYBOARD_ID:
		return &id_pad;
	case KEYBOARD_DECIMAL:
		return &decimal_pad;
	case KEYBOARD_ALNUM: /* ten keys across, each at least a key's edge, or the narrow layout */
		return ui->width - ui->theme.gap >= 10 * (ui->theme.key + ui->theme.gap / 3) ? &alnum_wide : &alnum_narrow;
	case KEYBOARD_LATIN:
		return ui->theme.kind == THEME_STANDARD ? &qwerty : &alphabetical;
	case KEYBOARD_TEXT:
		return &text_pad;
	default:
		return NULL;
	}
}

/* The id part of a key: its character, or a name for the marks ("point", "slash", …). */
static const char *mark_name(const char *key)
{
	static const char *const marks[][2] = {{".", "point"}, {"/", "slash"}, {":", "colon"}, {"-", "dash"},
					       {"_", "underscore"}, {"@", "at"}};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strcmp(key, marks[i][0]) == 0)
			return marks[i][1];
	return key;
}

static int row_len(const struct layout *l, int row)
{
	int n = 0;
	while (n < MAX_COLS && l->rows[row][n])
		n++;
	return n;
}

/* Words for the special keys, from the screens layer in the interface language (ui/ has no texts of
 * its own); without them, symbols. */
static const char *special_text(const struct ui *ui, const char *key)
{
	const struct ui_keyboard_words *w = ui->keyboard_words;
	if (strcmp(key, KEY_BACKSPACE) == 0)
		return w && w->backspace ? w->backspace : "⌫";
	if (strcmp(key, KEY_DONE) == 0)
		return w && w->done ? w->done : "✓";
	return w && w->space ? w->space : "␣";
}

/* A tab's caption: the screens layer's words, else built in. */
static const char *mode_text(const struct ui *ui, int mode)
{
	static const char *const builtin[TEXT_LANG_COUNT][UI_INPUT_MODE_COUNT] = {
		{"拼音", "手写", "ABC", "123"}, {"拼音", "手寫", "ABC", "123"}, {"Pinyin", "Write", "ABC", "123"}};
	const struct ui_keyboard_words *w = ui->keyboard_words;
	return w && w->mode[mode] ? w->mode[mode] : builtin[ui->lang][mode];
}

/* "Ask staff" is for visitors entering a name (staff typing a reason are the staff). */
static const char *ask_text(const struct ui *ui)
{
	return ui->keyboard_kind == KEYBOARD_NAME && ui->keyboard_words ? ui->keyboard_words->ask_staff : NULL;
}

/* ---- the geometry of the Chinese keyboards ---- */

struct chinese_geometry {
	struct rect tabs; /* a row at the top, or a column beside the keys (landscape) */
	bool tab_column;
	struct rect composing; /* a line above the candidates; in landscape w = 0: it takes the start of their bar */
	struct rect candidates;
	int candidate_rows; /* two in portrait where the writing pad makes the keyboard taller than the keys */
	struct rect keys; /* the keys, or the writing pad and the row under it */
	struct rect ask; /* "ask staff" in a row of its own (h = 0: in the bottom row of keys, or none) */
	const struct layout *letters, *caps, *digits;
};

static bool landscape(const struct ui *ui)
{
	return ui->width > ui->height;
}

static int tab_column_width(struct ui *ui)
{
	int w = ui->theme.key * 3 / 2;
	for (int mode = 0; mode < UI_INPUT_MODE_COUNT; mode++) {
		int need = ui_button_width(ui, mode_text(ui, mode), NULL, TEXT_HEADING);
		if (need > w)
			w = need;
	}
	return w;
}

/* Whether "ask staff" fits in its share of the bottom row of keys (3 of 5 parts), else a row of its own. */
static bool ask_in_own_row(struct ui *ui, int keys_w)
{
	const char *ask = ask_text(ui);
	if (!ask)
		return false;
	int gap = ui->theme.gap / 3;
	return ui_button_width(ui, ask, NULL, TEXT_BODY) > (keys_w - 2 * gap) * 3 / 5;
}

/* How tall the writing pad wants to be at width w, with the row of keys under it. */
static int writing_height(struct ui *ui, int w)
{
	if (!mode_methods[UI_INPUT_HANDWRITING] || landscape(ui))
		return 0; /* landscape keeps the letters' height: the pad takes what the keys would */
	return ui_handwriting_pad_height(ui, w) + ui->theme.gap / 3 + ui->theme.key;
}

/* Lays the Chinese keyboard out in r; r.h may be 0 to learn the height it needs (returned). */
static int chinese_layout(struct ui *ui, struct rect r, struct chinese_geometry *g)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 3;
	memset(g, 0, sizeof(*g));
	g->tab_column = landscape(ui);
	int inner_w = r.w - t->gap;
	int keys_w = g->tab_column ? inner_w - tab_column_width(ui) - gap : inner_w;
	bool wide = keys_w >= 10 * t->key + 9 * gap;
	g->letters = wide ? &cn_qwerty : &cn_alphabetical;
	g->caps = wide ? &cn_qwerty_caps : &cn_alphabetical_caps;
	g->digits = g->tab_column ? &cn_digits_wide : &cn_digits_narrow; /* portrait has the height for a keypad */
	int keys_h = g->letters->row_count * (t->key + gap) - gap;
	int writing = writing_height(ui, keys_w);
	if (writing > keys_h)
		keys_h = writing;
	bool own_ask = ask_in_own_row(ui, keys_w);
	int height = t->gap + keys_h + t->key + gap + (own_ask ? gap + t->key : 0);
	if (!g->tab_column)
		height += t->key + gap + ui_line_height(ui, TEXT_BODY);
	if (r.h == 0)
		return height;

	struct rect area = rect_inset(r, t->gap / 2, t->gap / 2);
	if (own_ask) {
		g->ask = rect_cut_bottom(&area, t->key);
		rect_cut_bottom(&area, gap);
	}
	g->candidate_rows = 1;
	if (g->tab_column) {
		g->candidates = rect_cut_top(&area, t->key);
		rect_cut_top(&area, gap);
		g->tabs = rect_cut_right(&area, tab_column_width(ui));
		rect_cut_right(&area, gap);
		g->composing = (struct rect){g->candidates.x, g->candidates.y, 0, g->candidates.h};
	} else {
		g->tabs = rect_cut_top(&area, t->key);
		rect_cut_top(&area, gap);
		g->composing = rect_cut_top(&area, ui_line_height(ui, TEXT_BODY));
		/* room the letters do not need (the pad wanted it) shows a second row of candidates */
		if (keys_h - (g->letters->row_count * (t->key + gap) - gap) >= t->key + gap)
			g->candidate_rows = 2;
		g->candidates = rect_cut_top(&area, g->candidate_rows * (t->key + gap) - gap);
		rect_cut_top(&area, gap);
	}
	g->keys = area;
	return height;
}

int ui_keyboard_height(const struct ui *ui, int w)
{
	if (!ui->focus)
		return 0;
	if (is_chinese(ui)) {
		struct chinese_geometry g;
		/* measuring text needs the cache (not the state): the pass is not changed */
		return chinese_layout((struct ui *)ui, (struct rect){0, 0, w, 0}, &g);
	}
	const struct layout *l = layout_for(ui);
	if (!l)
		return 0;
	int gap = ui->theme.gap / 3;
	struct ui_input_method *m = active_method(ui);
	const char *c[1];
	bool bar = m && m->candidates && m->candidates(m->ctx, c, 1) > 0;
	return l->row_count * (ui->theme.key + gap) + gap + ui->theme.gap + (bar ? ui->theme.key + ui->theme.gap / 2 : 0);
}

/* ---- keys ---- */

/* Applies a key to the focused field; true when it closes the keyboard (Done). */
static bool apply(struct ui *ui, const char *key)
{
	struct ui_field *f = ui->focused_field;
	if (!f)
		return false;
	if (strcmp(key, KEY_ASK) == 0) {
		ui->keyboard_asked_staff = true;
		return false;
	}
	struct ui_input_method *m = active_method(ui);
	ui->candidate_page = 0; /* a new composition starts on its first page */
	if (m && m->key) {
		give_hints(ui, m);
		if (m->key(m->ctx, key, f))
			return false;
	}
	if (strcmp(key, KEY_BACKSPACE) == 0)
		ui_field_backspace(f);
	else if (strcmp(key, KEY_DONE) == 0)
		return true;
	else if (strcmp(key, KEY_SPACE) == 0)
		ui_field_insert(f, " ");
	else
		ui_field_insert(f, key);
	return false;
}

/* Weights of a row's special keys: "ask staff" takes three parts, the others one. */
static int special_weight(const char *key)
{
	return strcmp(key, KEY_ASK) == 0 ? 3 : 1;
}

/* Draws the rows of l in area with keys key_h high; ask says whether KEY_ASK is drawn (else skipped).
 * Returns true when Done was tapped. */
static bool draw_keys(struct ui *ui, const struct layout *l, struct rect area, int key_h, bool ask)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 3;
	bool done = false;
	int key_w = (area.w - (l->cols - 1) * gap) / l->cols;
	for (int row = 0; row < l->row_count; row++) {
		const char *keys[MAX_COLS];
		int n = 0;
		for (int c = 0; c < row_len(l, row); c++) {
			if (ask || strcmp(l->rows[row][c], KEY_ASK) != 0)
				keys[n++] = l->rows[row][c];
		}
		/* Special keys widen to fill a short row; plain rows are centred. */
		int weights = 0, specials = 0;
		for (int c = 0; c < n; c++) {
			if (keys[c][0] == '\1') {
				specials++;
				weights += special_weight(keys[c]);
			}
		}
		int plain = n - specials;
		int unit = weights ? (area.w - plain * (key_w + gap) - (specials - 1) * gap) / weights : 0;
		if (unit > key_w * 4 && plain > 0)
			unit = key_w * 4;
		int row_w = plain * key_w + unit * weights + (n - 1) * gap;
		int x = area.x + (area.w - row_w) / 2;
		int y = area.y + row * (key_h + gap);
		for (int c = 0; c < n; c++) {
			const char *key = keys[c];
			bool special = key[0] == '\1';
			int w = special ? unit * special_weight(key) : key_w;
			if (key[0] == '\0') {
				x += w + gap;
				continue;
			}
			bool asking = strcmp(key, KEY_ASK) == 0;
			char id[UI_ID_MAX];
			/* marks get names: "key.." would read as a typo in a script */
			snprintf(id, sizeof(id), asking ? "keyboard.ask_staff" : "key.%s", special ? key + 1 : mark_name(key));
			struct ui_button_look look = ui_button_look(
				ui, strcmp(key, KEY_DONE) == 0 ? UI_BUTTON_PRIMARY : asking ? UI_BUTTON_SECONDARY : UI_BUTTON_QUIET);
			look.role = asking ? TEXT_BODY : TEXT_HEADING;
			look.role_name = "key"; /* keyboard-sized; asking staff ("keyboard." id) is heard first when assisted */
			const char *text = asking ? ask_text(ui) : special ? special_text(ui, key) : key;
			if (ui_button(ui, id, (struct rect){x, y, w, key_h}, text, &look) && apply(ui, key))
				done = true;
			x += w + gap;
		}
	}
	return done;
}

/* ---- the candidate bar ---- */

/* Width of a candidate's button. */
static int candidate_width(struct ui *ui, const char *text)
{
	struct text_style st = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_CENTER, 1);
	const struct text_layout *tl = ui_measure(ui, text, &st, 0);
	int w = (tl ? tl->width : 0) + ui->theme.pad;
	return w < ui->theme.key ? ui->theme.key : w;
}

/* The candidates that fit in a row of width w from start (at least one); returns the index after the last. */
static int row_end(struct ui *ui, const char *const *list, int n, int start, int w)
{
	int gap = ui->theme.gap / 3, x = 0, i = start;
	while (i < n) {
		int cw = candidate_width(ui, list[i]);
		if (i > start && x + cw > w)
			break;
		x += cw + gap;
		i++;
	}
	return i;
}

/* The same for a page of rows rows. */
static int page_end(struct ui *ui, const char *const *list, int n, int start, int w, int rows)
{
	for (int row = 0; row < rows && start < n; row++)
		start = row_end(ui, list, n, start, w);
	return start;
}

/* The bar of m's candidates in r (rows rows of keys), paged with ◀ ▶; a tap commits one into the field.
 * Shows hint (or nothing) while there are none. */
static void candidate_bar(struct ui *ui, struct ui_input_method *m, struct rect r, int rows, const char *hint)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 3;
	const char *list[CANDIDATES_SHOWN_MAX];
	struct rect mid = r;
	struct rect prev = rect_cut_left(&mid, t->key);
	rect_cut_left(&mid, gap);
	struct rect next = rect_cut_right(&mid, t->key);
	rect_cut_right(&mid, gap);
	/* Enough for the pages up to the one shown and the next: each candidate is at least a key wide. */
	int per_page = rows * (mid.w / (t->key + gap) + 1);
	int want = (ui->candidate_page + 2) * per_page;
	if (want > CANDIDATES_SHOWN_MAX)
		want = CANDIDATES_SHOWN_MAX;
	int n = m && m->candidates ? m->candidates(m->ctx, list, want) : 0;
	if (n == 0) {
		ui->candidate_page = 0;
		if (hint) {
			struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 1);
			const struct text_layout *tl = ui_measure(ui, hint, &st, r.w);
			int h = tl ? tl->height : 0;
			ui_text(ui, "keyboard.hint", (struct rect){r.x, r.y + (r.h - h) / 2, r.w, h}, hint, TEXT_BODY,
				TEXT_ALIGN_START, 1, t->text_muted);
		}
		return;
	}
	int start = 0, end = page_end(ui, list, n, 0, mid.w, rows);
	for (int page = 0; page < ui->candidate_page && end < n; page++) {
		start = end;
		end = page_end(ui, list, n, start, mid.w, rows);
	}
	if (start == 0)
		ui->candidate_page = 0;
	const struct ui_keyboard_words *words = ui->keyboard_words;
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
	look.role = TEXT_HEADING;
	look.role_name = "key";
	look.disabled = start == 0;
	look.label = words && words->prev_page ? words->prev_page : NULL;
	if (ui_button(ui, "candidate.prev", prev, "◀", &look) && ui->candidate_page > 0)
		ui->candidate_page--;
	look.disabled = end >= n;
	look.label = words && words->next_page ? words->next_page : NULL;
	if (ui_button(ui, "candidate.next", next, "▶", &look) && end < n)
		ui->candidate_page++;
	look = ui_button_look(ui, UI_BUTTON_QUIET);
	look.role = TEXT_HEADING;
	look.role_name = "key";
	int key_h = (mid.h - (rows - 1) * gap) / rows;
	for (int row = 0, i = start; row < rows && i < end; row++) {
		int stop = row_end(ui, list, end, i, mid.w), x = mid.x, y = mid.y + row * (key_h + gap);
		for (; i < stop; i++) {
			int w = candidate_width(ui, list[i]);
			if (w > mid.w)
				w = mid.w;
			char id[UI_ID_MAX];
			snprintf(id, sizeof(id), "candidate.%d", i);
			if (ui_button(ui, id, (struct rect){x, y, w, key_h}, list[i], &look) && m->pick) {
				give_hints(ui, m);
				m->pick(m->ctx, i, ui->focused_field);
				ui->candidate_page = 0;
				return; /* the list changed under the rest */
			}
			x += w + gap;
		}
	}
}

/* ---- the keyboards ---- */

/* The height of l's keys filling *area, a little taller than a key where there is room (up to half
 * again); *area is moved down to where they start, so they sit at the bottom, near the hands. */
static int stretched(const struct ui *ui, const struct layout *l, struct rect *area)
{
	int gap = ui->theme.gap / 3;
	int key_h = (area->h - (l->row_count - 1) * gap) / l->row_count;
	if (key_h > ui->theme.key * 3 / 2)
		key_h = ui->theme.key * 3 / 2;
	int used = l->row_count * (key_h + gap) - gap;
	area->y += area->h - used;
	area->h = used;
	return key_h;
}

/* The Chinese keyboard in r; true when Done was tapped. */
static bool chinese_keyboard(struct ui *ui, struct rect r)
{
	const struct theme *t = &ui->theme;
	int gap = t->gap / 3;
	/* Another field (or the first): its own start, nothing carried over from the last one. */
	if (ui->keyboard_field != ui->focus) {
		for (int mode = 0; mode < UI_INPUT_MODE_COUNT; mode++)
			method_reset(mode_methods[mode]);
		ui->keyboard_field = ui->focus;
		ui->keyboard_mode = default_mode(ui);
		ui->candidate_page = 0;
	}
	int mode = current_mode(ui);
	struct chinese_geometry g;
	chinese_layout(ui, r, &g);

	/* The tabs: one per mode offered, the current one selected. */
	int offered = 0;
	for (int i = 0; i < UI_INPUT_MODE_COUNT; i++)
		offered += mode_offered(i);
	for (int i = 0, cell = 0; i < UI_INPUT_MODE_COUNT; i++) {
		if (!mode_offered(i))
			continue;
		struct rect tab = g.tab_column ? (struct rect){g.tabs.x, g.tabs.y + cell * (t->key + gap), g.tabs.w, t->key}
					       : rect_cell((struct rect){g.tabs.x, g.tabs.y, g.tabs.w * offered / 4, g.tabs.h}, cell,
							   offered, gap, true);
		cell++;
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
		if (i == mode) {
			look.fill = look.fill_pressed = t->selected;
			look.text = t->on_selected;
			look.border_color = t->selected;
		}
		look.role = TEXT_HEADING;
		look.role_name = "key";
		look.selected = i == mode;
		if (ui_button(ui, mode_ids[i], tab, mode_text(ui, i), &look) && i != mode) {
			method_reset(active_method(ui)); /* what was being composed in the old mode is dropped */
			ui->keyboard_mode = i;
			ui->candidate_page = 0;
			mode = i;
		}
	}

	bool done = false;
	struct ui_input_method *m = active_method(ui);
	give_hints(ui, m);
	const char *ask = ask_text(ui);
	if (m) { /* 拼音 and 手写: what is composed, the candidates, the keys or the pad */
		const char *composing = m->composing ? m->composing(m->ctx) : "";
		if (composing && composing[0]) {
			struct text_style st = ui_text_style(ui, TEXT_BODY, TEXT_ALIGN_START, 1);
			if (g.composing.w == 0) { /* landscape: as wide as it is, up to a third of the bar */
				const struct text_layout *whole = ui_measure(ui, composing, &st, 0);
				int w = (whole ? whole->width : 0) + 1;
				g.composing.w = w < g.candidates.w / 3 ? w : g.candidates.w / 3;
				rect_cut_left(&g.candidates, g.composing.w + gap);
			}
			const struct text_layout *tl = ui_measure(ui, composing, &st, g.composing.w);
			int h = tl ? tl->height : 0;
			ui_text(ui, "keyboard.composing",
				(struct rect){g.composing.x, g.composing.y + (g.composing.h - h) / 2, g.composing.w, h},
				composing, TEXT_BODY, TEXT_ALIGN_START, 1, t->text);
		}
		if (mode == UI_INPUT_HANDWRITING) { /* one row of candidates right under the tabs, the pad below */
			int top = g.tab_column ? g.candidates.y : g.composing.y;
			struct rect bar = {g.candidates.x, top, g.candidates.w, t->key};
			struct rect pad = {g.keys.x, top + t->key + gap, g.keys.w, g.keys.y + g.keys.h - (top + t->key + gap)};
			candidate_bar(ui, m, bar, 1, NULL);
			struct rect row = rect_cut_bottom(&pad, t->key);
			rect_cut_bottom(&pad, gap);
			ui_handwriting_pad(ui, pad, m);
			done = draw_keys(ui, &cn_writing, row, t->key, ask && !g.ask.h);
		} else {
			const char *hint = ui->keyboard_words ? ui->keyboard_words->hint : NULL;
			candidate_bar(ui, m, g.candidates, g.candidate_rows, hint);
			done = draw_keys(ui, g.letters, g.keys, stretched(ui, g.letters, &g.keys), ask && !g.ask.h);
		}
	} else { /* ABC and 123: the keys take the candidates' room too */
		struct rect area = g.tab_column ? (struct rect){g.keys.x, g.candidates.y, g.keys.w, g.keys.y + g.keys.h - g.candidates.y}
						: (struct rect){g.keys.x, g.composing.y, g.keys.w, g.keys.y + g.keys.h - g.composing.y};
		const struct layout *l = mode == UI_INPUT_DIGITS ? g.digits
					 : ui->keyboard_kind == KEYBOARD_NAME ? g.caps
									      : g.letters;
		done = draw_keys(ui, l, area, stretched(ui, l, &area), ask && !g.ask.h);
	}
	if (g.ask.h && ask) {
		struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
		look.role = TEXT_BODY;
		look.role_name = "key";
		if (ui_button(ui, "keyboard.ask_staff", g.ask, ask, &look))
			ui->keyboard_asked_staff = true;
	}
	return done;
}

bool ui_keyboard(struct ui *ui, struct rect r)
{
	if (!ui->focused_field)
		return false;
	bool chinese = is_chinese(ui);
	const struct layout *l = chinese ? NULL : layout_for(ui);
	if (!chinese && !l)
		return false;
	const struct theme *t = &ui->theme;
	if (ui->event.kind == UI_EVENT_PRESS && rect_contains(r, ui->event.x, ui->event.y))
		ui->press_taken = true;
	draw_list_rect(&ui->draw, r, t->surface_pressed, 0, 0, t->surface_pressed);
	bool done;
	if (chinese) {
		done = chinese_keyboard(ui, r);
	} else {
		struct rect area = rect_inset(r, t->gap / 2, t->gap / 2);
		struct ui_input_method *m = active_method(ui);
		give_hints(ui, m);
		const char *c[1];
		if (m && m->candidates && m->candidates(m->ctx, c, 1) > 0) {
			struct rect strip = rect_cut_top(&area, t->key);
			rect_cut_top(&area, t->gap / 2);
			candidate_bar(ui, m, strip, 1, NULL);
		}
		done = draw_keys(ui, l, area, t->key, false);
	}
	if (done)
		ui->focus = 0;
	return done;
}

/* The text field after the focused one in the order they were laid out (the last pass). */
static unsigned next_field(const struct ui *ui)
{
	for (int i = 0; i + 1 < ui->field_count; i++) {
		if (ui->fields[i] == ui->focus)
			return ui->fields[i + 1];
	}
	return 0;
}

bool ui_key(struct ui *ui, const char *name)
{
	if (!ui->focused_field)
		return false;
	if (strcmp(name, "Backspace") == 0) {
		apply(ui, KEY_BACKSPACE);
	} else if (strcmp(name, "Enter") == 0) {
		apply(ui, KEY_DONE); /* a composition is committed as typed, as Done does */
		ui->focus = 0;
	} else if (strcmp(name, "Escape") == 0) {
		method_reset(active_method(ui));
		ui->focus = 0;
	} else if (strcmp(name, "Tab") == 0) {
		ui->focus = next_field(ui); /* the next text field on screen, scrolled into view; none after the last */
	} else {
		return false;
	}
	return true;
}

/* Lower-case letters only: what a hardware keyboard (or the driver's `type`) sends to a pinyin method. */
static bool pinyin_letters(const char *text)
{
	if (!text[0])
		return false;
	for (const char *p = text; *p; p++) {
		if (*p < 'a' || *p > 'z')
			return false;
	}
	return true;
}

bool ui_type(struct ui *ui, const char *text)
{
	if (!ui->focused_field)
		return false;
	/* In 拼音 mode letters compose, as they would from a hardware keyboard; anything else is text. */
	if (is_chinese(ui) && current_mode(ui) == UI_INPUT_PINYIN && active_method(ui) && pinyin_letters(text)) {
		for (const char *p = text; *p; p++) {
			char key[2] = {*p, '\0'};
			apply(ui, key);
		}
		return true;
	}
	ui_field_insert(ui->focused_field, text);
	return true;
}
