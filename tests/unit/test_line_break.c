/* Line-break opportunities for Chinese, mixed and English text, including the punctuation rules:
 * no line starts with ，。、；：？！）」』》 and none ends with （「『《. */
#include <stdlib.h>

#include "check.h"
#include "core/utf8.h"
#include "text/line_break.h"

/* Renders the opportunities as the text with '|' where a break is allowed, '!' where it is forced. */
static const char *marks(const char *text, const char *lang)
{
	static char out[2048];
	size_t len = strlen(text), n = utf8_count(text, len);
	uint8_t *brk = malloc(n + 1);
	line_break_compute(text, len, lang, brk);
	size_t at = 0, o = 0, used;
	for (size_t i = 0; i < n; i++) {
		utf8_decode(text + at, len - at, &used);
		memcpy(out + o, text + at, used);
		o += used;
		at += used;
		if (i + 1 < n && brk[i] == LINE_BREAK_ALLOW)
			out[o++] = '|';
		if (brk[i] == LINE_BREAK_MUST)
			out[o++] = '!';
	}
	out[o] = '\0';
	free(brk);
	return out;
}

int main(void)
{
	/* Chinese: between any two ideographs, never before closing or after opening punctuation. */
	CHECK_STR(marks("您好，请选择业务。", "zh-Hans"), "您|好，|请|选|择|业|务。");
	CHECK_STR(marks("办理（结婚）登记", "zh-Hans"), "办|理|（结|婚）|登|记");
	CHECK_STR(marks("他说：「可以！」好", "zh-Hans"), "他|说：|「可|以！」|好");
	CHECK_STR(marks("《条例》、规定；", "zh-Hans"), "《条|例》、|规|定；");
	CHECK_STR(marks("真的？是的", "zh-Hans"), "真|的？|是|的");
	CHECK_STR(marks("『重要』通知", "zh-Hant"), "『重|要』|通|知");
	/* Mixed: Latin words and numbers stay whole, a break may fall around them. */
	CHECK_STR(marks("低保900元每月", "zh-Hans"), "低|保|900|元|每|月");
	CHECK_STR(marks("请带上ID card和户口本", "zh-Hans"), "请|带|上|ID |card|和|户|口|本");
	CHECK_STR(marks("温度25℃，¥100", "zh-Hans"), "温|度|25℃，|¥100");
	/* English: only at spaces (and after hyphens). */
	CHECK_STR(marks("Book an appointment", "en"), "Book |an |appointment");
	CHECK_STR(marks("self-service kiosk", "en"), "self-|service |kiosk");
	/* Forced breaks at newlines; the end of the text is not one. */
	CHECK_STR(marks("第一行\n第二行", "zh-Hans"), "第|一|行\n!第|二|行");
	CHECK_STR(marks("", "zh-Hans"), "");
	/* Ellipsis pairs stay together and do not start a line. */
	CHECK_STR(marks("等等……好", "zh-Hans"), "等|等……|好");
	/* Damaged UTF-8 is read as the layout reads it, one U+FFFD per bad byte: no forced break inside
	 * the text (libunibreak's own decoder ended the text at a cut sequence, forcing a break after
	 * "b", and let a bad lead byte swallow the next letter). Found by fuzz/fuzz_text_layout. */
	CHECK(strchr(marks("ab\xe4\xb8", "en"), '!') == NULL);
	CHECK(strchr(marks("\xc3" "fr\xe0", "en"), '!') == NULL);
	CHECK_STR(marks("第一\xe4\xb8", "zh-Hans"), "第|一|\xe4|\xb8");
	/* Longer than the stack buffers: the same rules. */
	char long_text[3 * 300 + 1], expected[4 * 300 + 1];
	size_t o = 0, e = 0;
	for (int i = 0; i < 300; i++) {
		memcpy(long_text + o, "好", 3);
		o += 3;
		memcpy(expected + e, i + 1 < 300 ? "好|" : "好", i + 1 < 300 ? 4 : 3);
		e += i + 1 < 300 ? 4 : 3;
	}
	long_text[o] = expected[e] = '\0';
	CHECK_STR(marks(long_text, "zh-Hans"), expected);
	/* A flag emoji (two regional indicators) inside a text made Debian's libunibreak abort the kiosk
	 * on an assertion (found by fuzz/fuzz_text_layout). A flag keeps to its word like letters do. */
	CHECK_STR(marks("国旗🇨🇳:红色", "zh-Hans"), "国|旗|🇨🇳:|红|色");
	CHECK_STR(marks("a🇻a 🇨🇳 x\xef\xbf\xbfy", "en"), "a🇻a |🇨🇳 |x\xef\xbf\xbfy");
	/* Every code point, each followed by a letter, in one text: none may stop the kiosk. */
	char *all = malloc(0x110000 * 5);
	size_t at = 0;
	for (uint32_t cp = 1; cp < 0x110000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		at += utf8_encode(cp, all + at);
		all[at++] = 'a';
	}
	size_t n = utf8_count(all, at);
	uint8_t *brk = malloc(n);
	line_break_compute(all, at, "zh-Hans", brk);
	line_break_compute(all, at, "en", brk);
	CHECK_INT(n, 2 * (0x110000 - 1 - 0x800));
	free(brk);
	free(all);
	return check_exit();
}
