/* The idle warning: a dialog over whatever screen is up, counting down the seconds before the
 * session is wiped, with one big button to carry on. The app shows it; it does not know the screen. */
#include <stdio.h>

#include "core/template.h"

#include "screens/flow.h"
#include "screens/screen.h"

void idle_warning_build(struct screen_ctx *ctx);

void idle_warning_build(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	char body[UI_TEXT_MAX];
	const char *names[] = {"seconds"};
	long values[] = {ctx->idle_seconds_left};
	template_fill(body, sizeof(body), screen_text(ctx, "idle.body"), names, values, 1);
	int *said = session_int(ctx->session, "iw.said", 0);
	if (!*said) { /* in the assisted mode the warning is said as well as shown, once */
		char spoken[UI_TEXT_MAX * 2];
		snprintf(spoken, sizeof(spoken), "%s%s", screen_text(ctx, "idle.title"), body);
		screen_say(ctx, spoken);
		*said = 1;
	}
	struct rect buttons = ui_dialog_begin(ui, "idle.warning", screen_text(ctx, "idle.title"), body, 1);
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_PRIMARY);
	look.role = TEXT_TITLE;
	if (ui_button(ui, "idle.continue", buttons, screen_text(ctx, "idle.continue"), &look))
		ctx->request.nav = SCREEN_STAY; /* any tap already counts as activity; the app closes the dialog */
	ui_dialog_end(ui);
}
