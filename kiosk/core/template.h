/* Texts with named holes, such as "第 {step} 步，共 {steps} 步", filled with numbers. Catalogue texts
 * are data: they are never used as printf formats, so a translation cannot break the program. */
#ifndef KIOSK_CORE_TEMPLATE_H
#define KIOSK_CORE_TEMPLATE_H

#include <stddef.h>

/* Writes tmpl into out with each {name} replaced by the matching value; unknown names stay as written. */
void template_fill(char *out, size_t out_len, const char *tmpl, const char *const *names, const long *values, int n);
/* The same with texts for the holes ("{income} 元，低于{standard}"); a text that does not fit is cut on a
 * character boundary. */
void template_fill_text(char *out, size_t out_len, const char *tmpl, const char *const *names,
			const char *const *texts, int n);

#endif
