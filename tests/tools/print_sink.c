/* A network receipt printer stand-in for the printing tests: listens on 127.0.0.1 (a free port,
 * written to PORTFILE), takes connections one at a time as a raw "port 9100" printer does (CUPS's
 * socket backend sends the job and closes its side), and appends what each one sent to OUTFILE.
 * Bounded: at most 1 MiB a connection, 64 connections, and it exits by itself after 600 s. Stops on
 * SIGTERM or SIGINT.
 * usage: print_sink PORTFILE OUTFILE */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_BYTES (1 << 20)
#define MAX_CONNECTIONS 64
#define LIFETIME_S 600

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: print_sink PORTFILE OUTFILE\n");
		return 2;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t alen = sizeof(a);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(s, 4) != 0 ||
	    getsockname(s, (struct sockaddr *)&a, &alen) != 0) {
		perror("print_sink: listen");
		return 1;
	}
	FILE *pf = fopen(argv[1], "w");
	if (!pf) {
		perror("print_sink: port file");
		return 1;
	}
	fprintf(pf, "%d\n", ntohs(a.sin_port));
	fclose(pf);
	time_t until = time(NULL) + LIFETIME_S;
	for (int n = 0; n < MAX_CONNECTIONS && !stop && time(NULL) < until;) {
		struct pollfd p = {s, POLLIN, 0};
		if (poll(&p, 1, 200) <= 0)
			continue;
		int c = accept(s, NULL, NULL);
		if (c < 0)
			continue;
		n++;
		int out = open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0644);
		char buf[4096];
		long total = 0;
		for (;;) {
			struct pollfd q = {c, POLLIN, 0};
			if (poll(&q, 1, 10000) <= 0)
				break; /* a sender that stalls for 10 s is done */
			ssize_t got = read(c, buf, sizeof(buf));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break;
			total += got;
			if (out >= 0 && total <= MAX_BYTES && write(out, buf, (size_t)got) != got)
				break;
		}
		if (out >= 0)
			close(out);
		close(c);
	}
	close(s);
	return 0;
}
