/*
 * test_vectors: every test vector in fixtures/status/ (DESIGN §7) through the C API.
 *
 * Valid NAME.json: parsed by the library; its to_json() equals the expected canonical
 * JSON (read by tests/json.c, not by the library); every C accessor agrees with the
 * canonical document; the derived values equal the expected ones. Invalid
 * invalid/NAME.json|.bin: a parse error with the expected line and column. The folder is
 * walked: a new vector needs no code.
 *
 * Usage: test_vectors FIXTURES_STATUS_DIR
 */
#include <stdint.h>

#include "check.h"
#include "fixtures.h"
#include "json.h"

static void check_message(const char *name, const cloudpartner_message *m, const json *want) {
    CHECK_MSG(m != NULL, "%s: a message is missing", name);
    CHECK_STR(cloudpartner_message_html(m), json_str(json_get(want, "messageHtml")));
    enum cloudpartner_message_level level = cloudpartner_message_level(m);
    CHECK_STR(level == CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN ? cloudpartner_message_raw_level(m)
                                                          : cloudpartner_message_level_name((int)level),
              json_str(json_get(want, "level")));
    CHECK(cloudpartner_message_text(m) != NULL);
    const char *stamp = json_str(json_get(want, "timestamp"));
    int64_t got = 0, expected = 0;
    int has = cloudpartner_message_timestamp_unix_nanos(m, &got);
    CHECK_MSG(has == (stamp != NULL), "%s: timestamp presence (%s)", name, stamp ? stamp : "none");
    if (has && stamp != NULL) {
        CHECK_MSG(parse_utc(stamp, &expected) && got == expected, "%s: timestamp %s: got %lld ns",
                  name, stamp, (long long)got);
    }
}

static void check_link(const cloudpartner_link *l, const json *want) {
    CHECK(l != NULL);
    CHECK_STR(cloudpartner_link_display_text(l), json_str(json_get(want, "displayText")));
    CHECK_STR(cloudpartner_link_uri(l), json_str(json_get(want, "uri")));
}

/* Each C accessor against the canonical document. */
static void check_accessors(const char *name, const cloudpartner_offer_status *s, const json *c) {
    cloudpartner_offer_state state = cloudpartner_offer_status_state(s);
    const char *wire = json_str(json_get(c, "status"));
    CHECK_STR(state == CLOUDPARTNER_OFFER_STATE_UNKNOWN ? cloudpartner_offer_status_raw_state(s)
                                                        : cloudpartner_offer_state_name((int)state),
              wire);

    const json *steps = json_get(c, "steps");
    CHECK_MSG(cloudpartner_offer_status_step_count(s) == (steps ? steps->count : 0), "%s: steps",
              name);
    for (size_t i = 0; steps != NULL && i < steps->count; i++) {
        const cloudpartner_step *step = cloudpartner_offer_status_step(s, i);
        const json *w = json_at(steps, i);
        CHECK_STR(cloudpartner_step_id(step), json_str(json_get(w, "id")));
        CHECK_STR(cloudpartner_step_name(step), json_str(json_get(w, "stepName")));
        CHECK_STR(cloudpartner_step_description(step), json_str(json_get(w, "description")));
        enum cloudpartner_step_state st = cloudpartner_step_state(step);
        CHECK_STR(st == CLOUDPARTNER_STEP_STATE_UNKNOWN ? cloudpartner_step_raw_state(step)
                                                        : cloudpartner_step_state_name((int)st),
                  json_str(json_get(w, "status")));
        const json *pct = json_get(w, "progressPercentage");
        CHECK(pct != NULL && cloudpartner_step_progress_percentage(step) == (uint8_t)pct->number);
        const char *raw = NULL;
        cloudpartner_step_time_frame(step, &raw, NULL, NULL);
        CHECK_STR(raw, json_str(json_get(w, "estimatedTimeFrame")));
        const json *msgs = json_get(w, "messages");
        CHECK(cloudpartner_step_message_count(step) == (msgs ? msgs->count : 0));
        for (size_t k = 0; msgs != NULL && k < msgs->count; k++) {
            check_message(name, cloudpartner_step_message(step, k), json_at(msgs, k));
        }
        CHECK(cloudpartner_step_message(step, msgs ? msgs->count : 0) == NULL);
    }
    CHECK(cloudpartner_offer_status_step(s, steps ? steps->count : 0) == NULL);

    const json *msgs = json_get(c, "messages");
    CHECK(cloudpartner_offer_status_message_count(s) == (msgs ? msgs->count : 0));
    for (size_t i = 0; msgs != NULL && i < msgs->count; i++) {
        check_message(name, cloudpartner_offer_status_message(s, i), json_at(msgs, i));
    }

    const json *preview = json_get(c, "previewLinks"), *live = json_get(c, "liveLinks");
    CHECK(cloudpartner_offer_status_preview_link_count(s) == (preview ? preview->count : 0));
    for (size_t i = 0; preview != NULL && i < preview->count; i++) {
        check_link(cloudpartner_offer_status_preview_link(s, i), json_at(preview, i));
    }
    CHECK(cloudpartner_offer_status_live_link_count(s) == (live ? live->count : 0));
    for (size_t i = 0; live != NULL && i < live->count; i++) {
        check_link(cloudpartner_offer_status_live_link(s, i), json_at(live, i));
    }

    /* notificationEmails is the addresses joined with ", ". */
    char joined[4096] = "";
    size_t emails = cloudpartner_offer_status_notification_email_count(s);
    for (size_t i = 0; i < emails; i++) {
        if (i > 0) strncat(joined, ", ", sizeof joined - strlen(joined) - 1);
        strncat(joined, cloudpartner_offer_status_notification_email(s, i),
                sizeof joined - strlen(joined) - 1);
    }
    CHECK(cloudpartner_offer_status_notification_email(s, emails) == NULL);
    CHECK_STR(joined, json_str(json_get(c, "notificationEmails")));
}

static int range_matches(bool has, double min, double max, const json *want) {
    if (want == NULL || want->type == JSON_NULL) return !has;
    return has && want->type == JSON_ARRAY && want->count == 2 &&
           fabs(want->items[0]->number - min) < 1e-9 && fabs(want->items[1]->number - max) < 1e-9;
}

static void check_derived(const char *name, const cloudpartner_offer_status *s, const json *d) {
    const json *term = json_get(d, "isTerminal"), *action = json_get(d, "needsPublisherAction");
    CHECK_MSG(term && cloudpartner_offer_status_is_terminal(s) == term->boolean, "%s", name);
    CHECK_MSG(action && cloudpartner_offer_status_needs_publisher_action(s) == action->boolean,
              "%s", name);
    const cloudpartner_step *current = cloudpartner_offer_status_current_step(s);
    CHECK_STR(current ? cloudpartner_step_id(current) : NULL, json_str(json_get(d, "currentStepId")));
    const json *progress = json_get(d, "progress");
    CHECK(progress != NULL);
    if (progress != NULL) CHECK_NEAR(cloudpartner_offer_status_progress(s), progress->number);

    double min = -1, max = -1;
    bool has = cloudpartner_offer_status_estimated_remaining(s, &min, &max);
    CHECK_MSG(range_matches(has, min, max, json_get(d, "estimatedRemaining")),
              "%s: estimatedRemaining got %s [%g, %g]", name, has ? "" : "none", min, max);

    const json *frames = json_get(d, "timeFrames");
    CHECK(frames != NULL && frames->type == JSON_OBJECT);
    size_t steps = cloudpartner_offer_status_step_count(s);
    CHECK(frames == NULL || frames->count <= steps);
    for (size_t i = 0; i < steps; i++) {
        const cloudpartner_step *step = cloudpartner_offer_status_step(s, i);
        const json *want = json_get(frames, cloudpartner_step_id(step));
        CHECK_MSG(want != NULL, "%s: no expected time frame for step %s", name,
                  cloudpartner_step_id(step));
        has = cloudpartner_step_time_frame(step, NULL, &min, &max);
        CHECK_MSG(range_matches(has, min, max, want), "%s: step %s time frame", name,
                  cloudpartner_step_id(step));
    }
}

static void run_valid(const char *dir, const char *input) {
    char path[4096], expected_file[4096];
    snprintf(path, sizeof path, "%s/%s", dir, input);
    expected_path(expected_file, sizeof expected_file, dir, input);
    size_t len;
    char *bytes = read_file(path, &len);
    json *expected = read_json_file(expected_file);
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind = cloudpartner_parse_offer_status(bytes, len, &status, &err);
    CHECK_KIND(kind, CLOUDPARTNER_OK, err);
    if (kind == CLOUDPARTNER_OK && expected != NULL) {
        char *canonical = cloudpartner_offer_status_to_json(status);
        json *got = json_parse(canonical, strlen(canonical));
        const json *want = json_get(expected, "canonical");
        CHECK_MSG(json_equal(got, want), "%s: canonical JSON differs: %s", input, canonical);
        check_accessors(input, status, want);
        check_derived(input, status, json_get(expected, "derived"));

        /* parse(to_json(x)) gives x again: the same canonical text. */
        cloudpartner_offer_status *again = NULL;
        CHECK_KIND(cloudpartner_parse_offer_status(canonical, strlen(canonical), &again, NULL),
                   CLOUDPARTNER_OK, NULL);
        char *twice = cloudpartner_offer_status_to_json(again);
        CHECK_STR(twice, canonical);

        /* A clone lives on its own. */
        cloudpartner_offer_status *copy = cloudpartner_offer_status_clone(status);
        char *copied = cloudpartner_offer_status_to_json(copy);
        CHECK_STR(copied, canonical);
        cloudpartner_string_free(copied);
        cloudpartner_offer_status_free(copy);

        cloudpartner_string_free(twice);
        cloudpartner_offer_status_free(again);
        json_free(got);
        cloudpartner_string_free(canonical);
    }
    cloudpartner_error_free(err);
    cloudpartner_offer_status_free(status);
    json_free(expected);
    free(bytes);
}

static void run_invalid(const char *dir, const char *input) {
    char path[4096], expected_file[4096];
    snprintf(path, sizeof path, "%s/%s", dir, input);
    expected_path(expected_file, sizeof expected_file, dir, input);
    size_t len;
    char *bytes = read_file(path, &len);
    json *expected = read_json_file(expected_file);
    cloudpartner_offer_status *status = (cloudpartner_offer_status *)(void *)&len; /* must be reset */
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind = cloudpartner_parse_offer_status(bytes, len, &status, &err);
    CHECK_MSG(kind == CLOUDPARTNER_ERROR_PARSE, "%s: got %s", input, cloudpartner_error_kind_name(kind));
    CHECK_STR(cloudpartner_error_kind_name(kind), json_str(json_get(expected, "kind")));
    CHECK(status == NULL);
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

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_STATUS_DIR\n", argv[0]);
        return 2;
    }
    char **names;
    size_t n = list_inputs(argv[1], &names);
    CHECK_MSG(n >= 15, "only %zu valid vectors in %s", n, argv[1]);
    for (size_t i = 0; i < n; i++) run_valid(argv[1], names[i]);
    printf("valid vectors: %zu\n", n);
    free_names(names, n);

    char invalid_dir[4096];
    snprintf(invalid_dir, sizeof invalid_dir, "%s/invalid", argv[1]);
    n = list_inputs(invalid_dir, &names);
    CHECK_MSG(n >= 6, "only %zu invalid vectors in %s", n, invalid_dir);
    for (size_t i = 0; i < n; i++) run_invalid(invalid_dir, names[i]);
    printf("invalid vectors: %zu\n", n);
    free_names(names, n);

    cloudpartner_shutdown();
    return check_summary("test_vectors");
}
