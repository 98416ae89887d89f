/* bench_x11_probe: what a person sees of a real X11 program, measured from outside it.
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
 *   bench_x11_probe launch FRAME [--log FILE] [--env VAR=VALUE]... -- PROGRAM [ARGS...]
 *     Starts PROGRAM (its output to --log, default /dev/null; --env sets a variable in its
 *     environment), prints
 *     "pid=N", then times from just before the spawn to the frame FRAME describes (below). Then it
 *     stays PROGRAM's parent until SIGTERM or SIGINT, which it passes on (SIGKILL after 5 s), and
 *     exits 0; a program that exits by itself or a frame that never comes stop it with status 1 or 3.
 *   bench_x11_probe click-to FRAME X,Y
 *     Moves the pointer to (X,Y), waits until the whole screen has been unchanged for --quiet ms
 *     (default 1000 with --shot, 300 with --ref), clicks there (press and release back to back, as `xdotool click 1`) and times from the press to
 *     the frame FRAME describes.
 *   FRAME is one of
 *     --ref FILE [--timeout MS] [--poll US]   the whole screen equals the PPM FILE pixel for pixel.
 *       Every --poll µs (default 1000) the probe reads a strip of 16 columns, where FILE differs most
 *       from the screen before the event, and reads the whole screen when the strip matches (see
 *       x11_screen.h). Prints "ms=T first_change_ms=T confirmed_ms=T polls=N": to the strip read
 *       that showed the frame, to the first strip read that differed from the screen before, to the
 *       end of the whole-screen read that confirmed the frame, and how many strip reads were made
 *       (T/N is the resolution reached). After --timeout ms (default 30000)
 *       it prints how many pixels still differ and fails. This is "fully drawn": the same test
 *       for every program, against what that program itself shows once it has settled;
 *     --shot FILE [--quiet MS] [--timeout MS]   the screen changed, then stayed unchanged for --quiet
 *       ms (default 1000): writes that frame to FILE (binary PPM) and prints "first_ms=T settled_ms=T"
 *       (to the first change and to the last). This makes the references.
 *   bench_x11_probe window WxH
 *     The method's floor: a bare Xlib window at (0,0), named "x11_probe floor", that fills a
 *     160x100 rectangle around each ButtonPress with the next of three colours and flushes.
 *     Runs until SIGINT or SIGTERM. Measure it with `tap`, `launch` and `click-to` exactly as the
 *     kiosk is measured.
 *
 * Depends on Xlib, XTest and MIT-SHM (x11_screen.c). Limits: "presented" means "in the X server's
 * framebuffer": Xvfb has no scan-out, vsync or compositor, so on a real panel add up to one refresh
 * interval and the compositor's latency. XTest injects into the server's input queue, skipping the
 * kernel and libinput. `tap` counts the first change (an app that draws a pressed state first is timed
 * to that); `launch` and `click-to` with --ref count only the finished frame. Resolution: for `tap` one
 * poll interval plus one XGetImage of the region (tens of µs); for --ref one poll interval plus one
 * strip read (tens of µs on a quiet machine), and one whole-screen read and comparison (a few ms at
 * 1080x1920) when the strip matches. The probe's polling takes CPU from the program it measures: the
 * floor window shows what the method costs. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_stats.h"
#include "x11_screen.h"

#define MAX_TARGETS 16
#define MAX_TAPS 10000
#define SETTLE_TRIES 50 /* pauses to wait for a region that keeps changing before giving up */
#define FLOOR_RECT_W 160
#define FLOOR_RECT_H 100
#define MAX_ENV 16
#define STOP_GRACE_MS 5000

extern char **environ;

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

/* What `launch` and `click-to` wait for after their event: --ref or --shot (see the header). */
struct frame_options {
	const char *ref, *shot;
	int quiet_ms, timeout_ms, poll_us;
};

/* Parses one FRAME option at argv[*i] (moving *i past its value); 1 when taken, 0 when not a FRAME
 * option, -1 after a message when its value is missing or out of range. */
static int parse_frame_option(int argc, char **argv, int *i, struct frame_options *o)
{
	const char *a = argv[*i];
	const char **path = NULL;
	int *value = NULL, lo = 0, hi = 0;
	if (strcmp(a, "--ref") == 0)
		path = &o->ref;
	else if (strcmp(a, "--shot") == 0)
		path = &o->shot;
	else if (strcmp(a, "--quiet") == 0)
		value = &o->quiet_ms, lo = 1, hi = 60000;
	else if (strcmp(a, "--timeout") == 0)
		value = &o->timeout_ms, lo = 1, hi = 600000;
	else if (strcmp(a, "--poll") == 0)
		value = &o->poll_us, lo = 0, hi = 1000000;
	else
		return 0;
	if (*i + 1 >= argc || (path && argv[*i + 1][0] == '\0') || (value && !parse_int(argv[*i + 1], lo, hi, value))) {
		if (path)
			fprintf(stderr, "bench_x11_probe: %s needs a file name\n", a);
		else
			fprintf(stderr, "bench_x11_probe: %s needs a number in [%d, %d]\n", a, lo, hi);
		return -1;
	}
	if (path)
		*path = argv[*i + 1];
	++*i;
	return 1;
}

static bool frame_options_valid(const struct frame_options *o)
{
	if ((o->ref == NULL) == (o->shot == NULL)) {
		fprintf(stderr, "bench_x11_probe: give exactly one of --ref FILE and --shot FILE\n");
		return false;
	}
	return true;
}

/* Grabs the screen, with the reason on stderr when that fails. */
static bool grab_screen(struct x11_screen *s)
{
	char err[256];
	if (x11_screen_grab(s, err, sizeof(err)))
		return true;
	fprintf(stderr, "bench_x11_probe: %s\n", err);
	return false;
}

/* True when the program started as child has ended (reaped, with a message); never for child <= 0. */
static bool child_gone(pid_t child)
{
	int status;
	if (child <= 0 || waitpid(child, &status, WNOHANG) != child)
		return false;
	if (WIFEXITED(status))
		fprintf(stderr, "bench_x11_probe: the program exited with status %d\n", WEXITSTATUS(status));
	else
		fprintf(stderr, "bench_x11_probe: the program was ended by signal %d\n", WTERMSIG(status));
	return true;
}

/* --ref: polls the watched strip (x11_screen_watch) until it shows the reference's pixels, then
 * confirms with a whole-screen read at once; prints "ms=T first_change_ms=T confirmed_ms=T polls=N".
 * ms is the strip read that showed the frame: a program that presents a frame in one request (SDL's
 * and Chromium's software output, the floor's fill) had all of it there then; one that draws it in
 * pieces had finished by confirmed_ms, the end of the whole-screen read. The first change is the first
 * strip read that differed from the screen before the event. */
static int await_ref(struct x11_screen *s, const struct frame_options *o, const struct x11_frame *before,
		     const struct x11_frame *ref, double start, pid_t child)
{
	double first = -1;
	int polls = 0;
	char err[256];
	while (!stop_requested) {
		if (!x11_screen_grab_strip(s, err, sizeof(err))) {
			fprintf(stderr, "bench_x11_probe: %s\n", err);
			return -1;
		}
		double now = bench_now_ms() - start;
		polls++;
		bool strip = x11_screen_strip_matches(s, ref);
		if (first < 0 && (strip || !x11_screen_strip_matches(s, before)))
			first = now;
		if (strip) {
			if (!grab_screen(s))
				return -1;
			if (x11_screen_matches(s, ref)) {
				printf("ms=%.2f first_change_ms=%.2f confirmed_ms=%.2f polls=%d\n", now, first,
				       bench_now_ms() - start, polls);
				return 1;
			}
		}
		if (now > o->timeout_ms) {
			if (!grab_screen(s))
				return -1;
			fprintf(stderr, "bench_x11_probe: the screen did not match %s within %d ms (%zu pixels differ)\n",
				o->ref, o->timeout_ms, x11_screen_count_different(s, ref));
			return 0;
		}
		if (child_gone(child))
			return -1;
		sleep_us(o->poll_us);
	}
	return -1;
}

/* --shot: waits for the screen to change from the frame before the event and then to stay unchanged
 * for --quiet ms; writes that frame and prints "first_ms=T settled_ms=T". */
static int await_shot(struct x11_screen *s, const struct frame_options *o, const struct x11_frame *before,
		      double start, pid_t child)
{
	struct x11_frame last = {0};
	double first = -1, changed = -1;
	int result = -1;
	while (!stop_requested) {
		if (!grab_screen(s))
			goto out;
		double now = bench_now_ms() - start;
		if (!x11_screen_matches(s, last.pixels ? &last : before)) {
			if (!x11_frame_from_screen(&last, s)) {
				fprintf(stderr, "bench_x11_probe: out of memory\n");
				goto out;
			}
			if (first < 0)
				first = now;
			changed = now;
		}
		if (changed >= 0 && now - changed >= o->quiet_ms) {
			char err[256];
			if (!x11_frame_save_ppm(&last, o->shot, err, sizeof(err))) {
				fprintf(stderr, "bench_x11_probe: %s\n", err);
				goto out;
			}
			printf("first_ms=%.2f settled_ms=%.2f\n", first, changed);
			result = 1;
			goto out;
		}
		if (now > o->timeout_ms) {
			fprintf(stderr, "bench_x11_probe: the screen did not %s within %d ms\n", first < 0 ? "change" : "settle",
				o->timeout_ms);
			result = 0;
			goto out;
		}
		if (child_gone(child))
			goto out;
		sleep_us(20000); /* a settling screen needs no fine resolution */
	}
out:
	x11_frame_finish(&last);
	return result;
}

/* After the event at `start` (ms): waits for the frame o describes, given the frame shown before the
 * event, and prints the result line. Returns 1 when it came, 0 when it did not within the timeout
 * (with a message), -1 on an error or when the child program ended. */
static int await_frame(struct x11_screen *s, const struct frame_options *o, const struct x11_frame *before,
		       const struct x11_frame *ref, double start, pid_t child)
{
	int result = ref ? await_ref(s, o, before, ref, start, child) : await_shot(s, o, before, start, child);
	fflush(stdout);
	return result;
}

/* Waits until the screen has been unchanged for quiet_ms and leaves that frame in *f. */
static bool quiet_frame(struct x11_screen *s, int quiet_ms, int timeout_ms, struct x11_frame *f)
{
	double start = bench_now_ms(), changed = start;
	if (!grab_screen(s) || !x11_frame_from_screen(f, s))
		return false;
	while (!stop_requested) {
		sleep_us(20000);
		if (!grab_screen(s))
			return false;
		double now = bench_now_ms();
		if (!x11_screen_matches(s, f)) {
			if (!x11_frame_from_screen(f, s))
				return false;
			changed = now;
		}
		if (now - changed >= quiet_ms)
			return true;
		if (now - start > timeout_ms) {
			fprintf(stderr, "bench_x11_probe: the screen never stayed still for %d ms within %d ms\n", quiet_ms,
				timeout_ms);
			return false;
		}
	}
	return false;
}

/* Opens the display and the whole-screen grabs, and loads the reference frame when there is one. */
static Display *open_screen(struct x11_screen *s, const struct frame_options *o, struct x11_frame *ref)
{
	char err[256];
	Display *dpy = open_display();
	if (!dpy)
		return NULL;
	if (!x11_screen_open(s, dpy, err, sizeof(err)) || (o->ref && !x11_frame_load_ppm(ref, o->ref, err, sizeof(err)))) {
		fprintf(stderr, "bench_x11_probe: %s\n", err);
		x11_screen_close(s);
		XCloseDisplay(dpy);
		return NULL;
	}
	if (o->ref && (ref->width != s->width || ref->height != s->height)) {
		fprintf(stderr, "bench_x11_probe: %s is %dx%d, the screen %dx%d\n", o->ref, ref->width, ref->height,
			s->width, s->height);
		x11_screen_close(s);
		XCloseDisplay(dpy);
		return NULL;
	}
	return dpy;
}

/* With a reference: watches the strip where it differs most from the frame before the event. */
static bool watch(struct x11_screen *s, const struct x11_frame *before, const struct x11_frame *ref)
{
	char err[256];
	if (!ref || x11_screen_watch(s, before, ref, err, sizeof(err)))
		return true;
	fprintf(stderr, "bench_x11_probe: %s\n", err);
	return false;
}

/* Ends the child: SIGTERM, then SIGKILL after STOP_GRACE_MS; reaps it. */
static void stop_child(pid_t child)
{
	int status;
	kill(child, SIGTERM);
	for (int waited = 0; waited < STOP_GRACE_MS; waited += 20) {
		if (waitpid(child, &status, WNOHANG) == child)
			return;
		sleep_us(20000);
	}
	kill(child, SIGKILL);
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
}

struct launch_options {
	struct frame_options frame;
	const char *log;
	char *env[MAX_ENV];
	int n_env;
	char **argv; /* the program and its arguments, NULL-terminated */
};

static int run_launch(const struct launch_options *o)
{
	int status = 1;
	pid_t child = -1;
	bool file_actions = false;
	char **envp = NULL;
	struct x11_screen screen = {0};
	struct x11_frame ref = {0}, before = {0};
	posix_spawn_file_actions_t fa;
	Display *dpy = open_screen(&screen, &o->frame, &ref);
	if (!dpy)
		goto out;
	if (!x11_frame_from_screen(&before, &screen)) {
		fprintf(stderr, "bench_x11_probe: out of memory\n");
		goto out;
	}
	/* A window of an earlier run still showing the same frame would be timed as a start of 0 ms. */
	if (o->frame.ref && x11_screen_matches(&screen, &ref)) {
		fprintf(stderr, "bench_x11_probe: the screen already shows %s before the program starts\n", o->frame.ref);
		goto out;
	}
	if (!watch(&screen, &before, o->frame.ref ? &ref : NULL))
		goto out;
	size_t n = 0;
	while (environ[n])
		n++;
	envp = calloc(n + (size_t)o->n_env + 1, sizeof(*envp));
	if (!envp) {
		fprintf(stderr, "bench_x11_probe: out of memory\n");
		goto out;
	}
	/* --env replaces a variable of the same name rather than adding a second one getenv() never sees. */
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		bool replaced = false;
		for (int k = 0; k < o->n_env && !replaced; k++) {
			size_t name = strcspn(o->env[k], "=") + 1;
			replaced = strncmp(environ[i], o->env[k], name) == 0;
		}
		if (!replaced)
			envp[kept++] = environ[i];
	}
	memcpy(envp + kept, o->env, (size_t)o->n_env * sizeof(*envp));
	if (posix_spawn_file_actions_init(&fa) != 0) {
		fprintf(stderr, "bench_x11_probe: out of memory\n");
		goto out;
	}
	file_actions = true;
	if (posix_spawn_file_actions_addopen(&fa, 1, o->log, O_WRONLY | O_CREAT | O_TRUNC, 0644) != 0 ||
	    posix_spawn_file_actions_adddup2(&fa, 1, 2) != 0) {
		fprintf(stderr, "bench_x11_probe: out of memory\n");
		goto out;
	}
	double start = bench_now_ms();
	int err = posix_spawnp(&child, o->argv[0], &fa, NULL, o->argv, envp);
	if (err != 0) {
		child = -1;
		fprintf(stderr, "bench_x11_probe: cannot start %s: %s\n", o->argv[0], strerror(err));
		goto out;
	}
	printf("pid=%d\n", (int)child);
	fflush(stdout);
	int got = await_frame(&screen, &o->frame, &before, o->frame.ref ? &ref : NULL, start, child);
	if (got <= 0) {
		status = got == 0 ? 3 : 1;
		goto out;
	}
	/* Timed: the probe lets go of the X server and only waits, so it costs the idle program nothing. */
	x11_screen_close(&screen);
	XCloseDisplay(dpy);
	dpy = NULL;
	while (!stop_requested) {
		int child_status;
		if (waitpid(child, &child_status, 0) == child) {
			child = -1;
			fprintf(stderr, "bench_x11_probe: the program ended (%s %d) before it was stopped\n",
				WIFEXITED(child_status) ? "status" : "signal",
				WIFEXITED(child_status) ? WEXITSTATUS(child_status) : WTERMSIG(child_status));
			goto out;
		}
		if (errno != EINTR) {
			perror("bench_x11_probe: waitpid");
			goto out;
		}
	}
	status = 0;
out:
	if (child > 0 && kill(child, 0) == 0)
		stop_child(child);
	if (file_actions)
		posix_spawn_file_actions_destroy(&fa);
	free(envp);
	x11_frame_finish(&ref);
	x11_frame_finish(&before);
	if (dpy) {
		x11_screen_close(&screen);
		XCloseDisplay(dpy);
	}
	return status;
}

static int run_click_to(const struct frame_options *o, int x, int y)
{
	int status = 1;
	struct x11_screen screen = {0};
	struct x11_frame ref = {0}, before = {0};
	Display *dpy = open_screen(&screen, o, &ref);
	if (!dpy)
		goto out;
	int ev, err, major, minor, scr = DefaultScreen(dpy);
	if (!XTestQueryExtension(dpy, &ev, &err, &major, &minor)) {
		fprintf(stderr, "bench_x11_probe: the X server has no XTEST extension\n");
		goto out;
	}
	if (x < 0 || y < 0 || x >= screen.width || y >= screen.height) {
		fprintf(stderr, "bench_x11_probe: %d,%d is off the %dx%d screen\n", x, y, screen.width, screen.height);
		goto out;
	}
	/* Move first, and let the motion (a hover style) be drawn before timing starts. */
	if (!XTestFakeMotionEvent(dpy, scr, x, y, CurrentTime)) {
		fprintf(stderr, "bench_x11_probe: XTestFakeMotionEvent to %d,%d failed\n", x, y);
		goto out;
	}
	XSync(dpy, False);
	if (!quiet_frame(&screen, o->quiet_ms, o->timeout_ms, &before))
		goto out;
	if (o->ref && x11_screen_matches(&screen, &ref)) {
		fprintf(stderr, "bench_x11_probe: the screen already shows %s before the click\n", o->ref);
		goto out;
	}
	if (!watch(&screen, &before, o->ref ? &ref : NULL))
		goto out;
	double start = bench_now_ms();
	if (!XTestFakeButtonEvent(dpy, 1, True, CurrentTime) || !XTestFakeButtonEvent(dpy, 1, False, CurrentTime)) {
		fprintf(stderr, "bench_x11_probe: XTestFakeButtonEvent failed\n");
		goto out;
	}
	XFlush(dpy);
	int got = await_frame(&screen, o, &before, o->ref ? &ref : NULL, start, 0);
	status = got == 1 ? 0 : got == 0 ? 3 : 1;
out:
	x11_frame_finish(&ref);
	x11_frame_finish(&before);
	if (dpy) {
		x11_screen_close(&screen);
		XCloseDisplay(dpy);
	}
	return status;
}

static int usage(void)
{
	fprintf(stderr, "usage: bench_x11_probe tap [--taps N] [--pause MS] [--timeout MS] [--poll US] [--verbose]\n"
			"                       X,Y,RX,RY,RW,RH [X,Y,RX,RY,RW,RH ...]\n"
			"       bench_x11_probe launch FRAME [--log FILE] [--env VAR=VALUE]... -- PROGRAM [ARGS...]\n"
			"       bench_x11_probe click-to FRAME X,Y\n"
			"       bench_x11_probe window WxH\n"
			"FRAME: --ref FILE [--timeout MS] [--poll US]  or  --shot FILE [--quiet MS] [--timeout MS]\n");
	return 2;
}

static int main_launch(int argc, char **argv)
{
	struct launch_options o = {.frame = {.quiet_ms = 1000, .timeout_ms = 30000, .poll_us = 1000}, .log = "/dev/null"};
	int i = 2;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		int taken = parse_frame_option(argc, argv, &i, &o.frame);
		if (taken < 0)
			return usage();
		if (taken)
			continue;
		if (strcmp(argv[i], "--log") == 0 && i + 1 < argc && argv[i + 1][0]) {
			o.log = argv[++i];
		} else if (strcmp(argv[i], "--env") == 0 && i + 1 < argc && o.n_env < MAX_ENV && strchr(argv[i + 1], '=') &&
			   argv[i + 1][0] != '=') {
			o.env[o.n_env++] = argv[++i];
		} else {
			fprintf(stderr, "bench_x11_probe: bad argument \"%s\"\n", argv[i]);
			return usage();
		}
	}
	if (i + 1 >= argc || !frame_options_valid(&o.frame))
		return usage();
	o.argv = argv + i + 1;
	return run_launch(&o);
}

static int main_click_to(int argc, char **argv)
{
	struct frame_options o = {.quiet_ms = -1, .timeout_ms = 30000, .poll_us = 1000};
	int x = -1, y = -1;
	bool point = false;
	for (int i = 2; i < argc; i++) {
		int taken = parse_frame_option(argc, argv, &i, &o);
		char tail;
		if (taken < 0)
			return usage();
		if (taken)
			continue;
		if (point || sscanf(argv[i], "%d,%d%c", &x, &y, &tail) != 2) {
			fprintf(stderr, "bench_x11_probe: bad argument \"%s\"\n", argv[i]);
			return usage();
		}
		point = true;
	}
	if (!point || !frame_options_valid(&o))
		return usage();
	if (o.quiet_ms < 0) /* a reference is awaited on a screen known to have settled: less to wait */
		o.quiet_ms = o.shot ? 1000 : 300;
	return run_click_to(&o, x, y);
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
	struct sigaction sa = {.sa_handler = on_signal}; /* no SA_RESTART: waits must wake up */
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
		perror("bench_x11_probe: sigaction");
		return 1;
	}
	if (strcmp(argv[1], "launch") == 0)
		return main_launch(argc, argv);
	if (strcmp(argv[1], "click-to") == 0)
		return main_click_to(argc, argv);
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
	return run_taps(&o);
}
