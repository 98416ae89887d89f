/* `kiosk --provision`: makes a freshly installed kiosk this hall's kiosk in one command.
 *
 *   civic-kiosk --provision --config /etc/civic-kiosk/kiosk.ini --data /var/lib/civic-kiosk \
 *       --id ID --backend URL --secret - [--ca-file PATH] [--staff-pin -] [--no-check]
 *
 * Sets [kiosk] id, [backend] url, [backend] secret and [backend] ca_file in the configuration file
 * (in place, atomically, validated against the options table: config/config_file.h), sets the staff
 * PIN (its Argon2id hash in DATA/staff.pin, through staff_provision_pin), then sends one signed
 * heartbeat to the backend and says what answered: success, or the exact failure (name not
 * resolved, connection refused, timeout, TLS certificate, 401 bad signature or clock skew, another
 * HTTP status). Prints what it set, the secret masked.
 *
 * Secrets never come from the command line unless given there: `--secret -` and `--staff-pin -` read
 * one line each from standard input, in that order (on a terminal: prompted, without echo), so they
 * stay out of the shell history and the process list. The staff PIN is only ever read from stdin.
 * Run as root: the file keeps its owner, group and mode; files made in DATA are given to DATA's owner.
 *
 * Exit status: 0 set and the backend accepted the heartbeat (or --no-check, or no backend URL);
 * 2 nothing changed (bad arguments, a value the options table refuses, a file that cannot be written);
 * 3 set, but the backend check failed (the reason on stderr). */
#ifndef KIOSK_PROVISION_PROVISION_H
#define KIOSK_PROVISION_PROVISION_H

#include <stdio.h>

/* Runs provisioning with the process's arguments (argv[0] and "--provision" are skipped). */
int provision_main(int argc, char **argv, FILE *in, FILE *out, FILE *err);

#endif
