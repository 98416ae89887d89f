/* The assisted mode's controls; see assisted_bar.h. */
#include "screens/assisted_bar.h"

#include <stdio.h>

#include "app/voice_session.h"
#include "core/template.h"
#include "screens/chrome.h"
#include "screens/help_call.h"

static const char *const voice_keys[VOICE_LANG_COUNT] = {"voice.mandarin", "voice.cantonese", "voice.english"};

#define VOLUME_STEP 20

void assisted_bar_widths(struct screen_ctx *ctx, int w[ASSISTED_CONTROLS])
{
	struct ui *ui = ctx->ui;
	w[0] = ui_button_width(ui, screen_text(ctx, "voice.again"), "🔊", TEXT_HEADING);
	w[1] = ui_button_width(ui, screen_text(ctx, "help.call"), NULL, TEXT_HEADING);
	w[2] = ui_button_width(ui, screen_text(ctx, "voice.panel"), NULL, TEXT_HEADING);
}

void assisted_bar_control(struct screen_ctx *ctx, int index, struct rect r)
{
	struct ui *ui = ctx->ui;
	struct ui_button_look look = ui_button_look(ui, UI_BUTTON_SECONDARY);
	look.role = TEXT_HEADING;
	switch (index) {
	case 0:
		look.icon = "🔊";
		if (ui_button(ui, "voice.again", r, screen_text(ctx, "voice.again"), &look))
			*session_int(ctx->session, "vo.say", 0) = 1;
		break;
	case 1:
		help_call_button(ctx, r);
		break;
	default:
		if (ui_button(ui, "voice.panel", r, screen_text(ctx, "voice.panel"), &look))
			*session_int(ctx->session, "vo.panel", 0) = 1;
		break;
	}
}

/* The settings panel: the written language and high contrast; the spoken language, volume, hear first,
 * read all, speech on/off, close. */
static void panel(struct screen_ctx *ctx)
{
	struct ui *ui = ctx->ui;
	const struct theme *t = &ui->theme;
	int *off = session_int(ctx->session, "vo.off", 0);
	int *touch = session_int(ctx->session, "vo.touch", 0);
	int *volume = session_int(ctx->session, "vo.volume", 0);
	enum voice_lang lang = voice_session_lang(ctx->session, ui->lang);
	struct rect area = ui_dialog_begin(ui, "voice.dialog", screen_text(ctx, "voice.panel.title"),
					   screen_text(ctx, "voice.panel.body"), 5);
	int row_h = (area.h - 4 * t->gap / 2) / 5;
	struct rect rows[5];
	for (int i = 0; i < 5; i++)
		rows[i] = (struct rect){area.x, area.y + i * (row_h + t->gap / 2), area.w, row_h};
	/* 0: the written language and high contrast; then the voice, one row down */
	struct rect written = rows[0];
	/* high contrast as wide as its words ("High contrast" is longer than 高对比), at least a third */
	char contrast_shown[UI_TEXT_MAX];
	snprintf(contrast_shown, sizeof(contrast_shown), "✓ %s", screen_text(ctx, "settings.contrast"));
	int contrast_w = ui_button_width(ui, contrast_shown, NULL, TEXT_HEADING);
	if (contrast_w < written.w / 3)
		contrast_w = written.w / 3;
	if (contrast_w > written.w / 2)
		contrast_w = written.w / 2;
	chrome_contrast(ctx, rect_cut_right(&written, contrast_w));
	rect_cut_right(&written, t->gap / 2);
	if (chrome_language_count(ctx) > 1)
		chrome_languages(ctx, written);
	for (int i = 0; i < 4; i++)
		rows[i] = rows[i + 1];
	/* 1: the spoken language, three options; in body text when a name is too wide for a third (English) */
	enum text_role voice_role = TEXT_HEADING;
	for (int i = 0; i < VOICE_LANG_COUNT; i++)
		if (ui_button_width(ui, screen_text(ctx, voice_keys[i]), NULL, TEXT_HEADING) >
		    rect_cell(rows[0], i, VOICE_LANG_COUNT, t->gap / 2, true).w)
			voice_role = TEXT_BODY;
	for (int i = 0; i < VOICE_LANG_COUNT; i++) {
		struct ui_button_look look = ui_button_look(ui, (int)lang == i ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
		look.role_name = "option";
		look.selected = (int)lang == i;
		look.role = voice_role;
		if (ui_button(ui, voice_keys[i], rect_cell(rows[0], i, VOICE_LANG_COUNT, t->gap / 2, true),
			      screen_text(ctx, voice_keys[i]), &look))
			*session_int(ctx->session, "vo.lang", 0) = i + 1;
	}
	/* 2: volume − 70% + */
	int now = *volume > 0 ? *volume - 1 : -1; /* -1: the default, shown as such */
	char level[64];
	if (now < 0)
		snprintf(level, sizeof(level), "%s", screen_text(ctx, "voice.volume.default"));
	else
		template_fill(level, sizeof(level), screen_text(ctx, "voice.volume.level"), (const char *const[]){"n"},
			      (const long[]){now}, 1);
	struct ui_button_look step = ui_button_look(ui, UI_BUTTON_SECONDARY);
	step.role = TEXT_TITLE;
	int base = now < 0 ? 60 : now; /* from the default the first step lands on a round number */
	/* − and + are one sign each: the words between them get the rest ("Volume: default" is long) */
	struct rect middle = rows[1];
	int sign_w = t->target * 3 / 2 < middle.w / 4 ? t->target * 3 / 2 : middle.w / 4;
	struct rect down = rect_cut_left(&middle, sign_w), up = rect_cut_right(&middle, sign_w);
	middle = rect_inset(middle, t->gap / 2, 0);
	step.label = screen_text(ctx, "voice.volume.down");
	if (ui_button(ui, "voice.volume.down", down, "−", &step))
		*volume = (base - VOLUME_STEP < 0 ? 0 : base - VOLUME_STEP) + 1;
	int line = ui_line_height(ui, TEXT_HEADING);
	middle.y += (middle.h - line) / 2;
	ui_text(ui, "voice.volume", middle, level, TEXT_HEADING, TEXT_ALIGN_CENTER, 1, t->text);
	step.label = screen_text(ctx, "voice.volume.up");
	if (ui_button(ui, "voice.volume.up", up, "+", &step))
		*volume = (base + VOLUME_STEP > 100 ? 100 : base + VOLUME_STEP) + 1;
	/* 3: touch to hear beside read the whole screen; 4: speech on/off beside close */
	struct ui_button_look toggle = ui_button_look(ui, *touch ? UI_BUTTON_PRIMARY : UI_BUTTON_SECONDARY);
	toggle.role_name = "toggle";
	toggle.checked = *touch != 0;
	toggle.role = TEXT_HEADING;
	toggle.icon = *touch ? "☑" : "☐";
	if (ui_button(ui, "voice.touch", rect_cell(rows[2], 0, 2, t->gap / 2, true), screen_text(ctx, "voice.touch"), &toggle))
		*touch = !*touch;
	struct ui_button_look plain = ui_button_look(ui, UI_BUTTON_SECONDARY);
	plain.role = TEXT_HEADING;
	if (ui_button(ui, "voice.read_all", rect_cell(rows[2], 1, 2, t->gap / 2, true), screen_text(ctx, "voice.read_all"),
		      &plain)) {
		*session_int(ctx->session, "vo.panel", 0) = 0;
		*session_int(ctx->session, "vo.say", 0) = 2;
	}
	struct ui_button_look mute = ui_button_look(ui, UI_BUTTON_SECONDARY);
	mute.role = TEXT_HEADING;
	mute.role_name = "toggle";
	mute.checked = *off != 0;
	if (ui_button(ui, "voice.off", rect_cell(rows[3], 0, 2, t->gap / 2, true),
		      screen_text(ctx, *off ? "voice.turn_on" : "voice.turn_off"), &mute))
		*off = !*off;
	struct ui_button_look close = ui_button_look(ui, UI_BUTTON_PRIMARY);
	close.role = TEXT_HEADING;
	if (ui_button(ui, "voice.close", rect_cell(rows[3], 1, 2, t->gap / 2, true), screen_text(ctx, "voice.close"),
		      &close))
		*session_int(ctx->session, "vo.panel", 0) = 0;
	ui_dialog_end(ui);
}

void assisted_bar_dialogs(struct screen_ctx *ctx)
{
	if (ctx->ui->theme.kind != THEME_STANDARD && *session_int(ctx->session, "vo.panel", 0))
		panel(ctx);
	help_call_dialog(ctx); /* in every theme: the keyboard's "ask staff" calls from the standard one too */
}
