/* Receipts as ESC/POS bytes: the reset and Chinese mode first, text in GB18030 (checked against the
 * code points' GB18030 bytes written out here, not converted by the code under test), the QR code
 * command with the payload's length in pL pH, the cut last; line wrapping by display columns on 58
 * and 80 mm paper; the buffer bound. Writes the sample receipt to $RECEIPT_OUT when set (for looking
 * at it with a hex dump). */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "print/escpos.h"
#include "print/receipt.h"

static const uint8_t *find(const uint8_t *hay, size_t n, const void *needle, size_t m)
{
	for (size_t i = 0; m <= n && i <= n - m; i++) {
		if (memcmp(hay + i, needle, m) == 0)
			return hay + i;
	}
	return NULL;
}

static size_t count(const uint8_t *hay, size_t n, const void *needle, size_t m)
{
	size_t c = 0;
	for (const uint8_t *p = hay; (p = find(p, n - (size_t)(p - hay), needle, m)) != NULL; p += m)
		c++;
	return c;
}

struct lines {
	char text[32][256];
	int n;
};

static void collect(const char *text, void *ctx)
{
	struct lines *l = ctx;
	if (l->n < 32)
		snprintf(l->text[l->n++], sizeof(l->text[0]), "%s", text);
}

static void sample(struct receipt *r)
{
	receipt_init(r);
	snprintf(r->heading, sizeof(r->heading), "江海区民政局便民服务大厅");
	snprintf(r->title, sizeof(r->title), "预约凭条");
	snprintf(r->reference_label, sizeof(r->reference_label), "预约编号");
	snprintf(r->reference, sizeof(r->reference), "BK-20261203-0042");
	snprintf(r->status, sizeof(r->status), "预约已确认");
	receipt_add(r, "事项", "结婚登记");
	receipt_add(r, "时间", "2026年12月3日 星期四 09:00-09:30");
	receipt_add(r, "地点", "江海区婚姻登记处");
	receipt_add(r, "请携带", "双方本人的居民身份证和户口簿原件，近期二寸半身免冠合影照片三张。");
	receipt_add(r, "空", ""); /* an empty value is left out */
	snprintf(r->qr, sizeof(r->qr), "BK-20261203-0042");
	snprintf(r->notes, sizeof(r->notes), "请按预约时间携带证件原件到场。");
	snprintf(r->printed, sizeof(r->printed), "打印时间 2026-11-28 16:45 · 终端 k1");
}

static void test_sample(enum receipt_paper paper)
{
	struct receipt r;
	struct escpos b;
	sample(&r);
	CHECK_INT(r.line_count, 4);
	if (!CHECK(escpos_init(&b)))
		return;
	CHECK(receipt_render(&r, paper, &b));
	CHECK(!b.failed);
	/* ESC @ then FS &: reset, Chinese character mode. */
	const uint8_t start[] = {0x1b, 0x40, 0x1c, 0x26};
	CHECK(b.len > 200 && memcmp(b.data, start, sizeof(start)) == 0);
	/* GS V 66 0 (feed and partial cut) is the very end, after ESC d 3. */
	const uint8_t end[] = {0x1b, 0x64, 3, 0x1d, 0x56, 66, 0};
	CHECK(b.len > sizeof(end) && memcmp(b.data + b.len - sizeof(end), end, sizeof(end)) == 0);
	/* 预约凭条 in GB18030: D4A4 D4BC C6BE CCF5; 结婚登记: BDE1 BBE9 B5C7 BCC7; "·" A1A4. */
	const uint8_t title[] = {0xd4, 0xa4, 0xd4, 0xbc, 0xc6, 0xbe, 0xcc, 0xf5};
	const uint8_t service[] = {0xbd, 0xe1, 0xbb, 0xe9, 0xb5, 0xc7, 0xbc, 0xc7};
	const uint8_t dot[] = {' ', 0xa1, 0xa4};
	CHECK(find(b.data, b.len, title, sizeof(title)) != NULL);
	CHECK(find(b.data, b.len, service, sizeof(service)) != NULL);
	CHECK(find(b.data, b.len, dot, sizeof(dot)) != NULL);
	/* No UTF-8 left: the first byte of 预 in UTF-8 (E9 A2 84) must not appear as such. */
	const uint8_t utf8_yu[] = {0xe9, 0xa2, 0x84};
	CHECK(find(b.data, b.len, utf8_yu, sizeof(utf8_yu)) == NULL);
	/* The title in double size and bold, back to normal after. */
	const uint8_t dbl[] = {0x1d, 0x21, 0x11}, normal[] = {0x1d, 0x21, 0x00};
	CHECK(find(b.data, b.len, dbl, sizeof(dbl)) != NULL && find(b.data, b.len, normal, sizeof(normal)) != NULL);
	/* QR: model 2, module size (6 dots on 58 mm, 8 on 80 mm), level M, store with pL pH = 16 + 3, the
	 * payload right after, then print. */
	const uint8_t model[] = {0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0};
	const uint8_t size[] = {0x1d, 0x28, 0x6b, 3, 0, 49, 67, paper == RECEIPT_58MM ? 6 : 8};
	const uint8_t level[] = {0x1d, 0x28, 0x6b, 3, 0, 49, 69, 49};
	const uint8_t store[] = {0x1d, 0x28, 0x6b, 19, 0, 49, 80, 48, 'B', 'K', '-', '2', '0', '2', '6', '1',
				 '2', '0', '3', '-', '0', '0', '4', '2', 0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48};
	CHECK(find(b.data, b.len, model, sizeof(model)) != NULL);
	CHECK(find(b.data, b.len, size, sizeof(size)) != NULL);
	CHECK(find(b.data, b.len, level, sizeof(level)) != NULL);
	CHECK(find(b.data, b.len, store, sizeof(store)) != NULL);
	CHECK(find(b.data, b.len, model, sizeof(model)) < find(b.data, b.len, store, sizeof(store)));
	CHECK_INT(count(b.data, b.len, model, sizeof(model)), 1);
	/* Printed lines never pass the paper's columns: walk the bytes, skipping the commands, counting
	 * GB18030 double bytes as two columns and double width as twice that. */
	int columns = receipt_columns(paper), widest = 0, col = 0, scale = 1;
	for (size_t i = 0; i < b.len;) {
		const uint8_t *p = b.data + i;
		if (p[0] == 0x1b && (p[1] == 0x40)) {
			i += 2;
		} else if (p[0] == 0x1c && p[1] == 0x26) {
			i += 2;
		} else if (p[0] == 0x1b && (p[1] == 'a' || p[1] == 'E' || p[1] == 'd')) {
			i += 3;
		} else if (p[0] == 0x1d && p[1] == '!') {
			scale = p[2] & 0x10 ? 2 : 1;
			i += 3;
		} else if (p[0] == 0x1d && p[1] == '(' && p[2] == 'k') {
			i += 5 + (size_t)p[3] + ((size_t)p[4] << 8);
		} else if (p[0] == 0x1d && p[1] == 'V') {
			i += 4;
		} else if (p[0] == '\n') {
			col = 0;
			i++;
		} else if (p[0] >= 0x81) {
			col += 2 * scale;
			i += p[1] >= 0x30 && p[1] <= 0x39 ? 4 : 2;
		} else {
			col += scale;
			i++;
		}
		widest = col > widest ? col : widest;
	}
	if (!CHECK(widest <= columns))
		fprintf(stderr, "  widest line %d columns on %d-column paper\n", widest, columns);
	const char *out = getenv("RECEIPT_OUT");
	if (out && paper == RECEIPT_58MM) {
		FILE *f = fopen(out, "wb");
		if (f) {
			fwrite(b.data, 1, b.len, f);
			fclose(f);
		}
	}
	escpos_finish(&b);
}

static void test_wrap(void)
{
	struct lines l = {0};
	/* Chinese: 20 characters in 32 columns → 16 + 4. */
	receipt_wrap("一二三四五六七八九十一二三四五六七八九十", 32, 32, collect, &l);
	CHECK_INT(l.n, 2);
	CHECK_INT(escpos_text_columns(l.text[0]), 32);
	CHECK_STR(l.text[1], "七八九十");
	/* Latin breaks at spaces, the space dropped. */
	memset(&l, 0, sizeof(l));
	receipt_wrap("Please come at the booked time with the original documents.", 32, 32, collect, &l);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.text[0], "Please come at the booked time");
	CHECK_STR(l.text[1], "with the original documents.");
	/* The first line shorter (after a label), hard breaks kept, mixed text. */
	memset(&l, 0, sizeof(l));
	receipt_wrap("居民身份证 ID card\n户口簿", 10, 32, collect, &l);
	CHECK_INT(l.n, 3);
	CHECK_STR(l.text[0], "居民身份证");
	CHECK_STR(l.text[1], "ID card");
	CHECK_STR(l.text[2], "户口簿");
	/* A word longer than a line is cut rather than looping. */
	memset(&l, 0, sizeof(l));
	receipt_wrap("https://pay.jianghai-charity.example/pledge/lookup?kiosk=k1&ref=JC-1A2B3C4D", 32, 32, collect, &l);
	CHECK(l.n == 3);
	for (int i = 0; i < l.n; i++)
		CHECK(escpos_text_columns(l.text[i]) <= 32);
	/* Mixed text breaks at the last space, keeping "终端 k1" whole. */
	memset(&l, 0, sizeof(l));
	receipt_wrap("打印时间 2026-11-29 01:02 · 终端 k1", 32, 32, collect, &l);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.text[0], "打印时间 2026-11-29 01:02 ·");
	CHECK_STR(l.text[1], "终端 k1");
	CHECK_INT(escpos_text_columns("Ａ中a·"), 7);
}

static void test_bounds(void)
{
	struct escpos b;
	if (!CHECK(escpos_init(&b)))
		return;
	char big[ESCPOS_QR_MAX + 2];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	CHECK(!escpos_qr(&b, big, 6)); /* too long for a receipt's code: nothing added */
	CHECK(!escpos_qr(&b, "", 6));
	CHECK_INT(b.len, 0);
	/* Past ESCPOS_MAX the buffer fails whole. */
	char line[1001];
	memset(line, 'a', 1000);
	line[1000] = '\0';
	for (int i = 0; i < 40; i++)
		escpos_text(&b, line);
	CHECK(b.failed);
	CHECK(b.len <= ESCPOS_MAX);
	escpos_finish(&b);
	/* Invalid UTF-8 becomes '?' and the rest still converts. */
	CHECK(escpos_init(&b));
	escpos_text(&b, "a\xff中");
	const uint8_t want[] = {'a', '?', 0xd6, 0xd0};
	CHECK(b.len == sizeof(want) && memcmp(b.data, want, sizeof(want)) == 0);
	escpos_finish(&b);
}

int main(void)
{
	test_sample(RECEIPT_58MM);
	test_sample(RECEIPT_80MM);
	test_wrap();
	test_bounds();
	return check_exit();
}
