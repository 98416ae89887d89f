/* Wiping memory that held personal data, in a way the compiler may not optimise away; random
 * identifiers from the system's CSPRNG (libsodium). */
#ifndef KIOSK_CORE_SECURE_H
#define KIOSK_CORE_SECURE_H

#include <stddef.h>

/* Overwrites n bytes at p with zeros. */
void secure_wipe(void *p, size_t n);
/* A random UUID v4 (RFC 4122), lower-case, NUL-terminated. */
void secure_uuid4(char out[37]);

#endif
