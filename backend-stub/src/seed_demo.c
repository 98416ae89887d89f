/*
 * seed_demo: see seed_demo.h. All texts are Simplified Chinese, Traditional Chinese and
 * English. Figures for assistance standards come from 《江门市江海区民政事业发展"十四五"规划》
 * (江海府〔2023〕1号), chapter 1 and its indicator tables, and are the 2020 values it states;
 * where the plan states no per-person figure the programme says so instead of inventing one.
 * Office addresses and phone numbers are demo placeholders, marked as such.
 */
#include "seed_demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "clock.h"
#include "id_document.h"
#include "log.h"
#include "screener_rules.h"

#define PLAN_SOURCE "江海区民政事业发展“十四五”规划（江海府〔2023〕1号）"
/* The programmes' official pages: a clearly fake demo domain; the real backend supplies the real pages. */
#define OFFICIAL_URL_BASE "https://mzj.jianghai.example/jiuzhu/"

struct l3 {
	const char *hans, *hant, *en;
};

static bool hans_only_texts; /* --seed demo-hans: zh-Hans alone in every text */

static cJSON *l3_json(struct l3 t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "zh-Hans", t.hans);
	if (hans_only_texts)
		return o;
	cJSON_AddStringToObject(o, "zh-Hant", t.hant);
	cJSON_AddStringToObject(o, "en", t.en);
	return o;
}

/* ---- services ---- */

struct service_seed {
	const char *id, *kind;
	int parties_min, parties_max;
	struct l3 name, description, documents;
};

static const struct service_seed services[] = {
	{"marriage_registration", "marriage", 2, 2,
	 {"结婚登记", "結婚登記", "Marriage registration"},
	 {"男女双方须本人同时到场。男方年满22周岁、女方年满20周岁。",
	  "男女雙方須本人同時到場。男方年滿22周歲、女方年滿20周歲。",
	  "Both parties must attend in person. The man must be at least 22 and the woman at least 20."},
	 {"双方居民身份证；双方近期半身免冠合影照片2张（2寸）。",
	  "雙方居民身份證；雙方近期半身免冠合影照片2張（2寸）。",
	  "Both resident ID cards; two recent 2-inch photos of the couple together."}},
	{"divorce_application", "divorce_application", 2, 2,
	 {"离婚登记（申请）", "離婚登記（申請）", "Divorce registration: application"},
	 {"双方共同到场提交离婚登记申请。申请之日起30日为离婚冷静期，冷静期届满后30日内双方须再次到场领证。",
	  "雙方共同到場提交離婚登記申請。申請之日起30日為離婚冷靜期，冷靜期屆滿後30日內雙方須再次到場領證。",
	  "Both parties file the application together. A 30-day cooling-off period follows; within the next 30 "
	  "days both must return to receive the certificate."},
	 {"双方居民身份证；结婚证；双方签署的离婚协议书。",
	  "雙方居民身份證；結婚證；雙方簽署的離婚協議書。",
	  "Both resident ID cards; the marriage certificate; the divorce agreement signed by both."}},
	{"divorce_certificate", "divorce_certificate", 2, 2,
	 {"离婚登记（领证）", "離婚登記（領證）", "Divorce registration: certificate"},
	 {"仅限离婚申请之日起第31至60日内预约，双方须共同到场。",
	  "僅限離婚申請之日起第31至60日內預約，雙方須共同到場。",
	  "Only on days 31 to 60 after the application visit; both parties must attend."},
	 {"双方居民身份证；结婚证；离婚登记申请受理回执单；离婚协议书。",
	  "雙方居民身份證；結婚證；離婚登記申請受理回執單；離婚協議書。",
	  "Both resident ID cards; the marriage certificate; the application receipt; the divorce agreement."}},
	{"certificate_reissue", "reissue", 1, 1,
	 {"补领婚姻登记证", "補領婚姻登記證", "Marriage certificate reissue"},
	 {"婚姻登记证遗失或损毁的，当事人可申请补领。", "婚姻登記證遺失或損毀的，當事人可申請補領。",
	  "If a marriage or divorce certificate is lost or damaged, the holder can apply for a new one."},
	 {"本人居民身份证；近期2寸照片；能够证明婚姻关系的材料。",
	  "本人居民身份證；近期2寸照片；能夠證明婚姻關係的材料。",
	  "Your resident ID card; recent 2-inch photos; any document showing the marriage."}},
	{"certificate_ceremony", "ceremony", 2, 2,
	 {"结婚颁证", "結婚頒證", "Certificate ceremony"},
	 {"为新人举行简约庄重的颁证仪式，可邀请亲友观礼。", "為新人舉行簡約莊重的頒證儀式，可邀請親友觀禮。",
	  "A short, formal ceremony for the newly registered couple; family and friends are welcome."},
	 {"双方居民身份证；结婚证。", "雙方居民身份證；結婚證。", "Both resident ID cards; the marriage certificate."}},
	{"family_counselling", "counselling", 1, 2,
	 {"婚姻家庭辅导", "婚姻家庭輔導", "Marriage and family counselling"},
	 {"由专业社工或婚姻家庭辅导员提供免费咨询，内容保密。",
	  "由專業社工或婚姻家庭輔導員提供免費諮詢，內容保密。",
	  "Free, confidential counselling by social workers and family counsellors."},
	 {"本人居民身份证。", "本人居民身份證。", "Your resident ID card."}},
};

/* ---- offices ---- */

struct office_seed {
	const char *id;
	int window_days;
	int bookable;
	const char *phone;
	struct l3 name, address, hours_text;
	const char *services;   /* "service_id:capacity,..." */
};

static const struct office_seed offices[] = {
	{"jh_marriage_registry", 15, 1, "0750-0000001（演示）",
	 {"江海区婚姻登记处", "江海區婚姻登記處", "Jianghai District Marriage Registry"},
	 {"江门市江海区（演示地址，以公告为准）", "江門市江海區（演示地址，以公告為準）",
	  "Jianghai District, Jiangmen (demo address)"},
	 {"周一至周五 9:00–12:00、14:00–17:00；周六 9:00–12:00；周日及法定节假日休息",
	  "週一至週五 9:00–12:00、14:00–17:00；週六 9:00–12:00；週日及法定節假日休息",
	  "Mon–Fri 9:00–12:00 and 14:00–17:00; Sat 9:00–12:00; closed Sundays and public holidays"},
	 "marriage_registration:5,divorce_application:3,divorce_certificate:3,certificate_reissue:3,"
	 "certificate_ceremony:2,family_counselling:2"},
	{"waihai_street", 15, 1, "0750-0000002（演示）",
	 {"外海街道社会事务服务站", "外海街道社會事務服務站", "Waihai Subdistrict Service Station"},
	 {"江门市江海区外海街道（演示地址）", "江門市江海區外海街道（演示地址）",
	  "Waihai Subdistrict, Jianghai District (demo address)"},
	 {"周一至周五 9:00–12:00、14:00–17:00；周六 9:00–12:00", "週一至週五 9:00–12:00、14:00–17:00；週六 9:00–12:00",
	  "Mon–Fri 9:00–12:00 and 14:00–17:00; Sat 9:00–12:00"},
	 "family_counselling:2"},
	{"lile_street", 15, 1, "0750-0000003（演示）",
	 {"礼乐街道社会事务服务站", "禮樂街道社會事務服務站", "Lile Subdistrict Service Station"},
	 {"江门市江海区礼乐街道（演示地址）", "江門市江海區禮樂街道（演示地址）",
	  "Lile Subdistrict, Jianghai District (demo address)"},
	 {"周一至周五 9:00–12:00、14:00–17:00；周六 9:00–12:00", "週一至週五 9:00–12:00、14:00–17:00；週六 9:00–12:00",
	  "Mon–Fri 9:00–12:00 and 14:00–17:00; Sat 9:00–12:00"},
	 "family_counselling:2"},
	{"jiangnan_street", 10, 1, "0750-0000004（演示）",
	 {"江南街道社会事务服务站", "江南街道社會事務服務站", "Jiangnan Subdistrict Service Station"},
	 {"江门市江海区江南街道（演示地址）", "江門市江海區江南街道（演示地址）",
	  "Jiangnan Subdistrict, Jianghai District (demo address)"},
	 {"周一至周五 9:00–12:00、14:00–17:00；周六 9:00–12:00", "週一至週五 9:00–12:00、14:00–17:00；週六 9:00–12:00",
	  "Mon–Fri 9:00–12:00 and 14:00–17:00; Sat 9:00–12:00"},
	 "family_counselling:2"},
	{"jm_cross_border_registry", 0, 0, "0750-0000009（演示）",
	 {"江门市涉外及涉港澳台婚姻登记处", "江門市涉外及涉港澳台婚姻登記處",
	  "Jiangmen Registry for Marriages with Hong Kong, Macau, Taiwan or Foreign Parties"},
	 {"江门市（演示地址；请向区民政局确认指定登记机关）", "江門市（演示地址；請向區民政局確認指定登記機關）",
	  "Jiangmen (demo address; confirm the designated office with the district)"},
	 {"请致电预约", "請致電預約", "Call to make an appointment"}, ""},
};

/* Opening sessions: weekdays two, Saturday one; 30-minute slots. */
struct session {
	int start_min, end_min;
};
static const struct session weekday_sessions[] = {{9 * 60, 12 * 60}, {14 * 60, 17 * 60}};
static const struct session saturday_sessions[] = {{9 * 60, 12 * 60}};

/* ---- holidays (China's 2026 schedule as published by the State Council General Office in Nov 2025,
 * as best known; 2027 New Year's Day is statutory, its bridge days are an assumption) ---- */

struct holiday_seed {
	const char *date, *kind, *name;
};

static const struct holiday_seed holidays[] = {
	{"2026-01-01", "holiday", "元旦"},   {"2026-01-02", "holiday", "元旦"},   {"2026-01-03", "holiday", "元旦"},
	{"2026-01-04", "workday", "元旦调休上班"},
	{"2026-02-14", "workday", "春节调休上班"},
	{"2026-02-15", "holiday", "春节"},   {"2026-02-16", "holiday", "春节"},   {"2026-02-17", "holiday", "春节"},
	{"2026-02-18", "holiday", "春节"},   {"2026-02-19", "holiday", "春节"},   {"2026-02-20", "holiday", "春节"},
	{"2026-02-21", "holiday", "春节"},   {"2026-02-22", "holiday", "春节"},   {"2026-02-23", "holiday", "春节"},
	{"2026-02-28", "workday", "春节调休上班"},
	{"2026-04-04", "holiday", "清明节"}, {"2026-04-05", "holiday", "清明节"}, {"2026-04-06", "holiday", "清明节"},
	{"2026-05-01", "holiday", "劳动节"}, {"2026-05-02", "holiday", "劳动节"}, {"2026-05-03", "holiday", "劳动节"},
	{"2026-05-04", "holiday", "劳动节"}, {"2026-05-05", "holiday", "劳动节"},
	{"2026-05-09", "workday", "劳动节调休上班"},
	{"2026-06-19", "holiday", "端午节"}, {"2026-06-20", "holiday", "端午节"}, {"2026-06-21", "holiday", "端午节"},
	{"2026-09-20", "workday", "国庆节调休上班"},
	{"2026-09-25", "holiday", "中秋节"}, {"2026-09-26", "holiday", "中秋节"}, {"2026-09-27", "holiday", "中秋节"},
	{"2026-10-01", "holiday", "国庆节"}, {"2026-10-02", "holiday", "国庆节"}, {"2026-10-03", "holiday", "国庆节"},
	{"2026-10-04", "holiday", "国庆节"}, {"2026-10-05", "holiday", "国庆节"}, {"2026-10-06", "holiday", "国庆节"},
	{"2026-10-07", "holiday", "国庆节"},
	{"2026-10-10", "workday", "国庆节调休上班"},
	{"2027-01-01", "holiday", "元旦（法定）"}, {"2027-01-02", "holiday", "元旦（假定）"},
	{"2027-01-03", "holiday", "元旦（假定）"},
};

/* ---- assistance programmes ---- */

struct standard_seed {
	struct l3 label;
	double amount;        /* < 0: no amount, the label says what applies */
	const char *unit;     /* machine unit: yuan_per_person_month, yuan_per_person_year, percent */
	int year;
};

struct programme_seed {
	const char *id;
	struct l3 name, summary, eligibility, documents, apply_at;
	struct standard_seed standards[4];
	const char *screener;  /* JSON rule tree (API.md, "Screener rules"); NULL: never suggested */
};

/*
 * Screener rules. The thresholds are the plan's 2020 figures; which tests stand for which legal
 * condition, and the derived figures (assets, low-income line), are assumptions of the demo,
 * listed in API.md: savings of 24 months of the dibao standard per person (21,600 yuan), the
 * low-income line at 1.5 times the dibao standard (1,350 yuan), living alone standing in for "no
 * one obliged to support", and age 80 for the old-age allowance.
 */
#define NAME_DIBAO_STANDARD "{\"zh-Hans\":\"低保标准\",\"zh-Hant\":\"低保標準\",\"en\":\"the dibao standard\"}"
#define NAME_LOW_INCOME_STANDARD                                                                                  \
	"{\"zh-Hans\":\"低收入家庭标准（低保标准的1.5倍）\",\"zh-Hant\":\"低收入家庭標準（低保標準的1.5倍）\","      \
	"\"en\":\"the low-income household standard (1.5 times the dibao standard)\"}"
#define TEST_BELOW_DIBAO \
	"{\"test\":\"income_per_person_below\",\"amount\":900,\"year\":2020,\"name\":" NAME_DIBAO_STANDARD "}"
#define TEST_BELOW_LOW_INCOME \
	"{\"test\":\"income_per_person_below\",\"amount\":1350,\"year\":2020,\"name\":" NAME_LOW_INCOME_STANDARD "}"
#define TEST_ASSETS "{\"test\":\"assets_within\",\"savings_per_person\":21600}"
#define TEST_MEMBER(kinds) "{\"test\":\"member\",\"kinds\":[" kinds "]}"
#define TEST_DISABILITY(grade) "{\"test\":\"disability\",\"grade_at_most\":" #grade "}"
#define TEST_HARDSHIP(kinds) "{\"test\":\"hardship\",\"kinds\":[" kinds "]}"
#define TEST_ALL(children) "{\"test\":\"all\",\"of\":[" children "]}"
#define TEST_ANY(children) "{\"test\":\"any\",\"of\":[" children "]}"

#define SCREENER_DIBAO TEST_ALL(TEST_BELOW_DIBAO "," TEST_ASSETS)
#define SCREENER_TEKUN                                                                                           \
	TEST_ALL(TEST_BELOW_DIBAO "," TEST_ASSETS ",{\"test\":\"household_size_at_most\",\"value\":1},"              \
		 TEST_ANY(TEST_MEMBER("\"age_60_plus\"") "," TEST_DISABILITY(4) "," TEST_MEMBER("\"child_without_carer\"")))
#define SCREENER_LINSHI TEST_HARDSHIP("\"illness\",\"accident\",\"disaster\"")
#define SCREENER_DISABILITY TEST_ANY(TEST_DISABILITY(2) "," TEST_ALL(TEST_DISABILITY(4) "," TEST_BELOW_LOW_INCOME))
#define SCREENER_ELDERLY TEST_MEMBER("\"age_80_plus\"")
#define SCREENER_CHILDREN TEST_MEMBER("\"child_without_carer\"")
#define SCREENER_MEDICAL TEST_ALL(TEST_BELOW_LOW_INCOME "," TEST_HARDSHIP("\"illness\""))
/* Spelled out rather than TEST_ALL inside TEST_ALL, which cppcheck's preprocessor cannot follow. */
#define HOME_AGED_AND_DISABLED \
	"{\"test\":\"all\",\"of\":[" TEST_MEMBER("\"age_60_plus\"") "," TEST_DISABILITY(4) "]}"
#define SCREENER_HOME \
	TEST_ALL(TEST_BELOW_DIBAO "," TEST_ANY(TEST_MEMBER("\"age_80_plus\"") "," HOME_AGED_AND_DISABLED))

static const struct programme_seed programmes[] = {
	{"dibao",
	 {"最低生活保障（低保）", "最低生活保障（低保）", "Minimum living allowance (dibao)"},
	 {"家庭人均收入低于当地低保标准、且家庭财产符合规定的困难家庭，可按月领取差额补助。",
	  "家庭人均收入低於當地低保標準、且家庭財產符合規定的困難家庭，可按月領取差額補助。",
	  "Households whose income per person is below the local standard, and whose assets are within the "
	  "limits, receive the difference every month."},
	 {"本区户籍；家庭人均月收入低于低保标准；家庭财产符合本地认定办法。以审核结果为准。",
	  "本區戶籍；家庭人均月收入低於低保標準；家庭財產符合本地認定辦法。以審核結果為準。",
	  "Registered residence in the district; monthly income per person below the standard; household assets "
	  "within the local rules. Only the official assessment decides."},
	 {"户口簿、家庭成员居民身份证；收入证明；银行账户；其他证明材料。",
	  "戶口簿、家庭成員居民身份證；收入證明；銀行賬戶；其他證明材料。",
	  "Household register and ID cards of all members; proof of income; a bank account; other supporting "
	  "papers."},
	 {"户籍所在地的街道办事处（江南、外海或礼乐街道）社会救助窗口，即受理低保、特困等救助申请的柜台。由共同生活的家庭成员书面申请；本人申请有困难的，可委托村（居）委会代为提出。",
	  "戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，即受理低保、特困等救助申請的櫃檯。由共同生活的家庭成員書面申請；本人申請有困難的，可委託村（居）委會代為提出。",
	  "The social assistance counter of the subdistrict office where the household is registered (Jiangnan, "
	  "Waihai or Lile): the counter that takes applications for dibao, tekun and other assistance. A "
	  "household member applies in writing; if that is hard, the village or residents' committee can apply "
	  "for you."},
	 {{{"城乡低保标准（城乡一体化）", "城鄉低保標準（城鄉一體化）", "Minimum living standard (urban and rural)"},
	   900, "yuan_per_person_month", 2020},
	  {{"城镇低保年人均保障水平", "城鎮低保年人均保障水平", "Urban dibao paid per person per year"},
	   11952, "yuan_per_person_year", 2020},
	  {{"农村低保年人均保障水平", "農村低保年人均保障水平", "Rural dibao paid per person per year"},
	   11652, "yuan_per_person_year", 2020}},
	 SCREENER_DIBAO},
	{"tekun",
	 {"特困人员救助供养", "特困人員救助供養", "Support for people in extreme poverty (tekun)"},
	 {"为无劳动能力、无生活来源、无法定赡养抚养扶养义务人（或其无履行能力）的老年人、残疾人和未成年人提供基本生活和照料护理。",
	  "為無勞動能力、無生活來源、無法定贍養撫養扶養義務人（或其無履行能力）的老年人、殘疾人和未成年人提供基本生活和照料護理。",
	  "Basic living support and care for older people, people with disabilities and minors who cannot work, "
	  "have no income and no one legally obliged (or able) to support them."},
	 {"年满60周岁的老年人、残疾人或未满18周岁的未成年人，同时符合“三无”条件。以审核结果为准。",
	  "年滿60周歲的老年人、殘疾人或未滿18周歲的未成年人，同時符合「三無」條件。以審核結果為準。",
	  "Aged 60 or over, disabled, or under 18, and meeting all three 'no' conditions. Only the official "
	  "assessment decides."},
	 {"户口簿、居民身份证；残疾人证（如有）；收入和财产情况说明。",
	  "戶口簿、居民身份證；殘疾人證（如有）；收入和財產情況說明。",
	  "Household register and ID card; disability certificate if any; a statement of income and assets."},
	 {"本人户籍所在地的街道办事处（江南、外海或礼乐街道）社会救助窗口，即受理低保、特困等救助申请的柜台。本人申请有困难的，可委托村（居）委会代为提出。",
	  "本人戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，即受理低保、特困等救助申請的櫃檯。本人申請有困難的，可委託村（居）委會代為提出。",
	  "The social assistance counter of the subdistrict office where you are registered (Jiangnan, Waihai "
	  "or Lile): the counter that takes applications for dibao, tekun and other assistance. If applying "
	  "yourself is hard, the village or residents' committee can apply for you."},
	 {{{"基本生活供养标准（低保标准的1.6倍）", "基本生活供養標準（低保標準的1.6倍）",
	    "Basic living support (1.6 times the dibao standard)"},
	   1440, "yuan_per_person_month", 2020},
	  {{"照料护理标准：全自理不低于当地最低工资标准的2%", "照料護理標準：全自理不低於當地最低工資標準的2%",
	    "Care allowance, fully self-reliant: at least 2% of the local minimum wage"},
	   2, "percent_of_minimum_wage", 2020},
	  {{"照料护理标准：半自理不低于当地最低工资标准的30%", "照料護理標準：半自理不低於當地最低工資標準的30%",
	    "Care allowance, partly dependent: at least 30% of the local minimum wage"},
	   30, "percent_of_minimum_wage", 2020},
	  {{"照料护理标准：全护理不低于当地最低工资标准的60%", "照料護理標準：全護理不低於當地最低工資標準的60%",
	    "Care allowance, fully dependent: at least 60% of the local minimum wage"},
	   60, "percent_of_minimum_wage", 2020}},
	 SCREENER_TEKUN},
	{"linshi",
	 {"临时救助", "臨時救助", "Temporary assistance"},
	 {"因火灾、交通事故、突发重病等意外，家庭基本生活暂时出现严重困难的，可申请一次性救助。",
	  "因火災、交通事故、突發重病等意外，家庭基本生活暫時出現嚴重困難的，可申請一次性救助。",
	  "A one-off payment for households thrown into severe hardship by an emergency such as a fire, an "
	  "accident or sudden serious illness."},
	 {"遭遇突发性、紧迫性、临时性生活困难的家庭或个人，非本区户籍人员也可向所在街道求助。",
	  "遭遇突發性、緊迫性、臨時性生活困難的家庭或個人，非本區戶籍人員也可向所在街道求助。",
	  "Any household or person in sudden, urgent hardship; people without local registration can also ask "
	  "their subdistrict office."},
	 {"居民身份证；困难情况说明及相关证明（如医疗费用单据）。",
	  "居民身份證；困難情況說明及相關證明（如醫療費用單據）。",
	  "ID card; a description of the hardship with evidence (such as medical bills)."},
	 {"户籍所在地或现居住地的街道办事处（江南、外海或礼乐街道）社会救助窗口，即受理救助申请的柜台。非本区户籍人员向现居住地的街道办事处申请。情况紧急的，可直接向村（居）委会或街道求助。",
	  "戶籍所在地或現居住地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，即受理救助申請的櫃檯。非本區戶籍人員向現居住地的街道辦事處申請。情況緊急的，可直接向村（居）委會或街道求助。",
	  "The social assistance counter of the subdistrict office (Jiangnan, Waihai or Lile) where you are "
	  "registered or where you live now: the counter that takes assistance applications. People registered "
	  "elsewhere apply at the office of the subdistrict they live in. In an emergency, ask the village or "
	  "residents' committee or the subdistrict office at once."},
	 {{{"救助金额按困难程度核定；规划未载明统一标准（2016–2020年共救助逾582人次）",
	    "救助金額按困難程度核定；規劃未載明統一標準（2016–2020年共救助逾582人次）",
	    "Amount set case by case; the plan states no fixed figure (over 582 cases helped in 2016–2020)"},
	   -1, "none", 2020}},
	 SCREENER_LINSHI},
	{"disability_subsidies",
	 {"残疾人两项补贴", "殘疾人兩項補貼", "The two disability allowances"},
	 {"困难残疾人生活补贴和重度残疾人护理补贴，按年度标准按月发放。",
	  "困難殘疾人生活補貼和重度殘疾人護理補貼，按年度標準按月發放。",
	  "A living allowance for people with disabilities on low incomes and a care allowance for people with "
	  "severe disabilities, paid monthly."},
	 {"持有第二代残疾人证；生活补贴面向低保家庭等困难残疾人；护理补贴面向一、二级重度残疾人。",
	  "持有第二代殘疾人證；生活補貼面向低保家庭等困難殘疾人；護理補貼面向一、二級重度殘疾人。",
	  "Holders of the (second-generation) disability certificate; the living allowance is for those on low "
	  "incomes, the care allowance for grade 1 and 2 disabilities."},
	 {"居民身份证；残疾人证；户口簿；银行账户。", "居民身份證；殘疾人證；戶口簿；銀行賬戶。",
	  "ID card; disability certificate; household register; a bank account."},
	 {"户籍所在地的街道办事处（江南、外海或礼乐街道）社会救助窗口，或街道残联（残疾人联合会）服务窗口。提交申请后，由残联核实残疾类别和等级，民政部门审核发放。",
	  "戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，或街道殘聯（殘疾人聯合會）服務窗口。提交申請後，由殘聯核實殘疾類別和等級，民政部門審核發放。",
	  "The social assistance counter of the subdistrict office where you are registered (Jiangnan, Waihai "
	  "or Lile), or the subdistrict's Disabled Persons' Federation counter. After you apply, the federation "
	  "confirms the kind and grade of the disability and the civil affairs office approves and pays."},
	 {{{"困难残疾人生活补贴", "困難殘疾人生活補貼", "Living allowance for people with disabilities on low incomes"},
	   2100, "yuan_per_person_year", 2020},
	  {{"重度残疾人护理补贴", "重度殘疾人護理補貼", "Care allowance for people with severe disabilities"},
	   2820, "yuan_per_person_year", 2020}},
	 SCREENER_DISABILITY},
	{"elderly_allowance",
	 {"高龄津贴", "高齡津貼", "Old-age allowance"},
	 {"为高龄老年人按月发放津贴。", "為高齡老年人按月發放津貼。", "A monthly allowance for people of advanced age."},
	 {"本区户籍高龄老年人（年龄档次以现行政策为准）。", "本區戶籍高齡老年人（年齡檔次以現行政策為準）。",
	  "Older residents registered in the district (age bands as set by current policy)."},
	 {"居民身份证；户口簿；银行账户。", "居民身份證；戶口簿；銀行賬戶。", "ID card; household register; a bank account."},
	 {"户籍所在地的街道办事处（江南、外海或礼乐街道）社会事务服务站，即办理高龄津贴申请和每年资格认证的窗口。行动不便的，可由家属代办或请村（居）委会协助。",
	  "戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會事務服務站，即辦理高齡津貼申請和每年資格認證的窗口。行動不便的，可由家屬代辦或請村（居）委會協助。",
	  "The social affairs service station of the subdistrict office where you are registered (Jiangnan, "
	  "Waihai or Lile): the counter for the old-age allowance and its yearly certification. If getting "
	  "there is hard, a family member can go for you or the village or residents' committee can help."},
	 {{{"规划未载明人均标准（2016–2020年累计发放约921万元）", "規劃未載明人均標準（2016–2020年累計發放約921萬元）",
	    "The plan states no per-person amount (about 9.21 million yuan paid in 2016–2020)"},
	   -1, "none", 2020}},
	 SCREENER_ELDERLY},
	{"children_allowance",
	 {"孤儿及事实无人抚养儿童基本生活保障", "孤兒及事實無人撫養兒童基本生活保障",
	  "Allowances for orphans and children without de facto care"},
	 {"为孤儿和父母无法履行抚养义务的儿童按月发放基本生活费。",
	  "為孤兒和父母無法履行撫養義務的兒童按月發放基本生活費。",
	  "A monthly living allowance for orphans and for children whose parents cannot care for them."},
	 {"未满18周岁的孤儿，或父母双方均符合重残、重病、服刑、失联等情形的儿童。",
	  "未滿18周歲的孤兒，或父母雙方均符合重殘、重病、服刑、失聯等情形的兒童。",
	  "Orphans under 18, or children both of whose parents are severely disabled, seriously ill, imprisoned, "
	  "missing or similar."},
	 {"儿童及监护人居民身份证、户口簿；父母情况证明。", "兒童及監護人居民身份證、戶口簿；父母情況證明。",
	  "ID cards and household register of the child and guardian; evidence of the parents' situation."},
	 {"儿童户籍所在地的街道办事处（江南、外海或礼乐街道）社会救助窗口，即受理救助申请的柜台。由监护人提出申请；村（居）委会的儿童主任可协助准备材料。",
	  "兒童戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，即受理救助申請的櫃檯。由監護人提出申請；村（居）委會的兒童主任可協助準備材料。",
	  "The social assistance counter of the subdistrict office where the child is registered (Jiangnan, "
	  "Waihai or Lile): the counter that takes assistance applications. The guardian applies; the "
	  "children's officer of the village or residents' committee can help prepare the papers."},
	 {{{"集中供养孤儿基本生活费", "集中供養孤兒基本生活費", "Orphans in institutional care"},
	   2200, "yuan_per_person_month", 2020},
	  {{"分散供养孤儿及事实无人抚养儿童基本生活费（规划指标表另列事实无人抚养儿童2373元/人·月）",
	    "分散供養孤兒及事實無人撫養兒童基本生活費（規劃指標表另列事實無人撫養兒童2373元/人·月）",
	    "Orphans in family care and children without de facto care (the plan's indicator table also lists "
	    "2,373 yuan for the latter)"},
	   1800, "yuan_per_person_month", 2020}},
	 SCREENER_CHILDREN},
	{"medical_assistance",
	 {"医疗救助", "醫療救助", "Medical assistance"},
	 {"帮助困难群众支付基本医保报销后仍需自付的医疗费用，并资助参加基本医疗保险。",
	  "幫助困難群眾支付基本醫保報銷後仍需自付的醫療費用，並資助參加基本醫療保險。",
	  "Helps people on low incomes pay what basic medical insurance leaves them to pay, and pays their "
	  "insurance contribution."},
	 {"低保对象、特困人员、低收入家庭成员等救助对象。", "低保對象、特困人員、低收入家庭成員等救助對象。",
	  "Recipients of dibao or tekun support, members of low-income households and similar groups."},
	 {"居民身份证；医疗费用发票及结算单；救助对象证明。", "居民身份證；醫療費用發票及結算單；救助對象證明。",
	  "ID card; medical invoices and insurance statements; proof of assistance status."},
	 {"户籍所在地的街道办事处（江南、外海或礼乐街道）社会救助窗口，即受理救助申请的柜台。低保、特困等救助对象在定点医院就医的，也可在医院“一站式”结算窗口直接结算，只付自付部分。",
	  "戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會救助窗口，即受理救助申請的櫃檯。低保、特困等救助對象在定點醫院就醫的，也可在醫院「一站式」結算窗口直接結算，只付自付部分。",
	  "The social assistance counter of the subdistrict office where you are registered (Jiangnan, Waihai "
	  "or Lile): the counter that takes assistance applications. People already receiving dibao, tekun or "
	  "similar support can also settle the bill at the designated hospital's one-stop counter and pay only "
	  "their own share."},
	 {{{"低保对象政策范围内门诊和住院自付费用救助比例", "低保對象政策範圍內門診和住院自付費用救助比例",
	    "Share of in-scope outpatient and inpatient costs covered for dibao recipients"},
	   100, "percent", 2020},
	  {{"重点对象政策范围内住院自付费用救助比率（实际值）", "重點對象政策範圍內住院自付費用救助比率（實際值）",
	    "Share of in-scope inpatient costs covered for priority groups (achieved)"},
	   90, "percent", 2020}},
	 SCREENER_MEDICAL},
	{"home_adaptation",
	 {"居家适老化改造", "居家適老化改造", "Home adaptation for older people"},
	 {"为有需要的困难老年人家庭加装扶手、防滑地面、紧急呼叫等设施。",
	  "為有需要的困難老年人家庭加裝扶手、防滑地面、緊急呼叫等設施。",
	  "Grab rails, non-slip floors, emergency call buttons and similar for older people's homes."},
	 {"纳入分散供养特困人员、城乡低保范围的高龄、失能、残疾老年人家庭，并逐步扩大到计生特殊家庭、独居、高龄等困难老年人。",
	  "納入分散供養特困人員、城鄉低保範圍的高齡、失能、殘疾老年人家庭，並逐步擴大到計生特殊家庭、獨居、高齡等困難老年人。",
	  "Homes of older people who are very old, dependent or disabled and receive tekun or dibao support; being "
	  "extended to other older people in difficulty."},
	 {"居民身份证；户口簿；救助对象证明；房屋情况说明。", "居民身份證；戶口簿；救助對象證明；房屋情況說明。",
	  "ID card; household register; proof of assistance status; a description of the home."},
	 {"户籍所在地的街道办事处（江南、外海或礼乐街道）社会事务服务站，或所在村（居）委会。登记改造需求后，由区民政局组织上门评估和施工。",
	  "戶籍所在地的街道辦事處（江南、外海或禮樂街道）社會事務服務站，或所在村（居）委會。登記改造需求後，由區民政局組織上門評估和施工。",
	  "The social affairs service station of the subdistrict office where you are registered (Jiangnan, "
	  "Waihai or Lile), or your village or residents' committee. Once the need is registered, the district "
	  "civil affairs bureau arranges a home assessment and the work."},
	 {{{"有需求有意愿对象的改造率目标", "有需求有意願對象的改造率目標", "Target share of willing households adapted"},
	   50, "percent", 2023},
	  {{"有需求有意愿对象的改造率目标", "有需求有意願對象的改造率目標", "Target share of willing households adapted"},
	   70, "percent", 2024},
	  {{"有需求有意愿对象的改造率目标", "有需求有意願對象的改造率目標", "Target share of willing households adapted"},
	   100, "percent", 2025}},
	 SCREENER_HOME},
};

/* ---- charity projects ---- */

/* Every project is run by the district charity federation. */
static const struct l3 organiser = {"江海区慈善会", "江海區慈善會", "Jianghai Charity Federation"};

struct project_seed {
	const char *id, *status;
	long long goal_yuan, raised_yuan;
	const char *ends;
	const char *icon;       /* community, elderly, children, emergency_call, home, relief, festival */
	int amount_decimals;    /* 2: yuan with jiao and fen; 0: whole yuan */
	struct l3 name, summary, description;
};

static const struct project_seed projects[] = {
	{"weishishi", "open", 300000, 126800, "2027-06-30", "community", 2,
	 {"慈善公益微实事", "慈善公益微實事", "Small good deeds library"},
	 {"村（居）提出、居民投票的小型公益项目：修路灯、长者饭堂添桌椅、儿童之家添图书。",
	  "村（居）提出、居民投票的小型公益項目：修路燈、長者飯堂添桌椅、兒童之家添圖書。",
	  "Small community projects proposed by villages and voted on by residents: street lights, chairs for "
	  "seniors' canteens, books for children's centres."},
	 {"“慈善公益微实事”是区慈善会的小型公益项目库：由村（居）提出需要，居民投票选出要做的事。常见的有修路灯、为长者饭堂添置桌椅、为儿童之家购买图书。每个项目完成后，开支和成效在村（居）公示。",
	  "「慈善公益微實事」是區慈善會的小型公益項目庫：由村（居）提出需要，居民投票選出要做的事。常見的有修路燈、為長者飯堂添置桌椅、為兒童之家購買圖書。每個項目完成後，開支和成效在村（居）公示。",
	  "The small good deeds library is the district charity's collection of small community projects: villages "
	  "and neighbourhoods propose them and residents vote on which to do. Typical ones fix street lights, add "
	  "tables and chairs to seniors' canteens or buy books for children's centres. When a project is finished, "
	  "its spending and results are posted in the village or neighbourhood."}},
	{"chongyang", "open", 200000, 158300, "2027-03-31", "elderly", 2,
	 {"重阳敬老·长者关爱", "重陽敬老·長者關愛", "Caring for our elders"},
	 {"为独居和困难长者送餐探访、节日慰问，延续各村（居）慈善联谊会的重阳敬老传统。",
	  "為獨居和困難長者送餐探訪、節日慰問，延續各村（居）慈善聯誼會的重陽敬老傳統。",
	  "Meal deliveries, visits and festival gifts for older people living alone, continuing the villages' "
	  "Double Ninth tradition."},
	 {"各村（居）慈善联谊会为独居、高龄和困难长者送餐、上门探访，并在节日送上慰问品。善款用于餐食、慰问品和志愿者探访的交通费用。探访全年进行，重阳节前后最为集中。",
	  "各村（居）慈善聯誼會為獨居、高齡和困難長者送餐、上門探訪，並在節日送上慰問品。善款用於餐食、慰問品和志願者探訪的交通費用。探訪全年進行，重陽節前後最為集中。",
	  "The villages' charity associations bring meals and visits to older people who live alone, are very old "
	  "or are on low incomes, with gifts at festival times. Donations pay for the meals, the gifts and "
	  "volunteers' travel. Visits go on all year, most of them around the Double Ninth Festival."}},
	{"lighthouse_children", "open", 500000, 212000, "2027-12-31", "children", 2,
	 {"灯塔惠童·困境儿童关爱", "燈塔惠童·困境兒童關愛", "Lighthouse: children in difficulty"},
	 {"为困境儿童提供学习用品、营养包和社工个案陪伴。", "為困境兒童提供學習用品、營養包和社工個案陪伴。",
	  "School supplies, nutrition packs and social-worker support for children in difficulty."},
	 {"为困境儿童、留守儿童和事实无人抚养儿童提供学习用品和营养包，并由社工一对一跟进、定期家访。物资每学期发放一次，社工服务逐个记录存档。",
	  "為困境兒童、留守兒童和事實無人撫養兒童提供學習用品和營養包，並由社工一對一跟進、定期家訪。物資每學期發放一次，社工服務逐個記錄存檔。",
	  "School supplies and nutrition packs for children in difficulty, left-behind children and children without "
	  "de facto care, with a social worker who follows each child and visits the family regularly. Supplies go "
	  "out once a school term, and the social work is recorded child by child."}},
	{"pingantong", "open", 150000, 61500, "2027-06-30", "emergency_call", 2,
	 {"平安通·长者紧急呼叫", "平安通·長者緊急呼叫", "Ping An Tong: emergency calls for elders"},
	 {"为困难独居长者安装紧急呼叫设备并承担首年服务费。", "為困難獨居長者安裝緊急呼叫設備並承擔首年服務費。",
	  "Emergency call devices and the first year's service for older people living alone on low incomes."},
	 {"为困难独居长者安装“平安通”紧急呼叫设备：按下按钮即可接通服务中心，必要时由中心通知家属和社区。善款承担设备费用和首年服务费。",
	  "為困難獨居長者安裝「平安通」緊急呼叫設備：按下按鈕即可接通服務中心，必要時由中心通知家屬和社區。善款承擔設備費用和首年服務費。",
	  "Ping An Tong emergency call devices for older people who live alone on low incomes: one press of the "
	  "button reaches the service centre, which alerts family and the community when needed. Donations pay for "
	  "the device and its first year of service."}},
	{"home_safety", "open", 400000, 97000, "2027-09-30", "home", 2,
	 {"适老改造·安居助老", "適老改造·安居助老", "Safe homes for older people"},
	 {"补充政府资金，为更多困难老人家庭加装扶手和防滑设施。", "補充政府資金，為更多困難老人家庭加裝扶手和防滑設施。",
	  "Adds to public funds so more older people's homes get grab rails and non-slip floors."},
	 {"在政府居家适老化改造资金之外，为更多困难老年人家庭加装扶手、防滑地面和夜间感应灯。改造前由专业人员上门评估，完工后回访使用情况。",
	  "在政府居家適老化改造資金之外，為更多困難老年人家庭加裝扶手、防滑地面和夜間感應燈。改造前由專業人員上門評估，完工後回訪使用情況。",
	  "On top of the public home-adaptation funds, fits grab rails, non-slip floors and night lights in more "
	  "homes of older people on low incomes. A specialist assesses each home first and checks back after the "
	  "work."}},
	{"emergency_relief", "open", 1000000, 583000, "2027-12-31", "relief", 0,
	 {"急难救助基金", "急難救助基金", "Emergency relief fund"},
	 {"三级慈善联动，对遭遇突发困难的家庭给予及时援助。", "三級慈善聯動，對遭遇突發困難的家庭給予及時援助。",
	  "District, subdistrict and village charities acting together to help families hit by sudden hardship."},
	 {"区、街道、村（居）三级慈善联动，对遭遇火灾、重病、意外等突发困难的家庭及时援助，与政府的临时救助相衔接。本基金按整元认捐。",
	  "區、街道、村（居）三級慈善聯動，對遭遇火災、重病、意外等突發困難的家庭及時援助，與政府的臨時救助相銜接。本基金按整元認捐。",
	  "District, subdistrict and village charities act together to help families hit by fire, serious illness, "
	  "accidents or other sudden hardship without delay, alongside the government's temporary assistance. "
	  "Pledges to this fund are in whole yuan."}},
	{"mid_autumn_2026", "closed", 80000, 80000, "2026-09-30", "festival", 2,
	 {"2026中秋助困（已结束）", "2026中秋助困（已結束）", "Mid-Autumn 2026 support (closed)"},
	 {"已完成募集，感谢各界爱心支持。", "已完成募集，感謝各界愛心支持。",
	  "Fully funded and closed. Thank you for your support."},
	 {"2026年中秋节前为困难家庭和独居长者送上月饼和慰问金。项目已完成募集并结束，感谢各界爱心支持。",
	  "2026年中秋節前為困難家庭和獨居長者送上月餅和慰問金。項目已完成募集並結束，感謝各界愛心支持。",
	  "Mooncakes and gifts of money for families in difficulty and older people living alone before the 2026 "
	  "Mid-Autumn Festival. The project is fully funded and closed. Thank you for your support."}},
};

/* ---- kiosk texts ---- */

/* A page, independent of any kiosk, where a pledge made offline can be found and paid once synced. */
#define PLEDGE_LOOKUP_URL "https://pay.jianghai-charity.example/pledge/lookup?kiosk={kiosk_id}&ref={reference}"

struct text_seed {
	const char *key;
	struct l3 t;
};

static const struct text_seed texts[] = {
	{"app.title", {"江海区民政自助服务", "江海區民政自助服務", "Jianghai Civil Affairs Self-Service"}},
	{"home.booking", {"婚姻登记预约", "婚姻登記預約", "Marriage registry appointments"}},
	{"home.assistance", {"社会救助查询", "社會救助查詢", "Social assistance"}},
	{"home.charity", {"慈善认捐", "慈善認捐", "Charity pledges"}},
	{"booking.provisional",
	 {"网络暂不可用，预约已暂存，待系统确认后生效。", "網絡暫不可用，預約已暫存，待系統確認後生效。",
	  "The network is unavailable. Your booking is saved and becomes final once the system confirms it."}},
	{"booking.cancel_deadline", {"最迟可在预约日前一天取消。", "最遲可在預約日前一天取消。",
				     "You can cancel up to the day before your appointment."}},
	{"booking.cross_border",
	 {"一方为港澳台居民或外国人的婚姻登记，请到指定登记机关办理。",
	  "一方為港澳台居民或外國人的婚姻登記，請到指定登記機關辦理。",
	  "If one party is from Hong Kong, Macau, Taiwan or abroad, please go to the designated registry."}},
	{"assistance.screener_disclaimer",
	 {"此结果仅供参考，不是审批决定；是否符合条件以民政部门审核为准。",
	  "此結果僅供參考，不是審批決定；是否符合條件以民政部門審核為準。",
	  "This is only an indication, not a decision. Eligibility is decided by the civil affairs bureau."}},
	{"assistance.rate_limited",
	 {"查询未成功的次数过多，暂时不能继续查询。请到服务窗口，由工作人员协助查询。",
	  "查詢未成功的次數過多，暫時不能繼續查詢。請到服務窗口，由工作人員協助查詢。",
	  "Too many unsuccessful lookups, so lookups are paused for now. Please ask at the service counter; staff "
	  "will look it up with you."}},
	{"assistance.offline", {"暂时无法连接民政系统，请稍后再查或咨询工作人员。", "暫時無法連接民政系統，請稍後再查或諮詢工作人員。",
				 "We cannot reach the civil affairs system right now. Please try later or ask staff."}},
	{"pledge.terms",
	 {"认捐为自愿行为。本机不收取银行卡信息；请扫描二维码在7日内完成捐赠。捐款将用于所选项目，受江海区慈善会监督并依法公开。",
	  "認捐為自願行為。本機不收取銀行卡信息；請掃描二維碼在7日內完成捐贈。捐款將用於所選項目，受江海區慈善會監督並依法公開。",
	  "A pledge is voluntary. This kiosk never takes card details: scan the QR code to pay within 7 days. "
	  "Donations go to the chosen project, overseen by the Jianghai Charity Federation and published as the "
	  "law requires."}},
	{"pledge.thanks", {"感谢您的爱心！", "感謝您的愛心！", "Thank you for your kindness!"}},
	{"pledge.withdraw_note",
	 {"认捐后10分钟内，可凭认捐编号在任意一台自助机撤回认捐。", "認捐後10分鐘內，可憑認捐編號在任意一台自助機撤回認捐。",
	  "Changed your mind? Within 10 minutes you can withdraw the pledge at any kiosk with its reference."}},
	/* A URL template, the same in every language; the kiosk fills {kiosk_id} and {reference}. */
	{"pledge.lookup_url", {PLEDGE_LOOKUP_URL, PLEDGE_LOOKUP_URL, PLEDGE_LOOKUP_URL}},
	{"privacy.notice",
	 {"您的个人信息仅用于本次办理，加密保存，按规定期限后删除。", "您的個人信息僅用於本次辦理，加密保存，按規定期限後刪除。",
	  "Your personal data is used only for this request, stored encrypted and deleted after the retention "
	  "period."}},
	{"help.call_staff", {"呼叫工作人员", "呼叫工作人員", "Call staff"}},
	{"help.coming", {"工作人员马上就到，请稍候。", "工作人員馬上就到，請稍候。", "A member of staff is on the way."}},
	{"session.timeout_warning", {"长时间未操作，即将返回首页。", "長時間未操作，即將返回首頁。",
				     "No activity for a while; returning to the start screen soon."}},
};

/* ---- sample applications (document numbers are test data with valid check digits, checked when seeding) ---- */

struct application_seed {
	const char *number, *programme, *id_number, *phone, *state, *submitted, *updated;
	struct l3 reason;            /* rejected, suspended, terminated; hans NULL otherwise */
	int certification_due_days;  /* certification_due: due this many days after the seed day; else 0 */
};

static const struct application_seed applications[] = {
	{"JHJZ2026-0001", "dibao", "440704195803120021", "13800000001", "approved", "2026-09-02T10:15:00+08:00",
	 "2026-10-10T16:00:00+08:00", {NULL, NULL, NULL}, 0},
	{"JHJZ2026-0002", "disability_subsidies", "440704197506230039", "13800000002", "under_review",
	 "2026-11-03T09:40:00+08:00", "2026-11-12T11:20:00+08:00", {NULL, NULL, NULL}, 0},
	{"JHJZ2026-0003", "linshi", "440704199008150043", "13800000003", "documents_required",
	 "2026-11-18T14:05:00+08:00", "2026-11-20T15:30:00+08:00", {NULL, NULL, NULL}, 0},
	{"JHJZ2026-0004", "tekun", "44070419481120006X", "13800000004", "submitted", "2026-11-26T10:00:00+08:00",
	 "2026-11-26T10:00:00+08:00", {NULL, NULL, NULL}, 0},
	{"JHJZ2026-0005", "dibao", "440704196501010016", "13800000005", "rejected", "2026-07-01T09:00:00+08:00",
	 "2026-08-15T17:00:00+08:00",
	 {"家庭人均收入高于低保标准。", "家庭人均收入高於低保標準。",
	  "The household's income per person is above the dibao standard."}, 0},
	{"JHJZ2026-0006", "tekun", "440704195104180033", "13800000006", "household_survey", "2026-11-10T09:30:00+08:00",
	 "2026-11-19T10:00:00+08:00", {NULL, NULL, NULL}, 0},
	{"JHJZ2026-0007", "dibao", "440704198311090042", "13800000007", "public_notice", "2026-10-20T10:00:00+08:00",
	 "2026-11-24T09:00:00+08:00", {NULL, NULL, NULL}, 0},
	/* The allowance was granted when he turned 80; this year's certification is due in 3 weeks. */
	{"JHJZ2026-0008", "elderly_allowance", "440704194503150013", "13800000008", "certification_due",
	 "2025-03-18T10:00:00+08:00", NULL, {NULL, NULL, NULL}, 21},
	{"JHJZ2026-0009", "elderly_allowance", "440704194406020014", "13800000009", "suspended",
	 "2024-06-11T09:00:00+08:00", "2026-10-08T09:00:00+08:00",
	 {"未按期完成年度资格认证。", "未按期完成年度資格認證。", "This year's certification was not completed in time."},
	 0},
	{"JHJZ2026-0010", "disability_subsidies", "440704196907250052", "13800000010", "terminated",
	 "2022-05-06T15:00:00+08:00", "2026-09-15T16:00:00+08:00",
	 {"本人户籍已迁出本区。", "本人戶籍已遷出本區。", "Your household registration has moved out of the district."},
	 0},
};

/* ---- writers ---- */

static int insert_doc(sqlite3 *db, const char *sql, const char *id, int sort, cJSON *doc)
{
	int result = -1;
	char *text = cJSON_PrintUnformatted(doc);
	sqlite3_stmt *stmt = store_prepare(db, sql);
	if (text == NULL || stmt == NULL || sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(stmt, 2, sort) != SQLITE_OK || sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC) != SQLITE_OK)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		log_error("seed: %s", sqlite3_errmsg(db));
		goto out;
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	cJSON_free(text);
	return result;
}

static int seed_services(sqlite3 *db)
{
	for (size_t i = 0; i < sizeof(services) / sizeof(services[0]); i++) {
		const struct service_seed *s = &services[i];
		char sql[256];
		cJSON *doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "id", s->id);
		cJSON_AddItemToObject(doc, "name", l3_json(s->name));
		cJSON_AddItemToObject(doc, "description", l3_json(s->description));
		cJSON_AddItemToObject(doc, "documents", l3_json(s->documents));
		cJSON_AddNumberToObject(doc, "parties_min", s->parties_min);
		cJSON_AddNumberToObject(doc, "parties_max", s->parties_max);
		cJSON_AddNumberToObject(doc, "slot_minutes", 30);
		snprintf(sql, sizeof(sql),
			 "INSERT INTO services(id, sort, doc, kind, parties_min, parties_max) VALUES(?1, ?2, ?3, '%s', %d, %d)",
			 s->kind, s->parties_min, s->parties_max);
		int rc = insert_doc(db, sql, s->id, (int)i, doc);
		cJSON_Delete(doc);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int seed_office_services(sqlite3 *db, const struct office_seed *o, int slot_capacity)
{
	char buf[512];
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT INTO office_services(office_id, service_id, capacity) VALUES(?1, ?2, ?3)");
	snprintf(buf, sizeof(buf), "%s", o->services);
	if (stmt == NULL)
		goto out;
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');
		if (colon == NULL)
			goto out;
		*colon = '\0';
		int cap = slot_capacity > 0 ? slot_capacity : atoi(colon + 1);
		if (sqlite3_reset(stmt) != SQLITE_OK || sqlite3_bind_text(stmt, 1, o->id, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, tok, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
		    sqlite3_bind_int(stmt, 3, cap) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_DONE) {
			log_error("seed: %s", sqlite3_errmsg(db));
			goto out;
		}
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

static cJSON *sessions_json(const struct session *s, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++) {
		char v[16];
		cJSON *o = cJSON_CreateObject();
		snprintf(v, sizeof(v), "%02d:%02d", s[i].start_min / 60, s[i].start_min % 60);
		cJSON_AddStringToObject(o, "open", v);
		snprintf(v, sizeof(v), "%02d:%02d", s[i].end_min / 60, s[i].end_min % 60);
		cJSON_AddStringToObject(o, "close", v);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static int seed_offices(sqlite3 *db, int slot_capacity)
{
	for (size_t i = 0; i < sizeof(offices) / sizeof(offices[0]); i++) {
		const struct office_seed *o = &offices[i];
		char sql[160];
		cJSON *doc = cJSON_CreateObject(), *hours = NULL, *svc = NULL;
		cJSON_AddStringToObject(doc, "id", o->id);
		cJSON_AddItemToObject(doc, "name", l3_json(o->name));
		cJSON_AddItemToObject(doc, "address", l3_json(o->address));
		cJSON_AddStringToObject(doc, "phone", o->phone);
		cJSON_AddItemToObject(doc, "hours_text", l3_json(o->hours_text));
		cJSON_AddBoolToObject(doc, "bookable", o->bookable);
		cJSON_AddStringToObject(doc, "role", o->bookable ? "service_point" : "designated_cross_border_registry");
		if (o->bookable) {
			cJSON_AddNumberToObject(doc, "booking_window_days", o->window_days);
			hours = cJSON_AddObjectToObject(doc, "opening_hours");
			cJSON *empty = cJSON_CreateArray();
			cJSON_AddItemToObject(hours, "mon", sessions_json(weekday_sessions, 2));
			cJSON_AddItemToObject(hours, "tue", sessions_json(weekday_sessions, 2));
			cJSON_AddItemToObject(hours, "wed", sessions_json(weekday_sessions, 2));
			cJSON_AddItemToObject(hours, "thu", sessions_json(weekday_sessions, 2));
			cJSON_AddItemToObject(hours, "fri", sessions_json(weekday_sessions, 2));
			cJSON_AddItemToObject(hours, "sat", sessions_json(saturday_sessions, 1));
			cJSON_AddItemToObject(hours, "sun", empty);
			cJSON_AddStringToObject(doc, "closed_on", "sundays_and_public_holidays");
		}
		svc = cJSON_AddArrayToObject(doc, "services");
		char buf[512];
		snprintf(buf, sizeof(buf), "%s", o->services);
		for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *colon = strchr(tok, ':');
			if (colon != NULL)
				*colon = '\0';
			cJSON_AddItemToArray(svc, cJSON_CreateString(tok));
		}
		snprintf(sql, sizeof(sql), "INSERT INTO offices(id, sort, doc, window_days) VALUES(?1, ?2, ?3, %d)",
			 o->window_days);
		int rc = insert_doc(db, sql, o->id, (int)i, doc);
		cJSON_Delete(doc);
		if (rc != 0 || seed_office_services(db, o, slot_capacity) != 0)
			return -1;
	}
	return 0;
}

static int seed_holidays(sqlite3 *db)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT INTO holidays(date, kind, name) VALUES(?1, ?2, ?3)");
	if (stmt == NULL)
		goto out;
	for (size_t i = 0; i < sizeof(holidays) / sizeof(holidays[0]); i++) {
		if (sqlite3_reset(stmt) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 1, holidays[i].date, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, holidays[i].kind, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 3, holidays[i].name, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_DONE) {
			log_error("seed: %s", sqlite3_errmsg(db));
			goto out;
		}
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

/* 'holiday', 'workday' (a make-up working day) or NULL for an ordinary day. */
static const char *holiday_kind(const char *date)
{
	for (size_t i = 0; i < sizeof(holidays) / sizeof(holidays[0]); i++)
		if (strcmp(holidays[i].date, date) == 0)
			return holidays[i].kind;
	return NULL;
}

static int seed_slots(sqlite3 *db, long today_days)
{
	int result = -1;
	sqlite3_stmt *sel = store_prepare(db, "SELECT office_id, service_id, capacity FROM office_services ORDER BY office_id, service_id");
	sqlite3_stmt *ins = store_prepare(db, "INSERT INTO slots(office_id, service_id, date, start, end, capacity)"
					      " VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
	int rc;
	if (sel == NULL || ins == NULL)
		goto out;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *office = (const char *)sqlite3_column_text(sel, 0);
		const char *service = (const char *)sqlite3_column_text(sel, 1);
		int cap = sqlite3_column_int(sel, 2);
		for (long day = today_days + 1; day <= today_days + 60; day++) {
			struct civil_date d = date_from_days(day);
			char date[16];
			date_format(d, date, sizeof(date));
			const char *kind = holiday_kind(date);
			int wd = date_weekday(d);
			const struct session *sessions = weekday_sessions;
			size_t n = 2;
			if (kind != NULL && strcmp(kind, "holiday") == 0)
				continue;
			if (kind == NULL && wd == 0)
				continue;
			if (kind == NULL && wd == 6) {
				sessions = saturday_sessions;
				n = 1;
			}
			for (size_t s = 0; s < n; s++) {
				for (int m = sessions[s].start_min; m + 30 <= sessions[s].end_min; m += 30) {
					char start[16], end[16];
					snprintf(start, sizeof(start), "%02d:%02d", m / 60, m % 60);
					snprintf(end, sizeof(end), "%02d:%02d", (m + 30) / 60, (m + 30) % 60);
					if (sqlite3_reset(ins) != SQLITE_OK ||
					    sqlite3_bind_text(ins, 1, office, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
					    sqlite3_bind_text(ins, 2, service, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
					    sqlite3_bind_text(ins, 3, date, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
					    sqlite3_bind_text(ins, 4, start, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
					    sqlite3_bind_text(ins, 5, end, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
					    sqlite3_bind_int(ins, 6, cap) != SQLITE_OK || sqlite3_step(ins) != SQLITE_DONE) {
						log_error("seed: %s", sqlite3_errmsg(db));
						goto out;
					}
				}
			}
		}
	}
	if (rc != SQLITE_DONE)
		goto out;
	result = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return result;
}

static int seed_programmes(sqlite3 *db)
{
	for (size_t i = 0; i < sizeof(programmes) / sizeof(programmes[0]); i++) {
		const struct programme_seed *p = &programmes[i];
		cJSON *doc = cJSON_CreateObject(), *arr, *rule;
		char url[160], why[128];
		cJSON_AddStringToObject(doc, "id", p->id);
		cJSON_AddItemToObject(doc, "name", l3_json(p->name));
		cJSON_AddItemToObject(doc, "summary", l3_json(p->summary));
		cJSON_AddItemToObject(doc, "eligibility", l3_json(p->eligibility));
		cJSON_AddItemToObject(doc, "documents", l3_json(p->documents));
		arr = cJSON_AddArrayToObject(doc, "standards");
		for (size_t k = 0; k < 4 && p->standards[k].label.hans != NULL; k++) {
			const struct standard_seed *s = &p->standards[k];
			cJSON *o = cJSON_CreateObject();
			cJSON_AddItemToObject(o, "label", l3_json(s->label));
			if (s->amount >= 0)
				cJSON_AddNumberToObject(o, "amount", s->amount);
			else
				cJSON_AddNullToObject(o, "amount");
			cJSON_AddStringToObject(o, "unit", s->unit);
			cJSON_AddNumberToObject(o, "year", s->year);
			cJSON_AddStringToObject(o, "source", PLAN_SOURCE);
			cJSON_AddItemToArray(arr, o);
		}
		cJSON_AddItemToObject(doc, "apply_at", l3_json(p->apply_at));
		snprintf(url, sizeof(url), OFFICIAL_URL_BASE "%s", p->id);
		cJSON_AddStringToObject(doc, "official_url", url);
		rule = p->screener ? cJSON_Parse(p->screener) : cJSON_CreateNull();
		if (rule == NULL || screener_rules_check(rule, why, sizeof(why)) != 0) {
			log_error("seed: programme %s: screener rule %s", p->id, rule ? why : "is not JSON");
			cJSON_Delete(rule);
			cJSON_Delete(doc);
			return -1;
		}
		cJSON_AddItemToObject(doc, "screener", rule);
		cJSON_AddItemToObject(doc, "disclaimer",
				      l3_json((struct l3){"仅供参考，以民政部门审核为准。", "僅供參考，以民政部門審核為準。",
							  "For information only; the civil affairs bureau decides."}));
		int rc = insert_doc(db, "INSERT INTO programmes(id, sort, doc) VALUES(?1, ?2, ?3)", p->id, (int)i, doc);
		cJSON_Delete(doc);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int seed_projects(sqlite3 *db, long long now)
{
	for (size_t i = 0; i < sizeof(projects) / sizeof(projects[0]); i++) {
		const struct project_seed *p = &projects[i];
		char sql[320];
		cJSON *doc = cJSON_CreateObject();
		cJSON_AddStringToObject(doc, "id", p->id);
		cJSON_AddItemToObject(doc, "name", l3_json(p->name));
		cJSON_AddItemToObject(doc, "summary", l3_json(p->summary));
		cJSON_AddItemToObject(doc, "description", l3_json(p->description));
		cJSON_AddStringToObject(doc, "icon", p->icon);
		cJSON_AddItemToObject(doc, "organiser", l3_json(organiser));
		cJSON_AddStringToObject(doc, "ends_on", p->ends);
		/* Pledge limits: 1 to 1,000,000 yuan for every demo project. */
		snprintf(sql, sizeof(sql),
			 "INSERT INTO projects(id, sort, doc, status, goal_fen, raised_fen, amount_min_fen, amount_max_fen,"
			 " amount_decimals, figures_at) VALUES(?1, ?2, ?3, '%s', %lld, %lld, 100, 100000000, %d, %lld)",
			 p->status, p->goal_yuan * 100, p->raised_yuan * 100, p->amount_decimals, now);
		int rc = insert_doc(db, sql, p->id, (int)i, doc);
		cJSON_Delete(doc);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int seed_texts(sqlite3 *db)
{
	int result = -1;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT INTO texts(key, sort, hans, hant, en) VALUES(?1, ?2, ?3, ?4, ?5)");
	if (stmt == NULL)
		goto out;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		if (sqlite3_reset(stmt) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 1, texts[i].key, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int(stmt, 2, (int)i) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 3, texts[i].t.hans, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 4, texts[i].t.hant, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 5, texts[i].t.en, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_DONE) {
			log_error("seed: %s", sqlite3_errmsg(db));
			goto out;
		}
	}
	result = 0;
out:
	sqlite3_finalize(stmt);
	return result;
}

static int seed_applications(struct store *store, sqlite3 *db, long today_days)
{
	int result = -1;
	char *reason = NULL;
	sqlite3_stmt *stmt = store_prepare(db, "INSERT INTO applications(number, programme_id, doc_hash, phone_hash,"
					       " state, submitted_at, updated_at, reason, certification_due_on)"
					       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (stmt == NULL)
		goto out;
	for (size_t i = 0; i < sizeof(applications) / sizeof(applications[0]); i++) {
		const struct application_seed *a = &applications[i];
		char doc_hash[65], phone_hash[65], updated[40], due[16];
		if (id_document_validate(ID_DOCUMENT_RESIDENT_ID, a->id_number, NULL) != ID_DOCUMENT_OK) {
			log_error("seed: application %s has an invalid ID number", a->number);
			goto out;
		}
		store_pii_hash(store, a->id_number, doc_hash);
		store_pii_hash(store, a->phone, phone_hash);
		cJSON_free(reason);
		reason = NULL;
		if (a->reason.hans != NULL) {
			cJSON *t = l3_json(a->reason);
			reason = cJSON_PrintUnformatted(t);
			cJSON_Delete(t);
			if (reason == NULL)
				goto out;
		}
		/* A certification falls due some days after the seed day; its notice went out 9 days before it. */
		if (a->certification_due_days > 0)
			date_format(date_from_days(today_days + a->certification_due_days), due, sizeof(due));
		if (a->updated != NULL)
			snprintf(updated, sizeof(updated), "%s", a->updated);
		else
			clock_format_iso((long long)(today_days - 9) * 86400 + 3600, updated, sizeof(updated));
		if (sqlite3_reset(stmt) != SQLITE_OK || sqlite3_bind_text(stmt, 1, a->number, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 2, a->programme, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 3, doc_hash, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 4, phone_hash, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 5, a->state, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 6, a->submitted, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 7, updated, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
		    (reason ? sqlite3_bind_text(stmt, 8, reason, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, 8)) != SQLITE_OK ||
		    (a->certification_due_days > 0 ? sqlite3_bind_text(stmt, 9, due, -1, SQLITE_TRANSIENT)
						   : sqlite3_bind_null(stmt, 9)) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_DONE) {
			log_error("seed: %s", sqlite3_errmsg(db));
			goto out;
		}
	}
	result = 0;
out:
	cJSON_free(reason);
	sqlite3_finalize(stmt);
	return result;
}

int seed_demo_run(struct store *store, long long now, int slot_capacity, bool hans_only)
{
	hans_only_texts = hans_only;
	char marker[64], date[16];
	long today_days = date_to_days(clock_beijing_date(now));
	int result = -1;
	sqlite3 *db = store_lock(store);
	if (store_begin(db) != 0)
		goto out;
	if (store_meta_get(db, "seed", marker, sizeof(marker)) == 0) {
		log_info("demo data already present (seeded %s), not seeding again", marker);
		store_rollback(db);
		result = 0;
		goto out;
	}
	date_format(date_from_days(today_days), date, sizeof(date));
	if (seed_services(db) != 0 || seed_offices(db, slot_capacity) != 0 || seed_holidays(db) != 0 ||
	    seed_slots(db, today_days) != 0 || seed_programmes(db) != 0 || seed_projects(db, now) != 0 ||
	    seed_texts(db) != 0 || seed_applications(store, db, today_days) != 0 || store_meta_set(db, "seed", date) != 0) {
		store_rollback(db);
		log_error("seeding demo data failed");
		goto out;
	}
	if (store_commit(db) != 0) {
		store_rollback(db);
		goto out;
	}
	log_info("seeded demo data: slots from the day after %s for 60 days", date);
	result = 0;
out:
	store_unlock(store);
	return result;
}
