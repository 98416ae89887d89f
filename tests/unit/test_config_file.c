/* Provisioning's configuration writer (config/config_file.h): a commented default becomes the value
 * in place with its help kept; an active key is replaced; a missing key or section is added; comments
 * and other keys are kept byte for byte; a value the options table or the INI syntax would refuse or
 * change leaves the file untouched; owner and mode are kept; no temporary file is left behind. */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "config/config_file.h"
#include "core/atomic_file.h"

static char dir[64];

static void put(const char *name, const char *text, mode_t mode)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	chmod(path, mode);
}

static char *get(const char *name)
{
	char path[128];
	size_t len;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return atomic_file_read(path, 1 << 20, &len);
}

static int entries(void)
{
	int n = 0;
	DIR *d = opendir(dir);
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static bool update(const char *name, const struct config_file_edit *e, int n, char *err, size_t len)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return config_file_update(path, e, n, NULL, err, len);
}

int main(void)
{
	char err[1024];
	snprintf(dir, sizeof(dir), "/tmp/kiosk-cfgfile-XXXXXX");
	if (!mkdtemp(dir))
		return 1;

	/* The packaged file's shape: help comments, commented defaults. */
	const char *packaged = "; header\n\n[kiosk]\n; Kiosk identity (default: \"unprovisioned\")\n; id = unprovisioned\n"
			       "; Hall name\n; hall_name =\n\n[backend]\n; Base URL\n; url =\n; secret\n; secret =\n"
			       "\n[log]\nlevel = warn ; inline\n";
	put("a.ini", packaged, 0640);
	struct config_file_edit e1[] = {{"kiosk", "id", "hall-01"},
					{"backend", "url", "https://kiosk-api.example.cn/api"},
					{"backend", "secret", "s3cret; with semicolon"},
					{"backend", "ca_file", "/etc/ssl/certs/jianghai-ca.pem"}};
	CHECK(update("a.ini", e1, 4, err, sizeof(err)));
	char *got = get("a.ini");
	CHECK_STR(got, "; header\n\n[kiosk]\n; Kiosk identity (default: \"unprovisioned\")\nid = hall-01\n"
		       "; Hall name\n; hall_name =\n\n[backend]\n; Base URL\nurl = https://kiosk-api.example.cn/api\n"
		       "; secret\nsecret = s3cret; with semicolon\nca_file = /etc/ssl/certs/jianghai-ca.pem\n"
		       "\n[log]\nlevel = warn ; inline\n");
	free(got);
	struct stat st;
	char path[128];
	snprintf(path, sizeof(path), "%s/a.ini", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640);
	CHECK_INT(entries(), 1);

	/* Again: the active lines are replaced, a duplicate dropped. */
	put("b.ini", "[kiosk]\nid = one\nid = two\n[backend]\nurl = http://old\n", 0600);
	struct config_file_edit e2[] = {{"kiosk", "id", "k9"}, {"backend", "url", "http://127.0.0.1:8480"}};
	CHECK(update("b.ini", e2, 2, err, sizeof(err)));
	got = get("b.ini");
	CHECK_STR(got, "[kiosk]\nid = k9\n[backend]\nurl = http://127.0.0.1:8480\n");
	free(got);

	/* A missing section is added at the end (a file without a final line break too); a missing file
	 * is created 0600. */
	put("c.ini", "[kiosk]\nid = x", 0644);
	struct config_file_edit e3[] = {{"backend", "url", "https://b.example"}, {"backend", "secret", "abc"}};
	CHECK(update("c.ini", e3, 2, err, sizeof(err)));
	got = get("c.ini");
	CHECK_STR(got, "[kiosk]\nid = x\n\n[backend]\nurl = https://b.example\nsecret = abc\n");
	free(got);
	CHECK(update("new.ini", e3, 2, err, sizeof(err)));
	snprintf(path, sizeof(path), "%s/new.ini", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 07777) == 0600);

	/* Refused, the file untouched: a URL without http(s), a value inih would cut (" ;") or trim, an
	 * unknown key, and a file that is already bad. */
	put("d.ini", packaged, 0640);
	struct config_file_edit bad_url[] = {{"backend", "url", "ftp://x"}};
	CHECK(!update("d.ini", bad_url, 1, err, sizeof(err)));
	CHECK(strstr(err, "https://") != NULL);
	struct config_file_edit cut[] = {{"backend", "secret", "abc ;def"}};
	CHECK(!update("d.ini", cut, 1, err, sizeof(err)));
	CHECK(strstr(err, "read back") != NULL);
	struct config_file_edit trimmed[] = {{"backend", "secret", " padded"}};
	CHECK(!update("d.ini", trimmed, 1, err, sizeof(err)));
	struct config_file_edit unknown[] = {{"backend", "colour", "red"}};
	CHECK(!update("d.ini", unknown, 1, err, sizeof(err)));
	CHECK(strstr(err, "unknown key") != NULL && strstr(err, "d.ini") != NULL && strstr(err, ".tmp-") == NULL);
	got = get("d.ini");
	CHECK_STR(got, packaged);
	free(got);
	put("e.ini", "[kiosk]\nid = k1\n[session]\nidle_timeout = 5\n", 0600);
	struct config_file_edit ok_id[] = {{"kiosk", "id", "k2"}};
	CHECK(!update("e.ini", ok_id, 1, err, sizeof(err)));
	CHECK(strstr(err, "e.ini:4") != NULL);
	CHECK_INT(entries(), 6); /* a b c new d e: no temporary file left */

	/* Found by fuzz/fuzz_config: a header with blanks inside the brackets is another section to the
	 * kiosk ("[ kiosk]"), so the key goes to a real [kiosk]; and "secret: old" (inih takes ':' for
	 * '=') is replaced, not left in the file behind the new secret. On buffers, as the fuzzer does. */
	const char *odd = "[ kiosk]\n; nothing here\n[backend]\nsecret: old-secret-value\n";
	struct config_file_edit e4[] = {{"kiosk", "id", "k3"}, {"backend", "secret", "new-secret"}};
	char *text = NULL;
	size_t text_len = 0;
	CHECK(config_file_edit_text(odd, strlen(odd), e4, 2, &text, &text_len));
	CHECK_STR(text, "[ kiosk]\n; nothing here\n[backend]\nsecret = new-secret\n\n[kiosk]\nid = k3\n");
	struct config cfg;
	config_init(&cfg);
	CHECK(config_load_text(&cfg, "odd.ini", text, text_len, err, sizeof(err)) || !fprintf(stderr, "%s\n", err));
	CHECK_STR(config_value(&cfg, "kiosk", "id"), "k3");
	CHECK_STR(config_value(&cfg, "backend", "secret"), "new-secret");
	free(text);
	config_init(&cfg);
	CHECK(config_load_text(&cfg, "colon.ini", "[kiosk]\nid: k4\n", 15, err, sizeof(err)));
	CHECK_STR(config_value(&cfg, "kiosk", "id"), "k4");
	CHECK(!config_file_edit_text("", 0, e4, 17, &text, &text_len));

	/* Clean up. */
	const char *names[] = {"a.ini", "b.ini", "c.ini", "new.ini", "d.ini", "e.ini"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
	return check_exit();
}
