/* The input methods of the Chinese keyboards, for the app: pinyin (ime/pinyin.h) and handwriting
 * (ime/handwriting.h) registered as the keyboard's 拼音 and 手写 modes; the keyboard's words in the
 * interface language before each pass; the end of a session (what was typed and written goes with it).
 * An engine that cannot start is left out, logged once: its tab does not show, the others work.
 * Where the files are: the deployed pinyin schemas in install_dir_path(INSTALL_IME)/rime, the surname
 * table in the assets (ime/surnames.tsv). Belongs to the UI thread. */
#ifndef KIOSK_APP_INPUT_METHODS_H
#define KIOSK_APP_INPUT_METHODS_H

#include "app/strings.h"
#include "ui/ui.h"

struct input_methods;

/* Starts the engines (each loads on its own thread) and registers them with the keyboard. wake is
 * called on another thread when handwriting candidates are ready (wake the UI loop). NULL only when
 * out of memory. */
struct input_methods *input_methods_create(void (*wake)(void *), void *wake_ctx);
/* Unregisters and stops the engines; NULL is a no-op. */
void input_methods_destroy(struct input_methods *im);
/* Before a pass: the keyboard's words in the pass's language (ui->lang, set by ui_begin). */
void input_methods_before_pass(struct input_methods *im, struct ui *ui, const struct strings *strings);
/* The session ended: compositions, strokes and the engines' session state are wiped. */
void input_methods_wipe(struct input_methods *im);
/* Waits until the pinyin engine has loaded (or failed to); NULL is a no-op. */
void input_methods_wait_loaded(struct input_methods *im);

#endif
