/* dump_check DUMP.json [--theme T] [--lang L] [--min-font PX] [--min-target PX] [--no-truncated]:
 * reads a screen dump written by the automation driver and fails when it breaks the theme's
 * minimums: a widget off the screen, text below min-font, a touch target (button, toggle, option) smaller than min-target,
 * text truncated where it must not be, or the wrong theme or language. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n)
		buf[n] = '\0';
	else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: dump_check DUMP.json [--theme T] [--lang L] [--min-font PX] [--min-target PX] "
				"[--no-truncated]\n");
		return 2;
	}
	const char *theme = NULL, *lang = NULL;
	int min_font = 0, min_target = 0, no_truncated = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--theme") == 0 && i + 1 < argc)
			theme = argv[++i];
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strcmp(argv[i], "--min-font") == 0 && i + 1 < argc)
			min_font = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-target") == 0 && i + 1 < argc)
			min_target = atoi(argv[++i]);
		else if (strcmp(argv[i], "--no-truncated") == 0)
			no_truncated = 1;
		else {
			fprintf(stderr, "dump_check: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	char *text = slurp(argv[1]);
	cJSON *root = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!root) {
		fprintf(stderr, "dump_check: %s: cannot read or parse\n", argv[1]);
		return 2;
	}
	int failures = 0;
	const cJSON *t = cJSON_GetObjectItem(root, "theme"), *l = cJSON_GetObjectItem(root, "lang");
	if (theme && (!cJSON_IsString(t) || strcmp(t->valuestring, theme) != 0)) {
		fprintf(stderr, "%s: theme is %s, expected %s\n", argv[1], cJSON_IsString(t) ? t->valuestring : "?", theme);
		failures++;
	}
	if (lang && (!cJSON_IsString(l) || strcmp(l->valuestring, lang) != 0)) {
		fprintf(stderr, "%s: lang is %s, expected %s\n", argv[1], cJSON_IsString(l) ? l->valuestring : "?", lang);
		failures++;
	}
	const cJSON *size = cJSON_GetObjectItem(root, "size");
	int sw = (int)cJSON_GetNumberValue(cJSON_GetArrayItem(size, 0));
	int sh = (int)cJSON_GetNumberValue(cJSON_GetArrayItem(size, 1));
	int count = 0;
	const cJSON *w;
	cJSON_ArrayForEach(w, cJSON_GetObjectItem(root, "widgets"))
	{
		count++;
		const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(w, "id"));
		const char *role = cJSON_GetStringValue(cJSON_GetObjectItem(w, "role"));
		const char *wtext = cJSON_GetStringValue(cJSON_GetObjectItem(w, "text"));
		int font = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "font_px"));
		int ww = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "w"));
		int wh = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "h"));
		int interactive = role && (!strcmp(role, "button") || !strcmp(role, "toggle") || !strcmp(role, "option"));
		int wx = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "x"));
		int wy = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "y"));
		if (wx < 0 || wy < 0 || wx + ww > sw || wy + wh > sh) {
			fprintf(stderr, "%s: \"%s\" (%s) at %d,%d %dx%d is off the %dx%d screen\n", argv[1], wtext, id, wx,
				wy, ww, wh, sw, sh);
			failures++;
		}
		if (min_font && font < min_font) {
			fprintf(stderr, "%s: \"%s\" (%s) is %d px, below %d\n", argv[1], wtext, id, font, min_font);
			failures++;
		}
		if (min_target && interactive && (ww < min_target || wh < min_target)) {
			fprintf(stderr, "%s: target %s is %dx%d, below %d\n", argv[1], id, ww, wh, min_target);
			failures++;
		}
		if (no_truncated && cJSON_IsTrue(cJSON_GetObjectItem(w, "truncated"))) {
			fprintf(stderr, "%s: \"%s\" (%s) is truncated\n", argv[1], wtext, id);
			failures++;
		}
	}
	if (count == 0) {
		fprintf(stderr, "%s: no widgets on screen\n", argv[1]);
		failures++;
	}
	cJSON_Delete(root);
	printf("dump_check: %s: %d widgets, %d problems\n", argv[1], count, failures);
	return failures ? 1 : 0;
}
