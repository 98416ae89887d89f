/* Interface texts in the three languages, from the GNU gettext catalogues in assets/i18n: one folder
 * per part of the kiosk (strings/ for the shell and booking, assistance/, charity/, …), each with a
 * template PART.pot (msgctxt: the key the code asks for; msgid: the zh-Hans text) and the translations
 * zh_Hant.po (Hong Kong usage) and en.po. A key defined twice is an error. A text missing, untranslated,
 * fuzzy or translated from an older msgid falls back to zh-Hans, then to the key itself, so a gap shows
 * as a visible key rather than an empty button. assets/i18n/README.md says how to add a text. */
#ifndef KIOSK_APP_STRINGS_H
#define KIOSK_APP_STRINGS_H

#include <stddef.h>

#include "text/font_set.h"

struct strings;

/* Loads every catalogue folder in dir; NULL with a reason (file:line) in err. */
struct strings *strings_load(const char *dir, char *err, size_t errlen);
void strings_destroy(struct strings *s);
/* The text of key in lang (borrowed, valid while s lives). */
const char *strings_get(const struct strings *s, enum text_lang lang, const char *key);


#endif
