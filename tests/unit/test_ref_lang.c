/* Reference data in three languages (data/ref_hant.c, data/ref_json.c): a text object without zh-Hant
 * gets OpenCC s2hk's Hong Kong Traditional (説明, 裏面: s2hk's forms, not Taiwan's), an existing or
 * English text is left as the backend wrote it, plain strings (ids, names, numbers) are never
 * converted, deep nesting is reached; nothing to fill or a body that is not JSON gives NULL (the
 * original is kept); and the result read back through ref_json_text in each language, English falling
 * back to Chinese when the backend has none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "data/ref_hant.h"
#include "data/ref_json.h"

static const char *text_at(const cJSON *root, const char *path_id, const char *member, const char *lang)
{
	const cJSON *item;
	cJSON_ArrayForEach(item, ref_json_items(root))
	{
		const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
		if (cJSON_IsString(id) && strcmp(id->valuestring, path_id) == 0) {
			const cJSON *m = cJSON_GetObjectItemCaseSensitive(item, member);
			if (!lang)
				return cJSON_IsString(m) ? m->valuestring : NULL;
			const cJSON *t = cJSON_GetObjectItemCaseSensitive(m, lang);
			return cJSON_IsString(t) ? t->valuestring : NULL;
		}
	}
	return NULL;
}

static void test_fill(void)
{
	const char *json = "{\"items\":["
			   "{\"id\":\"a\",\"name\":{\"zh-Hans\":\"结婚登记\",\"en\":\"Marriage registration\"}},"
			   "{\"id\":\"b\",\"name\":{\"zh-Hans\":\"离婚登记\",\"zh-Hant\":\"離婚登記（後台寫的）\"}},"
			   "{\"id\":\"c\",\"name\":{\"zh-Hans\":\"颁证\",\"zh-Hant\":\"\",\"en\":\"\"}},"
			   "{\"id\":\"d\",\"name\":\"张三说明\",\"office\":\"里面\"},"
			   "{\"id\":\"e\",\"name\":{\"zh-Hans\":\"说明\",\"zh-Hant\":null},"
			   "\"deep\":{\"more\":[{\"zh-Hans\":\"里面\"}]}},"
			   "{\"id\":\"f\",\"name\":{\"zh-Hans\":\"\",\"en\":\"Only English\"}}]}";
	size_t len = 0;
	int filled = -1;
	char *out = ref_hant_fill(json, strlen(json), &len, &filled);
	if (!CHECK(out != NULL))
		return;
	CHECK_INT(filled, 4);
	CHECK_INT(len, strlen(out));
	cJSON *root = cJSON_Parse(out);
	if (!CHECK(root != NULL)) {
		free(out);
		return;
	}
	CHECK_STR(text_at(root, "a", "name", "zh-Hant"), "結婚登記");
	CHECK_STR(text_at(root, "a", "name", "en"), "Marriage registration");
	CHECK_STR(text_at(root, "a", "name", "zh-Hans"), "结婚登记");
	CHECK_STR(text_at(root, "b", "name", "zh-Hant"), "離婚登記（後台寫的）"); /* the backend's own, kept */
	CHECK_STR(text_at(root, "c", "name", "zh-Hant"), "頒證");
	CHECK_STR(text_at(root, "c", "name", "en"), "");
	CHECK_STR(text_at(root, "d", "name", NULL), "张三说明"); /* a plain string may be a person's name */
	CHECK_STR(text_at(root, "d", "office", NULL), "里面");
	CHECK_STR(text_at(root, "e", "name", "zh-Hant"), "説明"); /* Hong Kong's form */
	CHECK(strstr(out, "{\"zh-Hans\":\"里面\",\"zh-Hant\":\"裏面\"}") != NULL);
	CHECK(text_at(root, "f", "name", "zh-Hant") == NULL); /* nothing to convert from */

	/* Read as the catalogs read it: each language, English falling back to Chinese. */
	const cJSON *item;
	struct catalog_text t;
	cJSON_ArrayForEach(item, ref_json_items(root))
	{
		const char *id = cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring;
		ref_json_text(&t, cJSON_GetObjectItemCaseSensitive(item, "name"));
		if (strcmp(id, "c") == 0) {
			CHECK_STR(catalog_text_get(&t, TEXT_LANG_ZH_HANT), "頒證");
			CHECK_STR(catalog_text_get(&t, TEXT_LANG_EN), "颁证");
			CHECK_STR(t.lang[TEXT_LANG_EN], ""); /* so the screen knows to say it is in Chinese */
		}
		if (strcmp(id, "a") == 0)
			CHECK_STR(catalog_text_get(&t, TEXT_LANG_ZH_HANT), "結婚登記");
	}
	cJSON_Delete(root);
	free(out);
}

static void test_nothing_to_do(void)
{
	size_t len = 7;
	int filled = 7;
	const char *full = "[{\"id\":\"a\",\"name\":{\"zh-Hans\":\"结婚\",\"zh-Hant\":\"結婚\",\"en\":\"Marriage\"}}]";
	CHECK(ref_hant_fill(full, strlen(full), &len, &filled) == NULL);
	CHECK_INT(filled, 0);
	CHECK_INT(len, 0);
	const char *bad = "{\"items\":[{\"name\":{\"zh-Hans\":\"结婚\"}}";
	CHECK(ref_hant_fill(bad, strlen(bad), &len, &filled) == NULL);
	CHECK(ref_hant_fill("", 0, &len, &filled) == NULL);
	/* The length counts: the part after it is not read. */
	const char *cut = "{\"a\":{\"zh-Hans\":\"说\"}}garbage";
	char *out = ref_hant_fill(cut, strlen(cut) - 7, &len, &filled);
	CHECK(out != NULL && filled == 1 && strstr(out, "\"zh-Hant\":\"説\"") != NULL);
	free(out);
}

int main(void)
{
	test_fill();
	test_nothing_to_do();
	return check_exit();
}
