/* Network link state; see link_state.h. getifaddrs(3) is a BSD/glibc interface. */
#define _DEFAULT_SOURCE
#include "net/link_state.h"

#include <ifaddrs.h>
#include <net/if.h>
#include <stdio.h>
#include <sys/socket.h>

bool link_state_up(char *name, size_t name_len)
{
	struct ifaddrs *list = NULL;
	bool up = false;
	if (getifaddrs(&list) != 0)
		return false;
	for (struct ifaddrs *i = list; i && !up; i = i->ifa_next) {
		if (!i->ifa_addr || (i->ifa_flags & IFF_LOOPBACK) || !(i->ifa_flags & IFF_UP) ||
		    !(i->ifa_flags & IFF_RUNNING))
			continue;
		if (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6)
			continue;
		up = true;
		if (name && name_len)
			snprintf(name, name_len, "%s", i->ifa_name);
	}
	freeifaddrs(list);
	return up;
}
