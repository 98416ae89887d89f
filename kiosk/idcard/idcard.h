/* The resident identity card (居民身份证) read by a desk reader, so visitors need not type their name
 * and number: the card's record, the check a form makes before filling from it, and the reader
 * interface with its drivers, chosen by the configuration's [idcard] reader:
 *   none                   no reader (the default)
 *   file:/path             idcard_sim.c: a file a test or a demo writes one card record into
 *   socket:/path           idcard_sim.c: a Unix datagram socket the kiosk binds; one record a datagram
 *   serial:/dev/X[@BAUD]   idcard_serial.c: a GA 450-family desk reader on a serial line (115200 baud)
 * The record format of the simulated reader is docs/idcard.md's. Drivers never block: a poll reads
 * what is there and returns; the reader thread (idcard_watch.h) waits on what a driver names.
 * Every buffer has the card's own capacity (the text block of the card: 15 characters of name, 35
 * of address), so a record from a file or a socket can hold no more than a card can.
 * The record is personal data: wipe it (idcard_record_wipe) and never log it. */
#ifndef KIOSK_IDCARD_IDCARD_H
#define KIOSK_IDCARD_IDCARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/civil_date.h"

/* Characters each text of the card holds (its 256-byte UCS-2 text block: 30 bytes of name, …). */
#define IDCARD_NAME_CHARS 15
#define IDCARD_ADDRESS_CHARS 35
#define IDCARD_AUTHORITY_CHARS 15
/* A UCS-2 character is at most 3 bytes of UTF-8. */
#define IDCARD_NAME_MAX (IDCARD_NAME_CHARS * 3 + 1)
#define IDCARD_ADDRESS_MAX (IDCARD_ADDRESS_CHARS * 3 + 1)
#define IDCARD_AUTHORITY_MAX (IDCARD_AUTHORITY_CHARS * 3 + 1)
/* The largest record a simulated reader accepts, in bytes of JSON. */
#define IDCARD_JSON_MAX 4096

/* What a card says, as text. Dates are YYYYMMDD as on the card. */
struct idcard_record {
	char name[IDCARD_NAME_MAX]; /* 姓名, UTF-8 */
	char sex; /* 性别: 'M', 'F', or 0 when the card says neither */
	char ethnicity[3]; /* 民族: the two-digit code of GB 3304 ("01" 汉) */
	char birth[9]; /* 出生 */
	char address[IDCARD_ADDRESS_MAX]; /* 住址 */
	char number[19]; /* 公民身份号码: 18 characters, X in upper case */
	char authority[IDCARD_AUTHORITY_MAX]; /* 签发机关 */
	char valid_from[9]; /* 有效期限 from */
	char valid_to[9]; /* to; "" for a card valid for the holder's lifetime (长期) */
};

/* Whether a form may fill from a card, and why not. */
enum idcard_verdict {
	IDCARD_USABLE,
	IDCARD_BAD_NUMBER, /* the number fails GB 11643 (check digit, length, birth date in it) */
	IDCARD_EXPIRED, /* the validity ended before today */
	IDCARD_UNREADABLE, /* the card's fields disagree (birth date or sex against the number, dates out
			      of order, no name): read it again */
};

/* Reads a record from JSON (docs/idcard.md): one object with the card's fields; false with a reason
 * (naming the field, never its value) in err. Document rules are not checked here (idcard_check is),
 * so a card with a wrong check digit can be simulated; lengths and shapes are. */
bool idcard_record_from_json(const char *json, size_t len, struct idcard_record *out, char *err, size_t errlen);
/* Whether the card may fill a form on the civil date today. */
enum idcard_verdict idcard_check(const struct idcard_record *r, struct civil_date today);
/* Wipes the record from memory. */
void idcard_record_wipe(struct idcard_record *r);

/* ---- readers ---- */

enum idcard_poll {
	IDCARD_POLL_NONE, /* nothing new */
	IDCARD_POLL_CARD, /* a card was presented: *out holds it */
	IDCARD_POLL_UNREADABLE, /* a card (or a record) came but could not be read: why says what */
	IDCARD_POLL_FAULT, /* the reader misbehaves (no answer, a damaged frame): why says what, once */
	IDCARD_POLL_GONE, /* the device went away (unplugged): close it and open it again later */
};

/* A driver: the operations of one kind of reader. */
struct idcard_driver {
	const char *scheme; /* "file", "socket", "serial" */
	/* Opens the reader at arg (what follows "scheme:"); NULL with a reason in err. */
	void *(*open)(const char *arg, char *err, size_t errlen);
	/* Reads what the reader has sent and moves its exchange on, without blocking. now_ms is a
	 * monotonic clock. why gets a reason without card data for UNREADABLE, FAULT and GONE. */
	enum idcard_poll (*poll)(void *drv, uint64_t now_ms, struct idcard_record *out, char *why, size_t whylen);
	/* What to wait for before the next poll: returns a descriptor to wait on for input (-1: none)
	 * and sets *timeout_ms (-1: no deadline, only the descriptor). */
	int (*wait)(void *drv, uint64_t now_ms, int *timeout_ms);
	/* True while the reader answers (a serial reader that stopped answering is not). */
	bool (*live)(void *drv);
	/* Closes the reader and wipes what it held. */
	void (*close)(void *drv);
};

extern const struct idcard_driver idcard_file_driver;
extern const struct idcard_driver idcard_socket_driver;
extern const struct idcard_driver idcard_serial_driver;

/* True when spec is a valid [idcard] reader value; false with a reason in err (for --check-config). */
bool idcard_spec_check(const char *spec, char *err, size_t errlen);
/* True when spec names no reader ("none" or empty). */
bool idcard_spec_is_none(const char *spec);

/* An open reader: a driver and its state. */
struct idcard_reader;

/* Opens the reader spec names; NULL with a reason in err (also for "none"). */
struct idcard_reader *idcard_reader_open(const char *spec, char *err, size_t errlen);
/* See struct idcard_driver. */
enum idcard_poll idcard_reader_poll(struct idcard_reader *r, uint64_t now_ms, struct idcard_record *out, char *why,
				    size_t whylen);
int idcard_reader_wait(struct idcard_reader *r, uint64_t now_ms, int *timeout_ms);
bool idcard_reader_live(struct idcard_reader *r);
/* Closes the reader; NULL is a no-op. */
void idcard_reader_close(struct idcard_reader *r);

#endif
