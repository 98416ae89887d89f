/* Interface texts in the three languages, from the .ini catalogues in assets/i18n (one per part
 * of the kiosk: strings.ini for the shell and booking, assistance.ini, charity.ini): one section per
 * key with zh-Hans, zh-Hant and en values; a key defined twice is an error. A key missing in a
 * language falls back to zh-Hans, then to the key itself, so a gap shows as a visible key rather
 * than an empty button. */
#ifndef KIOSK_APP_STRINGS_H
#define KIOSK_APP_STRINGS_H

#include <stddef.h>

#include "text/font_set.h"

struct strings;

/* Loads every catalogue (*.ini) in dir; NULL with a reason (file:line) in err. */
struct strings *strings_load(const char *dir, char *err, size_t errlen);
void strings_destroy(struct strings *s);
/* The text of key in lang (borrowed, valid while s lives). */
const char *strings_get(const struct strings *s, enum text_lang lang, const char *key);


#endif
