/* Where an installed kiosk finds its files (core/install_paths.h): the environment first, then the
 * install layout beside the binary when it exists, then the compiled-in directory. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "core/install_paths.h"

int main(void)
{
	char root[64], path[512], out[512];
	snprintf(root, sizeof(root), "/tmp/kiosk-paths-XXXXXX");
	if (!mkdtemp(root))
		return 1;
	/* A prefix with bin/ and share/civic-kiosk/assets, as `cmake --install --prefix ROOT` makes it. */
	snprintf(path, sizeof(path), "%s/bin", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/share", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/share/civic-kiosk", root);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/share/civic-kiosk/assets", root);
	mkdir(path, 0755);
	char exe[512], want[600];
	snprintf(exe, sizeof(exe), "%s/bin/civic-kiosk", root);

	/* The environment wins. */
	CHECK_STR(install_dir_resolve("/env/assets", exe, "../share/civic-kiosk/assets", "/compiled", out, sizeof(out)),
		  "/env/assets");
	/* Beside the binary, without the bin/.. detour. */
	snprintf(want, sizeof(want), "%s/share/civic-kiosk/assets", root);
	CHECK_STR(install_dir_resolve("", exe, "../share/civic-kiosk/assets", "/compiled", out, sizeof(out)), want);
	CHECK_STR(install_dir_resolve(NULL, exe, "../share/civic-kiosk/assets", "/compiled", out, sizeof(out)), want);
	/* Not installed there (fonts/ is missing, a build tree): the compiled directory. */
	CHECK_STR(install_dir_resolve(NULL, exe, "../share/civic-kiosk/fonts", "/compiled/fonts", out, sizeof(out)),
		  "/compiled/fonts");
	CHECK_STR(install_dir_resolve(NULL, NULL, "../share/civic-kiosk/assets", "/compiled", out, sizeof(out)),
		  "/compiled");
	CHECK_STR(install_dir_resolve(NULL, "civic-kiosk", "../share/civic-kiosk/assets", "/compiled", out, sizeof(out)),
		  "/compiled");
	/* This test binary's own lookup answers something, and the same twice. */
	const char *a = install_dir_path(INSTALL_ASSETS);
	CHECK(a != NULL && a[0] != '\0' && a == install_dir_path(INSTALL_ASSETS));

	snprintf(path, sizeof(path), "%s/share/civic-kiosk/assets", root);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/share/civic-kiosk", root);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/share", root);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/bin", root);
	rmdir(path);
	rmdir(root);
	return check_exit();
}
