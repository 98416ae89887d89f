/* Where the kiosk's read-only files are: the interface texts (assets/) and the font manifest
 * (fonts/), and what the build prepared for the input methods (ime/). Looked up in this order:
 *   1. the environment: KIOSK_ASSETS_DIR, KIOSK_FONTS_DIR, KIOSK_IME_DIR (tests, development);
 *   2. beside the running binary, through the install layout: BINDIR/../share/civic-kiosk/assets
 *      (the relative path comes from CMake's GNUInstallDirs), used when that directory exists, so an
 *      installed kiosk finds its files under whatever prefix it was installed to;
 *   3. the directory compiled in: the source tree in development builds, the absolute install path
 *      in the package build (KIOSK_INSTALL_LAYOUT), so a packaged binary never looks into the tree it
 *      was built from.
 * The binary's own path comes from /proc/self/exe (Linux). Results are cached for the process. */
#ifndef KIOSK_CORE_INSTALL_PATHS_H
#define KIOSK_CORE_INSTALL_PATHS_H

#include <stddef.h>

/* INSTALL_IME: what the build prepares for the input methods (the deployed pinyin schemas in rime/,
 * the Traditional tables); environment KIOSK_IME_DIR. */
enum install_dir { INSTALL_ASSETS, INSTALL_FONTS, INSTALL_IME };

/* The directory for which (borrowed, valid for the life of the process; never NULL). */
const char *install_dir_path(enum install_dir which);

/* The same lookup with its inputs given, for tests: env_value (NULL or "": not set), the binary's
 * path (NULL: unknown), the relative path from its directory, the compiled fallback. Writes into out
 * and returns it. */
const char *install_dir_resolve(const char *env_value, const char *exe_path, const char *relative,
				const char *compiled, char *out, size_t len);

#endif
