/*
 * server: the HTTP front of the stub (libmicrohttpd, one thread per connection). Owns the
 * routing table, the 64 KiB body cap, signature checks, fault injection, idempotent POST
 * transactions, ETag/304 for reference data and the JSON error envelope.
 */
#ifndef STUB_SERVER_H
#define STUB_SERVER_H

#include <stdint.h>

#include "auth.h"
#include "faults.h"
#include "store.h"

struct server_config {
	uint32_t addr;            /* IPv4 address, host byte order */
	uint16_t port;            /* 0: pick an ephemeral port */
	const struct auth_keys *keys;  /* borrowed */
	struct faults *faults;    /* borrowed */
	struct store *store;      /* borrowed */
	const char *tls_cert_pem; /* borrowed PEM texts; both NULL: plain HTTP, both set: HTTPS only */
	const char *tls_key_pem;
};

struct server;

/* Bind and start serving; NULL on failure (logged). */
struct server *server_create(const struct server_config *cfg);

/* The port actually bound. */
uint16_t server_port(const struct server *srv);

/* Stop serving (waits for connection threads) and free; NULL is a no-op. */
void server_destroy(struct server *srv);

#endif
