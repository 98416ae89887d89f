/* The serial driver for GA 450-family desk readers of the resident identity card, and the protocol's
 * codec (idcard_serial.h).
 *
 * The protocol, as the readers' SAM module speaks it (115200 baud 8N1 by default):
 *   command   AA AA AA 96 69 | LEN1 LEN2 | CMD PARA [data] | CHK
 *   response  AA AA AA 96 69 | LEN1 LEN2 | SW1 SW2 SW3 [data] | CHK
 * LEN (big-endian) counts the bytes after it, the checksum included; CHK is the XOR of every byte
 * after the preamble and before CHK. Commands used: 20 01 find card (SW3 9F: a card is there, 80:
 * none), 20 02 select card (90: selected, 81: failed), 30 01 read the text block and photo (90, then
 * 2 bytes of text length and 2 of photo length, big-endian, 0x0100 and 0x0400, the 256-byte text
 * block and the 1024-byte photo; 41: reading failed). The text block is UCS-2 little-endian, fields
 * padded with spaces: name 30 bytes, sex 2 (GB/T 2261.1: 1 male, 2 female), ethnicity 4 (GB 3304
 * code), birth 16 (YYYYMMDD), address 70, number 36, issuing authority 30, valid from 16, valid to 16
 * (YYYYMMDD, or 长期 for life), reserved 36. The photo is encrypted (WLT) and is never decoded here:
 * it is wiped with the frame.
 * Sources, read with the search tool (public code of reader integrations, not the GA 450 text
 * itself, which is not public):
 *   hevz/hev-idcard-reader src/hev-dbus-object-idcard-reader.c — the find/select/read command bytes
 *     with their checksums, SW3 0x9F and 0x90 tested at byte 9, the text at byte 14, the field
 *     sizes as UCS-2 arrays (name[15], sex, nation[2], birthday[8], address[35], number[18],
 *     authority[15], begin[8], end[8]), sex '1' male;
 *   heavyii/cardreader src/com/dlrc/idcard/IdReader.java and IdInfo.java — the whole frames for the
 *     answers (find ok 00 08 00 00 9F 00 00 00 00 97, find failed 00 04 00 00 80 84, select ok
 *     00 0C … 90 …, select failed … 81 85, read failed … 41 45), 115200 baud, UTF-16LE text;
 *   chenhaifeng2016/FaceRecognitionTest IDCardReader/src/IDReader.h — the 256-byte text block with
 *     its reserved 36 bytes, followed by the 1024-byte photo, and the big-endian length fields.
 * What is verified: the framing, the checksum and the layout against the bytes those sources show,
 * and this driver against a pseudo-terminal playing the reader (tests/unit/test_idcard.c). Not
 * verified: a real device (none here). Real readers may differ in timing (a read takes up to about
 * a second), in whether find keeps answering 9F for a card that stays on the reader, and in extra
 * commands some models want first (SAM status 11 FF, RF frame size 61 FF): a reader that answers
 * none of this shows up in the log as "the reader does not answer". Residence permits for Hong Kong,
 * Macau and Taiwan residents and foreigners' cards use other layouts in the same block; their numbers
 * fail the resident-ID check and fill nothing.
 *
 * The driver polls: every POLL_MS it asks "find"; on a card it selects and reads; one exchange at a
 * time, each with a deadline, so nothing ever waits on the line (non-blocking descriptor). A card
 * that stays on the reader is read again on the next round but reported once: a card whose number
 * was seen within FORGET_MS is the same presentation. */
#include "idcard/idcard_serial.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/secure.h"
#include "core/utf8.h"

#define POLL_MS 500 /* between two "find" commands */
#define ANSWER_MS 500 /* for the answer to find and select */
#define READ_MS 3000 /* for the text and the photo (RF reading plus 1295 bytes at 115200 baud) */
#define FORGET_MS 3000 /* a card read again within this is still the same presentation */
#define SILENT_LIMIT 2 /* unanswered commands in a row before the reader counts as not answering */
#define RX_MAX (IDCARD_PREAMBLE_LEN + 2 + IDCARD_RESPONSE_LEN_MAX)

/* ---- codec ---- */

static uint8_t xor_of(const uint8_t *p, size_t n)
{
	uint8_t x = 0;
	for (size_t i = 0; i < n; i++)
		x ^= p[i];
	return x;
}

size_t idcard_frame_command(uint8_t cmd, uint8_t para, uint8_t out[IDCARD_COMMAND_LEN])
{
	memcpy(out, IDCARD_PREAMBLE, IDCARD_PREAMBLE_LEN);
	out[5] = 0x00;
	out[6] = 0x03; /* CMD, PARA, CHK */
	out[7] = cmd;
	out[8] = para;
	out[9] = xor_of(out + 5, 4);
	return IDCARD_COMMAND_LEN;
}

size_t idcard_frame_response(uint8_t sw3, const uint8_t *data, size_t len, uint8_t *out, size_t cap)
{
	size_t field = 3 + len + 1; /* SW1 SW2 SW3, data, CHK */
	if (field > IDCARD_RESPONSE_LEN_MAX || IDCARD_PREAMBLE_LEN + 2 + field > cap)
		return 0;
	memcpy(out, IDCARD_PREAMBLE, IDCARD_PREAMBLE_LEN);
	out[5] = (uint8_t)(field >> 8);
	out[6] = (uint8_t)field;
	out[7] = 0x00;
	out[8] = 0x00;
	out[9] = sw3;
	if (len)
		memcpy(out + 10, data, len);
	out[10 + len] = xor_of(out + 5, 5 + len);
	return 11 + len;
}

enum idcard_frame_status idcard_frame_parse(const uint8_t *buf, size_t len, struct idcard_frame *f, size_t *used)
{
	*used = 0;
	/* where the next preamble starts, or where one may be starting at the end of what came */
	size_t at = 0;
	while (at < len) {
		size_t n = len - at < IDCARD_PREAMBLE_LEN ? len - at : IDCARD_PREAMBLE_LEN;
		if (memcmp(buf + at, IDCARD_PREAMBLE, n) == 0)
			break;
		at++;
	}
	if (at > 0) {
		*used = at;
		return IDCARD_FRAME_GARBAGE;
	}
	if (len < IDCARD_PREAMBLE_LEN + 2)
		return IDCARD_FRAME_NEED_MORE;
	size_t field = (size_t)buf[5] << 8 | buf[6];
	if (field < 4 || field > IDCARD_RESPONSE_LEN_MAX) { /* SW1 SW2 SW3 CHK at least */
		*used = IDCARD_PREAMBLE_LEN;
		return IDCARD_FRAME_BAD_LENGTH;
	}
	size_t total = IDCARD_PREAMBLE_LEN + 2 + field;
	if (len < total)
		return IDCARD_FRAME_NEED_MORE;
	if (xor_of(buf + 5, total - 6) != buf[total - 1]) {
		*used = IDCARD_PREAMBLE_LEN;
		return IDCARD_FRAME_BAD_CHECKSUM;
	}
	f->sw1 = buf[7];
	f->sw2 = buf[8];
	f->sw3 = buf[9];
	f->data = buf + 10;
	f->data_len = field - 4;
	*used = total;
	return IDCARD_FRAME_OK;
}

bool idcard_ucs2le_decode(const uint8_t *in, size_t units, char *out, size_t cap)
{
	size_t end = units;
	while (end > 0) { /* the padding: spaces, or NULs on some cards */
		uint16_t u = (uint16_t)(in[2 * (end - 1)] | in[2 * (end - 1) + 1] << 8);
		if (u != 0x0020 && u != 0x0000)
			break;
		end--;
	}
	size_t len = 0;
	for (size_t i = 0; i < end; i++) {
		uint16_t u = (uint16_t)(in[2 * i] | in[2 * i + 1] << 8);
		char buf[4];
		if (u >= 0xD800 && u <= 0xDFFF)
			return false;
		if (u == 0) /* a NUL inside: the text ends there */
			break;
		size_t n = utf8_encode(u, buf);
		if (len + n + 1 > cap)
			return false;
		memcpy(out + len, buf, n);
		len += n;
	}
	out[len] = '\0';
	return true;
}

/* The ASCII text of a field whose characters must all be in allowed (digits, X); false otherwise. */
static bool ascii_field(const uint8_t *in, size_t units, const char *allowed, char *out, size_t cap)
{
	char text[64];
	if (!idcard_ucs2le_decode(in, units, text, sizeof(text)) || strlen(text) >= cap ||
	    strspn(text, allowed) != strlen(text))
		return false;
	memcpy(out, text, strlen(text) + 1);
	return true;
}

bool idcard_text_decode(const uint8_t text[IDCARD_TEXT_LEN], struct idcard_record *out, char *why, size_t whylen)
{
	static const char digits[] = "0123456789";
	const char *bad = NULL;
	char sex[4] = "", to[16] = "";
	memset(out, 0, sizeof(*out));
	if (!idcard_ucs2le_decode(text, 15, out->name, sizeof(out->name)) || !out->name[0])
		bad = "name";
	else if (!ascii_field(text + 30, 1, "0129", sex, sizeof(sex)) || strlen(sex) != 1)
		bad = "sex";
	else if (!ascii_field(text + 32, 2, digits, out->ethnicity, sizeof(out->ethnicity)) || strlen(out->ethnicity) != 2)
		bad = "ethnicity";
	else if (!ascii_field(text + 36, 8, digits, out->birth, sizeof(out->birth)) || strlen(out->birth) != 8)
		bad = "birth date";
	else if (!idcard_ucs2le_decode(text + 52, 35, out->address, sizeof(out->address)))
		bad = "address";
	else if (!ascii_field(text + 122, 18, "0123456789X", out->number, sizeof(out->number)) || strlen(out->number) != 18)
		bad = "number";
	else if (!idcard_ucs2le_decode(text + 158, 15, out->authority, sizeof(out->authority)))
		bad = "authority";
	else if (!ascii_field(text + 188, 8, digits, out->valid_from, sizeof(out->valid_from)) || strlen(out->valid_from) != 8)
		bad = "valid from";
	else if (!idcard_ucs2le_decode(text + 204, 8, to, sizeof(to)))
		bad = "valid to";
	if (!bad && strcmp(to, "长期") == 0)
		out->valid_to[0] = '\0';
	else if (!bad && strlen(to) == 8 && strspn(to, digits) == 8)
		memcpy(out->valid_to, to, 9);
	else if (!bad)
		bad = "valid to";
	if (bad) {
		snprintf(why, whylen, "the card's %s is not what a card holds", bad);
		idcard_record_wipe(out);
		secure_wipe(to, sizeof(to));
		return false;
	}
	out->sex = sex[0] == '1' ? 'M' : sex[0] == '2' ? 'F' : 0;
	secure_wipe(to, sizeof(to));
	return true;
}

/* ---- the driver ---- */

enum exchange { IDLE, AWAIT_FIND, AWAIT_SELECT, AWAIT_READ };

struct serial_reader {
	int fd;
	enum exchange state;
	uint64_t deadline; /* of the answer awaited */
	uint64_t next_find; /* when IDLE asks again */
	bool started;
	bool live;
	int silent; /* commands in a row without an answer */
	bool damaged_said; /* a damaged frame was reported since the last good one */
	bool failure_said; /* a card that could not be read was reported; again only once it is taken away */
	char last[19]; /* the number of the card read last (wiped once forgotten) */
	uint64_t last_seen;
	uint8_t rx[RX_MAX];
	size_t rx_len;
};

static bool speed_for(const char *text, speed_t *speed)
{
	static const struct {
		const char *text;
		speed_t speed;
	} speeds[] = {{"9600", B9600}, {"19200", B19200}, {"38400", B38400}, {"57600", B57600}, {"115200", B115200}};
	for (size_t i = 0; i < sizeof(speeds) / sizeof(speeds[0]); i++) {
		if (strcmp(text, speeds[i].text) == 0) {
			*speed = speeds[i].speed;
			return true;
		}
	}
	return false;
}

static void *serial_open(const char *arg, char *err, size_t errlen)
{
	char path[256];
	speed_t speed = B115200;
	struct termios tio;
	size_t path_len = strcspn(arg, "@");
	struct serial_reader *s = calloc(1, sizeof(*s));
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	s->fd = -1;
	if (path_len >= sizeof(path) || (arg[path_len] == '@' && !speed_for(arg + path_len + 1, &speed))) {
		snprintf(err, errlen, "serial: a device path and an optional @speed (9600 … 115200)");
		goto fail;
	}
	snprintf(path, sizeof(path), "%.*s", (int)path_len, arg);
	s->fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (s->fd < 0) {
		snprintf(err, errlen, "serial: cannot open %s: %s", path, strerror(errno));
		goto fail;
	}
	if (tcgetattr(s->fd, &tio) != 0) {
		snprintf(err, errlen, "serial: %s is not a serial line: %s", path, strerror(errno));
		goto fail;
	}
	/* raw bytes, 8N1, no flow control, no echo: the frames are binary */
	tio.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF | IXANY);
	tio.c_oflag &= ~(tcflag_t)OPOST;
	tio.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	tio.c_cflag &= ~(tcflag_t)(CSIZE | PARENB | CSTOPB);
	tio.c_cflag |= CS8 | CLOCAL | CREAD;
	/* VMIN 1: with O_NONBLOCK an empty line reads as EAGAIN, and 0 bytes only on a hang-up (with
	 * VMIN 0, Linux returns 0 for "nothing yet" too, which could not be told apart) */
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	if (cfsetispeed(&tio, speed) != 0 || cfsetospeed(&tio, speed) != 0 || tcsetattr(s->fd, TCSANOW, &tio) != 0) {
		snprintf(err, errlen, "serial: cannot set up %s: %s", path, strerror(errno));
		goto fail;
	}
	tcflush(s->fd, TCIOFLUSH);
	return s;
fail:
	if (s->fd >= 0)
		close(s->fd);
	free(s);
	return NULL;
}

/* Drops n bytes from the front of the receive buffer, wiping what they held. */
static void drop(struct serial_reader *s, size_t n)
{
	memmove(s->rx, s->rx + n, s->rx_len - n);
	secure_wipe(s->rx + s->rx_len - n, n);
	s->rx_len -= n;
}

static bool send_command(struct serial_reader *s, uint8_t cmd, uint8_t para, enum exchange next, uint64_t now,
			 uint64_t within)
{
	uint8_t frame[IDCARD_COMMAND_LEN];
	idcard_frame_command(cmd, para, frame);
	ssize_t n = write(s->fd, frame, sizeof(frame));
	if (n != (ssize_t)sizeof(frame))
		return false; /* a full line (EAGAIN) or a short write: the round is tried again */
	s->state = next;
	s->deadline = now + within;
	return true;
}

/* A card on the reader that could not be read: said once, not at every round while it stays. */
static enum idcard_poll read_failed(struct serial_reader *s)
{
	if (s->failure_said)
		return IDCARD_POLL_NONE;
	s->failure_said = true;
	return IDCARD_POLL_UNREADABLE;
}

/* The read answer's data: text length, photo length, text, photo. */
static enum idcard_poll take_text(const struct idcard_frame *f, uint64_t now, struct serial_reader *s,
				  struct idcard_record *out, char *why, size_t whylen)
{
	if (f->data_len < 4 + IDCARD_TEXT_LEN || ((size_t)f->data[0] << 8 | f->data[1]) != IDCARD_TEXT_LEN ||
	    4 + IDCARD_TEXT_LEN + ((size_t)f->data[2] << 8 | f->data[3]) > f->data_len) {
		snprintf(why, whylen, "the reader's answer to read has an unexpected layout");
		return read_failed(s);
	}
	if (!idcard_text_decode(f->data + 4, out, why, whylen))
		return read_failed(s);
	s->failure_said = false;
	bool same = s->last[0] && now - s->last_seen < FORGET_MS && strcmp(s->last, out->number) == 0;
	memcpy(s->last, out->number, sizeof(s->last));
	s->last_seen = now;
	if (same) {
		idcard_record_wipe(out);
		return IDCARD_POLL_NONE;
	}
	return IDCARD_POLL_CARD;
}

/* Acts on one whole answer frame. */
static enum idcard_poll on_frame(struct serial_reader *s, const struct idcard_frame *f, uint64_t now,
				 struct idcard_record *out, char *why, size_t whylen)
{
	enum exchange was = s->state;
	s->live = true;
	s->silent = 0;
	s->damaged_said = false;
	s->state = IDLE;
	switch (was) {
	case IDLE: /* nothing was asked: an echo or a late answer */
		break;
	case AWAIT_FIND:
		if (f->sw3 == IDCARD_SW_CARD_FOUND)
			send_command(s, IDCARD_CMD_SELECT, AWAIT_SELECT, now, ANSWER_MS);
		else
			s->failure_said = false; /* no card there */
		break;
	case AWAIT_SELECT:
		if (f->sw3 == IDCARD_SW_OK)
			send_command(s, IDCARD_CMD_READ_TEXT, AWAIT_READ, now, READ_MS);
		break;
	case AWAIT_READ:
		if (f->sw3 == IDCARD_SW_OK)
			return take_text(f, now, s, out, why, whylen);
		snprintf(why, whylen, "the reader could not read the card (status %02X)", f->sw3);
		return read_failed(s);
	}
	return IDCARD_POLL_NONE;
}

static enum idcard_poll serial_poll(void *drv, uint64_t now, struct idcard_record *out, char *why, size_t whylen)
{
	struct serial_reader *s = drv;
	enum idcard_poll result = IDCARD_POLL_NONE;
	if (!s->started) {
		s->started = true;
		s->next_find = now;
	}
	for (;;) { /* what the line has */
		if (s->rx_len == sizeof(s->rx))
			drop(s, s->rx_len); /* cannot happen with the parser dropping garbage; never overflow */
		ssize_t n = read(s->fd, s->rx + s->rx_len, sizeof(s->rx) - s->rx_len);
		if (n > 0) {
			s->rx_len += (size_t)n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) { /* hung up, unplugged */
			snprintf(why, whylen, "serial: the device went away: %s", n == 0 ? "end of file" : strerror(errno));
			return IDCARD_POLL_GONE;
		}
		break;
	}
	while (result == IDCARD_POLL_NONE && s->rx_len) {
		struct idcard_frame f;
		size_t used;
		enum idcard_frame_status st = idcard_frame_parse(s->rx, s->rx_len, &f, &used);
		if (st == IDCARD_FRAME_NEED_MORE)
			break;
		if (st == IDCARD_FRAME_OK) {
			result = on_frame(s, &f, now, out, why, whylen);
		} else if (st != IDCARD_FRAME_GARBAGE && s->state != IDLE) {
			/* a damaged answer: this round is given up, the next find starts over */
			s->state = IDLE;
			if (!s->damaged_said) {
				snprintf(why, whylen, "serial: a damaged frame from the reader (%s)",
					 st == IDCARD_FRAME_BAD_CHECKSUM ? "checksum" : "length");
				s->damaged_said = true;
				result = IDCARD_POLL_FAULT;
			}
		}
		drop(s, used);
	}
	if (result != IDCARD_POLL_NONE)
		return result;
	if (s->state != IDLE && now >= s->deadline) { /* no (whole) answer in time */
		s->state = IDLE;
		drop(s, s->rx_len);
		if (++s->silent >= SILENT_LIMIT && s->live) {
			s->live = false;
			snprintf(why, whylen, "serial: the reader does not answer");
			result = IDCARD_POLL_FAULT;
		}
	}
	if (s->last[0] && now - s->last_seen >= FORGET_MS)
		secure_wipe(s->last, sizeof(s->last));
	if (s->state == IDLE && now >= s->next_find) {
		s->next_find = now + POLL_MS;
		send_command(s, IDCARD_CMD_FIND, AWAIT_FIND, now, ANSWER_MS);
	}
	return result;
}

static int serial_wait(void *drv, uint64_t now, int *timeout_ms)
{
	struct serial_reader *s = drv;
	uint64_t at = !s->started ? now : s->state != IDLE ? s->deadline : s->next_find;
	*timeout_ms = at <= now ? 0 : (int)(at - now);
	return s->fd;
}

static bool serial_live(void *drv)
{
	return ((struct serial_reader *)drv)->live;
}

static void serial_close(void *drv)
{
	struct serial_reader *s = drv;
	close(s->fd);
	secure_wipe(s, sizeof(*s));
	free(s);
}

const struct idcard_driver idcard_serial_driver = {"serial", serial_open, serial_poll, serial_wait, serial_live,
						   serial_close};
