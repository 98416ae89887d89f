/* The store's key file and payload encryption; see store_crypto.h. Depends on libsodium, POSIX
 * file calls and core/log, core/secure. Limits: a payload is sealed in one piece (no streaming); the
 * caller bounds its size. Key bytes and plaintexts are wiped before their memory is released. */
#include "data/store_crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/secure.h"

#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES

static void say(char *why, size_t why_len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *why, size_t why_len, const char *fmt, ...)
{
	if (!why || !why_len)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, why_len, fmt, ap);
	va_end(ap);
}

/* Reads exactly len bytes unless the file ends or fails first; returns what was read or -1. */
static ssize_t read_full(int fd, unsigned char *buf, size_t len)
{
	size_t got = 0;
	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

enum store_key_status store_crypto_load_key(const char *path, unsigned char key[STORE_KEY_BYTES], char *why,
					    size_t why_len)
{
	enum store_key_status result = STORE_KEY_REFUSED;
	unsigned char buf[STORE_KEY_BYTES + 1];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT) {
			result = STORE_KEY_ABSENT;
			say(why, why_len, "The key file %s does not exist.", path);
		} else {
			say(why, why_len, "The key file %s cannot be opened (%s).", path, strerror(errno));
		}
		goto out;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		say(why, why_len, "The key file %s cannot be examined (%s).", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		say(why, why_len, "The key file %s is not a regular file; it was refused.", path);
		goto out;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		say(why, why_len,
		    "The key file %s has mode %04o: it is open to group or others, so it was refused. "
		    "Set it to 0600 (chmod 600) after checking who could have read it.",
		    path, (unsigned)(st.st_mode & 07777));
		goto out;
	}
	ssize_t n = read_full(fd, buf, sizeof(buf));
	if (n < 0) {
		say(why, why_len, "The key file %s cannot be read (%s).", path, strerror(errno));
		goto out;
	}
	if (n != STORE_KEY_BYTES) {
		say(why, why_len, "The key file %s is %s %d bytes long: it is damaged or not a kiosk key.", path,
		    n > STORE_KEY_BYTES ? "more than" : "not", STORE_KEY_BYTES);
		goto out;
	}
	memcpy(key, buf, STORE_KEY_BYTES);
	result = STORE_KEY_LOADED;
out:
	secure_wipe(buf, sizeof(buf));
	if (fd >= 0)
		close(fd);
	return result;
}

enum store_key_status store_crypto_create_key(const char *path, const char *dir, unsigned char key[STORE_KEY_BYTES],
					      char *why, size_t why_len)
{
	enum store_key_status result = STORE_KEY_REFUSED;
	unsigned char buf[STORE_KEY_BYTES];
	bool made = false;
	int dfd = -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST) {
		/* Another connection made it between our look and now: use theirs, never replace it. */
		result = store_crypto_load_key(path, key, why, why_len);
		goto out;
	}
	if (fd < 0) {
		say(why, why_len, "The key file %s cannot be created (%s).", path, strerror(errno));
		goto out;
	}
	made = true;
	if (fchmod(fd, 0600) != 0) {
		say(why, why_len, "The key file %s cannot be set to mode 0600 (%s).", path, strerror(errno));
		goto out;
	}
	randombytes_buf(buf, sizeof(buf));
	size_t done = 0;
	while (done < sizeof(buf)) {
		ssize_t n = write(fd, buf + done, sizeof(buf) - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			say(why, why_len, "The key file %s cannot be written (%s).", path,
			    n < 0 ? strerror(errno) : "short write");
			goto out;
		}
		done += (size_t)n;
	}
	if (fsync(fd) != 0) {
		say(why, why_len, "The key file %s cannot be synced to disk (%s).", path, strerror(errno));
		goto out;
	}
	/* The directory entry must be durable too, or a power cut could lose the key of stored data. */
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || fsync(dfd) != 0) {
		say(why, why_len, "The data directory %s cannot be synced to disk (%s).", dir, strerror(errno));
		goto out;
	}
	memcpy(key, buf, STORE_KEY_BYTES);
	kiosk_log(LOG_INFO, "created the key file %s (mode 0600)", path);
	result = STORE_KEY_LOADED;
out:
	secure_wipe(buf, sizeof(buf));
	if (dfd >= 0)
		close(dfd);
	if (fd >= 0)
		close(fd);
	/* A half-written key we just made protects nothing yet; leaving it would block every later start. */
	if (made && result != STORE_KEY_LOADED && unlink(path) != 0)
		kiosk_log_errno(LOG_ERROR, "cannot remove the incomplete key file %s", path);
	return result;
}

bool store_crypto_seal(const unsigned char key[STORE_KEY_BYTES], const char *ad, size_t ad_len, const void *plain,
		       size_t len, unsigned char **blob, size_t *blob_len)
{
	bool ok = false;
	unsigned char *out = NULL;
	*blob = NULL;
	*blob_len = 0;
	if (len > SIZE_MAX - NONCE_BYTES - TAG_BYTES)
		goto out;
	out = malloc(NONCE_BYTES + len + TAG_BYTES);
	if (!out)
		goto out;
	randombytes_buf(out, NONCE_BYTES);
	unsigned long long clen = 0;
	if (crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE_BYTES, &clen, plain, len,
						       (const unsigned char *)ad, ad_len, NULL, out, key) != 0)
		goto out;
	*blob = out;
	*blob_len = NONCE_BYTES + (size_t)clen;
	out = NULL;
	ok = true;
out:
	free(out);
	return ok;
}

bool store_crypto_open(const unsigned char key[STORE_KEY_BYTES], const char *ad, size_t ad_len,
		       const unsigned char *blob, size_t blob_len, char **plain, size_t *len)
{
	bool ok = false;
	char *out = NULL;
	size_t cap = 0;
	*plain = NULL;
	*len = 0;
	if (!blob || blob_len < NONCE_BYTES + TAG_BYTES)
		goto out;
	cap = blob_len - NONCE_BYTES - TAG_BYTES + 1;
	out = malloc(cap);
	if (!out)
		goto out;
	unsigned long long mlen = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)out, &mlen, NULL, blob + NONCE_BYTES,
						       blob_len - NONCE_BYTES, (const unsigned char *)ad, ad_len,
						       blob, key) != 0)
		goto out;
	out[mlen] = '\0';
	*plain = out;
	*len = (size_t)mlen;
	out = NULL;
	ok = true;
out:
	store_crypto_free_plain(out, cap ? cap - 1 : 0);
	return ok;
}

void store_crypto_free_plain(char *plain, size_t len)
{
	if (!plain)
		return;
	sodium_memzero(plain, len + 1);
	free(plain);
}
