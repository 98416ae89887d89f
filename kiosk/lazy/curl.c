/* libcurl, opened when the first request is made (core/lazy_lib.h): the sync and query threads start
 * their work after the first frame, and a kiosk without a backend never opens it. The three functions
 * curl declares with "..." take one argument whose type the option tells; it is passed on as that type. */
#define CURL_DISABLE_TYPECHECK /* the forwarders below are the functions, not calls to check */
#include <curl/curl.h>
#include <stdarg.h>

#include "core/lazy_lib.h"
#include "lazy/libraries.h"

#define CURL_FUNCTIONS(X, XV, XM)                                                                              \
	XV(curl_easy_cleanup, (CURL * curl), (curl))                                                       \
	X(CURL *, curl_easy_init, (void), ())                                                              \
	X(CURLcode, curl_easy_perform, (CURL * curl), (curl))                                              \
	X(const char *, curl_easy_strerror, (CURLcode code), (code))                                       \
	X(CURLcode, curl_global_init, (long flags), (flags))                                               \
	X(CURLcode, curl_global_init_mem,                                                                  \
	  (long flags, curl_malloc_callback m, curl_free_callback f, curl_realloc_callback r,             \
	   curl_strdup_callback s, curl_calloc_callback c),                                                \
	  (flags, m, f, r, s, c))                                                                          \
	X(CURLSHcode, curl_share_cleanup, (CURLSH * share), (share))                                       \
	X(CURLSH *, curl_share_init, (void), ())                                                           \
	X(struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *data), (list, data)) \
	XV(curl_slist_free_all, (struct curl_slist * list), (list))                                        \
	X(CURLU *, curl_url, (void), ())                                                                   \
	XV(curl_url_cleanup, (CURLU * url), (url))                                                         \
	X(CURLUcode, curl_url_set, (CURLU * url, CURLUPart what, const char *part, unsigned int flags),     \
	  (url, what, part, flags))                                                                        \
	XM(curl_easy_setopt)                                                                               \
	XM(curl_easy_getinfo)                                                                              \
	XM(curl_share_setopt)

LAZY_FORWARD(CURL_FUNCTIONS, "libcurl.so.4", "libcurl4 (or libcurl3-gnutls)", lazy_curl)

/* Option numbers carry their argument's type: below CURLOPTTYPE_OBJECTPOINT a long, then pointers
 * (data and functions alike on this ABI), from CURLOPTTYPE_OFF_T a curl_off_t, from CURLOPTTYPE_BLOB
 * a pointer again. */
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
	va_list ap;
	va_start(ap, option);
	CURLcode rc;
	if (option < CURLOPTTYPE_OBJECTPOINT) {
		CURLcode (*fn)(CURL *, CURLoption, long);
		*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_easy_setopt);
		rc = fn(curl, option, va_arg(ap, long));
	} else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
		CURLcode (*fn)(CURL *, CURLoption, curl_off_t);
		*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_easy_setopt);
		rc = fn(curl, option, va_arg(ap, curl_off_t));
	} else {
		CURLcode (*fn)(CURL *, CURLoption, void *);
		*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_easy_setopt);
		rc = fn(curl, option, va_arg(ap, void *));
	}
	va_end(ap);
	return rc;
}

/* Every CURLINFO fills what a pointer points to. */
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
	va_list ap;
	va_start(ap, info);
	CURLcode (*fn)(CURL *, CURLINFO, void *);
	*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_easy_getinfo);
	CURLcode rc = fn(curl, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

/* CURLSHOPT_SHARE and CURLSHOPT_UNSHARE take a long, the lock functions and the user data a pointer. */
CURLSHcode curl_share_setopt(CURLSH *share, CURLSHoption option, ...)
{
	va_list ap;
	va_start(ap, option);
	CURLSHcode rc;
	if (option == CURLSHOPT_SHARE || option == CURLSHOPT_UNSHARE) {
		CURLSHcode (*fn)(CURLSH *, CURLSHoption, long);
		*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_share_setopt);
		rc = fn(share, option, va_arg(ap, long));
	} else {
		CURLSHcode (*fn)(CURLSH *, CURLSHoption, void *);
		*(void **)&fn = lazy_lib_fn(lazy_curl, lazy_fn_curl_share_setopt);
		rc = fn(share, option, va_arg(ap, void *));
	}
	va_end(ap);
	return rc;
}
