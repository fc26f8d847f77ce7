/*
 * test_ingestion: the Product Ingestion API through the C API.
 *
 * Vectors: every file of fixtures/ingestion/ (walked: a new vector needs no code) read by
 * the cloudpartner_parse_* functions, each accessor against the expected values read by
 * tests/json.c; trees and their resources round-trip losslessly (key order included); the
 * job's errors rebuilt from the nested accessors equal the expected lines; invalid vectors
 * fail with `parse` at the expected line and column.
 *
 * Emulator: every client function against an emulator started from C (products, product,
 * trees of each target, resource, configure of an edited technical configuration and the
 * wait for its job with a callback, cancel, submissions, status, publish, go-live, watch
 * with a callback that stops it); a release to live with its events in order; a
 * certification failure (FAILED, the job's nested errors); eight threads sharing one
 * client; NULL and invalid UTF-8 arguments naming the argument; accessors given NULL.
 *
 * Usage: test_ingestion FIXTURES_DIR   (fixtures/ingestion)
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>

#include "check.h"
#include "fixtures.h"
#include "json.h"
#include "support.h"

static const char BAD_UTF8[] = "caf\xC3\x28-offer";

/* A SAS URL whose signature must reach the service, and no message or summary. */
static const char SAS_URL[] = "https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd"
                              "?sv=2020-08-04&sr=b&sig=TOPSECRETsig%3D&se=2030-01-01";

#define FAST 1000000.0

static const char CERTIFICATION_FAILS[] =
    "{\"ingestion\": {\"products\": {\"vm-cert\": {\"published\": true,"
    " \"plans\": {\"standard\": {\"skus\": [{\"imageType\": \"x64Gen2\", \"skuId\": \"standard\"}],"
    " \"versions\": [\"1.0.0\"]}},"
    " \"preview\": {\"seconds\": 3600, \"outcome\": \"certificationFailed\"}}}}}";

static json *parse_text(const char *text) { return text ? json_parse(text, strlen(text)) : NULL; }

static cloudpartner_ingestion_client *client_of(const cloudpartner_emulator *emulator) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    CHECK_KIND(cloudpartner_emulator_client_options(emulator, &opts), CLOUDPARTNER_OK, NULL);
    CHECK_STR(opts.ingestion_base_url, cloudpartner_emulator_ingestion_base_url(emulator));
    CHECK(contains(cloudpartner_emulator_ingestion_base_url(emulator), "/rp/product-ingestion"));
    cloudpartner_ingestion_client *client = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_new(&opts, &client, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return client;
}

/* The kind of a call, its error freed; its message checked to contain `want` when given. */
static void expect_error(cloudpartner_error_kind got, cloudpartner_error **errp,
                         cloudpartner_error_kind want, const char *want_text, const char *what) {
    cloudpartner_error *err = *errp;
    *errp = NULL;
    CHECK_MSG(got == want, "%s: got %s, want %s (%s)", what, cloudpartner_error_kind_name(got),
              cloudpartner_error_kind_name(want), err ? cloudpartner_error_message(err) : "no error");
    if (want_text != NULL) {
        const char *message = err ? cloudpartner_error_message(err) : NULL;
        CHECK_MSG(contains(message, want_text), "%s: \"%s\" lacks \"%s\"", what,
                  message ? message : "(null)", want_text);
    }
    cloudpartner_error_free(err);
}

/* ---- vectors ---- */

/* "code: message (resourceId)" lines of an error and its details, two spaces a level. */
static void error_lines(const struct cloudpartner_job_error *error, int depth, char lines[][1024],
                        size_t *n) {
    if (*n >= 32) return;
    const char *resource = cloudpartner_job_error_resource_id(error);
    char about[512] = "";
    if (resource) snprintf(about, sizeof about, " (%s)", resource);
    snprintf(lines[*n], 1024, "%*s%s: %s%s", depth * 2, "", cloudpartner_job_error_code(error),
             cloudpartner_job_error_message(error), about);
    (*n)++;
    for (size_t i = 0; i < cloudpartner_job_error_detail_count(error); i++) {
        error_lines(cloudpartner_job_error_detail(error, i), depth + 1, lines, n);
    }
}

static void check_time(const char *name, bool has, int64_t got, const json *want) {
    const char *stamp = json_str(want);
    CHECK_MSG(has == (stamp != NULL), "%s: time presence (want %s)", name, stamp ? stamp : "none");
    int64_t expected = 0;
    if (has && stamp) CHECK_MSG(parse_utc(stamp, &expected) && got == expected, "%s: %s", name, stamp);
}

static void run_job(const char *name, const char *text, size_t len, const json *want) {
    cloudpartner_job *job = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_parse_job(text, len, &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    if (!job) return;
    CHECK_STR(cloudpartner_job_id(job), json_str(json_get(want, "id")));
    CHECK_STR(cloudpartner_job_status_text(job), json_str(json_get(want, "status")));
    CHECK_STR(cloudpartner_job_result_text(job), json_str(json_get(want, "result")));
    const char *status = json_str(json_get(want, "status"));
    const char *known_status = cloudpartner_job_status_name((int)cloudpartner_job_status(job));
    CHECK_MSG(strcmp(known_status, status) == 0 || strcmp(known_status, "unknown") == 0,
              "%s: status enumerator %s", name, known_status);
    CHECK_STR(cloudpartner_job_result_name((int)cloudpartner_job_result(job)),
              json_str(json_get(want, "result")));
    CHECK_MSG(cloudpartner_job_is_done(job) == json_get(want, "done")->boolean, "%s: done", name);
    CHECK_MSG(cloudpartner_job_succeeded(job) == json_get(want, "succeeded")->boolean, "%s: succeeded", name);
    CHECK_MSG(cloudpartner_job_is_certification_failure(job) == json_get(want, "certification")->boolean,
              "%s: certification", name);
    int64_t t = 0;
    bool has = cloudpartner_job_start(job, &t);
    check_time(name, has, t, json_get(want, "start"));
    has = cloudpartner_job_end(job, &t);
    check_time(name, has, t, json_get(want, "end"));
    static char lines[32][1024];
    size_t n = 0;
    for (size_t i = 0; i < cloudpartner_job_error_count(job); i++) {
        error_lines(cloudpartner_job_error(job, i), 0, lines, &n);
    }
    const json *want_lines = json_get(want, "errorLines");
    CHECK_MSG(want_lines && n == want_lines->count, "%s: %zu error lines", name, n);
    for (size_t i = 0; want_lines && i < n && i < want_lines->count; i++) {
        CHECK_STR(lines[i], json_str(json_at(want_lines, i)));
    }
    /* A certification failure is one of its errors, at any depth. */
    bool any = false;
    for (size_t i = 0; i < cloudpartner_job_error_count(job); i++) {
        any = any || cloudpartner_job_error_is_certification(cloudpartner_job_error(job, i));
    }
    CHECK_MSG(any == cloudpartner_job_is_certification_failure(job), "%s: error certification", name);
    cloudpartner_job *copy = cloudpartner_job_clone(job);
    CHECK_STR(cloudpartner_job_id(copy), cloudpartner_job_id(job));
    cloudpartner_job_free(copy);
    cloudpartner_job_free(job);
}

static void check_version(const char *name, const cloudpartner_ingestion_vm_image_version *v,
                          const json *want) {
    CHECK_STR(cloudpartner_ingestion_vm_image_version_number(v), json_str(json_get(want, "versionNumber")));
    CHECK_STR(cloudpartner_ingestion_vm_image_version_lifecycle_state(v),
              json_str(json_get(want, "lifecycleState")));
    CHECK_STR(cloudpartner_ingestion_vm_image_version_deprecation_reason(v),
              json_str(json_get(want, "deprecationReason")));
    const json *images = json_get(want, "images");
    size_t count = cloudpartner_ingestion_vm_image_version_image_count(v);
    CHECK_MSG(images && count == images->count, "%s: %zu images", name, count);
    for (size_t i = 0; images && i < count && i < images->count; i++) {
        const json *image = json_at(images, i);
        CHECK_STR(cloudpartner_ingestion_vm_image_version_image_type(v, i), json_str(json_get(image, "imageType")));
        CHECK_STR(cloudpartner_ingestion_vm_image_version_image_source_type(v, i),
                  json_str(json_get(image, "sourceType")));
        CHECK_STR(cloudpartner_ingestion_vm_image_version_image_os_disk_uri(v, i),
                  json_str(json_get(image, "osDiskUri")));
        CHECK_STR(cloudpartner_ingestion_vm_image_version_image_shared_image_resource_id(v, i),
                  json_str(json_get(image, "sharedImageResourceId")));
        const json *disks = json_get(image, "dataDisks");
        size_t n = cloudpartner_ingestion_vm_image_version_image_data_disk_count(v, i);
        CHECK_MSG(disks && n == disks->count, "%s: %zu data disks", name, n);
        for (size_t d = 0; disks && d < n && d < disks->count; d++) {
            uint32_t lun = 99;
            const char *uri = cloudpartner_ingestion_vm_image_version_image_data_disk(v, i, d, &lun);
            CHECK_MSG(lun == (uint32_t)json_at(json_at(disks, d), 0)->number, "%s: lun %u", name, lun);
            CHECK_STR(uri, json_str(json_at(json_at(disks, d), 1)));
        }
        CHECK(cloudpartner_ingestion_vm_image_version_image_data_disk(v, i, n, NULL) == NULL);
    }
    CHECK(cloudpartner_ingestion_vm_image_version_image_type(v, count) == NULL);
}

static void run_tree(const char *name, const char *text, size_t len, const json *want) {
    cloudpartner_resource_tree *tree = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_parse_resource_tree(text, len, &tree, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    if (!tree) return;
    CHECK_STR(cloudpartner_resource_tree_root(tree), json_str(json_get(want, "root")));
    CHECK_STR(cloudpartner_resource_tree_target(tree), json_str(json_get(want, "target")));
    CHECK_STR(cloudpartner_product_external_id(cloudpartner_resource_tree_product(tree)),
              json_str(json_get(want, "productExternalId")));
    CHECK_STR(cloudpartner_resource_tree_submission_id(tree), json_str(json_get(want, "submission")));
    size_t resources = cloudpartner_resource_tree_resource_count(tree);
    CHECK_MSG(resources == (size_t)json_get(want, "resourceCount")->number, "%s: %zu resources", name,
              resources);
    const json *plans = json_get(want, "planIds");
    CHECK_MSG(plans && cloudpartner_resource_tree_plan_count(tree) == plans->count, "%s: plans", name);
    for (size_t i = 0; plans && i < plans->count; i++) {
        CHECK_STR(cloudpartner_resource_tree_plan_id(tree, i), json_str(json_at(plans, i)));
    }
    /* Lossless: the tree, and each resource, as the document holds it. */
    json *document = json_parse(text, len);
    char *out = cloudpartner_resource_tree_json(tree);
    json *again = parse_text(out);
    CHECK_MSG(json_equal_ordered(document, again), "%s: the tree does not round-trip", name);
    const json *items = json_get(document, "resources");
    for (size_t i = 0; items && i < resources && i < items->count; i++) {
        const cloudpartner_resource *r = cloudpartner_resource_tree_resource(tree, i);
        char *rj = cloudpartner_resource_json(r);
        json *parsed = parse_text(rj);
        CHECK_MSG(json_equal_ordered(json_at(items, i), parsed), "%s: resource %zu round trip", name, i);
        CHECK_STR(cloudpartner_resource_id(r), json_str(json_get(json_at(items, i), "id")));
        CHECK_STR(cloudpartner_resource_schema(r), json_str(json_get(json_at(items, i), "$schema")));
        json_free(parsed);
        cloudpartner_string_free(rj);
    }
    CHECK(cloudpartner_resource_tree_resource(tree, resources) == NULL);
    json_free(again);
    json_free(document);
    /* A tree edited by hand replaces it; JSON that does not parse leaves it as it was. */
    CHECK_MSG(out != NULL, "%s: the tree has no JSON", name);
    if (!out) {
        cloudpartner_resource_tree_free(tree);
        return;
    }
    char *edited = malloc(strlen(out) + 32);
    snprintf(edited, strlen(out) + 32, "%.*s, \"x-note\": 1}", (int)(strlen(out) - 1), out);
    cloudpartner_error *set_err = NULL;
    CHECK_KIND(cloudpartner_resource_tree_set_json(tree, edited, strlen(edited), &set_err), CLOUDPARTNER_OK,
               set_err);
    cloudpartner_error_free(set_err);
    char *after = cloudpartner_resource_tree_json(tree);
    CHECK_MSG(contains(after, "\"x-note\":1}"), "%s: set_json: %s", name, after);
    CHECK(cloudpartner_resource_tree_resource_count(tree) == resources);
    expect_error(cloudpartner_resource_tree_set_json(tree, "{\n  \"root\": ", 12, &set_err), &set_err,
                 CLOUDPARTNER_ERROR_PARSE, NULL, "set_json of broken JSON");
    char *kept = cloudpartner_resource_tree_json(tree);
    CHECK_STR(kept, after);
    cloudpartner_string_free(kept);
    cloudpartner_string_free(after);
    free(edited);
    cloudpartner_string_free(out);
    /* The technical configurations. */
    const json *configs = json_get(want, "technicalConfigurations");
    for (size_t c = 0; configs && c < configs->count; c++) {
        const char *plan = configs->keys[c];
        const json *config = configs->items[c];
        cloudpartner_technical_configuration *tc = NULL;
        CHECK_KIND(cloudpartner_resource_tree_technical_configuration(tree, plan, &tc, &err),
                   CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        if (!tc) continue;
        CHECK_STR(cloudpartner_technical_configuration_plan_id(tc), plan);
        const json *types = json_get(config, "imageTypes");
        CHECK_MSG(types && cloudpartner_technical_configuration_image_type_count(tc) == types->count,
                  "%s: %s image types", name, plan);
        for (size_t i = 0; types && i < types->count; i++) {
            CHECK_STR(cloudpartner_technical_configuration_image_type(tc, i), json_str(json_at(types, i)));
        }
        const json *versions = json_get(config, "versions");
        size_t count = cloudpartner_technical_configuration_vm_image_version_count(tc);
        CHECK_MSG(versions && count == versions->count, "%s: %s has %zu versions", name, plan, count);
        for (size_t i = 0; versions && i < count && i < versions->count; i++) {
            check_version(name, cloudpartner_technical_configuration_vm_image_version(tc, i),
                          json_at(versions, i));
        }
        cloudpartner_technical_configuration_free(tc);
    }
    cloudpartner_technical_configuration *tc = NULL;
    expect_error(cloudpartner_resource_tree_technical_configuration(tree, "no-such-plan", &tc, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, json_str(json_at(plans, 0)), "unknown plan");
    CHECK(tc == NULL);
    cloudpartner_resource_tree_free(tree);
}

static void run_submissions(const char *name, const char *text, size_t len, const json *want) {
    cloudpartner_submission_list *list = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_parse_submissions(text, len, &list, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    if (!list) return;
    CHECK_MSG(cloudpartner_submission_list_count(list) == (size_t)json_get(want, "count")->number,
              "%s: count", name);
    cloudpartner_product_status *status = NULL;
    CHECK_KIND(cloudpartner_submission_list_product_status(list, "contoso-vm", &status, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_product_stage_name((int)cloudpartner_product_status_stage(status)),
              json_str(json_get(want, "stage")));
    CHECK_STR(cloudpartner_submission_id(cloudpartner_product_status_preview(status)),
              json_str(json_get(want, "preview")));
    CHECK_STR(cloudpartner_submission_id(cloudpartner_product_status_live(status)),
              json_str(json_get(want, "live")));
    CHECK_STR(cloudpartner_product_status_product(status), "contoso-vm");
    cloudpartner_product_status_free(status);
    cloudpartner_submission_list_free(list);
}

static void run_page(const char *name, const char *text, size_t len, const json *want) {
    cloudpartner_product_list *list = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_parse_product_page(text, len, &list, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    const json *ids = json_get(want, "externalIds");
    CHECK_MSG(ids && cloudpartner_product_list_count(list) == ids->count, "%s: count", name);
    for (size_t i = 0; ids && i < ids->count; i++) {
        CHECK_STR(cloudpartner_product_external_id(cloudpartner_product_list_get(list, i)),
                  json_str(json_at(ids, i)));
    }
    CHECK_STR(cloudpartner_product_list_next_link(list), json_str(json_get(want, "nextLink")));
    cloudpartner_product_list_free(list);
}

static void run_vectors(const char *dir) {
    char **names = NULL;
    size_t n = list_inputs(dir, &names);
    int kinds[4] = {0};
    for (size_t i = 0; i < n; i++) {
        char path[1024], expected[1024];
        int w = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (w < 0 || (size_t)w >= sizeof path) continue;
        expected_path(expected, sizeof expected, dir, names[i]);
        size_t len = 0;
        char *text = read_file(path, &len);
        json *want = read_json_file(expected);
        const char *kind = json_str(json_get(want, "kind"));
        if (text && kind) {
            if (strcmp(kind, "job") == 0) run_job(names[i], text, len, want), kinds[0]++;
            else if (strcmp(kind, "tree") == 0) run_tree(names[i], text, len, want), kinds[1]++;
            else if (strcmp(kind, "submissions") == 0) run_submissions(names[i], text, len, want), kinds[2]++;
            else if (strcmp(kind, "page") == 0) run_page(names[i], text, len, want), kinds[3]++;
            else CHECK_MSG(0, "%s: unknown kind %s", names[i], kind);
        }
        json_free(want);
        free(text);
    }
    free_names(names, n);
    CHECK_MSG(kinds[0] >= 5 && kinds[1] >= 3 && kinds[2] >= 7 && kinds[3] >= 2,
              "vectors: %d jobs, %d trees, %d submissions, %d pages", kinds[0], kinds[1], kinds[2], kinds[3]);

    char invalid[900];
    snprintf(invalid, sizeof invalid, "%s/invalid", dir);
    n = list_inputs(invalid, &names);
    for (size_t i = 0; i < n; i++) {
        char path[1024], expected[1024];
        int w = snprintf(path, sizeof path, "%s/%s", invalid, names[i]);
        if (w < 0 || (size_t)w >= sizeof path) continue;
        expected_path(expected, sizeof expected, invalid, names[i]);
        size_t len = 0;
        char *text = read_file(path, &len);
        json *want = read_json_file(expected);
        const char *parser = json_str(json_get(want, "parser"));
        cloudpartner_error *err = NULL;
        cloudpartner_error_kind kind = CLOUDPARTNER_OK;
        if (parser && strcmp(parser, "tree") == 0) {
            cloudpartner_resource_tree *tree = NULL;
            kind = cloudpartner_parse_resource_tree(text, len, &tree, &err);
            CHECK(tree == NULL);
        } else {
            cloudpartner_job *job = NULL;
            kind = cloudpartner_parse_job(text, len, &job, &err);
            CHECK(job == NULL);
        }
        CHECK_MSG(kind == CLOUDPARTNER_ERROR_PARSE, "%s: got %s", names[i], cloudpartner_error_kind_name(kind));
        const json *line = json_get(want, "line");
        if (line) {
            CHECK_MSG(cloudpartner_error_line(err) == (size_t)line->number, "%s: line %zu", names[i],
                      cloudpartner_error_line(err));
            CHECK_MSG(cloudpartner_error_column(err) == (size_t)json_get(want, "column")->number,
                      "%s: column %zu", names[i], cloudpartner_error_column(err));
        }
        cloudpartner_error_free(err);
        json_free(want);
        free(text);
    }
    free_names(names, n);
    CHECK_MSG(n >= 4, "only %zu invalid vectors", n);
}

/* ---- the client against the emulator ---- */

static int job_changes(const cloudpartner_job *job, void *user_data) {
    int *count = user_data;
    (*count)++;
    CHECK(cloudpartner_job_id(job) != NULL);
    return 0;
}

typedef struct {
    int statuses;
    int stop_at; /* non-zero at this status (1-based); 0: never */
    char stages[512];
} status_log;

static int status_changes(const cloudpartner_product_status *status, void *user_data) {
    status_log *log = user_data;
    log->statuses++;
    size_t used = strlen(log->stages);
    snprintf(log->stages + used, sizeof log->stages - used, "%s ",
             cloudpartner_product_stage_name((int)cloudpartner_product_status_stage(status)));
    return log->stop_at != 0 && log->statuses >= log->stop_at;
}

/* Adds version 2.0.0 to plan `standard` of vm-release's draft, configures it and waits. */
static void configure_a_version(cloudpartner_ingestion_client *client) {
    cloudpartner_error *err = NULL;
    cloudpartner_resource_tree *tree = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_resource_tree(client, "vm-release", NULL, &tree, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_technical_configuration *tc = NULL;
    CHECK_KIND(cloudpartner_resource_tree_technical_configuration(tree, "standard", &tc, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_technical_configuration_image_type_count(tc) == 2);

    cloudpartner_ingestion_vm_image_version *version = NULL;
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_new("2.0.0", &version, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    /* An image type the plan has no SKU for: refused, nothing changed. */
    cloudpartner_ingestion_vm_image_version *arm = NULL;
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_new("2.0.0", &arm, &err), CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_add_image(arm, "arm64Gen2", SAS_URL, &err), CLOUDPARTNER_OK, err);
    size_t before = cloudpartner_technical_configuration_vm_image_version_count(tc);
    expect_error(cloudpartner_technical_configuration_set_vm_image_version(tc, arm, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "arm64Gen2", "an image type without a SKU");
    CHECK(cloudpartner_technical_configuration_vm_image_version_count(tc) == before);
    cloudpartner_ingestion_vm_image_version_free(arm);
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_add_image(version, "x64Gen1", SAS_URL, &err), CLOUDPARTNER_OK, err);
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_add_image(version, "x64Gen2", SAS_URL, &err), CLOUDPARTNER_OK, err);
    CHECK(cloudpartner_ingestion_vm_image_version_image_count(version) == 2);
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_add_data_disk(version, 1, 3, SAS_URL, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    expect_error(cloudpartner_ingestion_vm_image_version_add_data_disk(version, 2, 3, SAS_URL, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "`image_index`", "image index");
    CHECK_KIND(cloudpartner_technical_configuration_set_vm_image_version(tc, version, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_ingestion_vm_image_version_free(version);
    CHECK(cloudpartner_technical_configuration_vm_image_version_count(tc) == before + 1);
    const cloudpartner_ingestion_vm_image_version *added =
        cloudpartner_technical_configuration_vm_image_version(tc, before);
    CHECK_STR(cloudpartner_ingestion_vm_image_version_number(added), "2.0.0");
    CHECK(cloudpartner_ingestion_vm_image_version_image_data_disk_count(added, 1) == 1);

    /* The published 1.0.0 cannot be removed (the full-state rule); deprecate, restore. */
    expect_error(cloudpartner_technical_configuration_remove_vm_image_version(tc, "1.0.0", &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "1.0.0", "remove a published version");
    CHECK_KIND(cloudpartner_technical_configuration_deprecate_vm_image_version(tc, "1.0.0", "endOfSupport", "P90D", &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    const cloudpartner_ingestion_vm_image_version *first = cloudpartner_technical_configuration_vm_image_version(tc, 0);
    CHECK_STR(cloudpartner_ingestion_vm_image_version_lifecycle_state(first), "deprecated");
    CHECK_STR(cloudpartner_ingestion_vm_image_version_deprecation_reason(first), "endOfSupport");
    CHECK_STR(cloudpartner_ingestion_vm_image_version_deprecation_date_offset(first), "P90D");
    expect_error(cloudpartner_technical_configuration_deprecate_vm_image_version(tc, "1.0.0", "boredom", NULL, &err),
                 &err, CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "boredom", "unknown reason");
    CHECK_KIND(cloudpartner_technical_configuration_restore_vm_image_version(tc, "1.0.0", &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    first = cloudpartner_technical_configuration_vm_image_version(tc, 0);
    CHECK_STR(cloudpartner_ingestion_vm_image_version_lifecycle_state(first), "generallyAvailable");
    CHECK(cloudpartner_ingestion_vm_image_version_deprecation_reason(first) == NULL);

    /* Configure it ({"resources": [...]}), and wait with a callback. */
    char *resource = cloudpartner_technical_configuration_json(tc);
    size_t size = strlen(resource) + 32;
    char *request = malloc(size);
    snprintf(request, size, "{\"resources\": [%s]}", resource);
    cloudpartner_job *job = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_configure(client, request, &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    free(request);
    cloudpartner_string_free(resource);
    CHECK(job != NULL && !cloudpartner_job_is_done(job));
    int changes = 0;
    cloudpartner_job *done = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_wait_for_job(client, cloudpartner_job_id(job), NULL, job_changes,
                                                          &changes, &done, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(changes >= 1);
    CHECK(cloudpartner_job_is_done(done) && cloudpartner_job_succeeded(done));
    CHECK(cloudpartner_job_status(done) == CLOUDPARTNER_JOB_STATUS_COMPLETED);
    CHECK(cloudpartner_job_result(done) == CLOUDPARTNER_JOB_RESULT_SUCCEEDED);
    int64_t end = 0;
    CHECK(cloudpartner_job_end(done, &end) && end > 0);
    /* A done job cannot be canceled. */
    cloudpartner_job *canceled = NULL;
    expect_error(cloudpartner_ingestion_client_cancel_job(client, cloudpartner_job_id(done), &canceled, &err), &err,
                 CLOUDPARTNER_ERROR_BAD_REQUEST, NULL, "cancel a done job");
    CHECK(canceled == NULL);
    cloudpartner_job_free(done);
    cloudpartner_job_free(job);
    cloudpartner_technical_configuration_free(tc);
    cloudpartner_resource_tree_free(tree);

    /* The draft holds it now. */
    CHECK_KIND(cloudpartner_ingestion_client_resource_tree(client, "vm-release", "draft", &tree, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_KIND(cloudpartner_resource_tree_technical_configuration(tree, "standard", &tc, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_technical_configuration_vm_image_version_count(tc) == before + 1);
    /* A never-published version can be removed. */
    CHECK_KIND(cloudpartner_technical_configuration_remove_vm_image_version(tc, "2.0.0", &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_technical_configuration_vm_image_version_count(tc) == before);
    cloudpartner_technical_configuration_free(tc);
    cloudpartner_resource_tree_free(tree);
}

static void endpoints(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_ingestion_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;

    cloudpartner_product_list *products = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_products(client, &products, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    size_t count = cloudpartner_product_list_count(products);
    CHECK(count >= 2);
    bool seen = false;
    for (size_t i = 0; i < count; i++) {
        seen = seen || strcmp(cloudpartner_product_external_id(cloudpartner_product_list_get(products, i)), "vm-new") == 0;
    }
    CHECK(seen);
    CHECK(cloudpartner_product_list_get(products, count) == NULL);
    CHECK(cloudpartner_product_list_next_link(products) == NULL);
    cloudpartner_product_list_free(products);

    cloudpartner_product *product = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_product(client, "vm-release", &product, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_product_external_id(product), "vm-release");
    CHECK(strncmp(cloudpartner_product_id(product), "product/", 8) == 0);
    CHECK_STR(cloudpartner_product_type(product), "azureVirtualMachine");
    CHECK(cloudpartner_product_alias(product) != NULL && cloudpartner_product_lifecycle_state(product) != NULL);
    const cloudpartner_resource *resource = cloudpartner_product_resource(product);
    CHECK_STR(cloudpartner_resource_type(resource), "product");
    CHECK_STR(cloudpartner_resource_id(resource), cloudpartner_product_id(product));
    /* The durable id names it too. */
    cloudpartner_product *again = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_product(client, cloudpartner_product_id(product), &again, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_product_external_id(again), "vm-release");
    cloudpartner_product_free(again);
    expect_error(cloudpartner_ingestion_client_product(client, "no-such-offer", &again, &err), &err,
                 CLOUDPARTNER_ERROR_NOT_FOUND, "no-such-offer", "unknown product");

    /* A resource by durable id; edited with _set_json; a copy. */
    cloudpartner_resource *fetched = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_resource(client, cloudpartner_product_id(product), &fetched, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_STR(cloudpartner_resource_external_id(fetched), "vm-release");
    const char *id_before = cloudpartner_resource_id(fetched);
    char *text = cloudpartner_resource_json(fetched);
    char edited[8192];
    snprintf(edited, sizeof edited, "%.*s, \"note\": 1.50}", (int)(strlen(text) - 1), text);
    CHECK_KIND(cloudpartner_resource_set_json(fetched, edited, strlen(edited), &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_resource_id(fetched) == id_before); /* unchanged: the same pointer */
    char *after = cloudpartner_resource_json(fetched);
    CHECK_MSG(contains(after, "\"note\":1.5}"), "edited: %s", after);
    expect_error(cloudpartner_resource_set_json(fetched, "[1]", 3, &err), &err, CLOUDPARTNER_ERROR_PARSE, NULL,
                 "set_json of an array");
    cloudpartner_resource *copy = cloudpartner_resource_clone(fetched);
    char *copied = cloudpartner_resource_json(copy);
    CHECK_STR(copied, after);
    cloudpartner_string_free(copied);
    cloudpartner_resource_free(copy);
    cloudpartner_string_free(after);
    cloudpartner_string_free(text);
    cloudpartner_resource_free(fetched);
    cloudpartner_product_free(product);

    /* Trees of each target. */
    const char *targets[] = {"draft", "preview", "live"};
    for (size_t i = 0; i < 3; i++) {
        cloudpartner_resource_tree *tree = NULL;
        CHECK_KIND(cloudpartner_ingestion_client_resource_tree(client, "vm-release", targets[i], &tree, &err),
                   CLOUDPARTNER_OK, err);
        cloudpartner_error_free(err);
        CHECK_STR(cloudpartner_resource_tree_target(tree), targets[i]);
        CHECK(cloudpartner_resource_tree_plan_count(tree) == 2);
        cloudpartner_resource_tree_free(tree);
    }
    cloudpartner_resource_tree *tree = NULL;
    expect_error(cloudpartner_ingestion_client_resource_tree(client, "vm-release", "staging", &tree, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "`target`", "unknown target");

    /* Submissions and status: vm-release is live, vm-new never published. */
    cloudpartner_submission_list *submissions = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_submissions(client, "vm-release", &submissions, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_submission_list_count(submissions) >= 2);
    const cloudpartner_submission *draft = cloudpartner_submission_list_get(submissions, 0);
    CHECK(draft != NULL && cloudpartner_submission_target(draft) != NULL);
    cloudpartner_submission_list_free(submissions);
    cloudpartner_product_status *status = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_product_status(client, "vm-release", &status, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_product_status_stage(status) == CLOUDPARTNER_PRODUCT_STAGE_LIVE);
    CHECK(cloudpartner_product_status_is_terminal(status) && !cloudpartner_product_status_in_progress(status));
    CHECK_STR(cloudpartner_submission_result(cloudpartner_product_status_live(status)), "succeeded");
    CHECK_STR(cloudpartner_submission_status(cloudpartner_product_status_live(status)), "completed");
    cloudpartner_product_status_free(status);
    CHECK_KIND(cloudpartner_ingestion_client_product_status(client, "vm-new", &status, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_product_status_stage(status) == CLOUDPARTNER_PRODUCT_STAGE_NEVER_PUBLISHED);
    CHECK(cloudpartner_product_status_preview(status) == NULL && cloudpartner_product_status_live(status) == NULL);
    cloudpartner_product_status_free(status);

    /* go-live with nothing newer in preview: refused, naming what is there. */
    cloudpartner_job *job = NULL;
    expect_error(cloudpartner_ingestion_client_go_live(client, "vm-release", &job, &err), &err,
                 CLOUDPARTNER_ERROR_CONFLICT, NULL, "go-live without a newer preview");
    CHECK(job == NULL);

    configure_a_version(client);

    /* Publish; a second publish while it runs is refused; watch until review with a
     * callback; go live; watch to live. */
    CHECK_KIND(cloudpartner_ingestion_client_publish(client, "vm-release", &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_job_free(job);
    cloudpartner_watch_options until_review = cloudpartner_watch_options_default();
    until_review.until_publisher_action = true;
    status_log log = {0};
    CHECK_KIND(cloudpartner_ingestion_client_watch(client, "vm-release", &until_review, status_changes, &log,
                                                   &status, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK_MSG(contains(log.stages, "waiting_for_go_live"), "stages: %s", log.stages);
    CHECK(cloudpartner_product_status_needs_publisher_action(status));
    cloudpartner_product_status_free(status);
    CHECK_KIND(cloudpartner_ingestion_client_go_live(client, "vm-release", &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_job_free(job);
    /* A callback that stops at once: canceled, with the status it saw. */
    status_log stop = {.stop_at = 1};
    expect_error(cloudpartner_ingestion_client_watch(client, "vm-release", NULL, status_changes, &stop, &status, &err),
                 &err, CLOUDPARTNER_ERROR_CANCELED, "stopped by the callback", "watch stopped");
    CHECK(stop.statuses == 1 && status != NULL);
    cloudpartner_product_status_free(status);
    CHECK_KIND(cloudpartner_ingestion_client_watch(client, "vm-release", NULL, NULL, NULL, &status, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_product_status_stage(status) == CLOUDPARTNER_PRODUCT_STAGE_LIVE);
    cloudpartner_product_status_free(status);

    /* configure: a bad document is refused before anything is sent. */
    expect_error(cloudpartner_ingestion_client_configure(client, "{\"resources\": 3}", &job, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "`resources_json`", "configure of a bad shape");
    expect_error(cloudpartner_ingestion_client_configure(client, "[1]", &job, &err), &err,
                 CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "item 0", "configure of a number");
    expect_error(cloudpartner_ingestion_client_job(client, "no-such-job", &job, &err), &err,
                 CLOUDPARTNER_ERROR_NOT_FOUND, NULL, "unknown job");

    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* A publish while one runs; cancel a running job (at time scale 1 a publish's job runs
 * for a simulated day). */
static void cancel(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, 1.0);
    cloudpartner_ingestion_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_job *job = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_publish(client, "vm-new", &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    /* A second publish while this one runs (at time scale 1 it does): refused, naming it. */
    cloudpartner_job *second = NULL;
    expect_error(cloudpartner_ingestion_client_publish(client, "vm-new", &second, &err), &err,
                 CLOUDPARTNER_ERROR_CONFLICT, "submission/", "publish while one runs");
    cloudpartner_job_free(second);
    cloudpartner_job *canceled = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_cancel_job(client, cloudpartner_job_id(job), &canceled, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_job_result(canceled) == CLOUDPARTNER_JOB_RESULT_CANCELLED);
    cloudpartner_job *read = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_job(client, cloudpartner_job_id(job), &read, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_job_result(read) == CLOUDPARTNER_JOB_RESULT_CANCELLED);
    cloudpartner_job_free(read);
    cloudpartner_job_free(canceled);
    /* A wait with a deadline on a job of another publish, at time scale 1: timeout. */
    cloudpartner_job_free(job);
    CHECK_KIND(cloudpartner_ingestion_client_publish(client, "vm-new", &job, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_watch_options quick = cloudpartner_watch_options_default();
    quick.min_interval_ms = 50;
    quick.max_interval_ms = 50;
    quick.timeout_ms = 200;
    cloudpartner_job *last = NULL;
    expect_error(cloudpartner_ingestion_client_wait_for_job(client, cloudpartner_job_id(job), &quick, NULL, NULL,
                                                            &last, &err),
                 &err, CLOUDPARTNER_ERROR_TIMEOUT, NULL, "wait past its deadline");
    CHECK(last != NULL && !cloudpartner_job_is_done(last));
    cloudpartner_job_free(last);
    cloudpartner_job_free(job);
    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* ---- the release ---- */

typedef struct {
    char log[4096];
    int events;
    int statuses;
    int leaked; /* a summary holding the SAS signature */
    int stop_after; /* return non-zero at this event (1-based); 0: never */
} progress;

static int on_progress(const cloudpartner_ingestion_release_event *event, void *user_data) {
    progress *p = user_data;
    p->events++;
    enum cloudpartner_release_event_kind kind = cloudpartner_ingestion_release_event_kind(event);
    const char *phase = cloudpartner_ingestion_release_event_phase_name(event);
    CHECK_STR(phase, cloudpartner_release_phase_name((int)cloudpartner_ingestion_release_event_phase(event)));
    if (kind == CLOUDPARTNER_RELEASE_EVENT_STATUS) {
        p->statuses++;
        CHECK(cloudpartner_ingestion_release_event_status(event) != NULL);
        return p->stop_after != 0 && p->events >= p->stop_after;
    }
    if (kind == CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED) {
        const char *summary = cloudpartner_ingestion_release_event_summary(event);
        const char *fields = cloudpartner_ingestion_release_event_fields_json(event);
        CHECK(summary != NULL && fields != NULL && fields[0] == '{');
        if (contains(summary, "TOPSECRET") || contains(fields, "TOPSECRET")) p->leaked++;
    } else {
        CHECK(cloudpartner_ingestion_release_event_summary(event) == NULL);
    }
    size_t used = strlen(p->log);
    snprintf(p->log + used, sizeof p->log - used, "%s:%s ",
             kind == CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED ? "start" : "end", phase);
    return p->stop_after != 0 && p->events >= p->stop_after;
}

static void release_to_live(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_ingestion_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_ingestion_data_disk disks[] = {{2, SAS_URL}};
    cloudpartner_ingestion_release_request request = cloudpartner_ingestion_release_request_default();
    request.offer_id = "vm-release";
    request.plan_id = "standard";
    request.version = "2.0.0";
    request.os_disk_uri = SAS_URL;
    request.data_disks = disks;
    request.data_disk_count = 1;
    request.go_live = true;

    /* A dry run first: the diff, nothing sent (the version is not in the draft after). */
    request.dry_run = true;
    cloudpartner_ingestion_release_result *result = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_release(client, &request, NULL, NULL, &result, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_ingestion_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN);
    const char *diff = cloudpartner_ingestion_release_result_diff(result);
    CHECK(contains(diff, "2.0.0") && !contains(diff, "TOPSECRET"));
    cloudpartner_ingestion_release_result_free(result);
    request.dry_run = false;

    /* Stopped by the callback right after the first event: canceled, nothing sent. */
    size_t requests = cloudpartner_emulator_request_count(emulator);
    progress stop = {.stop_after = 1};
    expect_error(cloudpartner_ingestion_client_release(client, &request, on_progress, &stop, &result, &err), &err,
                 CLOUDPARTNER_ERROR_CANCELED, "stopped by the progress callback", "release stopped");
    CHECK(result == NULL && stop.events == 1);
    CHECK(cloudpartner_emulator_request_count(emulator) == requests);

    progress p = {0};
    CHECK_KIND(cloudpartner_ingestion_client_release(client, &request, on_progress, &p, &result, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_ingestion_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_LIVE);
    CHECK(cloudpartner_product_status_stage(cloudpartner_ingestion_release_result_status(result)) ==
          CLOUDPARTNER_PRODUCT_STAGE_LIVE);
    CHECK(cloudpartner_ingestion_release_result_job(result) == NULL);
    CHECK(cloudpartner_ingestion_release_result_failed_phase(result) == CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);
    CHECK_MSG(strstr(p.log, "start:read end:read start:change end:change start:write end:write "
                            "start:publish end:publish start:review end:review start:go-live end:go-live "
                            "start:live") == p.log,
              "events: %s", p.log);
    CHECK(p.statuses >= 1 && p.leaked == 0);
    cloudpartner_ingestion_release_result_free(result);

    /* The live tree holds it, with the data disk. */
    cloudpartner_resource_tree *tree = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_resource_tree(client, "vm-release", "live", &tree, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    cloudpartner_technical_configuration *tc = NULL;
    CHECK_KIND(cloudpartner_resource_tree_technical_configuration(tree, "standard", &tc, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    size_t n = cloudpartner_technical_configuration_vm_image_version_count(tc);
    const cloudpartner_ingestion_vm_image_version *last = cloudpartner_technical_configuration_vm_image_version(tc, n - 1);
    CHECK_STR(cloudpartner_ingestion_vm_image_version_number(last), "2.0.0");
    CHECK_STR(cloudpartner_ingestion_vm_image_version_image_os_disk_uri(last, 0), SAS_URL);
    uint32_t lun = 0;
    CHECK_STR(cloudpartner_ingestion_vm_image_version_image_data_disk(last, 0, 0, &lun), SAS_URL);
    CHECK(lun == 2);
    cloudpartner_technical_configuration_free(tc);
    cloudpartner_resource_tree_free(tree);

    /* Again: resumable, nothing sent again. */
    progress again = {0};
    CHECK_KIND(cloudpartner_ingestion_client_release(client, &request, on_progress, &again, &result, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_ingestion_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_LIVE);
    cloudpartner_ingestion_release_result_free(result);

    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

static void certification_failure(void) {
    cloudpartner_emulator *emulator = start_emulator(CERTIFICATION_FAILS, FAST);
    cloudpartner_ingestion_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_ingestion_release_request request = cloudpartner_ingestion_release_request_default();
    request.offer_id = "vm-cert";
    request.plan_id = "standard";
    request.version = "2.0.0";
    request.os_disk_uri = SAS_URL;
    request.go_live = true;
    progress p = {0};
    cloudpartner_ingestion_release_result *result = NULL;
    CHECK_KIND(cloudpartner_ingestion_client_release(client, &request, on_progress, &p, &result, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_ingestion_release_result_outcome(result) == CLOUDPARTNER_RELEASE_OUTCOME_FAILED);
    CHECK(cloudpartner_ingestion_release_result_failed_phase(result) == CLOUDPARTNER_RELEASE_PHASE_REVIEW);
    const cloudpartner_job *job = cloudpartner_ingestion_release_result_job(result);
    CHECK(job != NULL && cloudpartner_job_is_certification_failure(job));
    CHECK(cloudpartner_job_result(job) == CLOUDPARTNER_JOB_RESULT_FAILED);
    /* The nested errors: some error, at some depth, says certification. */
    bool nested = false;
    for (size_t i = 0; i < cloudpartner_job_error_count(job); i++) {
        const struct cloudpartner_job_error *e = cloudpartner_job_error(job, i);
        for (size_t d = 0; d < cloudpartner_job_error_detail_count(e); d++) {
            const struct cloudpartner_job_error *detail = cloudpartner_job_error_detail(e, d);
            nested = nested || (cloudpartner_job_error_is_certification(detail) &&
                                strcmp(cloudpartner_job_error_code(detail), "invalidState") == 0);
        }
    }
    CHECK(nested);
    CHECK_MSG(!contains(p.log, "go-live"), "events: %s", p.log);
    const cloudpartner_product_status *status = cloudpartner_ingestion_release_result_status(result);
    if (status) CHECK(cloudpartner_product_status_stage(status) == CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_FAILED);
    cloudpartner_ingestion_release_result_free(result);
    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* ---- threads ---- */

typedef struct {
    const cloudpartner_ingestion_client *client;
    int ok;
} worker;

static void *work(void *arg) {
    worker *w = arg;
    for (int i = 0; i < 5; i++) {
        cloudpartner_product_status *status = NULL;
        cloudpartner_resource_tree *tree = NULL;
        cloudpartner_error *err = NULL;
        if (cloudpartner_ingestion_client_product_status(w->client, "vm-release", &status, &err) == CLOUDPARTNER_OK &&
            cloudpartner_product_status_stage(status) == CLOUDPARTNER_PRODUCT_STAGE_LIVE)
            w->ok++;
        cloudpartner_error_free(err);
        cloudpartner_product_status_free(status);
        if (cloudpartner_ingestion_client_resource_tree(w->client, "vm-new", NULL, &tree, &err) == CLOUDPARTNER_OK &&
            cloudpartner_resource_tree_plan_count(tree) == 1)
            w->ok++;
        cloudpartner_error_free(err);
        cloudpartner_resource_tree_free(tree);
    }
    return NULL;
}

static void threads(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_ingestion_client *client = client_of(emulator);
    pthread_t ids[8];
    worker workers[8];
    for (int i = 0; i < 8; i++) {
        workers[i] = (worker){client, 0};
        CHECK(pthread_create(&ids[i], NULL, work, &workers[i]) == 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(ids[i], NULL);
        CHECK_MSG(workers[i].ok == 10, "thread %d: %d of 10 calls right", i, workers[i].ok);
    }
    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

/* ---- arguments ---- */

#define NAMES(call, arg) expect_error((call), &err, CLOUDPARTNER_ERROR_INVALID_ARGUMENT, "`" arg "`", #call)

static void arguments(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, FAST);
    cloudpartner_ingestion_client *client = client_of(emulator);
    cloudpartner_error *err = NULL;
    cloudpartner_product *product = NULL;
    cloudpartner_product_list *products = NULL;
    cloudpartner_resource_tree *tree = NULL;
    cloudpartner_resource *resource = NULL;
    cloudpartner_job *job = NULL;
    cloudpartner_submission_list *submissions = NULL;
    cloudpartner_product_status *status = NULL;
    cloudpartner_ingestion_release_result *result = NULL;

    NAMES(cloudpartner_ingestion_client_new(NULL, NULL, &err), "out");
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    CHECK_KIND(cloudpartner_emulator_client_options(emulator, &opts), CLOUDPARTNER_OK, NULL);
    opts.ingestion_base_url = BAD_UTF8;
    cloudpartner_ingestion_client *other = NULL;
    NAMES(cloudpartner_ingestion_client_new(&opts, &other, &err), "opts->ingestion_base_url");
    opts.ingestion_base_url = NULL;
    opts.ingestion_version = BAD_UTF8;
    NAMES(cloudpartner_ingestion_client_new(&opts, &other, &err), "opts->ingestion_version");
    CHECK(other == NULL);

    NAMES(cloudpartner_ingestion_client_products(NULL, &products, &err), "client");
    NAMES(cloudpartner_ingestion_client_products(client, NULL, &err), "out");
    NAMES(cloudpartner_ingestion_client_product(client, NULL, &product, &err), "product");
    NAMES(cloudpartner_ingestion_client_product(client, BAD_UTF8, &product, &err), "product");
    NAMES(cloudpartner_ingestion_client_resource_tree(client, BAD_UTF8, NULL, &tree, &err), "product");
    NAMES(cloudpartner_ingestion_client_resource_tree(client, "vm-release", BAD_UTF8, &tree, &err), "target");
    NAMES(cloudpartner_ingestion_client_resource(client, NULL, &resource, &err), "durable_id");
    NAMES(cloudpartner_ingestion_client_configure(client, NULL, &job, &err), "resources_json");
    NAMES(cloudpartner_ingestion_client_configure(client, BAD_UTF8, &job, &err), "resources_json");
    NAMES(cloudpartner_ingestion_client_job(client, NULL, &job, &err), "job_id");
    NAMES(cloudpartner_ingestion_client_cancel_job(client, BAD_UTF8, &job, &err), "job_id");
    NAMES(cloudpartner_ingestion_client_wait_for_job(client, NULL, NULL, NULL, NULL, &job, &err), "job_id");
    NAMES(cloudpartner_ingestion_client_wait_for_job(NULL, "j", NULL, NULL, NULL, &job, &err), "client");
    NAMES(cloudpartner_ingestion_client_submissions(client, BAD_UTF8, &submissions, &err), "product");
    NAMES(cloudpartner_ingestion_client_product_status(client, NULL, &status, &err), "product");
    NAMES(cloudpartner_ingestion_client_watch(client, BAD_UTF8, NULL, NULL, NULL, &status, &err), "product");
    NAMES(cloudpartner_ingestion_client_publish(client, NULL, &job, &err), "product");
    NAMES(cloudpartner_ingestion_client_go_live(client, BAD_UTF8, &job, &err), "product");
    NAMES(cloudpartner_ingestion_client_release(client, NULL, NULL, NULL, &result, &err), "request");
    cloudpartner_ingestion_release_request request = cloudpartner_ingestion_release_request_default();
    request.offer_id = "vm-release";
    request.plan_id = BAD_UTF8;
    NAMES(cloudpartner_ingestion_client_release(client, &request, NULL, NULL, &result, &err), "request->plan_id");
    request.plan_id = "standard";
    request.version = "2.0.0";
    request.os_disk_uri = SAS_URL;
    request.data_disk_count = 2;
    NAMES(cloudpartner_ingestion_client_release(client, &request, NULL, NULL, &result, &err), "request->data_disks");
    CHECK(product == NULL && products == NULL && tree == NULL && resource == NULL && job == NULL &&
          submissions == NULL && status == NULL && result == NULL);

    NAMES(cloudpartner_parse_job(NULL, 0, &job, &err), "json");
    NAMES(cloudpartner_parse_resource_tree("{}", 2, NULL, &err), "out");
    NAMES(cloudpartner_parse_resource(NULL, 0, &resource, &err), "json");
    NAMES(cloudpartner_parse_submissions(NULL, 0, &submissions, &err), "json");
    NAMES(cloudpartner_parse_product_page(NULL, 0, &products, &err), "json");
    NAMES(cloudpartner_resource_set_json(NULL, "{}", 2, &err), "resource");
    NAMES(cloudpartner_resource_tree_set_json(NULL, "{}", 2, &err), "tree");
    NAMES(cloudpartner_resource_tree_technical_configuration(NULL, "standard", NULL, &err), "out");
    cloudpartner_ingestion_vm_image_version *version = NULL;
    NAMES(cloudpartner_ingestion_vm_image_version_new(BAD_UTF8, &version, &err), "version_number");
    CHECK_KIND(cloudpartner_ingestion_vm_image_version_new("2.0.0", &version, &err), CLOUDPARTNER_OK, err);
    NAMES(cloudpartner_ingestion_vm_image_version_add_image(version, "x64Gen2", NULL, &err), "os_disk_uri");
    NAMES(cloudpartner_ingestion_vm_image_version_add_image(version, BAD_UTF8, SAS_URL, &err), "image_type");
    NAMES(cloudpartner_technical_configuration_set_vm_image_version(NULL, version, &err), "configuration");
    NAMES(cloudpartner_technical_configuration_deprecate_vm_image_version(NULL, "1.0.0", NULL, NULL, &err),
          "configuration");
    NAMES(cloudpartner_submission_list_product_status(NULL, "p", &status, &err), "list");
    cloudpartner_ingestion_vm_image_version_free(version);

    /* Accessors given NULL; every _free given NULL. */
    CHECK(cloudpartner_job_id(NULL) == NULL && cloudpartner_job_status(NULL) == CLOUDPARTNER_JOB_STATUS_UNKNOWN);
    CHECK(cloudpartner_job_result(NULL) == CLOUDPARTNER_JOB_RESULT_UNKNOWN && !cloudpartner_job_is_done(NULL));
    CHECK(cloudpartner_job_error_count(NULL) == 0 && cloudpartner_job_error(NULL, 0) == NULL);
    CHECK(cloudpartner_job_error_code(NULL) == NULL && cloudpartner_job_error_detail_count(NULL) == 0);
    CHECK(!cloudpartner_job_start(NULL, NULL) && !cloudpartner_job_end(NULL, NULL) && cloudpartner_job_clone(NULL) == NULL);
    CHECK(cloudpartner_product_id(NULL) == NULL && cloudpartner_product_resource(NULL) == NULL);
    CHECK(cloudpartner_product_list_count(NULL) == 0 && cloudpartner_product_list_get(NULL, 0) == NULL);
    CHECK(cloudpartner_resource_json(NULL) == NULL && cloudpartner_resource_clone(NULL) == NULL);
    CHECK(cloudpartner_resource_tree_json(NULL) == NULL && cloudpartner_resource_tree_root(NULL) == NULL);
    CHECK(cloudpartner_technical_configuration_json(NULL) == NULL);
    CHECK(cloudpartner_technical_configuration_vm_image_version(NULL, 0) == NULL);
    CHECK(cloudpartner_ingestion_vm_image_version_number(NULL) == NULL);
    CHECK(cloudpartner_ingestion_vm_image_version_image_count(NULL) == 0);
    CHECK(cloudpartner_product_status_stage(NULL) == CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN);
    CHECK(cloudpartner_product_status_preview(NULL) == NULL && !cloudpartner_product_status_is_terminal(NULL));
    CHECK(cloudpartner_submission_id(NULL) == NULL && !cloudpartner_submission_created(NULL, NULL));
    CHECK(cloudpartner_ingestion_release_result_outcome(NULL) == CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN);
    CHECK(cloudpartner_ingestion_release_event_kind(NULL) == CLOUDPARTNER_RELEASE_EVENT_UNKNOWN);
    CHECK(cloudpartner_emulator_ingestion_base_url(NULL) == NULL);
    CHECK_STR(cloudpartner_job_status_name(-1), "unknown");
    CHECK_STR(cloudpartner_job_result_name(4), "cancelled");
    CHECK_STR(cloudpartner_product_stage_name(4), "waiting_for_go_live");
    cloudpartner_ingestion_client_free(NULL);
    cloudpartner_product_free(NULL);
    cloudpartner_product_list_free(NULL);
    cloudpartner_resource_free(NULL);
    cloudpartner_resource_tree_free(NULL);
    cloudpartner_technical_configuration_free(NULL);
    cloudpartner_ingestion_vm_image_version_free(NULL);
    cloudpartner_job_free(NULL);
    cloudpartner_submission_list_free(NULL);
    cloudpartner_product_status_free(NULL);
    cloudpartner_ingestion_release_result_free(NULL);

    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
}

int main(int argc, char **argv) {
    run_vectors(argc > 1 ? argv[1] : "fixtures/ingestion");
    endpoints();
    cancel();
    release_to_live();
    certification_failure();
    threads();
    arguments();
    cloudpartner_shutdown();
    return check_summary("test_ingestion");
}
