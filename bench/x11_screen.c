/* Whole-screen grabs, frames and PPM files; see x11_screen.h. */
#include "x11_screen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#define RGB_MASK 0xFFFFFFu
#define MAX_SIDE 16384
#define STRIP_W 16 /* columns watched while waiting for a frame */

/* XShmAttach fails asynchronously (a server of another user cannot attach a 0600 segment): the error
 * is caught here while attaching and the grabs fall back to XGetImage. */
static int attach_error;

static int on_attach_error(Display *dpy, XErrorEvent *e)
{
	(void)dpy;
	attach_error = e->error_code;
	return 0;
}

static bool little_endian(void)
{
	const uint32_t one = 1;
	unsigned char first;
	memcpy(&first, &one, 1);
	return first == 1;
}

/* Only the layout compared as native 32-bit words is accepted: 8 bits per channel, red high. */
static bool supported(const XImage *img, char *err, size_t errlen)
{
	if (img->bits_per_pixel == 32 && img->red_mask == 0xFF0000 && img->green_mask == 0xFF00 &&
	    img->blue_mask == 0xFF && img->byte_order == (little_endian() ? LSBFirst : MSBFirst) &&
	    img->bytes_per_line % 4 == 0)
		return true;
	snprintf(err, errlen,
		 "unsupported screen format (%d bits a pixel, masks %06lx/%06lx/%06lx): run the X server at depth 24, "
		 "e.g. Xvfb -screen 0 1080x1920x24",
		 img->bits_per_pixel, img->red_mask, img->green_mask, img->blue_mask);
	return false;
}

/* Reads of g's rectangle go through a shared segment when the server can attach it. */
static bool attach_shm(Display *dpy, struct x11_grab *g)
{
	int screen = DefaultScreen(dpy);
	XImage *img = XShmCreateImage(dpy, DefaultVisual(dpy, screen), (unsigned)DefaultDepth(dpy, screen), ZPixmap,
				      NULL, &g->shm, (unsigned)g->width, (unsigned)g->height);
	if (!img)
		return false;
	g->shm.shmid = shmget(IPC_PRIVATE, (size_t)img->bytes_per_line * (size_t)img->height, IPC_CREAT | 0600);
	if (g->shm.shmid < 0) {
		XDestroyImage(img);
		return false;
	}
	g->shm.shmaddr = img->data = shmat(g->shm.shmid, NULL, 0);
	g->shm.readOnly = False;
	bool ok = g->shm.shmaddr != (char *)-1;
	if (ok) {
		attach_error = 0;
		int (*previous)(Display *, XErrorEvent *) = XSetErrorHandler(on_attach_error);
		ok = XShmAttach(dpy, &g->shm);
		XSync(dpy, False);
		XSetErrorHandler(previous);
		ok = ok && attach_error == 0;
	}
	/* Marked for removal now: the segment goes away when both sides have detached, even after a crash. */
	shmctl(g->shm.shmid, IPC_RMID, NULL);
	if (!ok) {
		if (g->shm.shmaddr != (char *)-1)
			shmdt(g->shm.shmaddr);
		img->data = NULL;
		XDestroyImage(img);
		return false;
	}
	g->image = img;
	g->shm_attached = true;
	return true;
}

static void grab_close(Display *dpy, struct x11_grab *g)
{
	if (g->shm_attached) {
		XShmDetach(dpy, &g->shm);
		XSync(dpy, False);
		shmdt(g->shm.shmaddr);
		g->image->data = NULL; /* not Xlib's to free */
		g->shm_attached = false;
	}
	if (g->image)
		XDestroyImage(g->image);
	g->image = NULL;
}

static bool grab_read(Display *dpy, Window root, struct x11_grab *g, char *err, size_t errlen)
{
	if (g->shm_attached) {
		if (XShmGetImage(dpy, root, g->image, g->x, g->y, AllPlanes))
			return true;
		snprintf(err, errlen, "XShmGetImage of %dx%d+%d+%d failed", g->width, g->height, g->x, g->y);
		return false;
	}
	XImage *img = XGetImage(dpy, root, g->x, g->y, (unsigned)g->width, (unsigned)g->height, AllPlanes, ZPixmap);
	if (!img) {
		snprintf(err, errlen, "XGetImage of %dx%d+%d+%d failed", g->width, g->height, g->x, g->y);
		return false;
	}
	if (g->image)
		XDestroyImage(g->image);
	g->image = img;
	return true;
}

/* Prepares reads of the rectangle and makes the first; false with a reason in err. */
static bool grab_open(struct x11_screen *s, struct x11_grab *g, int x, int y, int width, int height, char *err,
		      size_t errlen)
{
	memset(g, 0, sizeof(*g));
	g->x = x, g->y = y, g->width = width, g->height = height;
	if (XShmQueryExtension(s->dpy))
		attach_shm(s->dpy, g);
	if (!grab_read(s->dpy, s->root, g, err, errlen) || !supported(g->image, err, errlen)) {
		grab_close(s->dpy, g);
		return false;
	}
	return true;
}

bool x11_screen_open(struct x11_screen *s, Display *dpy, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->dpy = dpy;
	int screen = DefaultScreen(dpy);
	s->root = RootWindow(dpy, screen);
	s->width = DisplayWidth(dpy, screen);
	s->height = DisplayHeight(dpy, screen);
	return grab_open(s, &s->whole, 0, 0, s->width, s->height, err, errlen);
}

void x11_screen_close(struct x11_screen *s)
{
	if (!s->dpy)
		return;
	grab_close(s->dpy, &s->whole);
	grab_close(s->dpy, &s->strip);
}

bool x11_screen_grab(struct x11_screen *s, char *err, size_t errlen)
{
	return grab_read(s->dpy, s->root, &s->whole, err, errlen);
}

static const uint32_t *image_row(const XImage *img, int y)
{
	return (const uint32_t *)(const void *)(img->data + (size_t)y * (size_t)img->bytes_per_line);
}

bool x11_screen_matches(const struct x11_screen *s, const struct x11_frame *f)
{
	if (f->width != s->width || f->height != s->height)
		return false;
	for (int y = 0; y < s->height; y++) {
		const uint32_t *row = image_row(s->whole.image, y), *want = f->pixels + (size_t)y * (size_t)f->width;
		for (int x = 0; x < s->width; x++) {
			if ((row[x] & RGB_MASK) != want[x])
				return false;
		}
	}
	return true;
}

size_t x11_screen_count_different(const struct x11_screen *s, const struct x11_frame *f)
{
	if (f->width != s->width || f->height != s->height)
		return (size_t)s->width * (size_t)s->height;
	size_t n = 0;
	for (int y = 0; y < s->height; y++) {
		const uint32_t *row = image_row(s->whole.image, y), *want = f->pixels + (size_t)y * (size_t)f->width;
		for (int x = 0; x < s->width; x++)
			n += (row[x] & RGB_MASK) != want[x];
	}
	return n;
}

bool x11_screen_watch(struct x11_screen *s, const struct x11_frame *a, const struct x11_frame *b, char *err,
		      size_t errlen)
{
	bool result = false;
	int w = s->width < STRIP_W ? s->width : STRIP_W;
	size_t *column = NULL;
	if (a->width != s->width || a->height != s->height || b->width != s->width || b->height != s->height) {
		snprintf(err, errlen, "the frames to watch for are not the screen's size");
		goto out;
	}
	column = calloc((size_t)s->width, sizeof(*column));
	if (!column) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (int y = 0; y < s->height; y++) {
		const uint32_t *ra = a->pixels + (size_t)y * (size_t)s->width, *rb = b->pixels + (size_t)y * (size_t)s->width;
		for (int x = 0; x < s->width; x++)
			column[x] += ra[x] != rb[x];
	}
	/* The window of w columns with the most differing pixels (the leftmost of equals). */
	size_t sum = 0, best = 0;
	int best_x = 0;
	for (int x = 0; x < s->width; x++) {
		sum += column[x];
		if (x >= w)
			sum -= column[x - w];
		if (x >= w - 1 && sum > best) {
			best = sum;
			best_x = x - w + 1;
		}
	}
	grab_close(s->dpy, &s->strip);
	result = grab_open(s, &s->strip, best_x, 0, w, s->height, err, errlen);
out:
	free(column);
	return result;
}

bool x11_screen_grab_strip(struct x11_screen *s, char *err, size_t errlen)
{
	return grab_read(s->dpy, s->root, &s->strip, err, errlen);
}

bool x11_screen_strip_matches(const struct x11_screen *s, const struct x11_frame *f)
{
	const struct x11_grab *g = &s->strip;
	if (!g->image || f->width != s->width || f->height != s->height)
		return false;
	for (int y = 0; y < g->height; y++) {
		const uint32_t *row = image_row(g->image, y);
		const uint32_t *want = f->pixels + (size_t)(g->y + y) * (size_t)f->width + g->x;
		for (int x = 0; x < g->width; x++) {
			if ((row[x] & RGB_MASK) != want[x])
				return false;
		}
	}
	return true;
}

static bool frame_size(struct x11_frame *f, int width, int height)
{
	if (f->pixels && f->width == width && f->height == height)
		return true;
	free(f->pixels);
	f->pixels = malloc((size_t)width * (size_t)height * sizeof(*f->pixels));
	f->width = f->pixels ? width : 0;
	f->height = f->pixels ? height : 0;
	return f->pixels != NULL;
}

bool x11_frame_from_screen(struct x11_frame *f, const struct x11_screen *s)
{
	if (!frame_size(f, s->width, s->height))
		return false;
	for (int y = 0; y < s->height; y++) {
		const uint32_t *row = image_row(s->whole.image, y);
		uint32_t *out = f->pixels + (size_t)y * (size_t)f->width;
		for (int x = 0; x < s->width; x++)
			out[x] = row[x] & RGB_MASK;
	}
	return true;
}

void x11_frame_finish(struct x11_frame *f)
{
	if (!f)
		return;
	free(f->pixels);
	memset(f, 0, sizeof(*f));
}

bool x11_frame_save_ppm(const struct x11_frame *f, const char *path, char *err, size_t errlen)
{
	bool result = false;
	unsigned char *line = malloc((size_t)f->width * 3);
	FILE *out = fopen(path, "wb");
	if (!line || !out) {
		snprintf(err, errlen, "%s: %s", path, line ? strerror(errno) : "out of memory");
		goto out;
	}
	fprintf(out, "P6\n%d %d\n255\n", f->width, f->height);
	for (int y = 0; y < f->height; y++) {
		const uint32_t *row = f->pixels + (size_t)y * (size_t)f->width;
		for (int x = 0; x < f->width; x++) {
			line[3 * x] = (unsigned char)(row[x] >> 16);
			line[3 * x + 1] = (unsigned char)(row[x] >> 8);
			line[3 * x + 2] = (unsigned char)row[x];
		}
		if (fwrite(line, 3, (size_t)f->width, out) != (size_t)f->width)
			break;
	}
	if (ferror(out)) {
		snprintf(err, errlen, "%s: write failed", path);
		goto out;
	}
	result = true;
out:
	if (out && fclose(out) != 0 && result) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		result = false;
	}
	free(line);
	return result;
}

bool x11_frame_load_ppm(struct x11_frame *f, const char *path, char *err, size_t errlen)
{
	bool result = false;
	unsigned char *line = NULL;
	int width = 0, height = 0, maxval = 0;
	FILE *in = fopen(path, "rb");
	if (!in) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	/* The header as x11_frame_save_ppm and ImageMagick write it: no comments. */
	if (fscanf(in, "P6 %d %d %d", &width, &height, &maxval) != 3 || fgetc(in) == EOF || maxval != 255 ||
	    width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
		snprintf(err, errlen, "%s: not a binary PPM with maxval 255 and sides of 1 to %d pixels", path, MAX_SIDE);
		goto out;
	}
	line = malloc((size_t)width * 3);
	if (!line || !frame_size(f, width, height)) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	for (int y = 0; y < height; y++) {
		if (fread(line, 3, (size_t)width, in) != (size_t)width) {
			snprintf(err, errlen, "%s: truncated at row %d of %d", path, y, height);
			goto out;
		}
		uint32_t *row = f->pixels + (size_t)y * (size_t)width;
		for (int x = 0; x < width; x++)
			row[x] = (uint32_t)line[3 * x] << 16 | (uint32_t)line[3 * x + 1] << 8 | line[3 * x + 2];
	}
	result = true;
out:
	if (in)
		fclose(in);
	free(line);
	return result;
}
