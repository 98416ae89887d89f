/* What the kiosk says for a screen, built from the widgets a UI pass recorded (the same list the
 * automation dump shows): the prompt (the screen's title and its question) when a screen opens or
 * 再听一次 is tapped, or everything on it, top to bottom, when the visitor asks for the whole screen
 * (the review before confirming). Texts are made speakable on the way: long numbers digit by digit
 * in groups, masked numbers by their visible end ("尾号 0018"), amounts in yuan as money ("一百元").
 * Pure functions over plain data; unit-tested. */
#ifndef KIOSK_VOICE_SCREEN_SPEECH_H
#define KIOSK_VOICE_SCREEN_SPEECH_H

#include <stddef.h>

#include "ui/ui.h"
#include "voice/voice.h"

#define SCREEN_SPEECH_MAX 4096 /* bytes of one prompt (voice_say cuts longer ones) */

enum speech_scope {
	SPEECH_PROMPT, /* the title and the question */
	SPEECH_ALL, /* every text and control on screen, top to bottom */
};

/* Writes what to say for the widgets of a pass (in the order recorded) into out. */
void screen_speech(const struct ui_widget *widgets, size_t n, enum speech_scope scope, enum voice_lang lang, char *out,
		   size_t len);
/* One text made speakable: runs of 6 or more digits (an X may end them) read digit by digit; masked
 * numbers ("4407**********0018", "139******78") by their visible end; "1,005.00 元" / "¥100" as
 * money; everything else as written. */
void speech_speakable(const char *text, enum voice_lang lang, char *out, size_t len);

#endif
