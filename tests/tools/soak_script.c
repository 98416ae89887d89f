/* soak_script: writes the reliability soak's driver script (docs/automation.md): SESSIONS visitor
 * sessions back to back, for ONE kiosk process against the backend stub (tests/reliability/soak.sh).
 *
 *   soak_script --sessions N [--seed S] [--first F] [--warmup W] [--every K] [--kinds LIST]
 *               [--faults] [--pin PIN] [--summary FILE] [--needles FILE]
 *
 * Sessions are drawn from a seeded generator, so a seed always gives the same script: marriage and
 * reissue bookings completed, bookings abandoned mid-form (the idle timeout wipes them), booking
 * lookups, the assistance guide, screener and status lookups, pledges, pledges withdrawn, pledge
 * lookups, staff PIN entry with a wrong PIN first, and the assisted mode (large text, the voice
 * panel, a call for staff called off). Sessions switch the written language (at the start or in the
 * middle of a flow) and every one ends as a visitor's does: nobody touches the screen, the idle
 * warning counts down and the attract screen returns. Every session checks what a visitor would
 * see (the done screen's reference, the not-found sentence, the next visitor seeing nothing of the
 * last one's form) so a broken flow stops the soak at its line.
 *
 * `memory warmup` follows session W (default 200), `memory sNNNN` every K sessions (default 100) and
 * `memory end` the last one: the soak compares the resident set size at those points.
 *
 * --faults is for a backend that errs, drops, stalls or talks nonsense (tests/reliability/faults.sh):
 * every submission dumps its review screen before "confirm" (sNNNNN-review, so a test can kill the
 * kiosk right then) and its done screen after (sNNNNN-done: the reference the visitor was given),
 * and a status lookup waits for its spinner to go and dumps what the visitor was told
 * (sNNNNN-lookup) instead of expecting an answer. --first F numbers the sessions from F, so that
 * several runs against one backend never make the same person twice.
 *
 * --needles FILE gets what visitors typed that the kiosk must not keep once their session was
 * wiped: the names and partial ID numbers of the abandoned bookings (never submitted, so nothing
 * else may hold them) and the staff PIN, right and wrong. The script then ends with a pause after
 * `memory end`, during which soak.sh looks through the kiosk's memory (tests/tools/mem_scan.c).
 *
 * --summary FILE gets what the script will submit when every session passes, one "NAME COUNT" a line
 * (booking, pledge, withdrawal, help, help_cancel) plus "session KIND COUNT" per kind: the soak checks
 * the stub's records and the kiosk's outbox against it.
 *
 * Personal data is made up: resident ID numbers with valid check digits, unique per session (the
 * stub refuses a second open booking for one person), names in characters or pinyin, mobile numbers. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "id_document.h"

enum kind {
	K_BOOK_MARRIAGE,
	K_BOOK_REISSUE,
	K_BOOK_ABANDON,
	K_BOOK_LOOKUP,
	K_ASSIST_GUIDE,
	K_ASSIST_SCREENER,
	K_ASSIST_STATUS,
	K_PLEDGE,
	K_PLEDGE_WITHDRAW,
	K_PLEDGE_LOOKUP,
	K_STAFF_PIN,
	K_ASSISTED,
	K_GLANCE,
	K_COUNT
};

static const struct {
	const char *name;
	int weight; /* out of the sum of weights of the kinds chosen */
} kinds[K_COUNT] = {
	[K_BOOK_MARRIAGE] = {"book_marriage", 10},
	[K_BOOK_REISSUE] = {"book_reissue", 6},
	[K_BOOK_ABANDON] = {"book_abandon", 8},
	[K_BOOK_LOOKUP] = {"book_lookup", 6},
	[K_ASSIST_GUIDE] = {"assist_guide", 9},
	[K_ASSIST_SCREENER] = {"assist_screener", 8},
	[K_ASSIST_STATUS] = {"assist_status", 8},
	[K_PLEDGE] = {"pledge", 12},
	[K_PLEDGE_WITHDRAW] = {"pledge_withdraw", 5},
	[K_PLEDGE_LOOKUP] = {"pledge_lookup", 4},
	[K_STAFF_PIN] = {"staff_pin", 3},
	[K_ASSISTED] = {"assisted", 12},
	[K_GLANCE] = {"glance", 9},
};

static const char *const langs[] = {"zh-Hans", "zh-Hant", "en"};

/* The demo's applications and the ID numbers they belong to (backend-stub/API.md, "Demo data"). */
static const char *const applications[][2] = {
	{"JHJZ2026-0001", "440704195803120021"}, {"JHJZ2026-0002", "440704197506230039"},
	{"JHJZ2026-0003", "440704199008150043"}, {"JHJZ2026-0004", "44070419481120006X"},
	{"JHJZ2026-0005", "440704196501010016"}, {"JHJZ2026-0006", "440704195104180033"},
	{"JHJZ2026-0007", "440704198311090042"}, {"JHJZ2026-0008", "440704194503150013"},
	{"JHJZ2026-0009", "440704194406020014"}, {"JHJZ2026-0010", "440704196907250052"},
};

/* The first programmes of the guide and projects of the list: on screen in every language without
 * scrolling, so a tap always finds them. */
static const char *const programmes[] = {"dibao", "tekun", "linshi"};
static const char *const projects[] = {"weishishi", "chongyang", "lighthouse_children"};
static const int presets[] = {10, 50, 100, 500};

static const char *const surnames[] = {"陈", "李", "黄", "张", "梁", "吴", "何", "林", "余", "谭", "冯", "甄"};
static const char *const given[] = {"大文", "小美", "志强", "丽华", "国平", "秀英", "伟", "芳", "嘉欣", "子轩", "建华", "惠玲"};
static const char *const pinyin_surnames[] = {"Chen", "Li", "Huang", "Zhang", "Liang", "Wu", "He", "Lin"};
static const char *const pinyin_given[] = {"Da Wen", "Xiao Mei", "Zhi Qiang", "Li Hua", "Guo Ping", "Xiu Ying", "Wei", "Fang"};
/* Names only abandoned forms use: what is submitted legitimately travels on (the outbox, the
 * network), so the memory check after the soak looks for names no submission ever held. */
static const char *const abandoned_names[] = {"欧阳晓岚", "司徒云飞", "上官若曦", "诸葛子墨", "Ouyang Xiao Lan",
					      "Situ Yun Fei", "Shangguan Ruo Xi", "Zhuge Zi Mo"};

struct gen {
	uint64_t rng;
	int session;
	bool faults; /* dumps at acknowledgements, lookups that may end offline */
	bool large; /* the session is in the large theme (its idle timeout is 120 s) */
	char abandoned_name[64]; /* typed by the last abandoned booking: the next visitor must not see it */
	int submitted[5]; /* booking, pledge, withdrawal, help, help_cancel */
	int per_kind[K_COUNT];
	FILE *needles; /* what the kiosk must forget (--needles), or NULL */
};

enum { SUB_BOOKING, SUB_PLEDGE, SUB_WITHDRAWAL, SUB_HELP, SUB_HELP_CANCEL };
static const char *const sub_names[] = {"booking", "pledge", "withdrawal", "help", "help_cancel"};

static uint64_t next(struct gen *g)
{
	/* SplitMix64: small, and the same sequence on every machine for one seed. */
	uint64_t z = (g->rng += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int pick(struct gen *g, int n)
{
	return (int)(next(g) % (uint64_t)n);
}

static bool chance(struct gen *g, int percent)
{
	return pick(g, 100) < percent;
}

__attribute__((format(printf, 1, 2))) static void emit(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* An 18-digit resident ID number: Jianghai's region code, a birth date, a sequence whose last digit
 * gives the sex, and the GB 11643 check digit. Unique per (session, slot) within a run. */
static void resident_id(int session, int slot, bool male, int birth_year, char out[32])
{
	static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	/* The day of the year and the sequence carry the session number, so no two sessions share a
	 * person; the slot (first or second party) changes the sequence. */
	int day_index = session % 336;
	int month = day_index / 28 + 1, day = day_index % 28 + 1;
	int seq = (session / 336) * 4 + slot * 2 + (male ? 1 : 0); /* odd: male */
	snprintf(out, 32, "440704%04d%02d%02d%03d", birth_year % 10000, month, day, seq % 1000);
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (out[i] - '0') * weights[i];
	out[17] = "10X98765432"[sum % 11];
	out[18] = '\0';
	/* The generator's own check: a number the kiosk would refuse breaks the sessions, not the soak. */
	if (id_document_validate(ID_DOCUMENT_RESIDENT_ID, out, NULL) != ID_DOCUMENT_OK) {
		fprintf(stderr, "soak_script: made an invalid ID number for session %d\n", session);
		exit(1);
	}
}

static void person_name(struct gen *g, char *out, size_t len)
{
	if (chance(g, 60))
		snprintf(out, len, "%s%s", surnames[pick(g, 12)], given[pick(g, 12)]);
	else
		snprintf(out, len, "%s %s", pinyin_surnames[pick(g, 8)], pinyin_given[pick(g, 8)]);
}

static void mobile(struct gen *g, char out[32])
{
	snprintf(out, 32, "1%d%09llu", 3 + pick(g, 7), (unsigned long long)(next(g) % 1000000000ull));
}

/* The written language of this part of the session: mostly Simplified, often Traditional or English. */
static void switch_language(struct gen *g)
{
	int r = pick(g, 100);
	if (g->large) /* the large theme keeps the language switch in the voice panel */
		emit("tap #voice.panel");
	emit("tap #lang.%s", langs[r < 60 ? 0 : r < 80 ? 1 : 2]);
	if (g->large)
		emit("tap #voice.close");
}

static void maybe_switch_language(struct gen *g, int percent)
{
	if (chance(g, percent))
		switch_language(g);
}

static void start(struct gen *g)
{
	emit("expect-screen attract");
	emit("tap #attract.start");
	emit("expect-screen home");
	maybe_switch_language(g, 45);
}

/* Nobody touches the screen any more: the warning comes after the theme's idle timeout, and the
 * session is wiped when its countdown (30 s) runs out. */
static void walk_away(struct gen *g)
{
	emit("wait %d", g->large ? 121000 : 61000);
	emit("expect #idle.warning");
	emit("wait 30000");
	emit("expect-screen attract");
	g->large = false;
}

/* Review screens are taller than the screen in some languages: swipe twice to the consent. */
static void swipe_to_end(const char *x)
{
	for (int i = 0; i < 2; i++) {
		emit("drag @%s,80%% @%s,20%% 300", x, x);
		emit("wait 2000");
	}
}

/* The booking flow up to the people step. */
static void booking_to_people(struct gen *g, const char *service)
{
	emit("tap #home.booking");
	emit("expect-screen booking.service");
	maybe_switch_language(g, 20);
	emit("tap #service.%s", service);
	emit("expect-screen booking.day");
	emit("tap first:day");
	emit("expect-screen booking.slot");
	emit("tap first:slot");
	emit("tap #booking.next");
	/* The slot is checked with the backend first (a moment; up to its timeout when it is slow). */
	emit("wait 1000");
	emit("wait-for #p0.name 30000");
	emit("expect-screen booking.people");
	if (g->abandoned_name[0]) { /* the last visitor walked away from this form: nothing of theirs shows */
		emit("expect-not-contains \"%s\"", g->abandoned_name);
		g->abandoned_name[0] = '\0';
	}
}

static void booking(struct gen *g, bool marriage)
{
	char name[64], id[32], phone[32];
	start(g);
	booking_to_people(g, marriage ? "marriage_registration" : "certificate_reissue");
	person_name(g, name, sizeof(name));
	/* A marriage: a man of 22 or more and a woman of 20 or more on the day. */
	resident_id(g->session, 0, true, 1965 + pick(g, 35), id);
	emit("tap #p0.name");
	emit("type %s", name);
	emit("key Tab");
	emit("type %s", id);
	emit("key Tab");
	if (marriage) {
		person_name(g, name, sizeof(name));
		resident_id(g->session, 1, false, 1965 + pick(g, 37), id);
		emit("type %s", name);
		emit("key Tab");
		emit("type %s", id);
		emit("key Tab");
	}
	mobile(g, phone);
	emit("type %s", phone);
	emit("key Enter");
	emit("expect-enabled #booking.next");
	emit("tap #booking.next");
	emit("expect-screen booking.review");
	emit("expect-not-contains \"%s\"", phone);
	swipe_to_end("50%");
	emit("tap #review.consent.0");
	if (g->faults)
		emit("dump s%05d-review", g->session);
	emit("tap #booking.confirm");
	emit("expect-screen booking.done");
	emit("wait 4000");
	if (g->faults)
		emit("dump s%05d-done", g->session);
	emit("expect #done.reference");
	emit("expect-not #done.reason");
	emit("expect-not-contains \"%s\"", id);
	g->submitted[SUB_BOOKING]++;
	if (chance(g, 50)) {
		emit("tap #done.finish");
		emit("expect-screen home");
	}
	walk_away(g);
}

/* A visitor starts a booking, types a name and most of an ID number, and walks away mid-form. The
 * ID's birth year (1960) is one no other session uses. */
static void booking_abandoned(struct gen *g)
{
	char id[32];
	start(g);
	booking_to_people(g, chance(g, 50) ? "marriage_registration" : "certificate_reissue");
	snprintf(g->abandoned_name, sizeof(g->abandoned_name), "%s", abandoned_names[pick(g, 8)]);
	resident_id(g->session, 0, true, 1960, id);
	emit("tap #p0.name");
	emit("type %s", g->abandoned_name);
	emit("key Tab");
	emit("type %.14s", id);
	if (g->needles)
		fprintf(g->needles, "%s\n%.14s\n", g->abandoned_name, id);
	walk_away(g);
}

static void booking_lookup(struct gen *g)
{
	char id[32];
	start(g);
	emit("tap #home.booking");
	emit("tap #booking.lookup");
	emit("expect-screen booking.lookup");
	emit("tap #lookup.ref");
	/* A receipt number this kiosk never gave (looked up locally) or a backend reference nobody has
	 * (asked of the backend): both get the same calm sentence. */
	emit("type %s-%08llX", chance(g, 50) ? "JH" : "BK", (unsigned long long)(next(g) & 0xFFFFFFFFull));
	emit("key Tab");
	resident_id(g->session, 0, chance(g, 50), 1970 + pick(g, 30), id);
	emit("type %s", id);
	emit("key Enter");
	emit("tap #lookup.search");
	/* Not found, or (the backend away, slow or confused) cannot check now: a sentence either way. */
	emit("wait-for #lookup.message 30000");
	emit("expect-screen booking.lookup");
	walk_away(g);
}

static void assist_guide(struct gen *g)
{
	start(g);
	emit("tap #home.assistance");
	emit("expect-screen assist.home");
	emit("tap #assist.guide");
	emit("expect-screen assist.guide");
	int n = 1 + pick(g, 2);
	for (int i = 0; i < n; i++) {
		emit("tap #programme.%s", programmes[pick(g, 3)]);
		emit("expect-screen assist.programme");
		emit("expect #assist.programme.who");
		maybe_switch_language(g, 25);
		for (int k = pick(g, 4); k > 0; k--) {
			emit("drag @50%%,70%% @50%%,32%% 300");
			emit("wait 600");
		}
		emit("tap #nav.back");
		emit("expect-screen assist.guide");
	}
	walk_away(g);
}

static void assist_screener(struct gen *g)
{
	start(g);
	emit("tap #home.assistance");
	emit("tap #assist.screener");
	emit("expect-screen assist.q.household");
	emit("tap #household.%d", 1 + pick(g, 5));
	emit("tap #assist.q.next");
	emit("expect-screen assist.q.income");
	emit("tap #assist.q.income.field");
	emit("type %d", 500 + pick(g, 6000));
	emit("key Enter");
	emit("tap #assist.q.next");
	emit("expect-screen assist.q.assets");
	maybe_switch_language(g, 20);
	emit("tap #assist.q.assets.choice.%d", pick(g, 2));
	emit("tap #assist.q.next");
	emit("expect-screen assist.q.members");
	static const char *const members[] = {"age60", "age80", "child"};
	if (chance(g, 60))
		emit("tap #assist.q.members.%s", members[pick(g, 3)]);
	else
		emit("tap #assist.q.members.none");
	emit("tap #assist.q.next");
	emit("expect-screen assist.q.disability");
	emit("tap #assist.q.disability.choice.%d", pick(g, 2) ? 0 : 1 + pick(g, 4));
	emit("tap #assist.q.next");
	emit("expect-screen assist.q.hardship");
	emit("drag @50%%,70%% @50%%,32%% 300");
	emit("wait 600");
	emit("tap #assist.q.hardship.none");
	emit("tap #assist.q.next");
	emit("expect-screen assist.result");
	emit("expect #assist.result.disclaimer");
	walk_away(g);
}

static void assist_status(struct gen *g)
{
	int a = pick(g, 10);
	start(g);
	emit("tap #home.assistance");
	emit("tap #assist.status");
	emit("expect-screen assist.status");
	emit("tap #assist.status.id");
	emit("type %s", applications[a][1]);
	emit("key Enter");
	emit("tap #assist.status.number");
	emit("type %s", applications[a][0]);
	emit("key Enter");
	emit("tap #assist.status.search");
	if (g->faults) { /* the answer or the offline sentence: faults.sh reads the dump */
		emit("wait-gone #assist.status.spinner 30000");
		emit("dump s%05d-lookup", g->session);
		walk_away(g);
		return;
	}
	emit("wait-for #assist.status_result.heading 20000");
	emit("expect-screen assist.status_result");
	emit("expect-contains \"%s\"", applications[a][0]);
	emit("expect-not-contains \"%s\"", applications[a][1]);
	walk_away(g);
}

/* A pledge from the project list to the done screen, which shows its reference (confirmed or not). */
static void pledge_flow(struct gen *g)
{
	char name[64], phone[32];
	emit("tap #home.charity");
	emit("expect-screen charity.projects");
	emit("tap #project.%s", projects[pick(g, 3)]);
	emit("expect-screen charity.project");
	emit("tap #charity.pledge");
	emit("expect-screen charity.amount");
	emit("tap #charity.amount.preset.%d", presets[pick(g, 4)]);
	emit("tap #charity.next");
	emit("expect-screen charity.donor");
	if (chance(g, 25)) {
		emit("tap #charity.donor.who.1");
	} else {
		person_name(g, name, sizeof(name));
		emit("tap #charity.donor.name");
		emit("type %s", name);
		if (chance(g, 50)) {
			mobile(g, phone);
			emit("key Tab");
			emit("type %s", phone);
		}
		emit("key Enter");
		if (chance(g, 30))
			emit("tap #charity.donor.receipt.1");
	}
	emit("tap #charity.next");
	emit("expect-screen charity.review");
	maybe_switch_language(g, 15);
	for (int i = 0; i < 3; i++) {
		emit("drag @75%%,70%% @75%%,20%% 300");
		emit("wait 2000");
	}
	emit("tap #charity.review.consent.0");
	if (g->faults)
		emit("dump s%05d-review", g->session);
	emit("tap #charity.confirm");
	emit("expect-screen charity.done");
	emit("wait 4000");
	if (g->faults)
		emit("dump s%05d-done", g->session);
	emit("expect #charity.done.reference"); /* PL-… once confirmed, else the kiosk's JC-… */
	emit("expect #charity.done.withdraw");
	g->submitted[SUB_PLEDGE]++;
}

static void pledge(struct gen *g)
{
	start(g);
	pledge_flow(g);
	if (chance(g, 50)) {
		emit("tap #charity.done.finish");
		emit("expect-screen home");
	}
	walk_away(g);
}

static void pledge_withdraw(struct gen *g)
{
	start(g);
	pledge_flow(g);
	emit("tap #charity.done.withdraw");
	emit("expect-screen charity.withdraw");
	emit("expect #charity.withdraw.go");
	emit("tap #charity.withdraw.go");
	emit("expect #charity.withdraw.confirm1");
	emit("tap #charity.withdraw.confirm1.yes");
	emit("expect #charity.withdraw.confirm2");
	emit("tap #charity.withdraw.confirm2.yes");
	emit("wait 4000");
	if (g->faults)
		emit("dump s%05d-withdrawn", g->session);
	emit("expect-not #charity.withdraw.go");
	g->submitted[SUB_WITHDRAWAL]++;
	walk_away(g);
}

static void pledge_lookup(struct gen *g)
{
	start(g);
	emit("tap #home.charity");
	emit("tap #charity.withdraw.entry");
	emit("expect-screen charity.withdraw");
	emit("tap #charity.withdraw.ref");
	/* Malformed (explained) or well-formed and unknown here (where else to ask). */
	if (chance(g, 50)) {
		emit("type JC%d", pick(g, 1000));
		emit("key Enter");
		emit("tap #charity.withdraw.find");
		emit("expect #charity.withdraw.ref.error");
	} else {
		emit("type PL-%08llX", (unsigned long long)(next(g) & 0xFFFFFFFFull));
		emit("key Enter");
		emit("tap #charity.withdraw.find");
		emit("expect #charity.withdraw.message");
	}
	walk_away(g);
}

/* Staff entry: the hidden hold, a wrong PIN (the pad says how many tries are left), the right one,
 * the staff home, and leaving. The right PIN resets the count, so the soak never locks staff out. */
static void staff_pin(struct gen *g, const char *pin)
{
	if (g->needles && g->per_kind[K_STAFF_PIN] == 1) { /* the PINs, once */
		fprintf(g->needles, "%s\n", pin);
		for (int i = 0; pin[i]; i++)
			fputc(pin[i] == '9' ? '0' : pin[i] + 1, g->needles);
		fputc('\n', g->needles);
	}
	emit("expect-screen attract");
	emit("hold @20,20 3100");
	emit("expect-screen staff.pin");
	for (int i = 0; i < 6; i++)
		emit("tap #staff.pin.%c", pin[i] == '9' ? '0' : pin[i] + 1);
	emit("tap #staff.pin.ok");
	emit("expect #staff.pin.message");
	for (int i = 0; pin[i]; i++)
		emit("tap #staff.pin.%c", pin[i]);
	emit("tap #staff.pin.ok");
	emit("expect-screen staff.home");
	emit("expect #staff.health.pending");
	if (chance(g, 50)) {
		emit("tap #staff.menu.outbox");
		emit("expect-screen staff.outbox");
		emit("tap #nav.back");
	}
	emit("tap #staff.leave");
	emit("expect-screen attract");
}

/* The assisted mode: large text and the voice, the voice panel, a page of the guide, and sometimes
 * a call for staff that the visitor calls off again. */
static void assisted(struct gen *g)
{
	emit("expect-screen attract");
	if (chance(g, 50)) {
		emit("tap #attract.large");
	} else {
		emit("tap #attract.start");
		emit("tap #home.large_mode");
	}
	g->large = true;
	emit("expect-screen home");
	maybe_switch_language(g, 30);
	emit("tap #home.assistance");
	emit("expect-screen assist.home");
	emit("tap #voice.again");
	emit("tap #assist.guide");
	emit("expect-screen assist.guide");
	if (chance(g, 50)) {
		emit("tap #voice.panel");
		emit("expect #voice.dialog");
		emit("tap #voice.%s", chance(g, 50) ? "cantonese" : "mandarin");
		emit("tap #voice.close");
	}
	emit("tap #programme.%s", programmes[pick(g, 2)]);
	emit("expect-screen assist.programme");
	if (chance(g, 40)) {
		emit("tap #help.call");
		emit("expect #help.dialog");
		emit("tap #help.wait");
		emit("expect-not #help.dialog");
		emit("wait 3000");
		emit("tap #help.call");
		emit("expect #help.dialog");
		emit("tap #help.cancel");
		emit("expect-not #help.dialog");
		g->submitted[SUB_HELP]++;
		g->submitted[SUB_HELP_CANCEL]++;
	}
	walk_away(g);
}

/* Someone touches the screen, looks at the home screen (maybe in another language, maybe the large
 * text) and goes. */
static void glance(struct gen *g)
{
	start(g);
	if (chance(g, 30)) {
		emit("tap #home.large_mode");
		g->large = true;
	}
	maybe_switch_language(g, 50);
	walk_away(g);
}

static void usage(void)
{
	fprintf(stderr, "usage: soak_script --sessions N [--seed S] [--first F] [--warmup W] [--every K]\n"
			"                   [--kinds a,b,...] [--faults] [--pin PIN] [--summary FILE] [--needles FILE]\n");
}

int main(int argc, char **argv)
{
	long sessions = -1, warmup = 200, every = 100, first = 1;
	bool faults = false;
	unsigned long long seed = 1;
	const char *summary = NULL, *kind_list = NULL, *pin = "735194", *needles = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--faults") == 0) {
			faults = true;
			continue;
		}
		if (!v) {
			usage();
			return 2;
		}
		if (strcmp(a, "--sessions") == 0)
			sessions = strtol(v, NULL, 10);
		else if (strcmp(a, "--seed") == 0)
			seed = strtoull(v, NULL, 10);
		else if (strcmp(a, "--first") == 0)
			first = strtol(v, NULL, 10);
		else if (strcmp(a, "--warmup") == 0)
			warmup = strtol(v, NULL, 10);
		else if (strcmp(a, "--every") == 0)
			every = strtol(v, NULL, 10);
		else if (strcmp(a, "--summary") == 0)
			summary = v;
		else if (strcmp(a, "--kinds") == 0)
			kind_list = v;
		else if (strcmp(a, "--pin") == 0)
			pin = v;
		else if (strcmp(a, "--needles") == 0)
			needles = v;
		else {
			usage();
			return 2;
		}
		i++;
	}
	if (sessions < 1 || sessions > 1000000 || first < 1 || first > 1000000 || warmup < 0 || every < 1 || strlen(pin) != 6 ||
	    strspn(pin, "0123456789") != 6) {
		usage();
		return 2;
	}
	bool chosen[K_COUNT];
	int total = 0;
	for (int k = 0; k < K_COUNT; k++) {
		char padded[64];
		snprintf(padded, sizeof(padded), ",%s,", kinds[k].name);
		char list[1024];
		snprintf(list, sizeof(list), ",%s,", kind_list ? kind_list : "");
		chosen[k] = !kind_list || strstr(list, padded) != NULL;
		total += chosen[k] ? kinds[k].weight : 0;
	}
	if (total == 0) {
		fprintf(stderr, "soak_script: --kinds names no known kind\n");
		return 2;
	}
	struct gen g = {.rng = seed, .faults = faults};
	if (needles && !(g.needles = fopen(needles, "w"))) {
		perror(needles);
		return 1;
	}
	emit("# Generated by soak_script --sessions %ld --seed %llu: one kiosk process, sessions back to back.", sessions,
	     seed);
	for (g.session = (int)first; g.session < first + sessions; g.session++) {
		int r = pick(&g, total);
		enum kind k = 0;
		for (; k < K_COUNT; k++) {
			if (!chosen[k])
				continue;
			if (r < kinds[k].weight)
				break;
			r -= kinds[k].weight;
		}
		g.per_kind[k]++;
		emit("# session %d: %s", g.session, kinds[k].name);
		switch (k) {
		case K_BOOK_MARRIAGE:
		case K_BOOK_REISSUE:
			booking(&g, k == K_BOOK_MARRIAGE);
			break;
		case K_BOOK_ABANDON:
			booking_abandoned(&g);
			break;
		case K_BOOK_LOOKUP:
			booking_lookup(&g);
			break;
		case K_ASSIST_GUIDE:
			assist_guide(&g);
			break;
		case K_ASSIST_SCREENER:
			assist_screener(&g);
			break;
		case K_ASSIST_STATUS:
			assist_status(&g);
			break;
		case K_PLEDGE:
			pledge(&g);
			break;
		case K_PLEDGE_WITHDRAW:
			pledge_withdraw(&g);
			break;
		case K_PLEDGE_LOOKUP:
			pledge_lookup(&g);
			break;
		case K_STAFF_PIN:
			staff_pin(&g, pin);
			break;
		case K_ASSISTED:
			assisted(&g);
			break;
		case K_GLANCE:
		case K_COUNT:
			glance(&g);
			break;
		}
		if (g.session == warmup)
			emit("memory warmup");
		if (g.session % every == 0)
			emit("memory s%04d", g.session);
	}
	emit("memory end");
	if (g.needles) { /* soak.sh stops the kiosk here and looks through its memory */
		emit("pause 3000");
		if (fclose(g.needles) != 0) {
			perror(needles);
			return 1;
		}
	}
	if (summary) {
		FILE *f = fopen(summary, "w");
		if (!f) {
			perror(summary);
			return 1;
		}
		for (int i = 0; i < 5; i++)
			fprintf(f, "%s %d\n", sub_names[i], g.submitted[i]);
		for (int k = 0; k < K_COUNT; k++)
			fprintf(f, "session %s %d\n", kinds[k].name, g.per_kind[k]);
		if (fclose(f) != 0) {
			perror(summary);
			return 1;
		}
	}
	return ferror(stdout) ? 1 : 0;
}
