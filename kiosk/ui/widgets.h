/* The widget set, built on ui.h. Every widget takes a stable id, records its role, text, accessible
 * label and state for the dump, and takes all sizes and colours from the theme. Nothing here knows
 * about bookings: models come in as plain data (days, slots, labels). */
#ifndef KIOSK_UI_WIDGETS_H
#define KIOSK_UI_WIDGETS_H

#include "ui/ui.h"

/* ---- text (label.c) ---- */

/* Draws text at the top of r; returns its height. Recorded as "label" ("heading" for TEXT_HEADING and
 * larger) when id is not NULL. max_lines > 0 ends the text with an ellipsis, which is then by design. */
int ui_text(struct ui *ui, const char *id, struct rect r, const char *text, enum text_role role,
	    enum text_align align, int max_lines, struct color color);
/* A decorative icon: a rounded tile of colour fill with one glyph centred in fg (not a widget). */
void ui_icon(struct ui *ui, struct rect r, const char *glyph, struct color fill, struct color fg);
/* A panel (background and optional border). */
void ui_panel(struct ui *ui, struct rect r, struct color fill, int radius, int border, struct color border_color);

/* ---- buttons (button.c) ---- */

enum ui_button_kind { UI_BUTTON_PRIMARY, UI_BUTTON_SECONDARY, UI_BUTTON_QUIET };

struct ui_button_look {
	struct color fill, fill_pressed, text, border_color;
	int border;
	enum text_role role;
	const char *role_name; /* "button" unless given: "toggle", "option", "key" */
	bool selected, checked, disabled;
	bool primary; /* the screen's primary action (recorded so the sweep can check it is in view) */
	const char *label; /* accessible label when it differs from the text */
	const char *icon; /* a glyph before the text, or NULL */
};

/* The theme's look for a kind of button. */
struct ui_button_look ui_button_look(const struct ui *ui, enum ui_button_kind kind);
/* The width a button needs to show text (and icon) on one line in a text role. */
int ui_button_width(struct ui *ui, const char *text, const char *icon, enum text_role role);
/* A button with centred text (and an optional icon glyph); true on the pass it was tapped. */
bool ui_button(struct ui *ui, const char *id, struct rect r, const char *text, const struct ui_button_look *look);
/* An interactive area whose content the caller draws (cards); true when tapped, *pressed while held. */
bool ui_area(struct ui *ui, const char *id, struct rect r, const char *text, const char *label, bool *pressed);

/* ---- text fields (text_field.c) ---- */

#define UI_FIELD_MAX 128

/* KEYBOARD_DECIMAL: the numeric keypad with a decimal point (amounts in yuan with 角 and 分);
 * KEYBOARD_ALNUM: digits and capital letters (references such as "PL-7K3M9Q2P"). */
enum keyboard_kind {
	KEYBOARD_NONE,
	KEYBOARD_NUMERIC,
	KEYBOARD_ID,
	KEYBOARD_LATIN,
	KEYBOARD_DECIMAL,
	KEYBOARD_ALNUM,
	KEYBOARD_TEXT, /* staff settings: digits, letters and the marks of addresses and paths (. / : - _ @) */
	/* The Chinese keyboards (keyboard.h): tabs 拼音 / 手写 / ABC / 123 over the keys. KEYBOARD_NAME is for a
	 * person's name: 拼音 first in every interface language, surnames ranked first; KEYBOARD_CHINESE for
	 * other text (a staff member's reason): 拼音 first in the Chinese interfaces, ABC in English. */
	KEYBOARD_NAME,
	KEYBOARD_CHINESE,
};
enum ui_mask { UI_MASK_NONE, UI_MASK_ID, UI_MASK_PHONE, UI_MASK_NAME };

/* A field's value: owned by the caller (the session), wiped with ui_field_clear. */
struct ui_field {
	char text[UI_FIELD_MAX];
	size_t len; /* bytes */
	size_t caret; /* byte offset of the caret */
	size_t max_chars; /* 0: as many as fit in UI_FIELD_MAX */
};

/* Inserts UTF-8 text at the caret, whole code points only, up to the capacity; returns bytes taken. */
size_t ui_field_insert(struct ui_field *f, const char *text);
/* Deletes the code point before the caret. */
void ui_field_backspace(struct ui_field *f);
/* Wipes the value from memory. */
void ui_field_clear(struct ui_field *f);
/* Writes the masked form of a value (440***********123X, 138****5678, 张*) into out. */
void ui_mask_text(const char *text, enum ui_mask mask, char *out, size_t out_len);

struct ui_text_field_opts {
	const char *label; /* shown above the field and read out */
	const char *placeholder; /* shown greyed while empty */
	const char *error; /* a sentence under the field, or NULL */
	enum keyboard_kind keyboard;
	enum ui_mask mask; /* applied when the field is not focused */
};

/* A one-line text field with its label; tapping focuses it (the keyboard opens) and places the caret.
 * Returns the total height used. */
int ui_text_field(struct ui *ui, const char *id, struct rect r, struct ui_field *field,
		  const struct ui_text_field_opts *opts);
/* Height a text field with a label (and an error line when error) takes. */
int ui_text_field_height(const struct ui *ui, bool with_error);
/* Focuses the field called id on the next pass. */
void ui_focus(struct ui *ui, const char *id);

/* ---- on-screen keyboards (keyboard.c) ---- */

/* Height the keyboard for the focused field needs at width w (0 when no field is focused). */
int ui_keyboard_height(const struct ui *ui, int w);
/* Draws the keyboard for the focused field in r and applies its keys; true when "done" was tapped. */
bool ui_keyboard(struct ui *ui, struct rect r);
/* Applies a named key to the focused field: "Backspace", "Enter" and "Escape" (close the keyboard),
 * "Tab" (on to the next text field). */
bool ui_key(struct ui *ui, const char *name);
/* Inserts text into the focused field as an input method commits it; false when none is focused. */
bool ui_type(struct ui *ui, const char *text);

/* ---- choices (choice.c) ---- */

/* A radio group of n options, one per row (vertical) or side by side; *selected is the chosen index
 * (-1: none). Returns true when the choice changed. */
bool ui_choice(struct ui *ui, const char *id, struct rect r, const char *const *labels, int n, int *selected,
	       bool vertical);
/* Height of a vertical choice group of n options. */
int ui_choice_height(const struct ui *ui, int n);
/* The same group in cols columns, options in reading order (a short landscape screen fits more). */
bool ui_choice_grid(struct ui *ui, const char *id, struct rect r, const char *const *labels, int n, int *selected,
		    int cols);
int ui_choice_grid_height(const struct ui *ui, int n, int cols);

/* ---- lists (list.c) ---- */

/* A vertical list: kinetic scrolling by swipe in the standard theme, pages with big 上一页/下一页
 * buttons in the large themes. Build the items from first to last at ui_list_item_rect. */
struct ui_list {
	char id[UI_ID_MAX];
	struct rect area, view;
	int count, item_h, gap;
	int first, last; /* items to build, inclusive first, exclusive last */
	int offset; /* scroll offset in pixels (kinetic mode) */
	bool paged;
	int page, pages, per_page;
	struct rect saved_clip;
};

void ui_list_begin(struct ui *ui, struct ui_list *list, const char *id, struct rect r, int count, int item_h,
		   const char *prev_text, const char *next_text);
struct rect ui_list_item_rect(const struct ui_list *list, int index);
void ui_list_end(struct ui *ui, struct ui_list *list);

/* A scroll view: content taller than view scrolls by swipe and fling. ui_scroll_begin returns the
 * area to lay content out in (its top moves with the scroll, its height is unbounded: lay out from
 * the top); ui_scroll_end takes the y where the content ended, so the next pass knows how far it can
 * scroll. */
struct ui_scroll {
	char id[UI_ID_MAX];
	struct rect view;
	int offset;
	struct rect saved_clip;
};

struct rect ui_scroll_begin(struct ui *ui, struct ui_scroll *scroll, const char *id, struct rect view);
void ui_scroll_end(struct ui *ui, struct ui_scroll *scroll, int content_bottom);

/* ---- date picker (calendar.c) ---- */

enum ui_day_status { UI_DAY_OPEN, UI_DAY_FULL, UI_DAY_CLOSED, UI_DAY_OUTSIDE };

struct ui_month {
	int year, month; /* 1–12 */
	int first_weekday; /* 0 = Monday … 6 = Sunday, of day 1 */
	int days; /* 28–31 */
	enum ui_day_status status[31];
	const char *reason[31]; /* why a day cannot be chosen, shown when tapped */
	const char *title; /* "2026年12月" */
	const char *weekdays[7]; /* 一 … 日 */
	const char *full_mark; /* "满" */
};

/* A month grid; *selected_day is the chosen day (0: none). Tapping a day that cannot be chosen shows
 * its reason. Returns true when the selection changed. */
bool ui_calendar(struct ui *ui, const char *id, struct rect r, const struct ui_month *month, int *selected_day);
/* Where day's row starts, from the top of a month given height pixels (to scroll it into view). */
int ui_calendar_day_top(const struct ui *ui, const struct ui_month *month, int height, int day);
/* The height a month needs with rows one touch target high. */
int ui_calendar_height(const struct ui *ui, const struct ui_month *month);

/* ---- time slots (slot_grid.c) ---- */

struct ui_slot {
	const char *time; /* "09:00–09:30" */
	int free, capacity;
};

/* A grid of slots with their free places; full ones are disabled. Returns true when the selection
 * changed. free_fmt is a template for the free count ("余 {n} 位"), full_text marks full slots. */
bool ui_slot_grid(struct ui *ui, const char *id, struct rect r, const struct ui_slot *slots, int n, int *selected,
		  const char *free_fmt, const char *full_text);
/* The height a grid of n slots takes at width w. */
int ui_slot_grid_height(const struct ui *ui, int w, int n);

/* ---- dialogs and toasts (dialog.c) ---- */

/* Opens a modal dialog with a title and body on a scrim; returns the area left for its buttons. */
struct rect ui_dialog_begin(struct ui *ui, const char *id, const char *title, const char *body, int button_rows);
void ui_dialog_end(struct ui *ui);
/* Draws the toast message (ui_end calls this). */
void ui_toast_draw(struct ui *ui, const char *text);

/* ---- progress (progress.c) ---- */

/* A progress bar, fraction 0–1. */
void ui_progress(struct ui *ui, const char *id, struct rect r, float fraction, const char *label);
/* A spinner that turns while it is on screen. */
void ui_spinner(struct ui *ui, const char *id, struct rect r, const char *label);

/* ---- QR code (qr_view.c) ---- */

/* A QR code of text (libqrencode, error correction M) with its quiet zone, square in r.
 * Returns false when the text cannot be encoded. */
bool ui_qr(struct ui *ui, const char *id, struct rect r, const char *text, const char *label);

#endif
