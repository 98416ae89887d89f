/* bench_x11_probe: tap-to-presented-frame latency of a real X11 window, measured from outside it.
 *
 *   bench_x11_probe tap [--taps N] [--pause MS] [--timeout MS] [--poll US] [--verbose] TARGET...
 *     TARGET is X,Y,RX,RY,RW,RH: click at (X,Y) and watch the RWxRH region at (RX,RY), in root
 *     window pixels. The targets are used in turn (tap 1 the first, tap 2 the second, ...), so two
 *     targets that undo each other (two language buttons) make every tap change the frame.
 *     For each tap: wait until the region has not changed for --pause ms (the app is idle, so taps
 *     never queue), keep that image as the reference, send a left press and release through XTest
 *     back to back (what `xdotool click 1` sends), then read the region back with
 *     XGetImage every --poll µs until a pixel differs, and on until it has been quiet for --pause ms.
 *     Prints the median, p90, min and max of the time to the first change, the median and p90 of the
 *     time to the last change (the settled frame), and how many taps got no answer within --timeout ms.
 *   bench_x11_probe window WxH
 *     The method's floor: a bare Xlib window at (0,0), named "x11_probe floor", that fills a
 *     160x100 rectangle around each ButtonPress with the next of three colours and flushes.
 *     Runs until SIGINT or SIGTERM. Measure it with `tap` exactly as the kiosk is measured.
 *
 * Depends on Xlib and XTest only. Limits: "presented" means "in the X server's framebuffer": Xvfb
 * has no scan-out, vsync or compositor, so on a real panel add up to one refresh interval and the
 * compositor's latency. XTest injects into the server's input queue, skipping the kernel and
 * libinput. The first change is what counts: an app that draws a pressed state first is timed to
 * that. Resolution is one poll interval plus one XGetImage round trip (tens of µs for a button). */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_stats.h"

#define MAX_TARGETS 16
#define MAX_TAPS 10000
#define SETTLE_TRIES 50 /* pauses to wait for a region that keeps changing before giving up */
#define FLOOR_RECT_W 160
#define FLOOR_RECT_H 100

struct target {
	int x, y;          /* where to click */
	int rx, ry, rw, rh; /* what to watch */
};

struct tap_options {
	int taps;
	int pause_ms;
	int timeout_ms;
	int poll_us;
	bool verbose;
	struct target targets[MAX_TARGETS];
	int n_targets;
};

/* The last X protocol error, recorded by on_x_error instead of Xlib's default exit(). */
static int x_error_code;
static char x_error_text[160];

static volatile sig_atomic_t stop_requested;

static int on_x_error(Display *dpy, XErrorEvent *e)
{
	x_error_code = e->error_code;
	XGetErrorText(dpy, e->error_code, x_error_text, sizeof(x_error_text));
	return 0;
}

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void sleep_us(long us)
{
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !stop_requested)
		;
}

/* Parses a decimal integer in [lo, hi] that fills the whole string. */
static bool parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool parse_target(const char *s, struct target *t)
{
	char tail;
	if (sscanf(s, "%d,%d,%d,%d,%d,%d%c", &t->x, &t->y, &t->rx, &t->ry, &t->rw, &t->rh, &tail) != 6)
		return false;
	return t->rw > 0 && t->rh > 0 && t->rx >= 0 && t->ry >= 0;
}

static Display *open_display(void)
{
	Display *dpy = XOpenDisplay(NULL);
	if (!dpy) {
		const char *name = getenv("DISPLAY");
		fprintf(stderr, "bench_x11_probe: cannot open display \"%s\"\n", name ? name : "(DISPLAY unset)");
		return NULL;
	}
	XSetErrorHandler(on_x_error);
	return dpy;
}

/* Reads a region of the root window; NULL (after a message) when the server refuses. */
static XImage *grab(Display *dpy, Window root, const struct target *t)
{
	x_error_code = 0;
	XImage *img = XGetImage(dpy, root, t->rx, t->ry, (unsigned)t->rw, (unsigned)t->rh, AllPlanes, ZPixmap);
	if (!img)
		fprintf(stderr, "bench_x11_probe: XGetImage %dx%d+%d+%d failed: %s\n", t->rw, t->rh, t->rx, t->ry,
			x_error_code ? x_error_text : "no reply");
	return img;
}

static bool same_pixels(const XImage *a, const XImage *b)
{
	return memcmp(a->data, b->data, (size_t)a->bytes_per_line * (size_t)a->height) == 0;
}

/* Waits until the region stays unchanged for pause_ms; returns that image (the caller frees it). */
static XImage *settled_image(Display *dpy, Window root, const struct target *t, int pause_ms)
{
	XImage *ref = grab(dpy, root, t);
	for (int i = 0; ref && i < SETTLE_TRIES && !stop_requested; i++) {
		sleep_us((long)pause_ms * 1000);
		XImage *cur = grab(dpy, root, t);
		if (!cur)
			break;
		bool same = same_pixels(ref, cur);
		XDestroyImage(ref);
		ref = cur;
		if (same)
			return ref;
	}
	if (ref) {
		fprintf(stderr, "bench_x11_probe: region %dx%d+%d+%d never settled (%d pauses of %d ms)\n", t->rw,
			t->rh, t->rx, t->ry, SETTLE_TRIES, pause_ms);
		XDestroyImage(ref);
	}
	return NULL;
}

/* One tap: the ms from the press to the first changed frame and to the last change before the region
 * stayed quiet for pause_ms. Returns 1 when timed, 0 when nothing changed within the timeout, -1 on error. */
static int tap_once(Display *dpy, Window root, int screen, const struct target *t, const struct tap_options *o,
		    double *first, double *last)
{
	int result = -1;
	XImage *ref = NULL;
	/* Move first, and let the motion be absorbed before timing starts. */
	if (!XTestFakeMotionEvent(dpy, screen, t->x, t->y, CurrentTime)) {
		fprintf(stderr, "bench_x11_probe: XTestFakeMotionEvent to %d,%d failed\n", t->x, t->y);
		goto out;
	}
	XSync(dpy, False);
	ref = settled_image(dpy, root, t, o->pause_ms);
	if (!ref)
		goto out;
	double start = bench_now_ms();
	if (!XTestFakeButtonEvent(dpy, 1, True, CurrentTime) || !XTestFakeButtonEvent(dpy, 1, False, CurrentTime)) {
		fprintf(stderr, "bench_x11_probe: XTestFakeButtonEvent failed\n");
		goto out;
	}
	XFlush(dpy);
	*first = *last = -1;
	while (!stop_requested) {
		XImage *cur = grab(dpy, root, t);
		if (!cur)
			goto out;
		double elapsed = bench_now_ms() - start;
		if (!same_pixels(ref, cur)) {
			if (*first < 0)
				*first = elapsed;
			*last = elapsed;
			XDestroyImage(ref);
			ref = cur; /* later changes are measured against the newest frame */
		} else {
			XDestroyImage(cur);
		}
		if (*first < 0 && elapsed > o->timeout_ms)
			break;
		if (*first >= 0 && elapsed - *last > o->pause_ms)
			break;
		sleep_us(o->poll_us);
	}
	result = *first >= 0 ? 1 : 0;
out:
	if (ref)
		XDestroyImage(ref);
	return result;
}

static void report(double *first, double *last, int n, int missed)
{
	if (n == 0) {
		printf("taps=0 missed=%d\n", missed);
		return;
	}
	double m = bench_quantile(first, (size_t)n, 0.5), p90 = bench_quantile(first, (size_t)n, 0.9);
	printf("taps=%d missed=%d median_ms=%.2f p90_ms=%.2f min_ms=%.2f max_ms=%.2f", n, missed, m, p90, first[0],
	       first[n - 1]);
	m = bench_quantile(last, (size_t)n, 0.5);
	printf(" settled_median_ms=%.2f settled_p90_ms=%.2f\n", m, bench_quantile(last, (size_t)n, 0.9));
}

static int run_taps(const struct tap_options *o)
{
	int status = 1;
	double *first = NULL, *last = NULL;
	Display *dpy = open_display();
	if (!dpy)
		goto out;
	int ev, err, major, minor;
	if (!XTestQueryExtension(dpy, &ev, &err, &major, &minor)) {
		fprintf(stderr, "bench_x11_probe: the X server has no XTEST extension\n");
		goto out;
	}
	int screen = DefaultScreen(dpy);
	Window root = RootWindow(dpy, screen);
	int sw = DisplayWidth(dpy, screen), sh = DisplayHeight(dpy, screen);
	for (int i = 0; i < o->n_targets; i++) {
		const struct target *t = &o->targets[i];
		if (t->x < 0 || t->y < 0 || t->x >= sw || t->y >= sh || t->rx + t->rw > sw || t->ry + t->rh > sh) {
			fprintf(stderr, "bench_x11_probe: target %d (%d,%d region %dx%d+%d+%d) is off the %dx%d screen\n",
				i + 1, t->x, t->y, t->rw, t->rh, t->rx, t->ry, sw, sh);
			goto out;
		}
	}
	first = calloc((size_t)o->taps, sizeof(*first));
	last = calloc((size_t)o->taps, sizeof(*last));
	if (!first || !last) {
		fprintf(stderr, "bench_x11_probe: out of memory\n");
		goto out;
	}
	int n = 0, missed = 0;
	for (int i = 0; i < o->taps && !stop_requested; i++) {
		const struct target *t = &o->targets[i % o->n_targets];
		int r = tap_once(dpy, root, screen, t, o, &first[n], &last[n]);
		if (r < 0)
			goto out;
		if (r == 0) {
			missed++;
			fprintf(stderr, "bench_x11_probe: tap %d at %d,%d: no change within %d ms\n", i + 1, t->x, t->y,
				o->timeout_ms);
			continue;
		}
		if (o->verbose)
			fprintf(stderr, "tap %d at %d,%d: first change %.2f ms, last %.2f ms\n", i + 1, t->x, t->y,
				first[n], last[n]);
		n++;
	}
	if (stop_requested)
		goto out;
	report(first, last, n, missed);
	status = missed == 0 ? 0 : 3;
out:
	free(first);
	free(last);
	if (dpy)
		XCloseDisplay(dpy);
	return status;
}

/* Allocates the named colour in the default colormap; false after a message. */
static bool named_pixel(Display *dpy, const char *name, unsigned long *pixel)
{
	XColor exact, screen_color;
	if (!XAllocNamedColor(dpy, DefaultColormap(dpy, DefaultScreen(dpy)), name, &screen_color, &exact)) {
		fprintf(stderr, "bench_x11_probe: cannot allocate colour %s\n", name);
		return false;
	}
	*pixel = screen_color.pixel;
	return true;
}

static int run_window(int w, int h)
{
	static const char *const names[] = {"red", "green", "blue"};
	int status = 1;
	Window win = 0;
	GC gc = NULL;
	Display *dpy = open_display();
	if (!dpy)
		goto out;
	unsigned long colors[3];
	for (int i = 0; i < 3; i++)
		if (!named_pixel(dpy, names[i], &colors[i]))
			goto out;
	int screen = DefaultScreen(dpy);
	XSetWindowAttributes attrs = {
		.background_pixel = WhitePixel(dpy, screen),
		.override_redirect = True, /* no window manager may move or decorate it */
		.event_mask = ExposureMask | ButtonPressMask,
	};
	x_error_code = 0;
	win = XCreateWindow(dpy, RootWindow(dpy, screen), 0, 0, (unsigned)w, (unsigned)h, 0, CopyFromParent,
			    InputOutput, CopyFromParent, CWBackPixel | CWOverrideRedirect | CWEventMask, &attrs);
	gc = XCreateGC(dpy, win, 0, NULL);
	XStoreName(dpy, win, "x11_probe floor");
	XMapRaised(dpy, win);
	XSync(dpy, False);
	if (x_error_code) {
		fprintf(stderr, "bench_x11_probe: creating the %dx%d window failed: %s\n", w, h, x_error_text);
		goto out;
	}
	struct sigaction sa = {.sa_handler = on_signal}; /* no SA_RESTART: poll() must wake up */
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
		perror("bench_x11_probe: sigaction");
		goto out;
	}
	unsigned presses = 0;
	struct pollfd pfd = {.fd = ConnectionNumber(dpy), .events = POLLIN};
	while (!stop_requested) {
		while (XPending(dpy) > 0) {
			XEvent e;
			XNextEvent(dpy, &e);
			if (e.type != ButtonPress)
				continue;
			XSetForeground(dpy, gc, colors[presses++ % 3]);
			XFillRectangle(dpy, win, gc, e.xbutton.x - FLOOR_RECT_W / 2, e.xbutton.y - FLOOR_RECT_H / 2,
				       FLOOR_RECT_W, FLOOR_RECT_H);
			XFlush(dpy);
		}
		if (x_error_code) {
			fprintf(stderr, "bench_x11_probe: drawing failed: %s\n", x_error_text);
			goto out;
		}
		if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
			perror("bench_x11_probe: poll");
			goto out;
		}
		if (pfd.revents & (POLLHUP | POLLERR)) {
			fprintf(stderr, "bench_x11_probe: lost the X connection\n");
			goto out;
		}
	}
	status = 0;
out:
	if (gc)
		XFreeGC(dpy, gc);
	if (win)
		XDestroyWindow(dpy, win);
	if (dpy)
		XCloseDisplay(dpy);
	return status;
}

static int usage(void)
{
	fprintf(stderr, "usage: bench_x11_probe tap [--taps N] [--pause MS] [--timeout MS] [--poll US] [--verbose]\n"
			"                       X,Y,RX,RY,RW,RH [X,Y,RX,RY,RW,RH ...]\n"
			"       bench_x11_probe window WxH\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "window") == 0) {
		int w, h;
		char tail;
		if (argc != 3 || sscanf(argv[2], "%dx%d%c", &w, &h, &tail) != 2 || w < 1 || h < 1 || w > 16384 ||
		    h > 16384)
			return usage();
		return run_window(w, h);
	}
	if (strcmp(argv[1], "tap") != 0)
		return usage();
	struct tap_options o = {.taps = 20, .pause_ms = 150, .timeout_ms = 2000, .poll_us = 200};
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		int *value = NULL, lo = 0, hi = 0;
		if (strcmp(a, "--taps") == 0) {
			value = &o.taps, lo = 1, hi = MAX_TAPS;
		} else if (strcmp(a, "--pause") == 0) {
			value = &o.pause_ms, lo = 1, hi = 60000;
		} else if (strcmp(a, "--timeout") == 0) {
			value = &o.timeout_ms, lo = 1, hi = 600000;
		} else if (strcmp(a, "--poll") == 0) {
			value = &o.poll_us, lo = 0, hi = 1000000;
		} else if (strcmp(a, "--verbose") == 0) {
			o.verbose = true;
		} else if (o.n_targets < MAX_TARGETS && parse_target(a, &o.targets[o.n_targets])) {
			o.n_targets++;
		} else {
			fprintf(stderr, "bench_x11_probe: bad argument \"%s\"\n", a);
			return usage();
		}
		if (value && (i + 1 >= argc || !parse_int(argv[++i], lo, hi, value))) {
			fprintf(stderr, "bench_x11_probe: %s needs a number in [%d, %d]\n", a, lo, hi);
			return usage();
		}
	}
	if (o.n_targets == 0)
		return usage();
	struct sigaction sa = {.sa_handler = on_signal};
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
		perror("bench_x11_probe: sigaction");
		return 1;
	}
	return run_taps(&o);
}
