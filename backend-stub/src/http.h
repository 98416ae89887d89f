/*
 * http: the request and response records passed between the server and the route handlers,
 * and helpers that build JSON responses and the contract's error objects. No libmicrohttpd
 * types leak through here, so handlers can be called from tests without a socket.
 */
#ifndef STUB_HTTP_H
#define STUB_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* Largest accepted request body. */
#define HTTP_BODY_MAX (64 * 1024)
/* Longest accepted request target (path and query). */
#define HTTP_URI_MAX 2048

struct http_request {
	const char *method;      /* "GET" or "POST" */
	const char *path;        /* path without the query */
	const char *uri;         /* path with query exactly as sent (what is signed) */
	const char *body;        /* NUL-terminated copy of the body, may be empty */
	size_t body_len;
	const cJSON *json;       /* parsed body of a POST (an object), NULL for GET */
	const char *kiosk_id;    /* authenticated kiosk, NULL on admin routes */
	const char *(*query)(const struct http_request *req, const char *name); /* query argument or NULL */
	void *conn;              /* opaque to handlers; used by query */
};

struct http_response {
	unsigned status;
	char *body;              /* owned, malloc'd JSON text; NULL for an empty body */
	char etag[72];           /* quoted entity tag, empty when none */
};

/* Release the body of resp and reset it. */
void http_response_finish(struct http_response *resp);

/* Set resp to status with json as body; takes ownership of json (may be NULL on allocation failure). */
void http_response_json(struct http_response *resp, unsigned status, cJSON *json);

/*
 * Set resp to the contract's error object {"error":{"code","message","retryable"[,"field"]}}.
 * field may be NULL; extra (owned, may be NULL) is merged into the error object.
 */
void http_response_error(struct http_response *resp, unsigned status, const char *code, const char *message,
			 bool retryable, const char *field, cJSON *extra);

/* 1 if the response has a 2xx status. */
int http_status_ok(unsigned status);

#endif
