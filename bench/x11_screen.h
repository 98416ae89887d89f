/* Screen reads of an X server for the benchmarks (bench_x11_probe): grabs of the root window through
 * MIT-SHM when the server offers it (XGetImage otherwise), frames kept as 0x00RRGGBB pixels, stored as
 * binary PPM, and compared with a grab.
 * Waiting for a frame by reading the whole screen again and again costs 8 MiB a read at 1080x1920,
 * milliseconds of the CPU the measured program needs too; so a watcher reads a strip of a few columns
 * instead, the one where the frame awaited differs most from the frame before, and reads the whole
 * screen only when the strip shows the awaited pixels.
 * Limits: only 24-bit TrueColor at 32 bits per pixel (what `Xvfb -screen 0 WxHx24` gives); anything
 * else is refused with a message. */
#ifndef KIOSK_BENCH_X11_SCREEN_H
#define KIOSK_BENCH_X11_SCREEN_H

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct x11_frame {
	int width, height;
	uint32_t *pixels; /* width * height, 0x00RRGGBB, row by row */
};

/* One rectangle of the root window, read again and again into the same image. */
struct x11_grab {
	int x, y, width, height;
	XImage *image; /* the last read */
	XShmSegmentInfo shm;
	bool shm_attached;
};

struct x11_screen {
	Display *dpy; /* borrowed */
	Window root;
	int width, height;
	struct x11_grab whole; /* the whole screen: s->whole.image after x11_screen_grab */
	struct x11_grab strip; /* x11_screen_watch's columns (width 0 before) */
};

/* Prepares grabs of the whole root window of dpy's default screen and reads it once; false with a
 * reason in err. */
bool x11_screen_open(struct x11_screen *s, Display *dpy, char *err, size_t errlen);
/* Releases the grab buffers (the display stays open); safe on a screen that failed to open. */
void x11_screen_close(struct x11_screen *s);
/* Reads the whole screen; false with a reason in err. */
bool x11_screen_grab(struct x11_screen *s, char *err, size_t errlen);
/* True when the last whole-screen read equals the frame pixel for pixel (stops at the first difference). */
bool x11_screen_matches(const struct x11_screen *s, const struct x11_frame *f);
/* How many pixels of the last whole-screen read differ from the frame. */
size_t x11_screen_count_different(const struct x11_screen *s, const struct x11_frame *f);
/* Chooses the strip of columns where frames a and b (the screen's size) differ most and prepares its
 * reads; false with a reason in err. */
bool x11_screen_watch(struct x11_screen *s, const struct x11_frame *a, const struct x11_frame *b, char *err,
		      size_t errlen);
/* Reads the watched strip; false with a reason in err. */
bool x11_screen_grab_strip(struct x11_screen *s, char *err, size_t errlen);
/* True when the last strip read equals the same columns of the frame. */
bool x11_screen_strip_matches(const struct x11_screen *s, const struct x11_frame *f);
/* Copies the last whole-screen read into f (allocated or reused at the screen's size); false when out
 * of memory. */
bool x11_frame_from_screen(struct x11_frame *f, const struct x11_screen *s);
/* Frees the pixels; f may be zeroed or NULL. */
void x11_frame_finish(struct x11_frame *f);
/* Writes f as a binary PPM (P6); false with a reason in err. */
bool x11_frame_save_ppm(const struct x11_frame *f, const char *path, char *err, size_t errlen);
/* Reads a binary PPM (P6, maxval 255, at most 16384 pixels a side) into f; false with a reason in err. */
bool x11_frame_load_ppm(struct x11_frame *f, const char *path, char *err, size_t errlen);

#endif
