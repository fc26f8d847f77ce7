/*
 * test_publishing: the publishing API of the C library against emulators started from C —
 * publishers and offers, a whole release (read, add an image, write with the ETag read,
 * publish, watch until the review, go live, watch until live, the operations), ETag
 * conflicts, create, publish while running and cancel, validation errors, an offer without
 * ETags and legacy operation URLs, operation URLs on another origin refused, the image
 * helpers, the emulator's offer documents; and every new function given NULL and invalid
 * UTF-8 arguments, every new _free given NULL, every accessor given NULL.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "json.h"
#include "support.h"

static const char BAD_UTF8[] = "caf\xC3\x28-offer"; /* an invalid two-byte sequence */

/* A SAS URL whose signature must reach the service, and no error message. */
static const char SAS_URL[] = "https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd"
                              "?sv=2020-08-04&sr=b&sig=TOPSECRETsig%3D&se=2030-01-01";

/* A time scale that runs the default publish (about 3.9 simulated days) in a third of a
 * second; the clients below poll on the emulator's clock. */
#define FAST 1000000.0

/* A pointer that is not NULL, to see out-pointers reset on failure. */
#define GARBAGE(type) ((type *)(void *)&check_passed)

/* A client of `emulator` that polls on its clock (cloudpartner_emulator_client_options). */
static cloudpartner_client *client_of(const cloudpartner_emulator *emulator) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    CHECK_KIND(cloudpartner_emulator_client_options(emulator, &opts), CLOUDPARTNER_OK, NULL);
    cloudpartner_client *client = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &client, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return client;
}

/* An error's message names its HTTP status (once) when it has one, and never the SAS
 * signature. */
static void check_error_line(const cloudpartner_error *err) {
    const char *message = cloudpartner_error_message(err);
    CHECK(message != NULL && message[0] != '\0');
    unsigned status = cloudpartner_error_status_code(err);
    if (status != 0) {
        char http[16];
        snprintf(http, sizeof http, "HTTP %u", status);
        const char *at = message != NULL ? strstr(message, http) : NULL;
        CHECK_MSG(at != NULL && strstr(at + 1, http) == NULL, "%s: names %s once", message, http);
    }
    CHECK(!contains(message, "TOPSECRET"));
}

static cloudpartner_offer *read_offer(const cloudpartner_client *client, const char *offer,
                                      const char *slot, int64_t version) {
    cloudpartner_offer *out = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", offer, slot, version, &out, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return out;
}

/* The versions of a plan, joined with ",". */
static void versions_of(const cloudpartner_offer *offer, const char *plan, char *out, size_t size) {
    out[0] = '\0';
    cloudpartner_vm_image_list *list = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, plan, &list, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    for (size_t i = 0; i < cloudpartner_vm_image_list_count(list); i++) {
        if (i > 0) strncat(out, ",", size - strlen(out) - 1);
        strncat(out, cloudpartner_vm_image_list_get(list, i)->version, size - strlen(out) - 1);
    }
    cloudpartner_vm_image_list_free(list);
}

/* The emulator's recorded requests, read by the test's own JSON reader. */
static json *requests_of(const cloudpartner_emulator *emulator) {
    char *text = cloudpartner_emulator_requests_json(emulator);
    json *log = text != NULL ? json_parse(text, strlen(text)) : NULL;
    CHECK(log != NULL && log->type == JSON_ARRAY);
    cloudpartner_string_free(text);
    return log;
}

/* The last recorded request with `method`, or NULL. */
static const json *last_request(const json *log, const char *method) {
    const json *found = NULL;
    for (size_t i = 0; log != NULL && i < log->count; i++) {
        const char *m = json_str(json_get(log->items[i], "method"));
        if (m != NULL && strcmp(m, method) == 0) found = log->items[i];
    }
    return found;
}

static size_t count_requests(const json *log, const char *method) {
    size_t n = 0;
    for (size_t i = 0; log != NULL && i < log->count; i++) {
        const char *m = json_str(json_get(log->items[i], "method"));
        if (m != NULL && strcmp(m, method) == 0) n++;
    }
    return n;
}

/* A header of a recorded request (names are lowercase), or NULL. */
static const char *header_of(const json *request, const char *name) {
    const json *headers = json_get(request, "headers");
    for (size_t i = 0; headers != NULL && i < headers->count; i++) {
        const json *pair = headers->items[i];
        const char *key = json_str(json_at(pair, 0));
        if (key != NULL && strcmp(key, name) == 0) return json_str(json_at(pair, 1));
    }
    return NULL;
}

/* Watches contoso/offer to the review (or to the end); returns the last state. */
static cloudpartner_offer_state watch_offer(const cloudpartner_client *client, const char *offer,
                                            bool until_review) {
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    opts.until_publisher_action = until_review;
    opts.timeout_ms = 60000;
    cloudpartner_offer_status *last = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", offer, &opts, NULL, NULL, &last, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    if (until_review) CHECK(cloudpartner_offer_status_needs_publisher_action(last));
    cloudpartner_offer_state state = cloudpartner_offer_status_state(last);
    cloudpartner_offer_status_free(last);
    return state;
}

static void test_publishers_and_offers(const cloudpartner_emulator *emulator,
                                       const cloudpartner_client *client) {
    cloudpartner_publisher_list *publishers = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_publishers(client, &publishers, &err), CLOUDPARTNER_OK, err);
    size_t n = cloudpartner_publisher_list_count(publishers);
    int contoso = 0;
    for (size_t i = 0; i < n; i++) {
        const cloudpartner_publisher *p = cloudpartner_publisher_list_get(publishers, i);
        CHECK(cloudpartner_publisher_display_text(p) != NULL && cloudpartner_publisher_seller_id(p) != NULL);
        if (strcmp(cloudpartner_publisher_id(p), "contoso") == 0) contoso = 1;
    }
    CHECK_MSG(n > 0 && contoso, "%zu publishers, contoso among them: %d", n, contoso);
    CHECK(cloudpartner_publisher_list_get(publishers, n) == NULL);
    cloudpartner_publisher_list_free(publishers);

    /* The offers, as summaries. */
    cloudpartner_offer_list *offers = NULL;
    CHECK_KIND(cloudpartner_client_offers(client, "contoso", &offers, &err), CLOUDPARTNER_OK, err);
    n = cloudpartner_offer_list_count(offers);
    const cloudpartner_offer *summary = NULL;
    for (size_t i = 0; i < n; i++) {
        const cloudpartner_offer *o = cloudpartner_offer_list_get(offers, i);
        CHECK_STR(cloudpartner_offer_publisher_id(o), "contoso");
        if (strcmp(cloudpartner_offer_id(o), "vm-release") == 0) summary = o;
    }
    CHECK_MSG(n >= 8 && summary != NULL, "%zu offers", n);
    CHECK(summary != NULL && cloudpartner_offer_display_text(summary)[0] != '\0');
    CHECK(cloudpartner_offer_list_get(offers, n) == NULL);
    /* A clone outlives its list. */
    cloudpartner_offer *kept = cloudpartner_offer_clone(summary);
    cloudpartner_offer_list_free(offers);
    CHECK_STR(cloudpartner_offer_id(kept), "vm-release");
    cloudpartner_offer_free(kept);

    offers = GARBAGE(cloudpartner_offer_list);
    CHECK_KIND(cloudpartner_client_offers(client, "nobody", &offers, &err), CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(offers == NULL && cloudpartner_error_status_code(err) == 404);
    check_error_line(err);
    cloudpartner_error_free(err);

    /* The draft, with its ETag and its plans. */
    cloudpartner_offer *draft = read_offer(client, "vm-release", NULL, -1);
    CHECK_STR(cloudpartner_offer_id(draft), "vm-release");
    CHECK_STR(cloudpartner_offer_offer_type_id(draft), "microsoft-azure-virtualmachines");
    CHECK_STR(cloudpartner_offer_get_status(draft), "neverPublished");
    CHECK(cloudpartner_offer_version(draft) >= 1);
    CHECK(cloudpartner_offer_changed_time_unix_nanos(draft, NULL));
    const char *etag = cloudpartner_offer_etag(draft);
    char *held = NULL;
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", NULL, &held, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(held != NULL);
    cloudpartner_string_free(held);
    CHECK(etag != NULL && etag[0] != '\0');
    CHECK(cloudpartner_offer_plan_count(draft) == 3);
    CHECK_STR(cloudpartner_offer_plan_id(draft, 0), "standard");
    CHECK_STR(cloudpartner_offer_plan_id(draft, 1), "standard-gen2");
    CHECK_STR(cloudpartner_offer_plan_id(draft, 2), "byol");
    char versions[256];
    versions_of(draft, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0");
    versions_of(draft, "standard-gen2", versions, sizeof versions);
    CHECK_STR(versions, "1.1.0");
    char *definition = cloudpartner_offer_definition_json(draft);
    CHECK(contains(definition, "\"plans\":["));
    cloudpartner_string_free(definition);

    /* A past version; a slot it does not have yet; selectors refused. */
    cloudpartner_offer *past = read_offer(client, "vm-release", NULL, cloudpartner_offer_version(draft));
    CHECK(cloudpartner_offer_version(past) == cloudpartner_offer_version(draft));
    cloudpartner_offer_free(past);
    cloudpartner_offer *same = read_offer(client, "vm-release", "Draft", -1);
    CHECK(cloudpartner_offer_version(same) == cloudpartner_offer_version(draft));
    cloudpartner_offer_free(same);
    cloudpartner_offer *out = GARBAGE(cloudpartner_offer);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", "production", -1, &out, &err),
               CLOUDPARTNER_ERROR_NOT_FOUND, err);
    CHECK(out == NULL);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", "staging", -1, &out, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "staging"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", "preview", 1, &out, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", NULL, -2, &out, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "no-such-offer", NULL, -1, &out, NULL),
               CLOUDPARTNER_ERROR_NOT_FOUND, NULL);
    cloudpartner_offer_free(draft);
}

/* The image helpers on an offer read from the emulator (nothing is written here). */
static void test_image_helpers(const cloudpartner_client *client) {
    cloudpartner_offer *offer = read_offer(client, "vm-release", NULL, -1);
    cloudpartner_error *err = NULL;
    char versions[256];

    /* Add a version with data disks; it comes back field by field, after the others. */
    cloudpartner_data_disk disks[2] = {{0, "https://contoso.blob.core.windows.net/vhds/d0.vhd?sig=TOPSECRETd0"},
                                       {3, "https://contoso.blob.core.windows.net/vhds/d3.vhd"}};
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    CHECK(image.show_in_gui && image.version == NULL && image.data_disks == NULL && image.data_disk_count == 0);
    image.version = "1.10.0";
    image.os_vhd_url = SAS_URL;
    image.label = "Ten";
    image.media_name = "media-10";
    image.description = "The tenth";
    image.published_date = "04/30/2026";
    image.data_disks = disks;
    image.data_disk_count = 2;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    versions_of(offer, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0,1.10.0");
    cloudpartner_vm_image_list *list = NULL;
    CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, "standard", &list, NULL), CLOUDPARTNER_OK, NULL);
    const cloudpartner_vm_image *got = cloudpartner_vm_image_list_get(list, 2);
    CHECK(got != NULL);
    if (got != NULL) {
        CHECK_STR(got->os_vhd_url, SAS_URL); /* the real value */
        CHECK_STR(got->label, "Ten");
        CHECK_STR(got->media_name, "media-10");
        CHECK_STR(got->description, "The tenth");
        CHECK_STR(got->published_date, "04/30/2026");
        CHECK(got->show_in_gui && got->data_disk_count == 2);
        CHECK(got->data_disk_count == 2 && got->data_disks[1].lun == 3);
        CHECK_STR(got->data_disks[0].vhd_url, disks[0].vhd_url);
    }
    CHECK(cloudpartner_vm_image_list_get(list, 3) == NULL);
    cloudpartner_vm_image_list_free(list);
    char *text = cloudpartner_offer_to_json(offer);
    CHECK(contains(text, "\"1.10.0\":{\"osVhdUrl\":\"https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv="));
    CHECK(contains(text, "\"lunVhdDetails\":[{\"lun\":0,\"lunVhdUrl\":"));
    cloudpartner_string_free(text);

    /* Replacing keeps what the new image leaves unset (date, label, data disks); a new
     * version gets today's date. */
    image.published_date = NULL;
    image.data_disks = NULL;
    image.data_disk_count = 0;
    image.label = NULL;
    image.media_name = "media-10b";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, "standard", &list, NULL), CLOUDPARTNER_OK, NULL);
    got = cloudpartner_vm_image_list_get(list, 2);
    CHECK(got != NULL && strcmp(got->published_date, "04/30/2026") == 0 && got->data_disk_count == 2);
    CHECK(got != NULL && strcmp(got->label, "Ten") == 0 && strcmp(got->media_name, "media-10b") == 0);
    cloudpartner_vm_image_list_free(list);
    image.version = "7.0.0";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "byol", &image, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, "byol", &list, NULL), CLOUDPARTNER_OK, NULL);
    got = cloudpartner_vm_image_list_get(list, 1);
    CHECK(got != NULL && strlen(got->published_date) == 10 && got->published_date[2] == '/');
    cloudpartner_vm_image_list_free(list);

    /* Refused images: the message says why, with the signature redacted. */
    image.os_vhd_url = "http://contoso.blob.core.windows.net/vhds/os.vhd?sig=TOPSECRET2";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "sig=REDACTED"));
    check_error_line(err);
    cloudpartner_error_free(err);
    image.os_vhd_url = SAS_URL;
    image.version = "v2";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "dot-separated"));
    cloudpartner_error_free(err);
    image.version = "2.0.0";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "premium", &image, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "standard"));
    cloudpartner_error_free(err);
    cloudpartner_data_disk twice[2] = {{1, "https://a/1.vhd"}, {1, "https://a/2.vhd"}};
    image.data_disks = twice;
    image.data_disk_count = 2;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    versions_of(offer, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0,1.10.0"); /* unchanged */

    /* Deprecate, remove. */
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(offer, "standard", "1.0.0", NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, "standard", &list, NULL), CLOUDPARTNER_OK, NULL);
    CHECK(!cloudpartner_vm_image_list_get(list, 0)->show_in_gui && cloudpartner_vm_image_list_get(list, 1)->show_in_gui);
    cloudpartner_vm_image_list_free(list);
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(offer, "standard", "9.9.9", &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    cloudpartner_vm_image *removed = GARBAGE(cloudpartner_vm_image);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(offer, "standard", "1.10.0", false, &removed, &err),
               CLOUDPARTNER_OK, err);
    CHECK(removed != NULL && strcmp(removed->version, "1.10.0") == 0 && strcmp(removed->os_vhd_url, SAS_URL) == 0);
    CHECK(removed != NULL && strcmp(removed->media_name, "media-10b") == 0 && removed->data_disk_count == 2);
    cloudpartner_vm_image_free(removed);
    removed = GARBAGE(cloudpartner_vm_image);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(offer, "standard", "1.10.0", false, &removed, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(removed == NULL);
    cloudpartner_error_free(err);
    /* The last version of a plan only when forced. */
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(offer, "standard-gen2", "1.1.0", false, NULL, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(contains(cloudpartner_error_message(err), "last"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(offer, "standard-gen2", "1.1.0", true, NULL, NULL),
               CLOUDPARTNER_OK, NULL);
    versions_of(offer, "standard-gen2", versions, sizeof versions);
    CHECK_STR(versions, "");
    CHECK(cloudpartner_offer_plan_count(offer) == 3); /* the generation stays */
    cloudpartner_offer_free(offer);
}

/* The whole release, as examples/c/release.c does it, checked on the wire. */
static void test_release(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;

    cloudpartner_offer *offer = read_offer(client, "vm-release", NULL, -1);
    const char *etag = cloudpartner_offer_etag(offer);
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    image.version = "2.0.0";
    image.os_vhd_url = SAS_URL;
    image.label = "Release 2";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_offer *stored = NULL;
    CHECK_KIND(cloudpartner_client_put_offer(client, offer, NULL, 0, &stored, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_offer_version(stored) == cloudpartner_offer_version(offer) + 1);
    CHECK(cloudpartner_offer_etag(stored) != NULL && etag != NULL &&
          strcmp(cloudpartner_offer_etag(stored), etag) != 0);
    char versions[256];
    versions_of(stored, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0,2.0.0");
    /* On the wire: If-Match the ETag read, the real signature in the body. */
    json *log = requests_of(emulator);
    const json *put = last_request(log, "PUT");
    CHECK_STR(header_of(put, "if-match"), etag);
    CHECK(contains(json_str(json_get(put, "body")), "sig=TOPSECRETsig%3D"));
    CHECK_STR(json_str(json_get(put, "path")), "/api/publishers/contoso/offers/vm-release");
    json_free(log);
    char *held = NULL;
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", "draft", &held, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(contains(held, "TOPSECRETsig") && contains(held, "\"Release 2\""));
    cloudpartner_string_free(held);

    /* Publish, watch until the review, go live, watch until live. */
    cloudpartner_operation_ref *published = NULL;
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", "ops@contoso.com, dev@contoso.com",
                                           &published, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(contains(cloudpartner_operation_ref_url(published), cloudpartner_emulator_base_url(emulator)));
    CHECK(contains(cloudpartner_operation_ref_url(published), cloudpartner_operation_ref_id(published)));
    log = requests_of(emulator);
    CHECK(contains(json_str(json_get(last_request(log, "POST"), "body")),
                   "\"notification-emails\":\"ops@contoso.com,dev@contoso.com\""));
    json_free(log);
    CHECK(watch_offer(client, "vm-release", true) == CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW);
    cloudpartner_offer *preview = read_offer(client, "vm-release", "preview", -1);
    versions_of(preview, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0,2.0.0");
    cloudpartner_offer_free(preview);
    cloudpartner_operation_ref *live = NULL;
    CHECK_KIND(cloudpartner_client_go_live(client, "contoso", "vm-release", &live, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(watch_offer(client, "vm-release", false) == CLOUDPARTNER_OFFER_STATE_SUCCEEDED);
    cloudpartner_offer *production = read_offer(client, "vm-release", "Production", -1);
    versions_of(production, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0,2.0.0");
    cloudpartner_offer_free(production);

    /* Both operations, completed: listed, filtered, by id and by URL. */
    cloudpartner_operation_list *operations = NULL;
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", NULL, &operations, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_MSG(cloudpartner_operation_list_count(operations) == 2, "%zu operations",
              cloudpartner_operation_list_count(operations));
    for (size_t i = 0; i < cloudpartner_operation_list_count(operations); i++) {
        const cloudpartner_operation *op = cloudpartner_operation_list_get(operations, i);
        CHECK(cloudpartner_operation_get_state(op) == CLOUDPARTNER_OPERATION_STATE_COMPLETED);
        CHECK(cloudpartner_operation_is_terminal(op) && cloudpartner_operation_error(op) == NULL);
        CHECK(cloudpartner_operation_created_unix_nanos(op, NULL));
    }
    cloudpartner_operation_list_free(operations);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", "Completed", &operations, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(cloudpartner_operation_list_count(operations) == 2);
    cloudpartner_operation_list_free(operations);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release",
                                              cloudpartner_operation_state_name(CLOUDPARTNER_OPERATION_STATE_RUNNING),
                                              &operations, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(operations != NULL && cloudpartner_operation_list_count(operations) == 0);
    cloudpartner_operation_list_free(operations);
    const cloudpartner_operation_ref *refs[2] = {published, live};
    const char *types[2] = {"publish", "golive"};
    for (int i = 0; i < 2; i++) {
        cloudpartner_operation *by_url = NULL, *by_id = NULL;
        CHECK_KIND(cloudpartner_client_operation_at(client, cloudpartner_operation_ref_url(refs[i]), &by_url, &err),
                   CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", cloudpartner_operation_ref_id(refs[i]),
                                                 &by_id, &err),
                   CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        CHECK_STR(cloudpartner_operation_id(by_url), cloudpartner_operation_ref_id(refs[i]));
        CHECK_STR(cloudpartner_operation_id(by_id), cloudpartner_operation_id(by_url));
        CHECK(cloudpartner_operation_get_state(by_url) == CLOUDPARTNER_OPERATION_STATE_COMPLETED);
        CHECK_MSG(contains(cloudpartner_operation_submission_type(by_url), types[i]) ||
                      strcmp(cloudpartner_operation_submission_type(by_url), "goLive") == 0,
                  "submission type %s", cloudpartner_operation_submission_type(by_url));
        const cloudpartner_offer_status *detail = cloudpartner_operation_detail(by_url);
        CHECK_MSG(detail != NULL && cloudpartner_offer_status_step_count(detail) > 0, "operation %d has its steps", i);
        int64_t offer_version = 0;
        CHECK(cloudpartner_operation_offer_version(by_url, &offer_version) && offer_version >= 1);
        char *text = cloudpartner_operation_to_json(by_url);
        CHECK(contains(text, "\"status\":\"completed\""));
        cloudpartner_string_free(text);
        cloudpartner_operation_free(by_url);
        cloudpartner_operation_free(by_id);
    }
    /* A relative URL is on the client's origin too. */
    char relative[512];
    const char *url = cloudpartner_operation_ref_url(published);
    const char *path = url != NULL ? strstr(url + strlen("http://"), "/") : NULL;
    snprintf(relative, sizeof relative, "%s", path ? path : "/");
    cloudpartner_operation *by_path = NULL;
    CHECK_KIND(cloudpartner_client_operation_at(client, relative, &by_path, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_STR(cloudpartner_operation_id(by_path), cloudpartner_operation_ref_id(published));
    cloudpartner_operation_free(by_path);

    /* Nothing runs any more: a cancel is done at once, with nothing to follow. */
    cloudpartner_operation_ref *canceled = GARBAGE(cloudpartner_operation_ref);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", "vm-release", NULL, &canceled, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(canceled == NULL);

    cloudpartner_operation_ref_free(published);
    cloudpartner_operation_ref_free(live);
    cloudpartner_offer_free(stored);
    cloudpartner_offer_free(offer);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A second writer in between: a stale ETag is a conflict, and nothing is lost. */
static void test_conflicts(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, 1.0);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_offer *mine = read_offer(client, "vm-release", NULL, -1);
    char *old_etag = mine && cloudpartner_offer_etag(mine) ? strdup(cloudpartner_offer_etag(mine)) : NULL;

    /* Someone else changes the display text. */
    char *theirs = NULL;
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", NULL, &theirs, NULL),
               CLOUDPARTNER_OK, NULL);
    cloudpartner_offer *edit = NULL;
    CHECK_KIND(cloudpartner_parse_offer(theirs, theirs ? strlen(theirs) : 0, &edit, NULL), CLOUDPARTNER_OK, NULL);
    char *definition = cloudpartner_offer_definition_json(edit);
    const char *old_name = cloudpartner_offer_display_text(edit);
    char needle[256];
    snprintf(needle, sizeof needle, "\"displayText\":\"%s\"", old_name ? old_name : "");
    char *at = definition ? strstr(definition, needle) : NULL;
    CHECK(at != NULL);
    char changed[65536];
    if (at != NULL) {
        snprintf(changed, sizeof changed, "%.*s\"displayText\":\"Changed by someone else\"%s", (int)(at - definition),
                 definition, at + strlen(needle));
        CHECK_KIND(cloudpartner_offer_set_definition_json(edit, changed, &err), CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
    }
    CHECK_STR(cloudpartner_offer_display_text(edit), "Changed by someone else");
    char *document = cloudpartner_offer_to_json(edit);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "contoso", "vm-release", document, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_string_free(document);
    cloudpartner_string_free(definition);
    cloudpartner_string_free(theirs);
    cloudpartner_offer_free(edit);

    /* My write, with the ETag I read: a conflict (412), sent once. */
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(mine, "standard", "1.0.0", NULL), CLOUDPARTNER_OK, NULL);
    cloudpartner_offer *stored = GARBAGE(cloudpartner_offer);
    CHECK_KIND(cloudpartner_client_put_offer(client, mine, NULL, 0, &stored, &err), CLOUDPARTNER_ERROR_CONFLICT, err);
    CHECK(stored == NULL && cloudpartner_error_status_code(err) == 412);
    CHECK(cloudpartner_error_get_kind(err) == CLOUDPARTNER_ERROR_CONFLICT);
    CHECK_STR(cloudpartner_error_kind_name(CLOUDPARTNER_ERROR_CONFLICT), "conflict");
    check_error_line(err);
    cloudpartner_error_free(err);
    cloudpartner_offer *now = read_offer(client, "vm-release", NULL, -1);
    CHECK_STR(cloudpartner_offer_display_text(now), "Changed by someone else");
    /* The same stale ETag given explicitly; then the current one. */
    CHECK_KIND(cloudpartner_client_put_offer(client, mine, old_etag, 0, &stored, NULL), CLOUDPARTNER_ERROR_CONFLICT,
               NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, mine, cloudpartner_offer_etag(now), 0, &stored, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_offer_free(stored);
    /* Forcing overwrites whatever is there. */
    CHECK_KIND(cloudpartner_client_put_offer(client, mine, NULL, CLOUDPARTNER_PUT_FORCE, &stored, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_offer_display_text(stored), cloudpartner_offer_display_text(mine));
    cloudpartner_offer_free(stored);
    json *log = requests_of(emulator);
    CHECK_STR(header_of(last_request(log, "PUT"), "if-match"), "*");
    CHECK(count_requests(log, "PUT") == 4); /* a conflict is not retried */
    json_free(log);

    /* Create: once, then a conflict. */
    static const char new_offer[] =
        "{\"offerTypeId\":\"microsoft-azure-virtualmachines\",\"publisherId\":\"contoso\",\"id\":\"vm-new\","
        "\"status\":\"neverPublished\",\"version\":0,\"definition\":{\"displayText\":\"New\",\"plans\":[]}}";
    cloudpartner_offer *created = NULL;
    CHECK_KIND(cloudpartner_parse_offer(new_offer, strlen(new_offer), &created, NULL), CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, created, NULL, CLOUDPARTNER_PUT_CREATE, &stored, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_offer_id(stored), "vm-new");
    CHECK(cloudpartner_offer_etag(stored) != NULL);
    cloudpartner_offer_free(stored);
    CHECK_KIND(cloudpartner_client_put_offer(client, created, NULL, CLOUDPARTNER_PUT_CREATE, &stored, &err),
               CLOUDPARTNER_ERROR_CONFLICT, err);
    check_error_line(err);
    cloudpartner_error_free(err);
    log = requests_of(emulator);
    CHECK_STR(header_of(last_request(log, "PUT"), "if-none-match"), "*");
    json_free(log);
    cloudpartner_offer_free(created);
    /* An offer without ids is refused before any request. */
    cloudpartner_offer *anonymous = NULL;
    CHECK_KIND(cloudpartner_parse_offer("{}", 2, &anonymous, NULL), CLOUDPARTNER_OK, NULL);
    size_t before = cloudpartner_emulator_request_count(emulator);
    CHECK_KIND(cloudpartner_client_put_offer(client, anonymous, NULL, 0, &stored, NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK(cloudpartner_emulator_request_count(emulator) == before);
    cloudpartner_offer_free(anonymous);

    /* Publish while a publish runs; go live before the review; cancel. */
    cloudpartner_operation_ref *ref = NULL;
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", "a@x.com", &ref, &err), CLOUDPARTNER_OK,
               err);
    cloudpartner_error_free(err);
    cloudpartner_operation_ref_free(ref);
    ref = GARBAGE(cloudpartner_operation_ref);
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", NULL, &ref, &err),
               CLOUDPARTNER_ERROR_CONFLICT, err);
    CHECK(ref == NULL);
    CHECK_STR(cloudpartner_error_api_code(err), "OperationInProgress");
    check_error_line(err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_go_live(client, "contoso", "vm-release", &ref, &err), CLOUDPARTNER_ERROR_CONFLICT,
               err);
    cloudpartner_error_free(err);
    cloudpartner_operation_list *running = NULL;
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", "running", &running, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(cloudpartner_operation_list_count(running) == 1);
    cloudpartner_operation_list_free(running);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", "vm-release", "a@x.com", &ref, &err), CLOUDPARTNER_OK,
               err);
    cloudpartner_error_free(err);
    CHECK(ref != NULL && cloudpartner_operation_ref_id(ref)[0] != '\0');
    cloudpartner_operation_ref_free(ref);
    cloudpartner_offer_status *status =
        fetch_expecting(client, "contoso", "vm-release", CLOUDPARTNER_OK, NULL, "status after cancel");
    CHECK(cloudpartner_offer_status_state(status) == CLOUDPARTNER_OFFER_STATE_CANCELED);
    cloudpartner_offer_status_free(status);
    cloudpartner_operation_list *canceled = NULL;
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", "cancelled", &canceled, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(cloudpartner_operation_list_count(canceled) == 1);
    const cloudpartner_operation *op = cloudpartner_operation_list_get(canceled, 0);
    CHECK(cloudpartner_operation_get_state(op) == CLOUDPARTNER_OPERATION_STATE_CANCELED);
    cloudpartner_operation_list_free(canceled);
    ref = GARBAGE(cloudpartner_operation_ref);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", "vm-release", NULL, &ref, NULL), CLOUDPARTNER_OK, NULL);
    CHECK(ref == NULL); /* done at once */

    free(old_etag);
    cloudpartner_offer_free(now);
    cloudpartner_offer_free(mine);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A plan without an image: the service refuses to publish (422), with its code. */
static void test_validation(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, 1.0);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_offer *offer = read_offer(client, "vm-release", NULL, -1);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(offer, "byol", "1.1.0", true, NULL, NULL), CLOUDPARTNER_OK,
               NULL);
    cloudpartner_offer *stored = NULL;
    CHECK_KIND(cloudpartner_client_put_offer(client, offer, NULL, 0, &stored, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_operation_ref *ref = GARBAGE(cloudpartner_operation_ref);
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", NULL, &ref, &err),
               CLOUDPARTNER_ERROR_BAD_REQUEST, err);
    CHECK(ref == NULL && cloudpartner_error_status_code(err) == 422);
    CHECK(cloudpartner_error_api_code(err) != NULL && cloudpartner_error_request_id(err) != NULL);
    check_error_line(err);
    cloudpartner_error_free(err);
    cloudpartner_offer_free(stored);
    cloudpartner_offer_free(offer);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* An offer of a scenario that sends no ETag, and Location headers in the legacy form. */
static void test_no_etag_and_legacy_locations(void) {
    static const char scenario[] =
        "{\"token\": \"t0k3n\", \"timeScale\": 1000000, \"omitEtag\": true, \"locationForm\": \"legacy\","
        " \"publishers\": {\"contoso\": {\"offers\": {\"mini\": {\"offer\": {"
        "  \"offerTypeId\": \"microsoft-azure-corevm\", \"publisherId\": \"contoso\", \"id\": \"mini\","
        "  \"status\": \"neverPublished\", \"version\": 1, \"x-first\": {\"kept\": [1, 2.5, null]},"
        "  \"definition\": {\"displayText\": \"Mini\", \"offer\": {\"z\": 1, \"a\": 2},"
        "   \"plans\": [{\"planId\": \"p\", \"diskGenerations\": []}]}}}}}}}";
    cloudpartner_emulator *emulator = start_emulator(scenario, 0);
    cloudpartner_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_offer *offer = read_offer(client, "mini", NULL, -1);
    CHECK(offer != NULL && cloudpartner_offer_etag(offer) == NULL);
    char *text = cloudpartner_offer_to_json(offer);
    CHECK(contains(text, "\"x-first\":{\"kept\":[1,2.5,null]}"));
    CHECK(contains(text, "\"offer\":{\"z\":1,\"a\":2}"));
    cloudpartner_string_free(text);
    /* A corevm plan without images gets the corevm key. */
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    image.version = "1.0.0";
    image.os_vhd_url = "https://contoso.blob.core.windows.net/vhds/mini.vhd";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "p", &image, NULL), CLOUDPARTNER_OK, NULL);
    text = cloudpartner_offer_to_json(offer);
    CHECK(contains(text, "\"microsoft-azure-corevm.vmImagesPublicAzure\":{\"1.0.0\":"));
    cloudpartner_string_free(text);
    cloudpartner_offer *stored = NULL;
    CHECK_KIND(cloudpartner_client_put_offer(client, offer, NULL, 0, &stored, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(stored != NULL && cloudpartner_offer_etag(stored) == NULL);
    json *log = requests_of(emulator);
    CHECK_STR(header_of(last_request(log, "PUT"), "if-match"), "*"); /* no ETag: any */
    json_free(log);

    cloudpartner_operation_ref *ref = NULL;
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "mini", NULL, &ref, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_MSG(contains(cloudpartner_operation_ref_url(ref), "/api/operations/"), "legacy URL %s",
              cloudpartner_operation_ref_url(ref));
    CHECK(contains(cloudpartner_operation_ref_id(ref), "mini"));
    cloudpartner_operation *op = NULL;
    CHECK_KIND(cloudpartner_client_operation_at(client, cloudpartner_operation_ref_url(ref), &op, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(op != NULL && cloudpartner_operation_get_state(op) != CLOUDPARTNER_OPERATION_STATE_FAILED);
    cloudpartner_operation_free(op);
    CHECK(watch_offer(client, "mini", true) == CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW);
    cloudpartner_operation_ref_free(ref);
    cloudpartner_offer_free(stored);
    cloudpartner_offer_free(offer);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* An operation URL on another origin is refused before any request: the token stays. */
static void test_cross_origin(const cloudpartner_emulator *emulator, const cloudpartner_client *client) {
    static const char *const elsewhere[] = {
        "https://evil.example.com/api/publishers/contoso/offers/vm-release/operations/x?api-version=2017-10-31",
        "http://127.0.0.2:1/api/operations/contoso$vm-release$1$preview",
        "//evil.example.com/api/operations/x",
    };
    for (size_t i = 0; i < sizeof elsewhere / sizeof elsewhere[0]; i++) {
        size_t before = cloudpartner_emulator_request_count(emulator);
        cloudpartner_operation *op = GARBAGE(cloudpartner_operation);
        cloudpartner_error *err = NULL;
        CHECK_KIND(cloudpartner_client_operation_at(client, elsewhere[i], &op, &err),
                   CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
        CHECK(op == NULL);
        CHECK_MSG(contains(cloudpartner_error_message(err), "origin"), "%s", cloudpartner_error_message(err));
        CHECK(cloudpartner_error_status_code(err) == 0 && cloudpartner_error_request_id(err) == NULL);
        cloudpartner_error_free(err);
        CHECK(cloudpartner_emulator_request_count(emulator) == before);
    }
    /* On the client's origin, an unknown operation is simply not found. */
    char url[512];
    snprintf(url, sizeof url, "%s/api/publishers/contoso/offers/vm-release/operations/nope",
             cloudpartner_emulator_base_url(emulator));
    cloudpartner_operation *op = NULL;
    CHECK_KIND(cloudpartner_client_operation_at(client, url, &op, NULL), CLOUDPARTNER_ERROR_NOT_FOUND, NULL);
    CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", "nope", &op, NULL),
               CLOUDPARTNER_ERROR_NOT_FOUND, NULL);
}

static void test_emulator_documents(const cloudpartner_emulator *emulator) {
    char *doc = GARBAGE(char);
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "no-such-offer", NULL, &doc, &err),
               CLOUDPARTNER_OK, err);
    CHECK(doc == NULL);
    doc = GARBAGE(char);
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", "staging", &doc, &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    CHECK(doc == NULL && contains(cloudpartner_error_message(err), "staging"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", "PREVIEW", &doc, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(doc == NULL); /* never published */
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "contoso", "x", "[1]", &err),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "contoso", "x", "{", NULL),
               CLOUDPARTNER_ERROR_INVALID_ARGUMENT, NULL);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "fabrikam", "second",
                                                        "{\"id\":\"second\",\"publisherId\":\"fabrikam\"}", NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "fabrikam", "second", "draft", &doc, NULL),
               CLOUDPARTNER_OK, NULL);
    CHECK(contains(doc, "\"id\":\"second\""));
    cloudpartner_string_free(doc);
}

/* NULL where a pointer is required, and invalid UTF-8, in every new function; every new
 * _free with NULL; every new accessor with NULL. Out-pointers are NULL after a failure. */
static void test_null_and_bad_utf8(const cloudpartner_emulator *emulator, const cloudpartner_client *client) {
    const cloudpartner_error_kind INVALID = CLOUDPARTNER_ERROR_INVALID_ARGUMENT;
    cloudpartner_error *err = NULL;
    cloudpartner_publisher_list *publishers = GARBAGE(cloudpartner_publisher_list);
    cloudpartner_offer_list *offers = GARBAGE(cloudpartner_offer_list);
    cloudpartner_offer *offer = GARBAGE(cloudpartner_offer);
    cloudpartner_operation_ref *ref = GARBAGE(cloudpartner_operation_ref);
    cloudpartner_operation_list *ops = GARBAGE(cloudpartner_operation_list);
    cloudpartner_operation *op = GARBAGE(cloudpartner_operation);
    cloudpartner_vm_image_list *images = GARBAGE(cloudpartner_vm_image_list);

    CHECK_KIND(cloudpartner_client_publishers(NULL, &publishers, &err), INVALID, err);
    CHECK(publishers == NULL && contains(cloudpartner_error_message(err), "`client` is NULL"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_publishers(client, NULL, NULL), INVALID, NULL);

    CHECK_KIND(cloudpartner_client_offers(NULL, "contoso", &offers, NULL), INVALID, NULL);
    CHECK(offers == NULL);
    CHECK_KIND(cloudpartner_client_offers(client, NULL, &offers, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offers(client, "", &offers, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offers(client, BAD_UTF8, &offers, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "UTF-8"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_offers(client, "contoso", NULL, NULL), INVALID, NULL);

    CHECK_KIND(cloudpartner_client_offer(NULL, "contoso", "vm-release", NULL, -1, &offer, NULL), INVALID, NULL);
    CHECK(offer == NULL);
    CHECK_KIND(cloudpartner_client_offer(client, NULL, "vm-release", NULL, -1, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", NULL, NULL, -1, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", BAD_UTF8, NULL, -1, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", BAD_UTF8, -1, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", NULL, -1, NULL, NULL), INVALID, NULL);

    cloudpartner_offer *real = read_offer(client, "vm-release", NULL, -1);
    CHECK_KIND(cloudpartner_client_put_offer(NULL, real, NULL, 0, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, NULL, NULL, 0, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, BAD_UTF8, 0, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, " ", 0, &offer, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, NULL, 4, &offer, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "flags"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, NULL, CLOUDPARTNER_PUT_FORCE | CLOUDPARTNER_PUT_CREATE,
                                             &offer, NULL),
               INVALID, NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, "W/\"x\"", CLOUDPARTNER_PUT_FORCE, &offer, NULL), INVALID,
               NULL);
    CHECK_KIND(cloudpartner_client_put_offer(client, real, NULL, 0, NULL, NULL), INVALID, NULL);
    CHECK(offer == NULL);

    CHECK_KIND(cloudpartner_client_publish(NULL, "contoso", "vm-release", NULL, &ref, NULL), INVALID, NULL);
    CHECK(ref == NULL);
    CHECK_KIND(cloudpartner_client_publish(client, NULL, "vm-release", NULL, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "", NULL, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", BAD_UTF8, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_publish(client, "contoso", "vm-release", NULL, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_go_live(NULL, "contoso", "vm-release", &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_go_live(client, BAD_UTF8, "vm-release", &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_go_live(client, "contoso", NULL, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_go_live(client, "contoso", "vm-release", NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_cancel(NULL, "contoso", "vm-release", NULL, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", BAD_UTF8, NULL, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", "vm-release", BAD_UTF8, &ref, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_cancel(client, "contoso", "vm-release", NULL, NULL, NULL), INVALID, NULL);
    CHECK(ref == NULL);

    CHECK_KIND(cloudpartner_client_operations(NULL, "contoso", "vm-release", NULL, &ops, NULL), INVALID, NULL);
    CHECK(ops == NULL);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", NULL, NULL, &ops, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", BAD_UTF8, &ops, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", "queued", &ops, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "notStarted"));
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_client_operations(client, "contoso", "vm-release", NULL, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation(NULL, "contoso", "vm-release", "x", &op, NULL), INVALID, NULL);
    CHECK(op == NULL);
    CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", NULL, &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", "", &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", BAD_UTF8, &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation(client, "contoso", "vm-release", "x", NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation_at(NULL, "/api/operations/x", &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation_at(client, NULL, &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation_at(client, BAD_UTF8, &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_client_operation_at(client, "/api/operations/x", NULL, NULL), INVALID, NULL);

    /* Parsers. */
    CHECK_KIND(cloudpartner_parse_offer(NULL, 0, &offer, NULL), INVALID, NULL);
    CHECK(offer == NULL);
    CHECK_KIND(cloudpartner_parse_offer("{}", 2, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_offer(BAD_UTF8, sizeof BAD_UTF8 - 1, &offer, NULL), CLOUDPARTNER_ERROR_PARSE, NULL);
    CHECK_KIND(cloudpartner_parse_offers(NULL, 0, &offers, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_offers("[]", 2, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_offers("{}", 2, &offers, NULL), CLOUDPARTNER_ERROR_PARSE, NULL);
    CHECK(offers == NULL);
    CHECK_KIND(cloudpartner_parse_offers("[]", 2, &offers, NULL), CLOUDPARTNER_OK, NULL);
    CHECK(offers != NULL && cloudpartner_offer_list_count(offers) == 0);
    cloudpartner_offer_list_free(offers);
    CHECK_KIND(cloudpartner_parse_operation(NULL, 0, &op, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_operation("{}", 2, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_operation("{\"id\":\"a\"}\0junk", 15, &op, NULL), CLOUDPARTNER_ERROR_PARSE, NULL);
    CHECK(op == NULL);
    CHECK_KIND(cloudpartner_parse_operations(NULL, 0, &ops, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_parse_operations("[]", 2, NULL, NULL), INVALID, NULL);

    /* The offer's own functions. */
    CHECK_KIND(cloudpartner_offer_set_definition_json(NULL, "{}", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_definition_json(real, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_definition_json(real, BAD_UTF8, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_definition_json(real, "[]", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_definition_json(real, "{\"plans\": [}", &err), CLOUDPARTNER_ERROR_PARSE, err);
    CHECK(cloudpartner_error_line(err) == 1 && cloudpartner_error_column(err) == 12);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_offer_plan_count(real) == 3); /* unchanged */
    CHECK_KIND(cloudpartner_offer_vm_image_versions(NULL, "standard", &images, NULL), INVALID, NULL);
    CHECK(images == NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(real, NULL, &images, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(real, BAD_UTF8, &images, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(real, "standard", NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_vm_image_versions(real, "premium", &images, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "byol"));
    cloudpartner_error_free(err);
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    image.version = "3.0.0";
    image.os_vhd_url = "https://contoso.blob.core.windows.net/vhds/3.vhd";
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(NULL, "standard", &image, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, NULL, &image, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, "standard", NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, BAD_UTF8, &image, NULL), INVALID, NULL);
    image.label = BAD_UTF8;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, "standard", &image, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "image->label"));
    cloudpartner_error_free(err);
    image.label = NULL;
    image.os_vhd_url = NULL;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, "standard", &image, NULL), INVALID, NULL);
    image.os_vhd_url = "https://contoso.blob.core.windows.net/vhds/3.vhd";
    image.data_disk_count = 1;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, "standard", &image, NULL), INVALID, NULL);
    cloudpartner_data_disk bad_disk = {0, BAD_UTF8};
    image.data_disks = &bad_disk;
    CHECK_KIND(cloudpartner_offer_set_vm_image_version(real, "standard", &image, &err), INVALID, err);
    CHECK(contains(cloudpartner_error_message(err), "data_disks[0]"));
    cloudpartner_error_free(err);
    cloudpartner_vm_image *removed = GARBAGE(cloudpartner_vm_image);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(NULL, "standard", "1.0.0", false, &removed, NULL), INVALID,
               NULL);
    CHECK(removed == NULL);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(real, NULL, "1.0.0", false, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(real, "standard", NULL, false, NULL, NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_remove_vm_image_version(real, "standard", BAD_UTF8, false, NULL, NULL), INVALID,
               NULL);
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(NULL, "standard", "1.0.0", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(real, BAD_UTF8, "1.0.0", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_offer_deprecate_vm_image_version(real, "standard", NULL, NULL), INVALID, NULL);
    char versions[256];
    versions_of(real, "standard", versions, sizeof versions);
    CHECK_STR(versions, "1.0.0,1.1.0"); /* nothing changed it */
    cloudpartner_offer_free(real);

    /* The emulator's offer documents. */
    char *doc = GARBAGE(char);
    CHECK_KIND(cloudpartner_emulator_offer_document(NULL, "contoso", "vm-release", NULL, &doc, NULL), INVALID, NULL);
    CHECK(doc == NULL);
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, BAD_UTF8, "vm-release", NULL, &doc, NULL), INVALID,
               NULL);
    CHECK_KIND(cloudpartner_emulator_offer_document(emulator, "contoso", "vm-release", NULL, NULL, NULL), INVALID,
               NULL);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(NULL, "contoso", "x", "{}", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "contoso", NULL, "{}", NULL), INVALID, NULL);
    CHECK_KIND(cloudpartner_emulator_set_offer_document(emulator, "contoso", "x", BAD_UTF8, NULL), INVALID, NULL);

    /* Accessors given NULL. */
    CHECK(cloudpartner_publisher_list_count(NULL) == 0 && cloudpartner_publisher_list_get(NULL, 0) == NULL);
    CHECK(cloudpartner_publisher_id(NULL) == NULL && cloudpartner_publisher_display_text(NULL) == NULL);
    CHECK(cloudpartner_publisher_seller_id(NULL) == NULL);
    CHECK(cloudpartner_offer_list_count(NULL) == 0 && cloudpartner_offer_list_get(NULL, 0) == NULL);
    CHECK(cloudpartner_offer_id(NULL) == NULL && cloudpartner_offer_publisher_id(NULL) == NULL);
    CHECK(cloudpartner_offer_offer_type_id(NULL) == NULL && cloudpartner_offer_get_status(NULL) == NULL);
    CHECK(cloudpartner_offer_version(NULL) == 0 && !cloudpartner_offer_changed_time_unix_nanos(NULL, NULL));
    CHECK(cloudpartner_offer_etag(NULL) == NULL && cloudpartner_offer_display_text(NULL) == NULL);
    CHECK(cloudpartner_offer_definition_json(NULL) == NULL && cloudpartner_offer_to_json(NULL) == NULL);
    CHECK(cloudpartner_offer_plan_count(NULL) == 0 && cloudpartner_offer_plan_id(NULL, 0) == NULL);
    CHECK(cloudpartner_offer_clone(NULL) == NULL);
    CHECK(cloudpartner_vm_image_list_count(NULL) == 0 && cloudpartner_vm_image_list_get(NULL, 0) == NULL);
    CHECK(cloudpartner_operation_list_count(NULL) == 0 && cloudpartner_operation_list_get(NULL, 0) == NULL);
    CHECK(cloudpartner_operation_id(NULL) == NULL && cloudpartner_operation_submission_type(NULL) == NULL);
    CHECK(cloudpartner_operation_get_state(NULL) == CLOUDPARTNER_OPERATION_STATE_UNKNOWN);
    CHECK(cloudpartner_operation_raw_state(NULL) == NULL && !cloudpartner_operation_is_terminal(NULL));
    int64_t value = 42;
    CHECK(!cloudpartner_operation_created_unix_nanos(NULL, &value) &&
          !cloudpartner_operation_last_action_unix_nanos(NULL, &value));
    CHECK(!cloudpartner_operation_publishing_version(NULL, &value) &&
          !cloudpartner_operation_offer_version(NULL, &value) && value == 42);
    CHECK(cloudpartner_operation_slot(NULL) == NULL && cloudpartner_operation_error(NULL) == NULL);
    CHECK(cloudpartner_operation_cancellation_request_state(NULL) == NULL);
    CHECK(cloudpartner_operation_detail(NULL) == NULL && cloudpartner_operation_to_json(NULL) == NULL);
    CHECK(cloudpartner_operation_ref_url(NULL) == NULL && cloudpartner_operation_ref_id(NULL) == NULL);

    /* Every _free takes NULL. */
    cloudpartner_publisher_list_free(NULL);
    cloudpartner_offer_free(NULL);
    cloudpartner_offer_list_free(NULL);
    cloudpartner_vm_image_free(NULL);
    cloudpartner_vm_image_list_free(NULL);
    cloudpartner_operation_free(NULL);
    cloudpartner_operation_list_free(NULL);
    cloudpartner_operation_ref_free(NULL);
    CHECK(1);
}

/* No secret is shown: with a client secret, the token it gets and a SAS image URL, no
 * error message of a refusal holds any of them. */
static void test_no_secret_is_shown(const cloudpartner_emulator *emulator) {
    static const char *const secrets[] = {"contoso-secret", "emulator-token", "s1gnature-never-shown"};
    cloudpartner_client_options options = cloudpartner_client_options_default();
    options.base_url = cloudpartner_emulator_base_url(emulator);
    options.tenant_id = "contoso-tenant";
    options.client_id = "contoso-app";
    options.client_secret = "contoso-secret";
    options.authority_host = cloudpartner_emulator_base_url(emulator);
    cloudpartner_client *client = NULL;
    CHECK_KIND(cloudpartner_client_new(&options, &client, NULL), CLOUDPARTNER_OK, NULL);
    cloudpartner_offer *offer = read_offer(client, "vm-release", NULL, -1);
    cloudpartner_error *errors[3] = {NULL, NULL, NULL};
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    image.version = "3.0.1";
    image.os_vhd_url = "http://insecure/os.vhd?sig=s1gnature-never-shown";
    CHECK(cloudpartner_offer_set_vm_image_version(offer, "standard", &image, &errors[0]) != CLOUDPARTNER_OK);
    cloudpartner_operation *operation = NULL;
    CHECK(cloudpartner_client_operation_at(client, "http://127.0.0.2:1/x?sig=s1gnature-never-shown",
                                           &operation, &errors[1]) != CLOUDPARTNER_OK);
    options.client_secret = "contoso-secret-wrong";
    cloudpartner_client *wrong = NULL;
    CHECK_KIND(cloudpartner_client_new(&options, &wrong, NULL), CLOUDPARTNER_OK, NULL);
    cloudpartner_offer_status *status = NULL;
    CHECK_KIND(cloudpartner_client_offer_status(wrong, "contoso", "live-offer", &status, &errors[2]),
               CLOUDPARTNER_ERROR_AUTHENTICATION, errors[2]);
    for (int e = 0; e < 3; e++) {
        const char *message = cloudpartner_error_message(errors[e]);
        CHECK(message != NULL);
        for (int s = 0; message != NULL && s < 3; s++) {
            CHECK_MSG(strstr(message, secrets[s]) == NULL, "%s shown in: %s", secrets[s], message);
        }
        cloudpartner_error_free(errors[e]);
    }
    cloudpartner_offer_free(offer);
    cloudpartner_client_free(wrong);
    cloudpartner_client_free(client);
}

int main(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_client *client = client_of(emulator);
    test_publishers_and_offers(emulator, client);
    test_image_helpers(client);
    test_cross_origin(emulator, client);
    test_emulator_documents(emulator);
    test_null_and_bad_utf8(emulator, client);
    test_no_secret_is_shown(emulator);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);

    test_release();
    test_conflicts();
    test_validation();
    test_no_etag_and_legacy_locations();

    cloudpartner_shutdown();
    return check_summary("test_publishing");
}
