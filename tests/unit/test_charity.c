/* The pledge service's domain layer: typed amounts and their verdicts, amounts in figures and in
 * words (the receipt convention of charity/amount.h, 零 handling included), the projects catalog from
 * well-formed and malformed cached JSON, and pledges in the outbox (kiosk reference, lookup by either
 * reference, the withdrawal and its state, the 10-minute window). */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "charity/amount.h"
#include "charity/charity_catalog.h"
#include "charity/pledge_record.h"
#include "check.h"
#include "core/secure.h"
#include "data/store.h"

#define YUAN(y) ((long long)(y) * 100)
#define MAX_FEN YUAN(1000000)

static void test_parse(void)
{
	long long fen = -1;
	CHECK_INT(amount_parse("100", 2, 100, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, 10000);
	CHECK_INT(amount_parse("88.8", 2, 100, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, 8880);
	CHECK_INT(amount_parse("0.01", 2, 1, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, 1);
	CHECK_INT(amount_parse(" 1,000 ", 0, 100, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, 100000);
	CHECK_INT(amount_parse("1000000", 2, 100, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, MAX_FEN);
	CHECK_INT(amount_parse("5.", 2, 100, MAX_FEN, &fen), AMOUNT_OK); /* a point with nothing after: 5 */
	CHECK_INT(fen, 500);
	CHECK_INT(amount_parse("100.00", 0, 100, MAX_FEN, &fen), AMOUNT_OK); /* zeros are whole yuan */
	CHECK_INT(fen, 10000);
	/* each problem, and *fen untouched */
	fen = 7;
	CHECK_INT(amount_parse("", 2, 100, MAX_FEN, &fen), AMOUNT_EMPTY);
	CHECK_INT(amount_parse("   ", 2, 100, MAX_FEN, &fen), AMOUNT_EMPTY);
	CHECK_INT(amount_parse(NULL, 2, 100, MAX_FEN, &fen), AMOUNT_EMPTY);
	CHECK_INT(amount_parse("0", 2, 100, MAX_FEN, &fen), AMOUNT_ZERO);
	CHECK_INT(amount_parse("0.00", 2, 100, MAX_FEN, &fen), AMOUNT_ZERO);
	CHECK_INT(amount_parse("-5", 2, 100, MAX_FEN, &fen), AMOUNT_NEGATIVE);
	CHECK_INT(amount_parse("1000000.01", 2, 100, MAX_FEN, &fen), AMOUNT_TOO_LARGE);
	CHECK_INT(amount_parse("2000000", 2, 100, MAX_FEN, &fen), AMOUNT_TOO_LARGE);
	CHECK_INT(amount_parse("99999999999999999999", 2, 100, MAX_FEN, &fen), AMOUNT_TOO_LARGE);
	CHECK_INT(amount_parse("0.5", 2, 100, MAX_FEN, &fen), AMOUNT_TOO_SMALL);
	CHECK_INT(amount_parse("1.234", 2, 100, MAX_FEN, &fen), AMOUNT_TOO_MANY_DECIMALS);
	CHECK_INT(amount_parse("10.5", 0, 100, MAX_FEN, &fen), AMOUNT_TOO_MANY_DECIMALS);
	CHECK_INT(amount_parse("10.55", 1, 100, MAX_FEN, &fen), AMOUNT_TOO_MANY_DECIMALS);
	CHECK_INT(amount_parse("10.5", 1, 100, MAX_FEN, &fen), AMOUNT_OK);
	CHECK_INT(fen, 1050);
	fen = 7;
	CHECK_INT(amount_parse("1.2.3", 2, 100, MAX_FEN, &fen), AMOUNT_NOT_NUMBER);
	CHECK_INT(amount_parse("12a", 2, 100, MAX_FEN, &fen), AMOUNT_NOT_NUMBER);
	CHECK_INT(amount_parse(".", 2, 100, MAX_FEN, &fen), AMOUNT_NOT_NUMBER);
	CHECK_INT(amount_parse("¥100", 2, 100, MAX_FEN, &fen), AMOUNT_NOT_NUMBER);
	CHECK_INT(fen, 7);
}

static void test_format(void)
{
	char out[64];
	amount_format(100500, true, out, sizeof(out));
	CHECK_STR(out, "1,005.00");
	amount_format(100500, false, out, sizeof(out));
	CHECK_STR(out, "1,005");
	amount_format(8880, false, out, sizeof(out));
	CHECK_STR(out, "88.80");
	amount_format(1, true, out, sizeof(out));
	CHECK_STR(out, "0.01");
	amount_format(MAX_FEN, false, out, sizeof(out));
	CHECK_STR(out, "1,000,000");
	amount_format(-1, false, out, sizeof(out));
	CHECK_STR(out, "");
}

struct words_case {
	long long fen;
	const char *zh, *en;
};

static void test_words(void)
{
	static const struct words_case cases[] = {
		{1, "壹分", "One fen"},
		{10, "壹角", "Ten fen"},
		{50, "伍角", "Fifty fen"},
		{105, "壹元零伍分", "One yuan and five fen"},
		{2050, "贰拾元伍角", "Twenty yuan and fifty fen"},
		{1005, "壹拾元零伍分", "Ten yuan and five fen"},
		{YUAN(10), "壹拾元整", "Ten yuan"},
		{YUAN(100), "壹佰元整", "One hundred yuan"},
		{YUAN(101), "壹佰零壹元整", "One hundred and one yuan"},
		{YUAN(110), "壹佰壹拾元整", "One hundred and ten yuan"},
		{YUAN(1005), "壹仟零伍元整", "One thousand and five yuan"},
		{YUAN(1010), "壹仟零壹拾元整", "One thousand and ten yuan"},
		{YUAN(10005), "壹万零伍元整", "Ten thousand and five yuan"},
		{YUAN(100000), "壹拾万元整", "One hundred thousand yuan"},
		{YUAN(100100), "壹拾万零壹佰元整", "One hundred thousand, one hundred yuan"},
		{YUAN(107000), "壹拾万柒仟元整", "One hundred and seven thousand yuan"},
		{YUAN(1000000), "壹佰万元整", "One million yuan"},
		{YUAN(6007) + 14, "陆仟零柒元壹角肆分", "Six thousand and seven yuan and fourteen fen"},
		{YUAN(1409) + 50, "壹仟肆佰零玖元伍角", "One thousand, four hundred and nine yuan and fifty fen"},
		{YUAN(1680) + 32, "壹仟陆佰捌拾元叁角贰分", "One thousand, six hundred and eighty yuan and thirty-two fen"},
		{YUAN(16409) + 2, "壹万陆仟肆佰零玖元零贰分", "Sixteen thousand, four hundred and nine yuan and two fen"},
		{YUAN(325) + 4, "叁佰贰拾伍元零肆分", "Three hundred and twenty-five yuan and four fen"},
		{YUAN(88) + 80, "捌拾捌元捌角", "Eighty-eight yuan and eighty fen"},
		{YUAN(100000001), "壹亿零壹元整", "One hundred million and one yuan"},
		{YUAN(100070000), "壹亿零柒万元整", "One hundred million, seventy thousand yuan"},
		{0, "零元整", "Zero yuan"},
	};
	char zh[256], en[256];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		amount_words_zh(cases[i].fen, false, zh, sizeof(zh));
		CHECK_STR(zh, cases[i].zh);
		amount_words_en(cases[i].fen, en, sizeof(en));
		CHECK_STR(en, cases[i].en);
	}
	amount_words_zh(YUAN(10005), true, zh, sizeof(zh));
	CHECK_STR(zh, "壹萬零伍元整");
	amount_words_zh(-1, false, zh, sizeof(zh));
	CHECK_STR(zh, "");
	amount_words_zh(YUAN(1005), false, zh, 4); /* a short buffer cuts, never overruns */
	CHECK(strlen(zh) < 4);
}

static const char *projects_json =
	"{\"items\":["
	"{\"id\":\"chongyang\",\"name\":{\"zh-Hans\":\"重阳敬老\",\"en\":\"Elders\"},\"summary\":\"送餐探访\","
	"\"description\":{\"zh-Hans\":\"全文\"},\"organiser\":{\"zh-Hans\":\"江海区慈善会\"},\"icon\":\"elderly\","
	"\"status\":\"open\",\"ends_on\":\"2027-03-31\",\"goal\":200000,\"raised\":158300,\"pledged\":88.8,"
	"\"pledge_count\":3,\"progress_percent\":79,\"currency\":\"CNY\",\"as_of\":\"2026-11-28T10:00:00+08:00\","
	"\"amount_min\":1,\"amount_max\":1000000,\"amount_decimals\":2},"
	"{\"id\":\"relief\",\"name\":\"急难\",\"icon\":\"volcano\",\"status\":\"open\",\"goal\":1000000,\"raised\":583000,"
	"\"amount_decimals\":0,\"amount_min\":10,\"amount_max\":5000},"
	"{\"id\":\"old\",\"name\":\"旧\",\"status\":\"closed\",\"goal\":\"lots\",\"raised\":-5,\"amount_decimals\":7,"
	"\"as_of\":\"<script>\"},"
	"{\"id\":\"bad id!\",\"name\":\"x\"},"
	"{\"id\":\"chongyang\",\"name\":\"duplicate\"},"
	"{\"id\":\"nostatus\",\"name\":\"y\",\"amount_min\":500,\"amount_max\":5}"
	"]}";

static const char *texts_json =
	"{\"items\":{\"pledge.terms\":{\"zh-Hans\":\"条款\",\"en\":\"Terms\"},\"pledge.thanks\":\"谢谢\","
	"\"pledge.lookup_url\":\"https://pay.example/lookup?kiosk={kiosk_id}&ref={reference}\"}}";

/* An end date that is not a real date closes the project (found by fuzz/fuzz_charity_catalog: before,
 * "::::::::::" passed as a date that sorted after every day, so the project took pledges for ever). */
static void test_catalog_end_dates(void)
{
	struct charity_catalog *c = malloc(sizeof(*c));
	if (!c)
		return;
	charity_catalog_parse(c,
			      "{\"items\":[{\"id\":\"colons\",\"status\":\"open\",\"ends_on\":\"::::::::::\"},"
			      "{\"id\":\"feb30\",\"status\":\"open\",\"ends_on\":\"2026-02-30\"},"
			      "{\"id\":\"number\",\"status\":\"open\",\"ends_on\":20270331},"
			      "{\"id\":\"none\",\"status\":\"open\",\"ends_on\":null},"
			      "{\"id\":\"dated\",\"status\":\"open\",\"ends_on\":\"2027-03-31\"}]}",
			      NULL);
	CHECK_INT(c->project_count, 5);
	CHECK(!charity_project_pledgeable(charity_project_find(c, "colons"), "2026-11-28"));
	CHECK(!charity_project_pledgeable(charity_project_find(c, "feb30"), "2026-11-28"));
	CHECK(!charity_project_pledgeable(charity_project_find(c, "number"), "2026-11-28"));
	CHECK(charity_project_pledgeable(charity_project_find(c, "none"), "2026-11-28"));
	CHECK(charity_project_pledgeable(charity_project_find(c, "dated"), "2026-11-28"));
	CHECK_STR(charity_project_find(c, "colons")->ends_on, "");
	free(c);
}

static void test_catalog(void)
{
	struct charity_catalog *c = malloc(sizeof(*c));
	if (!c)
		return;
	charity_catalog_parse(c, projects_json, texts_json);
	CHECK_INT(c->project_count, 4);
	const struct charity_project *p = charity_project_find(c, "chongyang");
	CHECK(p != NULL);
	if (p) {
		CHECK_STR(catalog_text_get(&p->name, TEXT_LANG_EN), "Elders");
		CHECK_STR(catalog_text_get(&p->organiser, TEXT_LANG_ZH_HANT), "江海区慈善会"); /* falls back */
		CHECK_INT(p->icon, CHARITY_ICON_ELDERLY);
		CHECK(p->open);
		CHECK_INT(p->goal_fen, YUAN(200000));
		CHECK_INT(p->pledged_fen, 8880);
		CHECK_INT(p->progress_percent, 79);
		CHECK_STR(p->as_of, "2026-11-28T10:00:00+08:00");
		CHECK_INT(p->amount_decimals, 2);
		CHECK(charity_project_pledgeable(p, "2027-03-31"));
		CHECK(!charity_project_pledgeable(p, "2027-04-01"));
	}
	p = charity_project_find(c, "relief");
	CHECK(p != NULL);
	if (p) {
		CHECK_INT(p->icon, CHARITY_ICON_COMMUNITY); /* unknown icon: the neutral one */
		CHECK_INT(p->amount_decimals, 0);
		CHECK_INT(p->amount_min_fen, 1000);
		CHECK_INT(p->amount_max_fen, 500000);
		CHECK_INT(p->progress_percent, 58); /* computed when not given */
		CHECK_INT(p->pledge_count, -1);
	}
	p = charity_project_find(c, "old");
	CHECK(p != NULL);
	if (p) {
		CHECK(!p->open);
		CHECK(!charity_project_pledgeable(p, "2026-01-01"));
		CHECK_INT(p->goal_fen, -1);
		CHECK_INT(p->raised_fen, -1);
		CHECK_INT(p->amount_decimals, 2); /* out of range: the default */
		CHECK_STR(p->as_of, "");
	}
	p = charity_project_find(c, "nostatus");
	CHECK(p != NULL && !p->open && p->amount_min_fen == 100 && p->amount_max_fen == MAX_FEN);
	CHECK(charity_project_find(c, "bad id!") == NULL);
	CHECK_STR(catalog_text_get(&c->terms, TEXT_LANG_EN), "Terms");
	CHECK_STR(catalog_text_get(&c->thanks, TEXT_LANG_EN), "谢谢");
	CHECK_STR(c->lookup_url, "https://pay.example/lookup?kiosk={kiosk_id}&ref={reference}");

	/* malformed input: empty catalogs, never a crash */
	static const char *const bad[] = {NULL, "", "{", "[]", "{\"items\":7}", "{\"items\":[1,\"x\",null,[]]}",
					  "\"text\"", "{\"items\":[{\"id\":5}]}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		charity_catalog_parse(c, bad[i], bad[i]);
		CHECK_INT(c->project_count, 0);
		CHECK_STR(c->lookup_url, "");
	}
	/* a lookup URL that is not https is refused */
	charity_catalog_parse(c, NULL, "{\"items\":{\"pledge.lookup_url\":\"http://x/{reference}\"}}");
	CHECK_STR(c->lookup_url, "");
	charity_catalog_parse(c, NULL, "{\"items\":{\"pledge.lookup_url\":\"https://x/a b\"}}");
	CHECK_STR(c->lookup_url, "");
	free(c);
}

static void test_references(void)
{
	char out[32], url[256];
	pledge_kiosk_reference("3f9a01c7-1111-4222-8333-444455556666", out);
	CHECK_STR(out, "JC-3F9A01C7");
	pledge_reference_normalise(" jc3f9a01c7 ", out, sizeof(out));
	CHECK_STR(out, "JC-3F9A01C7");
	pledge_reference_normalise("pl-7k3m9q2p", out, sizeof(out));
	CHECK_STR(out, "PL-7K3M9Q2P");
	pledge_lookup_url("https://pay.example/lookup?kiosk={kiosk_id}&ref={reference}", "k 1/&", "JC-3F9A01C7", url,
			  sizeof(url));
	CHECK_STR(url, "https://pay.example/lookup?kiosk=k%201%2F%26&ref=JC-3F9A01C7");
}

/* The pledge request body, then the outbox: stored under its own key, found by either reference,
 * withdrawn, and the window. */
static void test_outbox(void)
{
	char dir[] = "/tmp/test_charity.XXXXXX", err[256];
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		check_failed++;
		return;
	}
	struct store_options opts = {.create = true};
	struct store *s = store_open(dir, &opts, err, sizeof(err));
	CHECK(s != NULL);
	if (!s)
		return;
	char key[37], reference[12];
	secure_uuid4(key);
	pledge_kiosk_reference(key, reference);
	struct pledge_request r = {.project_id = "chongyang",
				   .amount_fen = 8880,
				   .anonymous = false,
				   .donor_name = "Chen Da Wen",
				   .phone = "",
				   .receipt_requested = true,
				   .language = "zh-Hant",
				   .kiosk_reference = reference,
				   .pledged_at = 1764300000};
	char *json = pledge_request_json(&r);
	cJSON *b = json ? cJSON_Parse(json) : NULL;
	CHECK(b != NULL);
	CHECK(cJSON_GetNumberValue(cJSON_GetObjectItem(b, "amount")) == 88.8);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(b, "kiosk_reference")), reference);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(b, "pledged_at")), "2025-11-28T11:20:00+08:00");
	CHECK(cJSON_GetObjectItem(b, "phone") == NULL); /* none given: none sent */
	CHECK(cJSON_IsTrue(cJSON_GetObjectItem(b, "consent")));
	CHECK(cJSON_IsTrue(cJSON_GetObjectItem(b, "receipt_requested")));
	cJSON_Delete(b);
	r.anonymous = true;
	char *anon = pledge_request_json(&r);
	b = anon ? cJSON_Parse(anon) : NULL;
	CHECK(b && cJSON_GetObjectItem(b, "donor_name") == NULL); /* anonymous: the name is not sent */
	cJSON_Delete(b);
	free(anon);

	int64_t id = 0;
	CHECK(!store_submit_keyed(s, SUB_PLEDGE, json, 1000, "not-a-key", &id, err, sizeof(err)));
	CHECK(store_submit_keyed(s, SUB_PLEDGE, json, 1000, key, &id, err, sizeof(err)));
	free(json);
	struct pledge_record rec;
	CHECK(pledge_record_by_key(s, key, &rec));
	CHECK_STR(rec.kiosk_reference, reference);
	CHECK_STR(rec.reference, "");
	CHECK_INT(rec.amount_fen, 8880);
	CHECK_STR(rec.project_id, "chongyang");
	CHECK_INT(rec.withdrawal, PLEDGE_NOT_WITHDRAWN);
	CHECK(!pledge_record_find(s, "JC-00000000", &rec));
	CHECK(!pledge_record_find(s, "PL-7K3M9Q2P", &rec));
	CHECK(pledge_record_find(s, reference, &rec));
	CHECK_INT(pledge_withdraw_seconds_left(&rec, 1000), 600);
	CHECK_INT(pledge_withdraw_seconds_left(&rec, 1599), 1);
	CHECK_INT(pledge_withdraw_seconds_left(&rec, 1600), 0);
	CHECK_INT(pledge_withdraw_seconds_left(&rec, 500), 600); /* a clock set back does not stretch it */

	/* delivered: the backend's reference finds it too, and the withdrawal names that one */
	CHECK(store_mark_delivered(s, id,
				   "{\"reference\":\"PL-7K3M9Q2P\",\"status\":\"awaiting_payment\","
				   "\"payment_url\":\"https://pay.example/pledge/PL-7K3M9Q2P?amount=88.80\"}",
				   1001));
	CHECK(pledge_record_find(s, "PL-7K3M9Q2P", &rec));
	CHECK_STR(rec.reference, "PL-7K3M9Q2P");
	CHECK_STR(rec.payment_url, "https://pay.example/pledge/PL-7K3M9Q2P?amount=88.80");
	char *wd = pledge_withdrawal_json(&rec, 1200, "en");
	b = wd ? cJSON_Parse(wd) : NULL;
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(b, "reference")), "PL-7K3M9Q2P");
	CHECK(cJSON_GetObjectItem(b, "kiosk_reference") == NULL); /* exactly one of the two */
	CHECK(cJSON_GetStringValue(cJSON_GetObjectItem(b, "requested_at")) != NULL);
	cJSON_Delete(b);
	char wkey[37];
	int64_t wid = 0;
	CHECK(store_submit(s, SUB_PLEDGE_WITHDRAWAL, wd, 1200, wkey, &wid, err, sizeof(err)));
	free(wd);
	CHECK(pledge_record_by_key(s, key, &rec));
	CHECK_INT(rec.withdrawal, PLEDGE_WITHDRAWAL_PENDING);
	CHECK(store_mark_stopped(s, wid, SUB_REJECTED, NULL, "withdrawal_too_late", "HTTP 409"));
	CHECK(pledge_record_by_key(s, key, &rec));
	CHECK_INT(rec.withdrawal, PLEDGE_WITHDRAWAL_REFUSED);
	CHECK_STR(rec.withdrawal_error, "withdrawal_too_late");

	/* a pledge stored offline: its withdrawal names the kiosk reference */
	char key2[37], ref2[12];
	secure_uuid4(key2);
	pledge_kiosk_reference(key2, ref2);
	r.kiosk_reference = ref2;
	json = pledge_request_json(&r);
	CHECK(store_submit_keyed(s, SUB_PLEDGE, json, 2000, key2, &id, err, sizeof(err)));
	free(json);
	CHECK(pledge_record_find(s, ref2, &rec));
	wd = pledge_withdrawal_json(&rec, 2100, "zh-Hans");
	b = wd ? cJSON_Parse(wd) : NULL;
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(b, "kiosk_reference")), ref2);
	CHECK(cJSON_GetObjectItem(b, "reference") == NULL);
	cJSON_Delete(b);
	CHECK(store_submit(s, SUB_PLEDGE_WITHDRAWAL, wd, 2100, wkey, &wid, err, sizeof(err)));
	free(wd);
	CHECK(store_mark_delivered(s, wid, "{\"reference\":\"PL-AAAAAAAA\",\"status\":\"withdrawn\"}", 2101));
	CHECK(pledge_record_find(s, ref2, &rec));
	CHECK_INT(rec.withdrawal, PLEDGE_WITHDRAWN);
	CHECK(pledge_record_by_key(s, key, &rec)); /* the first pledge's state is its own */
	CHECK_INT(rec.withdrawal, PLEDGE_WITHDRAWAL_REFUSED);
	store_close(s);
	char cmd[64];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int main(void)
{
	test_parse();
	test_format();
	test_words();
	test_catalog();
	test_catalog_end_dates();
	test_references();
	test_outbox();
	return check_exit();
}
