/* png_compare ACTUAL REFERENCE: compares a screenshot with its reviewed reference.
 * References are stored at half size (2×2 box filter) to keep the repository lean; that size still
 * shows a moved widget, a changed colour or a wrong glyph. A pixel differs when a channel is off by
 * more than the tolerance (antialiasing differs slightly between machines); the test fails when more
 * than 0.2 % of pixels differ, and then writes ACTUAL_err.png (the difference, in red).
 * A missing reference is a failure, never created silently: set KIOSK_UPDATE_REFERENCES=1 to write it,
 * then look at it before committing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/png_io.h"

#define TOLERANCE 48
#define MAX_BAD_PERMILLE 2

static uint32_t *half(const uint32_t *p, int w, int h, int *ow, int *oh)
{
	*ow = w / 2;
	*oh = h / 2;
	uint32_t *out = malloc((size_t)*ow * (size_t)*oh * 4);
	if (!out)
		return NULL;
	for (int y = 0; y < *oh; y++) {
		for (int x = 0; x < *ow; x++) {
			unsigned sum[3] = {0, 0, 0};
			for (int dy = 0; dy < 2; dy++) {
				for (int dx = 0; dx < 2; dx++) {
					uint32_t v = p[(size_t)(2 * y + dy) * (size_t)w + (size_t)(2 * x + dx)];
					sum[0] += (v >> 16) & 255;
					sum[1] += (v >> 8) & 255;
					sum[2] += v & 255;
				}
			}
			out[(size_t)y * (size_t)*ow + (size_t)x] =
				0xFF000000u | ((sum[0] / 4) << 16) | ((sum[1] / 4) << 8) | (sum[2] / 4);
		}
	}
	return out;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: png_compare ACTUAL.png REFERENCE.png\n");
		return 2;
	}
	char err[512];
	uint32_t *full = NULL, *actual = NULL, *ref = NULL, *diff = NULL;
	int fw, fh, aw, ah, rw, rh, status = 1;
	if (!png_read_argb(argv[1], &full, &fw, &fh, err, sizeof(err))) {
		fprintf(stderr, "png_compare: %s\n", err);
		goto out;
	}
	actual = half(full, fw, fh, &aw, &ah);
	if (!actual)
		goto out;
	const char *update = getenv("KIOSK_UPDATE_REFERENCES");
	if (update && strcmp(update, "1") == 0) {
		if (!png_write_argb(argv[2], actual, aw, ah, aw * 4, err, sizeof(err))) {
			fprintf(stderr, "png_compare: %s\n", err);
			goto out;
		}
		printf("png_compare: wrote reference %s (%dx%d): look at it before committing\n", argv[2], aw, ah);
		status = 0;
		goto out;
	}
	if (!png_read_argb(argv[2], &ref, &rw, &rh, err, sizeof(err))) {
		fprintf(stderr, "png_compare: no reference (%s); run with KIOSK_UPDATE_REFERENCES=1 and review it\n", err);
		goto out;
	}
	if (rw != aw || rh != ah) {
		fprintf(stderr, "png_compare: %s is %dx%d at half size, reference is %dx%d\n", argv[1], aw, ah, rw, rh);
		goto out;
	}
	diff = malloc((size_t)aw * (size_t)ah * 4);
	if (!diff)
		goto out;
	size_t bad = 0, total = (size_t)aw * (size_t)ah;
	for (size_t i = 0; i < total; i++) {
		int worst = 0;
		for (int shift = 0; shift <= 16; shift += 8) {
			int d = abs((int)((actual[i] >> shift) & 255) - (int)((ref[i] >> shift) & 255));
			if (d > worst)
				worst = d;
		}
		uint32_t grey = ((ref[i] >> 16 & 255) + (ref[i] >> 8 & 255) + (ref[i] & 255)) / 3 / 2 + 128;
		diff[i] = worst > TOLERANCE ? 0xFFFF0000u : 0xFF000000u | grey << 16 | grey << 8 | grey;
		bad += worst > TOLERANCE;
	}
	if (bad * 1000 > total * MAX_BAD_PERMILLE) {
		char path[1024];
		snprintf(path, sizeof(path), "%.*s_err.png", (int)(strlen(argv[1]) - 4), argv[1]);
		png_write_argb(path, diff, aw, ah, aw * 4, err, sizeof(err));
		fprintf(stderr, "png_compare: %s differs from %s in %zu of %zu pixels (limit %d per mille); see %s\n",
			argv[1], argv[2], bad, total, MAX_BAD_PERMILLE, path);
		goto out;
	}
	printf("png_compare: %s matches (%zu pixels differ, limit %zu)\n", argv[1], bad, total * MAX_BAD_PERMILLE / 1000);
	status = 0;
out:
	free(full);
	free(actual);
	free(ref);
	free(diff);
	return status;
}
