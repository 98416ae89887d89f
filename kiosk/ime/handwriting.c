/* Handwriting recognition with zinnia on a worker thread; see handwriting.h.
 *
 * Hand-over: the UI thread owns the strokes. Each change (a stroke, undo, clear, a pick) bumps a
 * generation and, while strokes remain, copies them into the job under the lock and wakes the worker.
 * The worker classifies its own copy and publishes the candidates with the generation they are for;
 * results of an older generation are dropped, so a fast writer only ever sees the newest. The UI
 * thread shows the last published candidates until newer ones arrive (no flicker while writing).
 *
 * Recognition (worker): the strokes as drawn are classified first and their candidates published at
 * once. When the best score is below REORDER_GATE (the model is unsure) the strokes are also tried in
 * the alternative order kept from the last stroke plus the new one, and with each of the two strokes
 * before the newest moved to the end; every candidate keeps its best score, an arrangement other than
 * as drawn costing REORDER_PENALTY. The order whose best candidate scored highest is kept for the next
 * stroke (per stroke count, so undo needs no work, and strokes that came faster than recognition are
 * caught up with: the result never depends on the writer's pace). Measured on the recorded strokes in
 * tests/unit/fixtures/strokes: 张 written in the standard order (长: 撇 横 竖提 捺) is not in the
 * model's top 10 as drawn and first with this; no recorded character lost its place in the top 5. The
 * gate and penalty were chosen on the first 22 recordings; with a penalty of 0.3, five written later
 * (孙 马 朱 胡 高) showed 朱 losing first place to a reordering, which 0.4 avoids.
 * The merged list then replaces the first one (tens of ms later, before a finger can move to it).
 * Before they are shown, components are mapped or moved below real characters, and look-alikes the
 * model cannot return are added beside the character they are read as. Traditional forms are added on
 * the UI thread when the candidates are shown, so a language switch needs no new classification.
 *
 * Classification takes 4–25 ms of CPU a try on the 2-core development machine
 * (bench/handwriting_bench.c); up to four tries a stroke would cost several frames, hence the worker. */
#include "ime/handwriting.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zinnia.h>

#include "core/install_paths.h"
#include "core/log.h"
#include "core/secure.h"
#include "core/utf8.h"
#include "ime/hant_forms.h"
#include "lazy/libraries.h"

#define NBEST 20 /* candidates asked of zinnia per arrangement */
#define SIMPLIFIED_MAX 20 /* Simplified candidates kept after merging */
#define MERGE_MAX 64
#define REORDER_GATE (-0.3f) /* try other stroke orders when the best score is below this */
#define REORDER_PENALTY 0.4f /* score cost of an arrangement other than as drawn */
#define CHAR_BYTES 8 /* one UTF-8 character and its NUL */
#define DOT_LENGTH 8 /* ink units: how long a tap's dot is made for zinnia */
/* zinnia splits a stroke at its corners recursively and indexes the parts by 2i+1, 2i+2, sizing a vector
 * by the deepest index: a zig-zag of a few dozen corners asks for gigabytes and aborts the process
 * (std::bad_alloc through C). Strokes go to zinnia with at most this many points, the most significant
 * ones (Ramer–Douglas–Peucker), which keeps every corner a written stroke has and bounds the vector. */
#define ZINNIA_POINTS_MAX 16
#define SIMPLIFY_TOLERANCE 3 /* ink units: points closer than this to the line of their neighbours go */

struct stroke {
	struct ui_point points[HANDWRITING_MAX_POINTS];
	int count;
	unsigned serial; /* identifies the stroke across copies (the kept stroke order refers to it) */
};

struct outline {
	struct ui_point points[ZINNIA_POINTS_MAX];
	int count;
};

struct candidate {
	char text[CHAR_BYTES];
	float score;
};

struct handwriting {
	struct ui_input_method method;
	zinnia_recognizer_t *recognizer;
	struct hant_forms *forms;
	void (*ready)(void *ctx);
	void *ready_ctx;

	/* UI thread */
	struct stroke strokes[HANDWRITING_MAX_STROKES];
	int stroke_count;
	unsigned next_serial;
	bool traditional;
	unsigned shown_serial; /* the publication raw[] was copied from */
	bool shown_traditional;
	char raw[SIMPLIFIED_MAX][CHAR_BYTES]; /* the published Simplified candidates, copied */
	int raw_count;
	char shown[HANDWRITING_MAX_CANDIDATES][CHAR_BYTES]; /* what candidates() hands out */
	int shown_count;
	bool shown_valid;

	/* guarded by lock */
	pthread_mutex_t lock;
	pthread_cond_t wake; /* the worker: a job or quit */
	pthread_cond_t done; /* waiters: a result was published */
	unsigned gen; /* bumped by every change of the strokes */
	struct stroke job[HANDWRITING_MAX_STROKES];
	int job_count;
	unsigned job_gen;
	bool job_pending, quit;
	char result[SIMPLIFIED_MAX][CHAR_BYTES];
	int result_count;
	unsigned result_gen; /* the candidates' generation (perhaps while better ones are being found) */
	unsigned result_serial; /* bumped by every publication: the better list of the same generation too */
	unsigned final_gen; /* the last generation whose candidates are complete */
	pthread_t worker;
	bool worker_started;

	/* worker thread */
	char model_path[1024]; /* opened by the worker for its first job: 26 MB kept out of an idle kiosk */
	bool model_ok;
	struct stroke work[HANDWRITING_MAX_STROKES];
	struct outline outlines[HANDWRITING_MAX_STROKES]; /* work[] as given to zinnia */
	/* The strokes whose stroke-order bookkeeping is done (serials), and for each count k of them the
	 * alternative order kept after the k-th stroke (serials; length 0: none) with its penalty. Kept per
	 * count so undo goes back without work, and strokes that came faster than recognition (whose
	 * generations were dropped) are caught up with, so the result never depends on the writer's pace. */
	unsigned seen[HANDWRITING_MAX_STROKES];
	int seen_len;
	unsigned alt[HANDWRITING_MAX_STROKES + 1][HANDWRITING_MAX_STROKES];
	int alt_len[HANDWRITING_MAX_STROKES + 1];
	float alt_penalty[HANDWRITING_MAX_STROKES + 1];
};

/* ---- post-processing tables ---- */

/* Components the model returns that are drawn exactly like a real character: replaced by it. */
static const char *const component_as[][2] = {
	{"囗", "口"}, /* the enclosure radical, for 口 written on its own */
};

/* Components (radicals written as parts of characters) that the model returns as candidates, found by
 * listing the model's characters: never what a person means when they write a whole character, so
 * they go below every real character. 乙 弋 亍 are words of their own and stay. */
static const char *const components[] = {
	"亻", "氵", "扌", "忄", "宀", "冖", "冫", "讠", "纟", "钅", "饣", "犭", "艹", "辶", "阝", "刂",
	"卩", "厶", "廴", "廾", "彡", "彳", "勹", "匚", "冂", "凵", "亠", "丨", "丿", "丶", "夂", "攵",
	"灬", "礻", "衤", "疒", "虍", "丬", "爿", "彐", "尢", "屮", "巛", "囗",
};

/* Characters the model cannot return for their standard stroke order, offered right after the
 * character it reads them as. 于 (横 横 竖钩) is not in the model's 200 best for any drawing of it in
 * order (its entry only matches the strokes drawn bottom up); it is read as 干, whose strokes differ
 * only by the hook, which a finger often loses. */
static const char *const look_alike[][2] = {
	{"干", "于"},
};

static bool is_component(const char *s)
{
	for (size_t i = 0; i < sizeof(components) / sizeof(components[0]); i++) {
		if (strcmp(s, components[i]) == 0)
			return true;
	}
	return false;
}

/* ---- the worker ---- */

static void merge(struct candidate *c, int *n, const char *text, float score)
{
	if (strlen(text) >= CHAR_BYTES)
		return;
	for (int i = 0; i < *n; i++) {
		if (strcmp(c[i].text, text) == 0) {
			if (score > c[i].score)
				c[i].score = score;
			return;
		}
	}
	if (*n < MERGE_MAX) {
		snprintf(c[*n].text, CHAR_BYTES, "%s", text);
		c[*n].score = score;
		(*n)++;
	}
}

/* Squared distance of p from the line through a and b (from a when they coincide), times |ab|². */
static double off_line(struct ui_point p, struct ui_point a, struct ui_point b)
{
	double dx = b.x - a.x, dy = b.y - a.y, px = p.x - a.x, py = p.y - a.y;
	double len2 = dx * dx + dy * dy;
	if (len2 == 0)
		return (px * px + py * py);
	double cross = dx * py - dy * px;
	return cross * cross / len2;
}

/* The stroke reduced to its most significant points: both ends, then again and again the point farthest
 * from the segment it lies on, until ZINNIA_POINTS_MAX or none is farther than SIMPLIFY_TOLERANCE. */
static void simplify(const struct stroke *s, struct outline *o)
{
	bool keep[HANDWRITING_MAX_POINTS] = {false};
	int n = s->count, kept = n > 1 ? 2 : n;
	keep[0] = true;
	keep[n - 1] = true;
	while (kept < ZINNIA_POINTS_MAX) {
		double best = (double)SIMPLIFY_TOLERANCE * SIMPLIFY_TOLERANCE;
		int best_i = -1;
		for (int a = 0; a < n - 1;) {
			int b = a + 1;
			while (!keep[b])
				b++;
			for (int i = a + 1; i < b; i++) {
				double d = off_line(s->points[i], s->points[a], s->points[b]);
				if (d > best) {
					best = d;
					best_i = i;
				}
			}
			a = b;
		}
		if (best_i < 0)
			break;
		keep[best_i] = true;
		kept++;
	}
	o->count = 0;
	for (int i = 0; i < n; i++) {
		if (keep[i])
			o->points[o->count++] = s->points[i];
	}
}

/* Classifies the strokes in the given order and merges the candidates with penalty taken off their
 * scores; returns the best score of this arrangement (-inf-ish when nothing came back). */
static float classify(struct handwriting *hw, const int *order, int n, float penalty, struct candidate *c, int *nc)
{
	float best = -1e9f;
	zinnia_character_t *ch = zinnia_character_new();
	zinnia_result_t *res = NULL;
	if (!ch)
		goto out;
	zinnia_character_set_width(ch, UI_INK_SCALE);
	zinnia_character_set_height(ch, UI_INK_SCALE);
	for (int s = 0; s < n; s++) {
		const struct outline *st = &hw->outlines[order[s]];
		for (int i = 0; i < st->count; i++)
			zinnia_character_add(ch, (size_t)s, st->points[i].x, st->points[i].y);
	}
	res = zinnia_recognizer_classify(hw->recognizer, ch, NBEST);
	if (!res)
		goto out;
	for (size_t i = 0; i < zinnia_result_size(res); i++) {
		float score = zinnia_result_score(res, i) - penalty;
		if (score > best)
			best = score;
		merge(c, nc, zinnia_result_value(res, i), score);
	}
out:
	if (res)
		zinnia_result_destroy(res);
	if (ch)
		zinnia_character_destroy(ch);
	return best;
}

static int by_score(const void *a, const void *b)
{
	float x = ((const struct candidate *)a)->score, y = ((const struct candidate *)b)->score;
	return x > y ? -1 : x < y;
}

static int index_of_serial(const struct handwriting *hw, int n, unsigned serial)
{
	for (int s = 0; s < n; s++) {
		if (hw->work[s].serial == serial)
			return s;
	}
	return 0;
}

/* The merged candidates c (sorted here) as the list shown, into out (Simplified, best first): components
 * drawn like a character become that character, real characters come before components, look-alikes
 * the model cannot return join the character they are read as. Returns how many. */
static int finish(struct candidate *c, int nc, char out[][CHAR_BYTES])
{
	struct candidate sorted[MERGE_MAX];
	memcpy(sorted, c, (size_t)nc * sizeof(c[0]));
	qsort(sorted, (size_t)nc, sizeof(sorted[0]), by_score);
	/* The component's character takes the better of the two places; the component itself stays, to go
	 * below the real characters with the others. */
	struct candidate mapped[MERGE_MAX];
	int nm = 0;
	for (int i = 0; i < nc; i++) {
		for (size_t m = 0; m < sizeof(component_as) / sizeof(component_as[0]); m++) {
			if (strcmp(sorted[i].text, component_as[m][0]) == 0)
				merge(mapped, &nm, component_as[m][1], sorted[i].score);
		}
		merge(mapped, &nm, sorted[i].text, sorted[i].score);
	}
	int count = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < nm && count < SIMPLIFIED_MAX; i++) {
			if (is_component(mapped[i].text) != (pass == 1))
				continue;
			memcpy(out[count++], mapped[i].text, CHAR_BYTES); /* both CHAR_BYTES, terminated */
			for (size_t m = 0; pass == 0 && m < sizeof(look_alike) / sizeof(look_alike[0]); m++) {
				if (strcmp(mapped[i].text, look_alike[m][0]) != 0 || count == SIMPLIFIED_MAX)
					continue;
				bool present = false;
				for (int j = 0; j < nm && !present; j++)
					present = strcmp(mapped[j].text, look_alike[m][1]) == 0;
				if (!present)
					snprintf(out[count++], CHAR_BYTES, "%s", look_alike[m][1]);
			}
		}
	}
	return count;
}

/* Hands candidates of generation gen to the UI thread (final: nothing better follows); false when the
 * strokes changed meanwhile (the next job has them, these are dropped). */
static bool publish(struct handwriting *hw, unsigned gen, struct candidate *c, int nc, bool final)
{
	char found[SIMPLIFIED_MAX][CHAR_BYTES];
	int count = nc > 0 ? finish(c, nc, found) : 0;
	pthread_mutex_lock(&hw->lock);
	bool current = gen == hw->gen;
	if (current) {
		memcpy(hw->result, found, (size_t)count * sizeof(found[0]));
		hw->result_count = count;
		hw->result_gen = gen;
		hw->result_serial++;
		if (final)
			hw->final_gen = gen;
		pthread_cond_broadcast(&hw->done);
		if (hw->ready) /* under the lock: a waiter sees the candidates only after the wake-up went */
			hw->ready(hw->ready_ctx);
	}
	pthread_mutex_unlock(&hw->lock);
	return current;
}

/* Is generation gen still the newest? */
static bool still_current(struct handwriting *hw, unsigned gen)
{
	pthread_mutex_lock(&hw->lock);
	bool current = gen == hw->gen;
	pthread_mutex_unlock(&hw->lock);
	return current;
}

/* The k-th stroke: classifies work[0..k) as drawn and, when the model is unsure, in other orders, and
 * keeps the best other order for the next stroke. With gen (not 0) the candidates are published: those
 * as drawn at once, the merged ones after. False when abandoned because the strokes changed (the step
 * then counts as not done). */
static bool step(struct handwriting *hw, int k, unsigned gen)
{
	struct candidate c[MERGE_MAX];
	int nc = 0;
	int as_drawn[HANDWRITING_MAX_STROKES];
	for (int s = 0; s < k; s++)
		as_drawn[s] = s;
	float best = classify(hw, as_drawn, k, 0.0f, c, &nc);
	bool reorder = best < REORDER_GATE && k >= 2;
	if (gen && !publish(hw, gen, c, nc, !reorder))
		return false;
	hw->alt_len[k] = 0;
	if (reorder) {
		int orders[3][HANDWRITING_MAX_STROKES];
		float penalties[3];
		int count = 0;
		if (hw->alt_len[k - 1] == k - 1) { /* the order kept from the last stroke, the new stroke at its end */
			for (int i = 0; i < k - 1; i++)
				orders[count][i] = index_of_serial(hw, k - 1, hw->alt[k - 1][i]);
			orders[count][k - 1] = k - 1;
			penalties[count++] = hw->alt_penalty[k - 1];
		}
		for (int moved = k - 2; moved >= k - 3 && moved >= 1; moved--) { /* a stroke written early */
			int j = 0;
			for (int s = 0; s < k; s++) {
				if (s != moved)
					orders[count][j++] = s;
			}
			orders[count][j] = moved;
			penalties[count++] = REORDER_PENALTY;
		}
		float alt_best = -1e9f;
		int alt_index = -1;
		for (int i = 0; i < count; i++) {
			float b = classify(hw, orders[i], k, penalties[i], c, &nc);
			if (b > alt_best) {
				alt_best = b;
				alt_index = i;
			}
		}
		if (alt_index >= 0) {
			for (int i = 0; i < k; i++)
				hw->alt[k][i] = hw->work[orders[alt_index][i]].serial;
			hw->alt_len[k] = k;
			hw->alt_penalty[k] = penalties[alt_index];
		}
	}
	hw->seen[k - 1] = hw->work[k - 1].serial;
	hw->seen_len = k;
	if (gen && reorder)
		publish(hw, gen, c, nc, true);
	return true;
}

/* Recognises work[0..n) (generation gen): the bookkeeping of strokes not yet seen (their generations were
 * dropped: they came faster than recognition) is caught up with, then the last stroke is published. */
static void recognise(struct handwriting *hw, int n, unsigned gen)
{
	for (int s = 0; s < n; s++)
		simplify(&hw->work[s], &hw->outlines[s]);
	int same = 0; /* strokes already done: what undo and clear left of them */
	while (same < hw->seen_len && same < n && hw->seen[same] == hw->work[same].serial)
		same++;
	hw->seen_len = same < n ? same : n - 1; /* the last stroke is always done again: it is published */
	for (int k = hw->seen_len + 1; k < n; k++) {
		step(hw, k, 0);
		if (!still_current(hw, gen))
			return; /* newer strokes: the next job goes on from here */
	}
	step(hw, n, gen);
}

static void *worker_main(void *arg)
{
	struct handwriting *hw = arg;
	bool model_tried = false;
	pthread_mutex_lock(&hw->lock);
	for (;;) {
		while (!hw->job_pending && !hw->quit)
			pthread_cond_wait(&hw->wake, &hw->lock);
		if (hw->quit)
			break;
		int n = hw->job_count;
		unsigned gen = hw->job_gen;
		memcpy(hw->work, hw->job, (size_t)n * sizeof(hw->work[0]));
		hw->job_pending = false;
		pthread_mutex_unlock(&hw->lock);
		if (!model_tried) { /* the first stroke ever written: the model is opened for it */
			model_tried = true;
			hw->model_ok = zinnia_recognizer_open(hw->recognizer, hw->model_path);
			if (!hw->model_ok)
				kiosk_log(LOG_ERROR, "handwriting model %s: %s: no candidates will be offered (reinstall "
						     "tegaki-zinnia-simplified-chinese)",
					  hw->model_path, zinnia_recognizer_strerror(hw->recognizer));
		}
		if (hw->model_ok) {
			recognise(hw, n, gen);
		} else {
			publish(hw, gen, NULL, 0, true); /* nothing to offer, but nobody waits for it */
		}
		pthread_mutex_lock(&hw->lock);
	}
	pthread_mutex_unlock(&hw->lock);
	return NULL;
}

/* ---- the UI thread's side ---- */

/* The strokes changed: a new generation, classified by the worker (none left: no candidates). */
static void strokes_changed(struct handwriting *hw)
{
	pthread_mutex_lock(&hw->lock);
	hw->gen++;
	if (hw->stroke_count > 0) {
		memcpy(hw->job, hw->strokes, (size_t)hw->stroke_count * sizeof(hw->job[0]));
		hw->job_count = hw->stroke_count;
		hw->job_gen = hw->gen;
		hw->job_pending = true;
		pthread_cond_signal(&hw->wake);
	} else {
		hw->job_pending = false;
		hw->result_count = 0;
		hw->result_gen = hw->final_gen = hw->gen;
		hw->result_serial++;
		pthread_cond_broadcast(&hw->done);
	}
	pthread_mutex_unlock(&hw->lock);
}

static int clamp(int v)
{
	return v < 0 ? 0 : v > UI_INK_SCALE ? UI_INK_SCALE : v;
}

static void method_stroke(void *ctx, const struct ui_point *points, int count)
{
	struct handwriting *hw = ctx;
	if (!points || count <= 0 || hw->stroke_count == HANDWRITING_MAX_STROKES)
		return;
	struct stroke *s = &hw->strokes[hw->stroke_count];
	/* A longer stroke is thinned evenly, keeping both ends. */
	int n = count <= HANDWRITING_MAX_POINTS ? count : HANDWRITING_MAX_POINTS;
	for (int i = 0; i < n; i++) {
		int from = n == 1 ? 0 : (int)((long)i * (count - 1) / (n - 1));
		s->points[i] = (struct ui_point){(int16_t)clamp(points[from].x), (int16_t)clamp(points[from].y)};
	}
	bool still = true; /* a tap, or a finger that did not move */
	for (int i = 1; i < n && still; i++)
		still = s->points[i].x == s->points[0].x && s->points[i].y == s->points[0].y;
	if (still)
		n = 1;
	if (n == 1) { /* a tap is a dot: zinnia needs a direction, and a dot runs down to the right */
		int dx = s->points[0].x + DOT_LENGTH <= UI_INK_SCALE ? DOT_LENGTH : -DOT_LENGTH;
		int dy = s->points[0].y + DOT_LENGTH <= UI_INK_SCALE ? DOT_LENGTH : -DOT_LENGTH;
		s->points[1] = (struct ui_point){(int16_t)(s->points[0].x + dx), (int16_t)(s->points[0].y + dy)};
		n = 2;
	}
	s->count = n;
	s->serial = ++hw->next_serial;
	hw->stroke_count++;
	strokes_changed(hw);
}

static void wipe_strokes(struct handwriting *hw, int from)
{
	secure_wipe(&hw->strokes[from], (size_t)(hw->stroke_count - from) * sizeof(hw->strokes[0]));
	hw->stroke_count = from;
}

static void method_undo(void *ctx)
{
	struct handwriting *hw = ctx;
	if (hw->stroke_count == 0)
		return;
	wipe_strokes(hw, hw->stroke_count - 1);
	strokes_changed(hw);
}

static void method_clear(void *ctx)
{
	struct handwriting *hw = ctx;
	if (hw->stroke_count == 0)
		return;
	wipe_strokes(hw, 0);
	strokes_changed(hw);
}

static const struct ui_point *method_ink(void *ctx, int i, int *count)
{
	struct handwriting *hw = ctx;
	if (i < 0 || i >= hw->stroke_count) {
		*count = 0;
		return NULL;
	}
	*count = hw->strokes[i].count;
	return hw->strokes[i].points;
}

static void add_shown(struct handwriting *hw, uint32_t cp)
{
	char text[CHAR_BYTES] = {0};
	utf8_encode(cp, text);
	for (int i = 0; i < hw->shown_count; i++) {
		if (strcmp(hw->shown[i], text) == 0)
			return;
	}
	if (hw->shown_count < HANDWRITING_MAX_CANDIDATES)
		memcpy(hw->shown[hw->shown_count++], text, CHAR_BYTES);
}

/* Takes newly published candidates and lays out what is shown: in Traditional each candidate's Hong
 * Kong forms, then the candidate itself, so the Simplified character stays on offer. */
static void refresh_shown(struct handwriting *hw)
{
	pthread_mutex_lock(&hw->lock);
	if (hw->result_serial != hw->shown_serial) {
		memcpy(hw->raw, hw->result, (size_t)hw->result_count * sizeof(hw->raw[0]));
		hw->raw_count = hw->result_count;
		hw->shown_serial = hw->result_serial;
		hw->shown_valid = false;
	}
	pthread_mutex_unlock(&hw->lock);
	if (hw->shown_valid && hw->shown_traditional == hw->traditional)
		return;
	hw->shown_count = 0;
	for (int i = 0; i < hw->raw_count; i++) {
		size_t used;
		uint32_t cp = utf8_decode(hw->raw[i], strlen(hw->raw[i]), &used);
		uint32_t forms[HANT_FORMS_MAX];
		int n = hw->traditional ? hant_forms_of(hw->forms, cp, forms, HANT_FORMS_MAX) : 0;
		for (int f = 0; f < n; f++)
			add_shown(hw, forms[f]);
		add_shown(hw, cp);
	}
	hw->shown_valid = true;
	hw->shown_traditional = hw->traditional;
}

static int method_candidates(void *ctx, const char **out, int max)
{
	struct handwriting *hw = ctx;
	refresh_shown(hw);
	int n = 0;
	for (; n < hw->shown_count && n < max; n++)
		out[n] = hw->shown[n];
	return n;
}

static void method_pick(void *ctx, int i, struct ui_field *field)
{
	struct handwriting *hw = ctx;
	refresh_shown(hw);
	if (i < 0 || i >= hw->shown_count)
		return;
	if (field)
		ui_field_insert(field, hw->shown[i]);
	/* The pad is ready for the next character. */
	wipe_strokes(hw, 0);
	strokes_changed(hw);
}

static void method_hints(void *ctx, const struct ui_input_hints *hints)
{
	handwriting_set_traditional(ctx, hints && hints->lang == TEXT_LANG_ZH_HANT);
}

/* The field lost focus or the mode changed: the character being written is dropped. */
static void method_cancel(void *ctx)
{
	method_clear(ctx);
}

/* ---- life cycle ---- */

struct handwriting *handwriting_create(const struct handwriting_options *opts, char *err, size_t errlen)
{
	struct handwriting *result = NULL;
	struct handwriting_options o = opts ? *opts : (struct handwriting_options){0};
	const char *model = o.model_path ? o.model_path : HANDWRITING_MODEL_DEFAULT;
	struct handwriting *hw = calloc(1, sizeof(*hw));
	if (!hw) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	pthread_mutex_init(&hw->lock, NULL);
	pthread_cond_init(&hw->wake, NULL);
	pthread_cond_init(&hw->done, NULL);
	hw->ready = o.ready;
	hw->ready_ctx = o.ready_ctx;
	if (!lazy_lib_open(lazy_zinnia, err, errlen))
		goto out;
	hw->recognizer = zinnia_recognizer_new();
	if (!hw->recognizer) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	/* The worker opens the model; a missing one is said here. */
	FILE *f = fopen(model, "rb");
	if (!f || strlen(model) >= sizeof(hw->model_path)) {
		snprintf(err, errlen, "handwriting model %s: cannot be read (Debian package tegaki-zinnia-simplified-chinese)",
			 model);
		if (f)
			fclose(f);
		goto out;
	}
	fclose(f);
	memcpy(hw->model_path, model, strlen(model) + 1);
	char why[512];
	hw->forms = hant_forms_load(o.forms_dir ? o.forms_dir : install_dir_path(INSTALL_IME), why, sizeof(why));
	if (!hw->forms)
		kiosk_log(LOG_WARN, "handwriting offers Simplified characters only: %s", why);
	if (pthread_create(&hw->worker, NULL, worker_main, hw) != 0) {
		snprintf(err, errlen, "cannot start the handwriting worker");
		goto out;
	}
	hw->worker_started = true;
	hw->method = (struct ui_input_method){
		.name = "handwriting",
		.ctx = hw,
		.candidates = method_candidates,
		.pick = method_pick,
		.hints = method_hints,
		.cancel = method_cancel,
		.stroke = method_stroke,
		.undo = method_undo,
		.clear = method_clear,
		.ink = method_ink,
	};
	result = hw;
	hw = NULL;
out:
	handwriting_destroy(hw);
	return result;
}

void handwriting_destroy(struct handwriting *hw)
{
	if (!hw)
		return;
	if (hw->worker_started) {
		pthread_mutex_lock(&hw->lock);
		hw->quit = true;
		pthread_cond_signal(&hw->wake);
		pthread_mutex_unlock(&hw->lock);
		pthread_join(hw->worker, NULL);
	}
	if (hw->recognizer)
		zinnia_recognizer_destroy(hw->recognizer);
	hant_forms_destroy(hw->forms);
	pthread_cond_destroy(&hw->done);
	pthread_cond_destroy(&hw->wake);
	pthread_mutex_destroy(&hw->lock);
	secure_wipe(hw, sizeof(*hw)); /* strokes of a name being written */
	free(hw);
}

struct ui_input_method *handwriting_method(struct handwriting *hw)
{
	return hw ? &hw->method : NULL;
}

void handwriting_set_traditional(struct handwriting *hw, bool traditional)
{
	if (hw)
		hw->traditional = traditional && hw->forms;
}

void handwriting_reset(struct handwriting *hw)
{
	if (!hw)
		return;
	wipe_strokes(hw, 0);
	strokes_changed(hw);
	pthread_mutex_lock(&hw->lock);
	secure_wipe(hw->job, sizeof(hw->job));
	pthread_mutex_unlock(&hw->lock);
	secure_wipe(hw->raw, sizeof(hw->raw));
	secure_wipe(hw->shown, sizeof(hw->shown));
	hw->raw_count = hw->shown_count = 0;
	hw->shown_valid = false;
}

bool handwriting_wait(struct handwriting *hw, int timeout_ms)
{
	struct timespec deadline;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&hw->lock);
	while (hw->final_gen != hw->gen) {
		if (pthread_cond_timedwait(&hw->done, &hw->lock, &deadline) != 0)
			break;
	}
	bool ok = hw->final_gen == hw->gen;
	pthread_mutex_unlock(&hw->lock);
	return ok;
}
