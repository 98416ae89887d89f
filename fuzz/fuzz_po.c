/* Fuzz target: a gettext catalogue (.po/.pot, the interface texts in assets/i18n) through the bounded
 * reader core/po_parse.c, and the header fields the kiosk reads from it.
 * Input: the catalogue's text.
 * Invariants: the result is 0, -1 (with "LINE: reason"), -2 or the callback's own value; every entry's
 * strings are NUL-terminated, within PO_TEXT_MAX, valid UTF-8 without NUL; entries come in file
 * order; a callback that stops the parse stops it at once with its value. */
#include <string.h>

#include "core/po_parse.h"
#include "fuzz_common.h"

struct seen {
	int entries, last_line, stop_at;
};

static void check_string(const char *s)
{
	size_t n = strnlen(s, PO_TEXT_MAX + 1);
	FUZZ_CHECK(n <= PO_TEXT_MAX);
	FUZZ_CHECK(utf8_valid(s, n));
}

static int on_entry(void *ctx, const struct po_entry *e, char *err, size_t errlen)
{
	struct seen *s = ctx;
	FUZZ_CHECK(e->msgid != NULL && e->msgstr != NULL);
	check_string(e->msgid);
	check_string(e->msgstr);
	if (e->msgctxt)
		check_string(e->msgctxt);
	FUZZ_CHECK(e->line >= 1 && e->line >= s->last_line);
	s->last_line = e->line;
	if (e->msgid[0] == '\0' && !e->msgctxt) { /* the header: the fields the kiosk reads */
		static const char *const fields[] = {"Language", "Content-Type", "Plural-Forms", ""};
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			char value[64];
			if (po_header_field(e->msgstr, fields[i], value, sizeof(value)))
				FUZZ_CHECK(strlen(value) < sizeof(value));
			char tiny[1];
			po_header_field(e->msgstr, fields[i], tiny, sizeof(tiny));
		}
	}
	if (++s->entries == s->stop_at) {
		snprintf(err, errlen, "stopped at %d", s->entries);
		return 7;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 256 * 1024)
		return 0;
	char err[256];
	struct seen all = {0, 0, -1};
	int rc = po_parse((const char *)data, size, on_entry, &all, err, sizeof(err));
	FUZZ_CHECK(rc == 0 || rc == -1 || rc == -2);
	if (rc == -1)
		FUZZ_CHECK(err[0] >= '0' && err[0] <= '9' && strchr(err, ':') && strlen(err) < sizeof(err));
	if (all.entries > 0) {
		struct seen first = {0, 0, 1};
		int stopped = po_parse((const char *)data, size, on_entry, &first, err, sizeof(err));
		FUZZ_CHECK(first.entries == 1 && stopped == 7 && strcmp(err, "stopped at 1") == 0);
	}
	return 0;
}
