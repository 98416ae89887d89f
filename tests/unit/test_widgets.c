/* Widgets without the app: text-field editing with multi-byte Chinese, masking, taps (press and release
 * in the same widget), modal dialogs, focus, kinetic scrolling and paging with a virtual clock, and the
 * session wipe. */
#include <stdlib.h>

#include "app/session.h"
#include "check.h"
#include "core/template.h"
#include "ui/widgets.h"

static struct font_set *fs;
static struct text_cache *cache;
static struct ui ui;
static struct theme theme;
static uint64_t now;

/* One UI pass of build() handling ev. */
static void pass(enum ui_event_kind kind, int x, int y, void (*build)(void *), void *arg)
{
	struct ui_event ev = {kind, x, y};
	ui_begin(&ui, &theme, TEXT_LANG_ZH_HANS, 1080, 1920, now, kind == UI_EVENT_NONE ? NULL : &ev);
	build(arg);
	ui_end(&ui);
}

static void check_field_editing(void)
{
	struct ui_field f = {.max_chars = 4};
	CHECK_INT(ui_field_insert(&f, "张三"), 6);
	CHECK_STR(f.text, "张三");
	CHECK_INT(f.caret, 6);
	f.caret = 3; /* between 张 and 三 */
	ui_field_insert(&f, "小");
	CHECK_STR(f.text, "张小三");
	CHECK_INT(f.caret, 6);
	ui_field_backspace(&f);
	CHECK_STR(f.text, "张三");
	CHECK_INT(f.caret, 3);
	/* Capacity counts characters, and a character is never split. */
	CHECK_INT(ui_field_insert(&f, "abcdef"), 2);
	CHECK_STR(f.text, "张ab三");
	f.caret = 0;
	ui_field_backspace(&f); /* nothing before the caret */
	CHECK_STR(f.text, "张ab三");
	f.caret = f.len;
	for (int i = 0; i < 10; i++)
		ui_field_backspace(&f);
	CHECK_INT(f.len, 0);
	CHECK_STR(f.text, "");
	/* A byte cap holds too: the value never overflows its buffer. */
	struct ui_field big = {0};
	for (int i = 0; i < 100; i++)
		ui_field_insert(&big, "骨");
	CHECK(big.len < UI_FIELD_MAX);
	CHECK_INT(big.len % 3, 0);
	ui_field_clear(&big);
	CHECK_INT(big.len, 0);
	for (size_t i = 0; i < sizeof(big.text); i++)
		if (big.text[i])
			CHECK(!"cleared field still holds bytes");
}

static void check_masking(void)
{
	char out[64];
	ui_mask_text("44070419900101123X", UI_MASK_ID, out, sizeof(out));
	CHECK_STR(out, "440***********123X");
	ui_mask_text("13812345678", UI_MASK_PHONE, out, sizeof(out));
	CHECK_STR(out, "138****5678");
	ui_mask_text("张三丰", UI_MASK_NAME, out, sizeof(out));
	CHECK_STR(out, "张**");
	ui_mask_text("123", UI_MASK_ID, out, sizeof(out)); /* too short: nothing shown */
	CHECK_STR(out, "***");
	ui_mask_text("王", UI_MASK_NAME, out, sizeof(out));
	CHECK_STR(out, "*");
}

static bool tapped;
static struct rect button_rect = {100, 100, 300, 120};

static void build_button(void *arg)
{
	(void)arg;
	struct ui_button_look look = ui_button_look(&ui, UI_BUTTON_PRIMARY);
	if (ui_button(&ui, "b", button_rect, "确定", &look))
		tapped = true;
}

static void check_taps(void)
{
	tapped = false;
	pass(UI_EVENT_PRESS, 150, 150, build_button, NULL);
	CHECK(!tapped);
	pass(UI_EVENT_NONE, 0, 0, build_button, NULL);
	CHECK(ui_find(&ui, "b") != NULL);
	pass(UI_EVENT_RELEASE, 160, 160, build_button, NULL);
	CHECK(tapped);

	tapped = false; /* press inside, release outside: no tap */
	pass(UI_EVENT_PRESS, 150, 150, build_button, NULL);
	pass(UI_EVENT_RELEASE, 600, 600, build_button, NULL);
	CHECK(!tapped);

	tapped = false; /* press outside, release inside: no tap */
	pass(UI_EVENT_PRESS, 600, 600, build_button, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_button, NULL);
	CHECK(!tapped);

	/* Touch to hear: the first tap asks for the label to be said, the second acts, the next control
	 * is heard first again. */
	ui.touch_to_hear = true;
	tapped = false;
	pass(UI_EVENT_PRESS, 150, 150, build_button, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_button, NULL);
	CHECK(!tapped);
	CHECK_STR(ui.hear_id, "b");
	pass(UI_EVENT_NONE, 0, 0, build_button, NULL);
	CHECK_STR(ui.hear_id, ""); /* asked for once, on the pass of the tap */
	pass(UI_EVENT_PRESS, 150, 150, build_button, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_button, NULL);
	CHECK(tapped);
	CHECK_STR(ui.hear_id, "");
	tapped = false;
	pass(UI_EVENT_PRESS, 150, 150, build_button, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_button, NULL);
	CHECK(!tapped && strcmp(ui.hear_id, "b") == 0);
	ui_reset(&ui);
	CHECK(ui.hear_armed == 0);
	ui.touch_to_hear = false;
}

static bool dialog_open;

static void build_with_dialog(void *arg)
{
	(void)arg;
	build_button(NULL);
	if (dialog_open) {
		struct rect r = ui_dialog_begin(&ui, "d", "标题", "内容", 1);
		struct ui_button_look look = ui_button_look(&ui, UI_BUTTON_PRIMARY);
		if (ui_button(&ui, "d.ok", r, "好", &look))
			dialog_open = false;
		ui_dialog_end(&ui);
	}
}

static void check_modal(void)
{
	dialog_open = true;
	tapped = false;
	pass(UI_EVENT_NONE, 0, 0, build_with_dialog, NULL);
	pass(UI_EVENT_PRESS, 150, 150, build_with_dialog, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_with_dialog, NULL);
	CHECK(!tapped); /* the screen under a dialog takes no taps */
	const struct ui_widget *ok = ui_find(&ui, "d.ok");
	CHECK(ok != NULL);
	if (ok) {
		int x = ok->rect.x + ok->rect.w / 2, y = ok->rect.y + ok->rect.h / 2;
		pass(UI_EVENT_PRESS, x, y, build_with_dialog, NULL);
		pass(UI_EVENT_RELEASE, x, y, build_with_dialog, NULL);
	}
	CHECK(!dialog_open);
	pass(UI_EVENT_NONE, 0, 0, build_with_dialog, NULL); /* the app draws after every event */
	pass(UI_EVENT_PRESS, 150, 150, build_with_dialog, NULL);
	pass(UI_EVENT_RELEASE, 150, 150, build_with_dialog, NULL);
	CHECK(tapped); /* and takes them again once it is closed */
}

static struct ui_field name;

static void build_field(void *arg)
{
	(void)arg;
	struct ui_text_field_opts o = {.label = "姓名", .keyboard = KEYBOARD_LATIN, .mask = UI_MASK_NAME};
	ui_text_field(&ui, "name", (struct rect){40, 300, 1000, 0}, &name, &o);
	int kb = ui_keyboard_height(&ui, 1080);
	if (kb)
		ui_keyboard(&ui, (struct rect){0, 1920 - kb, 1080, kb});
}

static void check_focus_and_keys(void)
{
	memset(&name, 0, sizeof(name));
	pass(UI_EVENT_NONE, 0, 0, build_field, NULL);
	const struct ui_widget *w = ui_find(&ui, "name");
	CHECK(w && !w->focused);
	int x = w->rect.x + 20, y = w->rect.y + w->rect.h / 2;
	pass(UI_EVENT_PRESS, x, y, build_field, NULL);
	pass(UI_EVENT_RELEASE, x, y, build_field, NULL);
	pass(UI_EVENT_NONE, 0, 0, build_field, NULL);
	CHECK(ui_find(&ui, "name")->focused);
	CHECK(ui_find(&ui, "key.a") != NULL); /* the keyboard is up */
	CHECK(ui_type(&ui, "李"));
	const struct ui_widget *k = ui_find(&ui, "key.a");
	pass(UI_EVENT_PRESS, k->rect.x + 5, k->rect.y + 5, build_field, NULL);
	pass(UI_EVENT_RELEASE, k->rect.x + 5, k->rect.y + 5, build_field, NULL);
	CHECK_STR(name.text, "李a");
	CHECK(ui_key(&ui, "Backspace"));
	CHECK_STR(name.text, "李");
	CHECK(ui_find(&ui, "name")->focused); /* tapping keys keeps the focus */
	/* A press elsewhere closes the keyboard; the value is then shown masked. */
	pass(UI_EVENT_PRESS, 540, 150, build_field, NULL);
	pass(UI_EVENT_RELEASE, 540, 150, build_field, NULL);
	pass(UI_EVENT_NONE, 0, 0, build_field, NULL);
	CHECK(!ui_find(&ui, "name")->focused);
	CHECK(ui_find(&ui, "key.a") == NULL);
	CHECK_STR(ui_find(&ui, "name")->text, "*");
	CHECK(!ui_type(&ui, "x")); /* nothing focused: typing goes nowhere */
}

static int list_taps;

static void build_list(void *arg)
{
	(void)arg;
	struct ui_list l;
	ui_list_begin(&ui, &l, "list", (struct rect){40, 200, 1000, 1000}, 50, 100, "上一页", "下一页");
	for (int i = l.first; i < l.last; i++) {
		char id[32];
		snprintf(id, sizeof(id), "item.%d", i);
		struct ui_button_look look = ui_button_look(&ui, UI_BUTTON_QUIET);
		if (ui_button(&ui, id, ui_list_item_rect(&l, i), id, &look))
			list_taps++;
	}
	ui_list_end(&ui, &l);
}

static float list_scroll(void)
{
	return ui_state_for(&ui, "list")->scroll;
}

static void check_kinetic_list(void)
{
	list_taps = 0;
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	CHECK(ui_find(&ui, "item.0") != NULL);
	CHECK(ui_find(&ui, "item.20") == NULL); /* only what is visible is built */
	/* A quick swipe up by 400 px: the list follows the finger... */
	pass(UI_EVENT_PRESS, 500, 900, build_list, NULL);
	for (int i = 1; i <= 10; i++) {
		now += 10;
		pass(UI_EVENT_MOVE, 500, 900 - 40 * i, build_list, NULL);
	}
	float at_release = list_scroll();
	CHECK(at_release >= 380 && at_release <= 420);
	pass(UI_EVENT_RELEASE, 500, 500, build_list, NULL);
	CHECK_INT(list_taps, 0); /* a swipe is not a tap */
	/* ...and keeps moving after release, slowing down, then stops. */
	now += 100;
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	float coasting = list_scroll();
	CHECK(coasting > at_release);
	CHECK(ui.animating);
	now += 5000;
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	float stopped = list_scroll();
	CHECK(stopped >= coasting);
	now += 1000;
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	CHECK(list_scroll() == stopped);
	CHECK(!ui.animating);
	/* Never beyond the end. */
	CHECK(stopped <= 50 * (100 + theme.gap / 2) - 1000);
	/* A tap on an item still works. */
	const struct ui_widget *w = NULL;
	for (size_t i = 0; i < ui.widget_count && !w; i++)
		if (strncmp(ui.widgets[i].id, "item.", 5) == 0 && ui.widgets[i].rect.y > 300)
			w = &ui.widgets[i];
	CHECK(w != NULL);
	if (w) {
		int x = w->rect.x + 10, y = w->rect.y + 10;
		pass(UI_EVENT_PRESS, x, y, build_list, NULL);
		pass(UI_EVENT_RELEASE, x, y, build_list, NULL);
		CHECK_INT(list_taps, 1);
	}
}

static void check_paged_list(void)
{
	theme_init(&theme, THEME_LARGE, 1080, 1920);
	ui_reset(&ui);
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	CHECK(ui_find(&ui, "item.0") != NULL);
	const struct ui_widget *next = ui_find(&ui, "list.next");
	const struct ui_widget *prev = ui_find(&ui, "list.prev");
	CHECK(next && next->enabled && prev && !prev->enabled);
	const struct ui_widget *page = ui_find(&ui, "list.page");
	CHECK(page && strstr(page->text, "1 /") == page->text);
	int x = next->rect.x + 10, y = next->rect.y + 10;
	pass(UI_EVENT_PRESS, x, y, build_list, NULL);
	pass(UI_EVENT_RELEASE, x, y, build_list, NULL);
	pass(UI_EVENT_NONE, 0, 0, build_list, NULL);
	CHECK(ui_find(&ui, "item.0") == NULL);
	CHECK(strstr(ui_find(&ui, "list.page")->text, "2 /") != NULL);
	theme_init(&theme, THEME_STANDARD, 1080, 1920);
}

static void check_session_and_template(void)
{
	struct session *s = calloc(1, sizeof(*s));
	struct ui_field *f = session_field(s, "a.name", 10);
	ui_field_insert(f, "陈大文");
	*session_int(s, "a.day", 0) = 12;
	CHECK(session_field(s, "a.name", 10) == f);
	CHECK_INT(*session_int(s, "a.day", 0), 12);
	char *blob = session_blob(s, "a.answer", 100);
	CHECK(blob != NULL && blob[0] == 0 && blob[99] == 0);
	snprintf(blob, 100, "JHJZ2026-0002");
	CHECK(session_blob(s, "a.answer", 100) == blob);
	CHECK(session_blob(s, "a.answer", 200) == NULL); /* the same key with another size */
	CHECK(session_blob(s, "a.huge", SESSION_ARENA) == NULL); /* no room left */
	session_wipe(s);
	const unsigned char *bytes = (const unsigned char *)s;
	size_t nonzero = 0;
	for (size_t i = 0; i < sizeof(*s); i++)
		nonzero += bytes[i] != 0;
	CHECK_INT(nonzero, 0);
	CHECK_STR(session_field(s, "a.name", 10)->text, "");
	free(s);

	char out[64];
	template_fill(out, sizeof(out), "第 {step} 步，共 {steps} 步", (const char *const[]){"step", "steps"},
		      (const long[]){2, 5}, 2);
	CHECK_STR(out, "第 2 步，共 5 步");
	template_fill(out, sizeof(out), "{x} %s %n {unknown}", (const char *const[]){"x"}, (const long[]){7}, 1);
	CHECK_STR(out, "7 %s %n {unknown}");
	template_fill(out, 6, "{x}{x}{x}", (const char *const[]){"x"}, (const long[]){12345}, 1);
	CHECK_STR(out, "12345");
	template_fill_text(out, sizeof(out), "家庭月人均收入 {income} 元，低于{standard} {limit} 元",
			   (const char *const[]){"income", "standard", "limit"}, (const char *const[]){"750", "低保标准", "900"}, 3);
	CHECK_STR(out, "家庭月人均收入 750 元，低于低保标准 900 元");
	template_fill_text(out, 8, "{s}!", (const char *const[]){"s"}, (const char *const[]){"低保标准"}, 1);
	CHECK_STR(out, "低保"); /* cut on a character boundary, never inside one */
}

int main(void)
{
	char err[512];
	fs = font_set_create(KIOSK_FONTS_DIR "/fonts.ini", err, sizeof(err));
	if (!CHECK(fs != NULL)) {
		fprintf(stderr, "%s\n", err);
		return check_exit();
	}
	cache = text_cache_create(fs, 4u << 20);
	ui_init(&ui, cache);
	theme_init(&theme, THEME_STANDARD, 1080, 1920);
	check_field_editing();
	check_masking();
	check_taps();
	check_modal();
	check_focus_and_keys();
	check_kinetic_list();
	check_paged_list();
	check_session_and_template();
	ui_finish(&ui);
	text_cache_destroy(cache);
	font_set_destroy(fs);
	return check_exit();
}
