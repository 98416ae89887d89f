/*
 * routes_assistance: POST /v1/assistance/status. The citizen gives an ID number and either the
 * application number or the phone number used on the application; matching is on keyed hashes.
 * A miss is a plain 404 that does not say which part did not match. Each item carries the state's
 * plain-language label and next step, the reason (rejected, suspended, terminated) and the
 * certification due date (certification_due), null where they do not apply.
 */
#include <stdio.h>
#include <string.h>

#include "json_util.h"
#include "routes.h"

struct state_text {
	const char *state;
	const char *label[3];
	const char *next[3];
};

/* The states in the order an application moves through them; the last four come after approval. */
static const struct state_text states[] = {
	{"submitted", {"已受理", "已受理", "Accepted"},
	 {"街道已受理申请，将联系您安排入户调查，请保持电话畅通。", "街道已受理申請，將聯繫您安排入戶調查，請保持電話暢通。",
	  "The subdistrict office has accepted the application and will call you to arrange a home visit. Please keep "
	  "your phone on."}},
	{"household_survey", {"入户调查", "入戶調查", "Home visit"},
	 {"工作人员将上门了解家庭生活和收入情况（入户调查），请留意来电并配合。",
	  "工作人員將上門了解家庭生活和收入情況（入戶調查），請留意來電並配合。",
	  "Staff will visit your home to learn about the household's living situation and income. Please watch for "
	  "their call and help them."}},
	{"under_review", {"审核中", "審核中", "Under review"},
	 {"正在进行家庭经济状况核对，无需操作，请保持电话畅通。", "正在進行家庭經濟狀況核對，無需操作，請保持電話暢通。",
	  "Household finances are being checked. Nothing to do; please keep your phone on."}},
	{"documents_required", {"需补充材料", "需補充材料", "Documents needed"},
	 {"请携带补充材料到所在街道社会救助窗口。", "請攜帶補充材料到所在街道社會救助窗口。",
	  "Please bring the missing documents to your subdistrict's assistance counter."}},
	{"public_notice", {"公示中", "公示中", "Public notice"},
	 {"审核结果正在所在村（居）公示，公示期7天。公示无异议后报区民政局审批，无需操作。",
	  "審核結果正在所在村（居）公示，公示期7天。公示無異議後報區民政局審批，無需操作。",
	  "The review result is posted in your village or neighbourhood for 7 days. If no one objects, it goes to the "
	  "district civil affairs bureau for approval. Nothing to do."}},
	{"approved", {"审批通过", "審批通過", "Approved"},
	 {"已批准，救助金按月发放到登记的银行账户。", "已批准，救助金按月發放到登記的銀行賬戶。",
	  "Approved; payments go monthly to the registered bank account."}},
	{"rejected", {"不予批准", "不予批准", "Not approved"},
	 {"如有异议，可在收到通知之日起向区民政局申请复核。", "如有異議，可在收到通知之日起向區民政局申請覆核。",
	  "If you disagree, you can ask the district civil affairs bureau to review the decision."}},
	{"certification_due", {"待资格认证", "待資格認證", "Certification due"},
	 {"请在截止日期前完成本年度高龄津贴资格认证：本人带身份证到街道社会事务服务站或村（居）委会办理，行动不便的可申请上门认证。逾期未认证的，津贴将暂停发放。",
	  "請在截止日期前完成本年度高齡津貼資格認證：本人帶身份證到街道社會事務服務站或村（居）委會辦理，行動不便的可申請上門認證。逾期未認證的，津貼將暫停發放。",
	  "Please complete this year's old-age allowance certification by the due date: bring your ID card to the "
	  "subdistrict service station or your village or residents' committee; if you cannot get there, ask for a home "
	  "visit. If it is not done in time, payments are suspended."}},
	{"suspended", {"暂停发放", "暫停發放", "Payments suspended"},
	 {"发放已暂停。请到户籍所在地街道社会事务服务站办理相关手续，办妥后可恢复发放。",
	  "發放已暫停。請到戶籍所在地街道社會事務服務站辦理相關手續，辦妥後可恢復發放。",
	  "Payments are suspended. Please go to the service station of the subdistrict where you are registered to "
	  "sort it out; payments can then resume."}},
	{"terminated", {"已停发", "已停發", "Payments stopped"},
	 {"发放已终止。如情况有变，可重新申请；如有异议，可向区民政局申请复核。",
	  "發放已終止。如情況有變，可重新申請；如有異議，可向區民政局申請覆核。",
	  "Payments have stopped. If your situation changes you can apply again; if you disagree, you can ask the "
	  "district civil affairs bureau to review the decision."}},
};

static cJSON *l3(const char *const t[3])
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "zh-Hans", t[0]);
	cJSON_AddStringToObject(o, "zh-Hant", t[1]);
	cJSON_AddStringToObject(o, "en", t[2]);
	return o;
}

void routes_assistance_status(struct route_ctx *ctx, const struct http_request *req, struct http_response *resp)
{
	struct json_reader r;
	const char *id_number, *number, *phone;
	char id_hash[65], phone_hash[65] = "";
	int rc;
	cJSON *root = NULL, *items;
	sqlite3_stmt *stmt = NULL;
	json_reader_init(&r, resp);
	id_number = json_read_string(&r, req->json, NULL, "id_number", 32, true);
	number = json_read_string(&r, req->json, NULL, "application_number", 32, false);
	phone = json_read_string(&r, req->json, NULL, "phone", 20, false);
	if (r.failed)
		goto out;
	if (number == NULL && phone == NULL) {
		json_reader_fail(&r, 400, "missing_field", NULL, "application_number",
				 "give the application number or the phone number");
		goto out;
	}
	store_pii_hash(ctx->store, id_number, id_hash);
	if (phone != NULL)
		store_pii_hash(ctx->store, phone, phone_hash);
	stmt = store_prepare(ctx->db, "SELECT a.number, a.programme_id, a.state, a.submitted_at, a.updated_at, p.doc,"
				      " a.reason, a.certification_due_on"
				      " FROM applications a LEFT JOIN programmes p ON p.id = a.programme_id"
				      " WHERE a.doc_hash = ?1 AND (a.number = ?2 OR a.phone_hash = ?3)"
				      " ORDER BY a.submitted_at DESC");
	if (stmt == NULL || sqlite3_bind_text(stmt, 1, id_hash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, number ? number : "", -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, phone ? phone_hash : "-", -1, SQLITE_STATIC) != SQLITE_OK) {
		routes_fail_internal(resp);
		goto out;
	}
	root = cJSON_CreateObject();
	items = cJSON_AddArrayToObject(root, "items");
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		cJSON *o = cJSON_CreateObject(), *prog = cJSON_CreateObject(), *reason;
		const char *state = (const char *)sqlite3_column_text(stmt, 2);
		cJSON_AddStringToObject(o, "application_number", (const char *)sqlite3_column_text(stmt, 0));
		cJSON_AddStringToObject(prog, "id", (const char *)sqlite3_column_text(stmt, 1));
		if (sqlite3_column_type(stmt, 5) != SQLITE_NULL) {
			cJSON *pdoc = cJSON_Parse((const char *)sqlite3_column_text(stmt, 5));
			cJSON *name = cJSON_DetachItemFromObject(pdoc, "name");
			if (name != NULL)
				cJSON_AddItemToObject(prog, "name", name);
			cJSON_Delete(pdoc);
		}
		cJSON_AddItemToObject(o, "programme", prog);
		cJSON_AddStringToObject(o, "state", state);
		for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++) {
			if (strcmp(states[i].state, state) == 0) {
				cJSON_AddItemToObject(o, "state_text", l3(states[i].label));
				cJSON_AddItemToObject(o, "next_step", l3(states[i].next));
			}
		}
		cJSON_AddStringToObject(o, "submitted_at", (const char *)sqlite3_column_text(stmt, 3));
		cJSON_AddStringToObject(o, "updated_at", (const char *)sqlite3_column_text(stmt, 4));
		reason = sqlite3_column_type(stmt, 6) != SQLITE_NULL ? cJSON_Parse((const char *)sqlite3_column_text(stmt, 6))
								    : NULL;
		cJSON_AddItemToObject(o, "reason", reason ? reason : cJSON_CreateNull());
		if (sqlite3_column_type(stmt, 7) != SQLITE_NULL)
			cJSON_AddStringToObject(o, "certification_due_on", (const char *)sqlite3_column_text(stmt, 7));
		else
			cJSON_AddNullToObject(o, "certification_due_on");
		cJSON_AddItemToArray(items, o);
	}
	if (rc != SQLITE_DONE) {
		routes_fail_internal(resp);
		goto out;
	}
	if (cJSON_GetArraySize(items) == 0) {
		http_response_error(resp, 404, "application_not_found",
				    "no application matches this ID number and application number or phone", false, NULL,
				    NULL);
		goto out;
	}
	http_response_json(resp, 200, root);
	root = NULL;
out:
	sqlite3_finalize(stmt);
	cJSON_Delete(root);
}
