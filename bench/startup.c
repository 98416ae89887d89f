/* bench_startup RUNS KIOSK [ARGS...]: cold start to the first presented frame.
 * Spawns the kiosk with --first-frame RUNS times and measures from spawn to its "first-frame" line
 * (printed right after the frame was presented), which also carries the process's peak RSS.
 * Prints the median, p90 and min of the start time and the median peak RSS. */
#include <spawn.h>
#include <stdio.h>

#include "bench_stats.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_startup RUNS KIOSK [ARGS...]\n");
		return 2;
	}
	int runs = atoi(argv[1]);
	if (runs < 1 || runs > 1000)
		return 2;
	double *ms = calloc((size_t)runs, sizeof(*ms)), *rss = calloc((size_t)runs, sizeof(*rss));
	char **args = calloc((size_t)argc + 1, sizeof(*args));
	if (!ms || !rss || !args)
		return 1;
	for (int i = 2; i < argc; i++)
		args[i - 2] = argv[i];
	args[argc - 2] = "--first-frame";
	for (int r = 0; r < runs; r++) {
		int fds[2];
		if (pipe(fds) != 0)
			return 1;
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
		posix_spawn_file_actions_addclose(&fa, fds[0]);
		pid_t pid;
		double start = bench_now_ms();
		if (posix_spawn(&pid, args[0], &fa, NULL, args, environ) != 0) {
			perror("spawn");
			return 1;
		}
		close(fds[1]);
		char line[256] = "";
		size_t got = 0;
		while (got < sizeof(line) - 1) {
			ssize_t n = read(fds[0], line + got, 1);
			if (n <= 0 || line[got] == '\n')
				break;
			got++;
		}
		line[got] = '\0';
		ms[r] = bench_now_ms() - start;
		close(fds[0]);
		int status;
		waitpid(pid, &status, 0);
		posix_spawn_file_actions_destroy(&fa);
		long kib = 0;
		if (sscanf(line, "first-frame peak_rss_kib=%ld", &kib) != 1) {
			fprintf(stderr, "bench_startup: the kiosk did not report a first frame (\"%s\")\n", line);
			return 1;
		}
		rss[r] = (double)kib;
	}
	double median = bench_quantile(ms, (size_t)runs, 0.5), p90 = bench_quantile(ms, (size_t)runs, 0.9);
	printf("start to first frame: median %.1f ms, p90 %.1f ms, min %.1f ms over %d runs; peak RSS median %.1f MiB\n",
	       median, p90, ms[0], runs, bench_quantile(rss, (size_t)runs, 0.5) / 1024.0);
	free(ms);
	free(rss);
	free(args);
	return 0;
}
