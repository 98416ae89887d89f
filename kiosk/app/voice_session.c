/* The visitor's voice; see voice_session.h. */
#include "app/voice_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice/screen_speech.h"

struct voice_session {
	struct voice *voice;
	int default_volume;
	bool assisted; /* the last pass was in the assisted mode */
	char spoken_for[64]; /* the screen whose prompt was said; "" after a reset */
	char last[SCREEN_SPEECH_MAX];
};

struct voice_session *voice_session_create(const struct voice_options *opts, int default_volume)
{
	struct voice_session *vs = calloc(1, sizeof(*vs));
	if (!vs)
		return NULL;
	vs->voice = voice_create(opts);
	if (!vs->voice) {
		free(vs);
		return NULL;
	}
	vs->default_volume = default_volume < 0 ? 0 : default_volume > 100 ? 100 : default_volume;
	voice_set_volume(vs->voice, vs->default_volume);
	return vs;
}

void voice_session_destroy(struct voice_session *vs)
{
	if (!vs)
		return;
	voice_destroy(vs->voice);
	free(vs);
}

enum voice_lang voice_session_lang(struct session *s, enum text_lang written)
{
	int chosen = *session_int(s, "vo.lang", 0);
	if (chosen >= 1 && chosen <= VOICE_LANG_COUNT)
		return (enum voice_lang)(chosen - 1);
	return written == TEXT_LANG_EN ? VOICE_ENGLISH : written == TEXT_LANG_ZH_HANT ? VOICE_CANTONESE : VOICE_MANDARIN;
}

static void say(struct voice_session *vs, enum voice_lang lang, const char *text)
{
	if (!text[0])
		return;
	snprintf(vs->last, sizeof(vs->last), "%s", text);
	voice_say(vs->voice, lang, text);
}

void voice_session_say(struct voice_session *vs, struct session *s, enum text_lang written, const char *text)
{
	if (!vs || !vs->assisted || *session_int(s, "vo.off", 0))
		return;
	char speakable[SCREEN_SPEECH_MAX];
	enum voice_lang lang = voice_session_lang(s, written);
	speech_speakable(text, lang, speakable, sizeof(speakable));
	say(vs, lang, speakable);
}

void voice_session_after_pass(struct voice_session *vs, struct ui *ui, struct session *s, const char *screen,
			      bool assisted)
{
	if (!vs)
		return;
	if (!assisted) { /* speech belongs to the assisted mode: leaving it is silence */
		if (vs->assisted)
			voice_stop(vs->voice);
		vs->assisted = false;
		vs->spoken_for[0] = '\0';
		ui->touch_to_hear = false;
		return;
	}
	vs->assisted = true;
	int volume = *session_int(s, "vo.volume", 0);
	int want = volume > 0 ? volume - 1 : vs->default_volume;
	if (voice_volume(vs->voice) != want)
		voice_set_volume(vs->voice, want);
	bool off = *session_int(s, "vo.off", 0) != 0;
	ui->touch_to_hear = !off && *session_int(s, "vo.touch", 0) != 0;
	int *again = session_int(s, "vo.say", 0);
	if (off) {
		if (voice_speaking(vs->voice))
			voice_stop(vs->voice);
		*again = 0;
		snprintf(vs->spoken_for, sizeof(vs->spoken_for), "%s", screen);
		return;
	}
	enum voice_lang lang = voice_session_lang(s, ui->lang);
	char text[SCREEN_SPEECH_MAX];
	if (ui->hear_id[0]) { /* a control touched to hear: its label */
		const struct ui_widget *w = ui_find(ui, ui->hear_id);
		if (w) {
			speech_speakable(w->label[0] ? w->label : w->text, lang, text, sizeof(text));
			say(vs, lang, text);
		}
		return;
	}
	struct ui_field *message = session_field(s, "vo.text", 0);
	if (message && message->len) { /* a sentence the screen wants said: what just happened */
		speech_speakable(message->text, lang, text, sizeof(text));
		ui_field_clear(message);
		say(vs, lang, text);
		return;
	}
	if (*again == 2 && !ui->record_hidden) { /* the whole screen, scrolled-out parts too: one more pass */
		ui->record_hidden = true;
		ui_wake_at(ui, ui->now_ms);
		return;
	}
	if (*again) {
		screen_speech(ui->widgets, ui->widget_count, *again == 2 ? SPEECH_ALL : SPEECH_PROMPT, lang, text,
			      sizeof(text));
		*again = 0;
		ui->record_hidden = false;
		say(vs, lang, text);
		return;
	}
	if (strcmp(vs->spoken_for, screen) != 0) { /* a screen just opened: its title and question */
		snprintf(vs->spoken_for, sizeof(vs->spoken_for), "%s", screen);
		screen_speech(ui->widgets, ui->widget_count, SPEECH_PROMPT, lang, text, sizeof(text));
		say(vs, lang, text);
	}
}

void voice_session_test(struct voice_session *vs, enum voice_lang lang, const char *text)
{
	if (vs)
		say(vs, lang, text);
}

bool voice_session_audible(const struct voice_session *vs)
{
	return vs && voice_available(vs->voice);
}

void voice_session_reset(struct voice_session *vs)
{
	if (!vs)
		return;
	voice_stop(vs->voice);
	vs->spoken_for[0] = '\0';
	vs->last[0] = '\0';
	voice_set_volume(vs->voice, vs->default_volume);
}

const char *voice_session_last(const struct voice_session *vs)
{
	return vs ? vs->last : "";
}
