/* Template filling; see template.h. */
#include "core/template.h"

#include <stdio.h>
#include <string.h>

/* Fills holes with texts[k] when texts is given, else with values[k] as a decimal number. */
static void fill(char *out, size_t out_len, const char *tmpl, const char *const *names, const char *const *texts,
		 const long *values, int n)
{
	size_t o = 0;
	if (out_len == 0)
		return;
	for (const char *p = tmpl; *p && o + 1 < out_len;) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			int k = -1;
			for (int i = 0; end && i < n; i++) {
				if (strlen(names[i]) == (size_t)(end - p - 1) && strncmp(p + 1, names[i], (size_t)(end - p - 1)) == 0)
					k = i;
			}
			if (k >= 0) {
				int w = texts ? snprintf(out + o, out_len - o, "%s", texts[k] ? texts[k] : "")
					      : snprintf(out + o, out_len - o, "%ld", values[k]);
				o += w > 0 ? (size_t)w : 0;
				if (o >= out_len) { /* cut: never end inside a UTF-8 character */
					o = out_len - 1;
					size_t lead = o;
					while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80)
						lead--;
					if (lead > 0) {
						unsigned char c = (unsigned char)out[lead - 1];
						size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
						if (o - (lead - 1) < need)
							o = lead - 1;
					}
					break;
				}
				p = end + 1;
				continue;
			}
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}

void template_fill(char *out, size_t out_len, const char *tmpl, const char *const *names, const long *values, int n)
{
	fill(out, out_len, tmpl, names, NULL, values, n);
}

void template_fill_text(char *out, size_t out_len, const char *tmpl, const char *const *names,
			const char *const *texts, int n)
{
	fill(out, out_len, tmpl, names, texts, NULL, n);
}
