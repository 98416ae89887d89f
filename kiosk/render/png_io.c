/* PNG reading and writing; see png_io.h. */
#include "render/png_io.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

bool png_write_argb(const char *path, const uint32_t *pixels, int w, int h, int pitch, char *err, size_t errlen)
{
	bool result = false;
	uint8_t *rgb = malloc((size_t)w * (size_t)h * 3);
	if (!rgb) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)((const uint8_t *)pixels + (size_t)y * (size_t)pitch);
		for (int x = 0; x < w; x++) {
			uint8_t *o = rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;
			o[0] = (uint8_t)(row[x] >> 16);
			o[1] = (uint8_t)(row[x] >> 8);
			o[2] = (uint8_t)row[x];
		}
	}
	png_image image;
	memset(&image, 0, sizeof(image));
	image.version = PNG_IMAGE_VERSION;
	image.width = (png_uint_32)w;
	image.height = (png_uint_32)h;
	image.format = PNG_FORMAT_RGB;
	if (!png_image_write_to_file(&image, path, 0, rgb, w * 3, NULL)) {
		snprintf(err, errlen, "%s: %s", path, image.message);
		goto out;
	}
	result = true;
out:
	free(rgb);
	return result;
}

bool png_read_argb(const char *path, uint32_t **pixels, int *w, int *h, char *err, size_t errlen)
{
	png_image image;
	memset(&image, 0, sizeof(image));
	image.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&image, path)) {
		snprintf(err, errlen, "%s: %s", path, image.message);
		return false;
	}
	image.format = PNG_FORMAT_BGRA; /* little-endian 0xAARRGGBB words */
	uint32_t *buf = malloc(PNG_IMAGE_SIZE(image));
	if (!buf) {
		png_image_free(&image);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (!png_image_finish_read(&image, NULL, buf, 0, NULL)) {
		snprintf(err, errlen, "%s: %s", path, image.message);
		free(buf);
		return false;
	}
	*pixels = buf;
	*w = (int)image.width;
	*h = (int)image.height;
	return true;
}
