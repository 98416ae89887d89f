/* Pinyin input for the on-screen keyboard, through librime with Debian's luna_pinyin schemas, deployed
 * once at build time (ime_deploy.c) into a directory this only reads:
 *   - full and abbreviated pinyin (zhangsan, zs), phrases first, paged through as far as Rime goes
 *     (rare name characters such as 堃 喆 淼 included);
 *   - Simplified candidates (luna_pinyin_simp) for the zh-Hans and English interfaces, Traditional
 *     (luna_pinyin) for zh-Hant: each is what the schema offers, nothing is converted afterwards;
 *   - at the start of a name field, candidates beginning with a common surname (surnames.h) come
 *     first, by the surname's rank, and the surname is also offered with Rime's best readings of the
 *     rest (wangxiaoming: 王小明 before Rime's own 网小明);
 *   - nothing is learned or kept: the schemas were deployed with the user dictionary off, Rime's log
 *     is off, and its user directory is a private throwaway directory (mkdtemp, 0700, named after the
 *     process) that holds nothing, is emptied at every session wipe and removed at destroy; one left by
 *     a kiosk that was killed is removed by the next. What was typed lives only in memory and is wiped
 *     with the session.
 * Loading (Rime's initialisation and both schemas, tens of ms) runs on a thread started by create;
 * the first use waits for it, so the kiosk's start does not. Rime is one engine per process: at most
 * one struct pinyin exists at a time. Not thread-safe: one thread (the UI's) uses it. */
#ifndef KIOSK_IME_PINYIN_H
#define KIOSK_IME_PINYIN_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keyboard.h"

#define PINYIN_INPUT_MAX 48 /* letters in one composition */
#define PINYIN_CANDIDATES_MAX 400 /* candidates kept for one composition */
#define PINYIN_NAME_SCAN 240 /* Rime candidates looked at when ranking surnames first */

enum pinyin_script { PINYIN_SIMPLIFIED, PINYIN_TRADITIONAL };

struct pinyin_options {
	const char *deploy_dir; /* the deployed schemas (ime_deploy's output) */
	const char *surnames_path; /* the surname table; NULL: no surname ranking */
	const char *tmp_dir; /* where the throwaway user directory is made; NULL: $TMPDIR, else /tmp */
};

struct pinyin;

/* Checks the deployed directory, makes the throwaway user directory and starts loading; NULL with the
 * reason in err (no deployment, a second engine, a bad surname table). Options are copied. */
struct pinyin *pinyin_create(const struct pinyin_options *opts, char *err, size_t errlen);
/* Ends Rime and removes the throwaway directory; NULL is a no-op. */
void pinyin_destroy(struct pinyin *p);
/* Waits for loading to finish; false when it failed (then every input is refused). */
bool pinyin_ready(struct pinyin *p);
/* How long loading took, in ms (after pinyin_ready). */
double pinyin_load_ms(const struct pinyin *p);

/* Candidates in Simplified or Traditional characters; a change drops the composition. */
void pinyin_set_script(struct pinyin *p, enum pinyin_script script);
/* Whether the composition starts a name (a name field, the caret at its start): surnames first. */
void pinyin_set_name_start(struct pinyin *p, bool name_start);

/* Adds a letter (a to z) to the composition; false when refused (not a letter, too long, not loaded). */
bool pinyin_input(struct pinyin *p, char letter);
/* Deletes the last letter of the composition; false when nothing is being composed. */
bool pinyin_backspace(struct pinyin *p);
/* True while something is being composed. */
bool pinyin_composing(const struct pinyin *p);
/* The composition as shown: syllables apart, chosen parts as characters ("zhang san", "张san"); "" for
 * none. Borrowed until the next call. */
const char *pinyin_preedit(struct pinyin *p);
/* The letters typed so far ("zhangsan"). Borrowed until the next call. */
const char *pinyin_letters(struct pinyin *p);
/* Candidates from index first, up to max, into out (borrowed until the next call); returns how many. */
int pinyin_candidates(struct pinyin *p, int first, const char **out, int max);
/* Chooses candidate i. When that completes the composition the text to commit is written into out
 * (cap bytes) and true returned; a part of the input chosen leaves the rest composing (false). */
bool pinyin_choose(struct pinyin *p, int i, char *out, size_t cap);
/* Drops the composition. */
void pinyin_clear(struct pinyin *p);
/* The session ended: the composition and Rime's sessions are dropped and replaced, memory holding
 * input is wiped and the throwaway directory emptied. */
void pinyin_wipe(struct pinyin *p);
/* The throwaway user directory (for tests: it must stay empty). */
const char *pinyin_user_dir(const struct pinyin *p);

/* The keyboard's input method (borrowed, lives as long as p): letters compose, Backspace edits the
 * composition, Space chooses the first candidate, Done commits the letters as typed. */
struct ui_input_method *pinyin_method(struct pinyin *p);

#endif
