/* The immediate-mode UI context: a screen calls widget functions each pass; they lay out text, append
 * draw commands, record what is on screen (for hit-testing, the automation dump and accessibility
 * checks) and report taps. A tap is a press and a release inside the same widget.
 * Input arrives one event per pass: ui_begin takes it, the widgets consume it. */
#ifndef KIOSK_UI_UI_H
#define KIOSK_UI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text_cache.h"
#include "ui/draw_list.h"
#include "ui/theme.h"

#define UI_ID_MAX 48
#define UI_TEXT_MAX 256

enum ui_event_kind { UI_EVENT_NONE, UI_EVENT_PRESS, UI_EVENT_MOVE, UI_EVENT_RELEASE };

struct ui_event {
	enum ui_event_kind kind;
	int x, y;
};

/* What one widget showed in the last pass. */
struct ui_widget {
	char id[UI_ID_MAX];
	const char *role; /* "button", "toggle", "option", "label", "heading" */
	char text[UI_TEXT_MAX]; /* visible text */
	char label[UI_TEXT_MAX]; /* accessible label: what voice prompts say */
	struct rect rect;
	bool enabled, focused, selected, checked, truncated;
	int font_px;
	struct color fg, bg;
};

struct ui {
	struct theme theme;
	struct text_cache *texts;
	enum text_lang lang;
	int width, height;
	struct draw_list draw;
	struct ui_widget *widgets;
	size_t widget_count, widget_cap;
	struct ui_event event; /* the event of this pass */
	unsigned active; /* hash of the pressed widget's id, 0 for none */
	int pointer_x, pointer_y;
	bool pointer_down;
};

/* Borrows texts; it must outlive the context. */
void ui_init(struct ui *ui, struct text_cache *texts);
void ui_finish(struct ui *ui);
/* Starts a pass over a w×h screen with theme and language, handling ev (NULL for none). */
void ui_begin(struct ui *ui, const struct theme *theme, enum text_lang lang, int w, int h, const struct ui_event *ev);
/* Ends a pass. */
void ui_end(struct ui *ui);

/* Text style for a role in the current theme and language. */
struct text_style ui_text_style(const struct ui *ui, enum text_role role, enum text_align align, int max_lines);
/* Lays out text (from the cache) without drawing it. */
const struct text_layout *ui_measure(struct ui *ui, const char *text, const struct text_style *style, int max_width);

/* Draws text at the top of r, clipped to r's width; returns the height it took. Recorded as a label
 * ("heading" for TEXT_HEADING and larger) with id when id is not NULL. */
int ui_text(struct ui *ui, const char *id, struct rect r, const char *text, enum text_role role,
	    enum text_align align, int max_lines, struct color color);
/* Draws a panel (background and optional border). */
void ui_panel(struct ui *ui, struct rect r, struct color fill, int radius, int border, struct color border_color);

struct ui_button_look {
	struct color fill, fill_pressed, text, border_color;
	int border;
	enum text_role role;
	const char *role_name; /* "button" unless given: "toggle", "option" */
	bool selected, checked, disabled;
	const char *label; /* accessible label when it differs from the text */
};

/* A button with centred text; true on the pass where it was tapped. */
bool ui_button(struct ui *ui, const char *id, struct rect r, const char *text, const struct ui_button_look *look);
/* An interactive area whose content the caller draws (cards): returns true when tapped, *pressed tells
 * whether it shows pressed now. Records a widget with text and label. */
bool ui_area(struct ui *ui, const char *id, struct rect r, const char *text, const char *label, bool *pressed);

/* A decorative icon: a rounded tile of colour fill with one glyph centred in fg (not a widget). */
void ui_icon(struct ui *ui, struct rect r, const char *glyph, struct color fill, struct color fg);

/* Finds a recorded widget by id; NULL when absent. */
const struct ui_widget *ui_find(const struct ui *ui, const char *id);

#endif
