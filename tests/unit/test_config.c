/* Configuration: defaults for every key, validation of every type, and a bad file refused with the
 * key and the line named. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "config/config.h"

static const char *write_file(const char *text)
{
	static char path[64];
	snprintf(path, sizeof(path), "/tmp/kiosk-config-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		path[0] = '\0';
	close(fd);
	return path;
}

static void expect_refused(const char *text, const char *needle)
{
	struct config cfg;
	char err[512] = "";
	config_init(&cfg);
	const char *path = write_file(text);
	bool ok = config_load(&cfg, path, err, sizeof(err));
	if (!CHECK(!ok) || !CHECK(strstr(err, needle) != NULL))
		fprintf(stderr, "  error was: %s\n", err);
	unlink(path);
}

int main(void)
{
	struct config cfg;
	char err[512];
	config_init(&cfg);
	for (size_t i = 0; i < options_table_len; i++) {
		/* every default passes its own validation */
		CHECK(config_set(&cfg, options_table[i].section, options_table[i].name, options_table[i].default_value,
				 err, sizeof(err)));
		CHECK(options_table[i].help && options_table[i].help[0]);
	}
	CHECK_STR(config_str(&cfg, "kiosk", "language"), "zh-Hans");
	CHECK_INT(config_int(&cfg, "session", "idle_timeout"), 60);
	CHECK(config_bool(&cfg, "display", "fullscreen"));

	const char *good = "; comment\n[kiosk]\nid = hall-01\nlanguage = en\n[session]\nidle_timeout = 90\n"
			   "[display]\nfullscreen = no\n[backend]\nurl = https://api.example.test/\n";
	const char *path = write_file(good);
	CHECK(config_load(&cfg, path, err, sizeof(err)));
	unlink(path);
	CHECK_STR(config_str(&cfg, "kiosk", "id"), "hall-01");
	CHECK_STR(config_str(&cfg, "kiosk", "language"), "en");
	CHECK_INT(config_int(&cfg, "session", "idle_timeout"), 90);
	CHECK(!config_bool(&cfg, "display", "fullscreen"));

	expect_refused("[kiosk]\nid = a\nlanguage = fr\n", ":3: [kiosk] language: must be one of zh-Hans zh-Hant en");
	expect_refused("[session]\n\nidle_timeout = 5\n", ":3: [session] idle_timeout: must be between 15 and 900");
	expect_refused("[session]\nidle_timeout = soon\n", ":2: [session] idle_timeout: must be a whole number");
	expect_refused("[display]\nfullscreen = maybe\n", ":2: [display] fullscreen: must be true or false");
	expect_refused("[kiosk]\ncolour = red\n", ":2: [kiosk] colour: unknown key");
	expect_refused("[scanner]\nname = x\n", ":2: [scanner] name: unknown section");
	expect_refused("[backend]\nurl = ftp://x\n", ":2: [backend] url: must start with https:// or http://");
	expect_refused("[kiosk]\nthis line has no equals sign\n", ":2: syntax error");
	/* The first error is the one reported. */
	expect_refused("[kiosk]\nlanguage = xx\ntheme = yy\n", ":2: [kiosk] language");
	CHECK(!config_load(&cfg, "/nonexistent/kiosk.ini", err, sizeof(err)));
	CHECK(strstr(err, "cannot open") != NULL);
	/* What libinih would read otherwise than the file shows is refused with its line (found by
	 * fuzz/fuzz_config): an indented line (it continues the value above: "secret" became part of the
	 * URL), a line past its 200-byte buffer (the tail was read as a line of its own), a NUL byte. */
	expect_refused("[backend]\nurl = https://a.example\n  secret = s\n", ":3: an indented line");
	expect_refused("[kiosk]\n\tid = k1\n", ":2: an indented line");
	char long_line[400];
	snprintf(long_line, sizeof(long_line), "[kiosk]\n; %0250d\nid = k1\n", 0);
	expect_refused(long_line, ":2: line longer than 198 bytes");
	CHECK(!config_load_text(&cfg, "nul.ini", "[kiosk]\nid = a\0b\n", 17, err, sizeof(err)));
	CHECK(strstr(err, "nul.ini:2: a NUL byte") != NULL);
	/* Indented comments and blank lines with spaces are fine; CRLF files too. */
	config_init(&cfg);
	CHECK(config_load_text(&cfg, "ok.ini", "[kiosk]\r\n  ; note\r\n   \r\nid = k5\r\n", 33, err, sizeof(err)) ||
	      !fprintf(stderr, "  error was: %s\n", err));
	CHECK_STR(config_str(&cfg, "kiosk", "id"), "k5");
	/* Larger than 256 KiB: refused, not read. */
	char *big = malloc(CONFIG_FILE_MAX + 2);
	memset(big, '\n', CONFIG_FILE_MAX + 1);
	big[CONFIG_FILE_MAX + 1] = '\0';
	path = write_file(big);
	CHECK(!config_load(&cfg, path, err, sizeof(err)) && strstr(err, "larger than 256 KiB") != NULL);
	unlink(path);
	free(big);
	return check_exit();
}
