/* The assisted mode's voice for one visitor. After each UI pass the app hands over what the pass
 * recorded; the voice session then says the prompt of a screen that has just opened (its title and
 * question), the label of a control touched to hear it, or what the visitor asked to hear again,
 * and applies the visitor's choices kept in the session (so the session wipe resets them):
 *   vo.off    1: the visitor turned speech off (on by default in the assisted mode)
 *   vo.lang   spoken language, enum voice_lang + 1 (0: follow the written language: 简体 → 普通话,
 *             繁體 → 粤语, English → English)
 *   vo.volume volume in percent + 1 (0: the configured default)
 *   vo.touch  1: touch to hear, tap again to choose
 *   vo.say    1: say the prompt again, 2: read the whole screen (cleared once said)
 *   vo.text   (a text value) a sentence a screen wants said now, such as "工作人员马上就到" (cleared
 *             once said; screens set it with screen_say)
 * Speech happens only in the assisted (large) themes. Belongs to the UI thread. */
#ifndef KIOSK_APP_VOICE_SESSION_H
#define KIOSK_APP_VOICE_SESSION_H

#include <stdbool.h>

#include "app/session.h"
#include "ui/ui.h"
#include "voice/voice.h"

struct voice_session;

/* opts as for voice_create; default_volume 0 … 100. NULL only when out of memory. */
struct voice_session *voice_session_create(const struct voice_options *opts, int default_volume);
void voice_session_destroy(struct voice_session *vs);
/* After a pass on screen (its name) in the assisted mode or not: speaks what is due (see above) and
 * sets ui->touch_to_hear for the next pass. */
void voice_session_after_pass(struct voice_session *vs, struct ui *ui, struct session *s, const char *screen,
			      bool assisted);
/* Says text now (a message the app shows outside any screen: the idle warning), if speech is on. */
void voice_session_say(struct voice_session *vs, struct session *s, enum text_lang written, const char *text);
/* Says text in lang now, whatever the mode (the staff voice check). */
void voice_session_test(struct voice_session *vs, enum voice_lang lang, const char *text);
/* True when speech can be heard (espeak-ng ready and an audio device open). */
bool voice_session_audible(const struct voice_session *vs);
/* The visitor left: stop speaking, forget the screen spoken for (the volume follows the session). */
void voice_session_reset(struct voice_session *vs);
/* The last text handed to the synthesizer ("" for none): for the automation dump and tests. */
const char *voice_session_last(const struct voice_session *vs);
/* The spoken language in effect for a visitor writing in written. */
enum voice_lang voice_session_lang(struct session *s, enum text_lang written);

#endif
