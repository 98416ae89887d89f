/* ESC/POS command bytes; see escpos.h. iconv (glibc) for GB18030. */
#include "print/escpos.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define ESC 0x1b
#define GS 0x1d
#define FS 0x1c

bool escpos_init(struct escpos *b)
{
	memset(b, 0, sizeof(*b));
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	b->iconv = cd;
	return true;
}

void escpos_finish(struct escpos *b)
{
	if (b->iconv)
		iconv_close((iconv_t)b->iconv);
	free(b->data);
	memset(b, 0, sizeof(*b));
}

static void put(struct escpos *b, const void *bytes, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n > ESCPOS_MAX) {
		b->failed = true;
		return;
	}
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 1024;
		while (cap < b->len + n)
			cap *= 2;
		uint8_t *grown = realloc(b->data, cap);
		if (!grown) {
			b->failed = true;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
}

static void put3(struct escpos *b, uint8_t a, uint8_t c, uint8_t d)
{
	uint8_t bytes[3] = {a, c, d};
	put(b, bytes, 3);
}

void escpos_reset(struct escpos *b)
{
	put3(b, ESC, '@', FS);
	put(b, "&", 1);
}

void escpos_align(struct escpos *b, enum escpos_align align)
{
	put3(b, ESC, 'a', (uint8_t)align);
}

void escpos_bold(struct escpos *b, bool on)
{
	put3(b, ESC, 'E', on ? 1 : 0);
}

void escpos_size(struct escpos *b, int width, int height)
{
	int w = width >= 2 ? 1 : 0, h = height >= 2 ? 1 : 0;
	put3(b, GS, '!', (uint8_t)(w << 4 | h));
}

void escpos_text(struct escpos *b, const char *utf8)
{
	if (b->failed || !utf8 || !utf8[0])
		return;
	char out[1024];
	char *in = (char *)(uintptr_t)utf8;
	size_t in_left = strlen(utf8);
	iconv((iconv_t)b->iconv, NULL, NULL, NULL, NULL);
	while (in_left > 0 && !b->failed) {
		char *o = out;
		size_t o_left = sizeof(out);
		size_t rc = iconv((iconv_t)b->iconv, &in, &in_left, &o, &o_left);
		put(b, out, (size_t)(o - out));
		if (rc == (size_t)-1 && errno != E2BIG) {
			/* Not UTF-8 (GB18030 maps every code point): one '?' for the byte, then on. */
			put(b, "?", 1);
			in++;
			in_left--;
		}
	}
}

void escpos_newline(struct escpos *b)
{
	put(b, "\n", 1);
}

void escpos_feed(struct escpos *b, int lines)
{
	put3(b, ESC, 'd', (uint8_t)(lines < 0 ? 0 : lines > 255 ? 255 : lines));
}

bool escpos_qr(struct escpos *b, const char *data, int module_dots)
{
	size_t n = data ? strlen(data) : 0;
	if (n == 0 || n > ESCPOS_QR_MAX)
		return false;
	int dots = module_dots < 1 ? 1 : module_dots > 16 ? 16 : module_dots;
	/* GS ( k pL pH cn fn …: cn 49 is the QR code; fn 65 model, 67 module size, 69 error correction,
	 * 80 store the data (pL pH count fn, cn and m too: n + 3), 81 print it. */
	const uint8_t model[] = {GS, '(', 'k', 4, 0, 49, 65, 50, 0};
	const uint8_t size[] = {GS, '(', 'k', 3, 0, 49, 67, (uint8_t)dots};
	const uint8_t level[] = {GS, '(', 'k', 3, 0, 49, 69, 49};
	const uint8_t store[] = {GS, '(', 'k', (uint8_t)((n + 3) & 0xff), (uint8_t)((n + 3) >> 8), 49, 80, 48};
	const uint8_t print[] = {GS, '(', 'k', 3, 0, 49, 81, 48};
	put(b, model, sizeof(model));
	put(b, size, sizeof(size));
	put(b, level, sizeof(level));
	put(b, store, sizeof(store));
	put(b, data, n);
	put(b, print, sizeof(print));
	return !b->failed;
}

void escpos_cut(struct escpos *b)
{
	const uint8_t cut[] = {GS, 'V', 66, 0};
	put(b, cut, sizeof(cut));
}

/* In Chinese character mode every GB18030 multi-byte character (·, —, “ as much as 中) prints in a
 * full-width cell: two columns; ASCII is one. */
int escpos_char_columns(uint32_t cp)
{
	return cp < 0x80 ? 1 : 2;
}

int escpos_text_columns(const char *utf8)
{
	int cols = 0;
	size_t len = utf8 ? strlen(utf8) : 0, at = 0;
	while (at < len) {
		size_t used;
		cols += escpos_char_columns(utf8_decode(utf8 + at, len - at, &used));
		at += used;
	}
	return cols;
}
