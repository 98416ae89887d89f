/* Secure wipe; see secure.h. A volatile function pointer keeps the memset from being elided as a
 * dead store (the same idea as explicit_bzero, without depending on a libc extension). */
#include "core/secure.h"

#include <string.h>

static void *(*const volatile memset_keep)(void *, int, size_t) = memset;

void secure_wipe(void *p, size_t n)
{
	if (p && n)
		memset_keep(p, 0, n);
}
