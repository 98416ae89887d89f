/* "请工作人员帮忙": the assisted mode's call for staff, on every screen. Tapping it stores a help
 * request in the outbox (it reaches the backend and the staff list on this kiosk) naming the screen
 * the visitor is on, and opens a dialog that says, in text and voice, that staff are coming; the
 * visitor can call it off there (a cancellation, itself an outbox submission, behind the request in
 * its lane). Kept in the session (hp.*), so the session wipe ends it. */
#ifndef KIOSK_SCREENS_HELP_CALL_H
#define KIOSK_SCREENS_HELP_CALL_H

#include "screens/screen.h"

/* The button, in r. */
void help_call_button(struct screen_ctx *ctx, struct rect r);
/* Calls staff for reason (the contract's: "assistance", "character_input" from the keyboard of a name
 * field, …) and opens the dialog; when a call is already open, only shows the dialog again. */
void help_call_request(struct screen_ctx *ctx, const char *reason);
/* The dialog while a call is open (draws nothing otherwise); call it last in a pass. */
void help_call_dialog(struct screen_ctx *ctx);

#endif
