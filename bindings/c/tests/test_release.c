/*
 * test_release: cloudpartner_client_release() — the core's release workflow — against
 * emulators started from C: a whole release to live with its progress events in order; a
 * release stopped at the review without go-live; a rejected publish (the FAILED outcome);
 * a dry run (the diff, and only GETs sent); a callback that stops the release
 * (CLOUDPARTNER_ERROR_CANCELED, nothing sent after it); a callback that calls the library;
 * and every NULL and invalid UTF-8 argument, every accessor given NULL.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "json.h"
#include "support.h"

static const char BAD_UTF8[] = "caf\xC3\x28-offer"; /* an invalid two-byte sequence */

/* A SAS URL whose signature must reach the service, and no message or diff. */
static const char SAS_URL[] = "https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd"
                              "?sv=2020-08-04&sr=b&sig=TOPSECRETsig%3D&se=2030-01-01";

/* Runs the default publish (about 3.9 simulated days) in a third of a second. */
#define FAST 1000000.0

#define GARBAGE(type) ((type *)(void *)&check_passed)

/* The scenario of crates/cloudpartner/tests/release.rs: certification rejects the image. */
static const char REJECTED[] =
    "{\"timeScale\": 1000000, \"publishers\": {\"contoso\": {\"offers\": {\"rejected\": {"
    "\"offer\": {\"offerTypeId\": \"microsoft-azure-virtualmachines\", \"publisherId\": \"contoso\","
    " \"id\": \"rejected\", \"version\": 1, \"status\": \"neverPublished\","
    " \"definition\": {\"displayText\": \"Rejected\", \"offer\": {}, \"plans\": [{\"planId\": \"standard\","
    " \"microsoft-azure-virtualmachines.vmImages\": {\"1.0.0\": {\"osVhdUrl\": "
    "\"https://a.blob.core.windows.net/v/1.vhd\"}}}]}},"
    "\"publish\": {\"steps\": [{\"id\": \"certify\", \"stepName\": \"Certification\","
    " \"estimatedTimeFrame\": \"~2-3 days\", \"durationSeconds\": 3600, \"outcome\": \"rejected\","
    " \"message\": \"<p>The disk is <b>not generalized</b>.</p>\"}]}}}}}}";

static cloudpartner_client *client_of(const cloudpartner_emulator *emulator) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    CHECK_KIND(cloudpartner_emulator_client_options(emulator, &opts), CLOUDPARTNER_OK, NULL);
    cloudpartner_client *client = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &client, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return client;
}

static cloudpartner_release_request request_for(const char *offer, bool go_live) {
    cloudpartner_release_request request = cloudpartner_release_request_default();
    request.publisher_id = "contoso";
    request.offer_id = offer;
    request.plan_id = "standard";
    request.image.version = "2.0.0";
    request.image.os_vhd_url = SAS_URL;
    request.image.label = "Contoso 2.0";
    request.go_live = go_live;
    request.notification_emails = "release@contoso.com";
    return request;
}

/* What a callback saw: "kind:phase" per event, and the checks on each event. */
typedef struct {
    char log[4096];
    int events;
    int statuses;
    int stop_at_status; /* return non-zero at this status event (1-based); 0: never */
    int after_stop;     /* events seen after returning non-zero */
    int stopped;
    const cloudpartner_client *client; /* when set: call the library from the callback */
    int nested_ok;
} progress;

static int on_progress(const cloudpartner_release_event *event, void *user_data) {
    progress *p = user_data;
    if (p->stopped) p->after_stop++;
    p->events++;
    enum cloudpartner_release_event_kind kind = cloudpartner_release_event_kind(event);
    cloudpartner_release_phase phase = cloudpartner_release_event_phase(event);
    const char *phase_name = cloudpartner_release_event_phase_name(event);
    CHECK(phase != CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
    CHECK_STR(phase_name, cloudpartner_release_phase_name((int)phase));
    size_t used = strlen(p->log);
    snprintf(p->log + used, sizeof p->log - used, "%s%s:%s", used > 0 ? " " : "",
             cloudpartner_release_event_kind_name((int)kind), phase_name);
    const char *summary = cloudpartner_release_event_summary(event);
    const char *fields = cloudpartner_release_event_fields_json(event);
    const cloudpartner_offer_status *status = cloudpartner_release_event_status(event);
    switch (kind) {
    case CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED:
        CHECK(summary == NULL && fields == NULL && status == NULL);
        break;
    case CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED: {
        CHECK(summary != NULL && summary[0] != '\0' && status == NULL);
        CHECK_MSG(!contains(summary, "TOPSECRET"), "%s", summary);
        json *parsed = fields != NULL ? json_parse(fields, strlen(fields)) : NULL;
        CHECK_MSG(parsed != NULL && parsed->type == JSON_OBJECT, "%s", fields ? fields : "(null)");
        if (phase == CLOUDPARTNER_RELEASE_PHASE_WRITE) CHECK(json_get(parsed, "version") != NULL);
        if (phase == CLOUDPARTNER_RELEASE_PHASE_PUBLISH) {
            CHECK(json_str(json_get(json_get(parsed, "operation"), "id")) != NULL);
        }
        json_free(parsed);
        break;
    }
    case CLOUDPARTNER_RELEASE_EVENT_STATUS:
        p->statuses++;
        CHECK(summary == NULL && fields == NULL && status != NULL);
        CHECK(phase == CLOUDPARTNER_RELEASE_PHASE_REVIEW || phase == CLOUDPARTNER_RELEASE_PHASE_LIVE);
        CHECK(cloudpartner_offer_status_state(status) != CLOUDPARTNER_OFFER_STATE_UNKNOWN);
        if (p->client != NULL && p->statuses == 1) {
            /* A blocking call of the library from inside the callback. */
            cloudpartner_offer_status *now = NULL;
            cloudpartner_error *err = NULL;
            cloudpartner_error_kind got =
                cloudpartner_client_offer_status(p->client, "contoso", "vm-release", &now, &err);
            CHECK_KIND(got, CLOUDPARTNER_OK, err);
            p->nested_ok = got == CLOUDPARTNER_OK && now != NULL;
            cloudpartner_offer_status_free(now);
            cloudpartner_error_free(err);
        }
        if (p->stop_at_status > 0 && p->statuses == p->stop_at_status) {
            p->stopped = 1;
            return 1;
        }
        break;
    default:
        CHECK_MSG(0, "unknown event kind %d", (int)kind);
    }
    return 0;
}

/* Does the emulator's request log hold a request `method` to a path ending in `suffix`? */
static int sent(const cloudpartner_emulator *emulator, const char *method, const char *suffix) {
    char *log = cloudpartner_emulator_requests_json(emulator);
    json *requests = log != NULL ? json_parse(log, strlen(log)) : NULL;
    CHECK(requests != NULL && requests->type == JSON_ARRAY);
    int found = 0;
    for (size_t i = 0; requests != NULL && i < requests->count; i++) {
        const char *m = json_str(json_get(json_at(requests, i), "method"));
        const char *path = json_str(json_get(json_at(requests, i), "path"));
        if (m == NULL || path == NULL || strcmp(m, method) != 0) continue;
        size_t n = strlen(path), k = strlen(suffix);
        if (n >= k && strcmp(path + n - k, suffix) == 0) found++;
    }
    json_free(requests);
    cloudpartner_string_free(log);
    return found;
}

/* A whole release to live, its events in order. */
static void to_live(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("vm-release", true);
    progress p = {.client = client};
    cloudpartner_release_result *result = GARBAGE(cloudpartner_release_result);
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, on_progress, &p, &result, &err),
               CLOUDPARTNER_OK, err);
    CHECK(err == NULL && result != NULL);
    CHECK(cloudpartner_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_LIVE);
    CHECK_STR(cloudpartner_release_outcome_name((int)cloudpartner_release_result_outcome(result)), "live");
    CHECK(cloudpartner_offer_status_state(cloudpartner_release_result_status(result)) ==
          CLOUDPARTNER_OFFER_STATE_SUCCEEDED);
    CHECK(cloudpartner_release_result_diff(result) == NULL);
    CHECK(cloudpartner_release_result_failed_phase(result) == CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
    CHECK(cloudpartner_release_result_operation_id(result) == NULL);
    const cloudpartner_offer *written = cloudpartner_release_result_offer(result);
    CHECK(written != NULL && cloudpartner_offer_version(written) >= 2);
    /* The phases in order, each started then finished, the waits with their statuses. */
    const char *order[] = {
        "phase_started:read",     "phase_finished:read",    "phase_started:change",
        "phase_finished:change",  "phase_started:write",    "phase_finished:write",
        "phase_started:publish",  "phase_finished:publish", "phase_started:review",
        "status:review",          "phase_finished:review",  "phase_started:go-live",
        "phase_finished:go-live", "phase_started:live",     "status:live",
    };
    const char *at = p.log;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *found = strstr(at, order[i]);
        CHECK_MSG(found != NULL, "%s not in order in: %s", order[i], p.log);
        if (found != NULL) at = found + strlen(order[i]);
    }
    CHECK_MSG(p.statuses >= 2, "%d statuses", p.statuses);
    CHECK(p.nested_ok);
    /* The image reached the service with its signature. */
    CHECK(sent(emulator, "PUT", "/offers/vm-release") == 1);
    CHECK(sent(emulator, "POST", "/golive") == 1);
    char *document = NULL;
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", "production",
                                                    &document, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(contains(document, "TOPSECRETsig") && contains(document, "2.0.0"));
    cloudpartner_string_free(document);
    cloudpartner_release_result_free(result);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* Without go_live: stopped at the review, no go-live sent; no callback is fine. */
static void at_review(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("vm-release", false);
    cloudpartner_release_result *result = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, NULL, NULL, &result, &err),
               CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW);
    CHECK(cloudpartner_offer_status_state(cloudpartner_release_result_status(result)) ==
          CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW);
    CHECK(cloudpartner_release_result_offer(result) != NULL);
    CHECK(sent(emulator, "POST", "/publish") == 1);
    CHECK(sent(emulator, "POST", "/golive") == 0);
    cloudpartner_release_result_free(result);
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A rejected publish: the FAILED outcome, at the review, with its operation and status. */
static void rejected(void) {
    cloudpartner_emulator *emulator = start_emulator(REJECTED, 0);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("rejected", true);
    progress p = {0};
    cloudpartner_release_result *result = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, on_progress, &p, &result, &err),
               CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_FAILED);
    CHECK(cloudpartner_release_result_failed_phase(result) == CLOUDPARTNER_RELEASE_PHASE_REVIEW);
    const char *operation = cloudpartner_release_result_operation_id(result);
    CHECK(operation != NULL && operation[0] != '\0');
    const cloudpartner_offer_status *status = cloudpartner_release_result_status(result);
    CHECK(cloudpartner_offer_status_state(status) == CLOUDPARTNER_OFFER_STATE_FAILED);
    CHECK(cloudpartner_release_result_offer(result) == NULL);
    CHECK(cloudpartner_release_result_diff(result) == NULL);
    CHECK_MSG(strstr(p.log, "go-live") == NULL, "%s", p.log);
    CHECK(sent(emulator, "POST", "/golive") == 0);
    cloudpartner_release_result_free(result);
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A dry run: the diff of the definition (signature hidden), and only GETs sent. */
static void dry_run(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("vm-release", true);
    request.dry_run = true;
    progress p = {0};
    cloudpartner_release_result *result = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, on_progress, &p, &result, &err),
               CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN);
    const char *diff = cloudpartner_release_result_diff(result);
    CHECK_MSG(contains(diff, "2.0.0") && contains(diff, "+"), "%s", diff ? diff : "(null)");
    CHECK_MSG(!contains(diff, "TOPSECRET") && contains(diff, "sig=REDACTED"), "%s", diff ? diff : "(null)");
    CHECK(cloudpartner_release_result_status(result) == NULL);
    CHECK(cloudpartner_release_result_offer(result) == NULL);
    CHECK_STR(p.log, "phase_started:read phase_finished:read phase_started:change phase_finished:change");
    /* The request log: GETs only. */
    char *log = cloudpartner_emulator_requests_json(emulator);
    json *requests = log != NULL ? json_parse(log, strlen(log)) : NULL;
    CHECK(requests != NULL && requests->count >= 1);
    for (size_t i = 0; requests != NULL && i < requests->count; i++) {
        CHECK_STR(json_str(json_get(json_at(requests, i), "method")), "GET");
    }
    json_free(requests);
    cloudpartner_string_free(log);
    cloudpartner_release_result_free(result);
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A callback returning non-zero while the release waits stops it: canceled, no more
 * events, nothing more sent (no go-live). */
static void canceled(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("vm-release", true);
    progress p = {.stop_at_status = 1};
    cloudpartner_release_result *result = GARBAGE(cloudpartner_release_result);
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, on_progress, &p, &result, &err),
               CLOUDPARTNER_ERROR_CANCELED, err);
    CHECK(result == NULL);
    CHECK(contains(cloudpartner_error_message(err), "stopped by the progress callback"));
    CHECK(p.stopped && p.after_stop == 0);
    CHECK_MSG(strstr(p.log, "phase_finished:review") == NULL, "%s", p.log);
    size_t requests = cloudpartner_emulator_request_count(emulator);
    CHECK(sent(emulator, "POST", "/golive") == 0);
    CHECK(sent(emulator, "POST", "/publish") == 1);
    /* Nothing polls on after the call returned. */
    struct timespec pause = {0, 200 * 1000 * 1000};
    nanosleep(&pause, NULL);
    CHECK_MSG(cloudpartner_emulator_request_count(emulator) == requests, "%zu then %zu", requests,
              cloudpartner_emulator_request_count(emulator));
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A release that ends with an error says the phase: an unknown offer at read. */
static void error_names_the_phase(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request request = request_for("no-such-offer", true);
    cloudpartner_release_result *result = GARBAGE(cloudpartner_release_result);
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_release(client, &request, NULL, NULL, &result, &err),
               CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(result == NULL);
    CHECK_MSG(contains(cloudpartner_error_message(err), "release failed at read"), "%s",
              cloudpartner_error_message(err));
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* Expects INVALID_ARGUMENT naming `name`, *out NULL, the callback given no event at all
 * for the binding's own checks. */
static void check_invalid(const cloudpartner_client *client, const cloudpartner_release_request *request,
                          int with_out, const char *name) {
    cloudpartner_release_result *result = GARBAGE(cloudpartner_release_result);
    cloudpartner_error *err = NULL;
    progress p = {0};
    CHECK_KIND(cloudpartner_client_release(client, request, on_progress, &p, with_out ? &result : NULL,
                                           &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK_MSG(contains(cloudpartner_error_message(err), name), "%s: %s", name,
              cloudpartner_error_message(err));
    /* The binding's own checks name the function; the core's say the phase. */
    const char *where = name[0] == '`' ? "cloudpartner_client_release: " : "release failed at read: ";
    CHECK_MSG(contains(cloudpartner_error_message(err), where), "%s", cloudpartner_error_message(err));
    if (with_out) CHECK(result == NULL);
    if (name[0] == '`') CHECK(p.events == 0);
    cloudpartner_error_free(err);
}

static void arguments(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_release_request good = request_for("vm-release", true);
    check_invalid(NULL, &good, 1, "`client` is NULL");
    check_invalid(client, NULL, 1, "`request` is NULL");
    check_invalid(client, &good, 0, "`out` is NULL");
    cloudpartner_release_request r = good;
    r.publisher_id = NULL;
    check_invalid(client, &r, 1, "`request->publisher_id` is NULL");
    r = good;
    r.offer_id = BAD_UTF8;
    check_invalid(client, &r, 1, "`request->offer_id` is not valid UTF-8");
    r = good;
    r.plan_id = NULL;
    check_invalid(client, &r, 1, "`request->plan_id` is NULL");
    r = good;
    r.image.version = NULL;
    check_invalid(client, &r, 1, "`request->image.version` is NULL");
    r = good;
    r.image.os_vhd_url = BAD_UTF8;
    check_invalid(client, &r, 1, "`request->image.os_vhd_url` is not valid UTF-8");
    r = good;
    r.image.label = BAD_UTF8;
    check_invalid(client, &r, 1, "`request->image.label`");
    r = good;
    r.notification_emails = BAD_UTF8;
    check_invalid(client, &r, 1, "`request->notification_emails`");
    r = good;
    r.image.data_disk_count = 2;
    check_invalid(client, &r, 1, "`request->image.data_disks`");
    /* What the core refuses, before anything is sent. */
    r = good;
    r.offer_id = "";
    check_invalid(client, &r, 1, "offer");
    r = good;
    r.image.os_vhd_url = "http://example.com/os.vhd";
    check_invalid(client, &r, 1, "https");
    cloudpartner_watch_options watch = cloudpartner_watch_options_default();
    watch.min_interval_ms = 1000;
    watch.max_interval_ms = 10;
    r = good;
    r.watch = &watch;
    check_invalid(client, &r, 1, "interval");
    CHECK_MSG(cloudpartner_emulator_request_count(emulator) == 0, "%zu requests",
              cloudpartner_emulator_request_count(emulator));
    /* err may be NULL. */
    CHECK(cloudpartner_client_release(NULL, NULL, NULL, NULL, NULL, NULL) ==
          CLOUDPARTNER_ERROR_INVALID_ARGUMENT);

    /* The defaults; every accessor given NULL; _free given NULL. */
    cloudpartner_release_request d = cloudpartner_release_request_default();
    CHECK(d.publisher_id == NULL && d.offer_id == NULL && d.plan_id == NULL && !d.go_live &&
          !d.dry_run && d.notification_emails == NULL && d.watch == NULL);
    CHECK(d.image.version == NULL && d.image.show_in_gui && d.image.data_disk_count == 0);
    CHECK(cloudpartner_release_event_kind(NULL) == CLOUDPARTNER_RELEASE_EVENT_UNKNOWN);
    CHECK(cloudpartner_release_event_phase(NULL) == CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
    CHECK(cloudpartner_release_event_phase_name(NULL) == NULL);
    CHECK(cloudpartner_release_event_summary(NULL) == NULL);
    CHECK(cloudpartner_release_event_fields_json(NULL) == NULL);
    CHECK(cloudpartner_release_event_status(NULL) == NULL);
    CHECK(cloudpartner_release_result_outcome(NULL) == CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN);
    CHECK(cloudpartner_release_result_status(NULL) == NULL);
    CHECK(cloudpartner_release_result_offer(NULL) == NULL);
    CHECK(cloudpartner_release_result_diff(NULL) == NULL);
    CHECK(cloudpartner_release_result_failed_phase(NULL) == CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
    CHECK(cloudpartner_release_result_operation_id(NULL) == NULL);
    cloudpartner_release_result_free(NULL);
    CHECK_STR(cloudpartner_release_phase_name(CLOUDPARTNER_RELEASE_PHASE_GO_LIVE), "go-live");
    CHECK_STR(cloudpartner_release_phase_name(-1), "unknown");
    CHECK_STR(cloudpartner_release_outcome_name(99), "unknown");
    CHECK_STR(cloudpartner_release_event_kind_name(CLOUDPARTNER_RELEASE_EVENT_STATUS), "status");
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

int main(void) {
    to_live();
    at_review();
    rejected();
    dry_run();
    canceled();
    error_names_the_phase();
    arguments();
    cloudpartner_shutdown();
    return check_summary("test_release");
}
