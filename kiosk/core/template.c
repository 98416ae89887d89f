/* Template filling; see template.h. */
#include "core/template.h"

#include <stdio.h>
#include <string.h>

void template_fill(char *out, size_t out_len, const char *tmpl, const char *const *names, const long *values, int n)
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
				int w = snprintf(out + o, out_len - o, "%ld", values[k]);
				o += w > 0 ? (size_t)w : 0;
				if (o >= out_len)
					o = out_len - 1;
				p = end + 1;
				continue;
			}
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}
