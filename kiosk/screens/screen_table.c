/* Every screen of the kiosk, by name. */
#include "screens/screen.h"

#include <string.h>

void home_build(struct screen_ctx *ctx);

static const struct screen_desc screens[] = {
	{"home", home_build},
};

const struct screen_desc *screen_find(const char *name)
{
	for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++) {
		if (strcmp(screens[i].name, name) == 0)
			return &screens[i];
	}
	return NULL;
}
