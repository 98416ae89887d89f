/* Wiping memory that held personal data, in a way the compiler may not optimise away. */
#ifndef KIOSK_CORE_SECURE_H
#define KIOSK_CORE_SECURE_H

#include <stddef.h>

/* Overwrites n bytes at p with zeros. */
void secure_wipe(void *p, size_t n);

#endif
