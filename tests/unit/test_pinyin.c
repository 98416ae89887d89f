/* Pinyin input (ime/pinyin.h) with the schemas the build deployed, and the surname table:
 *   - known inputs give the expected candidates in the top 5 (full and abbreviated pinyin, phrases
 *     first), and at the start of a name field the common surname first (张 for zhang, 李 for li,
 *     王小明 for wangxiaoming, 张三 for zs);
 *   - rare name characters (堃 喆 淼) are reached by paging on;
 *   - the Traditional schema gives 張三; the script follows the interface;
 *   - choosing a part leaves the rest composing; Space, Backspace and Done through the keyboard's method;
 *   - nothing is written: the throwaway directory stays empty through typing, choosing and the wipe, no
 *     log file appears, the deployed directory is not touched, and destroy removes the directory;
 *   - a second engine at once is refused; a new one after destroy works and removes what a killed kiosk
 *     left (only that);
 *   - the surname table: ranks, compound surnames, initials, and malformed files refused by line. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "ime/pinyin.h"
#include "ime/surnames.h"

static char tmp[] = "/tmp/test_pinyin.XXXXXX";

/* The index of want among the first limit candidates of input typed afresh; -1 when absent. */
static int position(struct pinyin *p, const char *input, bool name, const char *want, int limit)
{
	const char *c[PINYIN_CANDIDATES_MAX];
	pinyin_clear(p);
	pinyin_set_name_start(p, name);
	for (const char *s = input; *s; s++)
		pinyin_input(p, *s);
	/* the keyboard asks page by page: so does this */
	int found = -1, got = 0;
	for (int first = 0; first < limit && found < 0; first += got) {
		got = pinyin_candidates(p, first, c, limit - first < 8 ? limit - first : 8);
		if (got == 0)
			break;
		for (int i = 0; i < got && found < 0; i++) {
			if (strcmp(c[i], want) == 0)
				found = first + i;
		}
	}
	return found;
}

static int count_files(const char *dir)
{
	int n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

static time_t newest;
static int note_mtime(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)path, (void)flag, (void)ftw;
	if (st->st_mtime > newest)
		newest = st->st_mtime;
	return 0;
}

static void check_candidates(struct pinyin *p)
{
	/* Full pinyin, phrases first. */
	int at = position(p, "zhangsan", false, "张三", 5);
	CHECK(at >= 0 && at < 5);
	CHECK_INT(position(p, "zhangsan", true, "张三", 5), 0);
	/* Abbreviated: Rime ranks 张三 far down (about 140th); in a name field it comes first. */
	at = position(p, "zs", true, "张三", 5);
	CHECK(at >= 0 && at < 5);
	CHECK_INT(position(p, "wangxiaoming", true, "王小明", 5), 0);
	at = position(p, "wangxiaoming", false, "王小明", 5);
	CHECK(at == -1 || at > 0); /* without the name ranking Rime reads it otherwise (网小明): the point of it */
	CHECK_INT(position(p, "li", true, "李", 5), 0);
	CHECK(position(p, "li", false, "里", 5) == 0); /* outside names the commonest character stays first */
	CHECK_INT(position(p, "liu", true, "刘", 5), 0);
	at = position(p, "liu", false, "刘", 5);
	CHECK(at >= 0 && at < 5);
	CHECK_INT(position(p, "zhang", true, "张", 5), 0);
	CHECK(position(p, "zhang", true, "张", 5) < position(p, "zhang", true, "章", 40));
	CHECK_INT(position(p, "wang", true, "王", 5), 0);
	CHECK_INT(position(p, "chen", true, "陈", 5), 0);
	/* 张三 before 章三 for a name. */
	int zhang = position(p, "zhangsan", true, "张三", 40), other = position(p, "zhangsan", true, "章三", 40);
	CHECK(zhang == 0 && (other < 0 || other > zhang));
	/* A compound surname (common in Jiangmen). */
	at = position(p, "situming", true, "司徒明", 5);
	CHECK(at >= 0 && at < 5);
	at = position(p, "situming", false, "司徒明", 40);
	CHECK(at < 0 || at >= 5); /* Rime alone does not offer it near the top */
	/* Rare name characters, within a few pages. */
	at = position(p, "kun", true, "堃", 40);
	CHECK(at >= 0 && at < 40);
	at = position(p, "zhe", true, "喆", 40);
	CHECK(at >= 0 && at < 40);
	at = position(p, "miao", true, "淼", 40);
	CHECK(at >= 0 && at < 40);
	/* ü typed as v. */
	CHECK_INT(position(p, "lv", true, "吕", 5), 0);
	CHECK_STR(pinyin_preedit(p), "lü");

	/* Traditional. */
	pinyin_set_script(p, PINYIN_TRADITIONAL);
	CHECK_INT(position(p, "zhangsan", false, "張三", 1), 0);
	CHECK_INT(position(p, "zhangsan", true, "張三", 1), 0);
	CHECK_INT(position(p, "wangxiaoming", true, "王小明", 1), 0);
	CHECK_INT(position(p, "chen", true, "陳", 1), 0);
	at = position(p, "kun", true, "堃", 40);
	CHECK(at >= 0 && at < 40);
	pinyin_set_script(p, PINYIN_SIMPLIFIED);
	CHECK_INT(position(p, "chen", true, "陈", 1), 0);
}

static void check_composing(struct pinyin *p)
{
	char out[64];
	const char *c[8];
	pinyin_clear(p);
	pinyin_set_name_start(p, false);
	CHECK(!pinyin_composing(p));
	CHECK_INT(pinyin_candidates(p, 0, c, 8), 0);
	for (const char *s = "zhangsan"; *s; s++)
		CHECK(pinyin_input(p, *s));
	CHECK_STR(pinyin_preedit(p), "zhang san");
	CHECK_STR(pinyin_letters(p), "zhangsan");
	/* choosing a part (张) leaves san composing */
	int zhang = position(p, "zhangsan", false, "张", 10);
	CHECK(zhang > 0);
	CHECK(!pinyin_choose(p, zhang, out, sizeof(out)));
	CHECK_STR(pinyin_preedit(p), "张san");
	CHECK(pinyin_candidates(p, 0, c, 8) > 0 && strcmp(c[0], "三") == 0);
	CHECK(pinyin_choose(p, 0, out, sizeof(out)));
	CHECK_STR(out, "张三");
	CHECK(!pinyin_composing(p));
	/* Backspace edits the composition; none left: refused */
	pinyin_input(p, 'l');
	pinyin_input(p, 'i');
	CHECK(pinyin_backspace(p));
	CHECK_STR(pinyin_preedit(p), "l");
	CHECK(pinyin_backspace(p));
	CHECK(!pinyin_composing(p));
	CHECK(!pinyin_backspace(p));
	/* only a to z; a bounded composition */
	CHECK(!pinyin_input(p, 'A'));
	CHECK(!pinyin_input(p, '1'));
	for (int i = 0; i < PINYIN_INPUT_MAX; i++)
		pinyin_input(p, "wang"[i % 4]);
	CHECK(!pinyin_input(p, 'a'));
	CHECK(strlen(pinyin_letters(p)) <= PINYIN_INPUT_MAX);
	CHECK(pinyin_candidates(p, 0, c, 8) > 0);
	pinyin_clear(p);
	CHECK(!pinyin_composing(p));
	CHECK(!pinyin_choose(p, 0, out, sizeof(out)));
	CHECK(!pinyin_choose(p, -1, out, sizeof(out)));

	/* The keyboard's method: letters compose, Space takes the first, Done commits the letters. */
	struct ui_input_method *m = pinyin_method(p);
	struct ui_field f = {.max_chars = 20};
	struct ui_input_hints h = {TEXT_LANG_ZH_HANS, true, true};
	m->hints(m->ctx, &h);
	for (const char *s = "liu"; *s; s++) {
		char key[2] = {*s, 0};
		CHECK(m->key(m->ctx, key, &f));
	}
	CHECK_STR(m->composing(m->ctx), "liu");
	CHECK_INT(f.len, 0);
	CHECK(m->key(m->ctx, UI_KEY_SPACE, &f));
	CHECK_STR(f.text, "刘");
	h.at_start = false;
	m->hints(m->ctx, &h);
	CHECK(!m->key(m->ctx, UI_KEY_BACKSPACE, &f)); /* nothing composing: the field's own delete */
	for (const char *s = "de"; *s; s++) {
		char key[2] = {*s, 0};
		m->key(m->ctx, key, &f);
	}
	CHECK(m->candidates(m->ctx, c, 8) > 0);
	m->pick(m->ctx, 0, &f);
	CHECK_STR(f.text, "刘的");
	m->key(m->ctx, "d", &f);
	m->key(m->ctx, "e", &f);
	CHECK(!m->key(m->ctx, UI_KEY_DONE, &f)); /* the keyboard closes */
	CHECK_STR(f.text, "刘的de");
	CHECK(!pinyin_composing(p));
	m->key(m->ctx, "x", &f);
	m->cancel(m->ctx);
	CHECK(!pinyin_composing(p));
	/* Traditional through the hints */
	h.lang = TEXT_LANG_ZH_HANT;
	h.at_start = true;
	m->hints(m->ctx, &h);
	for (const char *s = "huang"; *s; s++) {
		char key[2] = {*s, 0};
		m->key(m->ctx, key, &f);
	}
	CHECK(m->candidates(m->ctx, c, 8) > 0 && strcmp(c[0], "黃") == 0);
	m->cancel(m->ctx);
	h.lang = TEXT_LANG_ZH_HANS;
	m->hints(m->ctx, &h);
}

static void check_nothing_written(struct pinyin *p, const char *deploy_dir, time_t before)
{
	const char *user = pinyin_user_dir(p);
	struct stat st;
	CHECK(stat(user, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0077) == 0); /* private */
	CHECK_INT(count_files(user), 0);
	pinyin_wipe(p);
	CHECK_INT(count_files(user), 0);
	CHECK(!pinyin_composing(p));
	/* the engine works after the wipe */
	CHECK_INT(position(p, "zhangsan", true, "张三", 1), 0);
	pinyin_wipe(p);
	/* the test's directory holds only the throwaway directory: no log, no user dictionary elsewhere */
	CHECK_INT(count_files(tmp), 1);
	newest = 0;
	nftw(deploy_dir, note_mtime, 8, FTW_PHYS);
	CHECK(newest <= before);
}

static void check_surnames(void)
{
	char err[256];
	const char *text = "# comment\n\n1\t王\t王\twang\n3\t张\t張\tzhang\n2\t李\t李\tli\n101\t欧阳\t歐陽\tou yang\n120\t欧\t歐\tou\n";
	struct surnames *s = surnames_parse(text, strlen(text), "t", err, sizeof(err));
	CHECK(s != NULL);
	CHECK_INT(surnames_count(s), 5);
	const char *zhang[] = {"zhang", "san"}, *z[] = {"z", "s"}, *zhu[] = {"zhu"}, *ouyang[] = {"ou", "yang", "ming"};
	int chars = 0;
	CHECK_INT(surnames_rank(s, "张三", zhang, 2, &chars), 3);
	CHECK_INT(chars, 1);
	CHECK_INT(surnames_rank(s, "張三", zhang, 2, NULL), 3);
	CHECK_INT(surnames_rank(s, "张三", z, 2, NULL), 3); /* an initial stands for the syllable */
	CHECK_INT(surnames_rank(s, "张三", zhu, 1, NULL), 0); /* read otherwise: not this surname */
	CHECK_INT(surnames_rank(s, "章三", zhang, 2, NULL), 0);
	CHECK_INT(surnames_rank(s, "欧阳明", ouyang, 3, &chars), 101);
	CHECK_INT(chars, 2);
	struct surname_hit hits[4];
	CHECK_INT(surnames_spelled(s, ouyang, 3, true, hits, 4), 2);
	CHECK_STR(hits[0].text, "歐陽");
	CHECK_INT(hits[0].syllables, 2);
	CHECK_STR(hits[1].text, "歐");
	CHECK_INT(surnames_spelled(s, z, 2, false, hits, 4), 0); /* initials spell no surname */
	CHECK(surnames_is_initial("zh") && surnames_is_initial("s") && !surnames_is_initial("zhang"));
	surnames_destroy(s);

	const char *bad[] = {"1\t王\twang\n", "x\t王\t王\twang\n", "1\t王\t王\twang ba\n", "1\t王\t王\tWang\n",
			     "1\t王三四\t王三四\twang san si\n", "1\t欧阳\t歐\tou yang\n", "# only comments\n",
			     "1\t王\t王\twang\textra\n"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		s = surnames_parse(bad[i], strlen(bad[i]), "bad.tsv", err, sizeof(err));
		CHECK(s == NULL);
		CHECK(strncmp(err, "bad.tsv", 7) == 0);
		surnames_destroy(s);
	}
	s = surnames_parse("1\t王\t王\twang\n2\t李\n", 18, "two.tsv", err, sizeof(err));
	CHECK(s == NULL && strstr(err, "two.tsv:2:") != NULL);
	surnames_destroy(s);
	/* the shipped table loads, with 王 first */
	s = surnames_load(SURNAMES_PATH, err, sizeof(err));
	CHECK(s != NULL);
	CHECK(surnames_count(s) >= 100);
	const char *wang[] = {"wang"};
	CHECK_INT(surnames_rank(s, "王", wang, 1, NULL), 1);
	surnames_destroy(s);
	CHECK(surnames_load("/nonexistent/surnames.tsv", err, sizeof(err)) == NULL);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	remove(path);
	return 0;
}

int main(void)
{
	char err[512];
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	setenv("TMPDIR", tmp, 1); /* a log file Rime might write would land here and be found */
	char deploy[1024];
	snprintf(deploy, sizeof(deploy), "%s/rime", IME_DIR);
	time_t before = time(NULL);
	struct pinyin_options o = {.deploy_dir = deploy, .surnames_path = SURNAMES_PATH, .tmp_dir = tmp};
	struct pinyin *p = pinyin_create(&o, err, sizeof(err));
	CHECK(p != NULL);
	if (!p) {
		fprintf(stderr, "%s\n", err);
		return check_exit();
	}
	CHECK(pinyin_create(&o, err, sizeof(err)) == NULL); /* one engine per process */
	CHECK(pinyin_ready(p));
	printf("pinyin engine loaded in %.1f ms\n", pinyin_load_ms(p));
	check_candidates(p);
	check_composing(p);
	check_nothing_written(p, deploy, before);
	char user[1024];
	snprintf(user, sizeof(user), "%s", pinyin_user_dir(p));
	pinyin_destroy(p);
	struct stat st;
	CHECK(stat(user, &st) != 0); /* removed */
	CHECK_INT(count_files(tmp), 0);

	/* A kiosk killed before it could remove its directory: the next one removes it, never a directory
	 * of a kiosk still running, nor anything else. */
	pid_t dead = fork();
	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	char stale[1024], alive[1024], other[1024];
	snprintf(stale, sizeof(stale), "%s/kiosk-pinyin.%ld.AbCdEf", tmp, (long)dead);
	snprintf(alive, sizeof(alive), "%s/kiosk-pinyin.%ld.AbCdEf", tmp, (long)getppid());
	snprintf(other, sizeof(other), "%s/kiosk-pinyin.notes", tmp);
	CHECK(mkdir(stale, 0700) == 0 && mkdir(alive, 0700) == 0 && mkdir(other, 0700) == 0);
	/* A new engine after destroy (the kiosk makes one; tests make several), and refusals. */
	p = pinyin_create(&o, err, sizeof(err));
	CHECK(stat(stale, &st) != 0);
	CHECK(stat(alive, &st) == 0 && stat(other, &st) == 0);
	rmdir(alive);
	rmdir(other);
	CHECK(p != NULL && pinyin_ready(p));
	CHECK_INT(position(p, "zhangsan", true, "张三", 1), 0);
	pinyin_destroy(p);
	pinyin_destroy(NULL);
	struct pinyin_options missing = {.deploy_dir = "/nonexistent", .tmp_dir = tmp};
	CHECK(pinyin_create(&missing, err, sizeof(err)) == NULL);
	CHECK(strstr(err, "no deployed pinyin schemas") != NULL);
	struct pinyin_options bad_table = {.deploy_dir = deploy, .surnames_path = "/nonexistent.tsv", .tmp_dir = tmp};
	CHECK(pinyin_create(&bad_table, err, sizeof(err)) == NULL);
	CHECK_INT(count_files(tmp), 0);

	check_surnames();
	nftw(tmp, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	return check_exit();
}
