/* Whether the machine has a network link at all: an interface other than loopback that is up and
 * running with an IPv4 or IPv6 address. Says nothing about the backend (the sync engine knows that);
 * tells staff whether "backend unreachable" is a cable or the far end. */
#ifndef KIOSK_NET_LINK_STATE_H
#define KIOSK_NET_LINK_STATE_H

#include <stdbool.h>
#include <stddef.h>

/* True when some non-loopback interface is up with an address; names the first in name (may be NULL). */
bool link_state_up(char *name, size_t name_len);

#endif
