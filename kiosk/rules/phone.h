/* Mainland China mobile numbers as visitors type them: 11 digits, 1 then 3–9. Shared by every
 * service that asks for a phone (booking, assistance status, charity receipts); libc only. */
#ifndef KIOSK_RULES_PHONE_H
#define KIOSK_RULES_PHONE_H

/* 1 when phone (NUL-terminated, may be NULL) is a mainland mobile number, else 0. */
int phone_mobile_valid(const char *phone);

#endif
