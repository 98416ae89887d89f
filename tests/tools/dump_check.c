/* dump_check DUMP.json [--theme T] [--lang L] [--min-font PX] [--min-target PX] [--min-key PX]
 *            [--min-contrast R] [--no-truncated] | --sweep
 * reads a screen dump written by the automation driver and fails when it breaks the theme's minimums:
 * a widget off the screen, text below min-font, a touch target (button, toggle, option, textbox, day,
 * slot) smaller than min-target, a keyboard key smaller than min-key, text whose contrast with its
 * background is below min-contrast (WCAG relative luminance), text truncated where no ellipsis was
 * meant, or the wrong theme or language; and in a sweep, a text that is a bare catalogue key ("nav.back":
 * the text is missing from assets/i18n, so the kiosk fell back to the key). --sweep takes every minimum
 * from the theme the dump names,
 * and in the large themes (the assisted mode) also fails a screen with more than one text field (one
 * question per screen) or whose primary action or agreement is partly scrolled out
 * (standard: text 32 px, targets 88, keys 80, contrast 4.5:1; large and high-contrast: 48, 120, 100, 7:1;
 * pixel sizes scaled to the short edge of the screen, specified at 1080). */
#include <cjson/cJSON.h>
#include <math.h>
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

static double channel(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(const char *hex)
{
	unsigned r = 0, g = 0, b = 0;
	if (!hex || sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3)
		return -1;
	return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

static double contrast(const char *fg, const char *bg)
{
	double a = luminance(fg), b = luminance(bg);
	if (a < 0 || b < 0)
		return 0;
	return a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05);
}

/* Dotted lower-case words, as the catalogue keys are ("charity.review.words"). */
static int key_shaped(const char *s)
{
	int dots = 0;
	if (!s || !(*s >= 'a' && *s <= 'z'))
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p == '.') {
			if (p[1] == '\0' || p[1] == '.')
				return 0;
			dots++;
		} else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')) {
			return 0;
		}
	}
	return dots > 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: dump_check DUMP.json [--theme T] [--lang L] [--min-font PX] [--min-target PX] "
				"[--no-truncated]\n");
		return 2;
	}
	const char *theme = NULL, *lang = NULL;
	int min_font = 0, min_target = 0, min_key = 0, no_truncated = 0;
	double min_contrast = 0;
	int sweep = 0;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--theme") == 0 && i + 1 < argc)
			theme = argv[++i];
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = argv[++i];
		else if (strcmp(argv[i], "--min-font") == 0 && i + 1 < argc)
			min_font = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-target") == 0 && i + 1 < argc)
			min_target = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-key") == 0 && i + 1 < argc)
			min_key = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-contrast") == 0 && i + 1 < argc)
			min_contrast = atof(argv[++i]);
		else if (strcmp(argv[i], "--sweep") == 0)
			sweep = 1;
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
	if (sweep) {
		int edge = sw < sh ? sw : sh;
		int standard = cJSON_IsString(t) && strcmp(t->valuestring, "standard") == 0;
		min_font = (standard ? 32 : 48) * edge / 1080;
		min_target = (standard ? 88 : 120) * edge / 1080;
		min_key = (standard ? 80 : 100) * edge / 1080;
		min_contrast = standard ? 4.5 : 7.0;
		no_truncated = 1;
	}
	/* The large themes (the assisted mode) also ask one question per screen and keep the primary
	 * action, and a review's agreement, in view without scrolling. */
	int large = sweep && !(cJSON_IsString(t) && strcmp(t->valuestring, "standard") == 0);
	int textboxes = 0;
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
		int interactive = role && (!strcmp(role, "button") || !strcmp(role, "toggle") || !strcmp(role, "option") ||
					   !strcmp(role, "textbox") || !strcmp(role, "day") || !strcmp(role, "slot"));
		int key = role && !strcmp(role, "key");
		int clipped = cJSON_IsTrue(cJSON_GetObjectItem(w, "clipped")); /* partly scrolled out */
		int has_text = wtext && wtext[0] && font > 0;
		int wx = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "x"));
		int wy = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(w, "y"));
		if (wx < 0 || wy < 0 || wx + ww > sw || wy + wh > sh) {
			fprintf(stderr, "%s: \"%s\" (%s) at %d,%d %dx%d is off the %dx%d screen\n", argv[1], wtext, id, wx,
				wy, ww, wh, sw, sh);
			failures++;
		}
		if (min_key && key && !clipped && (ww < min_key || wh < min_key)) {
			fprintf(stderr, "%s: key %s is %dx%d, below %d\n", argv[1], id, ww, wh, min_key);
			failures++;
		}
		const char *fg = cJSON_GetStringValue(cJSON_GetObjectItem(w, "fg"));
		const char *bg = cJSON_GetStringValue(cJSON_GetObjectItem(w, "bg"));
		double ratio = contrast(fg, bg);
		int enabled = !cJSON_IsFalse(cJSON_GetObjectItem(w, "enabled"));
		if (min_contrast > 0 && has_text && ratio < min_contrast && (enabled || ratio < 4.5)) {
			fprintf(stderr, "%s: \"%s\" (%s) has contrast %.2f:1 (%s on %s), below %.1f:1\n", argv[1], wtext, id,
				ratio, fg, bg, min_contrast);
			failures++;
		}
		if (min_font && has_text && font < min_font) {
			fprintf(stderr, "%s: \"%s\" (%s) is %d px, below %d\n", argv[1], wtext, id, font, min_font);
			failures++;
		}
		if (min_target && interactive && !clipped && (ww < min_target || wh < min_target)) {
			fprintf(stderr, "%s: target %s is %dx%d, below %d\n", argv[1], id, ww, wh, min_target);
			failures++;
		}
		textboxes += role && !strcmp(role, "textbox");
		int primary = cJSON_IsTrue(cJSON_GetObjectItem(w, "primary"));
		if (large && clipped && (primary || (id && strstr(id, "consent")))) {
			fprintf(stderr, "%s: \"%s\" (%s) needs scrolling to be reached\n", argv[1], wtext, id);
			failures++;
		}
		if (sweep && key_shaped(wtext)) {
			fprintf(stderr, "%s: \"%s\" (%s) shows a catalogue key: its text is missing\n", argv[1], wtext, id);
			failures++;
		}
		if (no_truncated && cJSON_IsTrue(cJSON_GetObjectItem(w, "truncated")) &&
		    !cJSON_IsTrue(cJSON_GetObjectItem(w, "ellipsis"))) {
			fprintf(stderr, "%s: \"%s\" (%s) is truncated\n", argv[1], wtext, id);
			failures++;
		}
	}
	const char *screen = cJSON_GetStringValue(cJSON_GetObjectItem(root, "screen"));
	int gallery = screen && strncmp(screen, "gallery", 7) == 0; /* the developers' widget showcase */
	if (large && textboxes > 1 && !gallery) {
		fprintf(stderr, "%s: %d text fields on one screen: the large themes ask one question per screen\n", argv[1],
			textboxes);
		failures++;
	}
	if (count == 0) {
		fprintf(stderr, "%s: no widgets on screen\n", argv[1]);
		failures++;
	}
	cJSON_Delete(root);
	printf("dump_check: %s: %d widgets, %d problems\n", argv[1], count, failures);
	return failures ? 1 : 0;
}
