/* A person's name as typed on the kiosk, for every service that asks for one (booking parties, a donor,
 * the name on a receipt): Chinese characters (every CJK ideograph block, so rare name characters such
 * as 堃 喆 淼 and those of the extension planes pass), the middle dots of minority and transliterated
 * names (阿依古丽·买买提: · ・ ‧ •), and for foreign names Latin letters (accents included) joined by single
 * spaces, hyphens, apostrophes or a period. Not digits, other punctuation, symbols or emoji, nor a
 * name of separators only. Spaces around the name are not counted. Shared with the stub; libc only. */
#ifndef KIOSK_RULES_PERSON_NAME_H
#define KIOSK_RULES_PERSON_NAME_H

#define PERSON_NAME_MAX_CHARS 40 /* the longest transliterated names on Chinese documents are about 36 */

enum person_name_verdict {
	PERSON_NAME_OK,
	PERSON_NAME_EMPTY, /* nothing but spaces, or NULL */
	PERSON_NAME_CHARACTERS, /* a character no name has (digit, symbol, emoji), or bad UTF-8 */
	PERSON_NAME_TOO_LONG, /* more than PERSON_NAME_MAX_CHARS characters */
};

/* The verdict on name (NUL-terminated UTF-8). */
enum person_name_verdict person_name_check(const char *name);

#endif
