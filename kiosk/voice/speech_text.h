/* What the kiosk hands to the synthesizer, as text: prompts split by script (espeak-ng 1.51's
 * cmn-latn-pinyin voice reads Chinese well but reads Latin words as pinyin, so Latin runs go to the
 * English voice), numbers read digit by digit (ID and phone numbers) and money read as an amount
 * ("一百元"). Pure functions, unit-tested; no espeak-ng here. */
#ifndef KIOSK_VOICE_SPEECH_TEXT_H
#define KIOSK_VOICE_SPEECH_TEXT_H

#include <stddef.h>

#include "voice/voice.h"

#define SPEECH_RUNS_MAX 32

/* A run of text for one voice: bytes [start, start + len) of the prompt. */
struct speech_run {
	enum voice_lang lang;
	size_t start, len;
};

/* Splits a prompt into runs: Han characters, CJK punctuation and digits stay with the chosen voice
 * (chinese: VOICE_MANDARIN or VOICE_CANTONESE); runs of Latin letters (with the spaces and ASCII
 * punctuation inside them) go to VOICE_ENGLISH. With VOICE_ENGLISH everything is one English run.
 * Returns how many runs (at most max; the rest of the text joins the last run). */
int speech_split(const char *text, enum voice_lang lang, struct speech_run *out, int max);
/* A number read digit by digit ("440704…X" → "四 四 零 七 零 四 … X" in Mandarin and Cantonese,
 * "four four zero seven …" in English); characters that are not digits or X are skipped. */
void speech_digits(const char *digits, enum voice_lang lang, char *out, size_t len);
/* Money read as an amount: 10000 fen → "一百元", 8880 → "八十八元八角", 100500 → "一千零五元",
 * 1 → "一分"; English "one hundred yuan", "eighty-eight yuan and eighty fen". */
void speech_amount(long long fen, enum voice_lang lang, char *out, size_t len);

#endif
