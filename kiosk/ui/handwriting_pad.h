/* The writing pad of the handwriting mode: a square with 米字格 guide lines where a finger (or the mouse)
 * writes one character, the ink of the strokes so far, and two buttons, 撤销一笔 (undo the last stroke)
 * and 重写 (start again), in words. Each finished stroke goes to the input method's stroke() in pad
 * coordinates scaled to 0..UI_INK_SCALE; the ink drawn is what the method keeps (ink()), plus the
 * stroke under the finger. Nothing here knows which recogniser is behind the method.
 *
 * Strokes are thinned as they are drawn (a point only after the finger moved UI_PAD_STEP_PCT/1000 of
 * the pad) and bounded to UI_PAD_STROKE_POINTS points: past that the last point follows the finger.
 * One stroke is drawn at a time (there is one pointer), kept in this module between passes and dropped
 * when the press ends anywhere else (ui_reset, another widget took it).
 *
 * Ids: ID (the pad, role "canvas", labelled with what it says while empty), key.undo_stroke and
 * key.rewrite (the buttons; "key" role: they act at the first tap in the assisted mode, as keys do). */
#ifndef KIOSK_UI_HANDWRITING_PAD_H
#define KIOSK_UI_HANDWRITING_PAD_H

#include "ui/keyboard.h"

#define UI_PAD_STROKE_POINTS 512
#define UI_PAD_STEP_PCT 8 /* per mille of the pad's edge between kept points */
#define UI_PAD_ID "hw.pad"

/* Draws the pad in r (the square as large as r allows with the buttons beside or below it) and feeds
 * m's stroke/undo/clear. Words from ui->keyboard_words (built-in ones without). */
void ui_handwriting_pad(struct ui *ui, struct rect r, struct ui_input_method *m);
/* A good height for the pad at width w: the square as wide as the buttons leave, up to a share of the
 * screen's height (more in the large themes, where the pad is the main way to write). */
int ui_handwriting_pad_height(struct ui *ui, int w);

#endif
