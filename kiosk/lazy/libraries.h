/* The libraries opened on first use (core/lazy_lib.h), for the checks before their first call. */
#ifndef KIOSK_LAZY_LIBRARIES_H
#define KIOSK_LAZY_LIBRARIES_H

#include "core/lazy_lib.h"

extern struct lazy_lib *const lazy_zinnia; /* handwriting (ime/handwriting.c) */
extern struct lazy_lib *const lazy_rime; /* pinyin (ime/pinyin.c) */
extern struct lazy_lib *const lazy_opencc; /* Traditional reference data (data/ref_hant.c) */
extern struct lazy_lib *const lazy_curl; /* requests to the backend (net/http.c) */
extern struct lazy_lib *const lazy_cups; /* receipts (print/printer.c) */

#endif
