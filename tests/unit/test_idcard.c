/* The identity card reader: records from JSON and their bounds; the check before filling (wrong check
 * digit, expired, fields that disagree); the serial protocol's frames against the bytes published
 * reader integrations show (good, bad checksum, short, garbage, impossible length); the card's UCS-2LE
 * text block; the serial driver against a pseudo-terminal playing the reader (a card, the same card
 * resting, removed and placed again, a damaged answer, silence, a failed read, the reader unplugged);
 * the simulated readers (a file written, a socket sent to); the [idcard] reader option; the reader
 * thread (armed: the card is handed over; disarmed: it is dropped; a serial reader asked twice a
 * second, no busy loop); and the card wiped with the session. */
#define _DEFAULT_SOURCE /* openpty */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "app/session.h"
#include "check.h"
#include "config/config.h"
#include "core/utf8.h"
#include "idcard/idcard.h"
#include "idcard/idcard_serial.h"
#include "idcard/idcard_watch.h"

#define GOOD_NUMBER "440704199005060018" /* GB 11643 check digit 8, born 1990-05-06, male */

static const char good_json[] = "{\"name\": \"陈大文\", \"sex\": \"M\", \"ethnicity\": \"01\", \"birth\": \"1990-05-06\","
				" \"address\": \"广东省江门市江海区外海街道东华路 1 号\", \"number\": \"440704199005060018\","
				" \"authority\": \"江门市公安局江海分局\", \"valid_from\": \"20160301\", \"valid_to\": \"20360301\"}";

static struct civil_date day(int y, int m, int d)
{
	return (struct civil_date){y, m, d};
}

/* ---- records ---- */

static bool parse(const char *json, struct idcard_record *r, char *err, size_t errlen)
{
	return idcard_record_from_json(json, strlen(json), r, err, errlen);
}

/* good_json with one field's value replaced (field must be followed by its value in quotes). */
static void with_field(char *out, size_t len, const char *field, const char *value)
{
	char key[40];
	snprintf(key, sizeof(key), "\"%s\": \"", field);
	const char *at = strstr(good_json, key);
	const char *end = strchr(at + strlen(key), '"');
	snprintf(out, len, "%.*s%s%s", (int)(at - good_json + strlen(key)), good_json, value, end);
}

static void test_records(void)
{
	struct idcard_record r;
	char err[200], json[8192];
	CHECK(parse(good_json, &r, err, sizeof(err)));
	CHECK_STR(r.name, "陈大文");
	CHECK_INT(r.sex, 'M');
	CHECK_STR(r.ethnicity, "01");
	CHECK_STR(r.birth, "19900506");
	CHECK_STR(r.number, GOOD_NUMBER);
	CHECK_STR(r.authority, "江门市公安局江海分局");
	CHECK_STR(r.valid_from, "20160301");
	CHECK_STR(r.valid_to, "20360301");

	/* the card's own capacity: 15 characters of name, 35 of address */
	with_field(json, sizeof(json), "name", "欧阳一二三四五六七八九十一二三");
	CHECK(parse(json, &r, err, sizeof(err)));
	CHECK_INT(utf8_count(r.name, strlen(r.name)), 15);
	with_field(json, sizeof(json), "name", "欧阳一二三四五六七八九十一二三四");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "\"name\": longer than the card's 15 characters") != NULL);
	CHECK_STR(r.name, ""); /* nothing half-read is left */
	with_field(json, sizeof(json), "address", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "\"address\"") != NULL);
	with_field(json, sizeof(json), "name", "陈\\n大文");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "control characters") != NULL);

	/* shapes, with the field named and its value never echoed */
	with_field(json, sizeof(json), "birth", "1990-02-30");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "\"birth\": must be a date") != NULL);
	CHECK(strstr(err, "1990") == NULL);
	with_field(json, sizeof(json), "number", "4407041990050600189");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "\"number\"") != NULL && strstr(err, "4407") == NULL);
	with_field(json, sizeof(json), "number", "44070419900506001x");
	CHECK(parse(json, &r, err, sizeof(err)));
	CHECK_STR(r.number, "44070419900506001X");
	with_field(json, sizeof(json), "sex", "女");
	CHECK(parse(json, &r, err, sizeof(err)) && r.sex == 'F');
	with_field(json, sizeof(json), "sex", "unknown");
	CHECK(!parse(json, &r, err, sizeof(err)));
	with_field(json, sizeof(json), "valid_to", "长期");
	CHECK(parse(json, &r, err, sizeof(err)) && r.valid_to[0] == '\0');
	with_field(json, sizeof(json), "ethnicity", "汉");
	CHECK(!parse(json, &r, err, sizeof(err)));

	CHECK(!parse("{\"name\": \"陈大文\", \"sex\": \"M\", \"birth\": \"19900506\", \"number\": \"" GOOD_NUMBER "\","
		     " \"valid_from\": \"20160301\"}", &r, err, sizeof(err)));
	CHECK_STR(err, "\"valid_to\": missing");
	snprintf(json, sizeof(json), "%.*s, \"photo\": \"x\"}", (int)strlen(good_json) - 1, good_json);
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK_STR(err, "unknown field \"photo\"");
	CHECK(!parse("[1, 2]", &r, err, sizeof(err)));
	CHECK(!parse("{\"name\": ", &r, err, sizeof(err)));
	CHECK_STR(err, "not a JSON object");
	/* bigger than any card: refused whole */
	snprintf(json, sizeof(json), "%.*s, \"authority\": \"%4200s\"}", (int)strlen(good_json) - 1, good_json, "");
	CHECK(!parse(json, &r, err, sizeof(err)));
	CHECK(strstr(err, "at most 4096 bytes") != NULL);
}

static void test_check(void)
{
	struct idcard_record r;
	char err[200], json[2048];
	parse(good_json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_USABLE);
	/* validity: through the last day, not after */
	CHECK_INT(idcard_check(&r, day(2036, 3, 1)), IDCARD_USABLE);
	CHECK_INT(idcard_check(&r, day(2036, 3, 2)), IDCARD_EXPIRED);
	with_field(json, sizeof(json), "valid_to", "长期");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2090, 1, 1)), IDCARD_USABLE);
	/* the check digit */
	with_field(json, sizeof(json), "number", "440704199005060017");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_BAD_NUMBER);
	/* a permit number is not a resident ID number */
	with_field(json, sizeof(json), "number", "810000199005060013");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_BAD_NUMBER);
	/* fields that disagree with the number, or dates out of order */
	with_field(json, sizeof(json), "birth", "19900507");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_UNREADABLE);
	with_field(json, sizeof(json), "sex", "F");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_UNREADABLE);
	with_field(json, sizeof(json), "valid_from", "20270101");
	parse(json, &r, err, sizeof(err));
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_UNREADABLE);
	idcard_record_wipe(&r);
	CHECK(r.number[0] == 0 && r.name[0] == 0);
}

/* ---- frames ---- */

static size_t hex(const char *text, uint8_t *out)
{
	size_t n = 0;
	for (const char *p = text; *p;) {
		if (*p == ' ') {
			p++;
			continue;
		}
		unsigned v;
		sscanf(p, "%2x", &v);
		out[n++] = (uint8_t)v;
		p += 2;
	}
	return n;
}

static void test_frames(void)
{
	uint8_t cmd[IDCARD_COMMAND_LEN], want[32], buf[64];
	/* the commands as the sources show them, checksum included */
	idcard_frame_command(IDCARD_CMD_FIND, cmd);
	CHECK(memcmp(cmd, want, hex("AA AA AA 96 69 00 03 20 01 22", want)) == 0);
	idcard_frame_command(IDCARD_CMD_SELECT, cmd);
	CHECK(memcmp(cmd, want, hex("AA AA AA 96 69 00 03 20 02 21", want)) == 0);
	idcard_frame_command(IDCARD_CMD_READ_TEXT, cmd);
	CHECK(memcmp(cmd, want, hex("AA AA AA 96 69 00 03 30 01 32", want)) == 0);

	/* answers as readers send them */
	struct idcard_frame f;
	size_t used, n = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_OK);
	CHECK_INT(used, n);
	CHECK_INT(f.sw3, IDCARD_SW_CARD_FOUND);
	CHECK_INT(f.data_len, 4);
	n = hex("AA AA AA 96 69 00 04 00 00 80 84", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_OK);
	CHECK_INT(f.sw3, IDCARD_SW_NO_CARD);
	CHECK_INT(f.data_len, 0);
	n = hex("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_OK);
	CHECK_INT(f.sw3, IDCARD_SW_OK);
	n = hex("AA AA AA 96 69 00 04 00 00 41 45", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_OK);
	CHECK_INT(f.sw3, IDCARD_SW_READ_FAILED);
	/* our own responses are the same bytes */
	uint8_t made[64];
	CHECK_INT(idcard_frame_response(IDCARD_SW_CARD_FOUND, (const uint8_t[4]){0}, 4, made, sizeof(made)), 15);
	CHECK(memcmp(made, want, hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", want)) == 0);
	CHECK_INT(idcard_frame_response(IDCARD_SW_OK, made, IDCARD_RESPONSE_LEN_MAX, buf, sizeof(buf)), 0);

	/* a bad checksum: refused, and the search resumes after the preamble */
	n = hex("AA AA AA 96 69 00 04 00 00 80 85", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_BAD_CHECKSUM);
	CHECK_INT(used, IDCARD_PREAMBLE_LEN);
	/* short: wait for the rest, at every cut */
	n = hex("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", buf);
	for (size_t cut = 0; cut < n; cut++)
		CHECK_INT(idcard_frame_parse(buf, cut, &f, &used), IDCARD_FRAME_NEED_MORE);
	/* garbage before a frame is dropped up to the preamble */
	n = hex("01 AA 02 AA AA 96 AA AA AA 96 69 00 04 00 00 80 84", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_GARBAGE);
	CHECK_INT(used, 6);
	CHECK_INT(idcard_frame_parse(buf + used, n - used, &f, &used), IDCARD_FRAME_OK);
	CHECK_INT(f.sw3, IDCARD_SW_NO_CARD);
	/* a partial preamble at the end is kept */
	n = hex("13 AA AA", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_GARBAGE);
	CHECK_INT(used, 1);
	CHECK_INT(idcard_frame_parse(buf + 1, 2, &f, &used), IDCARD_FRAME_NEED_MORE);
	/* impossible lengths: shorter than a status, longer than any answer */
	n = hex("AA AA AA 96 69 00 03 00 00 80", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_BAD_LENGTH);
	CHECK_INT(used, IDCARD_PREAMBLE_LEN);
	n = hex("AA AA AA 96 69 FF FF 00 00 90", buf);
	CHECK_INT(idcard_frame_parse(buf, n, &f, &used), IDCARD_FRAME_BAD_LENGTH);
}

/* ---- the text block ---- */

/* Writes text as UCS-2LE into units code units at off, padded with spaces, as a card holds it. */
static void put_text(uint8_t *block, size_t off, size_t units, const char *text)
{
	for (size_t i = 0; i < units; i++) {
		block[off + 2 * i] = 0x20;
		block[off + 2 * i + 1] = 0x00;
	}
	size_t at = 0, len = strlen(text), used;
	for (size_t i = 0; at < len && i < units; i++, at += used) {
		uint32_t cp = utf8_decode(text + at, len - at, &used);
		block[off + 2 * i] = (uint8_t)cp;
		block[off + 2 * i + 1] = (uint8_t)(cp >> 8);
	}
}

static void card_block(uint8_t block[IDCARD_TEXT_LEN], const char *name, const char *sex, const char *number,
		       const char *birth, const char *to)
{
	memset(block, 0, IDCARD_TEXT_LEN);
	put_text(block, 0, 15, name);
	put_text(block, 30, 1, sex);
	put_text(block, 32, 2, "01");
	put_text(block, 36, 8, birth);
	put_text(block, 52, 35, "广东省江门市江海区外海街道东华路1号");
	put_text(block, 122, 18, number);
	put_text(block, 158, 15, "江门市公安局江海分局");
	put_text(block, 188, 8, "20160301");
	put_text(block, 204, 8, to);
	put_text(block, 220, 18, "");
}

static void test_text(void)
{
	char out[64];
	uint8_t units[] = {0x20, 0x5F, 0x09, 0x4E, 0x20, 0x00, 0x20, 0x00}; /* 张三, two spaces */
	CHECK(idcard_ucs2le_decode(units, 4, out, sizeof(out)));
	CHECK_STR(out, "张三");
	CHECK(!idcard_ucs2le_decode(units, 4, out, 6)); /* 张三 needs 7 bytes with the NUL */
	uint8_t nul[] = {0x41, 0x00, 0x00, 0x00, 0x42, 0x00};
	CHECK(idcard_ucs2le_decode(nul, 3, out, sizeof(out)));
	CHECK_STR(out, "A");
	uint8_t surrogate[] = {0x3D, 0xD8, 0x00, 0xDE};
	CHECK(!idcard_ucs2le_decode(surrogate, 2, out, sizeof(out)));
	CHECK(idcard_ucs2le_decode(units, 0, out, sizeof(out)) && out[0] == '\0');

	uint8_t block[IDCARD_TEXT_LEN];
	struct idcard_record r;
	char why[160];
	card_block(block, "陈大文", "1", GOOD_NUMBER, "19900506", "20360301");
	CHECK(idcard_text_decode(block, &r, why, sizeof(why)));
	CHECK_STR(r.name, "陈大文");
	CHECK_INT(r.sex, 'M');
	CHECK_STR(r.ethnicity, "01");
	CHECK_STR(r.birth, "19900506");
	CHECK_STR(r.address, "广东省江门市江海区外海街道东华路1号");
	CHECK_STR(r.number, GOOD_NUMBER);
	CHECK_STR(r.authority, "江门市公安局江海分局");
	CHECK_STR(r.valid_from, "20160301");
	CHECK_STR(r.valid_to, "20360301");
	CHECK_INT(idcard_check(&r, day(2026, 11, 28)), IDCARD_USABLE);
	/* a full-length name fills its 30 bytes with no padding */
	card_block(block, "欧阳一二三四五六七八九十一二三", "2", "44070419920708002X", "19920708", "长期");
	CHECK(idcard_text_decode(block, &r, why, sizeof(why)));
	CHECK_INT(utf8_count(r.name, strlen(r.name)), 15);
	CHECK_INT(r.sex, 'F');
	CHECK_STR(r.valid_to, "");
	/* what no card holds */
	card_block(block, "陈大文", "5", GOOD_NUMBER, "19900506", "20360301");
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
	CHECK(strstr(why, "sex") != NULL);
	CHECK_STR(r.name, "");
	card_block(block, "陈大文", "1", "44070419900506001A", "19900506", "20360301");
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
	CHECK(strstr(why, "number") != NULL && strstr(why, "4407") == NULL);
	card_block(block, "陈大文", "1", GOOD_NUMBER, "1990050", "20360301");
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
	card_block(block, "", "1", GOOD_NUMBER, "19900506", "20360301");
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
	card_block(block, "陈大文", "1", GOOD_NUMBER, "19900506", "永久");
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
	card_block(block, "陈大文", "1", GOOD_NUMBER, "19900506", "20360301");
	block[2] = 0x00, block[3] = 0xD8; /* a surrogate in the name */
	CHECK(!idcard_text_decode(block, &r, why, sizeof(why)));
}

/* ---- the serial driver against a pseudo-terminal playing the reader ---- */

struct emu {
	int master;
	bool card; /* a card lies on the reader */
	uint8_t text[IDCARD_TEXT_LEN];
	int corrupt; /* answers to send with a wrong checksum */
	bool garbage; /* line noise before each answer */
	bool cut; /* the next answer to read stops halfway, then silence */
	bool mute; /* answer nothing */
	bool read_fails;
	int reads; /* read commands answered */
	uint8_t in[64];
	size_t in_len;
};

static void emu_send(struct emu *e, uint8_t sw3, const uint8_t *data, size_t len)
{
	uint8_t frame[1400];
	size_t n = idcard_frame_response(sw3, data, len, frame, sizeof(frame));
	if (e->corrupt > 0) {
		frame[n - 1] ^= 0x5A;
		e->corrupt--;
	}
	if (e->garbage)
		CHECK(write(e->master, "\x01\xAA\x13\x96", 4) == 4);
	if (e->cut) {
		n /= 2;
		e->cut = false;
		e->mute = true;
	}
	CHECK(write(e->master, frame, n) == (ssize_t)n);
}

/* Reads the commands the driver sent and answers them as a reader would. */
static void emu_step(struct emu *e)
{
	ssize_t n = read(e->master, e->in + e->in_len, sizeof(e->in) - e->in_len);
	if (n > 0)
		e->in_len += (size_t)n;
	while (e->in_len >= IDCARD_COMMAND_LEN) {
		uint8_t *c = e->in;
		CHECK(memcmp(c, IDCARD_PREAMBLE, IDCARD_PREAMBLE_LEN) == 0);
		CHECK_INT(c[9], c[5] ^ c[6] ^ c[7] ^ c[8]);
		uint8_t cmd = c[7], para = c[8];
		memmove(e->in, e->in + IDCARD_COMMAND_LEN, e->in_len - IDCARD_COMMAND_LEN);
		e->in_len -= IDCARD_COMMAND_LEN;
		if (e->mute)
			continue;
		if (cmd == 0x20 && para == 0x01) {
			emu_send(e, e->card ? IDCARD_SW_CARD_FOUND : IDCARD_SW_NO_CARD, (const uint8_t[4]){0}, e->card ? 4 : 0);
		} else if (cmd == 0x20 && para == 0x02) {
			emu_send(e, IDCARD_SW_OK, (const uint8_t[8]){0}, 8);
		} else if (cmd == 0x30 && para == 0x01) {
			if (e->read_fails) {
				emu_send(e, IDCARD_SW_READ_FAILED, NULL, 0);
				continue;
			}
			uint8_t data[4 + IDCARD_TEXT_LEN + 1024];
			memcpy(data, "\x01\x00\x04\x00", 4);
			memcpy(data + 4, e->text, IDCARD_TEXT_LEN);
			memset(data + 4 + IDCARD_TEXT_LEN, 0x5A, 1024); /* the photo: never decoded */
			emu_send(e, IDCARD_SW_OK, data, sizeof(data));
			e->reads++;
		} else {
			CHECK(!"an unknown command");
		}
	}
}

struct tally {
	int card, unreadable, fault, gone;
	struct idcard_record last;
	char why[200];
};

/* Runs the driver for ms of its clock (from *now) in 20 ms steps, the emulator answering between. */
static void run_for(struct idcard_reader *r, struct emu *e, uint64_t *now, int ms, struct tally *t)
{
	for (int step = 0; step < ms / 20; step++, *now += 20) {
		for (int k = 0; k < 3; k++) { /* command, answer, next command */
			struct idcard_record rec;
			char why[200] = "";
			switch (idcard_reader_poll(r, *now, &rec, why, sizeof(why))) {
			case IDCARD_POLL_NONE:
				break;
			case IDCARD_POLL_CARD:
				t->card++;
				t->last = rec;
				break;
			case IDCARD_POLL_UNREADABLE:
				t->unreadable++;
				snprintf(t->why, sizeof(t->why), "%s", why);
				break;
			case IDCARD_POLL_FAULT:
				t->fault++;
				snprintf(t->why, sizeof(t->why), "%s", why);
				break;
			case IDCARD_POLL_GONE:
				t->gone++;
				return;
			}
			emu_step(e);
		}
	}
}

static void test_serial(void)
{
	int master, slave;
	char name[128];
	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		CHECK(!"openpty");
		return;
	}
	fcntl(master, F_SETFL, O_NONBLOCK);
	struct emu e = {.master = master};
	card_block(e.text, "陈大文", "1", GOOD_NUMBER, "19900506", "20360301");
	char spec[160], err[200];
	snprintf(spec, sizeof(spec), "serial:%s@115200", name);
	struct idcard_reader *r = idcard_reader_open(spec, err, sizeof(err));
	CHECK(r != NULL);
	if (!r) {
		fprintf(stderr, "%s\n", err);
		close(master), close(slave);
		return;
	}
	uint64_t now = 1000;
	struct tally t = {0};
	/* nobody on the reader: it answers, nothing comes */
	run_for(r, &e, &now, 1000, &t);
	CHECK(idcard_reader_live(r));
	CHECK_INT(t.card + t.unreadable + t.fault + t.gone, 0);
	/* a card: read once, whole */
	e.card = true;
	run_for(r, &e, &now, 1000, &t);
	CHECK_INT(t.card, 1);
	CHECK_STR(t.last.name, "陈大文");
	CHECK_STR(t.last.number, GOOD_NUMBER);
	CHECK_STR(t.last.birth, "19900506");
	CHECK_INT(t.last.sex, 'M');
	/* it stays there: read again, never reported again */
	int reads = e.reads;
	run_for(r, &e, &now, 5000, &t);
	CHECK(e.reads > reads);
	CHECK_INT(t.card, 1);
	/* taken away a while, then placed again: a new presentation */
	e.card = false;
	run_for(r, &e, &now, 4000, &t);
	e.card = true;
	run_for(r, &e, &now, 1000, &t);
	CHECK_INT(t.card, 2);
	/* another person's card straight after: new at once */
	card_block(e.text, "黄小美", "2", "440704199207080025", "19920708", "20360301");
	run_for(r, &e, &now, 1000, &t);
	CHECK_INT(t.card, 3);
	CHECK_STR(t.last.name, "黄小美");
	CHECK_INT(t.last.sex, 'F');

	/* line noise before every answer changes nothing */
	e.card = false;
	run_for(r, &e, &now, 4000, &t);
	e.garbage = true;
	e.card = true;
	run_for(r, &e, &now, 1000, &t);
	CHECK_INT(t.card, 4);
	e.garbage = false;

	/* a damaged answer: said once, the round given up, the next round reads the card */
	e.card = false;
	run_for(r, &e, &now, 4000, &t);
	e.card = true;
	e.corrupt = 1;
	run_for(r, &e, &now, 2000, &t);
	CHECK_INT(t.fault, 1);
	CHECK(strstr(t.why, "checksum") != NULL);
	CHECK_INT(t.card, 5);

	/* a short answer, then silence: no card, the reader counts as not answering (said once) */
	e.card = false;
	run_for(r, &e, &now, 4000, &t);
	e.card = true;
	e.cut = true;
	run_for(r, &e, &now, 3000, &t);
	CHECK_INT(t.card, 5);
	CHECK_INT(t.fault, 2);
	CHECK(strstr(t.why, "does not answer") != NULL);
	CHECK(!idcard_reader_live(r));
	e.mute = false; /* it comes back */
	run_for(r, &e, &now, 1000, &t);
	CHECK(idcard_reader_live(r));
	CHECK_INT(t.card, 6);

	/* the reader cannot read the card */
	e.card = false;
	run_for(r, &e, &now, 4000, &t);
	e.card = true;
	e.read_fails = true;
	run_for(r, &e, &now, 1600, &t); /* rounds go on while it stays: said once */
	CHECK_INT(t.unreadable, 1);
	CHECK(strstr(t.why, "41") != NULL);
	e.read_fails = false;

	/* unplugged */
	close(master);
	run_for(r, &e, &now, 1000, &t);
	CHECK_INT(t.gone, 1);
	idcard_reader_close(r);
	close(slave);

	/* a device that is not there, a file that is not a serial line */
	CHECK(idcard_reader_open("serial:/dev/nonexistent-reader", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "cannot open /dev/nonexistent-reader") != NULL);
	CHECK(idcard_reader_open("serial:/dev/null", err, sizeof(err)) == NULL);
	CHECK(strstr(err, "not a serial line") != NULL);
}

/* ---- simulated readers ---- */

/* Polls r until something other than NONE comes or ms of real time pass. */
static enum idcard_poll wait_poll(struct idcard_reader *r, struct idcard_record *out, char *why, size_t whylen, int ms)
{
	for (int waited = 0; waited <= ms; waited += 20) {
		int timeout;
		struct pollfd p = {.fd = idcard_reader_wait(r, 0, &timeout), .events = POLLIN};
		poll(&p, 1, 20);
		enum idcard_poll got = idcard_reader_poll(r, 0, out, why, whylen);
		if (got != IDCARD_POLL_NONE)
			return got;
	}
	return IDCARD_POLL_NONE;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_file_reader(const char *dir)
{
	char path[512], spec[600], err[200], why[200], tmp[600];
	struct idcard_record r;
	snprintf(path, sizeof(path), "%s/card.json", dir);
	write_file(path, good_json); /* there before the reader: not a new card */
	snprintf(spec, sizeof(spec), "file:%s", path);
	struct idcard_reader *rd = idcard_reader_open(spec, err, sizeof(err));
	CHECK(rd != NULL);
	if (!rd)
		return;
	CHECK(idcard_reader_live(rd));
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 200), IDCARD_POLL_NONE);
	write_file(path, good_json);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_CARD);
	CHECK_STR(r.number, GOOD_NUMBER);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 200), IDCARD_POLL_NONE); /* once per write */
	write_file(path, "{\"name\": 3}");
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_UNREADABLE);
	CHECK(strstr(why, "\"name\": must be a string") != NULL);
	write_file(path, ""); /* emptied: no card */
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 300), IDCARD_POLL_NONE);
	char big[5000];
	memset(big, ' ', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	write_file(path, big);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_UNREADABLE);
	CHECK(strstr(why, "at most 4096") != NULL);
	/* renamed onto the path, as an editor saves */
	snprintf(tmp, sizeof(tmp), "%s/card.tmp", dir);
	write_file(tmp, good_json);
	CHECK(rename(tmp, path) == 0);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_CARD);
	/* another file in the directory is not the card */
	write_file(tmp, good_json);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 300), IDCARD_POLL_NONE);
	idcard_reader_close(rd);
	snprintf(spec, sizeof(spec), "file:%s/no-such-dir/card.json", dir);
	CHECK(idcard_reader_open(spec, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "cannot watch the directory") != NULL);
}

static void send_datagram(const char *path, const char *data, size_t len)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path);
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(sendto(fd, data, len, 0, (struct sockaddr *)&addr, sizeof(addr)) == (ssize_t)len);
	close(fd);
}

static void test_socket_reader(const char *dir)
{
	char path[200], spec[300], err[200], why[200];
	struct idcard_record r;
	struct stat st;
	snprintf(path, sizeof(path), "%s/reader.sock", dir);
	snprintf(spec, sizeof(spec), "socket:%s", path);
	write_file(path, "not a socket");
	CHECK(idcard_reader_open(spec, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "is not a socket") != NULL);
	unlink(path);
	struct idcard_reader *rd = idcard_reader_open(spec, err, sizeof(err));
	CHECK(rd != NULL);
	if (!rd)
		return;
	CHECK(stat(path, &st) == 0 && S_ISSOCK(st.st_mode) && (st.st_mode & 0777) == 0600);
	send_datagram(path, good_json, strlen(good_json));
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_CARD);
	CHECK_STR(r.name, "陈大文");
	char big[IDCARD_JSON_MAX + 100];
	memset(big, ' ', sizeof(big));
	send_datagram(path, big, sizeof(big));
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_UNREADABLE);
	CHECK(strstr(why, "at most 4096") != NULL);
	send_datagram(path, "{}", 2);
	CHECK_INT(wait_poll(rd, &r, why, sizeof(why), 2000), IDCARD_POLL_UNREADABLE);
	CHECK(strstr(why, "missing") != NULL);
	/* one in use by a running reader is not taken over */
	CHECK(idcard_reader_open(spec, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "in use by another process") != NULL);
	idcard_reader_close(rd);
	CHECK(stat(path, &st) != 0); /* removed on close */
	/* a stale socket (an earlier run killed) is replaced */
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	memcpy(addr.sun_path, path, strlen(path) + 1); /* path is short: mkdtemp in /tmp */
	int stale = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK(bind(stale, (struct sockaddr *)&addr, sizeof(addr)) == 0);
	close(stale); /* the file stays, nobody bound to it */
	struct idcard_reader *again = idcard_reader_open(spec, err, sizeof(err));
	CHECK(again != NULL);
	send_datagram(path, good_json, strlen(good_json));
	if (again)
		CHECK_INT(wait_poll(again, &r, why, sizeof(why), 2000), IDCARD_POLL_CARD);
	idcard_reader_close(again);
}

/* ---- the option ---- */

static void test_spec(void)
{
	char err[200];
	CHECK(idcard_spec_check("none", err, sizeof(err)));
	CHECK(idcard_spec_check("serial:/dev/ttyUSB0", err, sizeof(err)));
	CHECK(idcard_spec_check("serial:/dev/ttyS1@9600", err, sizeof(err)));
	CHECK(idcard_spec_check("file:/run/civic-kiosk/card.json", err, sizeof(err)));
	CHECK(idcard_spec_check("socket:/run/civic-kiosk/idcard.sock", err, sizeof(err)));
	CHECK(!idcard_spec_check("serial:/dev/ttyUSB0@14400", err, sizeof(err)));
	CHECK(strstr(err, "9600, 19200") != NULL);
	CHECK(!idcard_spec_check("usb", err, sizeof(err)));
	CHECK(strstr(err, "must be none, file:/PATH") != NULL);
	CHECK(!idcard_spec_check("file:card.json", err, sizeof(err)));
	CHECK(strstr(err, "absolute path") != NULL);
	CHECK(!idcard_spec_check("socket:/tmp/", err, sizeof(err)));
	char longer[200];
	snprintf(longer, sizeof(longer), "socket:/%0120d", 0);
	CHECK(!idcard_spec_check(longer, err, sizeof(err)));
	CHECK(strstr(err, "at most 107") != NULL);

	/* through the configuration, as --check-config and the kiosk read it */
	struct config cfg;
	config_init(&cfg);
	CHECK_STR(config_str(&cfg, "idcard", "reader"), "none");
	CHECK(config_set(&cfg, "idcard", "reader", "serial:/dev/ttyUSB0", err, sizeof(err)));
	CHECK(!config_set(&cfg, "idcard", "reader", "serial:ttyUSB0", err, sizeof(err)));
	CHECK(strstr(err, "absolute path") != NULL);
	CHECK_STR(config_str(&cfg, "idcard", "reader"), "serial:/dev/ttyUSB0");
}

/* ---- the reader thread ---- */

static volatile int notified;

static void on_card(void *ctx)
{
	(void)ctx;
	__atomic_add_fetch(&notified, 1, __ATOMIC_SEQ_CST);
}

static bool wait_ready(struct idcard_watch *w, int ms)
{
	for (int i = 0; i < ms / 10 && !idcard_watch_ready(w); i++)
		nanosleep(&(struct timespec){0, 10000000}, NULL);
	return idcard_watch_ready(w);
}

static enum idcard_event wait_take(struct idcard_watch *w, struct idcard_record *out, int ms)
{
	for (int i = 0; i < ms / 10; i++) {
		enum idcard_event ev = idcard_watch_take(w, out);
		if (ev != IDCARD_EVENT_NONE)
			return ev;
		nanosleep(&(struct timespec){0, 10000000}, NULL);
	}
	return IDCARD_EVENT_NONE;
}

static void test_watch(const char *dir)
{
	char path[512], spec[600], err[200];
	struct idcard_record r;
	CHECK(idcard_watch_start("none", on_card, NULL, err, sizeof(err)) == NULL);
	CHECK_STR(err, "");
	CHECK(idcard_watch_start("floppy:/a", on_card, NULL, err, sizeof(err)) == NULL);
	CHECK(err[0] != '\0');

	snprintf(path, sizeof(path), "%s/watch.json", dir);
	snprintf(spec, sizeof(spec), "file:%s", path);
	struct idcard_watch *w = idcard_watch_start(spec, on_card, NULL, err, sizeof(err));
	CHECK(w != NULL);
	if (!w)
		return;
	CHECK(wait_ready(w, 2000));
	/* no form: the card is dropped, nothing reaches a later form */
	write_file(path, good_json);
	nanosleep(&(struct timespec){0, 300000000}, NULL);
	idcard_watch_arm(w, true);
	CHECK_INT(wait_take(w, &r, 300), IDCARD_EVENT_NONE);
	/* a form on screen: handed over, with a wake-up */
	int before = notified;
	write_file(path, good_json);
	CHECK_INT(wait_take(w, &r, 3000), IDCARD_EVENT_CARD);
	CHECK_STR(r.number, GOOD_NUMBER);
	/* the wake-up follows the hand-over (after the lock is released): allow it a moment */
	for (int i = 0; i < 100 && __atomic_load_n(&notified, __ATOMIC_SEQ_CST) <= before; i++)
		nanosleep(&(struct timespec){0, 10000000}, NULL);
	CHECK(notified > before);
	CHECK_INT(idcard_watch_take(w, &r), IDCARD_EVENT_NONE); /* once */
	write_file(path, "{");
	CHECK_INT(wait_take(w, &r, 3000), IDCARD_EVENT_UNREADABLE);
	/* a card waiting when the form goes is wiped */
	write_file(path, good_json);
	nanosleep(&(struct timespec){0, 300000000}, NULL);
	idcard_watch_arm(w, false);
	idcard_watch_arm(w, true);
	CHECK_INT(idcard_watch_take(w, &r), IDCARD_EVENT_NONE);
	idcard_watch_stop(w);
	idcard_watch_stop(NULL);

	/* a reader not there yet is not an error: not ready, and it keeps trying */
	snprintf(spec, sizeof(spec), "file:%s/later/card.json", dir);
	w = idcard_watch_start(spec, on_card, NULL, err, sizeof(err));
	CHECK(w != NULL);
	CHECK(!wait_ready(w, 200));
	idcard_watch_stop(w);
}

/* The thread with a serial reader: it asks twice a second (no busy loop), hands the card over, and
 * the reader counts as ready only while it answers. */
static void test_watch_serial(void)
{
	int master, slave;
	char name[128], spec[160], err[200];
	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		CHECK(!"openpty");
		return;
	}
	fcntl(master, F_SETFL, O_NONBLOCK);
	struct emu e = {.master = master};
	card_block(e.text, "陈大文", "1", GOOD_NUMBER, "19900506", "20360301");
	snprintf(spec, sizeof(spec), "serial:%s", name);
	struct idcard_watch *w = idcard_watch_start(spec, on_card, NULL, err, sizeof(err));
	CHECK(w != NULL);
	if (!w) {
		close(master), close(slave);
		return;
	}
	idcard_watch_arm(w, true);
	int finds = 0;
	struct idcard_record r;
	enum idcard_event got = IDCARD_EVENT_NONE;
	for (int ms = 0; ms < 4000 && got == IDCARD_EVENT_NONE; ms += 10) {
		size_t before = e.in_len;
		uint8_t peek[64];
		ssize_t n = read(master, peek, sizeof(peek)); /* count the commands, then answer them */
		for (ssize_t i = 0; n > 0 && i + IDCARD_COMMAND_LEN <= n; i += IDCARD_COMMAND_LEN)
			finds += peek[i + 7] == 0x20 && peek[i + 8] == 0x01;
		if (n > 0 && before + (size_t)n <= sizeof(e.in)) {
			memcpy(e.in + before, peek, (size_t)n);
			e.in_len += (size_t)n;
		}
		emu_step(&e);
		if (ms == 2000) {
			CHECK(idcard_watch_ready(w));
			CHECK(finds >= 3 && finds <= 6); /* every 500 ms */
			e.card = true;
		}
		if (ms > 2000)
			got = idcard_watch_take(w, &r);
		nanosleep(&(struct timespec){0, 10000000}, NULL);
	}
	CHECK_INT(got, IDCARD_EVENT_CARD);
	CHECK_STR(r.name, "陈大文");
	idcard_watch_stop(w);
	close(master);
	close(slave);
}

/* The card is wiped with the session, like everything the visitor entered. */
static void test_session(void)
{
	struct session *s = calloc(1, sizeof(*s));
	char err[200];
	if (!s)
		return;
	CHECK(parse(good_json, &s->card.record, err, sizeof(err)));
	s->card.event = IDCARD_EVENT_CARD;
	s->card.seq = 3;
	session_wipe(s);
	static const struct idcard_record empty;
	CHECK(memcmp(&s->card.record, &empty, sizeof(empty)) == 0);
	CHECK_INT(s->card.seq, 0);
	free(s);
}

int main(void)
{
	char dir[] = "/tmp/test_idcard.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_records();
	test_check();
	test_frames();
	test_text();
	test_serial();
	test_file_reader(dir);
	test_socket_reader(dir);
	test_spec();
	test_watch(dir);
	test_watch_serial();
	test_session();
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_exit();
}
