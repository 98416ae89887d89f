/* Handwriting input: strokes drawn with a finger on the writing pad (ui/handwriting_pad.h) are
 * recognised by zinnia with Debian's Simplified Chinese model (tegaki-zinnia-simplified-chinese, the
 * 6,763 characters of GB 2312), and offered as candidates after each stroke.
 *
 * What it adds to the model:
 *   - classification on a worker thread: stroke() returns at once, the candidates follow (tens of ms)
 *     and the ready callback wakes the UI loop, so no frame ever waits for the recogniser;
 *   - components the model returns for some shapes are mapped to the character they look like (口
 *     drawn comes back as the enclosure 囗) or pushed below every real character (亻 氵 扌 …);
 *   - one character the model cannot return for its standard stroke order (于: its entry only matches
 *     strokes drawn bottom up) is offered beside the character it is read as (干);
 *   - stroke-order tolerance: when the model is unsure, the last strokes are also tried in another
 *     order (people write 长 as 撇 横 竖提 捺, the model knows 横 竖提 撇 捺), each reordering costing
 *     a little score, so what was written as drawn keeps its place;
 *   - in a Traditional interface each candidate's Hong Kong Traditional forms come first, followed by
 *     the Simplified character itself (张 → 張 张; 于 → 於 于): the person chooses, nothing converts.
 * Picking a candidate commits it into the field and clears the strokes for the next character.
 *
 * Threads: every function but the ready callback is for the UI thread. Bounds: HANDWRITING_MAX_STROKES
 * strokes of HANDWRITING_MAX_POINTS points (a stroke past the limit is refused, a longer one is thinned). */
#ifndef KIOSK_IME_HANDWRITING_H
#define KIOSK_IME_HANDWRITING_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keyboard.h"

#define HANDWRITING_MAX_STROKES 40
#define HANDWRITING_MAX_POINTS 256
#define HANDWRITING_MAX_CANDIDATES 40

/* Where Debian installs the model. */
#define HANDWRITING_MODEL_DEFAULT "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model"

struct handwriting_options {
	const char *model_path; /* NULL: HANDWRITING_MODEL_DEFAULT */
	const char *forms_dir; /* the Traditional tables (ime/hant_forms.h); NULL: install_dir_path(INSTALL_IME) */
	/* Called on the worker thread when new candidates are ready, once or twice a stroke (the first ones at
	 * once, better ones when other stroke orders were tried), or NULL: wake the UI loop. Called with the
	 * engine's lock held: it must not call into the engine (SDL_PushEvent is what it is for). */
	void (*ready)(void *ctx);
	void *ready_ctx;
};

struct handwriting;

/* Starts the worker, which opens the model (26 MB, tens of ms) for the first stroke ever written, so a
 * kiosk nobody has written on does not hold it. NULL with the reason in err when the model file cannot be
 * read or the thread cannot start; a model the worker cannot open is logged and offers no candidates.
 * Without the Traditional tables it still works, offering Simplified only (logged once). opts is
 * copied; NULL: the defaults. */
struct handwriting *handwriting_create(const struct handwriting_options *opts, char *err, size_t errlen);
/* Stops the worker and frees everything; NULL is a no-op. */
void handwriting_destroy(struct handwriting *hw);
/* The input method for the keyboard (borrowed, lives as long as hw). */
struct ui_input_method *handwriting_method(struct handwriting *hw);
/* Offer Traditional forms first (a zh-Hant interface) or Simplified only. The method's hints() does
 * this from the interface language each pass. */
void handwriting_set_traditional(struct handwriting *hw, bool traditional);
/* Forgets the strokes and candidates (the session ended). */
void handwriting_reset(struct handwriting *hw);
/* Waits up to timeout_ms for the final candidates of the strokes so far (the first ones may come
 * earlier, see ready); true when they are there. For tests and benchmarks: the UI never waits. */
bool handwriting_wait(struct handwriting *hw, int timeout_ms);

#endif
