/* Where frames go: a full-screen (or windowed) SDL window, or an off-screen surface with SDL's
 * software renderer when there is no display (--headless). Either way the app draws through one
 * SDL_Renderer and can read the frame back for screenshots. */
#ifndef KIOSK_PLATFORM_PLATFORM_H
#define KIOSK_PLATFORM_PLATFORM_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct platform_options {
	bool headless;
	bool windowed;
	int width, height; /* 0: the display's size (1080×1920 headless) */
	const char *renderer; /* "auto", "software" or "accelerated" */
};

struct platform;

/* Opens the window or surface; NULL with a reason in err. */
struct platform *platform_create(const struct platform_options *opts, char *err, size_t errlen);
void platform_destroy(struct platform *p);
SDL_Renderer *platform_renderer(struct platform *p);
/* Current output size in pixels. */
void platform_size(const struct platform *p, int *w, int *h);
/* Shows the frame drawn since the last present. */
void platform_present(struct platform *p);
/* Finishes what waits on the window manager (full-screen), once the first frame is up. */
void platform_settle(struct platform *p);
/* Copies the frame drawn since the last present (read it before presenting) as ARGB pixels
 * (free() them); false on failure. */
bool platform_read_pixels(struct platform *p, uint32_t **pixels, int *w, int *h);
/* True when frames reach a real display. */
bool platform_has_display(const struct platform *p);
/* True for a full-screen kiosk window: close requests are to be ignored (only staff can exit). */
bool platform_locked_down(const struct platform *p);

#endif
