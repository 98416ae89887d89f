/* Session values; see session.h. Linear lookups: a session holds a few dozen values at most. */
#include "app/session.h"

#include <stdio.h>
#include <string.h>

#include "core/secure.h"

struct ui_field *session_field(struct session *s, const char *key, size_t max_chars)
{
	for (int i = 0; i < s->field_count; i++) {
		if (strcmp(s->fields[i].key, key) == 0)
			return &s->fields[i].field;
	}
	if (s->field_count == SESSION_FIELDS)
		return NULL;
	int i = s->field_count++;
	snprintf(s->fields[i].key, SESSION_KEY_MAX, "%s", key);
	memset(&s->fields[i].field, 0, sizeof(s->fields[i].field));
	s->fields[i].field.max_chars = max_chars;
	return &s->fields[i].field;
}

int *session_int(struct session *s, const char *key, int initial)
{
	for (int i = 0; i < s->int_count; i++) {
		if (strcmp(s->ints[i].key, key) == 0)
			return &s->ints[i].value;
	}
	static int overflow;
	if (s->int_count == SESSION_INTS) {
		overflow = initial;
		return &overflow;
	}
	int i = s->int_count++;
	snprintf(s->ints[i].key, SESSION_KEY_MAX, "%s", key);
	s->ints[i].value = initial;
	return &s->ints[i].value;
}

void *session_blob(struct session *s, const char *key, size_t size)
{
	for (int i = 0; i < s->blob_count; i++) {
		if (strcmp(s->blobs[i].key, key) == 0)
			return s->blobs[i].size == size ? s->arena + s->blobs[i].offset : NULL;
	}
	size_t align = _Alignof(max_align_t);
	size_t at = (s->arena_used + align - 1) / align * align;
	if (s->blob_count == SESSION_BLOBS || size == 0 || size > SESSION_ARENA || at > SESSION_ARENA - size)
		return NULL;
	int i = s->blob_count++;
	snprintf(s->blobs[i].key, SESSION_KEY_MAX, "%s", key);
	s->blobs[i].offset = at;
	s->blobs[i].size = size;
	s->arena_used = at + size;
	memset(s->arena + at, 0, size);
	return s->arena + at;
}

void session_wipe(struct session *s)
{
	secure_wipe(s, sizeof(*s));
}
