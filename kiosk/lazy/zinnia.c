/* libzinnia, opened when the first stroke is written (core/lazy_lib.h). */
#include <zinnia.h>

#include "core/lazy_lib.h"
#include "lazy/libraries.h"

#define ZINNIA_FUNCTIONS(X, XV, XM)                                                                            \
	X(zinnia_character_t *, zinnia_character_new, (void), ())                                          \
	XV(zinnia_character_destroy, (zinnia_character_t * c), (c))                                        \
	XV(zinnia_character_set_width, (zinnia_character_t * c, size_t width), (c, width))                 \
	XV(zinnia_character_set_height, (zinnia_character_t * c, size_t height), (c, height))              \
	X(int, zinnia_character_add, (zinnia_character_t * c, size_t id, int x, int y), (c, id, x, y))     \
	X(const char *, zinnia_result_value, (zinnia_result_t * r, size_t i), (r, i))                       \
	X(float, zinnia_result_score, (zinnia_result_t * r, size_t i), (r, i))                              \
	X(size_t, zinnia_result_size, (zinnia_result_t * r), (r))                                           \
	XV(zinnia_result_destroy, (zinnia_result_t * r), (r))                                               \
	X(zinnia_recognizer_t *, zinnia_recognizer_new, (void), ())                                         \
	XV(zinnia_recognizer_destroy, (zinnia_recognizer_t * r), (r))                                       \
	X(int, zinnia_recognizer_open, (zinnia_recognizer_t * r, const char *filename), (r, filename))     \
	X(const char *, zinnia_recognizer_strerror, (zinnia_recognizer_t * r), (r))                         \
	X(zinnia_result_t *, zinnia_recognizer_classify,                                                    \
	  (zinnia_recognizer_t * r, const zinnia_character_t *c, size_t nbest), (r, c, nbest))

/* zinnia.h declares its two constructors with () instead of (void): not prototypes to GCC. */
#pragma GCC diagnostic ignored "-Wmissing-prototypes"

LAZY_FORWARD(ZINNIA_FUNCTIONS, "libzinnia.so.0", "libzinnia0", lazy_zinnia)
