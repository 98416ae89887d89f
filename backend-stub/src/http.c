/* http: see http.h. Responses are rendered unformatted; allocation failure becomes a bodiless 500. */
#include "http.h"

#include <stdlib.h>
#include <string.h>

void http_response_finish(struct http_response *resp)
{
	free(resp->body);
	resp->body = NULL;
	resp->status = 0;
	resp->etag[0] = '\0';
}

void http_response_json(struct http_response *resp, unsigned status, cJSON *json)
{
	free(resp->body);
	resp->body = json ? cJSON_PrintUnformatted(json) : NULL;
	resp->status = resp->body ? status : 500;
	cJSON_Delete(json);
}

void http_response_error(struct http_response *resp, unsigned status, const char *code, const char *message,
			 bool retryable, const char *field, cJSON *extra)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *err = cJSON_AddObjectToObject(root, "error");
	if (err == NULL) {
		cJSON_Delete(extra);
		http_response_json(resp, 500, NULL);
		cJSON_Delete(root);
		return;
	}
	cJSON_AddStringToObject(err, "code", code);
	cJSON_AddStringToObject(err, "message", message);
	cJSON_AddBoolToObject(err, "retryable", retryable);
	if (field != NULL)
		cJSON_AddStringToObject(err, "field", field);
	if (extra != NULL) {
		cJSON *item = extra->child;
		while (item != NULL) {
			cJSON *next = item->next;
			cJSON_DetachItemViaPointer(extra, item);
			cJSON_AddItemToObject(err, item->string, item);
			item = next;
		}
		cJSON_Delete(extra);
	}
	resp->etag[0] = '\0';
	http_response_json(resp, status, root);
}

int http_status_ok(unsigned status)
{
	return status >= 200 && status < 300;
}
