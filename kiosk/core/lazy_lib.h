/* Shared libraries the first screen does not need, opened when first used instead of with the program:
 * each library loaded at start costs the dynamic linker its relocations before main runs (librime,
 * with Boost, ICU and yaml-cpp behind it, is 5 ms of a 60 ms start). The modules that use one keep
 * calling it through its own header; lazy/ defines those functions once per library, forwarding to
 * the library opened on the first call (LAZY_FORWARD below).
 *
 * A library that cannot be opened is said once, with its Debian package, by lazy_lib_open: the parts
 * that need it check that before their first call and run without it. Thread-safe: the library is
 * opened and its functions looked up once, by whichever thread comes first; it is never closed. */
#ifndef KIOSK_CORE_LAZY_LIB_H
#define KIOSK_CORE_LAZY_LIB_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct lazy_lib {
	const char *soname; /* what dlopen opens: the runtime name Debian's package installs */
	const char *package; /* the Debian package, for the message when it is missing */
	const char *const *names; /* the functions looked up, count of them */
	size_t count;
	void **fns; /* filled at the opening (count entries) */
	atomic_bool ok; /* set (release) once fns is filled */
	char error[256]; /* why it could not be opened; "" before trying */
};

/* Opens lib (once) and looks up its functions; false with the reason in err when it cannot be. */
bool lazy_lib_open(struct lazy_lib *lib, char *err, size_t errlen);
/* Function i of lib, opening lib first; a library that cannot be opened ends the process with a log
 * line (its users check lazy_lib_open before the first call, so this is a programming error). */
void *lazy_lib_fn(struct lazy_lib *lib, size_t i);

/* Defines a library's table and a forwarder for each function. LIST(X, XV, XM) names the functions:
 *   X(return type, name, (parameters), (arguments)), XV(name, (parameters), (arguments)) for one that
 *   returns nothing, XM(name) for one whose forwarder is written by hand (a variadic one), calling
 *   lazy_lib_fn(handle, lazy_fn_NAME). */
#define LAZY_ENUM_(ret, name, params, args) lazy_fn_##name,
#define LAZY_ENUM_V_(name, params, args) lazy_fn_##name,
#define LAZY_ENUM_M_(name) lazy_fn_##name,
#define LAZY_NAME_(ret, name, params, args) #name,
#define LAZY_NAME_V_(name, params, args) #name,
#define LAZY_NAME_M_(name) #name,
#define LAZY_NONE_M_(name)
#define LAZY_FORWARD_(ret, name, params, args)                                                             \
	ret name params                                                                                    \
	{                                                                                                  \
		ret(*fn) params;                                                                           \
		*(void **)&fn = lazy_lib_fn(&lazy_library, lazy_fn_##name);                                \
		return fn args;                                                                            \
	}
#define LAZY_FORWARD_V_(name, params, args)                                                                \
	void name params                                                                                   \
	{                                                                                                  \
		void(*fn) params;                                                                          \
		*(void **)&fn = lazy_lib_fn(&lazy_library, lazy_fn_##name);                                \
		fn args;                                                                                   \
	}
#define LAZY_FORWARD(LIST, soname_, package_, handle)                                                      \
	enum { LIST(LAZY_ENUM_, LAZY_ENUM_V_, LAZY_ENUM_M_) lazy_fn_count };                               \
	static const char *const lazy_names[] = {LIST(LAZY_NAME_, LAZY_NAME_V_, LAZY_NAME_M_)};           \
	static void *lazy_fns[lazy_fn_count];                                                              \
	static struct lazy_lib lazy_library = {soname_, package_, lazy_names, lazy_fn_count, lazy_fns,    \
					       false, ""};                                                \
	struct lazy_lib *const handle = &lazy_library;                                                     \
	LIST(LAZY_FORWARD_, LAZY_FORWARD_V_, LAZY_NONE_M_)

#endif
