/* Wiping allocation (core/wiping_alloc.h), as cJSON and libcurl use it: blocks keep their contents
 * through realloc (growing and shrinking), size 0 frees, strdup copies, calloc zeroes; cJSON prints and
 * parses through it. (That the freed memory is wiped cannot be read back without reading freed memory:
 * secure_wipe is tested on its own.) */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "core/wiping_alloc.h"

int main(void)
{
	char *p = wiping_malloc(16);
	if (!CHECK(p != NULL))
		return check_exit();
	memcpy(p, "张三 110101", 14);
	p = wiping_realloc(p, 4096);
	CHECK(p && memcmp(p, "张三 110101", 14) == 0);
	p = wiping_realloc(p, 7);
	CHECK(p && memcmp(p, "张三 ", 7) == 0);
	CHECK(wiping_realloc(p, 0) == NULL);
	char *q = wiping_realloc(NULL, 5);
	CHECK(q != NULL);
	wiping_free(q);
	wiping_free(NULL);
	char *d = wiping_strdup("13800138000");
	CHECK_STR(d, "13800138000");
	wiping_free(d);
	unsigned char *z = wiping_calloc(64, 4);
	int zeros = 0;
	for (int i = 0; z && i < 256; i++)
		zeros += z[i] == 0;
	CHECK_INT(zeros, 256);
	wiping_free(z);

	wiping_alloc_for_cjson();
	cJSON *doc = cJSON_Parse("{\"donor\":{\"name\":\"李四\",\"phone\":\"13900139000\"},\"amount_fen\":5000}");
	if (CHECK(doc != NULL)) {
		char *printed = cJSON_PrintUnformatted(doc);
		CHECK_STR(printed, "{\"donor\":{\"name\":\"李四\",\"phone\":\"13900139000\"},\"amount_fen\":5000}");
		cJSON_free(printed);
		cJSON_Delete(doc);
	}
	return check_exit();
}
