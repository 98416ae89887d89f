/* One visitor's session: every value they entered (text fields, choices) in one place, so that the
 * end of a session wipes all of it from memory. Screens reach their values by key. */
#ifndef KIOSK_APP_SESSION_H
#define KIOSK_APP_SESSION_H

#include <stddef.h>

#include "idcard/idcard.h"
#include "ui/widgets.h"

#define SESSION_FIELDS 48
#define SESSION_INTS 48
#define SESSION_KEY_MAX 40
#define SESSION_BLOBS 8
#define SESSION_ARENA (64 * 1024) /* bytes for blobs */

struct session {
	struct {
		char key[SESSION_KEY_MAX];
		struct ui_field field;
	} fields[SESSION_FIELDS];
	int field_count;
	struct {
		char key[SESSION_KEY_MAX];
		int value;
	} ints[SESSION_INTS];
	int int_count;
	struct {
		char key[SESSION_KEY_MAX];
		size_t offset, size;
	} blobs[SESSION_BLOBS];
	int blob_count;
	size_t arena_used;
	_Alignas(max_align_t) unsigned char arena[SESSION_ARENA];
	/* The identity card presented last on a form (screens/idcard_fill.h), put here by the app and
	 * wiped with everything else: event is an enum idcard_event, seq counts this session's cards. */
	struct {
		unsigned seq;
		int event;
		struct idcard_record record;
	} card;
};

/* The text field value called key, created empty (capped at max_chars) on first use; NULL when the
 * session is full. */
struct ui_field *session_field(struct session *s, const char *key, size_t max_chars);
/* The integer called key (choices, selected days), created as initial on first use. */
int *session_int(struct session *s, const char *key, int initial);
/* A block of size bytes called key (an answer from the backend, parsed, too big for fields), zeroed
 * on first use; NULL when the session has no room or key was first asked for with another size. */
void *session_blob(struct session *s, const char *key, size_t size);
/* Wipes every value from memory and forgets every key. */
void session_wipe(struct session *s);

#endif
