/* Kiosk configuration: the values of every option in options_table.c.
 * A configuration file is INI (libinih). Every key is declared once in the options table; parsing,
 * validation, defaults, --check-config and (later) the staff editor read that table. */
#ifndef KIOSK_CONFIG_CONFIG_H
#define KIOSK_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* OPTION_LIST: a space-separated set of distinct `choices` (each at most once, any order). */
enum option_type { OPTION_STRING, OPTION_INT, OPTION_BOOL, OPTION_ENUM, OPTION_URL, OPTION_LIST };

/* One declared option. `choices` is a NULL-terminated list for OPTION_ENUM and OPTION_LIST. */
struct option_def {
	const char *section;
	const char *name;
	enum option_type type;
	long min, max; /* OPTION_INT range; OPTION_STRING/URL maximum length in bytes */
	const char *default_value;
	const char *const *choices;
	const char *help;
};

/* The options table and its length. */
extern const struct option_def options_table[];
extern const size_t options_table_len;

#define CONFIG_VALUE_MAX 512

/* Values of all options, as text in table order; typed accessors below. */
struct config {
	char values[64][CONFIG_VALUE_MAX];
	int source_line[64]; /* line in the file that set it, 0 for the default */
};

/* Fills cfg with every default. */
void config_init(struct config *cfg);
#define CONFIG_FILE_MAX (256u * 1024u) /* bytes of a configuration file; a longer one is refused */

/* Reads an INI file (at most CONFIG_FILE_MAX bytes) over the defaults. On a bad file returns false
 * and writes "FILE:LINE: [section] key: what is wrong" into err. */
bool config_load(struct config *cfg, const char *path, char *err, size_t errlen);
/* The same for the text of a file, text[0..len) (no NUL needed), named name in messages: what
 * config_load does once the file is read, so tests and the fuzzer need no file. */
bool config_load_text(struct config *cfg, const char *name, const char *text, size_t len, char *err, size_t errlen);
/* Validates and sets one value; returns false with a reason in err. */
bool config_set(struct config *cfg, const char *section, const char *name, const char *value, char *err,
		size_t errlen);
/* The rules between options (the default language is one of the languages offered); false with
 * "[section] key: what is wrong" in err. config_load checks them at the end of a file. */
bool config_check(const struct config *cfg, char *err, size_t errlen);
/* The declared option, or NULL. */
const struct option_def *config_option(const char *section, const char *name);
/* The current text of a declared option by name (any type); NULL when not declared. */
const char *config_value(const struct config *cfg, const char *section, const char *name);
/* True for options whose value is a secret (never printed, never changed remotely). */
bool config_is_secret(const struct option_def *def);

/* Typed reads of a declared option; asserts that it is declared with that type. */
const char *config_str(const struct config *cfg, const char *section, const char *name);
long config_int(const struct config *cfg, const char *section, const char *name);
bool config_bool(const struct config *cfg, const char *section, const char *name);

/* Writes the effective configuration as an INI file with each option's help as a comment. */
void config_print(const struct config *cfg, FILE *out);

#endif
