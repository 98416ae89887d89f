/* Filling a form from the visitor's identity card, the same on every form that asks for a name or an
 * ID number (booking people, the booking lookup, the donor, the assistance status). While a reader
 * is configured and answering, the form shows a panel with a card pictogram: "place your ID card on
 * the reader to fill in …". A card presented while the form is on screen fills the person being
 * entered (name, document type = resident ID, number, birth date and sex where the form has them),
 * and the panel says they were filled from the card and asks the visitor to check them (they stay
 * editable). A card whose number fails GB 11643, or which has expired, fills nothing and the panel
 * says why in a sentence; so does a card that could not be read. In the assisted mode the sentence
 * is said too. Usage, every pass:
 *	in.y += idcard_fill_offer(ctx, in, IDCARD_FILLS_NAME | IDCARD_FILLS_NUMBER, people);
 *	...lay the form's fields out...
 *	idcard_fill_apply(ctx, persons, people);
 * The card itself is in the session (session.h), wiped with it; nothing of it is logged. */
#ifndef KIOSK_SCREENS_IDCARD_FILL_H
#define KIOSK_SCREENS_IDCARD_FILL_H

#include <stdbool.h>

#include "screens/screen.h"

/* What a form fills from a card (for the words of the invitation). */
#define IDCARD_FILLS_NAME 1u
#define IDCARD_FILLS_NUMBER 2u

/* One person of a form: their fields a card can fill (NULL for those the form does not have). */
struct idcard_person {
	const char *name_id, *number_id, *birth_id; /* widget ids of the person's text fields: a focused
						       one says this is the person being entered */
	struct ui_field *name, *number;
	struct ui_field *birth; /* typed as YYYYMMDD */
	int *doc_type; /* the document-type choice, set to resident_id_choice */
	int resident_id_choice;
	int *sex; /* 0 male, 1 female */
	bool complete; /* filled in and valid: a card then goes to the next person */
};

/* Draws the reader's panel at the top of area while a reader is ready (or a card's outcome is to be
 * said), and marks the form as taking a card this pass. what is IDCARD_FILLS_*; people (1 or 2) is
 * how many persons the form has. Returns the height used, the gap after it included; 0 without a
 * reader. */
int idcard_fill_offer(struct screen_ctx *ctx, struct rect area, unsigned what, int people);
/* After the form's fields: fills from a card presented since the last pass. The person is the one
 * whose field has the focus, else the first not complete; a card already filled in for another
 * person, or one more than the form has people for, fills nothing and is said so. Asks for another
 * pass when it filled. */
void idcard_fill_apply(struct screen_ctx *ctx, const struct idcard_person *people, int n);

#endif
