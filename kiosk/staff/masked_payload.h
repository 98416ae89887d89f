/* A submission's payload as lines staff may read on the record screen: "service: marriage_registration",
 * "parties[0].name: 陈*", "phone: 139****5678". Names, ID numbers, phones and birth dates are masked
 * (ui_mask_text); other strings are shown up to 80 bytes with long digit runs starred (audit_scrub).
 * Depends on cJSON and ui/widgets.h (the masks). */
#ifndef KIOSK_STAFF_MASKED_PAYLOAD_H
#define KIOSK_STAFF_MASKED_PAYLOAD_H

#include <stddef.h>

#define MASKED_LINE_MAX 160

/* Fills up to max lines from a JSON payload; returns how many (0 for a payload that is not JSON). */
int masked_payload_lines(const char *json, char (*lines)[MASKED_LINE_MAX], int max);

#endif
