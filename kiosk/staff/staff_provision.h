/* Provisioning the staff PIN from the command line (there is no default PIN):
 *   kiosk --data DIR --set-staff-pin    reads the PIN (6–12 digits) from the first line of stdin and
 *                                       writes its Argon2id hash to DIR/staff.pin (mode 0600), audited;
 *   kiosk --hash-staff-pin              reads a PIN the same way and prints its hash, for
 *                                       [staff] pin_hash in a provisioning file.
 * The PIN is never echoed, logged or kept; the input buffer is wiped. */
#ifndef KIOSK_STAFF_STAFF_PROVISION_H
#define KIOSK_STAFF_STAFF_PROVISION_H

#include <stdio.h>

/* Exit status: 0 done, 2 refused (the reason on err). */
int staff_provision_pin(const char *data_dir, FILE *in, FILE *out, FILE *err);
int staff_print_pin_hash(FILE *in, FILE *out, FILE *err);

#endif
