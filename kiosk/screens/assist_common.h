/* What the assistance screens share: the cached programmes, the screener's answers (kept in the
 * session as as.* values, so Back keeps them and the session wipe clears them; never stored or sent),
 * the reason sentences, and the flow chrome titled "救助查询". */
#ifndef KIOSK_SCREENS_ASSIST_COMMON_H
#define KIOSK_SCREENS_ASSIST_COMMON_H

#include "assistance/screener.h"
#include "screens/flow.h"

#define ASSIST_QUESTIONS 6

/* The programmes as cached now (an empty catalog without data). */
const struct assist_catalog *assist_catalog_now(struct screen_ctx *ctx);
/* The chrome of an assistance screen; step 1 … ASSIST_QUESTIONS numbers a screener question. */
struct rect assist_begin(struct screen_ctx *ctx, struct chrome *c, int step, struct rect *bar);
/* The answers given so far (unanswered questions read as "no"). */
void assist_answers_get(struct screen_ctx *ctx, struct screener_answers *a);
/* The household's typed monthly income in fen; -1 when empty or not a whole amount of yuan in range. */
long long assist_income_fen(const char *typed);
/* Yuan for people: "2,700" or "733.33" (thousands separated, fen only when there are any). */
void assist_format_yuan(long long fen, char *out, size_t len);
/* The sentence saying why a programme may fit ("家庭月人均收入 750 元，低于低保标准 900 元"). */
void assist_reason_text(struct screen_ctx *ctx, const struct screener_reason *r, char *out, size_t len);
/* One text of a text card: its id suffix, the text (empty: skipped), role and colour. */
struct assist_part {
	const char *suffix, *text;
	enum text_role role;
	struct color color;
};
/* A card of texts at the top of in, each recorded as prefix + suffix, with room_h pixels left at its
 * bottom for the caller (a button): *room_y gets where that room starts. Returns the card's height. */
int assist_text_card(struct screen_ctx *ctx, struct rect in, const char *prefix, const struct assist_part *parts,
		     int n, int room_h, int *room_y);
/* The height a card needs at width w: its title and up to three lines of text. */
int assist_card_height(struct screen_ctx *ctx, int w, const char *title, const char *text);
/* A card the visitor taps in r: the title and as many lines of text as fit (an ellipsis beyond);
 * true when tapped. */
bool assist_card(struct screen_ctx *ctx, struct rect r, const char *id, const char *title, const char *text,
		 struct color accent);

#endif
