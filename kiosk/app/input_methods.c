/* The keyboard's input methods; see input_methods.h. */
#include "app/input_methods.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/install_paths.h"
#include "core/log.h"
#include "ime/handwriting.h"
#include "ime/pinyin.h"
#include "ui/keyboard.h"

struct input_methods {
	struct pinyin *pinyin;
	struct handwriting *handwriting;
	struct ui_keyboard_words words;
};

static const char *const mode_keys[UI_INPUT_MODE_COUNT] = {"ime.mode.pinyin", "ime.mode.handwriting", "ime.mode.abc",
							   "ime.mode.digits"};

struct input_methods *input_methods_create(void (*wake)(void *), void *wake_ctx)
{
	char err[512], deploy[1024], surnames[1024];
	struct input_methods *im = calloc(1, sizeof(*im));
	if (!im)
		return NULL;
	snprintf(deploy, sizeof(deploy), "%s/rime", install_dir_path(INSTALL_IME));
	snprintf(surnames, sizeof(surnames), "%s/ime/surnames.tsv", install_dir_path(INSTALL_ASSETS));
	struct pinyin_options po = {.deploy_dir = deploy, .surnames_path = surnames};
	im->pinyin = pinyin_create(&po, err, sizeof(err));
	if (im->pinyin)
		ui_keyboard_set_mode_method(UI_INPUT_PINYIN, pinyin_method(im->pinyin));
	else
		kiosk_log(LOG_ERROR, "pinyin input is off: %s", err);
	struct handwriting_options ho = {.ready = wake, .ready_ctx = wake_ctx};
	im->handwriting = handwriting_create(&ho, err, sizeof(err));
	if (im->handwriting)
		ui_keyboard_set_mode_method(UI_INPUT_HANDWRITING, handwriting_method(im->handwriting));
	else
		kiosk_log(LOG_ERROR, "handwriting input is off: %s", err);
	return im;
}

void input_methods_destroy(struct input_methods *im)
{
	if (!im)
		return;
	ui_keyboard_set_mode_method(UI_INPUT_PINYIN, NULL);
	ui_keyboard_set_mode_method(UI_INPUT_HANDWRITING, NULL);
	pinyin_destroy(im->pinyin);
	handwriting_destroy(im->handwriting);
	free(im);
}

void input_methods_before_pass(struct input_methods *im, struct ui *ui, const struct strings *strings)
{
	if (!im || !strings) {
		ui->keyboard_words = NULL;
		return;
	}
	struct ui_keyboard_words *w = &im->words;
	for (int i = 0; i < UI_INPUT_MODE_COUNT; i++)
		w->mode[i] = strings_get(strings, ui->lang, mode_keys[i]);
	w->ask_staff = strings_get(strings, ui->lang, "ime.ask_staff");
	w->prev_page = strings_get(strings, ui->lang, "ime.prev_page");
	w->next_page = strings_get(strings, ui->lang, "ime.next_page");
	w->hint = strings_get(strings, ui->lang, "ime.hint");
	w->undo_stroke = strings_get(strings, ui->lang, "ime.undo_stroke");
	w->rewrite = strings_get(strings, ui->lang, "ime.rewrite");
	w->write_here = strings_get(strings, ui->lang, "ime.write_here");
	w->backspace = strings_get(strings, ui->lang, "keyboard.backspace");
	w->done = strings_get(strings, ui->lang, "keyboard.done");
	w->space = strings_get(strings, ui->lang, "keyboard.space");
	ui->keyboard_words = w;
}

void input_methods_wipe(struct input_methods *im)
{
	if (!im)
		return;
	pinyin_wipe(im->pinyin);
	handwriting_reset(im->handwriting);
}

void input_methods_wait_loaded(struct input_methods *im)
{
	if (im && im->pinyin)
		pinyin_ready(im->pinyin);
}
