/* The Traditional Chinese (Hong Kong) forms of a Simplified character, for offering input-method
 * candidates in Traditional when the interface is in Traditional. Character level only: one
 * Simplified character → its Traditional forms, best first (发 → 發 髮, 于 → 於 于). It never converts
 * text: the person picks a form, and what they entered stays as they chose it.
 * Data: OpenCC's character tables from Debian (libopencc1.1's STCharacters and HKVariants), exported
 * to text by `opencc_dict` at build time (kiosk/CMakeLists.txt): "KEY<TAB>FORM FORM…" a line. Read
 * once at start; bounded (HANT_FORMS_FILE_MAX bytes a file, HANT_FORMS_ENTRIES_MAX entries,
 * HANT_FORMS_MAX forms an entry); lines that are not one character to one or more characters are
 * skipped (the tables hold none). Immutable once loaded: safe to read from any thread. */
#ifndef KIOSK_IME_HANT_FORMS_H
#define KIOSK_IME_HANT_FORMS_H

#include <stddef.h>
#include <stdint.h>

#define HANT_FORMS_FILE_MAX (1u << 20)
#define HANT_FORMS_ENTRIES_MAX 16384
#define HANT_FORMS_MAX 6

/* The file names in the directory given to hant_forms_load. */
#define HANT_FORMS_ST_FILE "STCharacters.txt"
#define HANT_FORMS_HK_FILE "HKVariants.txt"

struct hant_forms;

/* Reads DIR/STCharacters.txt and DIR/HKVariants.txt; NULL with the reason in err. */
struct hant_forms *hant_forms_load(const char *dir, char *err, size_t errlen);
/* The same from texts in memory (borrowed for the call); hk may be NULL. For tests and fuzzing. */
struct hant_forms *hant_forms_parse(const char *st, size_t st_len, const char *hk, size_t hk_len, char *err,
				    size_t errlen);
/* NULL is a no-op. */
void hant_forms_destroy(struct hant_forms *f);
/* The Hong Kong Traditional forms of cp, best first, into out (up to max); returns how many. 0 means the
 * tables know no other form: the character is written the same way in Traditional. The result may
 * include cp itself (于 → 於 于) when Traditional text uses both. */
int hant_forms_of(const struct hant_forms *f, uint32_t cp, uint32_t *out, int max);
/* The number of Simplified characters the tables map (for the log). */
size_t hant_forms_count(const struct hant_forms *f);

#endif
