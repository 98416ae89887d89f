/*
 * routes_assistance: POST /v1/assistance/status. The citizen gives an ID number and either the
 * application number or the phone number used on the application; matching is on keyed hashes.
 * A miss is a plain 404 that does not say which part did not match.
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

static const struct state_text states[] = {
	{"submitted", {"已提交", "已提交", "Submitted"},
	 {"申请已收到，街道将在5个工作日内受理。", "申請已收到，街道將在5個工作日內受理。",
	  "Received; the subdistrict office will register it within 5 working days."}},
	{"under_review", {"审核中", "審核中", "Under review"},
	 {"正在进行家庭经济状况核对，无需操作，请保持电话畅通。", "正在進行家庭經濟狀況核對，無需操作，請保持電話暢通。",
	  "Household finances are being checked. Nothing to do; please keep your phone on."}},
	{"documents_required", {"需补充材料", "需補充材料", "Documents needed"},
	 {"请携带补充材料到所在街道社会救助窗口。", "請攜帶補充材料到所在街道社會救助窗口。",
	  "Please bring the missing documents to your subdistrict's assistance counter."}},
	{"approved", {"已批准", "已批准", "Approved"},
	 {"已批准，救助金按月发放到登记的银行账户。", "已批准，救助金按月發放到登記的銀行賬戶。",
	  "Approved; payments go monthly to the registered bank account."}},
	{"rejected", {"未通过", "未通過", "Not approved"},
	 {"如有异议，可在收到通知之日起向区民政局申请复核。", "如有異議，可在收到通知之日起向區民政局申請覆核。",
	  "If you disagree, you can ask the district civil affairs bureau to review the decision."}},
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
	stmt = store_prepare(ctx->db, "SELECT a.number, a.programme_id, a.state, a.submitted_at, a.updated_at, p.doc"
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
		cJSON *o = cJSON_CreateObject(), *prog = cJSON_CreateObject();
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
