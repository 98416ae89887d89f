/* PNG files for screenshots and their comparison (libpng's simplified API). Pixels are 32-bit
 * 0xAARRGGBB words in memory order of SDL_PIXELFORMAT_ARGB8888. */
#ifndef KIOSK_RENDER_PNG_IO_H
#define KIOSK_RENDER_PNG_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes w×h pixels (pitch in bytes) as an opaque RGB PNG; false with a reason in err. */
bool png_write_argb(const char *path, const uint32_t *pixels, int w, int h, int pitch, char *err, size_t errlen);
/* Reads a PNG into a new ARGB buffer (free() it); false with a reason in err. */
bool png_read_argb(const char *path, uint32_t **pixels, int *w, int *h, char *err, size_t errlen);

#endif
