/* The backend's answer to an application-status query (POST /v1/assistance/status, see
 * backend-stub/API.md), read into a fixed-size struct with the bounded readers of data/ref_json.h so
 * it can live in the visitor's session (and be wiped with it). Never cached: a status is shown only
 * as the backend answers it now. */
#ifndef KIOSK_ASSISTANCE_APPLICATION_STATUS_H
#define KIOSK_ASSISTANCE_APPLICATION_STATUS_H

#include <stdbool.h>

#include "data/ref_json.h"

#define APPLICATIONS_MAX 4

enum application_state {
	APP_UNKNOWN, /* a state this kiosk has no words for: the backend's own text is shown */
	APP_SUBMITTED, /* 受理 */
	APP_UNDER_REVIEW,
	APP_DOCUMENTS_REQUIRED,
	APP_HOUSEHOLD_SURVEY, /* 入户调查 */
	APP_PUBLIC_NOTICE, /* 公示 */
	APP_APPROVED, /* 审批通过 */
	APP_REJECTED, /* 不予批准, with the reason */
	APP_CERTIFICATION_DUE, /* 待资格认证, with the due date */
	APP_SUSPENDED, /* 暂停发放 */
	APP_TERMINATED, /* 已停发 */
	APP_STATE_COUNT
};

struct application {
	char number[32];
	enum application_state state;
	char state_id[32]; /* as the backend named it */
	char programme[TEXT_LANG_COUNT][160];
	char state_text[TEXT_LANG_COUNT][96];
	char reason[TEXT_LANG_COUNT][384];
	char next_step[TEXT_LANG_COUNT][384];
	char certification_due_on[11]; /* "YYYY-MM-DD" or "" */
	char submitted_on[11], updated_on[11]; /* dates of submitted_at and updated_at */
};

struct application_answer {
	int count;
	struct application items[APPLICATIONS_MAX];
};

/* Reads a 200 answer; false (out empty) when it holds no application. */
bool application_answer_parse(const char *json, struct application_answer *out);
/* The state's name as the kiosk's string key suffix ("submitted"), or NULL for APP_UNKNOWN. */
const char *application_state_name(enum application_state s);
/* One language's text of a multilingual field, falling back to zh-Hans. */
#define APPLICATION_TEXT(field, lang) ((field)[(lang)][0] ? (field)[(lang)] : (field)[TEXT_LANG_ZH_HANS])

#endif
