/* Speech for the assisted mode: espeak-ng synthesizes on a worker thread, SDL audio plays.
 *
 * espeak-ng is one global, non-thread-safe engine, so every espeak call in the process goes through
 * engine_enter/engine_leave (a global mutex); the engine is initialised once and kept for the life
 * of the process. The worker synthesizes a prompt run by run (speech_split) and queues each chunk of
 * samples to SDL (SDL_QueueAudio) as espeak produces it, so the first words play long before the
 * prompt is synthesized. voice_say and voice_stop bump a generation counter under the voice's lock
 * and clear the SDL queue; a chunk of an older generation is never queued, and espeak's callback
 * returns 1 to abandon the old synthesis at its next chunk.
 *
 * Voices in Debian 12's espeak-ng 1.51 (checked with `espeak-ng -v NAME -x`): "cmn-latn-pinyin"
 * reads Han characters with Mandarin phonemes and tones ("cmn" in 1.51 reads them as English-sounding
 * pinyin); "yue" reads them in Cantonese (jyutping-like phonemes with tones 1-6); "en" is British
 * English. A voice missing from the installed data falls back (yue → cmn-latn-pinyin → cmn → en,
 * one log line each), and no espeak data at all or no audio device leaves a silent voice.
 *
 * Limits: prompts are cut at VOICE_TEXT_MAX bytes (on a character boundary). The volume scales
 * samples as they are queued, so a change applies from the next chunk (about 60 ms), not to audio
 * already queued. espeak_ng_Initialize sets the process's LC_CTYPE to C.UTF-8 (its iswalpha needs a
 * UTF-8 locale); the global locale is put back afterwards and espeak runs under a thread-local
 * C.UTF-8 locale (uselocale) instead. Never log the text: prompts can carry names and ID numbers. */
#include "voice/voice.h"

#include <SDL.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/utf8.h"
#include "voice/speech_text.h"

#define VOICE_TEXT_MAX 4096 /* bytes of one prompt */
#define VOICE_RATE_WPM 150 /* espeak's default is 175; seniors follow a slower voice better */
#define VOICE_SYNTH_MAX_S 600 /* voice_synthesize refuses to collect more audio than this */
#define CHUNK_MS 60 /* espeak hands samples over in chunks this long: the abort granularity */
#define QUEUE_BLOCK 1024 /* samples scaled and queued at a time */

/* ---- the one espeak-ng engine ---- */

static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static int engine_state; /* 0 not tried, 1 ready, -1 failed (logged once) */
static int engine_rate;
static char engine_error[160];
static const char *engine_voice[VOICE_LANG_COUNT]; /* the espeak voice each language resolved to */
static locale_t engine_locale; /* C.UTF-8 for the espeak calls; 0 when unavailable */
static locale_t engine_saved_locale;

/* Voices to try per language, best first, with the dictionary each needs: espeak-ng 1.51 accepts a
 * voice whose dictionary file is missing (it prints "Can't read dictionary file" and goes on with
 * the previous voice's rules), so the file is checked too. */
struct voice_choice {
	const char *name, *dict;
};
static const struct voice_choice voice_chain[VOICE_LANG_COUNT][5] = {
	[VOICE_MANDARIN] = {{"cmn-latn-pinyin", "cmn_dict"}, {"cmn", "cmn_dict"}, {"en", "en_dict"}},
	[VOICE_CANTONESE] = {{"yue", "yue_dict"}, {"cmn-latn-pinyin", "cmn_dict"}, {"cmn", "cmn_dict"},
			     {"en", "en_dict"}},
	[VOICE_ENGLISH] = {{"en", "en_dict"}, {"en-us", "en_dict"}},
};
static const char *const lang_name[VOICE_LANG_COUNT] = {"Mandarin", "Cantonese", "English"};

/* Where espeak's callback puts the samples of the synthesis in progress (under engine_lock). */
struct sink {
	struct voice *v; /* playing: queue to v's device while gen is current */
	unsigned gen;
	int16_t *buf; /* collecting (v == NULL) */
	size_t len, cap, max;
	const char *failure; /* why collecting stopped early */
};
static struct sink *engine_sink;

struct voice {
	pthread_mutex_t lock; /* guards the fields down to dev, and SDL queue calls */
	pthread_cond_t wake;
	char *pending; /* the next prompt for the worker (owned) */
	enum voice_lang pending_lang;
	bool busy; /* the worker is synthesizing */
	bool quit;
	unsigned gen; /* bumped by say and stop: older synthesis is abandoned */
	enum { VOICE_STARTING, VOICE_LIVE, VOICE_SILENT } state; /* the device, opened by the worker */
	pthread_cond_t started; /* state left VOICE_STARTING */
	SDL_AudioDeviceID dev; /* 0: nothing can be heard (set by the worker before VOICE_LIVE) */
	bool sdl_audio; /* we initialised SDL's audio subsystem (worker) */
	bool worker_started; /* UI thread */
	int rate; /* the engine's rate, for the worker's device */
	pthread_t worker;
	atomic_int volume;
	char *last_text; /* UI thread only */
};

static void engine_enter(void)
{
	pthread_mutex_lock(&engine_lock);
	engine_saved_locale = engine_locale ? uselocale(engine_locale) : (locale_t)0;
}

static void engine_leave(void)
{
	if (engine_saved_locale)
		uselocale(engine_saved_locale);
	pthread_mutex_unlock(&engine_lock);
}

static int synth_callback(short *wav, int count, espeak_EVENT *events);

static bool have_dict(const char *dict)
{
	const char *dir = NULL;
	espeak_Info(&dir);
	char path[600];
	if (!dir || snprintf(path, sizeof(path), "%s/%s", dir, dict) >= (int)sizeof(path))
		return true; /* cannot tell: trust espeak_ng_SetVoiceByName */
	return access(path, R_OK) == 0;
}

/* Picks the first voice of the chain espeak has, logging a fallback once. */
static void resolve_voices(void)
{
	for (int lang = 0; lang < VOICE_LANG_COUNT; lang++) {
		const struct voice_choice *chain = voice_chain[lang];
		for (int i = 0; chain[i].name; i++) {
			if (!have_dict(chain[i].dict) || espeak_ng_SetVoiceByName(chain[i].name) != ENS_OK)
				continue;
			engine_voice[lang] = chain[i].name;
			if (i > 0)
				kiosk_log(LOG_WARN, "voice: espeak-ng has no \"%s\" voice: %s falls back to \"%s\"",
					  chain[0].name, lang_name[lang], chain[i].name);
			break;
		}
		if (!engine_voice[lang])
			kiosk_log(LOG_ERROR, "voice: no espeak-ng voice for %s: it stays silent", lang_name[lang]);
	}
}

/* Initialises espeak-ng once; call between engine_enter and engine_leave. */
static bool engine_init(void)
{
	if (engine_state)
		return engine_state > 0;
	engine_state = -1;
	/* Our own thread uses C.UTF-8 for espeak; the process's locale is restored after
	 * espeak_ng_Initialize changes it. */
	char saved[64] = "";
	const char *cur = setlocale(LC_CTYPE, NULL);
	if (cur && strlen(cur) < sizeof(saved))
		memcpy(saved, cur, strlen(cur) + 1);
	engine_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (engine_locale)
		engine_saved_locale = uselocale(engine_locale);

	espeak_ng_ERROR_CONTEXT ctx = NULL;
	espeak_ng_InitializePath(NULL);
	espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
	if (engine_locale && saved[0])
		setlocale(LC_CTYPE, saved);
	if (st == ENS_OK)
		st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, CHUNK_MS, NULL);
	if (st != ENS_OK) {
		char msg[120];
		espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
		espeak_ng_ClearErrorContext(&ctx);
		snprintf(engine_error, sizeof(engine_error), "espeak-ng could not start: %s", msg);
		kiosk_log(LOG_ERROR, "voice: %s: speech stays silent", engine_error);
		return false;
	}
	espeak_SetSynthCallback(synth_callback);
	engine_rate = espeak_ng_GetSampleRate();
	resolve_voices();
	engine_state = 1;
	kiosk_log(LOG_INFO, "voice: espeak-ng ready at %d Hz (%s, %s, %s)", engine_rate,
		  engine_voice[VOICE_MANDARIN] ? engine_voice[VOICE_MANDARIN] : "none",
		  engine_voice[VOICE_CANTONESE] ? engine_voice[VOICE_CANTONESE] : "none",
		  engine_voice[VOICE_ENGLISH] ? engine_voice[VOICE_ENGLISH] : "none");
	return true;
}

/* Is the playing synthesis still wanted? Queues under the voice's lock so a say or stop that
 * cleared the queue never sees an older chunk arrive after it. */
static int sink_play(struct sink *s, const short *wav, size_t count)
{
	struct voice *v = s->v;
	int16_t block[QUEUE_BLOCK];
	int vol = atomic_load(&v->volume);
	for (size_t off = 0; off < count; off += QUEUE_BLOCK) {
		size_t n = count - off < QUEUE_BLOCK ? count - off : QUEUE_BLOCK;
		for (size_t i = 0; i < n; i++)
			block[i] = (int16_t)((int32_t)wav[off + i] * vol / 100);
		pthread_mutex_lock(&v->lock);
		bool live = v->gen == s->gen && !v->quit;
		if (live && SDL_QueueAudio(v->dev, block, (Uint32)(n * sizeof(block[0]))) != 0)
			live = false; /* the device went away: drop the rest of this prompt */
		pthread_mutex_unlock(&v->lock);
		if (!live)
			return 1;
	}
	return 0;
}

static int sink_collect(struct sink *s, const short *wav, size_t count)
{
	if (s->len + count > s->max) {
		s->failure = "the text gives too much audio";
		return 1;
	}
	if (s->len + count > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16384;
		while (cap < s->len + count)
			cap *= 2;
		int16_t *buf = realloc(s->buf, cap * sizeof(*buf));
		if (!buf) {
			s->failure = "out of memory";
			return 1;
		}
		s->buf = buf;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, wav, count * sizeof(*wav));
	s->len += count;
	return 0;
}

/* espeak's callback: 0 goes on, 1 abandons the synthesis. */
static int synth_callback(short *wav, int count, espeak_EVENT *events)
{
	(void)events;
	struct sink *s = engine_sink;
	if (!s || !wav || count <= 0)
		return 0;
	return s->v ? sink_play(s, wav, (size_t)count) : sink_collect(s, wav, (size_t)count);
}

/* Synthesizes text[0..len) in lang into sink; call inside engine_enter/leave with the engine ready.
 * Invalid UTF-8 and control characters become spaces; a run of only spaces says nothing. */
static bool synth_run(enum voice_lang lang, const char *text, size_t len, struct sink *sink, char *err,
		      size_t errlen)
{
	char *buf = malloc(len + 1);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	size_t out = 0;
	bool speakable = false;
	for (size_t i = 0; i < len;) {
		size_t used = 1;
		uint32_t cp = utf8_decode(text + i, len - i, &used);
		if ((cp == 0xFFFD && used == 1) || cp < 0x20 || cp == 0x7f) {
			buf[out++] = ' ';
		} else {
			memcpy(buf + out, text + i, used);
			out += used;
			speakable |= cp != ' ';
		}
		i += used;
	}
	buf[out] = '\0';
	bool ok = true;
	if (speakable) {
		const char *name = engine_voice[lang];
		if (!name || espeak_ng_SetVoiceByName(name) != ENS_OK) {
			snprintf(err, errlen, "no espeak-ng voice for %s", lang_name[lang]);
			free(buf);
			return false;
		}
		espeak_ng_SetParameter(espeakRATE, VOICE_RATE_WPM, 0);
		engine_sink = sink;
		espeak_ng_STATUS st =
			espeak_ng_Synthesize(buf, out + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, NULL);
		engine_sink = NULL;
		if (st != ENS_OK && st != ENS_SPEECH_STOPPED) {
			char msg[120];
			espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
			snprintf(err, errlen, "espeak-ng: %s", msg);
			ok = false;
		} else if (sink->failure) {
			snprintf(err, errlen, "%s", sink->failure);
			ok = false;
		}
	}
	free(buf);
	return ok;
}

bool voice_synthesize(enum voice_lang lang, const char *text, int16_t **samples, size_t *count, int *rate,
		      char *err, size_t errlen)
{
	char dummy[8];
	if (!err || errlen == 0) {
		err = dummy;
		errlen = sizeof(dummy);
	}
	err[0] = '\0';
	if (!samples || !count || !rate || (unsigned)lang >= VOICE_LANG_COUNT) {
		snprintf(err, errlen, "bad arguments");
		return false;
	}
	*samples = NULL;
	*count = 0;
	*rate = 0;
	if (!text)
		text = "";
	if (strlen(text) > VOICE_TEXT_MAX) {
		snprintf(err, errlen, "text longer than %d bytes", VOICE_TEXT_MAX);
		return false;
	}
	bool ok = false;
	struct sink sink = {0};
	engine_enter();
	if (!engine_init()) {
		snprintf(err, errlen, "%s", engine_error);
		goto out;
	}
	*rate = engine_rate;
	sink.max = (size_t)engine_rate * VOICE_SYNTH_MAX_S;
	struct speech_run runs[SPEECH_RUNS_MAX];
	int n = speech_split(text, lang, runs, SPEECH_RUNS_MAX);
	for (int i = 0; i < n; i++)
		if (!synth_run(runs[i].lang, text + runs[i].start, runs[i].len, &sink, err, errlen))
			goto out;
	*samples = sink.buf;
	*count = sink.len;
	sink.buf = NULL;
	ok = true;
out:
	engine_leave();
	free(sink.buf);
	return ok;
}

/* ---- the voice: worker and audio ---- */

static bool gen_current(struct voice *v, unsigned gen)
{
	pthread_mutex_lock(&v->lock);
	bool cur = v->gen == gen && !v->quit;
	pthread_mutex_unlock(&v->lock);
	return cur;
}

static void speak(struct voice *v, enum voice_lang lang, const char *text, unsigned gen)
{
	struct speech_run runs[SPEECH_RUNS_MAX];
	int n = speech_split(text, lang, runs, SPEECH_RUNS_MAX);
	struct sink sink = {.v = v, .gen = gen};
	for (int i = 0; i < n && gen_current(v, gen); i++) {
		char err[160];
		engine_enter();
		bool ok = synth_run(runs[i].lang, text + runs[i].start, runs[i].len, &sink, err, sizeof(err));
		engine_leave();
		if (!ok) {
			kiosk_log(LOG_WARN, "voice: %s prompt not spoken: %s", lang_name[runs[i].lang], err);
			return;
		}
	}
}

static void open_audio(struct voice *v, int rate);

/* Opens the device (which can take a tenth of a second, or longer without one), then says each
 * prompt handed over; without a device the prompts are dropped and the worker ends. */
static void *worker_main(void *arg)
{
	struct voice *v = arg;
	open_audio(v, v->rate);
	pthread_mutex_lock(&v->lock);
	v->state = v->dev ? VOICE_LIVE : VOICE_SILENT;
	pthread_cond_broadcast(&v->started);
	if (v->state == VOICE_SILENT) {
		free(v->pending);
		v->pending = NULL;
		pthread_mutex_unlock(&v->lock);
		SDL_TLSCleanup();
		return NULL;
	}
	for (;;) {
		while (!v->quit && !v->pending)
			pthread_cond_wait(&v->wake, &v->lock);
		if (v->quit)
			break;
		char *text = v->pending;
		enum voice_lang lang = v->pending_lang;
		unsigned gen = v->gen;
		v->pending = NULL;
		v->busy = true;
		pthread_mutex_unlock(&v->lock);
		speak(v, lang, text, gen);
		free(text);
		pthread_mutex_lock(&v->lock);
		v->busy = false;
	}
	pthread_mutex_unlock(&v->lock);
	SDL_TLSCleanup(); /* SDL's per-thread data (its error text) on a thread SDL did not start */
	return NULL;
}

/* Opens the default output at the engine's rate (on the worker); on failure logs once per process
 * and leaves v->dev at 0. */
static void open_audio(struct voice *v, int rate)
{
	static atomic_bool logged;
	const char *why = NULL;
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
		why = "SDL audio did not start";
	} else {
		v->sdl_audio = true;
		SDL_AudioSpec want = {.freq = rate, .format = AUDIO_S16SYS, .channels = 1, .samples = 1024};
		SDL_AudioSpec have;
		SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
		pthread_mutex_lock(&v->lock);
		v->dev = dev;
		pthread_mutex_unlock(&v->lock);
		if (!dev)
			why = "no audio output device";
	}
	if (why) {
		if (!atomic_exchange(&logged, true))
			kiosk_log(LOG_WARN, "voice: %s (%s): speech stays silent", why, SDL_GetError());
		if (v->sdl_audio)
			SDL_QuitSubSystem(SDL_INIT_AUDIO);
		v->sdl_audio = false;
		return;
	}
	SDL_PauseAudioDevice(v->dev, 0);
	kiosk_log(LOG_INFO, "voice: audio output open (driver %s)", SDL_GetCurrentAudioDriver());
}

static int clamp_pct(int pct)
{
	return pct < 0 ? 0 : pct > 100 ? 100 : pct;
}

struct voice *voice_create(const struct voice_options *opts)
{
	struct voice *v = calloc(1, sizeof(*v));
	if (!v)
		return NULL;
	if (pthread_mutex_init(&v->lock, NULL) != 0) {
		free(v);
		return NULL;
	}
	if (pthread_cond_init(&v->wake, NULL) != 0 || pthread_cond_init(&v->started, NULL) != 0) {
		pthread_cond_destroy(&v->wake);
		pthread_mutex_destroy(&v->lock);
		free(v);
		return NULL;
	}
	atomic_init(&v->volume, clamp_pct(opts ? opts->volume_pct : 100));
	v->state = VOICE_SILENT;
	if (!opts || !opts->audio)
		return v; /* voice_synthesize starts the engine when it is needed */
	engine_enter();
	bool engine_ok = engine_init();
	v->rate = engine_rate;
	engine_leave();
	if (!engine_ok)
		return v;
	v->state = VOICE_STARTING;
	if (pthread_create(&v->worker, NULL, worker_main, v) == 0) {
		v->worker_started = true;
	} else {
		kiosk_log(LOG_ERROR, "voice: no speech thread: speech stays silent");
		v->state = VOICE_SILENT;
	}
	return v;
}

void voice_destroy(struct voice *v)
{
	if (!v)
		return;
	if (v->worker_started) {
		pthread_mutex_lock(&v->lock);
		v->quit = true;
		v->gen++;
		pthread_cond_signal(&v->wake);
		pthread_mutex_unlock(&v->lock);
		pthread_join(v->worker, NULL);
	}
	if (v->dev)
		SDL_CloseAudioDevice(v->dev);
	if (v->sdl_audio)
		SDL_QuitSubSystem(SDL_INIT_AUDIO);
	free(v->pending);
	free(v->last_text);
	pthread_cond_destroy(&v->started);
	pthread_cond_destroy(&v->wake);
	pthread_mutex_destroy(&v->lock);
	free(v);
}

void voice_say(struct voice *v, enum voice_lang lang, const char *text)
{
	if (!v)
		return;
	if (!text)
		text = "";
	size_t n = strlen(text);
	size_t cap = (n > VOICE_TEXT_MAX ? VOICE_TEXT_MAX : n) + 1;
	char *copy = malloc(cap), *last = malloc(cap);
	if (!copy || !last) {
		free(copy);
		free(last);
		kiosk_log(LOG_WARN, "voice: out of memory: prompt dropped");
		return;
	}
	utf8_copy(copy, cap, text);
	memcpy(last, copy, strlen(copy) + 1);
	free(v->last_text);
	v->last_text = last;
	if ((unsigned)lang >= VOICE_LANG_COUNT) {
		free(copy);
		voice_stop(v); /* an unknown language says nothing, but still cuts the last prompt */
		return;
	}
	pthread_mutex_lock(&v->lock);
	v->gen++;
	free(v->pending);
	v->pending = NULL;
	if (v->state == VOICE_SILENT) {
		free(copy);
	} else { /* while the device is opening, the prompt waits for it */
		v->pending = copy;
		v->pending_lang = lang;
	}
	if (v->dev)
		SDL_ClearQueuedAudio(v->dev);
	pthread_cond_signal(&v->wake);
	pthread_mutex_unlock(&v->lock);
}

void voice_stop(struct voice *v)
{
	if (!v || !v->worker_started)
		return;
	pthread_mutex_lock(&v->lock);
	v->gen++;
	free(v->pending);
	v->pending = NULL;
	if (v->dev)
		SDL_ClearQueuedAudio(v->dev);
	pthread_mutex_unlock(&v->lock);
}

void voice_set_volume(struct voice *v, int pct)
{
	if (v)
		atomic_store(&v->volume, clamp_pct(pct));
}

int voice_volume(const struct voice *v)
{
	return v ? atomic_load(&v->volume) : 0;
}

bool voice_speaking(struct voice *v)
{
	if (!v || !v->worker_started)
		return false;
	pthread_mutex_lock(&v->lock);
	bool speaking = v->pending || v->busy || (v->dev && SDL_GetQueuedAudioSize(v->dev) > 0);
	pthread_mutex_unlock(&v->lock);
	return speaking;
}

bool voice_available(struct voice *v)
{
	if (!v)
		return false;
	pthread_mutex_lock(&v->lock);
	while (v->state == VOICE_STARTING)
		pthread_cond_wait(&v->started, &v->lock);
	bool live = v->state == VOICE_LIVE;
	pthread_mutex_unlock(&v->lock);
	return live;
}

const char *voice_last_text(const struct voice *v)
{
	return v && v->last_text ? v->last_text : "";
}
