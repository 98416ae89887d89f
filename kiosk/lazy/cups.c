/* libcups, opened when the printer worker first asks CUPS anything (core/lazy_lib.h). */
#include <cups/cups.h>

#include "core/lazy_lib.h"
#include "lazy/libraries.h"

#define CUPS_FUNCTIONS(X, XV, XM)                                                                              \
	X(ipp_status_t, cupsCancelJob2, (http_t * http, const char *name, int job_id, int purge),           \
	  (http, name, job_id, purge))                                                                     \
	X(int, cupsCreateJob, (http_t * http, const char *name, const char *title, int num_options,         \
			       cups_option_t *options),                                                    \
	  (http, name, title, num_options, options))                                                       \
	X(ipp_status_t, cupsFinishDocument, (http_t * http, const char *name), (http, name))                \
	XV(cupsFreeDests, (int num_dests, cups_dest_t *dests), (num_dests, dests))                         \
	XV(cupsFreeJobs, (int num_jobs, cups_job_t *jobs), (num_jobs, jobs))                               \
	X(int, cupsGetJobs2, (http_t * http, cups_job_t * *jobs, const char *name, int myjobs, int whichjobs), \
	  (http, jobs, name, myjobs, whichjobs))                                                           \
	X(cups_dest_t *, cupsGetNamedDest, (http_t * http, const char *name, const char *instance),         \
	  (http, name, instance))                                                                          \
	X(const char *, cupsGetOption, (const char *name, int num_options, cups_option_t *options),         \
	  (name, num_options, options))                                                                    \
	X(const char *, cupsLastErrorString, (void), ())                                                   \
	X(http_status_t, cupsStartDocument, (http_t * http, const char *name, int job_id, const char *docname, \
					     const char *format, int last_document),                       \
	  (http, name, job_id, docname, format, last_document))                                            \
	X(http_status_t, cupsWriteRequestData, (http_t * http, const char *buffer, size_t length),          \
	  (http, buffer, length))

LAZY_FORWARD(CUPS_FUNCTIONS, "libcups.so.2", "libcups2", lazy_cups)
