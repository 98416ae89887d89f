/* The Chinese keyboards (ui/keyboard.c) with a scripted input method standing in for an engine:
 *   - the tabs 拼音 / 手写 / ABC / 123 (手写 only with a method behind it), 拼音 first for names in every
 *     language, ABC first for other text in English; each field starts afresh;
 *   - letters go to the method, what it composes shows, its candidates page with ◀ ▶ and a tap commits
 *     the candidate with its index in the whole list; ABC and 123 type into the field;
 *   - `type` (the driver, a hardware keyboard) composes lower-case letters in 拼音 mode and commits
 *     anything else as it is; Enter and Done commit, Escape drops the composition;
 *   - "ask staff" only raises a flag, for one pass, and only on name fields;
 *   - one height whatever the mode; every key at least the theme's key size and on the screen, in
 *     portrait 1080×1920 and landscape 1920×1080 and 1280×800, standard and large. */
#include <stdlib.h>

#include "check.h"
#include "ui/handwriting_pad.h"
#include "ui/keyboard.h"
#include "ui/widgets.h"

static struct font_set *fs;
static struct text_cache *cache;
static struct ui ui;
static struct theme theme;
static int screen_w = 1080, screen_h = 1920;
static enum text_lang lang = TEXT_LANG_ZH_HANS;

/* ---- a scripted method: candidates "c0" … "c29" while something is composed ---- */

static struct {
	char composing[32];
	int picked, cancels, hints_calls;
	struct ui_input_hints hints;
	char texts[30][8];
} fake;

static bool fake_key(void *ctx, const char *key, struct ui_field *field)
{
	(void)ctx;
	size_t len = strlen(fake.composing);
	if (key[0] >= 'a' && key[0] <= 'z' && !key[1] && len + 1 < sizeof(fake.composing)) {
		fake.composing[len] = key[0];
		fake.composing[len + 1] = '\0';
		return true;
	}
	if (!len)
		return false;
	if (strcmp(key, UI_KEY_BACKSPACE) == 0) {
		fake.composing[len - 1] = '\0';
		return true;
	}
	if (strcmp(key, UI_KEY_DONE) == 0) { /* committed as typed, then the keyboard closes */
		ui_field_insert(field, fake.composing);
		fake.composing[0] = '\0';
		return false;
	}
	return true;
}

static int fake_candidates(void *ctx, const char **out, int max)
{
	(void)ctx;
	int n = fake.composing[0] ? 30 : 0;
	for (int i = 0; i < n && i < max; i++)
		out[i] = fake.texts[i];
	return n < max ? n : max;
}

static void fake_pick(void *ctx, int i, struct ui_field *field)
{
	(void)ctx;
	fake.picked = i;
	ui_field_insert(field, "字");
	fake.composing[0] = '\0';
}

static void fake_hints(void *ctx, const struct ui_input_hints *h)
{
	(void)ctx;
	fake.hints = *h;
	fake.hints_calls++;
}

static const char *fake_composing(void *ctx)
{
	(void)ctx;
	return fake.composing;
}

static void fake_cancel(void *ctx)
{
	(void)ctx;
	fake.composing[0] = '\0';
	fake.cancels++;
}

static struct ui_input_method pinyin = {.name = "fake", .key = fake_key, .candidates = fake_candidates,
					.pick = fake_pick, .hints = fake_hints, .composing = fake_composing,
					.cancel = fake_cancel};

/* A writing method with no strokes: enough for the pad to be laid out. */
static const struct ui_point *no_ink(void *ctx, int i, int *count)
{
	(void)ctx, (void)i;
	*count = 0;
	return NULL;
}
static void no_stroke(void *ctx, const struct ui_point *p, int n)
{
	(void)ctx, (void)p, (void)n;
}
static void no_op(void *ctx)
{
	(void)ctx;
}
static struct ui_input_method writing = {.name = "writing", .candidates = fake_candidates, .pick = fake_pick,
					 .stroke = no_stroke, .undo = no_op, .clear = no_op, .ink = no_ink};

/* ---- a form with two fields and the keyboard under it ---- */

static struct ui_field field_a, field_b;
static enum keyboard_kind kind_a = KEYBOARD_NAME;
static bool closed;
static bool give_words = true;
static const struct ui_keyboard_words words = {
	.mode = {"拼音", "手写", "ABC", "123"},
	.ask_staff = "找不到这个字？请工作人员帮忙",
	.prev_page = "上一页候选字",
	.next_page = "下一页候选字",
	.hint = "输入拼音，再点选汉字",
};

static void build(void)
{
	struct ui_text_field_opts a = {.label = "姓名", .keyboard = kind_a, .mask = UI_MASK_NAME};
	struct ui_text_field_opts b = {.label = "事由", .keyboard = KEYBOARD_CHINESE};
	ui.keyboard_words = give_words ? &words : NULL;
	ui_text_field(&ui, "a", (struct rect){40, 150, screen_w - 80, 0}, &field_a, &a);
	ui_text_field(&ui, "b", (struct rect){40, 350, screen_w - 80, 0}, &field_b, &b);
	int kb = ui_keyboard_height(&ui, screen_w);
	if (kb && ui_keyboard(&ui, (struct rect){0, screen_h - kb, screen_w, kb}))
		closed = true;
}

static void pass(enum ui_event_kind kind, int x, int y)
{
	struct ui_event ev = {kind, x, y};
	ui_begin(&ui, &theme, lang, screen_w, screen_h, 0, kind == UI_EVENT_NONE ? NULL : &ev);
	build();
	ui_end(&ui);
}

/* Taps the widget called id; false when it is not on screen. */
static bool tap(const char *id)
{
	pass(UI_EVENT_NONE, 0, 0);
	const struct ui_widget *w = ui_find(&ui, id);
	if (!w)
		return false;
	int x = w->rect.x + w->rect.w / 2, y = w->rect.y + w->rect.h / 2;
	pass(UI_EVENT_PRESS, x, y);
	pass(UI_EVENT_RELEASE, x, y);
	pass(UI_EVENT_NONE, 0, 0);
	return true;
}

static bool shown(const char *id)
{
	return ui_find(&ui, id) != NULL;
}

static void reset_form(void)
{
	ui_reset(&ui);
	memset(&field_a, 0, sizeof(field_a));
	memset(&field_b, 0, sizeof(field_b));
	fake.composing[0] = '\0';
	fake.picked = -1;
	closed = false;
}

static void check_modes(void)
{
	reset_form();
	ui_keyboard_set_mode_method(UI_INPUT_PINYIN, &pinyin);
	CHECK(tap("a"));
	CHECK(shown("key.mode.pinyin") && shown("key.mode.abc") && shown("key.mode.digits"));
	CHECK(!shown("key.mode.handwriting")); /* no handwriting method registered: no tab */
	CHECK(ui_find(&ui, "key.mode.pinyin")->selected); /* names start in 拼音 */
	CHECK(shown("keyboard.hint"));
	CHECK(tap("key.z"));
	CHECK_STR(fake.composing, "z");
	CHECK_INT(field_a.len, 0); /* composing, not typed */
	CHECK(fake.hints.name && fake.hints.at_start && fake.hints.lang == TEXT_LANG_ZH_HANS);
	const struct ui_widget *c = ui_find(&ui, "keyboard.composing");
	CHECK(c && strcmp(c->text, "z") == 0);
	/* another mode drops the composition; ABC types capitals into a name */
	CHECK(tap("key.mode.abc"));
	CHECK_STR(fake.composing, "");
	CHECK(!shown("candidate.0"));
	CHECK(tap("key.L") && tap("key.I"));
	CHECK_STR(field_a.text, "LI");
	CHECK(tap("key.mode.digits"));
	CHECK(tap("key.7"));
	CHECK_STR(field_a.text, "LI7");
	CHECK(tap("key.bs"));
	CHECK_STR(field_a.text, "LI");
	/* the other field: KEYBOARD_CHINESE, its own start (拼音 in a Chinese interface) */
	CHECK(tap("b"));
	CHECK(ui_find(&ui, "key.mode.pinyin")->selected);
	CHECK(!fake.hints.name);
	CHECK(!shown("keyboard.ask_staff")); /* asking staff is for names */
	/* back to the first field: it starts afresh in 拼音 */
	CHECK(tap("a"));
	CHECK(ui_find(&ui, "key.mode.pinyin")->selected);
	CHECK(!fake.hints.at_start); /* the caret is after "LI" */
	/* in English, other text starts in ABC (lower case), names still in 拼音 */
	lang = TEXT_LANG_EN;
	reset_form();
	CHECK(tap("b"));
	CHECK(ui_find(&ui, "key.mode.abc")->selected);
	CHECK(tap("key.q"));
	CHECK_STR(field_b.text, "q");
	CHECK(tap("a"));
	CHECK(ui_find(&ui, "key.mode.pinyin")->selected);
	CHECK_STR(ui_find(&ui, "key.mode.pinyin")->text, "拼音"); /* the screens layer's words */
	give_words = false; /* without them: built-in captions in the interface language */
	pass(UI_EVENT_NONE, 0, 0);
	CHECK_STR(ui_find(&ui, "key.mode.pinyin")->text, "Pinyin");
	CHECK(!shown("keyboard.ask_staff"));
	give_words = true;
	lang = TEXT_LANG_ZH_HANS;
}

static void check_candidates(void)
{
	reset_form();
	CHECK(tap("a"));
	CHECK(tap("key.l") && tap("key.i"));
	CHECK(shown("candidate.0"));
	CHECK(ui_find(&ui, "candidate.prev") && !ui_find(&ui, "candidate.prev")->enabled);
	CHECK(ui_find(&ui, "candidate.next") && ui_find(&ui, "candidate.next")->enabled);
	CHECK_STR(ui_find(&ui, "candidate.next")->label, "下一页候选字");
	/* the next page shows later candidates, with their index in the whole list */
	int first_page_last = -1;
	for (int i = 0; i < 30; i++) {
		char id[32];
		snprintf(id, sizeof(id), "candidate.%d", i);
		if (shown(id))
			first_page_last = i;
	}
	CHECK(first_page_last > 0 && first_page_last < 29);
	CHECK(tap("candidate.next"));
	CHECK(!shown("candidate.0"));
	char id[32];
	snprintf(id, sizeof(id), "candidate.%d", first_page_last + 1);
	CHECK(shown(id));
	CHECK(ui_find(&ui, "candidate.prev")->enabled);
	/* to the last page: ▶ turns off */
	for (int i = 0; i < 10 && ui_find(&ui, "candidate.next")->enabled; i++)
		tap("candidate.next");
	CHECK(shown("candidate.29"));
	CHECK(!ui_find(&ui, "candidate.next")->enabled);
	CHECK(tap("candidate.29"));
	CHECK_INT(fake.picked, 29);
	CHECK_STR(field_a.text, "字");
	CHECK(!shown("candidate.0")); /* picked: nothing composed, no candidates */
	/* a new composition starts on the first page */
	CHECK(tap("key.x") && tap("candidate.next") && tap("key.y"));
	CHECK(shown("candidate.0"));
	/* Backspace edits the composition first, then the field */
	CHECK(ui_key(&ui, "Backspace"));
	CHECK_STR(fake.composing, "x");
	CHECK(ui_key(&ui, "Backspace"));
	CHECK(ui_key(&ui, "Backspace"));
	CHECK_STR(field_a.text, "");
}

static void check_typing(void)
{
	reset_form();
	CHECK(tap("a"));
	/* lower-case letters compose in 拼音 mode, anything else is committed as it is */
	CHECK(ui_type(&ui, "zhang"));
	CHECK_STR(fake.composing, "zhang");
	CHECK_INT(field_a.len, 0);
	CHECK(ui_type(&ui, "Li Si"));
	CHECK_STR(field_a.text, "Li Si");
	CHECK(ui_type(&ui, "张"));
	CHECK_STR(field_a.text, "Li Si张");
	/* Enter commits what is composed (as typed) and closes the keyboard */
	CHECK(ui_key(&ui, "Enter"));
	CHECK_STR(field_a.text, "Li Si张zhang");
	pass(UI_EVENT_NONE, 0, 0);
	CHECK(!shown("key.mode.pinyin"));
	/* Escape drops it */
	CHECK(tap("a"));
	CHECK(ui_type(&ui, "wang"));
	int cancels = fake.cancels;
	CHECK(ui_key(&ui, "Escape"));
	CHECK(fake.cancels > cancels);
	CHECK_STR(fake.composing, "");
	/* Done while composing: committed as typed, the keyboard closes */
	CHECK(tap("a"));
	CHECK(tap("key.w"));
	CHECK(tap("key.done"));
	CHECK(closed);
	CHECK(!shown("key.done"));
	/* in ABC mode letters are text */
	CHECK(tap("a"));
	CHECK(tap("key.mode.abc"));
	memset(&field_a, 0, sizeof(field_a));
	CHECK(ui_type(&ui, "abc"));
	CHECK_STR(field_a.text, "abc");
	CHECK_STR(fake.composing, "");
}

static void check_ask_staff(void)
{
	reset_form();
	CHECK(tap("a"));
	CHECK(shown("keyboard.ask_staff"));
	const struct ui_widget *w = ui_find(&ui, "keyboard.ask_staff");
	int x = w->rect.x + w->rect.w / 2, y = w->rect.y + w->rect.h / 2;
	pass(UI_EVENT_PRESS, x, y);
	CHECK(!ui_keyboard_asked_staff(&ui));
	pass(UI_EVENT_RELEASE, x, y);
	CHECK(ui_keyboard_asked_staff(&ui)); /* in the pass it was tapped */
	pass(UI_EVENT_NONE, 0, 0);
	CHECK(!ui_keyboard_asked_staff(&ui)); /* and that one only */
	CHECK(shown("key.mode.pinyin")); /* the keyboard stays */
}

/* Every key and tab at least the theme's key edge, inside the keyboard and the screen. */
static void check_fits(const char *what)
{
	int kb = ui_keyboard_height(&ui, screen_w);
	CHECK(kb > 0 && kb < screen_h * 3 / 4);
	int bad = 0;
	for (size_t i = 0; i < ui.widget_count; i++) {
		const struct ui_widget *w = &ui.widgets[i];
		if (strcmp(w->role, "key") != 0)
			continue;
		if (w->rect.w < theme.key - 1 || w->rect.h < theme.key - 1 || w->rect.y < screen_h - kb ||
		    w->rect.x < 0 || w->rect.x + w->rect.w > screen_w || w->rect.y + w->rect.h > screen_h || w->truncated) {
			fprintf(stderr, "%s: %s is %dx%d at %d,%d%s\n", what, w->id, w->rect.w, w->rect.h, w->rect.x, w->rect.y,
				w->truncated ? ", cut short" : "");
			bad++;
		}
	}
	CHECK_INT(bad, 0);
}

static void check_layouts(void)
{
	static const int sizes[][2] = {{1080, 1920}, {1920, 1080}, {1280, 800}};
	static const enum theme_kind kinds[] = {THEME_STANDARD, THEME_LARGE};
	for (size_t s = 0; s < 3; s++) {
		for (size_t k = 0; k < 2; k++) {
			for (int l = 0; l < TEXT_LANG_COUNT; l++) {
				screen_w = sizes[s][0];
				screen_h = sizes[s][1];
				lang = (enum text_lang)l;
				theme_init(&theme, kinds[k], screen_w, screen_h);
				char what[64];
				snprintf(what, sizeof(what), "%dx%d %s %s", screen_w, screen_h, theme.name, text_lang_tag(lang));
				reset_form();
				CHECK(tap("a"));
				int height = ui_keyboard_height(&ui, screen_w);
				CHECK(tap("key.l") && tap("key.i"));
				CHECK(shown("candidate.0") && shown("keyboard.ask_staff"));
				check_fits(what);
				CHECK_INT(ui_keyboard_height(&ui, screen_w), height); /* composing does not move it */
				CHECK(tap("key.mode.abc"));
				check_fits(what);
				CHECK_INT(ui_keyboard_height(&ui, screen_w), height);
				CHECK(tap("key.mode.digits"));
				check_fits(what);
				CHECK_INT(ui_keyboard_height(&ui, screen_w), height);
				/* with a writing method: 手写 too, the pad in the same height */
				ui_keyboard_set_mode_method(UI_INPUT_HANDWRITING, &writing);
				reset_form();
				CHECK(tap("a"));
				height = ui_keyboard_height(&ui, screen_w);
				CHECK(tap("key.mode.handwriting"));
				CHECK(shown(UI_PAD_ID));
				check_fits(what);
				CHECK_INT(ui_keyboard_height(&ui, screen_w), height);
				CHECK(tap("key.mode.pinyin") && tap("key.l"));
				check_fits(what);
				CHECK_INT(ui_keyboard_height(&ui, screen_w), height);
				ui_keyboard_set_mode_method(UI_INPUT_HANDWRITING, NULL);
			}
		}
	}
	screen_w = 1080;
	screen_h = 1920;
	lang = TEXT_LANG_ZH_HANS;
	theme_init(&theme, THEME_STANDARD, screen_w, screen_h);
}

static void check_other_keyboards(void)
{
	/* The Latin keyboard is untouched by the Chinese ones' method: letters type. */
	reset_form();
	kind_a = KEYBOARD_LATIN;
	CHECK(tap("a"));
	CHECK(!shown("key.mode.pinyin"));
	CHECK(tap("key.z"));
	CHECK_STR(field_a.text, "z");
	CHECK_STR(fake.composing, "");
	kind_a = KEYBOARD_NAME;
	/* Without any method the name keyboard starts in ABC and still offers 123. */
	ui_keyboard_set_mode_method(UI_INPUT_PINYIN, NULL);
	reset_form();
	CHECK(tap("a"));
	CHECK(!shown("key.mode.pinyin"));
	CHECK(ui_find(&ui, "key.mode.abc") && ui_find(&ui, "key.mode.abc")->selected);
	CHECK(ui_type(&ui, "zhang"));
	CHECK_STR(field_a.text, "zhang");
}

int main(void)
{
	char err[512];
	fs = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	if (!CHECK(fs != NULL)) {
		fprintf(stderr, "%s\n", err);
		return check_exit();
	}
	for (int i = 0; i < 30; i++)
		snprintf(fake.texts[i], sizeof(fake.texts[i]), "字%d", i);
	cache = text_cache_create(fs, 4u << 20);
	ui_init(&ui, cache);
	theme_init(&theme, THEME_STANDARD, screen_w, screen_h);
	check_modes();
	check_candidates();
	check_typing();
	check_ask_staff();
	check_layouts();
	check_other_keyboards();
	ui_finish(&ui);
	text_cache_destroy(cache);
	font_set_destroy(fs);
	return check_exit();
}
