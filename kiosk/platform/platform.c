/* SDL window or off-screen surface; see platform.h.
 * Headless mode initialises only SDL's event subsystem and renders into an SDL_Surface with the
 * software renderer: no display, no GPU, identical pixels on every machine with the same fonts.
 * Lockdown (full-screen): a borderless window covering the display, then full-screen proper, with the
 * keyboard grabbed (window-manager shortcuts such as Alt+Tab, Alt+F4 and Super reach the kiosk, which
 * ignores them), SDL's own Alt+Tab escape off, and closing the window no longer turned into SDL_QUIT
 * (the app ignores close requests). A --windowed kiosk (development) is an ordinary window. */
#include "platform/platform.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

struct platform {
	SDL_Window *window;
	SDL_Surface *surface; /* headless target */
	SDL_Renderer *renderer;
	int width, height;
	bool fullscreen_pending; /* switch to full-screen after the first frame */
	bool locked_down; /* full-screen kiosk: no way out for visitors */
	pthread_t toucher; /* touching the framebuffer's pages before the first present */
	bool toucher_running;
	volatile uint8_t *fb; /* the window's framebuffer (software rendering), fb_len bytes */
	size_t fb_len;
};

/* The first frame writes every pixel of the window's framebuffer: 8 MiB of shared memory at
 * 1080x1920, which the kernel hands over page by page as each is first written (in a virtual machine
 * slower still). This thread writes one byte of each page while the first frame is laid out and its
 * glyphs rasterized; the first present waits for it, so nothing is drawn there before. */
static void *touch_pages(void *arg)
{
	struct platform *p = arg;
	for (size_t at = 0; at < p->fb_len; at += 4096)
		p->fb[at] = 0;
	return NULL;
}

static void start_touching(struct platform *p)
{
	SDL_Surface *s = SDL_GetWindowSurface(p->window);
	if (!s || !s->pixels)
		return;
	p->fb = s->pixels;
	p->fb_len = (size_t)s->pitch * (size_t)s->h;
	p->toucher_running = pthread_create(&p->toucher, NULL, touch_pages, p) == 0;
}

/* Before anything is drawn into the framebuffer (a present, a read back) or it goes. */
static void stop_touching(struct platform *p)
{
	if (p->toucher_running)
		pthread_join(p->toucher, NULL);
	p->toucher_running = false;
}

static bool create_headless(struct platform *p, const struct platform_options *o, char *err, size_t errlen)
{
	if (SDL_Init(SDL_INIT_EVENTS) != 0) {
		snprintf(err, errlen, "SDL events: %s", SDL_GetError());
		return false;
	}
	p->width = o->width > 0 ? o->width : 1080;
	p->height = o->height > 0 ? o->height : 1920;
	p->surface = SDL_CreateRGBSurfaceWithFormat(0, p->width, p->height, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!p->surface) {
		snprintf(err, errlen, "off-screen surface %dx%d: %s", p->width, p->height, SDL_GetError());
		return false;
	}
	p->renderer = SDL_CreateSoftwareRenderer(p->surface);
	if (!p->renderer) {
		snprintf(err, errlen, "software renderer: %s", SDL_GetError());
		return false;
	}
	return true;
}

/* A DRM render node is how a Linux machine offers a GPU; without one OpenGL would run on the CPU. */
static bool has_gpu(void)
{
	return access("/dev/dri/renderD128", R_OK | W_OK) == 0;
}

/* True when an OpenGL renderer runs on Mesa's CPU rasterizers (llvmpipe, softpipe). */
static bool is_software_gl(SDL_Renderer *renderer)
{
	SDL_RendererInfo info;
	if (SDL_GetRendererInfo(renderer, &info) != 0 || strncmp(info.name, "opengl", 6) != 0)
		return false;
	typedef const unsigned char *(*get_string_fn)(unsigned int);
	get_string_fn get_string = (get_string_fn)(uintptr_t)SDL_GL_GetProcAddress("glGetString");
	const char *name = get_string ? (const char *)get_string(0x1F01 /* GL_RENDERER */) : NULL;
	return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "Software"));
}

static bool create_window(struct platform *p, const struct platform_options *o, char *err, size_t errlen)
{
	/* A touchscreen sends finger events; mouse events synthesised from them are ignored by the app. */
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	if (!o->windowed) {
		/* Keys go to the kiosk, not to the window manager's shortcuts; SDL's built-in way out of a
		 * grabbed full-screen window (Alt+Tab minimises it) is off; a close request stays a window
		 * event (ignored by the app) instead of becoming SDL_QUIT. */
		SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
		SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
		SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
		p->locked_down = true;
	}
	/* Text comes from the kiosk's own keyboard, never through an X input method, but SDL opens one at
	 * start, and X's built-in one reads the locale's whole compose table (6 ms of a 70 ms start). An
	 * empty table spares that; an XCOMPOSEFILE set for the kiosk is kept. */
	setenv("XCOMPOSEFILE", "/dev/null", 0);
	/* Without a session bus, SDL's D-Bus start (for desktop input methods and screen-saver calls, which
	 * a kiosk has no use for) has libdbus fork dbus-launch to start one: a kiosk must not, and it cost
	 * a fork and a dozen execs at every start. A bus set for the kiosk is kept. */
	setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		snprintf(err, errlen, "no display (%s); use --headless", SDL_GetError());
		return false;
	}
	SDL_DisplayMode mode;
	int dw = 1080, dh = 1920;
	if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
		dw = mode.w;
		dh = mode.h;
	}
	int w = o->width > 0 ? o->width : dw;
	int h = o->height > 0 ? o->height : dh;
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
	/* Full-screen starts as a borderless window covering the display, so the first frame shows at
	 * once; the switch to full-screen proper (which waits on the window manager) follows it. */
	if (!o->windowed) {
		flags |= SDL_WINDOW_BORDERLESS;
		p->fullscreen_pending = true;
	}
	const char *want = o->renderer ? o->renderer : "auto";
	bool accelerate = strcmp(want, "accelerated") == 0 || (strcmp(want, "auto") == 0 && has_gpu());
	int pos = o->windowed ? (int)SDL_WINDOWPOS_CENTERED : 0;
	p->window = SDL_CreateWindow("Kiosk", pos, pos, w, h, flags);
	if (!p->window) {
		snprintf(err, errlen, "window %dx%d: %s", w, h, SDL_GetError());
		return false;
	}
	if (accelerate) {
		p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
		if (p->renderer && strcmp(want, "auto") == 0 && is_software_gl(p->renderer)) {
			/* OpenGL emulated on the CPU costs more than SDL's own software renderer and ~100 MiB:
			 * start again with a plain window. */
			kiosk_log(LOG_INFO, "OpenGL is software-emulated here; using SDL's software renderer");
			SDL_DestroyRenderer(p->renderer);
			SDL_DestroyWindow(p->window);
			p->renderer = NULL;
			p->window = SDL_CreateWindow("Kiosk", pos, pos, w, h, flags);
			if (!p->window) {
				snprintf(err, errlen, "window %dx%d: %s", w, h, SDL_GetError());
				return false;
			}
		} else if (!p->renderer) {
			kiosk_log(LOG_INFO, "no accelerated renderer (%s), using software", SDL_GetError());
		}
	}
	SDL_ShowCursor(SDL_DISABLE);
	if (!p->renderer) {
		/* Draw straight into the window's surface: no hidden OpenGL texture behind it. */
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
		p->renderer = SDL_CreateRenderer(p->window, -1, SDL_RENDERER_SOFTWARE);
	}
	if (!p->renderer) {
		snprintf(err, errlen, "renderer: %s", SDL_GetError());
		return false;
	}
	SDL_GetRendererOutputSize(p->renderer, &p->width, &p->height);
	SDL_RendererInfo info;
	if (SDL_GetRendererInfo(p->renderer, &info) == 0) {
		kiosk_log(LOG_INFO, "display %dx%d, renderer %s", p->width, p->height, info.name);
		if (info.flags & SDL_RENDERER_SOFTWARE)
			start_touching(p);
	}
	return true;
}

struct platform *platform_create(const struct platform_options *o, char *err, size_t errlen)
{
	struct platform *p = calloc(1, sizeof(*p));
	if (!p) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	bool ok = o->headless ? create_headless(p, o, err, errlen) : create_window(p, o, err, errlen);
	if (!ok) {
		platform_destroy(p);
		return NULL;
	}
	return p;
}

void platform_destroy(struct platform *p)
{
	if (!p)
		return;
	stop_touching(p);
	if (p->renderer)
		SDL_DestroyRenderer(p->renderer);
	if (p->window)
		SDL_DestroyWindow(p->window);
	if (p->surface)
		SDL_FreeSurface(p->surface);
	free(p);
	SDL_Quit();
}

SDL_Renderer *platform_renderer(struct platform *p)
{
	return p->renderer;
}

void platform_size(const struct platform *p, int *w, int *h)
{
	*w = p->width;
	*h = p->height;
}

bool platform_has_display(const struct platform *p)
{
	return p->window != NULL;
}

void platform_present(struct platform *p)
{
	stop_touching(p); /* the queued drawing is carried out now: the pages must be ours alone */
	SDL_RenderPresent(p->renderer);
}

void platform_settle(struct platform *p)
{
	if (!p->fullscreen_pending)
		return;
	p->fullscreen_pending = false;
	if (SDL_SetWindowFullscreen(p->window, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
		kiosk_log(LOG_WARN, "full-screen: %s", SDL_GetError());
	SDL_SetWindowKeyboardGrab(p->window, SDL_TRUE);
	SDL_RaiseWindow(p->window);
}

bool platform_locked_down(const struct platform *p)
{
	return p->locked_down;
}

bool platform_read_pixels(struct platform *p, uint32_t **pixels, int *w, int *h)
{
	stop_touching(p);
	size_t bytes = (size_t)p->width * (size_t)p->height * 4;
	uint32_t *buf = malloc(bytes);
	if (!buf)
		return false;
	if (SDL_RenderReadPixels(p->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, buf, p->width * 4) != 0) {
		kiosk_log(LOG_ERROR, "reading the frame: %s", SDL_GetError());
		free(buf);
		return false;
	}
	*pixels = buf;
	*w = p->width;
	*h = p->height;
	return true;
}
