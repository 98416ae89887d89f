/* mem_scan PID SCRIPT NEEDLES: looks through the memory of a running kiosk for what visitors typed.
 * NEEDLES has one string a line (names and ID numbers typed into forms that were then abandoned, the
 * staff PIN); SCRIPT is the driver script the kiosk is running, which holds every one of them
 * itself: the one copy of its text in the process is not counted, nor the main thread's stack, where
 * the driver copies the line it runs (an expect-not-contains of a name, say). Prints each needle found
 * elsewhere, with where, and exits 1 when any was; 0 when none; 2 when the memory cannot be read
 * (not root, or ptrace forbidden). Used by the reliability soak (tests/reliability/soak.sh) after the
 * last session was wiped: nothing of a visitor may stay in memory for the next one. */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define NEEDLES_MAX 4096
#define NEEDLE_LEN 128
#define REGION_MAX ((size_t)1 << 30) /* mappings larger than this are not kiosk data: skipped */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	*len = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) &&
		    fread(buf, 1, (size_t)n, f) == (size_t)n) {
			*len = (size_t)n;
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mem_scan PID SCRIPT NEEDLES\n");
		return 2;
	}
	static char needles[NEEDLES_MAX][NEEDLE_LEN];
	static int found[NEEDLES_MAX];
	int count = 0, status = 0;
	size_t script_len = 0, needles_len = 0;
	char *script = read_file(argv[2], &script_len);
	char *list = read_file(argv[3], &needles_len);
	char path[64], line[512];
	FILE *maps = NULL;
	int mem = -1;
	if (!script || !list || script_len < 64) {
		fprintf(stderr, "mem_scan: cannot read %s or %s\n", argv[2], argv[3]);
		status = 2;
		goto out;
	}
	for (char *save = NULL, *n = strtok_r(list, "\n", &save); n && count < NEEDLES_MAX; n = strtok_r(NULL, "\n", &save)) {
		if (strlen(n) >= 4 && strlen(n) < NEEDLE_LEN)
			snprintf(needles[count++], NEEDLE_LEN, "%s", n);
	}
	snprintf(path, sizeof(path), "/proc/%s/maps", argv[1]);
	maps = fopen(path, "r");
	snprintf(path, sizeof(path), "/proc/%s/mem", argv[1]);
	mem = open(path, O_RDONLY);
	if (!maps || mem < 0) {
		fprintf(stderr, "mem_scan: cannot read the memory of %s: %s\n", argv[1], strerror(errno));
		status = 2;
		goto out;
	}
	while (fgets(line, sizeof(line), maps)) {
		unsigned long lo, hi;
		char perms[8], name[256] = "[anon]";
		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255s", &lo, &hi, perms, name) < 3 || perms[0] != 'r' ||
		    hi - lo > REGION_MAX || strncmp(name, "[v", 2) == 0 || /* [vvar], [vdso], [vsyscall] */
		    strcmp(name, "[stack]") == 0) /* the driver's own line buffers (a needle it was told to expect) */
			continue;
		size_t len = hi - lo;
		char *buf = malloc(len);
		if (!buf || pread(mem, buf, len, (off_t)lo) != (ssize_t)len) {
			free(buf);
			continue;
		}
		/* The kiosk's copy of the script it runs: skipped wherever it lies in this mapping. */
		char *skip = memmem(buf, len, script, 64);
		size_t skip_len = skip && (size_t)(buf + len - skip) >= script_len ? script_len : 0;
		for (int i = 0; i < count; i++) {
			size_t nlen = strlen(needles[i]);
			for (char *at = buf; (at = memmem(at, len - (size_t)(at - buf), needles[i], nlen)); at++) {
				if (skip_len && at >= skip && at < skip + skip_len)
					continue;
				if (found[i]++ < 3)
					printf("%s at %#lx (%s)\n", needles[i], lo + (unsigned long)(at - buf), name);
			}
		}
		free(buf);
	}
	int hits = 0;
	for (int i = 0; i < count; i++)
		hits += found[i] > 0;
	printf("%d of %d strings typed by visitors found in memory outside the script\n", hits, count);
	status = hits ? 1 : 0;
out:
	if (maps)
		fclose(maps);
	if (mem >= 0)
		close(mem);
	free(script);
	free(list);
	return status;
}
