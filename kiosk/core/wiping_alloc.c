/* Allocation that wipes before freeing; see wiping_alloc.h. */
#define _GNU_SOURCE /* malloc_usable_size */
#include "core/wiping_alloc.h"

#include <cJSON.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "core/secure.h"

void *wiping_malloc(size_t size)
{
	return malloc(size);
}

void *wiping_calloc(size_t count, size_t size)
{
	return calloc(count, size);
}

void wiping_free(void *p)
{
	if (!p)
		return;
	secure_wipe(p, malloc_usable_size(p));
	free(p);
}

void *wiping_realloc(void *p, size_t size)
{
	if (!p)
		return malloc(size);
	if (size == 0) {
		wiping_free(p);
		return NULL;
	}
	size_t old = malloc_usable_size(p);
	void *q = malloc(size);
	if (!q)
		return NULL; /* p is left as it was, as realloc leaves it */
	memcpy(q, p, old < size ? old : size);
	wiping_free(p);
	return q;
}

char *wiping_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

void wiping_alloc_for_cjson(void)
{
	cJSON_Hooks hooks = {.malloc_fn = wiping_malloc, .free_fn = wiping_free};
	cJSON_InitHooks(&hooks);
}
