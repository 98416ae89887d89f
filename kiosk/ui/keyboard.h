/* The plug-in point for input methods on the on-screen keyboard, and the Chinese keyboards' modes.
 * A method registered for a keyboard kind (or for a mode of the Chinese keyboards, KEYBOARD_NAME and
 * KEYBOARD_CHINESE: 拼音, 手写) sees every key before the default handling and may offer candidates,
 * shown in a bar above the keys with pages. Nothing here knows which engine is behind a method. */
#ifndef KIOSK_UI_KEYBOARD_H
#define KIOSK_UI_KEYBOARD_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/widgets.h"

#define KEYBOARD_KIND_COUNT 10
#define UI_INK_SCALE 1000

/* A point of a handwritten stroke. */
struct ui_point {
	int16_t x, y;
};

/* What a method is told about the focused field. */
struct ui_input_hints {
	enum text_lang lang; /* the interface language: zh-Hant wants Traditional candidates */
	bool name; /* the field holds a person's name (KEYBOARD_NAME) */
	bool at_start; /* the caret is at the start of the field: a name's first character is its surname */
};

/* The special keys as a method sees them (letters, digits and marks come as themselves: "a", "7"). */
#define UI_KEY_BACKSPACE "\1bs"
#define UI_KEY_DONE "\1done"
#define UI_KEY_SPACE "\1space"

struct ui_input_method {
	const char *name;
	void *ctx;
	/* A key was tapped; true when the method consumed it (composing), false for default handling. */
	bool (*key)(void *ctx, const char *key, struct ui_field *field);
	/* Up to max candidates for the current composition, from the first; returns how many. The keyboard
	 * asks for one page more than it shows, so a method may find them lazily. Borrowed until the next
	 * call into the method. */
	int (*candidates)(void *ctx, const char **out, int max);
	/* Candidate i (an index into the whole list) was chosen: commit it into field. */
	void (*pick)(void *ctx, int i, struct ui_field *field);

	/* Optional (NULL when not needed). Before each use in a pass: what the field and the interface are,
	 * so a method offers Traditional candidates in Traditional Chinese and ranks surnames first at the
	 * start of a name. */
	void (*hints)(void *ctx, const struct ui_input_hints *hints);
	/* Optional. What is being composed and not yet in the field ("zhang san"), "" for nothing. */
	const char *(*composing)(void *ctx);
	/* Optional. Drops the composition: the field lost focus, the mode changed, the session ended. */
	void (*cancel)(void *ctx);

	/* Handwriting methods only (NULL for the others). The pad (ui/handwriting_pad.h) hands over each
	 * finished stroke in pad coordinates scaled to 0..UI_INK_SCALE on both axes. */
	void (*stroke)(void *ctx, const struct ui_point *points, int count);
	void (*undo)(void *ctx); /* removes the last stroke */
	void (*clear)(void *ctx); /* removes every stroke */
	/* The strokes so far, for drawing: the points of stroke i (NULL past the last), count in *count. */
	const struct ui_point *(*ink)(void *ctx, int i, int *count);
};

/* Registers (or with NULL removes) the input method of a keyboard kind; borrowed, must outlive use. */
void ui_keyboard_set_method(enum keyboard_kind kind, struct ui_input_method *method);

/* The modes of the Chinese keyboards (KEYBOARD_NAME, KEYBOARD_CHINESE), one tab each. */
enum ui_input_mode { UI_INPUT_PINYIN, UI_INPUT_HANDWRITING, UI_INPUT_ABC, UI_INPUT_DIGITS, UI_INPUT_MODE_COUNT };

/* Registers (or with NULL removes) the method behind a mode (pinyin, handwriting); borrowed. A mode
 * that needs a method and has none shows no tab. */
void ui_keyboard_set_mode_method(enum ui_input_mode mode, struct ui_input_method *method);

/* The words of the Chinese keyboards in the interface language, given by the screens layer each pass
 * (ui->keyboard_words; borrowed). Without them the tabs show built-in captions and there is no
 * "ask staff" button. */
struct ui_keyboard_words {
	const char *mode[UI_INPUT_MODE_COUNT]; /* 拼音 手写 ABC 123 */
	const char *ask_staff; /* 找不到这个字？请工作人员帮忙 */
	const char *prev_page, *next_page; /* what the ◀ ▶ candidate page buttons say to a screen reader */
	const char *hint; /* the empty candidate bar in 拼音 mode: 输入拼音，点选汉字 */
	/* The writing pad of 手写 mode (ui/handwriting_pad.h): its two buttons and what it says while empty. */
	const char *undo_stroke, *rewrite, *write_here; /* 撤销一笔 重写 在格子里写一个字 */
	/* The special keys of every keyboard: 删除 完成 空格 (NULL: the symbols ⌫ ✓ ␣). */
	const char *backspace, *done, *space;
};

/* True when "ask staff" was tapped in this pass: the screens layer calls staff (ui/ does not). */
bool ui_keyboard_asked_staff(const struct ui *ui);

#endif
