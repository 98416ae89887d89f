/* ESC/POS bytes for a thermal receipt printer (58 or 80 mm, the Epson command set that Chinese
 * receipt printers follow): initialise, Chinese character mode, alignment, emphasis, double size,
 * text, line feeds, a QR code (GS ( k, model 2) and the cut. Text comes in as UTF-8 and goes out as
 * GB18030 (iconv), which GB18030/GBK printers print in their Chinese character mode; characters
 * beyond GBK (4-byte GB18030, e.g. "¥") are not printable on most such printers, so receipts avoid
 * them. The buffer is bounded (ESCPOS_MAX): a receipt that would pass it fails whole. No I/O. */
#ifndef KIOSK_PRINT_ESCPOS_H
#define KIOSK_PRINT_ESCPOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ESCPOS_MAX (32u * 1024u)
/* The most a QR code can hold here (GS ( k takes up to 7089 bytes; a receipt needs a URL). */
#define ESCPOS_QR_MAX 700

enum escpos_align { ESCPOS_LEFT = 0, ESCPOS_CENTER = 1, ESCPOS_RIGHT = 2 };

struct escpos {
	uint8_t *data;
	size_t len, cap;
	bool failed; /* out of memory, over ESCPOS_MAX, or text iconv could not convert */
	void *iconv; /* UTF-8 → GB18030 converter (iconv_t), opened by escpos_init */
};

/* Starts an empty buffer; false when the system has no GB18030 converter. */
bool escpos_init(struct escpos *b);
void escpos_finish(struct escpos *b);

/* ESC @ (reset the printer's modes) and FS & (Chinese character mode). */
void escpos_reset(struct escpos *b);
/* ESC a n. */
void escpos_align(struct escpos *b, enum escpos_align align);
/* ESC E n: emphasised (bold) on or off. */
void escpos_bold(struct escpos *b, bool on);
/* GS ! n: width and height magnification, 1 or 2 each. */
void escpos_size(struct escpos *b, int width, int height);
/* UTF-8 text converted to GB18030 (no line feed added). */
void escpos_text(struct escpos *b, const char *utf8);
/* LF. */
void escpos_newline(struct escpos *b);
/* ESC d n: print and feed n lines. */
void escpos_feed(struct escpos *b, int lines);
/* A QR code of data (model 2, error correction M, module size 1–16 dots), printed at the current
 * alignment. false (and nothing added) when data is empty or longer than ESCPOS_QR_MAX. */
bool escpos_qr(struct escpos *b, const char *data, int module_dots);
/* GS V 66 n: feed to the cutter (plus n motion units) and cut, leaving a tab (partial cut). */
void escpos_cut(struct escpos *b);

/* Columns of UTF-8 text on a receipt in font A, as a GB18030 printer in Chinese mode draws it: 1 for
 * ASCII, 2 for every other character (all are double-byte codes there, printed in full-width cells). */
int escpos_text_columns(const char *utf8);
/* Columns of one code point (1 or 2), as above. */
int escpos_char_columns(uint32_t cp);

#endif
