/* "Swipes" an identity card on a simulated reader, for tests and staff demos (docs/idcard.md):
 *   idcard_swipe SPEC [RECORD]
 * SPEC is the kiosk's [idcard] reader value: file:/PATH (the record is written to the file, which the
 * kiosk reads once per write) or socket:/PATH (sent as one datagram to the socket the kiosk bound).
 * RECORD is a JSON file with one card (one of assets/demo/cards); "-" or none reads standard input.
 * The record is checked first (as the kiosk reads it) so a typo is said here, by field; --raw sends
 * it unchecked, to show how the kiosk handles a damaged record. Exit 0 when delivered, 1 when the
 * record is refused or cannot be delivered, 2 on bad usage. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/secure.h"
#include "idcard/idcard.h"

static int usage(void)
{
	fprintf(stderr, "usage: idcard_swipe [--raw] file:/PATH|socket:/PATH [RECORD.json|-]\n");
	return 2;
}

/* Reads the record (at most IDCARD_JSON_MAX bytes, so an oversized one can be sent with --raw). */
static long read_all(FILE *f, char *buf, size_t cap)
{
	size_t len = fread(buf, 1, cap, f);
	if (ferror(f))
		return -1;
	return (long)len;
}

static int to_file(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		fprintf(stderr, "idcard_swipe: %s: %s\n", path, strerror(errno));
		return 1;
	}
	ssize_t n = write(fd, buf, len);
	int rc = close(fd);
	if (n != (ssize_t)len || rc != 0) {
		fprintf(stderr, "idcard_swipe: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return 0;
}

static int to_socket(const char *path, const char *buf, size_t len)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "idcard_swipe: %s: path too long for a socket\n", path);
		return 1;
	}
	memcpy(addr.sun_path, path, strlen(path) + 1);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || sendto(fd, buf, len, 0, (struct sockaddr *)&addr, sizeof(addr)) != (ssize_t)len) {
		fprintf(stderr, "idcard_swipe: %s: %s (is the kiosk running with [idcard] reader = socket:%s?)\n", path,
			strerror(errno), path);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int a = 1, rc = 1;
	bool raw = false;
	if (a < argc && strcmp(argv[a], "--raw") == 0) {
		raw = true;
		a++;
	}
	if (a >= argc || argc - a > 2)
		return usage();
	const char *spec = argv[a], *from = a + 1 < argc ? argv[a + 1] : "-";
	FILE *in = strcmp(from, "-") == 0 ? stdin : fopen(from, "r");
	if (!in) {
		fprintf(stderr, "idcard_swipe: %s: %s\n", from, strerror(errno));
		return 1;
	}
	static char buf[IDCARD_JSON_MAX * 4];
	long len = read_all(in, buf, sizeof(buf));
	if (in != stdin)
		fclose(in);
	if (len < 0) {
		fprintf(stderr, "idcard_swipe: cannot read %s\n", from);
		return 1;
	}
	struct idcard_record card;
	char err[200];
	if (!raw && !idcard_record_from_json(buf, (size_t)len, &card, err, sizeof(err))) {
		fprintf(stderr, "idcard_swipe: %s: %s (--raw sends it anyway)\n", from, err);
		goto out;
	}
	idcard_record_wipe(&card);
	if (strncmp(spec, "file:/", 6) == 0)
		rc = to_file(spec + 5, buf, (size_t)len);
	else if (strncmp(spec, "socket:/", 8) == 0)
		rc = to_socket(spec + 7, buf, (size_t)len);
	else
		rc = usage();
out:
	secure_wipe(buf, sizeof(buf));
	return rc;
}
