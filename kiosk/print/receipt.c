/* Receipt layout as ESC/POS; see receipt.h. */
#include "print/receipt.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

#define LINE_BYTES 1024

void receipt_init(struct receipt *r)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->colon, sizeof(r->colon), "：");
}

void receipt_add(struct receipt *r, const char *label, const char *value)
{
	if (r->line_count >= RECEIPT_LINES || !value || !value[0])
		return;
	struct receipt_line *l = &r->lines[r->line_count++];
	utf8_copy(l->label, sizeof(l->label), label ? label : "");
	utf8_copy(l->value, sizeof(l->value), value);
}

int receipt_columns(enum receipt_paper paper)
{
	return paper == RECEIPT_58MM ? 32 : 48;
}

void receipt_wrap(const char *text, int first_columns, int columns, void (*line)(const char *text, void *ctx),
		  void *ctx)
{
	size_t len = strlen(text), start = 0;
	int width = first_columns;
	while (start < len) {
		size_t at = start, space = 0; /* space: where a break at the last space would cut (0: none) */
		int cols = 0;
		bool hard = false;
		while (at < len) {
			if (text[at] == '\n') {
				hard = true;
				break;
			}
			size_t used;
			int w = escpos_char_columns(utf8_decode(text + at, len - at, &used));
			if (cols + w > width && at > start)
				break;
			if (text[at] == ' ')
				space = at;
			cols += w;
			at += used;
		}
		size_t end = at, next = at;
		if (hard) {
			next = at + 1;
		} else if (at < len && space > start && text[at] != ' ') {
			/* A line with spaces breaks at its last one (words, dates, "终端 k1" stay whole); Chinese
			 * text without spaces breaks between any two characters. */
			end = space;
			next = space + 1;
		} else if (at < len && text[at] == ' ') {
			next = at + 1;
		}
		char out[LINE_BYTES];
		size_t n = end - start < sizeof(out) - 1 ? end - start : sizeof(out) - 1;
		memcpy(out, text + start, n);
		out[n] = '\0';
		line(out, ctx);
		start = next;
		width = columns;
	}
}

struct emit {
	struct escpos *out;
	int indent; /* columns of spaces before continuation lines */
	bool first;
	char prefix[96]; /* the label, printed before the first line */
};

static void emit_line(const char *text, void *ctx)
{
	struct emit *e = ctx;
	if (e->first) {
		if (e->prefix[0]) {
			escpos_bold(e->out, true);
			escpos_text(e->out, e->prefix);
			escpos_bold(e->out, false);
		}
		e->first = false;
	} else {
		for (int i = 0; i < e->indent; i++)
			escpos_text(e->out, " ");
	}
	escpos_text(e->out, text);
	escpos_newline(e->out);
}

/* text wrapped to columns, the first line after prefix (bold), the others indented under it when
 * the prefix is narrow enough, else from the margin. */
static void paragraph(struct escpos *out, const char *prefix, const char *text, int columns)
{
	struct emit e = {.out = out, .first = true};
	snprintf(e.prefix, sizeof(e.prefix), "%s", prefix ? prefix : "");
	int pw = escpos_text_columns(e.prefix);
	e.indent = pw <= columns / 3 ? pw : 0;
	receipt_wrap(text, columns - pw, columns - e.indent, emit_line, &e);
}

static void rule(struct escpos *out, int columns)
{
	char dashes[64];
	int n = columns < (int)sizeof(dashes) - 1 ? columns : (int)sizeof(dashes) - 1;
	memset(dashes, '-', (size_t)n);
	dashes[n] = '\0';
	escpos_text(out, dashes);
	escpos_newline(out);
}

bool receipt_render(const struct receipt *r, enum receipt_paper paper, struct escpos *out)
{
	int columns = receipt_columns(paper);
	escpos_reset(out);
	escpos_align(out, ESCPOS_CENTER);
	if (r->heading[0])
		paragraph(out, NULL, r->heading, columns);
	if (r->title[0]) {
		escpos_bold(out, true);
		escpos_size(out, 2, 2);
		paragraph(out, NULL, r->title, columns / 2);
		escpos_size(out, 1, 1);
		escpos_bold(out, false);
	}
	escpos_align(out, ESCPOS_LEFT);
	rule(out, columns);
	escpos_align(out, ESCPOS_CENTER);
	if (r->reference[0]) {
		if (r->reference_label[0])
			paragraph(out, NULL, r->reference_label, columns);
		escpos_bold(out, true);
		escpos_size(out, 2, 2);
		paragraph(out, NULL, r->reference, columns / 2);
		escpos_size(out, 1, 1);
		escpos_bold(out, false);
	}
	if (r->status[0])
		paragraph(out, NULL, r->status, columns);
	escpos_align(out, ESCPOS_LEFT);
	for (int i = 0; i < r->line_count; i++) {
		char prefix[96];
		snprintf(prefix, sizeof(prefix), "%s%s", r->lines[i].label, r->lines[i].label[0] ? r->colon : "");
		paragraph(out, prefix, r->lines[i].value, columns);
	}
	if (r->qr[0]) {
		escpos_align(out, ESCPOS_CENTER);
		escpos_feed(out, 1);
		/* 58 mm: 384 dots across, 80 mm: 576; a URL of ~80 bytes is a version 5–6 code (37–41 modules). */
		if (escpos_qr(out, r->qr, paper == RECEIPT_58MM ? 6 : 8)) {
			escpos_newline(out);
			if (r->qr_caption[0])
				paragraph(out, NULL, r->qr_caption, columns);
		}
		escpos_align(out, ESCPOS_LEFT);
	}
	if (r->notes[0]) {
		escpos_feed(out, 1);
		paragraph(out, NULL, r->notes, columns);
	}
	rule(out, columns);
	if (r->printed[0])
		paragraph(out, NULL, r->printed, columns);
	escpos_feed(out, 3);
	escpos_cut(out);
	return !out->failed;
}
