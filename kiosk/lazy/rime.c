/* librime, opened when pinyin starts loading, after the first frame (core/lazy_lib.h). Rime hands out
 * the rest of its interface as a table (RimeApi), so one function is all there is to forward. */
#include <rime_api.h>

#include "core/lazy_lib.h"
#include "lazy/libraries.h"

#define RIME_FUNCTIONS(X, XV, XM) X(RimeApi *, rime_get_api, (void), ())

LAZY_FORWARD(RIME_FUNCTIONS, "librime.so.1", "librime1", lazy_rime)
