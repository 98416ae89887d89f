/* In-place key edits of an INI configuration file; see config_file.h. POSIX (mkstemp, fchown,
 * fsync, rename). Files are small: at most CONFIG_FILE_MAX bytes. */
#include "config/config_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_file.h"
#include "core/secure.h"

#define EDITS_MAX 16

/* A growing text buffer; `failed` once an allocation failed or the cap was passed. */
struct text {
	char *data;
	size_t len, cap;
	bool failed;
};

static void text_add(struct text *t, const char *s, size_t n)
{
	if (t->failed)
		return;
	if (t->len + n + 1 > CONFIG_FILE_MAX * 2) {
		t->failed = true;
		return;
	}
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		while (cap < t->len + n + 1)
			cap *= 2;
		char *grown = realloc(t->data, cap);
		if (!grown) {
			t->failed = true;
			return;
		}
		t->data = grown;
		t->cap = cap;
	}
	memcpy(t->data + t->len, s, n);
	t->len += n;
	t->data[t->len] = '\0';
}

static void text_str(struct text *t, const char *s)
{
	text_add(t, s, strlen(s));
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* When [p, end) is a section header, copies its name into out and returns true. The name is what
 * libinih reads: everything between the brackets, blanks included ("[ kiosk]" is another section than
 * "[kiosk]"; trimming it put keys where the kiosk would not read them; found by fuzz/fuzz_config). */
static bool section_of(const char *p, const char *end, char *out, size_t len)
{
	p = skip_blank(p, end);
	if (p >= end || *p != '[')
		return false;
	const char *close = memchr(p, ']', (size_t)(end - p));
	if (!close)
		return false;
	snprintf(out, len, "%.*s", (int)(close - p - 1), p + 1);
	return true;
}

/* True when [p, end) assigns name: "name =" (active) or, with commented, "; name =" / "# name =".
 * libinih also takes ':' for '=': "secret: old" is the same key, replaced like the others (a line
 * left behind kept the old secret in the file). */
static bool assigns(const char *p, const char *end, const char *name, bool commented)
{
	p = skip_blank(p, end);
	if (commented) {
		if (p >= end || (*p != ';' && *p != '#'))
			return false;
		p = skip_blank(p + 1, end);
	}
	size_t n = strlen(name);
	if ((size_t)(end - p) < n || strncmp(p, name, n) != 0)
		return false;
	p = skip_blank(p + n, end);
	return p < end && (*p == '=' || *p == ':');
}

static bool blank_line(const char *p, const char *end)
{
	return skip_blank(p, end) == end;
}

/* The line ranges of text: starts[i] and the start of the next line (or the end). */
struct lines {
	const char **start;
	size_t count;
};

static bool split_lines(const char *data, size_t len, struct lines *out)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += data[i] == '\n';
	out->start = calloc(n + 1, sizeof(*out->start));
	if (!out->start)
		return false;
	out->count = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		out->start[out->count++] = p;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	out->start[out->count] = end;
	return true;
}

/* Where the line's content starts: past a UTF-8 byte order mark on the first line, as libinih reads it. */
static const char *line_start(const struct lines *l, size_t i)
{
	const char *p = l->start[i];
	if (i == 0 && l->start[1] - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	return p;
}

/* The line's content without its line break. */
static const char *line_end(const struct lines *l, size_t i)
{
	const char *e = l->start[i + 1];
	if (e > l->start[i] && e[-1] == '\n')
		e--;
	if (e > l->start[i] && e[-1] == '\r')
		e--;
	return e;
}

static void add_assignment(struct text *t, const struct config_file_edit *e)
{
	text_str(t, e->name);
	text_str(t, e->value[0] ? " = " : " =");
	text_str(t, e->value);
	text_str(t, "\n");
}

/* Builds the edited text of the file (data may be empty). */
static bool build(const char *data, size_t len, const struct config_file_edit *edits, int n, struct text *out)
{
	struct lines l;
	if (!split_lines(data, len, &l))
		return false;
	/* For each edit: its section's range of lines, an active or commented line for it. */
	long active[EDITS_MAX], commented[EDITS_MAX], last_in_section[EDITS_MAX];
	bool section_seen[EDITS_MAX];
	for (int k = 0; k < n; k++) {
		active[k] = commented[k] = last_in_section[k] = -1;
		section_seen[k] = false;
	}
	char section[128] = "";
	for (size_t i = 0; i < l.count; i++) {
		const char *p = line_start(&l, i), *e = line_end(&l, i);
		char name[128];
		if (section_of(p, e, name, sizeof(name))) {
			snprintf(section, sizeof(section), "%s", name);
			for (int k = 0; k < n; k++) {
				if (strcmp(section, edits[k].section) == 0 && !section_seen[k]) {
					section_seen[k] = true;
					last_in_section[k] = (long)i;
				}
			}
			continue;
		}
		for (int k = 0; k < n; k++) {
			if (strcmp(section, edits[k].section) != 0)
				continue;
			if (!blank_line(p, e))
				last_in_section[k] = (long)i;
			if (assigns(p, e, edits[k].name, false) && active[k] < 0)
				active[k] = (long)i;
			else if (assigns(p, e, edits[k].name, true) && commented[k] < 0)
				commented[k] = (long)i;
		}
	}
	/* Walk again, writing each line, its replacement, or what follows it. */
	section[0] = '\0';
	for (size_t i = 0; i < l.count; i++) {
		const char *p = line_start(&l, i), *e = line_end(&l, i);
		char name[128];
		if (section_of(p, e, name, sizeof(name)))
			snprintf(section, sizeof(section), "%s", name);
		bool replaced = false;
		for (int k = 0; k < n && !replaced; k++) {
			if (strcmp(section, edits[k].section) != 0)
				continue;
			bool mine = assigns(p, e, edits[k].name, false) ||
				    (active[k] < 0 && commented[k] == (long)i);
			if (mine) {
				/* The first active line takes the value; later duplicates go (inih would take the last). */
				if (active[k] < 0 || active[k] == (long)i)
					add_assignment(out, &edits[k]);
				replaced = true;
			}
		}
		if (!replaced) {
			const char *whole = l.start[i], *next = l.start[i + 1];
			text_add(out, whole, (size_t)(next - whole));
			if (next > whole && next[-1] != '\n')
				text_str(out, "\n"); /* the last line had no line break */
		}
		for (int k = 0; k < n; k++) {
			if (active[k] < 0 && commented[k] < 0 && last_in_section[k] == (long)i)
				add_assignment(out, &edits[k]);
		}
	}
	/* Sections the file does not have yet, each once, with all their keys. */
	for (int k = 0; k < n; k++) {
		if (section_seen[k])
			continue;
		bool first = true;
		for (int j = 0; j < k; j++)
			first = first && strcmp(edits[j].section, edits[k].section) != 0;
		if (!first)
			continue;
		text_str(out, out->len ? "\n[" : "[");
		text_str(out, edits[k].section);
		text_str(out, "]\n");
		for (int j = k; j < n; j++) {
			if (strcmp(edits[j].section, edits[k].section) == 0)
				add_assignment(out, &edits[j]);
		}
	}
	free(l.start);
	return !out->failed;
}

bool config_file_edit_text(const char *data, size_t len, const struct config_file_edit *edits, int n, char **out,
			   size_t *out_len)
{
	struct text t = {0};
	*out = NULL;
	*out_len = 0;
	if (n < 0 || n > EDITS_MAX || !build(data ? data : "", data ? len : 0, edits, n, &t)) {
		if (t.data)
			secure_wipe(t.data, t.len);
		free(t.data);
		return false;
	}
	if (!t.data) { /* nothing to write: an empty file */
		t.data = calloc(1, 1);
		if (!t.data)
			return false;
	}
	*out = t.data;
	*out_len = t.len;
	return true;
}

/* Reads the whole file; *data NULL and *len 0 when it does not exist. */
static bool read_all(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	*data = atomic_file_read(path, CONFIG_FILE_MAX, len);
	if (*data)
		return true;
	if (errno == ENOENT) {
		*len = 0;
		return true;
	}
	snprintf(err, errlen, "%s: cannot read: %s", path,
		 errno == EFBIG ? "larger than 256 KiB" : strerror(errno));
	return false;
}

/* Writes text to a temporary file beside path with owner, group and mode of st (or 0600), flushed;
 * its name into tmp. */
static bool write_temp(const char *path, const struct text *t, const struct stat *st, char *tmp, size_t tmplen,
		       char *err, size_t errlen)
{
	if ((size_t)snprintf(tmp, tmplen, "%s.tmp-XXXXXX", path) >= tmplen) {
		snprintf(err, errlen, "%s: path too long", path);
		return false;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a file beside it: %s", path, strerror(errno));
		return false;
	}
	bool ok = false;
	mode_t mode = st ? st->st_mode & 07777 : 0600;
	if (st && fchown(fd, st->st_uid, st->st_gid) != 0 && (st->st_uid != geteuid() || errno != EPERM)) {
		snprintf(err, errlen, "%s: cannot keep its owner: %s", path, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		snprintf(err, errlen, "%s: cannot keep its mode: %s", path, strerror(errno));
		goto out;
	}
	size_t done = 0;
	while (done < t->len) {
		ssize_t w = write(fd, t->data + done, t->len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
			goto out;
		}
		done += (size_t)w;
	}
	if (fsync(fd) != 0) {
		snprintf(err, errlen, "%s: cannot flush: %s", path, strerror(errno));
		goto out;
	}
	ok = true;
out:
	if (close(fd) != 0 && ok) {
		snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
		ok = false;
	}
	if (!ok)
		unlink(tmp);
	return ok;
}

bool config_file_update(const char *path, const struct config_file_edit *edits, int n, struct config *result,
			char *err, size_t errlen)
{
	bool ok = false;
	char *data = NULL;
	size_t len = 0;
	struct text t = {0};
	char tmp[1200] = "";
	struct config *check = malloc(sizeof(*check));
	if (!check) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (n < 0 || n > EDITS_MAX) {
		snprintf(err, errlen, "too many keys at once (at most %d)", EDITS_MAX);
		goto out;
	}
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		goto out;
	}
	if (!read_all(path, &data, &len, err, errlen))
		goto out;
	if (!build(data ? data : "", len, edits, n, &t)) {
		snprintf(err, errlen, "%s: out of memory, or the file would grow too large", path);
		goto out;
	}
	if (!write_temp(path, &t, exists ? &st : NULL, tmp, sizeof(tmp), err, errlen)) {
		tmp[0] = '\0';
		goto out;
	}
	/* What the kiosk will read: every key valid, the rules between keys kept, each edit as given. */
	char why[1024];
	config_init(check);
	if (!config_load(check, tmp, why, sizeof(why))) {
		/* The message names the temporary file: name the real one instead. */
		const char *rest = strncmp(why, tmp, strlen(tmp)) == 0 ? why + strlen(tmp) : why;
		snprintf(err, errlen, "%s%s (nothing was changed)", path, rest);
		goto out;
	}
	for (int k = 0; k < n; k++) {
		const char *got = config_value(check, edits[k].section, edits[k].name);
		if (!got || strcmp(got, edits[k].value) != 0) {
			snprintf(err, errlen, "[%s] %s: the value would not read back as given (leading or trailing "
				 "spaces, or \" ;\" which starts a comment); nothing was changed",
				 edits[k].section, edits[k].name);
			goto out;
		}
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: cannot replace: %s", path, strerror(errno));
		goto out;
	}
	tmp[0] = '\0';
	atomic_file_sync_parent(path);
	if (result)
		*result = *check;
	ok = true;
out:
	if (tmp[0])
		unlink(tmp);
	if (t.data) {
		secure_wipe(t.data, t.len); /* it held the secret */
		free(t.data);
	}
	if (data) {
		secure_wipe(data, len);
		free(data);
	}
	secure_wipe(check, sizeof(*check));
	free(check);
	return ok;
}
