/* ime_deploy: compiles ("deploys") the Rime pinyin schemas the kiosk uses into one self-contained
 * directory, once, at build time (a CMake custom command), so neither the kiosk's start nor a test
 * ever deploys. Deploying parses the schemas, applies the kiosk's patches (the .custom.yaml files in
 * kiosk/ime/rime: no user dictionary, pinyin only) and writes the compiled schema files; the dictionary table is
 * copied beside them, so the directory matches itself even if Debian's rime data is updated later.
 * Then it checks the result as the kiosk will use it: zhangsan gives 张三 (simplified) and 張三
 * (traditional) first.
 *
 *   ime_deploy --rime-data /usr/share/rime-data --patches kiosk/ime/rime --out build/ime
 *
 * Exit 0 when the directory is ready (OUT/deployed.txt written last), 1 otherwise. Depends on librime
 * and the rime-data-luna-pinyin package (build time only). */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rime_api.h>

#define PATH_CAP 1024

static const char *const schemas[] = {"luna_pinyin_simp", "luna_pinyin"};
static const char *const expected[] = {"张三", "張三"};
/* Compiled files the runtime opens that a deployment leaves in the prebuilt directory. */
static const char *const copied[] = {"luna_pinyin.table.bin"};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* dir/name into out; false when it does not fit. */
static bool path_join(char *out, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(out, cap, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= cap) {
		fprintf(stderr, "ime_deploy: path too long: %s/%s\n", dir, name);
		return false;
	}
	return true;
}

static bool copy_file(const char *from, const char *to)
{
	bool ok = false;
	char buf[1 << 16];
	FILE *in = fopen(from, "rb"), *out = NULL;
	if (!in)
		goto out;
	out = fopen(to, "wb");
	if (!out)
		goto out;
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		if (fwrite(buf, 1, n, out) != n)
			goto out;
	}
	ok = !ferror(in);
out:
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "ime_deploy: cannot copy %s to %s: %s\n", from, to, strerror(errno));
	return ok;
}

/* Removes the files directly in dir (the tool's own scratch and output directories hold no subfolders). */
static void empty_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[PATH_CAP];
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (path_join(path, sizeof(path), dir, e->d_name))
			unlink(path);
	}
	closedir(d);
}

/* Copies the kiosk's *.custom.yaml patches into the scratch user directory, where Rime reads them. */
static bool copy_patches(const char *patches, const char *user_dir)
{
	bool ok = false;
	int count = 0;
	char from[PATH_CAP], to[PATH_CAP];
	DIR *d = opendir(patches);
	if (!d) {
		fprintf(stderr, "ime_deploy: %s: %s\n", patches, strerror(errno));
		goto out;
	}
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 12 || strcmp(e->d_name + len - 12, ".custom.yaml") != 0)
			continue;
		if (!path_join(from, sizeof(from), patches, e->d_name) || !path_join(to, sizeof(to), user_dir, e->d_name) ||
		    !copy_file(from, to))
			goto out;
		count++;
	}
	ok = count > 0;
	if (!ok)
		fprintf(stderr, "ime_deploy: no *.custom.yaml in %s\n", patches);
out:
	if (d)
		closedir(d);
	return ok;
}

/* The first candidate for "zhangsan" in schema, as the kiosk will see it. */
static bool check_schema(RimeApi *api, const char *schema, const char *want)
{
	bool ok = false;
	RimeSessionId s = api->create_session();
	if (!s || !api->select_schema(s, schema)) {
		fprintf(stderr, "ime_deploy: schema %s does not load from the deployed directory\n", schema);
		goto out;
	}
	for (const char *p = "zhangsan"; *p; p++)
		api->process_key(s, *p, 0);
	RimeCandidateListIterator it;
	memset(&it, 0, sizeof(it));
	if (api->candidate_list_begin(s, &it)) {
		if (api->candidate_list_next(&it) && it.candidate.text && strcmp(it.candidate.text, want) == 0)
			ok = true;
		else
			fprintf(stderr, "ime_deploy: %s gives %s first for zhangsan, expected %s\n", schema,
				it.candidate.text ? it.candidate.text : "nothing", want);
		api->candidate_list_end(&it);
	} else {
		fprintf(stderr, "ime_deploy: %s offers no candidates for zhangsan\n", schema);
	}
out:
	if (s)
		api->destroy_session(s);
	return ok;
}

static int usage(void)
{
	fprintf(stderr, "usage: ime_deploy --rime-data DIR --patches DIR --out DIR\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *rime_data = NULL, *patches = NULL, *out_dir = NULL;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--rime-data") == 0)
			rime_data = argv[i + 1];
		else if (strcmp(argv[i], "--patches") == 0)
			patches = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			out_dir = argv[i + 1];
		else
			return usage();
	}
	if (!rime_data || !patches || !out_dir || argc % 2 == 0)
		return usage();

	int status = 1;
	bool initialized = false;
	char work[] = "/tmp/ime_deploy.XXXXXX";
	char user_dir[PATH_CAP], check_dir[PATH_CAP], prebuilt[PATH_CAP], from[PATH_CAP], to[PATH_CAP];
	if (!mkdtemp(work)) {
		fprintf(stderr, "ime_deploy: cannot make a scratch directory: %s\n", strerror(errno));
		return 1;
	}
	if (!path_join(user_dir, sizeof(user_dir), work, "user") || !path_join(check_dir, sizeof(check_dir), work, "check") ||
	    !path_join(prebuilt, sizeof(prebuilt), rime_data, "build")) {
		user_dir[0] = check_dir[0] = '\0';
		goto out;
	}
	if (mkdir(user_dir, 0700) != 0 || mkdir(check_dir, 0700) != 0 || (mkdir(out_dir, 0755) != 0 && errno != EEXIST)) {
		fprintf(stderr, "ime_deploy: cannot make directories: %s\n", strerror(errno));
		goto out;
	}
	empty_dir(out_dir); /* nothing of an earlier deployment may survive into this one */
	if (!copy_patches(patches, user_dir))
		goto out;

	RimeApi *api = rime_get_api();
	RIME_STRUCT(RimeTraits, traits);
	traits.shared_data_dir = rime_data;
	traits.user_data_dir = user_dir;
	traits.prebuilt_data_dir = prebuilt;
	traits.staging_dir = out_dir;
	traits.distribution_name = "civic-kiosk";
	traits.distribution_code_name = "civic-kiosk";
	traits.distribution_version = "1";
	traits.app_name = "rime.civic-kiosk-deploy";
	traits.min_log_level = 2; /* errors only, on stderr and in the scratch directory */
	traits.log_dir = work;
	double t0 = now_ms();
	api->setup(&traits);
	api->deployer_initialize(&traits);
	if (!api->deploy()) {
		fprintf(stderr, "ime_deploy: rime could not deploy the schemas (is rime-data-luna-pinyin installed?)\n");
		goto out;
	}
	double deployed = now_ms() - t0;
	for (size_t i = 0; i < sizeof(copied) / sizeof(copied[0]); i++) {
		if (!path_join(to, sizeof(to), out_dir, copied[i]))
			goto out;
		if (access(to, R_OK) == 0)
			continue;
		if (!path_join(from, sizeof(from), prebuilt, copied[i]) || !copy_file(from, to))
			goto out;
	}

	/* The check runs as the kiosk does: everything from the output directory, a fresh user directory. */
	traits.shared_data_dir = out_dir;
	traits.prebuilt_data_dir = out_dir;
	traits.user_data_dir = check_dir;
	api->initialize(&traits);
	initialized = true;
	for (size_t i = 0; i < sizeof(schemas) / sizeof(schemas[0]); i++) {
		if (!check_schema(api, schemas[i], expected[i]))
			goto out;
	}
	FILE *f = path_join(to, sizeof(to), out_dir, "deployed.txt") ? fopen(to, "w") : NULL;
	if (!f || fprintf(f, "librime %s\nschemas luna_pinyin_simp luna_pinyin\nfrom %s\n", api->get_version(), rime_data) < 0 ||
	    fclose(f) != 0) {
		fprintf(stderr, "ime_deploy: cannot write %s\n", to);
		goto out;
	}
	printf("ime_deploy: deployed luna_pinyin_simp and luna_pinyin into %s in %.0f ms\n", out_dir, deployed);
	status = 0;
out:
	if (initialized)
		rime_get_api()->finalize();
	if (user_dir[0]) {
		empty_dir(user_dir);
		empty_dir(check_dir);
		rmdir(user_dir);
		rmdir(check_dir);
	}
	empty_dir(work);
	rmdir(work);
	return status;
}
