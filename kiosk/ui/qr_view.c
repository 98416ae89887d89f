/* QR codes with libqrencode: error correction M, 8-bit mode (URLs, references), a four-module quiet
 * zone, whole-pixel modules so scanners see sharp edges. Dark on white in every theme: scanners expect
 * it. */
#include <qrencode.h>
#include <stdio.h>

#include "core/utf8.h"
#include "ui/widgets.h"

bool ui_qr(struct ui *ui, const char *id, struct rect r, const char *text, const char *label)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return false;
	int side = r.w < r.h ? r.w : r.h;
	int modules = qr->width + 8;
	int m = side / modules;
	if (m < 1)
		m = 1;
	int total = m * modules;
	struct rect box = {r.x + (r.w - total) / 2, r.y + (r.h - total) / 2, total, total};
	struct color white = COLOR_HEX(0xFFFFFF), black = COLOR_HEX(0x000000);
	draw_list_rect(&ui->draw, box, white, 0, 0, white);
	for (int y = 0; y < qr->width; y++) {
		/* Runs of dark modules in a row become one rectangle. */
		for (int x = 0; x < qr->width;) {
			if (!(qr->data[y * qr->width + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < qr->width && (qr->data[y * qr->width + x + run] & 1))
				run++;
			draw_list_rect(&ui->draw, (struct rect){box.x + (x + 4) * m, box.y + (y + 4) * m, run * m, m}, black, 0,
				       0, black);
			x += run;
		}
	}
	struct ui_widget *w = ui_record(ui, id, "image", box);
	if (w) {
		utf8_copy(w->text, sizeof(w->text), text);
		utf8_copy(w->label, sizeof(w->label), label ? label : "QR");
		w->fg = black;
		w->bg = white;
	}
	QRcode_free(qr);
	return true;
}
