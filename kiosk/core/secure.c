/* Secure wipe; see secure.h. A volatile function pointer keeps the memset from being elided as a
 * dead store (the same idea as explicit_bzero, without depending on a libc extension). Random bytes
 * come from libsodium (initialised by the app before any use). */
#include "core/secure.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void *(*const volatile memset_keep)(void *, int, size_t) = memset;

void secure_wipe(void *p, size_t n)
{
	if (p && n)
		memset_keep(p, 0, n);
}

void secure_uuid4(char out[37])
{
	unsigned char b[16];
	randombytes_buf(b, sizeof(b));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
		 b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}
