/* bench_voice [RUNS]: how long espeak-ng takes to synthesize a typical assisted-mode prompt in each
 * voice (voice_synthesize into a buffer, no audio device), median and p99 over RUNS (default 10),
 * with the length of the audio it makes. The first call, which loads espeak-ng's data, is timed
 * separately. The screens speak off the UI thread, so this is latency to first sound at worst,
 * never a frame cost. */
#include <stdio.h>
#include <stdlib.h>

#include "bench_stats.h"
#include "voice/voice.h"

#define MAX_RUNS 1000

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 10;
	if (runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "usage: bench_voice [RUNS 1..%d]\n", MAX_RUNS);
		return 2;
	}
	static const struct {
		enum voice_lang lang;
		const char *name, *text;
	} prompts[] = {
		{VOICE_MANDARIN, "Mandarin", "您好，请选择要办理的业务。如需帮助，请按呼叫工作人员按钮。"},
		{VOICE_CANTONESE, "Cantonese", "您好，请选择要办理的业务。如需帮助，请按呼叫工作人员按钮。"},
		{VOICE_ENGLISH, "English", "Hello, please choose a service. For help, press the call staff button."},
		{VOICE_MANDARIN, "Mandarin, mixed", "请输入 ID 号码，江海区 Jianghai Civil Affairs"},
	};
	int16_t *s = NULL;
	size_t n = 0;
	int rate = 0;
	char err[200];
	double t0 = bench_now_ms();
	if (!voice_synthesize(VOICE_ENGLISH, "ready", &s, &n, &rate, err, sizeof(err))) {
		fprintf(stderr, "bench_voice: %s\n", err);
		return 1;
	}
	free(s);
	printf("%-18s %8.1f ms (espeak-ng data load + first word)\n", "first call", bench_now_ms() - t0);
	double *t = calloc((size_t)runs, sizeof(*t));
	if (!t)
		return 1;
	for (size_t p = 0; p < sizeof(prompts) / sizeof(prompts[0]); p++) {
		double audio_s = 0;
		for (int i = 0; i < runs; i++) {
			double start = bench_now_ms();
			if (!voice_synthesize(prompts[p].lang, prompts[p].text, &s, &n, &rate, err, sizeof(err))) {
				fprintf(stderr, "bench_voice: %s: %s\n", prompts[p].name, err);
				return 1;
			}
			t[i] = bench_now_ms() - start;
			audio_s = (double)n / rate;
			free(s);
		}
		double median = bench_quantile(t, (size_t)runs, 0.5), p99 = bench_quantile(t, (size_t)runs, 0.99);
		printf("%-18s median %7.1f ms  p99 %7.1f ms  for %.2f s of audio (%d runs)\n", prompts[p].name,
		       median, p99, audio_s, runs);
	}
	free(t);
	return 0;
}
