/* Interface texts in the three languages, from assets/i18n/strings.ini: one section per key with
 * zh-Hans, zh-Hant and en values. A key missing in a language falls back to zh-Hans, then to the key
 * itself, so a gap shows as a visible key rather than an empty button. */
#ifndef KIOSK_APP_STRINGS_H
#define KIOSK_APP_STRINGS_H

#include <stddef.h>

#include "text/font_set.h"

struct strings;

/* Loads the catalogue; NULL with a reason in err. */
struct strings *strings_load(const char *path, char *err, size_t errlen);
void strings_destroy(struct strings *s);
/* The text of key in lang (borrowed, valid while s lives). */
const char *strings_get(const struct strings *s, enum text_lang lang, const char *key);


#endif
