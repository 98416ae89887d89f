/* The themes; see theme.h. Sizes are given at a 1080-px short edge and scaled to the screen.
 * Standard: body 32 px, targets ≥ 88 px, contrast ≥ 4.5:1. Large (长辈版): body 48 px, targets ≥ 120 px,
 * line spacing 1.45, contrast ≥ 7:1. High contrast: the large sizes in white and yellow on black. */
#include "ui/theme.h"

#include <string.h>

static const char *const names[THEME_COUNT] = {"standard", "large", "high-contrast"};

int theme_kind_parse(const char *name)
{
	for (int i = 0; i < THEME_COUNT; i++) {
		if (strcmp(name, names[i]) == 0)
			return i;
	}
	return -1;
}

struct spec {
	int px[TEXT_ROLE_COUNT];
	int line_spacing_pct, target, gap, pad, radius, border, key;
	int ink_width, guide_width;
};

static const struct spec specs[THEME_COUNT] = {
	[THEME_STANDARD] = {{32, 32, 40, 48, 60}, 140, 96, 24, 40, 24, 3, 88, 14, 3},
	[THEME_LARGE] = {{48, 48, 56, 60, 72}, 145, 128, 28, 40, 28, 4, 112, 18, 4},
	[THEME_HIGH_CONTRAST] = {{48, 48, 56, 60, 72}, 145, 128, 28, 40, 28, 4, 112, 18, 4},
};

static int scale(int v, int short_edge)
{
	return (v * short_edge + 540) / 1080;
}

void theme_init(struct theme *t, enum theme_kind kind, int w, int h)
{
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->name = names[kind];
	int edge = w < h ? w : h;
	const struct spec *s = &specs[kind];
	for (int i = 0; i < TEXT_ROLE_COUNT; i++)
		t->px[i] = scale(s->px[i], edge);
	t->line_spacing_pct = s->line_spacing_pct;
	t->target = scale(s->target, edge);
	t->gap = scale(s->gap, edge);
	t->pad = scale(s->pad, edge);
	t->radius = scale(s->radius, edge);
	t->border = s->border;
	t->key = scale(s->key, edge);
	t->ink_width = scale(s->ink_width, edge);
	t->guide_width = s->guide_width;

	if (kind == THEME_HIGH_CONTRAST) {
		t->background = COLOR_HEX(0x000000);
		t->surface = COLOR_HEX(0x111111);
		t->surface_pressed = COLOR_HEX(0x333333);
		t->text = COLOR_HEX(0xFFFFFF);
		t->text_muted = COLOR_HEX(0xFFFFFF);
		t->border_color = COLOR_HEX(0xFFFFFF);
		t->primary = COLOR_HEX(0xFFE14D);
		t->on_primary = COLOR_HEX(0x000000);
		t->primary_pressed = COLOR_HEX(0xFFF3A6);
		t->header = COLOR_HEX(0x000000);
		t->on_header = COLOR_HEX(0xFFE14D);
		t->accents[0] = t->accents[1] = t->accents[2] = COLOR_HEX(0xFFE14D);
		t->on_accent = COLOR_HEX(0x000000);
		t->selected = COLOR_HEX(0xFFE14D);
		t->on_selected = COLOR_HEX(0x000000);
		t->error = COLOR_HEX(0xFF9E9E);
		t->scrim = (struct color){0, 0, 0, 200};
		t->ink = COLOR_HEX(0xFFFFFF);
		t->guide = COLOR_HEX(0x6B6B6B);
		return;
	}
	/* Warm paper background, a deep civic red header, one colour per service. */
	t->background = COLOR_HEX(0xF5F1EA);
	t->surface = COLOR_HEX(0xFFFFFF);
	t->surface_pressed = COLOR_HEX(0xE9E2D6);
	t->text = COLOR_HEX(0x1C1F23);
	t->text_muted = kind == THEME_LARGE ? COLOR_HEX(0x2E3338) : COLOR_HEX(0x4D535A);
	t->border_color = COLOR_HEX(0xD9D0C1);
	t->primary = COLOR_HEX(0x9E1B1B);
	t->on_primary = COLOR_HEX(0xFFFFFF);
	t->primary_pressed = COLOR_HEX(0x6E1212);
	t->header = COLOR_HEX(0x8C1A1A);
	t->on_header = COLOR_HEX(0xFFFFFF);
	t->accents[0] = COLOR_HEX(0xB3261E); /* booking: registry red */
	t->accents[1] = COLOR_HEX(0x1D5C9B); /* assistance: civic blue */
	t->accents[2] = COLOR_HEX(0x9A5408); /* charity: warm amber */
	t->on_accent = COLOR_HEX(0xFFFFFF);
	t->selected = COLOR_HEX(0x9E1B1B);
	t->on_selected = COLOR_HEX(0xFFFFFF);
	t->error = COLOR_HEX(0xA3171B);
	t->scrim = (struct color){20, 16, 12, 150};
	t->ink = COLOR_HEX(0x1C1F23);
	t->guide = COLOR_HEX(0xE6B8B0); /* the pale red of practice paper */
	if (kind == THEME_LARGE) { /* 7:1 for every text colour on white and on the paper background */
		t->border_color = COLOR_HEX(0x6B6257);
		t->accents[0] = COLOR_HEX(0x8E1F18);
		t->accents[1] = COLOR_HEX(0x174A7E);
		t->accents[2] = COLOR_HEX(0x6E3C05);
		t->primary = COLOR_HEX(0x861717);
		t->selected = COLOR_HEX(0x861717);
		t->error = COLOR_HEX(0x8A1014);
		t->guide = COLOR_HEX(0xD49A90);
	}
}
