/* gettext catalogue reader; see po_parse.h. Works line by line on the caller's bytes with one
 * allocation per call (the three string buffers), so its memory is bounded whatever the input. An
 * entry ends where the next one begins (a comment or msgctxt/msgid after its msgstr) or at the end
 * of the text; blank lines are layout only, as in gettext. */
#include "core/po_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

enum field { FIELD_NONE, FIELD_CTXT, FIELD_ID, FIELD_STR, FIELD_COUNT };

struct parser {
	char text[FIELD_COUNT][PO_TEXT_MAX + 1];
	size_t len[FIELD_COUNT];
	bool has[FIELD_COUNT];
	enum field current; /* what a continuation line "…" adds to */
	int entry_line, line;
	bool fuzzy, brace_format;
	char flags[256];
	size_t flags_len;
	po_entry_fn fn;
	void *ctx;
	char *err;
	size_t errlen;
};

static const char *const field_names[FIELD_COUNT] = {"", "msgctxt", "msgid", "msgstr"};

static int fail(struct parser *p, const char *what)
{
	snprintf(p->err, p->errlen, "%d: %s", p->line, what);
	return -1;
}

static void reset(struct parser *p)
{
	for (int f = 0; f < FIELD_COUNT; f++) {
		p->len[f] = 0;
		p->has[f] = false;
		p->text[f][0] = '\0';
	}
	p->current = FIELD_NONE;
	p->fuzzy = p->brace_format = false;
	p->flags[0] = '\0';
	p->flags_len = 0;
	p->entry_line = 0;
}

/* Hands the finished entry to the callback and starts a new one. */
static int flush(struct parser *p)
{
	for (int f = FIELD_CTXT; f < FIELD_COUNT; f++) {
		if (!utf8_valid(p->text[f], p->len[f])) {
			snprintf(p->err, p->errlen, "%d: %s is not valid UTF-8 (save the file as UTF-8)", p->entry_line,
				 field_names[f]);
			return -1;
		}
	}
	struct po_entry e = {p->has[FIELD_CTXT] ? p->text[FIELD_CTXT] : NULL,
			     p->text[FIELD_ID],
			     p->text[FIELD_STR],
			     p->entry_line,
			     p->fuzzy,
			     p->brace_format,
			     p->flags};
	int rc = p->fn(p->ctx, &e, p->err, p->errlen);
	reset(p);
	return rc;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Appends the quoted string at s[0..n) (leading blanks allowed) to field f, unescaping it. */
static int append_quoted(struct parser *p, enum field f, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && blank(s[i]))
		i++;
	if (i == n || s[i] != '"')
		return fail(p, "expected a text in \"double quotes\"");
	i++;
	for (;;) {
		if (i == n)
			return fail(p, "the text has no closing quote");
		char c = s[i++];
		if (c == '"')
			break;
		if (c == '\0')
			return fail(p, "a NUL byte in the text");
		if (c == '\\') {
			if (i == n)
				return fail(p, "the text has no closing quote");
			char e = s[i++];
			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			default: return fail(p, "unknown escape (use \\n, \\t, \\\" or \\\\)");
			}
		}
		if (p->len[f] == PO_TEXT_MAX)
			return fail(p, "text longer than 8192 bytes");
		p->text[f][p->len[f]++] = c;
	}
	p->text[f][p->len[f]] = '\0';
	while (i < n && blank(s[i]))
		i++;
	if (i != n)
		return fail(p, "something after the closing quote");
	return 0;
}

/* True when line s[0..n) starts with keyword followed by a blank or a quote. */
static bool keyword(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);
	return n > k && memcmp(s, word, k) == 0 && (blank(s[k]) || s[k] == '"');
}

/* Reads the flags of a "#," line: fuzzy and python-brace-format mean something to the kiosk; all are
 * kept for checks (read-only: the same text in every language). */
static void read_flags(struct parser *p, const char *s, size_t n)
{
	size_t i = 2;
	while (i < n) {
		while (i < n && (blank(s[i]) || s[i] == ','))
			i++;
		size_t start = i;
		while (i < n && !blank(s[i]) && s[i] != ',')
			i++;
		size_t k = i - start;
		if (k > 0 && p->flags_len + k + 2 < sizeof(p->flags)) {
			if (p->flags_len > 0) {
				memcpy(p->flags + p->flags_len, ", ", 2);
				p->flags_len += 2;
			}
			memcpy(p->flags + p->flags_len, s + start, k);
			p->flags_len += k;
			p->flags[p->flags_len] = '\0';
		}
		if (k == 5 && memcmp(s + start, "fuzzy", 5) == 0)
			p->fuzzy = true;
		else if (k == 19 && memcmp(s + start, "python-brace-format", 19) == 0)
			p->brace_format = true;
	}
}

static bool in_entry(const struct parser *p)
{
	return p->has[FIELD_CTXT] || p->has[FIELD_ID];
}

static int parse_line(struct parser *p, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\r' || blank(s[n - 1])))
		n--;
	while (n > 0 && blank(*s)) {
		s++;
		n--;
	}
	if (n == 0)
		return 0;
	if (s[0] == '#') {
		if (p->has[FIELD_STR]) {
			int rc = flush(p);
			if (rc != 0)
				return rc;
		}
		if (n > 1 && s[1] == '~') /* obsolete entry: kept by tools for reuse, never shown */
			return 0;
		if (in_entry(p))
			return fail(p, "a comment inside an entry (comments go before msgctxt/msgid)");
		p->current = FIELD_NONE;
		if (n > 1 && s[1] == ',')
			read_flags(p, s, n);
		return 0;
	}
	if (s[0] == '"') {
		if (p->current == FIELD_NONE)
			return fail(p, "a quoted line that continues nothing (put it after msgctxt, msgid or msgstr)");
		return append_quoted(p, p->current, s, n);
	}
	if (keyword(s, n, "msgid_plural") || (n > 7 && memcmp(s, "msgstr[", 7) == 0))
		return fail(p, "plural forms are not used by the kiosk (one msgid, one msgstr)");
	enum field f = FIELD_NONE;
	size_t k = 0;
	if (keyword(s, n, "msgctxt"))
		f = FIELD_CTXT, k = 7;
	else if (keyword(s, n, "msgid"))
		f = FIELD_ID, k = 5;
	else if (keyword(s, n, "msgstr"))
		f = FIELD_STR, k = 6;
	else
		return fail(p, "expected msgctxt, msgid, msgstr, a \"quoted\" continuation or a # comment");
	if (f != FIELD_STR && p->has[FIELD_STR]) {
		int rc = flush(p);
		if (rc != 0)
			return rc;
	}
	if (f == FIELD_CTXT && in_entry(p))
		return fail(p, p->has[FIELD_ID] ? "msgctxt after msgid (msgctxt comes first)" : "msgctxt twice in one entry");
	if (f == FIELD_ID && p->has[FIELD_ID])
		return fail(p, "msgid twice in one entry (a msgstr is missing)");
	if (f == FIELD_STR && !p->has[FIELD_ID])
		return fail(p, "msgstr without a msgid before it");
	if (f == FIELD_STR && p->has[FIELD_STR])
		return fail(p, "msgstr twice in one entry");
	if (!in_entry(p))
		p->entry_line = p->line;
	p->has[f] = true;
	p->current = f;
	return append_quoted(p, f, s + k, n - k);
}

int po_parse(const char *text, size_t len, po_entry_fn fn, void *ctx, char *err, size_t errlen)
{
	int rc = -2;
	struct parser *p = malloc(sizeof(*p));
	if (!p) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	p->fn = fn;
	p->ctx = ctx;
	p->err = err;
	p->errlen = errlen;
	p->line = 0;
	reset(p);
	size_t at = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) /* a byte-order mark some editors add */
		at = 3;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		p->line++;
		rc = parse_line(p, text + at, n);
		if (rc != 0)
			goto out;
		at += n + (nl ? 1 : 0);
	}
	if (p->has[FIELD_STR]) {
		rc = flush(p);
		if (rc != 0)
			goto out;
	} else if (in_entry(p)) {
		rc = fail(p, "the last entry has no msgstr");
		goto out;
	}
	rc = 0;
out:
	free(p);
	return rc;
}

bool po_header_field(const char *header, const char *name, char *out, size_t outlen)
{
	size_t k = strlen(name);
	for (const char *line = header; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncasecmp(line, name, k) != 0 || line[k] != ':')
			continue;
		const char *v = line + k + 1;
		while (blank(*v))
			v++;
		size_t n = strcspn(v, "\n");
		while (n > 0 && blank(v[n - 1]))
			n--;
		if (outlen > 0)
			snprintf(out, outlen, "%.*s", (int)(n < outlen ? n : outlen - 1), v);
		return true;
	}
	return false;
}
