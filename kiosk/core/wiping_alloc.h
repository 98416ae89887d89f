/* Allocation functions that wipe memory before giving it back, for the libraries whose buffers hold
 * what visitors typed: cJSON (every document the kiosk prints or parses: a pledge with its donor's
 * name and phone) and libcurl (its copy of a request on its way out). Without them, a delivered
 * submission could linger in freed heap memory until something else overwrote it. A block's size is
 * glibc's malloc_usable_size, so nothing is kept beside it. TLS buffers belong to the TLS library and
 * are not covered. Thread-safe (the C library's allocator underneath). */
#ifndef KIOSK_CORE_WIPING_ALLOC_H
#define KIOSK_CORE_WIPING_ALLOC_H

#include <stddef.h>

void *wiping_malloc(size_t size);
void *wiping_calloc(size_t count, size_t size);
/* Moves into a new block (the old one wiped and freed), as realloc may; NULL size 0 frees p. */
void *wiping_realloc(void *p, size_t size);
char *wiping_strdup(const char *s);
void wiping_free(void *p);

/* Makes cJSON allocate through these (process-wide; call once, before any cJSON use). */
void wiping_alloc_for_cjson(void);

#endif
