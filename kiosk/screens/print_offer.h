/* The done screens' offer of a printed receipt: a "打印凭条" button while printing is on ([printer]
 * enabled) and the queue is ready, "正在打印…" while CUPS has the job, then "printed, take it" or
 * "the printer is not available" in plain words. Nothing at all when printing is off or the printer
 * was never ready: a kiosk without a printer does not offer printing. The receipt is built in the
 * visitor's language from what the done screen shows (print/receipt.h), without personal data, and
 * sent off the UI thread (print/printer.h). Each returns the height it used at the top of r. */
#ifndef KIOSK_SCREENS_PRINT_OFFER_H
#define KIOSK_SCREENS_PRINT_OFFER_H

#include "charity/pledge_record.h"
#include "screens/booking_common.h"
#include "screens/charity_common.h"

/* Booking: the reference as shown, its status line, the visitor's choices. Ids done.print,
 * done.print.status, done.print.spinner. */
int print_offer_booking(struct screen_ctx *ctx, struct rect r, const char *reference, const char *status,
			const struct booking_choice *c);
/* Pledge: the record, the reference as shown and its status line. Ids charity.done.print, … */
int print_offer_pledge(struct screen_ctx *ctx, struct rect r, const struct pledge_record *rec, const char *reference,
		       const char *status, const struct charity_choice *c);

#endif
