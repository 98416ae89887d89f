/* A small, bounded reader of GNU gettext catalogues (.po and .pot), the format of the kiosk's interface
 * texts (assets/i18n). Pure: no files, no allocation the caller sees, no logging, so a fuzzer can call
 * it on any bytes. It understands what the kiosk's catalogues use: comments (# translator, #. extracted,
 * #: reference, #, flags, #| previous), msgctxt, msgid, msgstr, "…" continuation lines, the escapes
 * \n \t \" \\, and skips obsolete entries (#~). Plural forms (msgid_plural, msgstr[n]) are refused: the
 * kiosk has none. Limits: each string at most PO_TEXT_MAX bytes once unescaped, each must be valid
 * UTF-8 without NUL. The first error stops the parse with "LINE: what is wrong" in err. */
#ifndef KIOSK_CORE_PO_PARSE_H
#define KIOSK_CORE_PO_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#define PO_TEXT_MAX 8192 /* bytes of one msgctxt, msgid or msgstr, without the NUL */

/* One entry, handed to the callback; its strings are borrowed for the duration of the call. */
struct po_entry {
	const char *msgctxt; /* NULL when the entry has none (the header has none) */
	const char *msgid;   /* "" with no msgctxt: the header entry, its fields in msgstr */
	const char *msgstr;
	int line;	   /* line of the entry's msgctxt or msgid, for messages */
	bool fuzzy;	   /* "#, fuzzy": a guess a translator has not confirmed */
	bool brace_format; /* "#, python-brace-format": the text has {name} holes */
	const char *flags; /* every "#," flag of the entry, ", " between them ("" when none; cut at 255 bytes) */
};

/* Called once per entry in file order; returns 0 to go on, anything else to stop the parse (which then
 * returns that value; write the reason into err, which holds errlen bytes). */
typedef int (*po_entry_fn)(void *ctx, const struct po_entry *entry, char *err, size_t errlen);

/* Parses text[0..len) (no NUL needed); 0 when every entry was read and accepted, -1 on malformed input
 * with "LINE: reason" in err, -2 when out of memory, or the callback's non-zero value. */
int po_parse(const char *text, size_t len, po_entry_fn fn, void *ctx, char *err, size_t errlen);

/* Copies the value of header field name ("Language", "Content-Type"…) from a header msgstr into out
 * (cut to fit); false when the header has no such field. */
bool po_header_field(const char *header, const char *name, char *out, size_t outlen);

#endif
