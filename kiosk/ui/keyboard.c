/* On-screen keyboards: a numeric keypad (digits; X for ID numbers; a point for amounts), a Latin
 * keyboard (QWERTY in the standard theme; alphabetical with fewer, bigger keys in the large themes) and
 * one of digits and capitals for references. Layouts are tables.
 * Keys insert into the focused field; Backspace deletes before the caret; Done closes the keyboard.
 * An input method (pinyin, handwriting: later) plugs in per keyboard kind through struct
 * ui_input_method: it receives the keys and offers candidates in a bar above them. */
#include <stdio.h>
#include <string.h>

#include "ui/keyboard.h"
#include "ui/widgets.h"

#define MAX_ROWS 6
#define MAX_COLS 10

struct layout {
	const char *rows[MAX_ROWS][MAX_COLS]; /* NULL ends a row; "" leaves a gap */
	int row_count, cols;
};

/* Special keys are spelled with a leading '\1' so no typed character collides with them. */
#define KEY_BACKSPACE "\1bs"
#define KEY_DONE "\1done"
#define KEY_SPACE "\1space"

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

static struct ui_input_method *methods[KEYBOARD_KIND_COUNT];

void ui_keyboard_set_method(enum keyboard_kind kind, struct ui_input_method *method)
{
	if (kind < KEYBOARD_KIND_COUNT)
		methods[kind] = method;
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

/* Words for the special keys, in the interface language. */
static const char *special_text(const struct ui *ui, const char *key)
{
	static const char *const words[TEXT_LANG_COUNT][3] = {
		{"删除", "完成", "空格"}, {"刪除", "完成", "空格"}, {"Delete", "Done", "Space"}};
	int i = strcmp(key, KEY_BACKSPACE) == 0 ? 0 : strcmp(key, KEY_DONE) == 0 ? 1 : 2;
	return words[ui->lang][i];
}

static int candidate_bar_height(const struct ui *ui)
{
	struct ui_input_method *m = ui->keyboard_kind < KEYBOARD_KIND_COUNT ? methods[ui->keyboard_kind] : NULL;
	const char *c[1];
	return m && m->candidates && m->candidates(m->ctx, c, 1) > 0 ? ui->theme.key + ui->theme.gap / 2 : 0;
}

int ui_keyboard_height(const struct ui *ui, int w)
{
	(void)w;
	const struct layout *l = ui->focus ? layout_for(ui) : NULL;
	if (!l)
		return 0;
	int gap = ui->theme.gap / 3;
	return l->row_count * (ui->theme.key + gap) + gap + ui->theme.gap + candidate_bar_height(ui);
}

static bool apply(struct ui *ui, const char *key)
{
	struct ui_field *f = ui->focused_field;
	struct ui_input_method *m = ui->keyboard_kind < KEYBOARD_KIND_COUNT ? methods[ui->keyboard_kind] : NULL;
	if (!f)
		return false;
	if (m && m->key && m->key(m->ctx, key, f))
		return false;
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

bool ui_keyboard(struct ui *ui, struct rect r)
{
	const struct layout *l = ui->focused_field ? layout_for(ui) : NULL;
	if (!l)
		return false;
	const struct theme *t = &ui->theme;
	if (ui->event.kind == UI_EVENT_PRESS && rect_contains(r, ui->event.x, ui->event.y))
		ui->press_taken = true;
	draw_list_rect(&ui->draw, r, t->surface_pressed, 0, 0, t->surface_pressed);
	int gap = t->gap / 3;
	struct rect area = rect_inset(r, t->gap / 2, t->gap / 2);
	bool done = false;

	struct ui_input_method *m = methods[ui->keyboard_kind];
	int bar = candidate_bar_height(ui);
	if (bar > 0) {
		struct rect strip = rect_cut_top(&area, bar - t->gap / 2);
		rect_cut_top(&area, t->gap / 2);
		const char *cands[8];
		int n = m->candidates(m->ctx, cands, 8);
		int x = strip.x;
		for (int i = 0; i < n && x < strip.x + strip.w; i++) {
			struct text_style st = ui_text_style(ui, TEXT_HEADING, TEXT_ALIGN_CENTER, 1);
			const struct text_layout *tl = ui_measure(ui, cands[i], &st, 0);
			int w = (tl ? tl->width : 0) + t->pad;
			if (w < t->key)
				w = t->key;
			char id[UI_ID_MAX];
			snprintf(id, sizeof(id), "candidate.%d", i);
			struct ui_button_look look = ui_button_look(ui, UI_BUTTON_QUIET);
			look.role = TEXT_HEADING;
			look.role_name = "key";
			if (ui_button(ui, id, (struct rect){x, strip.y, w, strip.h}, cands[i], &look) && m->pick)
				m->pick(m->ctx, i, ui->focused_field);
			x += w + gap;
		}
	}

	int key_w = (area.w - (l->cols - 1) * gap) / l->cols;
	for (int row = 0; row < l->row_count; row++) {
		int n = row_len(l, row);
		/* Special keys widen to fill a short row; plain rows are centred. */
		int specials = 0;
		for (int c = 0; c < n; c++)
			specials += l->rows[row][c][0] == '\1';
		int plain = n - specials;
		int special_w = specials ? (area.w - plain * (key_w + gap) - (specials - 1) * gap) / specials : 0;
		if (special_w > key_w * 4 && plain > 0)
			special_w = key_w * 4;
		int row_w = plain * key_w + specials * special_w + (n - 1) * gap;
		int x = area.x + (area.w - row_w) / 2;
		int y = area.y + row * (t->key + gap);
		for (int c = 0; c < n; c++) {
			const char *key = l->rows[row][c];
			bool special = key[0] == '\1';
			int w = special ? special_w : key_w;
			if (key[0] == '\0') {
				x += w + gap;
				continue;
			}
			char id[UI_ID_MAX];
			/* marks get names: "key.." would read as a typo in a script */
			snprintf(id, sizeof(id), "key.%s", special ? key + 1 : mark_name(key));
			struct ui_button_look look =
				ui_button_look(ui, strcmp(key, KEY_DONE) == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_QUIET);
			look.role = TEXT_HEADING;
			look.role_name = "key";
			const char *text = special ? special_text(ui, key) : key;
			if (ui_button(ui, id, (struct rect){x, y, w, t->key}, text, &look) && apply(ui, key))
				done = true;
			x += w + gap;
		}
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
	if (strcmp(name, "Backspace") == 0)
		apply(ui, KEY_BACKSPACE);
	else if (strcmp(name, "Enter") == 0 || strcmp(name, "Escape") == 0)
		ui->focus = 0;
	else if (strcmp(name, "Tab") == 0)
		ui->focus = next_field(ui); /* the next text field on screen, scrolled into view; none after the last */
	else
		return false;
	return true;
}

bool ui_type(struct ui *ui, const char *text)
{
	if (!ui->focused_field)
		return false;
	ui_field_insert(ui->focused_field, text);
	return true;
}
