/* One visitor's session: every value they entered (text fields, choices) in one place, so that the
 * end of a session wipes all of it from memory. Screens reach their values by key. */
#ifndef KIOSK_APP_SESSION_H
#define KIOSK_APP_SESSION_H

#include "ui/widgets.h"

#define SESSION_FIELDS 48
#define SESSION_INTS 48
#define SESSION_KEY_MAX 40

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
};

/* The text field value called key, created empty (capped at max_chars) on first use; NULL when the
 * session is full. */
struct ui_field *session_field(struct session *s, const char *key, size_t max_chars);
/* The integer called key (choices, selected days), created as initial on first use. */
int *session_int(struct session *s, const char *key, int initial);
/* Wipes every value from memory and forgets every key. */
void session_wipe(struct session *s);

#endif
