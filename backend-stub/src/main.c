/*
 * backend-stub: the kiosk backend contract on loopback, for development, demos and tests.
 * Parses the command line (see usage()), opens the database, seeds demo data if asked, starts
 * the HTTP server, prints "listening on ADDR:PORT" and serves until SIGTERM or SIGINT.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "auth.h"
#include "clock.h"
#include "faults.h"
#include "log.h"
#include "seed_demo.h"
#include "server.h"
#include "store.h"

struct options {
	const char *listen;
	const char *db;
	const char *seed;
	struct auth_keys keys;
	unsigned latency_ms;
	double error_rate, drop_rate, garbage_rate;
	int error_status;
	unsigned long long fault_seed;
	bool fault_seed_given;
	int slot_capacity;
	long long clock_offset;
	bool verbose;
	const char *tls_cert, *tls_key; /* PEM files: serve HTTPS */
};

static void usage(FILE *f)
{
	fputs("usage: backend-stub --listen 127.0.0.1:PORT --db FILE [--seed demo] --kiosk ID:SECRET [--kiosk ...]\n"
	      "                    [--admin-token TOKEN] [--latency-ms N] [--error-rate P] [--error-status 503|500]\n"
	      "                    [--drop-rate P] [--garbage-rate P] [--fault-seed N] [--slot-capacity N]\n"
	      "                    [--clock-offset SECONDS] [--tls-cert FILE --tls-key FILE] [--verbose]\n"
	      "  --listen ADDR:PORT   IPv4 address and port; port 0 picks a free one (printed when ready)\n"
	      "  --db FILE            SQLite database, created if missing, kept across restarts\n"
	      "  --seed demo          fill an empty database with the Jianghai demo data (never twice)\n"
	      "  --seed demo-hans     the same with Simplified Chinese texts only (the kiosk fills in the rest)\n"
	      "  --kiosk ID:SECRET    a kiosk allowed to call the API (repeatable)\n"
	      "  --admin-token TOKEN  enable /v1/admin/* with Authorization: Bearer TOKEN\n"
	      "  --latency-ms N       delay every kiosk request by N ms\n"
	      "  --error-rate P       answer this share of kiosk requests with an error, before the work (0..1)\n"
	      "  --error-status N     the error's status: 503 unavailable (default) or 500 internal\n"
	      "  --drop-rate P        close this share of connections without an answer, after the work (0..1)\n"
	      "  --garbage-rate P     answer this share with 200 and a body that is not JSON, after the work (0..1)\n"
	      "  --fault-seed N       make fault injection deterministic\n"
	      "  --slot-capacity N    (development) seed every slot with capacity N\n"
	      "  --clock-offset S     (development) shift the server clock by S seconds\n"
	      "  --tls-cert FILE --tls-key FILE  serve HTTPS with this PEM certificate and key (tests of TLS)\n"
	      "  --verbose            log every request (method, path, status, time; never bodies)\n",
	      f);
}

static int parse_unsigned(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end = NULL;
	if (s == NULL || *s == '\0' || *s == '-')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_rate(const char *s, double *out)
{
	char *end = NULL;
	if (s == NULL || *s == '\0')
		return -1;
	double v = strtod(s, &end);
	if (*end != '\0' || !(v >= 0.0 && v <= 1.0))
		return -1;
	*out = v;
	return 0;
}

static int parse_listen(const char *s, uint32_t *addr, uint16_t *port)
{
	char host[64];
	unsigned long long p;
	struct in_addr in;
	const char *colon = s ? strrchr(s, ':') : NULL;
	if (colon == NULL || (size_t)(colon - s) >= sizeof(host))
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	if (inet_pton(AF_INET, host, &in) != 1 || parse_unsigned(colon + 1, 65535, &p) != 0)
		return -1;
	*addr = ntohl(in.s_addr);
	*port = (uint16_t)p;
	return 0;
}

/* 0 ok, 1 help shown, -1 usage error (logged). */
static int parse_args(int argc, char **argv, struct options *o)
{
	unsigned long long v;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
			return 1;
		if (strcmp(a, "--verbose") == 0) {
			o->verbose = true;
			continue;
		}
		if (val == NULL) {
			fprintf(stderr, "backend-stub: %s needs a value\n", a);
			return -1;
		}
		i++;
		if (strcmp(a, "--listen") == 0) {
			o->listen = val;
		} else if (strcmp(a, "--db") == 0) {
			o->db = val;
		} else if (strcmp(a, "--seed") == 0) {
			if (strcmp(val, "demo") != 0 && strcmp(val, "demo-hans") != 0) {
				fprintf(stderr, "backend-stub: --seed knows only \"demo\" and \"demo-hans\"\n");
				return -1;
			}
			o->seed = val;
		} else if (strcmp(a, "--kiosk") == 0) {
			if (auth_add_kiosk(&o->keys, val) != 0) {
				fprintf(stderr, "backend-stub: --kiosk wants ID:SECRET (ID <= 64 bytes, secret <= 256)\n");
				return -1;
			}
		} else if (strcmp(a, "--admin-token") == 0) {
			if (strlen(val) == 0 || strlen(val) >= sizeof(o->keys.admin_token)) {
				fprintf(stderr, "backend-stub: --admin-token must be 1 to 256 bytes\n");
				return -1;
			}
			memcpy(o->keys.admin_token, val, strlen(val) + 1);
		} else if (strcmp(a, "--latency-ms") == 0) {
			if (parse_unsigned(val, 600000, &v) != 0) {
				fprintf(stderr, "backend-stub: --latency-ms wants 0..600000\n");
				return -1;
			}
			o->latency_ms = (unsigned)v;
		} else if (strcmp(a, "--error-rate") == 0 || strcmp(a, "--drop-rate") == 0 ||
			   strcmp(a, "--garbage-rate") == 0) {
			double *dst = a[2] == 'e' ? &o->error_rate : a[2] == 'd' ? &o->drop_rate : &o->garbage_rate;
			if (parse_rate(val, dst) != 0) {
				fprintf(stderr, "backend-stub: %s wants a number from 0 to 1\n", a);
				return -1;
			}
		} else if (strcmp(a, "--error-status") == 0) {
			if (parse_unsigned(val, 599, &v) != 0 || (v != 500 && v != 503)) {
				fprintf(stderr, "backend-stub: --error-status wants 503 or 500\n");
				return -1;
			}
			o->error_status = (int)v;
		} else if (strcmp(a, "--fault-seed") == 0) {
			if (parse_unsigned(val, UINT64_MAX, &o->fault_seed) != 0) {
				fprintf(stderr, "backend-stub: --fault-seed wants an unsigned integer\n");
				return -1;
			}
			o->fault_seed_given = true;
		} else if (strcmp(a, "--slot-capacity") == 0) {
			if (parse_unsigned(val, 1000000, &v) != 0 || v == 0) {
				fprintf(stderr, "backend-stub: --slot-capacity wants 1..1000000\n");
				return -1;
			}
			o->slot_capacity = (int)v;
		} else if (strcmp(a, "--tls-cert") == 0) {
			o->tls_cert = val;
		} else if (strcmp(a, "--tls-key") == 0) {
			o->tls_key = val;
		} else if (strcmp(a, "--clock-offset") == 0) {
			char *end = NULL;
			o->clock_offset = strtoll(val, &end, 10);
			if (*end != '\0') {
				fprintf(stderr, "backend-stub: --clock-offset wants seconds\n");
				return -1;
			}
		} else {
			fprintf(stderr, "backend-stub: unknown option %s\n", a);
			return -1;
		}
	}
	if ((o->tls_cert == NULL) != (o->tls_key == NULL)) {
		fprintf(stderr, "backend-stub: --tls-cert and --tls-key go together\n");
		return -1;
	}
	if (o->listen == NULL || o->db == NULL) {
		fprintf(stderr, "backend-stub: --listen and --db are required\n");
		return -1;
	}
	if (o->error_rate + o->drop_rate + o->garbage_rate > 1.0) {
		fprintf(stderr, "backend-stub: --error-rate, --drop-rate and --garbage-rate together must not exceed 1\n");
		return -1;
	}
	return 0;
}

/* A PEM file (at most 64 KiB) as a malloc'd string, or NULL (logged). */
static char *read_pem(const char *path)
{
	char *text = NULL;
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		log_error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	text = malloc(64 * 1024 + 1);
	size_t n = text ? fread(text, 1, 64 * 1024 + 1, f) : 0;
	if (text == NULL || ferror(f) || n == 0 || n > 64 * 1024) {
		log_error("%s: not a readable PEM file of at most 64 KiB", path);
		free(text);
		text = NULL;
	} else {
		text[n] = '\0';
	}
	fclose(f);
	return text;
}

int main(int argc, char **argv)
{
	static struct options opts;
	struct faults faults;
	struct store *store = NULL;
	struct server *srv = NULL;
	struct server_config cfg;
	sigset_t sigs;
	int sig = 0, status = 1, rc;
	bool faults_ready = false;
	char addr[INET_ADDRSTRLEN];
	char *tls_cert = NULL, *tls_key = NULL;
	rc = parse_args(argc, argv, &opts);
	if (rc != 0) {
		usage(rc > 0 ? stdout : stderr);
		return rc > 0 ? 0 : 2;
	}
	if (opts.verbose)
		log_set_level(LOG_DEBUG);
	if (sodium_init() < 0) {
		log_error("libsodium failed to initialise");
		goto out;
	}
	clock_set_offset(opts.clock_offset);
	/* Block the stop signals before any thread starts so only sigwait below receives them. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	if (pthread_sigmask(SIG_BLOCK, &sigs, NULL) != 0)
		goto out;
	signal(SIGPIPE, SIG_IGN);
	memset(&cfg, 0, sizeof(cfg));
	if (parse_listen(opts.listen, &cfg.addr, &cfg.port) != 0) {
		log_error("--listen wants IPV4:PORT");
		status = 2;
		goto out;
	}
	store = store_create(opts.db);
	if (store == NULL)
		goto out;
	if (opts.seed != NULL &&
	    seed_demo_run(store, clock_now(), opts.slot_capacity, strcmp(opts.seed, "demo-hans") == 0) != 0)
		goto out;
	if (faults_init(&faults, opts.latency_ms, opts.error_rate, opts.drop_rate, opts.garbage_rate,
			opts.error_status ? opts.error_status : 503, opts.fault_seed, opts.fault_seed_given) != 0)
		goto out;
	faults_ready = true;
	cfg.keys = &opts.keys;
	cfg.faults = &faults;
	cfg.store = store;
	if (opts.tls_cert != NULL) {
		tls_cert = read_pem(opts.tls_cert);
		tls_key = read_pem(opts.tls_key);
		if (tls_cert == NULL || tls_key == NULL)
			goto out;
		cfg.tls_cert_pem = tls_cert;
		cfg.tls_key_pem = tls_key;
	}
	srv = server_create(&cfg);
	if (srv == NULL)
		goto out;
	struct in_addr in = {htonl(cfg.addr)};
	inet_ntop(AF_INET, &in, addr, sizeof(addr));
	printf("listening on %s:%u%s\n", addr, (unsigned)server_port(srv), tls_cert ? " (https)" : "");
	fflush(stdout);
	log_info("%d kiosk(s), admin %s, faults: latency %u ms, error %.3f (%d), drop %.3f, garbage %.3f",
		 opts.keys.count, opts.keys.admin_token[0] ? "enabled" : "disabled", opts.latency_ms, opts.error_rate,
		 opts.error_status ? opts.error_status : 503, opts.drop_rate, opts.garbage_rate);
	while (sigwait(&sigs, &sig) != 0)
		;
	log_info("signal %d: stopping", sig);
	status = 0;
out:
	server_destroy(srv);
	if (faults_ready)
		faults_finish(&faults);
	store_destroy(store);
	sodium_memzero(&opts.keys, sizeof(opts.keys));
	free(tls_cert);
	if (tls_key)
		sodium_memzero(tls_key, strlen(tls_key));
	free(tls_key);
	return status;
}
