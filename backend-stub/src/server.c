/*
 * server: see server.h. Request flow for kiosk routes: body capped at HTTP_BODY_MAX (413),
 * route lookup (404/405), fault draw (latency, 503), signature (401; it covers the
 * Idempotency-Key as received, so it is checked before the key is), then for a POST the
 * Idempotency-Key and JSON checks (400), and the handler inside one IMMEDIATE transaction
 * together with the idempotency lookup and record. Admin routes skip faults and signatures
 * and answer 404 unless an admin token was configured.
 */
#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>
#include <sodium.h>

#include "clock.h"
#include "http.h"
#include "idempotency.h"
#include "json_util.h"
#include "log.h"
#include "routes.h"

enum route_kind {
	ROUTE_REFERENCE,    /* signed GET with ETag */
	ROUTE_READ,         /* signed GET */
	ROUTE_WRITE,        /* signed, idempotent POST */
	ROUTE_ADMIN_READ,   /* bearer GET */
	ROUTE_ADMIN_WRITE,  /* bearer POST */
};

struct route {
	const char *method;
	const char *path;
	enum route_kind kind;
	route_fn fn;
};

static const struct route route_table[] = {
	{"GET", "/v1/services", ROUTE_REFERENCE, routes_services},
	{"GET", "/v1/offices", ROUTE_REFERENCE, routes_offices},
	{"GET", "/v1/programmes", ROUTE_REFERENCE, routes_programmes},
	{"GET", "/v1/projects", ROUTE_REFERENCE, routes_projects},
	{"GET", "/v1/texts", ROUTE_REFERENCE, routes_texts},
	{"GET", "/v1/slots", ROUTE_READ, routes_slots},
	{"POST", "/v1/bookings", ROUTE_WRITE, routes_booking_create},
	{"POST", "/v1/bookings/lookup", ROUTE_WRITE, routes_booking_lookup},
	{"POST", "/v1/bookings/cancel", ROUTE_WRITE, routes_booking_cancel},
	{"POST", "/v1/pledges", ROUTE_WRITE, routes_pledge_create},
	{"POST", "/v1/pledges/withdraw", ROUTE_WRITE, routes_pledge_withdraw},
	{"POST", "/v1/assistance/status", ROUTE_WRITE, routes_assistance_status},
	{"POST", "/v1/help-requests", ROUTE_WRITE, routes_help_create},
	{"POST", "/v1/help-requests/cancel", ROUTE_WRITE, routes_help_cancel},
	{"POST", "/v1/heartbeat", ROUTE_WRITE, routes_heartbeat},
	{"GET", "/v1/admin/records", ROUTE_ADMIN_READ, routes_admin_records},
	{"POST", "/v1/admin/reset", ROUTE_ADMIN_WRITE, routes_admin_reset},
	{"POST", "/v1/admin/settings", ROUTE_ADMIN_WRITE, routes_admin_settings},
};

struct server {
	struct MHD_Daemon *daemon;
	struct server_config cfg;
	uint16_t port;
};

/* Per-request state, created by the URI callback (which sees the raw target) and freed on completion. */
struct request_state {
	char uri[HTTP_URI_MAX + 1];
	bool uri_too_long;
	bool started;
	bool too_large;
	char *body;
	size_t len;
	size_t cap;
	struct timespec t0;
};

static bool is_admin(enum route_kind kind)
{
	return kind == ROUTE_ADMIN_READ || kind == ROUTE_ADMIN_WRITE;
}

static const char *query_arg(const struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value((struct MHD_Connection *)req->conn, MHD_GET_ARGUMENT_KIND, name);
}

static const char *header(struct MHD_Connection *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

/* Strong ETag over the body: a quoted hex prefix of its SHA-256. */
static void set_etag(struct http_response *resp)
{
	unsigned char hash[crypto_hash_sha256_BYTES];
	char hex[2 * 16 + 1];
	if (resp->body == NULL)
		return;
	crypto_hash_sha256(hash, (const unsigned char *)resp->body, strlen(resp->body));
	sodium_bin2hex(hex, sizeof(hex), hash, 16);
	snprintf(resp->etag, sizeof(resp->etag), "\"%s\"", hex);
}

/* 1 if an If-None-Match list contains etag (or "*"); weak prefixes compare equal. */
static int etag_matches(const char *list, const char *etag)
{
	size_t elen = strlen(etag);
	const char *p = list;
	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p == '*')
			return 1;
		if (strncmp(p, etag, elen) == 0 && (p[elen] == '\0' || p[elen] == ',' || p[elen] == ' '))
			return 1;
		p = strchr(p, ',');
	}
	return 0;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, const struct http_response *resp,
				     bool reference)
{
	struct MHD_Response *r;
	enum MHD_Result ret;
	size_t len = resp->body ? strlen(resp->body) : 0;
	r = MHD_create_response_from_buffer(len, resp->body ? resp->body : (void *)"", MHD_RESPMEM_MUST_COPY);
	if (r == NULL)
		return MHD_NO;
	if (len > 0 && MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
						   "application/json; charset=utf-8") != MHD_YES)
		goto fail;
	if (resp->etag[0] != '\0' && MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, resp->etag) != MHD_YES)
		goto fail;
	if (MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, reference ? "no-cache" : "no-store") !=
	    MHD_YES)
		goto fail;
	ret = MHD_queue_response(conn, resp->status, r);
	MHD_destroy_response(r);
	return ret;
fail:
	MHD_destroy_response(r);
	return MHD_NO;
}

static void log_access(const char *method, const char *path, unsigned status, const struct request_state *st,
		       const char *note)
{
	struct timespec t1;
	if (!log_enabled(LOG_DEBUG))
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - st->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - st->t0.tv_nsec) / 1e6;
	log_debug("%s %s -> %u (%.1f ms)%s", method, path, status, ms, note);
}

static const struct route *find_route(const char *method, const char *path, bool *path_known)
{
	*path_known = false;
	for (size_t i = 0; i < sizeof(route_table) / sizeof(route_table[0]); i++) {
		if (strcmp(route_table[i].path, path) != 0)
			continue;
		*path_known = true;
		if (strcmp(route_table[i].method, method) == 0)
			return &route_table[i];
	}
	return NULL;
}

static void run_auth(struct server *srv, struct MHD_Connection *conn, const struct http_request *req,
		     struct http_response *resp)
{
	enum auth_result ar = auth_verify(srv->cfg.keys, header(conn, "X-Kiosk-Id"), header(conn, "X-Timestamp"),
					  header(conn, "X-Signature"), req->method, req->uri, req->body,
					  req->body_len, header(conn, "Idempotency-Key"), clock_now());
	switch (ar) {
	case AUTH_OK:
		return;
	case AUTH_MISSING:
		http_response_error(resp, 401, "unauthenticated",
				    "X-Kiosk-Id, X-Timestamp and X-Signature are required", false, NULL, NULL);
		return;
	case AUTH_UNKNOWN_KIOSK:
	case AUTH_BAD_SIGNATURE:
		http_response_error(resp, 401, "bad_signature", "the request signature is not valid", false, NULL,
				    NULL);
		return;
	case AUTH_STALE:
		http_response_error(resp, 401, "stale_timestamp",
				    "X-Timestamp is more than 300 seconds away from the server clock", false, NULL,
				    NULL);
		return;
	}
}

/* The idempotent write path: lock, transaction, replay check, handler, record, commit. */
static void run_write(struct server *srv, struct MHD_Connection *conn, const struct route *route,
		      struct http_request *req, struct http_response *resp)
{
	const char *key = header(conn, "Idempotency-Key");
	char req_hash[65];
	cJSON *json = NULL;
	struct route_ctx ctx = {srv->cfg.store, NULL, clock_now()};
	if (key == NULL) {
		http_response_error(resp, 400, "missing_field", "Idempotency-Key header is required", false,
				    "Idempotency-Key", NULL);
		return;
	}
	if (!json_is_uuid(key)) {
		http_response_error(resp, 400, "invalid_field", "Idempotency-Key must be a UUID", false,
				    "Idempotency-Key", NULL);
		return;
	}
	json = cJSON_ParseWithLength(req->body, req->body_len);
	if (json == NULL || !cJSON_IsObject(json)) {
		http_response_error(resp, 400, "invalid_json", "the body must be a JSON object", false, "body", NULL);
		cJSON_Delete(json);
		return;
	}
	req->json = json;
	idempotency_request_hash(req->method, req->path, req->body, req->body_len, req_hash);
	ctx.db = store_lock(srv->cfg.store);
	if (store_begin(ctx.db) != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	switch (idempotency_check(ctx.db, req->kiosk_id, key, req_hash, resp)) {
	case IDEMPOTENCY_REPLAY:
		store_rollback(ctx.db);
		goto out;
	case IDEMPOTENCY_CONFLICT:
		store_rollback(ctx.db);
		http_response_error(resp, 422, "idempotency_conflict",
				    "this Idempotency-Key was already used with a different request", false,
				    "Idempotency-Key", NULL);
		goto out;
	case IDEMPOTENCY_ERROR:
		store_rollback(ctx.db);
		routes_fail_internal(resp);
		goto out;
	case IDEMPOTENCY_NEW:
		break;
	}
	route->fn(&ctx, req, resp);
	if (!http_status_ok(resp->status)) {
		store_rollback(ctx.db);
		goto out;
	}
	if (idempotency_record(ctx.db, req->kiosk_id, key, req_hash, resp, ctx.now) != 0 ||
	    store_commit(ctx.db) != 0) {
		store_rollback(ctx.db);
		routes_fail_internal(resp);
	}
out:
	store_unlock(srv->cfg.store);
	req->json = NULL;
	cJSON_Delete(json);
}

static void run_read(struct server *srv, const struct route *route, struct http_request *req,
		     struct http_response *resp)
{
	struct route_ctx ctx = {srv->cfg.store, NULL, clock_now()};
	ctx.db = store_lock(srv->cfg.store);
	route->fn(&ctx, req, resp);
	store_unlock(srv->cfg.store);
}

static void run_admin_write(struct server *srv, const struct route *route, struct http_request *req,
			    struct http_response *resp)
{
	struct route_ctx ctx = {srv->cfg.store, NULL, clock_now()};
	ctx.db = store_lock(srv->cfg.store);
	if (store_begin(ctx.db) != 0) {
		routes_fail_internal(resp);
		goto out;
	}
	route->fn(&ctx, req, resp);
	if (!http_status_ok(resp->status) || store_commit(ctx.db) != 0) {
		store_rollback(ctx.db);
		if (http_status_ok(resp->status))
			routes_fail_internal(resp);
	}
out:
	store_unlock(srv->cfg.store);
}

/* The garbage fault: the work is done (committed), but the answer is 200 with a body that is not
 * JSON, as from a confused proxy; a client must not take it for an answer, and the idempotency
 * record still holds the real one for its retry. */
static void garble(struct http_response *resp)
{
	static const char junk[] = "<html><body>502 Bad Gateway \x01\xff</body>";
	char *body = malloc(sizeof(junk));
	if (body == NULL)
		return;
	memcpy(body, junk, sizeof(junk));
	free(resp->body);
	resp->body = body;
	resp->status = 200;
	resp->etag[0] = '\0';
}

/* Decide the response for a fully received request. Sets *drop when the connection must close unanswered. */
static void dispatch(struct server *srv, struct MHD_Connection *conn, const char *method, const char *path,
		     struct request_state *st, struct http_response *resp, bool *drop)
{
	struct http_request req = {method, path, st->uri, st->body ? st->body : "", st->len, NULL, NULL, query_arg,
				   conn};
	bool path_known;
	const struct route *route;
	*drop = false;
	if (st->too_large) {
		http_response_error(resp, 413, "body_too_large", "the request body is larger than 64 KiB", false,
				    NULL, NULL);
		return;
	}
	if (st->uri_too_long) {
		http_response_error(resp, 414, "uri_too_long", "the request target is too long", false, NULL, NULL);
		return;
	}
	route = find_route(method, path, &path_known);
	if (route != NULL && is_admin(route->kind) && srv->cfg.keys->admin_token[0] == '\0') {
		route = NULL;
		path_known = false;
	}
	if (route == NULL) {
		if (path_known)
			http_response_error(resp, 405, "method_not_allowed", "this method is not allowed here", false,
					    NULL, NULL);
		else
			http_response_error(resp, 404, "not_found", "no such endpoint", false, NULL, NULL);
		return;
	}
	if (is_admin(route->kind)) {
		if (!auth_admin_ok(srv->cfg.keys, header(conn, MHD_HTTP_HEADER_AUTHORIZATION))) {
			http_response_error(resp, 401, "unauthenticated", "a valid admin bearer token is required",
					    false, NULL, NULL);
			return;
		}
		if (route->kind == ROUTE_ADMIN_READ)
			run_read(srv, route, &req, resp);
		else
			run_admin_write(srv, route, &req, resp);
		return;
	}
	struct fault_decision fault = faults_draw(srv->cfg.faults);
	faults_delay(srv->cfg.faults);
	if (fault.error) {
		if (srv->cfg.faults->error_status == 500)
			http_response_error(resp, 500, "internal", "an internal error (injected fault)", true, NULL, NULL);
		else
			http_response_error(resp, 503, "unavailable",
					    "the service is temporarily unavailable (injected fault)", true, NULL, NULL);
		return;
	}
	run_auth(srv, conn, &req, resp);
	if (resp->status != 0)
		return;
	req.kiosk_id = header(conn, "X-Kiosk-Id");
	if (route->kind == ROUTE_WRITE) {
		run_write(srv, conn, route, &req, resp);
	} else {
		run_read(srv, route, &req, resp);
		if (route->kind == ROUTE_REFERENCE && resp->status == 200) {
			set_etag(resp);
			const char *inm = header(conn, MHD_HTTP_HEADER_IF_NONE_MATCH);
			if (inm != NULL && resp->etag[0] != '\0' && etag_matches(inm, resp->etag)) {
				free(resp->body);
				resp->body = NULL;
				resp->status = 304;
			}
		}
	}
	*drop = fault.drop;
	if (fault.garbage && !fault.drop)
		garble(resp);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct request_state *st = calloc(1, sizeof(*st));
	(void)cls;
	(void)conn;
	if (st == NULL)
		return NULL;
	clock_gettime(CLOCK_MONOTONIC, &st->t0);
	if (strlen(uri) > HTTP_URI_MAX)
		st->uri_too_long = true;
	else
		memcpy(st->uri, uri, strlen(uri) + 1);
	return st;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request_state *st = *req_cls;
	(void)cls;
	(void)conn;
	(void)toe;
	if (st == NULL)
		return;
	free(st->body);
	free(st);
	*req_cls = NULL;
}

/* Append upload data, keeping at most HTTP_BODY_MAX bytes and flagging anything beyond. */
static void append_body(struct request_state *st, const char *data, size_t len)
{
	if (st->too_large || len == 0)
		return;
	if (st->len + len > HTTP_BODY_MAX) {
		st->too_large = true;
		return;
	}
	if (st->len + len + 1 > st->cap) {
		size_t cap = st->cap ? st->cap : 1024;
		while (cap < st->len + len + 1)
			cap *= 2;
		char *p = realloc(st->body, cap);
		if (p == NULL) {
			st->too_large = true;
			return;
		}
		st->body = p;
		st->cap = cap;
	}
	memcpy(st->body + st->len, data, len);
	st->len += len;
	st->body[st->len] = '\0';
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	struct server *srv = cls;
	struct request_state *st = *req_cls;
	struct http_response resp = {0, NULL, ""};
	enum MHD_Result ret;
	bool drop = false;
	(void)version;
	if (st == NULL)
		return MHD_NO;
	if (!st->started) {
		st->started = true;
		const char *cl = header(conn, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && strtoull(cl, NULL, 10) > HTTP_BODY_MAX) {
			http_response_error(&resp, 413, "body_too_large", "the request body is larger than 64 KiB",
					    false, NULL, NULL);
			ret = send_response(conn, &resp, false);
			log_access(method, url, resp.status, st, "");
			http_response_finish(&resp);
			return ret;
		}
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		append_body(st, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	dispatch(srv, conn, method, url, st, &resp, &drop);
	if (resp.status == 0)
		routes_fail_internal(&resp);
	log_access(method, url, resp.status, st, drop ? " dropped (injected fault)" : "");
	if (drop) {
		http_response_finish(&resp);
		return MHD_NO;
	}
	ret = send_response(conn, &resp, resp.etag[0] != '\0');
	http_response_finish(&resp);
	return ret;
}

/* libmicrohttpd's log callback: fmt is its printf format (declared so, clang's -Wformat-nonliteral accepts it). */
__attribute__((format(printf, 2, 0))) static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[256];
	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_debug("libmicrohttpd: %s", msg);
}

struct server *server_create(const struct server_config *cfg)
{
	struct server *srv = calloc(1, sizeof(*srv));
	struct sockaddr_in sa;
	const union MHD_DaemonInfo *info;
	if (srv == NULL)
		return NULL;
	srv->cfg = *cfg;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(cfg->port);
	sa.sin_addr.s_addr = htonl(cfg->addr);
	/* HTTPS (libmicrohttpd's GnuTLS) when a certificate is given: the TLS tests' self-signed endpoint. */
	bool tls = cfg->tls_cert_pem != NULL && cfg->tls_key_pem != NULL;
	struct MHD_OptionItem tls_options[] = {
		{tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, (void *)cfg->tls_key_pem},
		{MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cfg->tls_cert_pem},
		{MHD_OPTION_END, 0, NULL},
	};
	srv->daemon = MHD_start_daemon(
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG |
			(tls ? MHD_USE_TLS : 0),
		cfg->port, NULL, NULL, on_request, srv, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_ARRAY, tls_options,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv, MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_CONNECTION_TIMEOUT, 60u, MHD_OPTION_CONNECTION_LIMIT, 1000u,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 256u, MHD_OPTION_END);
	if (srv->daemon == NULL) {
		log_error("cannot listen on port %u", (unsigned)cfg->port);
		free(srv);
		return NULL;
	}
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = info ? info->port : cfg->port;
	return srv;
}

uint16_t server_port(const struct server *srv)
{
	return srv->port;
}

void server_destroy(struct server *srv)
{
	if (srv == NULL)
		return;
	MHD_stop_daemon(srv->daemon);
	free(srv);
}
