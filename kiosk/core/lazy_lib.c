/* Libraries opened on first use; see lazy_lib.h. */
#include "core/lazy_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/log.h"

static pthread_mutex_t opening = PTHREAD_MUTEX_INITIALIZER;

static void open_lib(struct lazy_lib *lib)
{
	/* RTLD_LOCAL: its symbols stay its own (the forwarders of the same names are ours). */
	void *handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(lib->error, sizeof(lib->error), "%s cannot be loaded (Debian package %s): %s", lib->soname,
			 lib->package, dlerror());
		kiosk_log(LOG_ERROR, "%s", lib->error);
		return;
	}
	for (size_t i = 0; i < lib->count; i++) {
		lib->fns[i] = dlsym(handle, lib->names[i]);
		if (!lib->fns[i]) {
			snprintf(lib->error, sizeof(lib->error), "%s has no %s (Debian package %s, another version?)",
				 lib->soname, lib->names[i], lib->package);
			kiosk_log(LOG_ERROR, "%s", lib->error);
			dlclose(handle);
			return;
		}
	}
	atomic_store_explicit(&lib->ok, true, memory_order_release);
}

bool lazy_lib_open(struct lazy_lib *lib, char *err, size_t errlen)
{
	if (atomic_load_explicit(&lib->ok, memory_order_acquire))
		return true;
	/* One lock for every library: pthread_once cannot hand lib to its routine. */
	pthread_mutex_lock(&opening);
	if (!atomic_load_explicit(&lib->ok, memory_order_relaxed) && !lib->error[0])
		open_lib(lib);
	bool ok = atomic_load_explicit(&lib->ok, memory_order_relaxed);
	pthread_mutex_unlock(&opening);
	if (!ok && err)
		snprintf(err, errlen, "%s", lib->error);
	return ok;
}

void *lazy_lib_fn(struct lazy_lib *lib, size_t i)
{
	if (!lazy_lib_open(lib, NULL, 0)) {
		kiosk_log(LOG_ERROR, "called into %s, which is not loaded: stopping", lib->soname);
		abort();
	}
	return lib->fns[i];
}
