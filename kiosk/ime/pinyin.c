/* Pinyin through librime; see pinyin.h.
 * Rime keeps the composition (the letters, the parts chosen); this keeps the candidate list of the
 * current composition: Rime's own order, or in a name field's first position the same reranked with
 * surnames first. The list is built when first asked for after a change and extended lazily from Rime,
 * so a keystroke costs what the first page costs. Four Rime sessions: one per script for input and one
 * per script to read the rest of a name after a surname. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "ime/pinyin.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rime_api.h>

#include "core/log.h"
#include "lazy/libraries.h"
#include "core/secure.h"
#include "core/utf8.h"
#include "ime/surnames.h"

#define PATH_CAP 1024
#define ARENA_BYTES (32 * 1024) /* candidate texts of one composition */
#define PREEDIT_BYTES 256
#define SYLLABLES_MAX 24
#define COMPOSED_SURNAMES 2 /* surnames spelled by the first syllable tried with the rest */
#define COMPOSED_GIVEN 3 /* readings of the rest tried after each */
#define RIME_BACKSPACE 0xff08

static const char *const schema_ids[2] = {"luna_pinyin_simp", "luna_pinyin"};

struct entry {
	size_t text; /* offset in the arena */
	int rime_index; /* Rime's index of the candidate; -1 for a surname put before Rime's reading of the rest */
	int rank; /* the rank of the surname it begins with (0: none or not ranked) */
	int order; /* where it was found, to keep ties in Rime's order */
};

struct pinyin {
	struct ui_input_method method;
	char deploy_dir[PATH_CAP], user_dir[PATH_CAP];
	struct surnames *surnames;
	RimeApi *api;
	pthread_t loader;
	bool loader_started, joined, loaded, initialized;
	double load_ms;
	RimeSessionId session[2], scratch[2];
	enum pinyin_script script;
	bool name_start;
	bool partial; /* a part was chosen: the first position (the surname) is behind */
	bool dirty; /* the composition changed since the list was built */
	bool ranked; /* the list was reranked: later additions are checked against it for duplicates */
	bool exhausted; /* Rime has no more candidates */
	int next_rime; /* Rime's index of the next candidate to append */
	struct entry entries[PINYIN_CANDIDATES_MAX];
	int count;
	char arena[ARENA_BYTES];
	size_t arena_used;
	char preedit[PREEDIT_BYTES];
	char letters[PINYIN_INPUT_MAX + 1];
	const char *shown[PINYIN_CANDIDATES_MAX];
};

/* Rime is a process-wide engine: one user at a time, its logging set up once per process. */
static pthread_mutex_t engine_lock = PTHREAD_MUTEX_INITIALIZER;
static bool engine_in_use;
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static RimeTraits *setup_traits;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* glog can be initialised once per process. Level 3 (fatal only): Rime writes no log file, so nothing
 * typed or chosen can reach one. */
static void run_setup(void)
{
	rime_get_api()->setup(setup_traits);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level > 0 && remove(path) != 0)
		kiosk_log_errno(LOG_WARN, "pinyin: cannot remove a file from the throwaway directory");
	return 0;
}

/* Removes everything inside dir (not dir itself). */
static void empty_dir(const char *dir)
{
	if (dir[0])
		nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

#define USER_DIR_PREFIX "kiosk-pinyin."

/* Removes the throwaway directories of kiosks that ended without removing theirs (killed, a power
 * cut with a persistent /tmp): USER_DIR_PREFIX, the process id, a dot, mkdtemp's letters. Only this
 * user's, and only when that process is gone; they hold nothing, but they must not pile up. */
static void remove_stale(const char *tmp)
{
	DIR *d = opendir(tmp);
	struct dirent *e;
	char path[PATH_CAP];
	while (d && (e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (strncmp(name, USER_DIR_PREFIX, strlen(USER_DIR_PREFIX)) != 0)
			continue;
		char *end;
		long pid = strtol(name + strlen(USER_DIR_PREFIX), &end, 10);
		struct stat st;
		if (pid <= 0 || *end != '.' || pid == (long)getpid() || (kill((pid_t)pid, 0) == 0 || errno != ESRCH) ||
		    snprintf(path, sizeof(path), "%s/%s", tmp, name) >= (int)sizeof(path) || lstat(path, &st) != 0 ||
		    !S_ISDIR(st.st_mode) || st.st_uid != getuid())
			continue;
		empty_dir(path);
		rmdir(path);
	}
	if (d)
		closedir(d);
}

static RimeSessionId open_session(struct pinyin *p, int script)
{
	char current[64] = "";
	RimeSessionId s = p->api->create_session();
	if (!s)
		return 0;
	/* Rime falls back to another schema when one is missing: check it is the one asked for. */
	if (!p->api->select_schema(s, schema_ids[script]) || !p->api->get_current_schema(s, current, sizeof(current)) ||
	    strcmp(current, schema_ids[script]) != 0) {
		kiosk_log(LOG_ERROR, "pinyin: the schema %s does not load from %s", schema_ids[script], p->deploy_dir);
		p->api->destroy_session(s);
		return 0;
	}
	return s;
}

static bool method_key(void *ctx, const char *key, struct ui_field *field);
static int method_candidates(void *ctx, const char **out, int max);
static void method_pick(void *ctx, int i, struct ui_field *field);
static void method_hints(void *ctx, const struct ui_input_hints *hints);
static const char *method_composing(void *ctx);
static void method_cancel(void *ctx);

static void *load_main(void *arg)
{
	struct pinyin *p = arg;
	double t0 = now_ms();
	RIME_STRUCT(RimeTraits, traits);
	traits.shared_data_dir = p->deploy_dir;
	traits.prebuilt_data_dir = p->deploy_dir;
	traits.staging_dir = p->deploy_dir;
	traits.user_data_dir = p->user_dir;
	traits.distribution_name = "civic-kiosk";
	traits.distribution_code_name = "civic-kiosk";
	traits.distribution_version = "1";
	traits.app_name = "rime.civic-kiosk";
	traits.min_log_level = 3;
	traits.log_dir = p->user_dir;
	setup_traits = &traits;
	pthread_once(&setup_once, run_setup);
	setup_traits = NULL;
	p->api->initialize(&traits);
	p->initialized = true;
	bool ok = true;
	for (int i = 0; i < 2 && ok; i++) {
		p->session[i] = open_session(p, i);
		p->scratch[i] = p->session[i] ? open_session(p, i) : 0;
		ok = p->session[i] && p->scratch[i];
	}
	p->loaded = ok;
	p->load_ms = now_ms() - t0;
	if (ok) /* the start of the kiosk does not wait for this: it is the time to the first use */
		kiosk_log(LOG_INFO, "pinyin: Rime ready in %.0f ms on its own thread", p->load_ms);
	return NULL;
}

struct pinyin *pinyin_create(const struct pinyin_options *opts, char *err, size_t errlen)
{
	struct pinyin *result = NULL;
	struct pinyin *p = NULL;
	char path[PATH_CAP + 32];
	pthread_mutex_lock(&engine_lock);
	bool taken = engine_in_use;
	engine_in_use = true;
	pthread_mutex_unlock(&engine_lock);
	if (taken) {
		snprintf(err, errlen, "a pinyin engine is already running (Rime is one per process)");
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (!p) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	if (!lazy_lib_open(lazy_rime, err, errlen))
		goto out;
	p->api = rime_get_api();
	p->dirty = true;
	if (!opts->deploy_dir || snprintf(p->deploy_dir, sizeof(p->deploy_dir), "%s", opts->deploy_dir) >= (int)sizeof(p->deploy_dir)) {
		snprintf(err, errlen, "no directory of deployed schemas given");
		goto out;
	}
	snprintf(path, sizeof(path), "%s/deployed.txt", p->deploy_dir);
	if (access(path, R_OK) != 0) {
		snprintf(err, errlen, "%s: no deployed pinyin schemas (built by ime_deploy, target kiosk_ime_rime)", p->deploy_dir);
		goto out;
	}
	if (opts->surnames_path) {
		p->surnames = surnames_load(opts->surnames_path, err, errlen);
		if (!p->surnames)
			goto out;
	}
	const char *tmp = opts->tmp_dir ? opts->tmp_dir : getenv("TMPDIR");
	if (!tmp || !tmp[0])
		tmp = "/tmp";
	remove_stale(tmp);
	if (snprintf(p->user_dir, sizeof(p->user_dir), "%s/" USER_DIR_PREFIX "%ld.XXXXXX", tmp, (long)getpid()) >=
		    (int)sizeof(p->user_dir) ||
	    !mkdtemp(p->user_dir)) {
		snprintf(err, errlen, "cannot make a private directory in %s: %s", tmp, strerror(errno));
		p->user_dir[0] = '\0';
		goto out;
	}
	if (pthread_create(&p->loader, NULL, load_main, p) != 0) {
		snprintf(err, errlen, "cannot start the thread that loads the pinyin engine");
		goto out;
	}
	p->loader_started = true;
	p->method = (struct ui_input_method){.name = "pinyin",
					     .ctx = p,
					     .key = method_key,
					     .candidates = method_candidates,
					     .pick = method_pick,
					     .hints = method_hints,
					     .composing = method_composing,
					     .cancel = method_cancel};
	result = p;
	p = NULL;
out:
	if (p) {
		if (p->user_dir[0])
			rmdir(p->user_dir);
		surnames_destroy(p->surnames);
		free(p);
	}
	if (!result) {
		pthread_mutex_lock(&engine_lock);
		engine_in_use = false;
		pthread_mutex_unlock(&engine_lock);
	}
	return result;
}

bool pinyin_ready(struct pinyin *p)
{
	if (!p)
		return false;
	if (p->loader_started && !p->joined) {
		pthread_join(p->loader, NULL);
		p->joined = true;
		if (!p->loaded)
			kiosk_log(LOG_ERROR, "pinyin: the engine did not load: pinyin input is off");
	}
	return p->loaded;
}

double pinyin_load_ms(const struct pinyin *p)
{
	return p ? p->load_ms : 0;
}

static void close_sessions(struct pinyin *p)
{
	for (int i = 0; i < 2; i++) {
		if (p->session[i])
			p->api->destroy_session(p->session[i]);
		if (p->scratch[i])
			p->api->destroy_session(p->scratch[i]);
		p->session[i] = p->scratch[i] = 0;
	}
}

/* Forgets the candidate list, wiping the texts it held. */
static void drop_list(struct pinyin *p)
{
	secure_wipe(p->arena, p->arena_used);
	p->arena_used = 0;
	p->count = 0;
	p->next_rime = 0;
	p->exhausted = false;
	p->ranked = false;
	p->dirty = true;
}

/* Reads the composition back from Rime after a change. */
static void after_change(struct pinyin *p)
{
	RimeSessionId s = p->session[p->script];
	secure_wipe(p->preedit, sizeof(p->preedit));
	secure_wipe(p->letters, sizeof(p->letters));
	RIME_STRUCT(RimeContext, ctx);
	if (s && p->api->get_context(s, &ctx)) {
		if (ctx.composition.length > 0 && ctx.composition.preedit)
			utf8_copy(p->preedit, sizeof(p->preedit), ctx.composition.preedit);
		p->api->free_context(&ctx);
	}
	const char *input = s ? p->api->get_input(s) : NULL;
	if (input && p->preedit[0])
		utf8_copy(p->letters, sizeof(p->letters), input);
	if (!p->preedit[0])
		p->partial = false;
	drop_list(p);
}

void pinyin_destroy(struct pinyin *p)
{
	if (!p)
		return;
	pinyin_ready(p);
	close_sessions(p);
	if (p->initialized)
		p->api->finalize();
	empty_dir(p->user_dir);
	if (p->user_dir[0] && rmdir(p->user_dir) != 0)
		kiosk_log_errno(LOG_WARN, "pinyin: cannot remove the throwaway directory");
	surnames_destroy(p->surnames);
	secure_wipe(p, sizeof(*p));
	free(p);
	pthread_mutex_lock(&engine_lock);
	engine_in_use = false;
	pthread_mutex_unlock(&engine_lock);
}

void pinyin_set_script(struct pinyin *p, enum pinyin_script script)
{
	if (!p || p->script == script)
		return;
	if (pinyin_ready(p)) {
		p->api->clear_composition(p->session[p->script]);
		p->api->clear_composition(p->scratch[p->script]);
	}
	p->script = script;
	p->partial = false;
	after_change(p);
}

void pinyin_set_name_start(struct pinyin *p, bool name_start)
{
	if (!p || p->name_start == name_start)
		return;
	p->name_start = name_start;
	drop_list(p);
}

bool pinyin_input(struct pinyin *p, char letter)
{
	if (letter < 'a' || letter > 'z' || !pinyin_ready(p) || strlen(p->letters) >= PINYIN_INPUT_MAX)
		return false;
	bool taken = p->api->process_key(p->session[p->script], letter, 0);
	after_change(p);
	return taken;
}

bool pinyin_backspace(struct pinyin *p)
{
	if (!pinyin_composing(p) || !pinyin_ready(p))
		return false;
	p->api->process_key(p->session[p->script], RIME_BACKSPACE, 0);
	after_change(p);
	return true;
}

bool pinyin_composing(const struct pinyin *p)
{
	return p && p->preedit[0] != '\0';
}

const char *pinyin_preedit(struct pinyin *p)
{
	return p ? p->preedit : "";
}

const char *pinyin_letters(struct pinyin *p)
{
	return p ? p->letters : "";
}

/* Appends a candidate; false when the list or the arena is full (the list then ends there). */
static bool add(struct pinyin *p, const char *text, int rime_index, int rank)
{
	size_t len = strlen(text) + 1;
	if (p->count == PINYIN_CANDIDATES_MAX || len > sizeof(p->arena) - p->arena_used) {
		p->exhausted = true;
		return false;
	}
	memcpy(p->arena + p->arena_used, text, len);
	p->entries[p->count] = (struct entry){p->arena_used, rime_index, rank, p->count};
	p->arena_used += len;
	p->count++;
	return true;
}

static bool listed(const struct pinyin *p, const char *text)
{
	for (int i = 0; i < p->count; i++) {
		if (strcmp(p->arena + p->entries[i].text, text) == 0)
			return true;
	}
	return false;
}

/* Appends Rime's candidates until the list holds want (or Rime has no more). */
static void extend(struct pinyin *p, int want)
{
	if (p->exhausted || p->count >= want)
		return;
	RimeCandidateListIterator it;
	memset(&it, 0, sizeof(it));
	if (!p->api->candidate_list_from_index(p->session[p->script], &it, p->next_rime)) {
		p->exhausted = true;
		return;
	}
	while (p->count < want) {
		if (!p->api->candidate_list_next(&it)) {
			p->exhausted = true;
			break;
		}
		p->next_rime = it.index + 1;
		const char *text = it.candidate.text;
		if (!text || !text[0] || (p->ranked && listed(p, text)))
			continue;
		if (!add(p, text, it.index, 0))
			break;
	}
	p->api->candidate_list_end(&it);
}

/* The syllables of the preedit ("wang xiao ming", "lü"), with ü written v as the surname table has it,
 * into buf; returns how many, their starts in out. */
static int syllables_of(const char *preedit, char *buf, size_t cap, const char **out, int max)
{
	size_t o = 0;
	int n = 0;
	bool in_word = false;
	for (const char *s = preedit; *s && o + 2 < cap;) {
		if (*s == ' ' || *s == '\'') {
			if (in_word)
				buf[o++] = '\0';
			in_word = false;
			s++;
			continue;
		}
		if (!in_word) {
			if (n == max)
				break;
			out[n++] = buf + o;
			in_word = true;
		}
		if ((unsigned char)s[0] == 0xC3 && (unsigned char)s[1] == 0xBC) { /* ü */
			buf[o++] = 'v';
			s += 2;
		} else {
			buf[o++] = *s++;
		}
	}
	buf[o] = '\0';
	return n;
}

static bool ascii_letters(const char *s)
{
	for (; *s; s++) {
		if (*s < 'a' || *s > 'z')
			return false;
	}
	return true;
}

static int by_name_rank(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int rx = x->rank ? x->rank : INT_MAX, ry = y->rank ? y->rank : INT_MAX;
	if (rx != ry)
		return rx < ry ? -1 : 1;
	bool cx = x->rime_index < 0, cy = y->rime_index < 0; /* Rime's own phrase before one put together here */
	if (cx != cy)
		return cx ? 1 : -1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Adds the surnames spelled by the first syllables, each followed by Rime's best readings of the rest
 * (wangxiaoming: 王 + 小明), for compositions Rime reads as something else (网小明). */
static void add_composed(struct pinyin *p, const char *const *syl, int n)
{
	struct surname_hit hits[COMPOSED_SURNAMES];
	int found = surnames_spelled(p->surnames, syl, n, p->script == PINYIN_TRADITIONAL, hits, COMPOSED_SURNAMES);
	RimeSessionId s = p->scratch[p->script];
	for (int h = 0; h < found; h++) {
		if (hits[h].syllables >= n)
			continue;
		size_t skip = 0;
		for (int k = 0; k < hits[h].syllables; k++)
			skip += strlen(syl[k]);
		const char *rest = p->letters + (skip < strlen(p->letters) ? skip : strlen(p->letters));
		if (!rest[0])
			continue;
		p->api->clear_composition(s);
		for (const char *c = rest; *c; c++)
			p->api->process_key(s, *c, 0);
		RimeCandidateListIterator it;
		memset(&it, 0, sizeof(it));
		int taken = 0, looked = 0;
		size_t want = (size_t)(n - hits[h].syllables);
		if (p->api->candidate_list_begin(s, &it)) {
			while (taken < COMPOSED_GIVEN && looked++ < PINYIN_NAME_SCAN && p->api->candidate_list_next(&it)) {
				const char *text = it.candidate.text;
				char name[PREEDIT_BYTES];
				if (!text || utf8_count(text, strlen(text)) != want)
					continue; /* only readings of the whole rest */
				if (snprintf(name, sizeof(name), "%s%s", hits[h].text, text) >= (int)sizeof(name))
					continue;
				add(p, name, -1, hits[h].rank);
				secure_wipe(name, sizeof(name));
				taken++;
			}
			p->api->candidate_list_end(&it);
		}
		p->api->clear_composition(s);
	}
}

/* At the start of a name: Rime's first candidates (and surnames composed with the rest) with those
 * that begin with a common surname, read as typed, first by the surname's rank. */
static void rank_names(struct pinyin *p)
{
	char buf[PREEDIT_BYTES];
	const char *syl[SYLLABLES_MAX];
	int n = syllables_of(p->preedit, buf, sizeof(buf), syl, SYLLABLES_MAX);
	for (int i = 0; i < n; i++) {
		if (!ascii_letters(syl[i]))
			return; /* a chosen part shows as characters: not the start of the name */
	}
	if (n == 0)
		return;
	/* Rime lists the readings of the whole input first: the scan stops at the first shorter one. One
	 * syllable has only single characters, and common surnames are among the commonest of them. */
	int scan = n == 1 ? PINYIN_NAME_SCAN / 4 : PINYIN_NAME_SCAN;
	for (int i = 0; i < scan; i++) {
		if (i == p->count)
			extend(p, i + 16 < scan ? i + 16 : scan);
		if (i == p->count)
			break;
		const char *text = p->arena + p->entries[i].text;
		size_t chars = utf8_count(text, strlen(text));
		if (chars < (size_t)n)
			break;
		if (chars == (size_t)n) /* a reading of the whole input */
			p->entries[i].rank = surnames_rank(p->surnames, text, syl, n, NULL);
	}
	if (n > 1 && !surnames_is_initial(syl[0]))
		add_composed(p, syl, n);
	qsort(p->entries, (size_t)p->count, sizeof(p->entries[0]), by_name_rank);
	int kept = 0;
	for (int i = 0; i < p->count; i++) {
		const char *text = p->arena + p->entries[i].text;
		bool dup = false;
		for (int k = 0; k < kept && !dup; k++)
			dup = strcmp(p->arena + p->entries[k].text, text) == 0;
		if (!dup)
			p->entries[kept++] = p->entries[i];
	}
	p->count = kept;
	p->ranked = true;
	secure_wipe(buf, sizeof(buf));
}

static void build_list(struct pinyin *p)
{
	if (!p->dirty)
		return;
	drop_list(p);
	p->dirty = false;
	if (!p->preedit[0]) {
		p->exhausted = true;
		return;
	}
	if (p->name_start && !p->partial && p->surnames)
		rank_names(p);
}

int pinyin_candidates(struct pinyin *p, int first, const char **out, int max)
{
	if (!p || first < 0 || max <= 0 || !pinyin_ready(p))
		return 0;
	build_list(p);
	if (first > PINYIN_CANDIDATES_MAX - max)
		max = PINYIN_CANDIDATES_MAX - first;
	extend(p, first + max);
	int n = 0;
	for (int i = first; i < p->count && n < max; i++)
		out[n++] = p->arena + p->entries[i].text;
	return n;
}

bool pinyin_choose(struct pinyin *p, int i, char *out, size_t cap)
{
	bool committed = false;
	if (!p || i < 0 || i >= PINYIN_CANDIDATES_MAX || !pinyin_ready(p) || !pinyin_composing(p))
		return false;
	build_list(p);
	extend(p, i + 1);
	if (i >= p->count)
		return false;
	RimeSessionId s = p->session[p->script];
	struct entry e = p->entries[i];
	if (e.rime_index < 0) { /* put together here: Rime has no such candidate, commit it as it is */
		utf8_copy(out, cap, p->arena + e.text);
		p->api->clear_composition(s);
		committed = true;
	} else if (p->api->select_candidate(s, (size_t)e.rime_index)) {
		RIME_STRUCT(RimeCommit, commit);
		if (p->api->get_commit(s, &commit)) {
			utf8_copy(out, cap, commit.text ? commit.text : "");
			p->api->free_commit(&commit);
			committed = true;
		} else {
			p->partial = true; /* the rest is still being composed */
		}
	}
	after_change(p);
	return committed;
}

void pinyin_clear(struct pinyin *p)
{
	if (!p || !p->joined || !p->loaded)
		return;
	p->api->clear_composition(p->session[p->script]);
	p->partial = false;
	after_change(p);
}

void pinyin_wipe(struct pinyin *p)
{
	/* Never used since it was made (every use waits for loading first): nothing typed to wipe, and
	 * the kiosk's start must not wait for the loader here. */
	if (!p || !p->joined || !pinyin_ready(p))
		return;
	/* New sessions first, so the dictionaries stay loaded; then the old ones and what they held go. */
	for (int i = 0; i < 2; i++) {
		RimeSessionId fresh = open_session(p, i), fresh_scratch = open_session(p, i);
		if (p->session[i])
			p->api->destroy_session(p->session[i]);
		if (p->scratch[i])
			p->api->destroy_session(p->scratch[i]);
		p->session[i] = fresh;
		p->scratch[i] = fresh_scratch;
	}
	if (!p->session[0] || !p->session[1] || !p->scratch[0] || !p->scratch[1])
		p->loaded = false;
	empty_dir(p->user_dir);
	p->partial = false;
	p->name_start = false;
	after_change(p);
}

const char *pinyin_user_dir(const struct pinyin *p)
{
	return p ? p->user_dir : "";
}

struct ui_input_method *pinyin_method(struct pinyin *p)
{
	return p ? &p->method : NULL;
}

/* ---- the keyboard's input method ---- */

static bool method_key(void *ctx, const char *key, struct ui_field *field)
{
	struct pinyin *p = ctx;
	char text[PREEDIT_BYTES];
	if (key[0] >= 'a' && key[0] <= 'z' && key[1] == '\0')
		return pinyin_input(p, key[0]) || pinyin_composing(p); /* past the limit: swallowed, not typed */
	if (!pinyin_composing(p))
		return false;
	if (strcmp(key, UI_KEY_BACKSPACE) == 0)
		return pinyin_backspace(p);
	if (strcmp(key, UI_KEY_SPACE) == 0) { /* as in every pinyin input method: the first candidate */
		method_pick(p, 0, field);
		return true;
	}
	if (strcmp(key, UI_KEY_DONE) == 0) { /* done without choosing: the letters as typed, nothing lost */
		utf8_copy(text, sizeof(text), p->letters);
		pinyin_clear(p);
		ui_field_insert(field, text);
		secure_wipe(text, sizeof(text));
		return false; /* and the keyboard closes */
	}
	return true; /* other keys wait until the composition is done */
}

static int method_candidates(void *ctx, const char **out, int max)
{
	return pinyin_candidates(ctx, 0, out, max);
}

static void method_pick(void *ctx, int i, struct ui_field *field)
{
	char text[PREEDIT_BYTES];
	if (pinyin_choose(ctx, i, text, sizeof(text)))
		ui_field_insert(field, text);
	secure_wipe(text, sizeof(text));
}

static void method_hints(void *ctx, const struct ui_input_hints *hints)
{
	pinyin_set_script(ctx, hints->lang == TEXT_LANG_ZH_HANT ? PINYIN_TRADITIONAL : PINYIN_SIMPLIFIED);
	pinyin_set_name_start(ctx, hints->name && hints->at_start);
}

static const char *method_composing(void *ctx)
{
	return pinyin_preedit(ctx);
}

static void method_cancel(void *ctx)
{
	pinyin_clear(ctx);
}
