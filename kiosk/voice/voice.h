/* Speech for the assisted mode (长辈版): espeak-ng voices for Mandarin, Cantonese and English,
 * synthesized on a worker thread and played through SDL audio, so the UI never waits for speech.
 * voice_say interrupts whatever is being said (the next tap cuts the last prompt short). A kiosk
 * without an audio device, without espeak-ng data or without one voice still runs: the voice is
 * then silent (or falls back to another voice) with one log line, never a crash.
 * Threads: every function is for the UI thread; the worker and the audio callback are internal. */
#ifndef KIOSK_VOICE_VOICE_H
#define KIOSK_VOICE_VOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The spoken language the visitor chose (independent of the written one). */
enum voice_lang { VOICE_MANDARIN, VOICE_CANTONESE, VOICE_ENGLISH, VOICE_LANG_COUNT };

struct voice_options {
	bool audio; /* open an SDL audio output (false: synthesize only, e.g. headless tests) */
	int volume_pct; /* 0 … 100, the starting volume */
};

struct voice;

/* Starts the engine; NULL only when out of memory (a missing device or voice data gives a voice that
 * stays silent, logged once). Loads espeak-ng's data the first time in the process (a few ms); the
 * audio device is opened by the worker (a tenth of a second or more, longer without a device), and a
 * prompt said meanwhile waits for it. Call it once, not per screen. opts is copied; NULL: no audio. */
struct voice *voice_create(const struct voice_options *opts);
/* Stops speech and the worker; NULL is a no-op. */
void voice_destroy(struct voice *v);
/* Says text (copied) in lang, cutting short whatever is being said. Latin runs inside a Chinese
 * prompt go to the English voice (speech_split). Returns at once. */
void voice_say(struct voice *v, enum voice_lang lang, const char *text);
/* Stops speaking now. */
void voice_stop(struct voice *v);
/* Sets the volume, 0 … 100 (clamped). */
void voice_set_volume(struct voice *v, int pct);
int voice_volume(const struct voice *v);
/* True while something is queued or playing. */
bool voice_speaking(struct voice *v);
/* True when speech can be heard (espeak-ng initialised and an audio device open); waits for the
 * device to be opened when it still is. */
bool voice_available(struct voice *v);
/* The last text handed to voice_say (for the automation dump and tests; "" when none). */
const char *voice_last_text(const struct voice *v);

/* Synthesizes text in lang into 16-bit mono samples (malloc'd, caller frees) at *rate Hz, with the
 * same splitting as voice_say; no audio device needed. False with a reason in err. For tests and
 * the staff voice check. */
bool voice_synthesize(enum voice_lang lang, const char *text, int16_t **samples, size_t *count, int *rate,
		      char *err, size_t errlen);

#endif
