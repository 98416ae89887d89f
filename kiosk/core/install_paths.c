/* Install-relative lookup of the kiosk's read-only files; see install_paths.h. */
#include "core/install_paths.h"

#include <limits.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Compiled in by kiosk/CMakeLists.txt; the fallbacks keep a stray build working from the top of the tree. */
#ifndef KIOSK_ASSETS_DIR
#define KIOSK_ASSETS_DIR "assets"
#endif
#ifndef KIOSK_FONTS_DIR
#define KIOSK_FONTS_DIR "fonts"
#endif
#ifndef KIOSK_ASSETS_RELATIVE
#define KIOSK_ASSETS_RELATIVE "../share/civic-kiosk/assets"
#endif
#ifndef KIOSK_FONTS_RELATIVE
#define KIOSK_FONTS_RELATIVE "../share/civic-kiosk/fonts"
#endif
#ifndef KIOSK_IME_DIR
#define KIOSK_IME_DIR "ime"
#endif
#ifndef KIOSK_IME_RELATIVE
#define KIOSK_IME_RELATIVE "../share/civic-kiosk/ime"
#endif

#define PATH_CAP 1024

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *install_dir_resolve(const char *env_value, const char *exe_path, const char *relative,
				const char *compiled, char *out, size_t len)
{
	if (env_value && env_value[0]) {
		snprintf(out, len, "%s", env_value);
		return out;
	}
	const char *slash = exe_path && relative && relative[0] ? strrchr(exe_path, '/') : NULL;
	if (slash && relative[0] != '/') {
		/* The binary's directory, then each leading "../" of relative taken off it, so the result
		 * reads /usr/share/civic-kiosk/assets rather than /usr/bin/../share/… in logs. */
		size_t dir_len = (size_t)(slash - exe_path);
		while (strncmp(relative, "../", 3) == 0 && dir_len > 0) {
			while (dir_len > 0 && exe_path[dir_len - 1] != '/')
				dir_len--;
			if (dir_len > 0)
				dir_len--; /* the slash before the component */
			relative += 3;
		}
		char candidate[PATH_CAP];
		int n = snprintf(candidate, sizeof(candidate), "%.*s/%s", (int)dir_len, exe_path, relative);
		if (n > 0 && (size_t)n < sizeof(candidate) && is_dir(candidate)) {
			snprintf(out, len, "%s", candidate);
			return out;
		}
	}
	snprintf(out, len, "%s", compiled);
	return out;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char assets_dir[PATH_CAP], fonts_dir[PATH_CAP], ime_dir[PATH_CAP];

static void resolve_all(void)
{
	char exe[PATH_CAP];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	const char *exe_path = NULL;
	if (n > 0 && (size_t)n < sizeof(exe) - 1) {
		exe[n] = '\0';
		exe_path = exe;
	}
	install_dir_resolve(getenv("KIOSK_ASSETS_DIR"), exe_path, KIOSK_ASSETS_RELATIVE, KIOSK_ASSETS_DIR, assets_dir,
			    sizeof(assets_dir));
	install_dir_resolve(getenv("KIOSK_FONTS_DIR"), exe_path, KIOSK_FONTS_RELATIVE, KIOSK_FONTS_DIR, fonts_dir,
			    sizeof(fonts_dir));
	install_dir_resolve(getenv("KIOSK_IME_DIR"), exe_path, KIOSK_IME_RELATIVE, KIOSK_IME_DIR, ime_dir, sizeof(ime_dir));
}

const char *install_dir_path(enum install_dir which)
{
	pthread_once(&once, resolve_all);
	return which == INSTALL_FONTS ? fonts_dir : which == INSTALL_IME ? ime_dir : assets_dir;
}
