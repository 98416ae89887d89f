/* Fuzz target: a configuration file (kiosk.ini: config/config.c over libinih, validated against the
 * options table), and the in-place edits provisioning makes to one (config/config_file.c): set the
 * kiosk id, the backend URL, secret and CA file, keeping every other line.
 * Input: the file's text.
 * Invariants: a refusal names the file and a line; an accepted file gives NUL-terminated values that
 * keep the rules between options, and --check-config never shows the secret (its listing is the same
 * whatever the secret is; a secret that matches other text of the listing is no leak); the edits of a
 * valid file give a valid file in which each edited key reads back as given and every other key keeps
 * its value. */
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "config/config_file.h"
#include "fuzz_common.h"

static struct config *before, *after, *other_secret;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	before = malloc(sizeof(*before));
	after = malloc(sizeof(*after));
	other_secret = malloc(sizeof(*other_secret));
	if (!before || !after || !other_secret)
		abort();
	return 0;
}

static const struct config_file_edit edits[] = {
	{"kiosk", "id", "jh-kiosk-07"},
	{"backend", "url", "https://backend.jianghai.example/v1"},
	{"backend", "secret", "Zm9vYmFy-provisioned-secret"},
	{"backend", "ca_file", "/etc/civic-kiosk/backend-ca.pem"},
};

static bool edited(const char *section, const char *name)
{
	for (size_t i = 0; i < sizeof(edits) / sizeof(edits[0]); i++)
		if (strcmp(edits[i].section, section) == 0 && strcmp(edits[i].name, name) == 0)
			return true;
	return false;
}

/* --check-config's listing of cfg, in a malloc'd string. */
static char *listing(const struct config *cfg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	FUZZ_CHECK(f != NULL);
	config_print(cfg, f);
	FUZZ_CHECK(fclose(f) == 0);
	return text;
}

/* --check-config's listing: every key, the secret as "(set, not shown)", and nothing of the secret's
 * value: the listing of the same configuration with another secret is the same text. */
static void check_print(const struct config *cfg)
{
	char err[256];
	if (config_value(cfg, "backend", "secret")[0] == '\0')
		return;
	char *text = listing(cfg);
	FUZZ_CHECK(strstr(text, "secret = (set, not shown)") != NULL);
	memcpy(other_secret, cfg, sizeof(*cfg));
	FUZZ_CHECK(config_set(other_secret, "backend", "secret", "another-secret-Zm9vYmFy", err, sizeof(err)));
	char *other = listing(other_secret);
	FUZZ_CHECK(strcmp(text, other) == 0);
	free(other);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > CONFIG_FILE_MAX)
		return 0;
	const char *text = (const char *)data;
	char err[1024];
	config_init(before);
	bool valid = config_load_text(before, "kiosk.ini", text, size, err, sizeof(err));
	if (!valid) {
		FUZZ_CHECK(strncmp(err, "kiosk.ini", 9) == 0 && strlen(err) < sizeof(err));
	} else {
		for (size_t i = 0; i < options_table_len; i++)
			FUZZ_CHECK(memchr(before->values[i], 0, CONFIG_VALUE_MAX) != NULL);
		FUZZ_CHECK(config_check(before, err, sizeof(err)));
		check_print(before);
	}

	char *out = NULL;
	size_t out_len = 0;
	FUZZ_CHECK(config_file_edit_text(text, size, edits, 4, &out, &out_len));
	FUZZ_CHECK(out != NULL && out[out_len] == '\0');
	config_init(after);
	bool still = config_load_text(after, "kiosk.ini", out, out_len, err, sizeof(err));
	if (valid) {
		if (!still)
			fprintf(stderr, "the edited file is refused: %s\n", err);
		FUZZ_CHECK(still);
		for (size_t i = 0; i < sizeof(edits) / sizeof(edits[0]); i++)
			FUZZ_CHECK(strcmp(config_value(after, edits[i].section, edits[i].name), edits[i].value) == 0);
		for (size_t i = 0; i < options_table_len; i++) {
			const struct option_def *def = &options_table[i];
			if (!edited(def->section, def->name))
				FUZZ_CHECK(strcmp(before->values[i], after->values[i]) == 0);
		}
	}
	free(out);
	return 0;
}
