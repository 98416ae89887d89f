/* Recorded handwriting: a text file of strokes in the order they were written, one stroke a line as
 * "x,y x,y …" points on a UI_INK_SCALE × UI_INK_SCALE pad (x to the right, y down); lines starting with
 * '#' and blank lines are ignored. Used for the handwriting tests and benchmark
 * (tests/unit/fixtures/strokes/) and by the driver's `ink` command, which replays a file onto the pad.
 * Bounded: INK_FILE_MAX bytes, INK_MAX_STROKES strokes, INK_MAX_POINTS points a stroke; anything else
 * (a stray word, a point off the pad, one point too many) is refused with FILE:LINE and the reason. */
#ifndef KIOSK_IME_INK_FILE_H
#define KIOSK_IME_INK_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keyboard.h"

#define INK_FILE_MAX (64 * 1024)
#define INK_MAX_STROKES 40
#define INK_MAX_POINTS 256

struct ink_stroke {
	struct ui_point points[INK_MAX_POINTS];
	int count;
};

/* About 40 KiB: allocate it, do not put it on a small stack. */
struct ink {
	struct ink_stroke strokes[INK_MAX_STROKES];
	int count;
};

/* Parses text[0..len) into *out; false with "NAME:LINE: reason" in err (name labels the text). */
bool ink_parse(const char *text, size_t len, const char *name, struct ink *out, char *err, size_t errlen);
/* Reads and parses the file at path. */
bool ink_load(const char *path, struct ink *out, char *err, size_t errlen);

#endif
