/* The plug-in point for input methods on the on-screen keyboard (pinyin and handwriting come later).
 * A method registered for a keyboard kind sees every key before the default handling and may offer
 * candidates, shown as a bar above the keys. */
#ifndef KIOSK_UI_KEYBOARD_H
#define KIOSK_UI_KEYBOARD_H

#include <stdbool.h>

#include "ui/widgets.h"

#define KEYBOARD_KIND_COUNT 8

struct ui_input_method {
	const char *name;
	void *ctx;
	/* A key was tapped; true when the method consumed it (composing), false for default handling. */
	bool (*key)(void *ctx, const char *key, struct ui_field *field);
	/* Up to max candidates for the current composition; returns how many. */
	int (*candidates)(void *ctx, const char **out, int max);
	/* Candidate i was chosen: commit it into field. */
	void (*pick)(void *ctx, int i, struct ui_field *field);
};

/* Registers (or with NULL removes) the input method of a keyboard kind; borrowed, must outlive use. */
void ui_keyboard_set_method(enum keyboard_kind kind, struct ui_input_method *method);

#endif
