/* A receipt as data (a heading, a title, the reference, labelled lines, a QR code, notes) and its
 * layout as ESC/POS bytes for a 58 mm (32 columns of font A) or 80 mm (48 columns) thermal printer.
 * Screens fill a receipt in the visitor's language; nothing here knows bookings or pledges. A receipt
 * carries no personal data (names, ID numbers, phones): only references, what was booked or pledged,
 * and when. Text is UTF-8; lines are wrapped by display columns (CJK two, ASCII one), at spaces in
 * Latin text. */
#ifndef KIOSK_PRINT_RECEIPT_H
#define KIOSK_PRINT_RECEIPT_H

#include <stdbool.h>

#include "print/escpos.h"

#define RECEIPT_LINES 12
#define RECEIPT_TEXT 512

enum receipt_paper { RECEIPT_58MM, RECEIPT_80MM };

struct receipt_line {
	char label[64];
	char value[RECEIPT_TEXT];
};

struct receipt {
	char heading[128]; /* who issues it: the hall, the charity */
	char title[64]; /* 预约凭条, 认捐凭条 */
	char reference_label[64];
	char reference[64]; /* printed large */
	char status[128]; /* 预约已确认, 已受理，待确认 (may be empty) */
	struct receipt_line lines[RECEIPT_LINES];
	int line_count;
	char qr[ESCPOS_QR_MAX + 1]; /* empty: no QR code */
	char qr_caption[128];
	char notes[RECEIPT_TEXT * 2]; /* paragraphs separated by '\n' */
	char printed[128]; /* the last line: when, which kiosk */
	char colon[8]; /* between a line's label and its value: "：" (receipt_init), ": " in English */
};

/* Empties r. */
void receipt_init(struct receipt *r);
/* Adds a labelled line (copied, cut at a character boundary); ignored past RECEIPT_LINES or when
 * value is empty. */
void receipt_add(struct receipt *r, const char *label, const char *value);
/* Text columns of a paper width. */
int receipt_columns(enum receipt_paper paper);
/* Appends the receipt's ESC/POS bytes (reset, Chinese mode, … , feed and cut) to out; false when the
 * receipt would not fit ESCPOS_MAX or the text could not be converted. */
bool receipt_render(const struct receipt *r, enum receipt_paper paper, struct escpos *out);

/* Wraps UTF-8 text to columns (first_columns for the first line), calling line() for each line in
 * order with a NUL-terminated copy; '\n' in text is a hard break. For tests and the layout. */
void receipt_wrap(const char *text, int first_columns, int columns, void (*line)(const char *text, void *ctx),
		  void *ctx);

#endif
