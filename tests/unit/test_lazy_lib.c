/* Libraries opened on first use (core/lazy_lib.h, kiosk/lazy): a missing library or function is a
 * clear refusal naming the package, never a crash; a present one forwards calls; the kiosk's own
 * libraries open, and each forwards a call that shows the real library answered. */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <string.h>
#include <zinnia.h>

#include "check.h"
#include "core/lazy_lib.h"
#include "lazy/libraries.h"

static void test_missing(void)
{
	static const char *const names[] = {"cos"};
	static void *fns[1];
	struct lazy_lib absent = {"libkiosk-absent.so.9", "libkiosk-absent9", names, 1, fns, false, ""};
	char err[300] = "";
	CHECK(!lazy_lib_open(&absent, err, sizeof(err)));
	CHECK(strstr(err, "libkiosk-absent.so.9 cannot be loaded (Debian package libkiosk-absent9)") != NULL);
	err[0] = '\0';
	CHECK(!lazy_lib_open(&absent, err, sizeof(err))); /* tried once, said again */
	CHECK(strstr(err, "libkiosk-absent9") != NULL);

	static const char *const wrong[] = {"cos", "kiosk_no_such_function"};
	static void *wrong_fns[2];
	struct lazy_lib partial = {"libm.so.6", "libc6", wrong, 2, wrong_fns, false, ""};
	CHECK(!lazy_lib_open(&partial, err, sizeof(err)));
	CHECK(strstr(err, "libm.so.6 has no kiosk_no_such_function") != NULL);
}

static void test_present(void)
{
	static const char *const names[] = {"cos", "sqrt"};
	static void *fns[2];
	struct lazy_lib m = {"libm.so.6", "libc6", names, 2, fns, false, ""};
	CHECK(lazy_lib_open(&m, NULL, 0));
	double (*fn)(double);
	*(void **)&fn = lazy_lib_fn(&m, 1);
	CHECK(fn(81.0) == 9.0);
}

/* The kiosk's lazily opened libraries, through their forwarders. */
static void test_kiosk_libraries(void)
{
	char err[300];
	struct lazy_lib *const all[] = {lazy_curl, lazy_cups, lazy_opencc, lazy_rime, lazy_zinnia};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		if (!CHECK(lazy_lib_open(all[i], err, sizeof(err))))
			fprintf(stderr, "  %s\n", err);
	}
	CHECK(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK);
	CHECK_STR(curl_easy_strerror(CURLE_OK), "No error");
	/* the variadic forwarders pass a long, a pointer and a function the right way */
	CURL *h = curl_easy_init();
	if (CHECK(h != NULL)) {
		CHECK(curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 1500L) == CURLE_OK);
		CHECK(curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:9/") == CURLE_OK);
		CHECK(curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)1 << 33) == CURLE_OK);
		CHECK(curl_easy_setopt(h, CURLOPT_URL, NULL) == CURLE_OK);
		long code = -1;
		CHECK(curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK && code == 0);
		curl_easy_cleanup(h);
	}
	CURLSH *sh = curl_share_init();
	if (CHECK(sh != NULL)) {
		CHECK(curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS) == CURLSHE_OK);
		CHECK(curl_share_setopt(sh, CURLSHOPT_USERDATA, (void *)sh) == CURLSHE_OK);
		CHECK(curl_share_setopt(sh, CURLSHOPT_SHARE, (long)9999) == CURLSHE_BAD_OPTION);
		curl_share_cleanup(sh);
	}
	zinnia_character_t *c = zinnia_character_new();
	if (CHECK(c != NULL)) {
		zinnia_character_set_width(c, 300);
		CHECK(zinnia_character_add(c, 0, 10, 10) == 1);
		zinnia_character_destroy(c);
	}
}

int main(void)
{
	test_missing();
	test_present();
	test_kiosk_libraries();
	return check_exit();
}
