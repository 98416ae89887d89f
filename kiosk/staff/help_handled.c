/* Handled help requests; see help_handled.h. */
#include "staff/help_handled.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/atomic_file.h"
#include "core/log.h"

static void path_of(const char *data_dir, char *out, size_t len)
{
	snprintf(out, len, "%s/help_handled", data_dir);
}

void help_handled_load(struct help_handled *h, const char *data_dir)
{
	char path[1100];
	memset(h, 0, sizeof(*h));
	if (!data_dir)
		return;
	path_of(data_dir, path, sizeof(path));
	char *text = atomic_file_read(path, HELP_HANDLED_MAX * 40, NULL);
	for (char *line = text, *next; line && *line && h->count < HELP_HANDLED_MAX; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		if (strlen(line) == 36)
			snprintf(h->keys[h->count++], sizeof(h->keys[0]), "%s", line);
	}
	free(text);
}

bool help_handled_has(const struct help_handled *h, const char *key)
{
	for (int i = 0; i < h->count; i++) {
		if (strcmp(h->keys[i], key) == 0)
			return true;
	}
	return false;
}

bool help_handled_mark(struct help_handled *h, const char *data_dir, const char *key)
{
	char path[1100], err[256];
	if (!data_dir || strlen(key) != 36)
		return false;
	if (help_handled_has(h, key))
		return true;
	if (h->count == HELP_HANDLED_MAX) { /* forget the oldest */
		memmove(h->keys[0], h->keys[1], sizeof(h->keys[0]) * (HELP_HANDLED_MAX - 1));
		h->count--;
	}
	snprintf(h->keys[h->count++], sizeof(h->keys[0]), "%s", key);
	char text[HELP_HANDLED_MAX * 37 + 1];
	size_t used = 0;
	for (int i = 0; i < h->count; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used, "%s\n", h->keys[i]);
	path_of(data_dir, path, sizeof(path));
	if (!atomic_file_write(path, text, used, 0600, err, sizeof(err))) {
		kiosk_log(LOG_ERROR, "staff: cannot keep the handled help requests: %s", err);
		return false;
	}
	return true;
}
