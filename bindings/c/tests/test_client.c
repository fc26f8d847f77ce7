/*
 * test_client: the client against emulators started from C — every default offer, HTTP
 * errors, every fault kind, batch, watch (to the end, stopped by the callback, timed out,
 * as a handle closed from another thread), a token callback, the emulator's own functions
 * (stop, recorded requests, client options), and NULL / bad UTF-8 arguments everywhere.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "support.h"

static const char BAD_UTF8[] = "caf\xC3\x28-offer"; /* an invalid two-byte sequence */

static void test_version_and_kind_names(void) {
    const char *version = cloudpartner_version();
    CHECK(version != NULL && version[0] >= '0' && version[0] <= '9' && strchr(version, '.'));
    static const char *const names[] = {
        "ok",      "invalid_argument", "authentication", "permission_denied", "not_found",
        "bad_request", "throttled",    "server",         "timeout",           "transport",
        "parse",   "too_large",        "canceled",       "internal",          "conflict"};
    for (int k = 0; k < (int)(sizeof names / sizeof names[0]); k++) {
        CHECK_STR(cloudpartner_error_kind_name(k), names[k]);
    }
    CHECK((int)CLOUDPARTNER_ERROR_NOT_FOUND == 4 && (int)CLOUDPARTNER_ERROR_INTERNAL == 13);
    CHECK_STR(cloudpartner_error_kind_name(-1), "unknown");
    CHECK_STR(cloudpartner_error_kind_name(15), "unknown");
    CHECK_STR(cloudpartner_offer_state_name(CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW),
              "waitingForPublisherReview");
    CHECK_STR(cloudpartner_step_state_name(CLOUDPARTNER_STEP_STATE_IN_PROGRESS), "inProgress");
    CHECK_STR(cloudpartner_message_level_name(CLOUDPARTNER_MESSAGE_LEVEL_WARNING), "warning");
    CHECK_STR(cloudpartner_step_state_name(1000), "unknown");
}

static void test_default_offers(const cloudpartner_client *client) {
    static const struct {
        const char *offer;
        cloudpartner_offer_state state;
        int terminal, needs_action;
    } offers[] = {
        {"never-published", CLOUDPARTNER_OFFER_STATE_NEVER_PUBLISHED, 0, 0},
        {"not-started", CLOUDPARTNER_OFFER_STATE_NOT_STARTED, 0, 0},
        {"review-offer", CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW, 0, 1},
        {"running-offer", CLOUDPARTNER_OFFER_STATE_RUNNING, 0, 0},
        {"live-offer", CLOUDPARTNER_OFFER_STATE_SUCCEEDED, 1, 0},
        {"canceled-offer", CLOUDPARTNER_OFFER_STATE_CANCELED, 1, 0},
        {"failed-offer", CLOUDPARTNER_OFFER_STATE_FAILED, 1, 0},
    };
    for (size_t i = 0; i < sizeof offers / sizeof offers[0]; i++) {
        cloudpartner_offer_status *s =
            fetch_expecting(client, "contoso", offers[i].offer, CLOUDPARTNER_OK, NULL, "default offer");
        if (s == NULL) continue;
        CHECK_MSG(cloudpartner_offer_status_state(s) == offers[i].state, "%s: state %s",
                  offers[i].offer, cloudpartner_offer_status_raw_state(s));
        CHECK(cloudpartner_offer_status_is_terminal(s) == offers[i].terminal);
        CHECK(cloudpartner_offer_status_needs_publisher_action(s) == offers[i].needs_action);
        if (offers[i].state == CLOUDPARTNER_OFFER_STATE_RUNNING) {
            const cloudpartner_step *current = cloudpartner_offer_status_current_step(s);
            CHECK(current != NULL);
            double min = -1, max = -1;
            CHECK(cloudpartner_offer_status_estimated_remaining(s, &min, &max) && 0 <= min && min <= max);
            double progress = cloudpartner_offer_status_progress(s);
            CHECK(progress > 0.0 && progress < 1.0);
        }
        if (offers[i].state == CLOUDPARTNER_OFFER_STATE_SUCCEEDED) {
            CHECK_NEAR(cloudpartner_offer_status_progress(s), 1.0);
            CHECK(cloudpartner_offer_status_current_step(s) == NULL);
            CHECK(!cloudpartner_offer_status_estimated_remaining(s, NULL, NULL));
            CHECK(cloudpartner_offer_status_step_count(s) > 0);
        }
        char *text = cloudpartner_offer_status_to_json(s);
        CHECK(contains(text, "\"status\":"));
        cloudpartner_string_free(text);
        cloudpartner_offer_status_free(s);
    }
}

static void test_http_errors(const cloudpartner_emulator *emulator, const cloudpartner_client *client) {
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;

    /* 404, with the API's code, a request id, and the status in the message. */
    CHECK_KIND(cloudpartner_client_offer_status(client, "contoso", "no-such-offer", &status, &err),
               CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(status == NULL);
    CHECK(cloudpartner_error_get_kind(err) == CLOUDPARTNER_ERROR_NOT_FOUND);
    CHECK(cloudpartner_error_status_code(err) == 404);
    CHECK(contains(cloudpartner_error_api_code(err), "NotFound"));
    CHECK(cloudpartner_error_request_id(err) != NULL && strlen(cloudpartner_error_request_id(err)) > 8);
    CHECK(!cloudpartner_error_request_id_is_client(err));
    CHECK(!cloudpartner_error_request_id_is_client(NULL));
    CHECK(contains(cloudpartner_error_message(err), "404"));
    CHECK(cloudpartner_error_line(err) == 0 && cloudpartner_error_column(err) == 0);
    cloudpartner_error_free(err);

    /* A wrong token: 401, and the token appears nowhere in the error. */
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    opts.base_url = cloudpartner_emulator_base_url(emulator);
    opts.token = "wrong-secret-token-1234";
    opts.max_retries = 0;
    cloudpartner_client *wrong = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &wrong, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_client_offer_status(wrong, "contoso", "live-offer", &status, &err),
               CLOUDPARTNER_ERROR_AUTHENTICATION, err);
    CHECK(cloudpartner_error_status_code(err) == 401);
    CHECK(!contains(cloudpartner_error_message(err), "wrong-secret-token-1234"));
    cloudpartner_error_free(err);
    cloudpartner_client_free(wrong);

    /* An api-version the service does not know: 400 InvalidAPIVersion. */
    opts.token = cloudpartner_emulator_token(emulator);
    opts.api_version = "1999-01-01";
    cloudpartner_client *old = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &old, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_client_offer_status(old, "contoso", "live-offer", &status, &err),
               CLOUDPARTNER_ERROR_BAD_REQUEST, err);
    CHECK(cloudpartner_error_status_code(err) == 400);
    CHECK_STR(cloudpartner_error_api_code(err), "InvalidAPIVersion");
    cloudpartner_error_free(err);
    cloudpartner_client_free(old);

    /* An empty id is rejected before any request. */
    CHECK_KIND(cloudpartner_client_offer_status(client, "contoso", "", &status, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(cloudpartner_error_request_id(err) == NULL && cloudpartner_error_status_code(err) == 0);
    cloudpartner_error_free(err);

    /* Ids are path segments: a slash is encoded, so this is simply an unknown offer. */
    cloudpartner_offer_status_free(fetch_expecting(client, "contoso", "live-offer/../x?y#z", CLOUDPARTNER_ERROR_NOT_FOUND, NULL,
                    "encoded id"));
}

/* Adds `fault_json` (for live-offer, once) and checks what a fetch gives. */
static void fault_case(const cloudpartner_emulator *emulator, const cloudpartner_client *client,
                       const char *fault_json, cloudpartner_error_kind want, uint16_t want_status) {
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_emulator_add_fault(emulator, fault_json, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    uint16_t status_code = 0;
    cloudpartner_offer_status *s =
        fetch_expecting(client, "contoso", "live-offer", want, &status_code, fault_json);
    CHECK_MSG(status_code == want_status, "%s: HTTP status %u, want %u", fault_json, status_code,
              want_status);
    if (want == CLOUDPARTNER_OK) {
        CHECK(cloudpartner_offer_status_state(s) == CLOUDPARTNER_OFFER_STATE_SUCCEEDED);
    }
    cloudpartner_offer_status_free(s);
}

static void test_faults(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, 0);
    cloudpartner_client *client = client_for(emulator, 0, 0, 0);
    cloudpartner_client *impatient = client_for(emulator, 0, 1500, 0);
    cloudpartner_client *small = client_for(emulator, 0, 0, 20000);
    cloudpartner_client *patient = client_for(emulator, 3, 0, 0);
    if (emulator == NULL || client == NULL || impatient == NULL || small == NULL || patient == NULL) {
        goto done;
    }
#define FOR_LIVE "\"offerId\":\"live-offer\",\"times\":1"
    fault_case(emulator, client, "{\"kind\":\"status\",\"status\":503," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_SERVER, 503);
    fault_case(emulator, client, "{\"kind\":\"status\",\"status\":429," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_THROTTLED, 429);
    fault_case(emulator, client, "{\"kind\":\"status\",\"status\":403," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_PERMISSION_DENIED, 403);
    fault_case(emulator, client, "{\"kind\":\"status\",\"status\":409," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_CONFLICT, 409);
    /* Transient failures are retried: two 503s, then the document. */
    fault_case(emulator, patient,
               "{\"kind\":\"status\",\"status\":503,\"offerId\":\"live-offer\",\"times\":2}",
               CLOUDPARTNER_OK, 0);
    fault_case(emulator, client, "{\"kind\":\"latency\",\"ms\":50," FOR_LIVE "}", CLOUDPARTNER_OK, 0);
    fault_case(emulator, impatient, "{\"kind\":\"latency\",\"ms\":6000," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_TIMEOUT, 0);
    fault_case(emulator, client, "{\"kind\":\"malformed\"," FOR_LIVE "}", CLOUDPARTNER_ERROR_PARSE, 200);
    fault_case(emulator, client, "{\"kind\":\"html\",\"status\":502," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_SERVER, 502);
    fault_case(emulator, client, "{\"kind\":\"html\",\"status\":200," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_PARSE, 200);
    fault_case(emulator, client, "{\"kind\":\"reset\"," FOR_LIVE "}", CLOUDPARTNER_ERROR_TRANSPORT, 0);
    /* The headers came (200), the body did not. */
    fault_case(emulator, impatient, "{\"kind\":\"slowBody\",\"bytesPerSecond\":20," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_TIMEOUT, 200);
    fault_case(emulator, small, "{\"kind\":\"oversize\",\"bytes\":200000," FOR_LIVE "}",
               CLOUDPARTNER_ERROR_TOO_LARGE, 200);

    /* A redirect to the same origin is followed with the token; to another origin
     * (localhost instead of 127.0.0.1) the token is not sent, so the answer is 401. */
    char fault[512];
    const char *base = cloudpartner_emulator_base_url(emulator);
    snprintf(fault, sizeof fault, "{\"kind\":\"redirect\",\"location\":\"%s{path}\"," FOR_LIVE "}", base);
    fault_case(emulator, client, fault, CLOUDPARTNER_OK, 0);
    const char *port = strrchr(base, ':');
    snprintf(fault, sizeof fault,
             "{\"kind\":\"redirect\",\"location\":\"http://localhost%s{path}\"," FOR_LIVE "}", port);
    fault_case(emulator, client, fault, CLOUDPARTNER_ERROR_AUTHENTICATION, 401);
#undef FOR_LIVE
    /* Every fault was used up: the offer is served normally again. */
    cloudpartner_offer_status_free(
        fetch_expecting(client, "contoso", "live-offer", CLOUDPARTNER_OK, NULL, "after the faults"));
done:
    cloudpartner_client_free(patient);
    cloudpartner_client_free(small);
    cloudpartner_client_free(impatient);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

static void test_scenario_from_c(void) {
    const char *scenario =
        "{\"token\": \"c-test-token\","
        " \"publishers\": {\"fabrikam\": {\"offers\": {"
        "   \"fixed\": {\"status\": {\"status\": \"Succeeded\", \"notificationEmails\": \"a@x.com; b@x.com\","
        "               \"steps\": [{\"id\": \"s1\", \"stepName\": \"Only\", \"status\": \"Complete\"}]}},"
        "   \"flaky\": {\"status\": {\"status\": \"running\"}}}}},"
        " \"faults\": [{\"kind\": \"status\", \"status\": 500, \"offerId\": \"flaky\"}]}";
    cloudpartner_emulator *emulator = start_emulator(scenario, 0);
    CHECK_STR(cloudpartner_emulator_token(emulator), "c-test-token");
    cloudpartner_client *client = client_for(emulator, 0, 0, 0);
    cloudpartner_offer_status *s =
        fetch_expecting(client, "fabrikam", "fixed", CLOUDPARTNER_OK, NULL, "scenario offer");
    CHECK(cloudpartner_offer_status_state(s) == CLOUDPARTNER_OFFER_STATE_SUCCEEDED);
    CHECK_STR(cloudpartner_offer_status_raw_state(s), "Succeeded");
    CHECK(cloudpartner_offer_status_notification_email_count(s) == 2);
    CHECK_STR(cloudpartner_offer_status_notification_email(s, 1), "b@x.com");
    CHECK_STR(cloudpartner_step_name(cloudpartner_offer_status_step(s, 0)), "Only");
    cloudpartner_offer_status_free(s);
    cloudpartner_offer_status_free(fetch_expecting(client, "fabrikam", "flaky", CLOUDPARTNER_ERROR_SERVER, NULL, "scenario fault"));

    /* An offer set from C is served from the next request on. */
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_emulator_set_offer_status(
                   emulator, "fabrikam", "new-offer",
                   "{\"status\":\"running\",\"steps\":[{\"id\":\"x\",\"status\":\"inProgress\","
                   "\"estimatedTimeFrame\":\"< 1 hour\",\"progressPercentage\":50}]}",
                   &err),
               CLOUDPARTNER_OK, err);
    s = fetch_expecting(client, "fabrikam", "new-offer", CLOUDPARTNER_OK, NULL, "offer set from C");
    CHECK_STR(cloudpartner_step_id(cloudpartner_offer_status_current_step(s)), "x");
    double min = -1, max = -1;
    CHECK(cloudpartner_offer_status_estimated_remaining(s, &min, &max));
    CHECK_NEAR(min, 0.0);
    CHECK_NEAR(max, 1800.0);
    cloudpartner_offer_status_free(s);
    CHECK_KIND(cloudpartner_emulator_set_offer_status(emulator, "fabrikam", "o", "{not json", &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);

    /* Stopped (twice is fine), nothing answers there any more; what it recorded, its URL
     * and its token stay readable until it is freed. */
    size_t requests = cloudpartner_emulator_request_count(emulator);
    CHECK_MSG(requests == 3, "%zu requests", requests);
    cloudpartner_emulator_stop(emulator);
    cloudpartner_emulator_stop(emulator);
    cloudpartner_offer_status_free(fetch_expecting(client, "fabrikam", "fixed", CLOUDPARTNER_ERROR_TRANSPORT, NULL,
                    "stopped emulator"));
    CHECK(cloudpartner_emulator_request_count(emulator) == requests);
    CHECK_STR(cloudpartner_emulator_token(emulator), "c-test-token");
    CHECK(contains(cloudpartner_emulator_base_url(emulator), "http://127.0.0.1:"));
    char *log = cloudpartner_emulator_requests_json(emulator);
    CHECK(contains(log, "\"method\":\"GET\""));
    CHECK(contains(log, "\"path\":\"/api/publishers/fabrikam/offers/new-offer/status\""));
    CHECK(contains(log, "\"query\":\"api-version=2017-10-31\""));
    /* The User-Agent names this binding. */
    CHECK(contains(log, "(c)\"]"));
    cloudpartner_string_free(log);
    cloudpartner_emulator_free(emulator);
    cloudpartner_client_free(client);
}

static void test_emulator_errors(void) {
    cloudpartner_emulator *emulator = (cloudpartner_emulator *)(void *)&emulator;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_emulator_start("{\"timeScale\": \"fast\"}", &emulator, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(emulator == NULL);
    CHECK(contains(cloudpartner_error_message(err), "timeScale"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_start("not json", &emulator, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_start_scaled(NULL, -1.0, &emulator, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_start(NULL, NULL, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_start(BAD_UTF8, &emulator, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    CHECK(cloudpartner_emulator_base_url(NULL) == NULL && cloudpartner_emulator_token(NULL) == NULL);
    CHECK(cloudpartner_emulator_request_count(NULL) == 0 && cloudpartner_emulator_requests_json(NULL) == NULL);
    cloudpartner_client_options from_emulator = cloudpartner_client_options_default();
    CHECK_KIND(cloudpartner_emulator_client_options(NULL, &from_emulator), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    CHECK_KIND(cloudpartner_emulator_add_fault(NULL, "{\"kind\":\"reset\"}", NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    cloudpartner_emulator_stop(NULL);

    emulator = start_emulator(NULL, 0);
    CHECK(contains(cloudpartner_emulator_base_url(emulator), "http://127.0.0.1:"));
    CHECK_KIND(cloudpartner_emulator_client_options(emulator, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    CHECK_KIND(cloudpartner_emulator_add_fault(emulator, "{\"kind\":\"teapot\"}", &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "teapot"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_add_fault(emulator, NULL, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    cloudpartner_emulator_free(emulator);
}

static void test_null_and_bad_utf8(const cloudpartner_client *client) {
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_client *made = NULL;
    cloudpartner_client_options opts = cloudpartner_client_options_default();

    /* Options. */
    CHECK(opts.base_url == NULL && opts.token == NULL && opts.max_retries == -1 && !opts.allow_http);
    opts.token = "t";
    CHECK_KIND(cloudpartner_client_new(&opts, NULL, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "`out` is NULL"));
    cloudpartner_error_free(err);
    opts.base_url = BAD_UTF8;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(made == NULL && contains(cloudpartner_error_message(err), "opts->base_url"));
    CHECK(contains(cloudpartner_error_message(err), "UTF-8"));
    cloudpartner_error_free(err);
    opts.base_url = "http://example.com";
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    opts.base_url = "not a url";
    CHECK_KIND(cloudpartner_client_new(&opts, &made, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    opts.base_url = NULL;
    opts.max_retries = -2;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "max_retries"));
    cloudpartner_error_free(err);
    opts.max_retries = -1;
    opts.token = BAD_UTF8;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    /* The core's checks, the same in every interface: a blank token; a token and a
     * credential; a poll time scale that is not a positive number. */
    opts.token = " \t ";
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(made == NULL && contains(cloudpartner_error_message(err), "empty"));
    cloudpartner_error_free(err);
    opts.token = "t";
    opts.tenant_id = "tenant";
    opts.client_id = "app";
    opts.client_secret = "secret";
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "not both"));
    cloudpartner_error_free(err);
    /* Some of the client-secret fields only: the core's rule
     * (ClientSecretOptions::from_parts), in C's words. */
    opts.token = NULL;
    opts.client_id = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "missing: client_id"));
    cloudpartner_error_free(err);
    opts.tenant_id = NULL;
    opts.client_secret = NULL;
    opts.token = "t";
    opts.poll_time_scale = -1.0;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "poll_time_scale"));
    cloudpartner_error_free(err);
    opts.poll_time_scale = NAN;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    opts.poll_time_scale = 0.0;
    CHECK_KIND(cloudpartner_client_new(&opts, &made, &err), CLOUDPARTNER_OK, err);
    cloudpartner_client_free(made);
    /* NULL options: every default, the credential from the environment; no request is
     * made, so it builds (test_surface covers the rest of the chain). */
    setenv("CLOUDPARTNER_TOKEN", "from-the-environment", 1);
    CHECK_KIND(cloudpartner_client_new(NULL, &made, &err), CLOUDPARTNER_OK, err);
    CHECK(made != NULL && err == NULL);
    cloudpartner_client_free(made);
    unsetenv("CLOUDPARTNER_TOKEN");

    /* One offer. */
    CHECK_KIND(cloudpartner_client_offer_status(NULL, "contoso", "live-offer", &status, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "`client` is NULL"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offer_status(client, NULL, "live-offer", &status, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "`publisher` is NULL"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offer_status(client, "contoso", NULL, &status, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer_status(client, "contoso", "live-offer", NULL, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer_status(client, "contoso", BAD_UTF8, &status, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(status == NULL && contains(cloudpartner_error_message(err), "offset 3"));
    cloudpartner_error_free(err);

    /* Batch. */
    cloudpartner_batch *batch = NULL;
    const char *with_null[] = {"live-offer", NULL};
    CHECK_KIND(cloudpartner_client_offer_statuses(client, "contoso", NULL, 2, 0, &batch, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer_statuses(client, "contoso", with_null, 2, 0, &batch, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(batch == NULL && contains(cloudpartner_error_message(err), "offer_ids[1]"));
    cloudpartner_error_free(err);
    const char *bad[] = {BAD_UTF8};
    CHECK_KIND(cloudpartner_client_offer_statuses(client, "contoso", bad, 1, 0, &batch, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer_statuses(client, NULL, with_null, 1, 0, &batch, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer_statuses(client, "contoso", NULL, 0, 0, &batch, &err),
               CLOUDPARTNER_OK, err);
    CHECK(batch != NULL && cloudpartner_batch_count(batch) == 0);
    cloudpartner_batch_free(batch);

    /* Watch. */
    cloudpartner_offer_status *final_status = (cloudpartner_offer_status *)(void *)&final_status;
    CHECK_KIND(cloudpartner_client_watch(NULL, "contoso", "live-offer", NULL, NULL, NULL,
                                         &final_status, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK(final_status == NULL);
    CHECK_KIND(cloudpartner_client_watch(client, BAD_UTF8, "live-offer", NULL, NULL, NULL, NULL, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    cloudpartner_watch *watch = (cloudpartner_watch *)(void *)&watch;
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", NULL, NULL, &watch, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(watch == NULL && contains(cloudpartner_error_message(err), "`offer` is NULL"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "live-offer", NULL, NULL, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_watch_start(NULL, "contoso", "live-offer", NULL, &watch, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_watch_next(NULL, &status, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK(!cloudpartner_watch_is_closed(NULL));
    /* Options the core refuses: a max interval below the min. */
    cloudpartner_watch_options upside_down = cloudpartner_watch_options_default();
    upside_down.min_interval_ms = 2000;
    upside_down.max_interval_ms = 1000;
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "live-offer", &upside_down, &watch, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(watch == NULL && contains(cloudpartner_error_message(err), "max interval"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "live-offer", &upside_down, NULL, NULL, NULL, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);

    /* Parse. */
    CHECK_KIND(cloudpartner_parse_offer_status(NULL, 10, &status, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    CHECK_KIND(cloudpartner_parse_offer_status("{}", 2, NULL, NULL), CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
               NULL);
    CHECK_KIND(cloudpartner_parse_offer_status("", 0, &status, NULL), CLOUDPARTNER_ERROR_PARSE, NULL);
    static const char with_nul[] = "{\"status\":\"running\"}\0garbage";
    CHECK_KIND(cloudpartner_parse_offer_status(with_nul, sizeof with_nul - 1, &status, NULL),
               CLOUDPARTNER_ERROR_PARSE, NULL);
    CHECK_KIND(cloudpartner_parse_offer_status(with_nul, strlen(with_nul), &status, NULL), CLOUDPARTNER_OK,
               NULL);
    cloudpartner_offer_status_free(status);
    static const char paused[] = "{\"status\":\"paused\"}";
    CHECK_KIND(cloudpartner_parse_offer_status_strict(paused, strlen(paused), &status, &err),
               CLOUDPARTNER_ERROR_PARSE, err);
    CHECK(contains(cloudpartner_error_message(err), "paused"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_parse_offer_status(paused, strlen(paused), &status, NULL), CLOUDPARTNER_OK, NULL);
    CHECK(cloudpartner_offer_status_state(status) == CLOUDPARTNER_OFFER_STATE_UNKNOWN);
    CHECK_STR(cloudpartner_offer_status_raw_state(status), "paused");
    cloudpartner_offer_status_free(status);
    /* A string with a NUL is cut there in accessors and kept whole in to_json. */
    static const char nul_name[] = "{\"status\":\"running\",\"steps\":[{\"id\":\"a\\u0000b\"}]}";
    CHECK_KIND(cloudpartner_parse_offer_status(nul_name, strlen(nul_name), &status, NULL), CLOUDPARTNER_OK,
               NULL);
    CHECK_STR(cloudpartner_step_id(cloudpartner_offer_status_step(status, 0)), "a");
    char *text = cloudpartner_offer_status_to_json(status);
    CHECK(contains(text, "a\\u0000b"));
    cloudpartner_string_free(text);
    cloudpartner_offer_status_free(status);

    /* Accessors given NULL. */
    CHECK(cloudpartner_offer_status_state(NULL) == CLOUDPARTNER_OFFER_STATE_UNKNOWN);
    CHECK(cloudpartner_offer_status_raw_state(NULL) == NULL);
    CHECK(cloudpartner_offer_status_step_count(NULL) == 0 && cloudpartner_offer_status_step(NULL, 0) == NULL);
    CHECK(cloudpartner_offer_status_message(NULL, 0) == NULL);
    CHECK(cloudpartner_offer_status_notification_email(NULL, 0) == NULL);
    CHECK(!cloudpartner_offer_status_is_terminal(NULL) && cloudpartner_offer_status_progress(NULL) == 0.0);
    CHECK(cloudpartner_offer_status_current_step(NULL) == NULL);
    CHECK(!cloudpartner_offer_status_estimated_remaining(NULL, NULL, NULL));
    CHECK(cloudpartner_offer_status_to_json(NULL) == NULL && cloudpartner_offer_status_clone(NULL) == NULL);
    const char *raw = "untouched";
    CHECK(!cloudpartner_step_time_frame(NULL, &raw, NULL, NULL) && raw == NULL);
    CHECK(cloudpartner_step_id(NULL) == NULL && cloudpartner_step_state(NULL) == CLOUDPARTNER_STEP_STATE_UNKNOWN);
    CHECK(cloudpartner_step_progress_percentage(NULL) == 0 && cloudpartner_step_message(NULL, 0) == NULL);
    int64_t nanos = 7;
    CHECK(!cloudpartner_message_timestamp_unix_nanos(NULL, &nanos) && nanos == 7);
    CHECK(cloudpartner_message_level(NULL) == CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN);
    CHECK(cloudpartner_message_html(NULL) == NULL && cloudpartner_link_uri(NULL) == NULL);
    CHECK(cloudpartner_error_message(NULL) == NULL && cloudpartner_error_status_code(NULL) == 0);
    CHECK(cloudpartner_error_get_kind(NULL) == CLOUDPARTNER_ERROR_INVALID_ARGUMENT);
    const cloudpartner_offer_status *item = NULL;
    const cloudpartner_error *item_error = NULL;
    CHECK(cloudpartner_batch_result(NULL, 0, &item, &item_error) == CLOUDPARTNER_ERROR_INVALID_ARGUMENT);
    CHECK(cloudpartner_batch_count(NULL) == 0 && cloudpartner_batch_offer_id(NULL, 0) == NULL);

    /* Every _free accepts NULL. */
    cloudpartner_error_free(NULL);
    cloudpartner_string_free(NULL);
    cloudpartner_offer_status_free(NULL);
    cloudpartner_client_free(NULL);
    cloudpartner_batch_free(NULL);
    cloudpartner_emulator_stop(NULL);
    cloudpartner_emulator_free(NULL);
    cloudpartner_watch_close(NULL);
    cloudpartner_watch_free(NULL);
}

static void test_batch(const cloudpartner_client *client) {
    const char *ids[] = {"live-offer", "missing-offer", "running-offer", "", "failed-offer"};
    size_t n = sizeof ids / sizeof ids[0];
    cloudpartner_batch *batch = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_offer_statuses(client, "contoso", ids, n, 2, &batch, &err),
               CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_batch_count(batch) == n);
    static const cloudpartner_error_kind want[] = {CLOUDPARTNER_OK, CLOUDPARTNER_ERROR_NOT_FOUND,
                                                   CLOUDPARTNER_OK, CLOUDPARTNER_ERROR_INVALID_ARGUMENT,
                                                   CLOUDPARTNER_OK};
    static const cloudpartner_offer_state states[] = {
        CLOUDPARTNER_OFFER_STATE_SUCCEEDED, 0, CLOUDPARTNER_OFFER_STATE_RUNNING, 0,
        CLOUDPARTNER_OFFER_STATE_FAILED};
    for (size_t i = 0; i < n && i < cloudpartner_batch_count(batch); i++) {
        const cloudpartner_offer_status *status = NULL;
        const cloudpartner_error *error = NULL;
        cloudpartner_error_kind kind = cloudpartner_batch_result(batch, i, &status, &error);
        CHECK_STR(cloudpartner_batch_offer_id(batch, i), ids[i]);
        CHECK_KIND(kind, want[i], error);
        if (kind == CLOUDPARTNER_OK) {
            CHECK(error == NULL && cloudpartner_offer_status_state(status) == states[i]);
        } else {
            CHECK(status == NULL && cloudpartner_error_get_kind(error) == kind);
            CHECK(cloudpartner_error_message(error) != NULL);
        }
    }
    const cloudpartner_error *error = NULL;
    CHECK(cloudpartner_batch_result(batch, n, NULL, &error) == CLOUDPARTNER_ERROR_INVALID_ARGUMENT &&
          error == NULL);
    CHECK(cloudpartner_batch_offer_id(batch, n) == NULL);
    cloudpartner_batch_free(batch);
}

/* What the watch callbacks see. */
typedef struct {
    int calls;
    int stop_after; /* 0: never stop */
    char *last_json;
    int changed_every_time;
    cloudpartner_offer_status *first; /* a clone kept past the callback */
} watch_log;

static int on_status(const cloudpartner_offer_status *status, void *user_data) {
    watch_log *log = user_data;
    log->calls++;
    char *json = cloudpartner_offer_status_to_json(status);
    if (log->last_json != NULL && strcmp(log->last_json, json) == 0) log->changed_every_time = 0;
    cloudpartner_string_free(log->last_json);
    log->last_json = json;
    if (log->first == NULL) log->first = cloudpartner_offer_status_clone(status);
    return log->stop_after > 0 && log->calls >= log->stop_after;
}

static void watch_log_free(watch_log *log) {
    cloudpartner_string_free(log->last_json);
    cloudpartner_offer_status_free(log->first);
}

/* One cloudpartner_watch_next() in a thread of its own. */
typedef struct {
    const cloudpartner_watch *watch;
    cloudpartner_error_kind kind;
    cloudpartner_offer_status *status;
} next_call;

static void *call_next(void *p) {
    next_call *call = p;
    call->kind = cloudpartner_watch_next(call->watch, &call->status, NULL);
    return NULL;
}

/* The watch handle: next until over, an error once, and close from another thread. */
static void test_watch_handle(const cloudpartner_client *client) {
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    opts.min_interval_ms = 60000;
    opts.max_interval_ms = 60000;
    cloudpartner_watch *watch = NULL;
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "vm-offer", &opts, &watch, &err),
               CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_offer_status_state(status) == CLOUDPARTNER_OFFER_STATE_RUNNING);
    cloudpartner_offer_status_free(status);
    /* The next poll is a minute away: a close from here ends the waiting call at once. */
    next_call call = {watch, CLOUDPARTNER_ERROR_INTERNAL, NULL};
    pthread_t thread;
    CHECK(pthread_create(&thread, NULL, call_next, &call) == 0);
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL);
    CHECK(!cloudpartner_watch_is_closed(watch));
    cloudpartner_watch_close(watch);
    CHECK(pthread_join(thread, NULL) == 0);
    CHECK_KIND(call.kind, CLOUDPARTNER_OK, NULL);
    CHECK(call.status == NULL);
    /* Closed twice is fine; it stays over. */
    cloudpartner_watch_close(watch);
    CHECK(cloudpartner_watch_is_closed(watch));
    status = (cloudpartner_offer_status *)(void *)&status;
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    CHECK(status == NULL && err == NULL);
    cloudpartner_watch_free(watch);

    /* An error ends the watch: returned once, then the watch is over. */
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "missing-offer", NULL, &watch, &err),
               CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(status == NULL && cloudpartner_error_status_code(err) == 404);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    CHECK(status == NULL);
    CHECK(!cloudpartner_watch_is_closed(watch));
    cloudpartner_watch_free(watch);

    /* A terminal offer: its status, then over; freed without a close. */
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "live-offer", NULL, &watch, &err),
               CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_offer_status_is_terminal(status));
    cloudpartner_offer_status_free(status);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    CHECK(status == NULL);
    cloudpartner_watch_free(watch);

    /* A watch left open while it waits: freed, it stops. */
    CHECK_KIND(cloudpartner_client_watch_start(client, "contoso", "vm-offer", &opts, &watch, &err),
               CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_watch_next(watch, &status, &err), CLOUDPARTNER_OK, err);
    cloudpartner_offer_status_free(status);
    cloudpartner_watch_free(watch);
}

static void test_watch(void) {
    /* A publish that runs in about 8 s (valgrind makes the rest slow): watched to the end,
     * by a client made from the emulator's options (its clock as poll_time_scale). */
    cloudpartner_emulator *fast = start_emulator(NULL, VM_OFFER_PUBLISH_SECONDS / 8.0);
    cloudpartner_client_options client_opts = cloudpartner_client_options_default();
    client_opts.max_retries = 0;
    CHECK_KIND(cloudpartner_emulator_client_options(fast, &client_opts), CLOUDPARTNER_OK, NULL);
    CHECK_STR(client_opts.base_url, cloudpartner_emulator_base_url(fast));
    CHECK_STR(client_opts.token, cloudpartner_emulator_token(fast));
    CHECK_NEAR(client_opts.poll_time_scale, VM_OFFER_PUBLISH_SECONDS / 8.0);
    CHECK(client_opts.max_retries == -1 && client_opts.timeout_ms == 0 && !client_opts.allow_http);
    cloudpartner_client *client = NULL;
    cloudpartner_error *client_err = NULL;
    CHECK_KIND(cloudpartner_client_new(&client_opts, &client, &client_err), CLOUDPARTNER_OK, client_err);
    cloudpartner_error_free(client_err);
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    CHECK(opts.min_interval_ms == 0 && opts.timeout_ms == 0 && !opts.until_publisher_action);
    opts.min_interval_ms = 100;
    opts.max_interval_ms = 400;
    opts.timeout_ms = 120000;
    watch_log log = {0, 0, NULL, 1, NULL};
    cloudpartner_offer_status *final_status = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "vm-offer", &opts, on_status, &log,
                                         &final_status, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_MSG(log.calls >= 2, "%d calls", log.calls);
    CHECK(log.changed_every_time);
    CHECK(cloudpartner_offer_status_is_terminal(final_status));
    char *final_json = cloudpartner_offer_status_to_json(final_status);
    CHECK_STR(final_json, log.last_json);
    cloudpartner_string_free(final_json);
    CHECK(log.first != NULL && !cloudpartner_offer_status_is_terminal(log.first));
    cloudpartner_offer_status_free(final_status);
    watch_log_free(&log);

    /* Until publisher action: the review offer stops at once; no callback is fine. */
    opts.until_publisher_action = true;
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "review-offer", &opts, NULL, NULL,
                                         &final_status, &err),
               CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_offer_status_needs_publisher_action(final_status));
    cloudpartner_offer_status_free(final_status);
    opts.until_publisher_action = false;

    /* An unknown offer ends the watch with its error, before any status. */
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "missing-offer", &opts, on_status, &log,
                                         &final_status, &err),
               CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(final_status == NULL && cloudpartner_error_status_code(err) == 404);
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(fast);

    /* A publish at real speed: the callback stops the watch at its first status... */
    cloudpartner_emulator *slow = start_emulator(NULL, 0);
    client = client_for(slow, -1, 0, 0);
    watch_log stopper = {0, 1, NULL, 1, NULL};
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "vm-offer", &opts, on_status, &stopper,
                                         &final_status, &err),
               CLOUDPARTNER_ERROR_CANCELED, err);
    CHECK(contains(cloudpartner_error_message(err), "callback"));
    cloudpartner_error_free(err);
    CHECK(stopper.calls == 1);
    CHECK(cloudpartner_offer_status_state(final_status) == CLOUDPARTNER_OFFER_STATE_RUNNING);
    cloudpartner_offer_status_free(final_status);
    watch_log_free(&stopper);

    /* ...and a timeout ends it with the last status seen. */
    watch_log waiter = {0, 0, NULL, 1, NULL};
    opts.timeout_ms = 400;
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "vm-offer", &opts, on_status, &waiter,
                                         &final_status, &err),
               CLOUDPARTNER_ERROR_TIMEOUT, err);
    cloudpartner_error_free(err);
    CHECK(waiter.calls >= 1 && final_status != NULL);
    cloudpartner_offer_status_free(final_status);
    watch_log_free(&waiter);
    test_watch_handle(client);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(slow);
}

/* A token source for cloudpartner_token_callback: counts its calls. */
typedef struct {
    const char *token;
    int calls;
    int32_t fail_with;
} token_source;

static int32_t give_token(void *user_data, char *token, size_t capacity, int64_t *expires_on) {
    token_source *source = (token_source *)user_data;
    source->calls++;
    if (source->fail_with != 0) return source->fail_with;
    snprintf(token, capacity, "%s", source->token);
    *expires_on = (int64_t)time(NULL) + 3600;
    return 0;
}

static cloudpartner_error_kind fetch_with_callback(const cloudpartner_emulator *emulator,
                                                   token_source *source, int fetches,
                                                   cloudpartner_error **err) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    opts.base_url = cloudpartner_emulator_base_url(emulator);
    opts.max_retries = 0;
    opts.token_callback = give_token;
    opts.token_callback_user_data = source;
    cloudpartner_client *client = NULL;
    cloudpartner_error_kind kind = cloudpartner_client_new(&opts, &client, err);
    for (int i = 0; kind == CLOUDPARTNER_OK && i < fetches; i++) {
        cloudpartner_offer_status *status = NULL;
        kind = cloudpartner_client_offer_status(client, "contoso", "live-offer", &status, err);
        CHECK((kind == CLOUDPARTNER_OK) == (status != NULL));
        cloudpartner_offer_status_free(status);
    }
    cloudpartner_client_free(client);
    return kind;
}

static void test_token_callback(void) {
    cloudpartner_client_options defaults = cloudpartner_client_options_default();
    CHECK(defaults.token_callback == NULL && defaults.token_callback_user_data == NULL);
    cloudpartner_emulator *emulator = start_emulator(NULL, 0);
    cloudpartner_error *err = NULL;

    /* Asked once while the token is fresh. */
    token_source good = {cloudpartner_emulator_token(emulator), 0, 0};
    CHECK_KIND(fetch_with_callback(emulator, &good, 3, &err), CLOUDPARTNER_OK, err);
    CHECK_MSG(good.calls == 1, "%d calls", good.calls);

    /* A token the service refuses is asked for again once, then the 401 is returned. */
    token_source wrong = {"not-the-token", 0, 0};
    CHECK_KIND(fetch_with_callback(emulator, &wrong, 1, &err), CLOUDPARTNER_ERROR_AUTHENTICATION, err);
    CHECK(cloudpartner_error_status_code(err) == 401);
    CHECK(!contains(cloudpartner_error_message(err), "not-the-token"));
    CHECK_MSG(wrong.calls == 2, "%d calls", wrong.calls);
    cloudpartner_error_free(err);

    /* A callback that fails: an authentication error saying so, no request. */
    token_source failing = {NULL, 0, 7};
    CHECK_KIND(fetch_with_callback(emulator, &failing, 1, &err), CLOUDPARTNER_ERROR_AUTHENTICATION, err);
    CHECK(contains(cloudpartner_error_message(err), "returned 7"));
    CHECK(cloudpartner_error_status_code(err) == 0);
    cloudpartner_error_free(err);

    /* An empty token is refused too. */
    token_source empty = {"", 0, 0};
    CHECK_KIND(fetch_with_callback(emulator, &empty, 1, &err), CLOUDPARTNER_ERROR_AUTHENTICATION, err);
    CHECK(contains(cloudpartner_error_message(err), "empty"));
    cloudpartner_error_free(err);
    cloudpartner_emulator_free(emulator);
}

int main(void) {
    test_version_and_kind_names();
    test_emulator_errors();

    cloudpartner_emulator *emulator = start_emulator(NULL, 0);
    cloudpartner_client *client = client_for(emulator, 0, 0, 0);
    if (emulator != NULL && client != NULL) {
        test_default_offers(client);
        test_http_errors(emulator, client);
        test_null_and_bad_utf8(client);
        test_batch(client);
    }
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);

    /* A refused connection. */
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    opts.base_url = "http://127.0.0.1:9";
    opts.token = "t";
    opts.max_retries = 0;
    cloudpartner_client *nowhere = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &nowhere, NULL), CLOUDPARTNER_OK, NULL);
    cloudpartner_offer_status_free(fetch_expecting(nowhere, "contoso", "live-offer", CLOUDPARTNER_ERROR_TRANSPORT, NULL, "refused"));
    {
        /* No service answered: the request id is the one this client sent, and says so. */
        cloudpartner_offer_status *none = NULL;
        cloudpartner_error *refused = NULL;
        CHECK_KIND(cloudpartner_client_offer_status(nowhere, "contoso", "live-offer", &none, &refused),
                   CLOUDPARTNER_ERROR_TRANSPORT, refused);
        CHECK(cloudpartner_error_request_id(refused) != NULL);
        CHECK(cloudpartner_error_request_id_is_client(refused));
        cloudpartner_error_free(refused);
    }
    cloudpartner_client_free(nowhere);

    test_faults();
    test_scenario_from_c();
    test_token_callback();
    test_watch();

    /* After a shutdown, the next call starts a new runtime. */
    cloudpartner_shutdown();
    cloudpartner_shutdown();
    emulator = start_emulator(NULL, 0);
    client = client_for(emulator, 0, 0, 0);
    cloudpartner_offer_status_free(
        fetch_expecting(client, "contoso", "live-offer", CLOUDPARTNER_OK, NULL, "after a shutdown"));
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);

    cloudpartner_shutdown();
    return check_summary("test_client");
}
