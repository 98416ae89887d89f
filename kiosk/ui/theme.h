/* Themes are data: sizes, spacing and colours for every part of the UI, scaled to the screen.
 * Widgets never hard-code a size or a colour; the large-font mode (长辈版) is another theme. */
#ifndef KIOSK_UI_THEME_H
#define KIOSK_UI_THEME_H

#include "ui/geometry.h"

enum theme_kind { THEME_STANDARD, THEME_LARGE, THEME_HIGH_CONTRAST, THEME_COUNT };

enum text_role { TEXT_BODY, TEXT_CAPTION, TEXT_HEADING, TEXT_TITLE, TEXT_DISPLAY, TEXT_ROLE_COUNT };

struct theme {
	enum theme_kind kind;
	const char *name; /* "standard", "large", "high-contrast" */
	int px[TEXT_ROLE_COUNT]; /* font sizes in pixels */
	int line_spacing_pct; /* paragraph line height, % of the font size */
	int target; /* minimum touch target edge */
	int gap; /* space between sibling elements */
	int pad; /* padding inside containers and at screen edges */
	int radius; /* corner radius of cards and buttons */
	int border; /* outline width */
	struct color background, surface, surface_pressed, text, text_muted, border_color;
	struct color primary, on_primary, primary_pressed;
	struct color header, on_header;
	struct color accents[3]; /* the three services' colours */
	struct color on_accent;
	struct color selected, on_selected;
	struct color error; /* error sentences and outlines (always with words and an icon too) */
	struct color scrim; /* behind dialogs */
	int key; /* minimum on-screen keyboard key edge */
	/* The handwriting pad: ink dark and thick, its 米字格 guide lines visible but quiet (dashed). */
	struct color ink, guide;
	int ink_width, guide_width;
};

/* Parses "standard", "large" or "high-contrast"; -1 otherwise. */
int theme_kind_parse(const char *name);
/* Fills *out with theme `kind` scaled for a w×h screen (sizes are specified at 1080 px on the short edge). */
void theme_init(struct theme *out, enum theme_kind kind, int w, int h);

#endif
