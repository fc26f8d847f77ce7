/*
 * test_publishing_vectors: every vector of fixtures/offer/ and fixtures/operation/
 * (DESIGN §7) through the C API; the folders are walked, so a new vector needs no code.
 *
 * Offers: parsed by cloudpartner_parse_offer (or _parse_offers for a list); each accessor,
 * the plan ids, every image version of every plan (every field of cloudpartner_vm_image)
 * equal the expected values, read by tests/json.c and not by the library; the lossless
 * round trip: to_json equals the document, key order included (byte for byte where the
 * vector says so), as does the definition taken out and put back in. Operations: parsed
 * by cloudpartner_parse_operation (or _operations); every accessor, and the detail's
 * canonical JSON, equal the expected ones; to_json parses back to the same JSON. Invalid
 * vectors: a parse error at the expected line and column.
 *
 * Usage: test_publishing_vectors FIXTURES_DIR   (the folder holding offer/ and operation/)
 */
#include <stdint.h>

#include "check.h"
#include "fixtures.h"
#include "json.h"

static json *parse_text(const char *text) {
    return text != NULL ? json_parse(text, strlen(text)) : NULL;
}

/* A library timestamp accessor against an expected canonical UTC string or null. */
static void check_time(const char *name, const char *what, bool has, int64_t got,
                       const json *want) {
    const char *stamp = json_str(want);
    CHECK_MSG(has == (stamp != NULL), "%s: %s presence (want %s)", name, what,
              stamp ? stamp : "none");
    int64_t expected = 0;
    if (has && stamp != NULL) {
        CHECK_MSG(parse_utc(stamp, &expected) && got == expected, "%s: %s %s: got %lld ns", name,
                  what, stamp, (long long)got);
    }
}

/* An optional integer accessor against an expected number or null. */
static void check_opt_int(const char *name, const char *what, bool has, int64_t got,
                          const json *want) {
    bool want_has = want != NULL && want->type == JSON_NUMBER;
    CHECK_MSG(has == want_has, "%s: %s presence", name, what);
    if (has && want_has) CHECK_MSG(got == (int64_t)want->number, "%s: %s %lld", name, what, (long long)got);
}

static void check_image(const char *name, const cloudpartner_vm_image *image, const json *want) {
    CHECK_MSG(image != NULL, "%s: an image is missing", name);
    if (image == NULL) return;
    CHECK_STR(image->version, json_str(json_get(want, "version")));
    CHECK_STR(image->os_vhd_url, json_str(json_get(want, "osVhdUrl")));
    CHECK_STR(image->label, json_str(json_get(want, "label")));
    CHECK_STR(image->media_name, json_str(json_get(want, "mediaName")));
    CHECK_STR(image->description, json_str(json_get(want, "description")));
    CHECK_STR(image->published_date, json_str(json_get(want, "publishedDate")));
    const json *shown = json_get(want, "showInGui");
    CHECK_MSG(shown != NULL && image->show_in_gui == shown->boolean, "%s: %s showInGui", name,
              image->version);
    const json *disks = json_get(want, "dataDisks");
    size_t count = disks != NULL ? disks->count : 0;
    CHECK_MSG(image->data_disk_count == count, "%s: %s: %zu data disks, want %zu", name,
              image->version, image->data_disk_count, count);
    CHECK((image->data_disks == NULL) == (image->data_disk_count == 0));
    for (size_t i = 0; i < count && i < image->data_disk_count; i++) {
        const json *disk = json_at(disks, i);
        const json *lun = json_get(disk, "lun");
        CHECK(lun != NULL && image->data_disks[i].lun == (uint32_t)lun->number);
        CHECK_STR(image->data_disks[i].vhd_url, json_str(json_get(disk, "vhdUrl")));
    }
}

/* Every expected field of one offer. */
static void check_offer(const char *name, const cloudpartner_offer *offer, const json *want) {
    CHECK_STR(cloudpartner_offer_id(offer), json_str(json_get(want, "id")));
    CHECK_STR(cloudpartner_offer_publisher_id(offer), json_str(json_get(want, "publisherId")));
    CHECK_STR(cloudpartner_offer_offer_type_id(offer), json_str(json_get(want, "offerTypeId")));
    CHECK_STR(cloudpartner_offer_get_status(offer), json_str(json_get(want, "status")));
    const json *version = json_get(want, "version");
    CHECK_MSG(version != NULL && cloudpartner_offer_version(offer) == (int64_t)version->number,
              "%s: version %lld", name, (long long)cloudpartner_offer_version(offer));
    int64_t nanos = 0;
    bool has = cloudpartner_offer_changed_time_unix_nanos(offer, &nanos);
    check_time(name, "changedTime", has, nanos, json_get(want, "changedTime"));
    CHECK(cloudpartner_offer_changed_time_unix_nanos(offer, NULL) == has);
    CHECK_STR(cloudpartner_offer_display_text(offer), json_str(json_get(want, "displayText")));
    CHECK(cloudpartner_offer_etag(offer) == NULL); /* a parsed offer has none */

    const json *plans = json_get(want, "planIds");
    size_t plan_count = plans != NULL ? plans->count : 0;
    CHECK_MSG(cloudpartner_offer_plan_count(offer) == plan_count, "%s: %zu plans, want %zu", name,
              cloudpartner_offer_plan_count(offer), plan_count);
    CHECK(cloudpartner_offer_plan_id(offer, plan_count) == NULL);
    const json *versions = json_get(want, "imageVersions");
    const json *images = json_get(want, "images");
    CHECK(versions != NULL && versions->count == plan_count);
    for (size_t i = 0; i < plan_count; i++) {
        const char *plan = cloudpartner_offer_plan_id(offer, i);
        CHECK_STR(plan, json_str(json_at(plans, i)));
        cloudpartner_vm_image_list *list = NULL;
        cloudpartner_error *err = NULL;
        CHECK_KIND(cloudpartner_offer_vm_image_versions(offer, plan, &list, &err), CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        const json *want_versions = json_get(versions, plan);
        size_t n = cloudpartner_vm_image_list_count(list);
        CHECK_MSG(want_versions != NULL && n == want_versions->count, "%s: plan %s: %zu versions",
                  name, plan, n);
        const json *want_images = json_get(images, plan);
        CHECK_MSG((want_images != NULL) == (n > 0), "%s: plan %s: images listed only with versions",
                  name, plan);
        for (size_t k = 0; k < n; k++) {
            const cloudpartner_vm_image *image = cloudpartner_vm_image_list_get(list, k);
            CHECK_STR(image ? image->version : NULL, json_str(json_at(want_versions, k)));
            if (want_images != NULL) check_image(name, image, json_at(want_images, k));
        }
        CHECK(cloudpartner_vm_image_list_get(list, n) == NULL);
        cloudpartner_vm_image_list_free(list);
    }
}

/* to_json(parse(doc)) is doc, key order included; and the definition goes out and back in
 * unchanged. `doc` is the document (an object) as the test's own reader has it. */
static void check_round_trip(const char *name, const cloudpartner_offer *offer, const json *doc) {
    char *text = cloudpartner_offer_to_json(offer);
    json *got = parse_text(text);
    CHECK_MSG(got != NULL && json_equal_ordered(got, doc), "%s: to_json is not the document: %.300s",
              name, text ? text : "(null)");

    /* The definition out, and back in: nothing changes. */
    cloudpartner_offer *copy = cloudpartner_offer_clone(offer);
    char *definition = cloudpartner_offer_definition_json(copy);
    const json *want_definition = json_get(doc, "definition");
    json *got_definition = parse_text(definition);
    CHECK_MSG(want_definition == NULL ? definition != NULL && strcmp(definition, "null") == 0
                                      : json_equal_ordered(got_definition, want_definition),
              "%s: definition_json", name);
    if (want_definition != NULL) {
        cloudpartner_error *err = NULL;
        CHECK_KIND(cloudpartner_offer_set_definition_json(copy, definition, &err), CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        char *again = cloudpartner_offer_to_json(copy);
        CHECK_MSG(again != NULL && text != NULL && strcmp(again, text) == 0,
                  "%s: the definition put back changed the offer", name);
        cloudpartner_string_free(again);
    }
    json_free(got_definition);
    cloudpartner_string_free(definition);

    /* parse(to_json(x)) gives the same text again. */
    cloudpartner_offer *reparsed = NULL;
    CHECK_KIND(cloudpartner_parse_offer(text, text ? strlen(text) : 0, &reparsed, NULL), CLOUDPARTNER_OK, NULL);
    char *twice = cloudpartner_offer_to_json(reparsed);
    CHECK_STR(twice, text);
    cloudpartner_string_free(twice);
    cloudpartner_offer_free(reparsed);
    cloudpartner_offer_free(copy);
    json_free(got);
    cloudpartner_string_free(text);
}

static void run_offer(const char *dir, const char *input) {
    char path[4096], expected_file[4096];
    snprintf(path, sizeof path, "%s/%s", dir, input);
    expected_path(expected_file, sizeof expected_file, dir, input);
    size_t len = 0;
    char *bytes = read_file(path, &len);
    json *expected = read_json_file(expected_file);
    json *doc = bytes != NULL ? json_parse(bytes, len) : NULL;
    CHECK_MSG(doc != NULL, "%s: the test's reader cannot read it", input);
    const json *list = json_get(expected, "list");
    const json *offers = json_get(expected, "offers");
    cloudpartner_error *err = NULL;
    if (list != NULL && list->boolean) {
        cloudpartner_offer_list *parsed = NULL;
        CHECK_KIND(cloudpartner_parse_offers(bytes, len, &parsed, &err), CLOUDPARTNER_OK, err);
        size_t n = cloudpartner_offer_list_count(parsed);
        CHECK_MSG(offers != NULL && n == offers->count && doc != NULL && doc->count == n,
                  "%s: %zu offers", input, n);
        for (size_t i = 0; offers != NULL && i < n && i < offers->count; i++) {
            const cloudpartner_offer *offer = cloudpartner_offer_list_get(parsed, i);
            check_offer(input, offer, json_at(offers, i));
            if (doc != NULL && i < doc->count) check_round_trip(input, offer, doc->items[i]);
        }
        CHECK(cloudpartner_offer_list_get(parsed, n) == NULL);
        cloudpartner_offer_list_free(parsed);
    } else {
        cloudpartner_offer *offer = NULL;
        CHECK_KIND(cloudpartner_parse_offer(bytes, len, &offer, &err), CLOUDPARTNER_OK, err);
        CHECK(offers != NULL && offers->count == 1);
        if (offer != NULL) {
            check_offer(input, offer, json_at(offers, 0));
            if (doc != NULL) check_round_trip(input, offer, doc);
            const json *exact = json_get(expected, "byteForByte");
            if (exact != NULL && exact->boolean) {
                char *text = cloudpartner_offer_to_json(offer);
                size_t want = len > 0 && bytes[len - 1] == '\n' ? len - 1 : len;
                CHECK_MSG(text != NULL && strlen(text) == want && memcmp(text, bytes, want) == 0,
                          "%s: to_json is not the file byte for byte", input);
                cloudpartner_string_free(text);
            }
        }
        cloudpartner_offer_free(offer);
    }
    cloudpartner_error_free(err);
    json_free(doc);
    json_free(expected);
    free(bytes);
}

/* Every expected field of one operation. */
static void check_operation(const char *name, const cloudpartner_operation *op, const json *want) {
    CHECK_STR(cloudpartner_operation_id(op), json_str(json_get(want, "id")));
    CHECK_STR(cloudpartner_operation_submission_type(op), json_str(json_get(want, "submissionType")));
    cloudpartner_operation_state state = cloudpartner_operation_get_state(op);
    CHECK_STR(state == CLOUDPARTNER_OPERATION_STATE_UNKNOWN ? cloudpartner_operation_raw_state(op)
                                                           : cloudpartner_operation_state_name((int)state),
              json_str(json_get(want, "state")));
    CHECK_STR(cloudpartner_operation_raw_state(op), json_str(json_get(want, "rawState")));
    const json *terminal = json_get(want, "isTerminal");
    CHECK_MSG(terminal != NULL && cloudpartner_operation_is_terminal(op) == terminal->boolean,
              "%s: isTerminal", name);
    int64_t value = 0;
    bool has = cloudpartner_operation_created_unix_nanos(op, &value);
    check_time(name, "created", has, value, json_get(want, "created"));
    has = cloudpartner_operation_last_action_unix_nanos(op, &value);
    check_time(name, "lastAction", has, value, json_get(want, "lastAction"));
    has = cloudpartner_operation_publishing_version(op, &value);
    check_opt_int(name, "publishingVersion", has, value, json_get(want, "publishingVersion"));
    has = cloudpartner_operation_offer_version(op, &value);
    check_opt_int(name, "offerVersion", has, value, json_get(want, "offerVersion"));
    CHECK(cloudpartner_operation_offer_version(op, NULL) == has);
    CHECK_STR(cloudpartner_operation_slot(op), json_str(json_get(want, "slot")));
    CHECK_STR(cloudpartner_operation_cancellation_request_state(op),
              json_str(json_get(want, "cancellationRequestState")));
    CHECK_STR(cloudpartner_operation_error(op), json_str(json_get(want, "error")));

    const json *detail = json_get(want, "detail");
    const cloudpartner_offer_status *got = cloudpartner_operation_detail(op);
    bool want_detail = detail != NULL && detail->type == JSON_OBJECT;
    CHECK_MSG((got != NULL) == want_detail, "%s: detail presence", name);
    if (got != NULL && want_detail) {
        char *text = cloudpartner_offer_status_to_json(got);
        json *parsed = parse_text(text);
        CHECK_MSG(json_equal(parsed, detail), "%s: detail differs: %.300s", name, text);
        json_free(parsed);
        cloudpartner_string_free(text);
    }

    /* The canonical JSON parses back to itself. */
    char *text = cloudpartner_operation_to_json(op);
    cloudpartner_operation *again = NULL;
    CHECK_KIND(cloudpartner_parse_operation(text, text ? strlen(text) : 0, &again, NULL), CLOUDPARTNER_OK, NULL);
    char *twice = cloudpartner_operation_to_json(again);
    CHECK_STR(twice, text);
    CHECK(cloudpartner_operation_get_state(again) == state);
    cloudpartner_string_free(twice);
    cloudpartner_operation_free(again);
    cloudpartner_string_free(text);
}

static void run_operation(const char *dir, const char *input) {
    char path[4096], expected_file[4096];
    snprintf(path, sizeof path, "%s/%s", dir, input);
    expected_path(expected_file, sizeof expected_file, dir, input);
    size_t len = 0;
    char *bytes = read_file(path, &len);
    json *expected = read_json_file(expected_file);
    const json *list = json_get(expected, "list");
    const json *operations = json_get(expected, "operations");
    cloudpartner_error *err = NULL;
    if (list != NULL && list->boolean) {
        cloudpartner_operation_list *parsed = NULL;
        CHECK_KIND(cloudpartner_parse_operations(bytes, len, &parsed, &err), CLOUDPARTNER_OK, err);
        size_t n = cloudpartner_operation_list_count(parsed);
        CHECK_MSG(operations != NULL && n == operations->count, "%s: %zu operations", input, n);
        for (size_t i = 0; operations != NULL && i < n && i < operations->count; i++) {
            check_operation(input, cloudpartner_operation_list_get(parsed, i), json_at(operations, i));
        }
        CHECK(cloudpartner_operation_list_get(parsed, n) == NULL);
        cloudpartner_operation_list_free(parsed);
    } else {
        cloudpartner_operation *op = NULL;
        CHECK_KIND(cloudpartner_parse_operation(bytes, len, &op, &err), CLOUDPARTNER_OK, err);
        CHECK(operations != NULL && operations->count == 1);
        if (op != NULL) check_operation(input, op, json_at(operations, 0));
        cloudpartner_operation_free(op);
    }
    cloudpartner_error_free(err);
    json_free(expected);
    free(bytes);
}

/* An invalid vector: a parse error, at the expected place. */
static void run_invalid(const char *dir, const char *input, bool offer) {
    char path[4096], expected_file[4096];
    snprintf(path, sizeof path, "%s/%s", dir, input);
    expected_path(expected_file, sizeof expected_file, dir, input);
    size_t len = 0;
    char *bytes = read_file(path, &len);
    json *expected = read_json_file(expected_file);
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind;
    void *result = NULL;
    if (offer) {
        cloudpartner_offer *o = (cloudpartner_offer *)(void *)&len; /* must be reset */
        kind = cloudpartner_parse_offer(bytes, len, &o, &err);
        result = o;
    } else {
        cloudpartner_operation *o = (cloudpartner_operation *)(void *)&len; /* must be reset */
        kind = cloudpartner_parse_operation(bytes, len, &o, &err);
        result = o;
    }
    CHECK_MSG(kind == CLOUDPARTNER_ERROR_PARSE, "%s: got %s", input, cloudpartner_error_kind_name((int)kind));
    CHECK_STR(cloudpartner_error_kind_name((int)kind), json_str(json_get(expected, "kind")));
    CHECK(result == NULL);
    CHECK(err != NULL && cloudpartner_error_get_kind(err) == kind);
    const char *message = cloudpartner_error_message(err);
    CHECK_MSG(message != NULL && message[0] != '\0', "%s: empty message", input);
    const json *line = json_get(expected, "line"), *column = json_get(expected, "column");
    size_t want_line = line ? (size_t)line->number : 0, want_column = column ? (size_t)column->number : 0;
    CHECK_MSG(cloudpartner_error_line(err) == want_line && cloudpartner_error_column(err) == want_column,
              "%s: position %zu:%zu, want %zu:%zu (%s)", input, cloudpartner_error_line(err),
              cloudpartner_error_column(err), want_line, want_column, message);
    cloudpartner_error_free(err);
    json_free(expected);
    free(bytes);
}

/* Runs every vector of root/kind and root/kind/invalid; returns how many valid ones. */
static size_t run_folder(const char *root, const char *kind, bool offer) {
    char dir[4096], invalid_dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, kind);
    snprintf(invalid_dir, sizeof invalid_dir, "%s/%s/invalid", root, kind);
    char **names;
    size_t n = list_inputs(dir, &names);
    for (size_t i = 0; i < n; i++) {
        if (offer) run_offer(dir, names[i]);
        else run_operation(dir, names[i]);
    }
    free_names(names, n);
    size_t valid = n;
    n = list_inputs(invalid_dir, &names);
    for (size_t i = 0; i < n; i++) run_invalid(invalid_dir, names[i], offer);
    free_names(names, n);
    CHECK_MSG(n >= 5, "only %zu invalid vectors in %s", n, invalid_dir);
    printf("%s vectors: %zu valid, %zu invalid\n", kind, valid, n);
    return valid;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_DIR\n", argv[0]);
        return 2;
    }
    CHECK(run_folder(argv[1], "offer", true) >= 10);
    CHECK(run_folder(argv[1], "operation", false) >= 8);
    cloudpartner_shutdown();
    return check_summary("test_publishing_vectors");
}
