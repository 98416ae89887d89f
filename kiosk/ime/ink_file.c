/* Recorded handwriting files; see ink_file.h. */
#include "ime/ink_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A number 0..UI_INK_SCALE at *p (digits only); advances *p. */
static bool number(const char **p, const char *end, int *out)
{
	const char *s = *p;
	long v = 0;
	while (s < end && *s >= '0' && *s <= '9' && s - *p < 5)
		v = v * 10 + (*s++ - '0');
	if (s == *p || (s < end && *s >= '0' && *s <= '9') || v > UI_INK_SCALE)
		return false;
	*out = (int)v;
	*p = s;
	return true;
}

bool ink_parse(const char *text, size_t len, const char *name, struct ink *out, char *err, size_t errlen)
{
	bool ok = false;
	int line_no = 0;
	out->count = 0;
	if (len > INK_FILE_MAX) {
		snprintf(err, errlen, "%s: larger than %d bytes", name, INK_FILE_MAX);
		goto out;
	}
	for (size_t at = 0; at < len;) {
		const char *line = text + at;
		const char *nl = memchr(line, '\n', len - at);
		const char *end = nl ? nl : text + len;
		at = (size_t)(end - text) + (nl != NULL);
		line_no++;
		if (end > line && end[-1] == '\r')
			end--;
		const char *p = line;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end || *p == '#')
			continue;
		if (out->count == INK_MAX_STROKES) {
			snprintf(err, errlen, "%s:%d: more than %d strokes", name, line_no, INK_MAX_STROKES);
			goto out;
		}
		struct ink_stroke *s = &out->strokes[out->count];
		s->count = 0;
		while (p < end) {
			int x, y;
			if (!number(&p, end, &x) || p >= end || *p++ != ',' || !number(&p, end, &y)) {
				snprintf(err, errlen, "%s:%d: expected x,y points from 0 to %d separated by spaces", name,
					 line_no, UI_INK_SCALE);
				goto out;
			}
			if (s->count == INK_MAX_POINTS) {
				snprintf(err, errlen, "%s:%d: more than %d points in a stroke", name, line_no, INK_MAX_POINTS);
				goto out;
			}
			s->points[s->count++] = (struct ui_point){(int16_t)x, (int16_t)y};
			if (p < end && *p != ' ' && *p != '\t') {
				snprintf(err, errlen, "%s:%d: expected a space between points", name, line_no);
				goto out;
			}
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
		}
		out->count++;
	}
	if (out->count == 0) {
		snprintf(err, errlen, "%s: no strokes", name);
		goto out;
	}
	ok = true;
out:
	if (!ok)
		out->count = 0;
	return ok;
}

bool ink_load(const char *path, struct ink *out, char *err, size_t errlen)
{
	bool ok = false;
	char *buf = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	buf = malloc(INK_FILE_MAX + 1);
	if (!buf) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	size_t n = fread(buf, 1, INK_FILE_MAX + 1, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		goto out;
	}
	ok = ink_parse(buf, n, path, out, err, errlen);
out:
	free(buf);
	if (f)
		fclose(f);
	return ok;
}
