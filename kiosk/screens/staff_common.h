/* What the staff screens share: their chrome (a bar with Back and "退出员工模式", the language switch,
 * the keyboard while a field is focused), "label: value" rows, a PIN pad, and the formats for times,
 * ages and sizes. Staff screens use the standard theme (set on entry) and the staff catalogue (assets/i18n/staff). */
#ifndef KIOSK_SCREENS_STAFF_COMMON_H
#define KIOSK_SCREENS_STAFF_COMMON_H

#include <stdint.h>

#include "screens/screen.h"
#include "staff/staff_mode.h"

struct staff_chrome {
	const char *title;
	bool back; /* a Back button (every staff screen but the home) */
	bool exit; /* the "leave staff mode" button (false on the PIN screen: it has Cancel) */
	struct rect keyboard; /* h = 0 when no field is focused */
};

/* The staff mode of the kiosk; NULL when the app has none (never on a real kiosk). */
static inline struct staff_mode *staff_of(struct screen_ctx *ctx)
{
	return ctx->kiosk->staff;
}

/* Draws the bar and the language switch; returns the content area. */
struct rect staff_begin(struct screen_ctx *ctx, struct staff_chrome *c);
/* Draws the keyboard when a field is focused. */
void staff_end(struct screen_ctx *ctx, struct staff_chrome *c);
/* A heading across r; returns its height. */
int staff_heading(struct screen_ctx *ctx, const char *id, struct rect r, const char *text);
/* One "label    value" row (value right of a label column, wrapping under it when narrow); returns
 * its height. ids: ID.label, ID (the value). */
int staff_row(struct screen_ctx *ctx, const char *id, struct rect r, const char *label, const char *value,
	      struct color value_color);
/* A full-width button of a kind; true when tapped. */
bool staff_button(struct screen_ctx *ctx, const char *id, struct rect r, const char *text, enum ui_button_kind kind,
		  bool enabled);

/* A numeric PIN pad (digits, delete, clear) under a row of dots for the digits typed so far; the
 * digits go into field (never drawn). Returns the height used. ids: PREFIX.dots, PREFIX.0 … PREFIX.9,
 * PREFIX.bs, PREFIX.clear. */
int staff_pin_pad(struct screen_ctx *ctx, const char *prefix, struct rect r, struct ui_field *field, bool enabled);

/* "2026-11-28 21:58" in China Standard Time; "—" for 0. */
void staff_format_time(int64_t t, char *out, size_t len);
/* An age in words: "45 秒", "12 分钟", "3 小时", "2 天" (or English). */
void staff_format_age(struct screen_ctx *ctx, int64_t seconds, char *out, size_t len);
/* "1.2 GB", "340 MB", "12 KB"; "—" for a negative (unknown) size. */
void staff_format_bytes(int64_t bytes, char *out, size_t len);

#endif
