/* The serial protocol of GA 450-family desk readers of the resident identity card (the reader's SAM
 * module speaks it; USB models often show up as a serial port too), and its byte-level codec, apart
 * from the driver (idcard_serial.c) so tests can exercise every frame. Sources: idcard_serial.c. */
#ifndef KIOSK_IDCARD_IDCARD_SERIAL_H
#define KIOSK_IDCARD_IDCARD_SERIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "idcard/idcard.h"

/* Every frame starts with this preamble. */
#define IDCARD_PREAMBLE "\xAA\xAA\xAA\x96\x69"
#define IDCARD_PREAMBLE_LEN 5
/* A command frame: preamble, length (2 bytes, big-endian, counting what follows), CMD, PARA, checksum. */
#define IDCARD_COMMAND_LEN 10
/* The longest response accepted (the length field): text, photo and fingerprint with room to spare. */
#define IDCARD_RESPONSE_LEN_MAX 2400
/* The card's text block: 256 bytes of UCS-2LE. */
#define IDCARD_TEXT_LEN 256

/* Commands (CMD, PARA). */
#define IDCARD_CMD_FIND 0x20, 0x01 /* 寻找证/卡: is a card on the reader? */
#define IDCARD_CMD_SELECT 0x20, 0x02 /* 选取证/卡 */
#define IDCARD_CMD_READ_TEXT 0x30, 0x01 /* 读卡体基本信息: text block and photo */

/* The operation status (SW3) of a response. */
#define IDCARD_SW_OK 0x90
#define IDCARD_SW_CARD_FOUND 0x9F
#define IDCARD_SW_NO_CARD 0x80
#define IDCARD_SW_SELECT_FAILED 0x81
#define IDCARD_SW_READ_FAILED 0x41

/* A response frame: preamble, length, SW1 SW2 SW3, data, checksum. data points into the buffer parsed. */
struct idcard_frame {
	uint8_t sw1, sw2, sw3;
	const uint8_t *data;
	size_t data_len;
};

enum idcard_frame_status {
	IDCARD_FRAME_NEED_MORE, /* a frame has begun: wait for the rest */
	IDCARD_FRAME_OK, /* *f is a whole frame */
	IDCARD_FRAME_GARBAGE, /* bytes before a preamble (line noise, a frame cut short) */
	IDCARD_FRAME_BAD_LENGTH, /* a preamble with an impossible length */
	IDCARD_FRAME_BAD_CHECKSUM, /* a whole frame whose checksum does not match */
};

/* Writes the command frame for (cmd, para) into out; returns IDCARD_COMMAND_LEN. */
size_t idcard_frame_command(uint8_t cmd, uint8_t para, uint8_t out[IDCARD_COMMAND_LEN]);
/* Writes a response frame with status sw3 and data (a reader's side: tests and emulators); returns
 * its length, 0 when it does not fit in cap or data is too long. */
size_t idcard_frame_response(uint8_t sw3, const uint8_t *data, size_t len, uint8_t *out, size_t cap);
/* Looks at the start of buf[0..len) for one response frame. *used is how many bytes to drop from the
 * front: the frame (OK), the bytes before the next preamble (GARBAGE), or the preamble of a bad frame
 * so the search resumes after it (BAD_LENGTH, BAD_CHECKSUM); 0 with NEED_MORE. */
enum idcard_frame_status idcard_frame_parse(const uint8_t *buf, size_t len, struct idcard_frame *f, size_t *used);

/* Decodes units UCS-2 little-endian code units to UTF-8 into out (cap bytes with the NUL), trimming
 * the spaces and NULs a card pads its fields with. False for a surrogate unit (UCS-2 has none) or
 * when out is too small. */
bool idcard_ucs2le_decode(const uint8_t *in, size_t units, char *out, size_t cap);
/* Decodes the card's text block (name 30 bytes, sex 2, ethnicity 4, birth 16, address 70, number
 * 36, authority 30, valid from 16, valid to 16, reserved 36) into *out; false with why (naming the
 * field, never its value) when a field is not what a card holds. */
bool idcard_text_decode(const uint8_t text[IDCARD_TEXT_LEN], struct idcard_record *out, char *why, size_t whylen);

#endif
