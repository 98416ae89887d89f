/* The immediate-mode UI context. Each pass a screen calls widget functions; they lay out text, append
 * draw commands, record what is on screen (hit-testing, the automation dump, accessibility checks) and
 * report taps. A tap is a press and a release inside the same widget. One input event per pass.
 * Layers: a dialog opens a layer above the screen; only the topmost layer of the previous pass takes
 * input, so a dialog is modal without the screen knowing about it.
 * State that must survive between passes (scroll positions, pages, toasts) lives in a small table
 * keyed by widget id; ui_reset wipes it with the session. Widgets live in ui/widgets.h. */
#ifndef KIOSK_UI_UI_H
#define KIOSK_UI_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text/text_cache.h"
#include "ui/draw_list.h"
#include "ui/theme.h"

#define UI_ID_MAX 48
#define UI_TEXT_MAX 256
#define UI_STATE_SLOTS 64

enum ui_event_kind { UI_EVENT_NONE, UI_EVENT_PRESS, UI_EVENT_MOVE, UI_EVENT_RELEASE };

struct ui_event {
	enum ui_event_kind kind;
	int x, y;
};

/* What one widget showed in the last pass. */
struct ui_widget {
	char id[UI_ID_MAX];
	const char *role; /* button, toggle, option, key, textbox, label, heading, day, slot, list, dialog */
	char text[UI_TEXT_MAX]; /* visible text */
	char label[UI_TEXT_MAX]; /* accessible label: what voice prompts say */
	struct rect rect;
	bool enabled, focused, selected, checked, truncated;
	bool ellipsis_ok; /* truncation is by design (a summary line), not a defect */
	bool clipped; /* partly scrolled out: rect is the part that shows */
	bool hidden; /* wholly scrolled out, recorded only in a record_hidden pass (rect: where it would be) */
	bool primary; /* the screen's primary action (the bottom bar's button) */
	int font_px;
	struct color fg, bg;
};

/* Per-widget state kept between passes. */
struct ui_state {
	unsigned key; /* hash of the widget id; 0 when free */
	float scroll, velocity; /* lists: offset and kinetic speed, pixels and pixels per ms */
	int page;
	int drag_origin, drag_last; /* pointer y when a drag began and at the last move */
	uint64_t stamp; /* clock of the last update */
	bool dragging;
	bool pressing; /* a press began inside this widget */
	int content_h; /* scroll views: the height of their content in the last pass */
};

struct ui_field;
struct ui_keyboard_words;

struct ui {
	struct theme theme;
	struct text_cache *texts;
	enum text_lang lang;
	int width, height;
	uint64_t now_ms; /* the app clock at this pass */
	struct draw_list draw;
	struct ui_widget *widgets;
	size_t widget_count, widget_cap;
	struct ui_event event; /* the event of this pass */
	unsigned active; /* hash of the pressed widget's id, 0 for none */
	int pointer_x, pointer_y;
	bool pointer_down;
	int layer, top_layer, input_layer;
	struct color text_bg; /* what texts are drawn on, for contrast checks (ui_text_on) */
	struct rect clip; /* taps outside it are ignored (scrolled-out parts of a list); w = 0: none */
	unsigned focus; /* hash of the focused text field */
	struct ui_field *focused_field; /* set by the focused field during a pass */
	int keyboard_kind; /* enum keyboard_kind of the focused field, kept between passes */
	/* The Chinese keyboards (keyboard.c), kept between passes: the mode (enum ui_input_mode), the
	 * candidate page, the field served last (another field starts afresh); "ask staff" tapped in this
	 * pass; the words the screens layer gives them (borrowed, NULL: built-in captions). */
	int keyboard_mode, candidate_page;
	unsigned keyboard_field;
	bool keyboard_asked_staff;
	const struct ui_keyboard_words *keyboard_words;
	bool press_taken; /* the press of this pass landed on a field or key */
	bool animating; /* something moves: the app should draw again soon */
	bool relayout; /* a widget changed the layout of this pass (scrolled a field into view): pass again */
	struct rect focus_rect; /* the focused field's box in this pass, h = 0 when none */
	unsigned fields[32]; /* text fields of this pass in layout order, scrolled out or not (for Tab) */
	int field_count;
	uint64_t wake_at; /* the earliest time a widget needs a redraw (toasts), 0 for none */
	char toast[UI_TEXT_MAX];
	uint64_t toast_until;
	/* "Touch to hear, tap again to choose" (the assisted mode): the first tap on a control asks for
	 * its label to be spoken (hear_id, for the app to say after the pass) instead of acting; a second
	 * tap on the same control acts. Keyboard keys and candidates act at once. */
	bool touch_to_hear;
	bool record_hidden; /* this pass records scrolled-out widgets too, marked hidden: to read a whole
			       screen aloud (never set for passes that are drawn, dumped or tapped) */
	unsigned hear_armed; /* the control heard last */
	char hear_id[UI_ID_MAX]; /* a control to speak after this pass; "" for none */
	struct ui_state states[UI_STATE_SLOTS];
};

/* Borrows texts; it must outlive the context. */
void ui_init(struct ui *ui, struct text_cache *texts);
void ui_finish(struct ui *ui);
/* Forgets all per-visitor state: focus, scroll positions, toasts, the pressed widget. */
void ui_reset(struct ui *ui);
/* Starts a pass over a w×h screen at time now_ms, handling ev (NULL for none). */
void ui_begin(struct ui *ui, const struct theme *theme, enum text_lang lang, int w, int h, uint64_t now_ms,
	      const struct ui_event *ev);
/* Ends a pass. */
void ui_end(struct ui *ui);

/* Opens a layer above everything drawn so far (dialogs); ui_layer_pop closes it. */
void ui_layer_push(struct ui *ui);
void ui_layer_pop(struct ui *ui);
/* True when widgets on the current layer take input. */
bool ui_layer_has_input(const struct ui *ui);

/* Text style for a role in the current theme and language. */
struct text_style ui_text_style(const struct ui *ui, enum text_role role, enum text_align align, int max_lines);
/* Lays out text (from the cache) without drawing it. */
const struct text_layout *ui_measure(struct ui *ui, const char *text, const struct text_style *style, int max_width);
/* Height of one line of text in a role, in pixels. */
int ui_line_height(const struct ui *ui, enum text_role role);

/* Says what the following texts are drawn on (a header band); ui_begin resets it to the background. */
void ui_text_on(struct ui *ui, struct color bg);
/* Records a widget for the dump and hit-testing; NULL when out of memory. */
struct ui_widget *ui_record(struct ui *ui, const char *id, const char *role, struct rect r);
/* Press/release tracking shared by interactive widgets: true on the pass the widget is tapped;
 * *pressed says whether it shows pressed now. */
bool ui_track_tap(struct ui *ui, const char *id, struct rect r, bool enabled, bool *pressed);
/* The state slot of a widget, created on first use (the oldest slot is reused when full). */
struct ui_state *ui_state_for(struct ui *ui, const char *id);
/* Shows a short message at the bottom of the screen for ms milliseconds. */
void ui_toast_show(struct ui *ui, const char *text, uint64_t ms);
/* Asks for another pass at time t (timers); the app wakes for the earliest. */
void ui_wake_at(struct ui *ui, uint64_t t);

/* Finds a recorded widget by id; NULL when absent. */
const struct ui_widget *ui_find(const struct ui *ui, const char *id);
/* Hash of an id, as used for focus and state. */
unsigned ui_hash(const char *id);

#endif
