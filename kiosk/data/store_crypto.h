/* Internal to kiosk/data: the store's key file and the encryption of submission payloads.
 * Depends on libsodium (sodium_init must have run). The key file is 32 random bytes, mode 0600,
 * never overwritten and never replaced by this module. A sealed blob is nonce || ciphertext || tag
 * (XChaCha20-Poly1305 IETF); the additional data binds a blob to its record. */
#ifndef KIOSK_DATA_STORE_CRYPTO_H
#define KIOSK_DATA_STORE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#define STORE_KEY_BYTES 32

enum store_key_status {
	STORE_KEY_LOADED,
	STORE_KEY_ABSENT, /* no key file */
	STORE_KEY_REFUSED, /* present but unusable: why says which check failed */
};

/* Reads the key file at path into key; refuses a file that is not a regular file, not exactly
 * STORE_KEY_BYTES long, or readable/writable by group or others. */
enum store_key_status store_crypto_load_key(const char *path, unsigned char key[STORE_KEY_BYTES], char *why,
					    size_t why_len);
/* Creates the key file (O_CREAT|O_EXCL, mode 0600, fsync'd with its directory dir) from fresh random
 * bytes; when another opener made it first, loads that one instead. */
enum store_key_status store_crypto_create_key(const char *path, const char *dir, unsigned char key[STORE_KEY_BYTES],
					      char *why, size_t why_len);
/* Encrypts plain[0..len) under key with a random nonce, binding ad; *blob is malloc'd (free()). */
bool store_crypto_seal(const unsigned char key[STORE_KEY_BYTES], const char *ad, size_t ad_len, const void *plain,
		       size_t len, unsigned char **blob, size_t *blob_len);
/* Decrypts a blob made by store_crypto_seal with the same ad; *plain is malloc'd with a NUL after
 * *len bytes, to be freed with store_crypto_free_plain. False when the key or ad does not match or
 * the blob is damaged (nothing is returned then). */
bool store_crypto_open(const unsigned char key[STORE_KEY_BYTES], const char *ad, size_t ad_len,
		       const unsigned char *blob, size_t blob_len, char **plain, size_t *len);
/* Wipes and frees a buffer from store_crypto_open (len as returned); NULL is a no-op. */
void store_crypto_free_plain(char *plain, size_t len);

#endif
