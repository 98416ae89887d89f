/* outbox_writer DATA_DIR COUNT [help|pledge|mix|closed]: stores COUNT submissions through the kiosk's store,
 * as the UI does when a visitor confirms, and prints "ack TOKEN KEY" after each durable commit (the
 * moment the UI may say "received"). A help request carries its unique TOKEN in "screen", so a test
 * can find every one at the backend; pledges are counted. "closed" pledges to the demo's closed
 * project, which the backend rejects (409 project_closed): a stopped record for staff mode's tests.
 * Used by the outbox integration tests, which kill it at random moments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "data/store.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: outbox_writer DATA_DIR COUNT [help|pledge|mix|closed]\n");
		return 2;
	}
	int count = atoi(argv[2]);
	const char *mode = argc > 3 ? argv[3] : "mix";
	char err[512];
	struct store_options so = {.create = true};
	struct store *s = store_open(argv[1], &so, err, sizeof(err));
	if (!s) {
		fprintf(stderr, "outbox_writer: %s\n", err);
		return 1;
	}
	char why[256];
	if (store_health(s, why, sizeof(why)) != STORE_HEALTHY) {
		fprintf(stderr, "outbox_writer: %s\n", why);
		store_close(s);
		return 1;
	}
	/* Tokens unique across runs of this tool on one data directory: pid and sequence. */
	long pid = (long)getpid();
	int status = 0;
	for (int i = 0; i < count; i++) {
		char payload[512], token[64];
		bool closed = strcmp(mode, "closed") == 0;
		bool pledge = closed || strcmp(mode, "pledge") == 0 || (strcmp(mode, "mix") == 0 && i % 2);
		snprintf(token, sizeof(token), "t%ld-%d", pid, i);
		if (closed)
			snprintf(payload, sizeof(payload),
				 "{\"project_id\":\"mid_autumn_2026\",\"amount\":50,\"anonymous\":false,"
				 "\"donor_name\":\"陈大文\",\"phone\":\"13812345678\",\"receipt_requested\":false,"
				 "\"consent\":true,\"language\":\"zh-Hans\"}");
		else if (pledge) /* amount: pid in yuan (capped), sequence in cents and the tenth of a yuan */
			snprintf(payload, sizeof(payload),
				 "{\"project_id\":\"chongyang\",\"amount\":%ld.%02d,\"anonymous\":false,"
				 "\"donor_name\":\"陈大文\",\"phone\":\"13812345678\",\"receipt_requested\":false,"
				 "\"consent\":true,\"language\":\"zh-Hans\"}",
				 1 + pid % 900000, i % 100);
		else
			snprintf(payload, sizeof(payload),
				 "{\"reason\":\"assistance\",\"screen\":\"%s\",\"assisted_mode\":true,\"language\":\"yue\"}", token);
		char key[37];
		int64_t id;
		if (!store_submit(s, pledge ? SUB_PLEDGE : SUB_HELP_REQUEST, payload, (int64_t)time(NULL), key, &id, err,
				  sizeof(err))) {
			fprintf(stderr, "outbox_writer: %s\n", err);
			status = 1;
			break;
		}
		printf("ack %s %s\n", token, key);
		fflush(stdout);
	}
	store_close(s);
	return status;
}
