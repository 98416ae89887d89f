/*
 * routes: the endpoint handlers. The server authenticates, parses the body, opens the
 * transaction (POST) and holds the store lock before calling a handler; a handler only reads
 * req, works on ctx->db and fills resp. A non-2xx response rolls back whatever it wrote.
 */
#ifndef STUB_ROUTES_H
#define STUB_ROUTES_H

#include <sqlite3.h>

#include "http.h"
#include "store.h"

struct route_ctx {
	struct store *store;
	sqlite3 *db;
	long long now;       /* Unix seconds for this request */
};

typedef void (*route_fn)(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* GET reference data (routes_reference.c); the server adds the ETag. */
void routes_services(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_offices(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_programmes(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_projects(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_texts(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* GET /v1/slots (routes_slots.c). */
void routes_slots(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* POST /v1/bookings, /v1/bookings/lookup, /v1/bookings/cancel (routes_bookings.c). */
void routes_booking_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_booking_lookup(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_booking_cancel(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* POST /v1/pledges and /v1/pledges/withdraw (routes_pledges.c). */
void routes_pledge_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_pledge_withdraw(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* POST /v1/assistance/status (routes_assistance.c). */
void routes_assistance_status(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* POST /v1/help-requests and /v1/heartbeat (routes_kiosk.c). */
void routes_help_create(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_help_cancel(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_heartbeat(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* POST /v1/admin/settings (routes_settings.c): a versioned settings document for one kiosk. */
void routes_admin_settings(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
/* Adds "settings": {"version", "values"} to a heartbeat answer when the kiosk's stored document is newer
 * than the version it reported; 0 on success (added or not), -1 on a database error. */
int routes_settings_offer(struct route_ctx *ctx, const char *kiosk_id, long long reported, cJSON *answer);

/* GET /v1/admin/records and POST /v1/admin/reset (routes_admin.c). */
void routes_admin_records(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);
void routes_admin_reset(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp);

/* Shared by handlers: a 500 "internal" error after a database failure. */
void routes_fail_internal(struct http_response *resp);

#endif
