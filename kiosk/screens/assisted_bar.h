/* The assisted mode's controls, on every screen in the large themes beside the 长辈版 switch:
 * 🔊 再听一次 (say the title and question again), 请工作人员帮忙 (help_call.h) and 设置 (a panel: the
 * written language, high contrast, the spoken language 普通话 / 粤语 / English, volume, "hear first",
 * read the whole screen, speech on or off). The choices live in the session (vo.*, see
 * app/voice_session.h), so the next visitor starts from the defaults. */
#ifndef KIOSK_SCREENS_ASSISTED_BAR_H
#define KIOSK_SCREENS_ASSISTED_BAR_H

#include "screens/screen.h"

#define ASSISTED_CONTROLS 3

/* The width each control needs (再听一次, 请工作人员帮忙, 设置). */
void assisted_bar_widths(struct screen_ctx *ctx, int w[ASSISTED_CONTROLS]);
/* Draws control index (0 … 2, as above) in r. */
void assisted_bar_control(struct screen_ctx *ctx, int index, struct rect r);
/* The settings panel and the help dialog when open (nothing otherwise); call it last in a pass. */
void assisted_bar_dialogs(struct screen_ctx *ctx);

#endif
