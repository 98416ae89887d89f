/* Forms in the assisted mode (the large themes) ask one question per screen: the form lays out its
 * questions in order as usual, and the pager lets only the current one be drawn, with 上一题 and
 * 下一题 in the bottom bar and "第 2 题，共 7 题" above it. The standard theme shows every question
 * at once and the bar holds the form's own button. Which question is on screen is kept in the session
 * (Back, a theme switch and a language switch keep it); a question that opens is said aloud. 下一题
 * is never greyed out: tapped while the answer is wrong it shows and says the question's error
 * sentence instead of moving on.
 * Usage, every pass:
 *	struct form_pager p;
 *	form_pager_begin(ctx, &p, "bk.people");
 *	form_pager_counter(&p, &chrome, &area);
 *	if (form_question(&p, prompt, error)) { ...lay the question out, its error shown when
 *						   left or form_tried(&p)... }
 *	...
 *	if (form_pager_end(&p, bar, "booking.next", next_text, all_ok)) { ...the form is done... }
 */
#ifndef KIOSK_SCREENS_FORM_PAGER_H
#define KIOSK_SCREENS_FORM_PAGER_H

#include <stdbool.h>

#include "screens/flow.h"

struct form_pager {
	struct screen_ctx *ctx;
	char key[32]; /* session key of the question on screen */
	bool paged;
	int *current; /* the question on screen (paged) */
	int count; /* questions met so far in this pass */
	char error[256]; /* what is wrong with the answer on screen ("" when it lets the visitor move on) */
	struct rect counter; /* where "第 2 题，共 7 题" goes (h = 0: nowhere) */
};

/* Starts a pass over a form whose place is kept under key (copied) in the session. */
void form_pager_begin(struct screen_ctx *ctx, struct form_pager *p, const char *key);
/* True when the form's next question is to be laid out: always in the standard theme, only the
 * question on screen when paged. prompt is what the question asks (said when it opens); error is the
 * sentence saying what is wrong with its answer, NULL when the visitor may move on (both copied). */
bool form_question(struct form_pager *p, const char *prompt, const char *error);
/* True when 下一题 (or the form's button) was tapped while the question on screen was wrong: its
 * error shows even though its field was never left. */
bool form_tried(struct form_pager *p);
/* True when the current question (paged) or the form (standard) is the one being laid out, without
 * counting a question: for a note that belongs to the question just declared. */
bool form_question_shown(const struct form_pager *p);
/* Places "第 2 题，共 7 题" when paged: on the right of the chrome's step line, or on a line cut from
 * the top of *area when the screen has no step line; nothing while the keyboard is up. */
void form_pager_counter(struct form_pager *p, const struct chrome *c, struct rect *area);
/* Draws the bottom bar and moves between questions; true when the form's own button was tapped:
 * the last question's (paged) or the only one (standard), enabled by all_ok. */
bool form_pager_end(struct form_pager *p, struct rect bar, const char *id, const char *text, bool all_ok);

#endif
