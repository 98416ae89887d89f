/* x11_probe: what the lockdown test needs of X11 that xdotool (Debian 12) cannot do.
 *   x11_probe close WINDOW_ID   asks a window to close the way a window manager does when someone
 *                               clicks its close button or presses Alt+F4: a WM_PROTOCOLS client
 *                               message with WM_DELETE_WINDOW (xdotool has no "windowquit");
 *   x11_probe keyboard-grabbed  exits 0 when another client holds the keyboard grab (our own
 *                               XGrabKeyboard answers AlreadyGrabbed), 1 when the keyboard is free. */
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int close_window(Display *d, const char *arg)
{
	char *end = NULL;
	Window w = (Window)strtoul(arg, &end, 0);
	if (!end || *end || !w) {
		fprintf(stderr, "x11_probe: not a window id: %s\n", arg);
		return 2;
	}
	XEvent ev;
	memset(&ev, 0, sizeof(ev));
	ev.xclient.type = ClientMessage;
	ev.xclient.window = w;
	ev.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
	ev.xclient.format = 32;
	ev.xclient.data.l[0] = (long)XInternAtom(d, "WM_DELETE_WINDOW", False);
	ev.xclient.data.l[1] = CurrentTime;
	int ok = XSendEvent(d, w, False, NoEventMask, &ev) != 0;
	XSync(d, False);
	return ok ? 0 : 1;
}

static int keyboard_grabbed(Display *d)
{
	int rc = XGrabKeyboard(d, DefaultRootWindow(d), False, GrabModeAsync, GrabModeAsync, CurrentTime);
	if (rc == GrabSuccess)
		XUngrabKeyboard(d, CurrentTime);
	XSync(d, False);
	printf("%s\n", rc == AlreadyGrabbed ? "grabbed by another client" : rc == GrabSuccess ? "free" : "not grabbable");
	return rc == AlreadyGrabbed ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "close") == 0 && argc != 3) ||
	    (strcmp(argv[1], "close") != 0 && strcmp(argv[1], "keyboard-grabbed") != 0)) {
		fprintf(stderr, "usage: x11_probe close WINDOW_ID | x11_probe keyboard-grabbed\n");
		return 2;
	}
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "x11_probe: cannot open the display\n");
		return 1;
	}
	int rc = strcmp(argv[1], "close") == 0 ? close_window(d, argv[2]) : keyboard_grabbed(d);
	XCloseDisplay(d);
	return rc;
}
