/* What the catalogue targets (booking, assistance, charity) share: the catalogue each parses into,
 * allocated once (too big for the stack), and the check of a multilingual text: every language, and
 * what a screen asks for with its fallback, within bounds and valid UTF-8. Header only. */
#ifndef KIOSK_FUZZ_CATALOG_H
#define KIOSK_FUZZ_CATALOG_H

#include "data/ref_json.h"
#include "fuzz_common.h"

/* size bytes for a target's parser to fill, for the whole run; aborts when out of memory. */
static inline void *fuzz_alloc(size_t size)
{
	void *p = malloc(size);
	if (!p)
		abort();
	return p;
}

static inline void fuzz_check_catalog_text(const struct catalog_text *t)
{
	for (int l = 0; l < TEXT_LANG_COUNT; l++) {
		FUZZ_CHECK_TEXT(t->lang[l], CATALOG_TEXT_MAX);
		FUZZ_CHECK_TEXT(catalog_text_get(t, (enum text_lang)l), CATALOG_TEXT_MAX);
	}
}

#endif
