/* libopencc, opened when reference data is first written in Traditional characters (core/lazy_lib.h). */
#include <opencc.h>

#include "core/lazy_lib.h"
#include "lazy/libraries.h"

#define OPENCC_FUNCTIONS(X, XV, XM)                                                                            \
	X(opencc_t, opencc_open, (const char *config), (config))                                           \
	X(int, opencc_close, (opencc_t cc), (cc))                                                          \
	X(char *, opencc_convert_utf8, (opencc_t cc, const char *input, size_t length), (cc, input, length)) \
	XV(opencc_convert_utf8_free, (char *str), (str))                                                   \
	X(const char *, opencc_error, (void), ())

LAZY_FORWARD(OPENCC_FUNCTIONS, "libopencc.so.1.1", "libopencc1.1", lazy_opencc)
