/*
 * test_surface: the cross-language table of client-surface cases,
 * fixtures/surface/cases.json (DESIGN §9), through the C API; Rust, Python, Node and the
 * CLI run the same table.
 *
 * Each case runs against its own default-scenario emulator, with exactly the case's
 * environment variables: every CLOUDPARTNER_*, AZURE_* and PATH variable is removed
 * (unsetenv), the case's are set (setenv), and the old ones come back afterwards.
 * `expectC` replaces `expect` (C reads 0 as the default). An unknown action or client
 * field fails, so that a case added to the table needs its C mapping here.
 *
 * Usage: test_surface FIXTURES_SURFACE_DIR
 */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "check.h"
#include "json.h"
#include "support.h"

extern char **environ;

/* What a case's run came to: a kind, and the error's message when it failed. */
typedef struct {
    cloudpartner_error_kind kind;
    char message[2048];
} outcome;

static void fail_with(outcome *out, cloudpartner_error_kind kind, const cloudpartner_error *err) {
    out->kind = kind;
    snprintf(out->message, sizeof out->message, "%s", err ? cloudpartner_error_message(err) : "");
}

/* The strings a case needs while it runs: filled placeholders, freed at its end. */
typedef struct {
    char *items[16];
    size_t count;
} arena;

static const char *keep(arena *a, char *s) {
    if (a->count < sizeof a->items / sizeof a->items[0]) {
        a->items[a->count++] = s;
    } else {
        CHECK_MSG(0, "%s", "the arena is full");
        free(s);
        return "";
    }
    return s;
}

static void arena_free(arena *a) {
    for (size_t i = 0; i < a->count; i++) free(a->items[i]);
    a->count = 0;
}

/* `text` with every `from` replaced by `to` (a new string). */
static char *replace(const char *text, const char *from, const char *to) {
    size_t from_len = strlen(from), to_len = strlen(to), n = 0;
    for (const char *p = strstr(text, from); p != NULL; p = strstr(p + from_len, from)) n++;
    char *out = malloc(strlen(text) + n * (to_len + 1) + 1);
    if (out == NULL) abort();
    char *w = out;
    for (const char *p = text;;) {
        const char *hit = strstr(p, from);
        size_t keep_len = hit ? (size_t)(hit - p) : strlen(p);
        memcpy(w, p, keep_len);
        w += keep_len;
        if (hit == NULL) break;
        memcpy(w, to, to_len);
        w += to_len;
        p = hit + from_len;
    }
    *w = '\0';
    return out;
}

/* A case string with {token}, {base_url} and {fake_az_dir} filled in. */
static const char *fill(arena *a, const char *text, const cloudpartner_emulator *emulator,
                        const char *az_dir) {
    char *token = replace(text, "{token}", cloudpartner_emulator_token(emulator));
    char *url = replace(token, "{base_url}", cloudpartner_emulator_base_url(emulator));
    char *all = replace(url, "{fake_az_dir}", az_dir);
    free(token);
    free(url);
    return keep(a, all);
}

/* ---- The environment of a case. ---- */

static int is_surface_variable(const char *entry) {
    return strncmp(entry, "CLOUDPARTNER_", 13) == 0 || strncmp(entry, "AZURE_", 6) == 0 ||
           strncmp(entry, "PATH=", 5) == 0;
}

/* Removes every CLOUDPARTNER_*, AZURE_* and PATH variable; returns them ("NAME=VALUE"). */
static char **clear_environment(size_t *count) {
    size_t n = 0;
    for (char **e = environ; *e != NULL; e++) n += (size_t)is_surface_variable(*e);
    char **saved = calloc(n + 1, sizeof *saved);
    if (saved == NULL) abort();
    size_t k = 0;
    for (char **e = environ; *e != NULL && k < n; e++) {
        if (is_surface_variable(*e)) saved[k++] = strdup(*e);
    }
    for (size_t i = 0; i < k; i++) {
        char name[256];
        size_t len = strcspn(saved[i], "=");
        snprintf(name, sizeof name, "%.*s", (int)len, saved[i]);
        unsetenv(name);
    }
    *count = k;
    return saved;
}

/* Sets the case's variables, placeholders filled. */
static void set_case_environment(const json *env, arena *a, const cloudpartner_emulator *emulator,
                                 const char *az_dir) {
    for (size_t i = 0; env != NULL && i < env->count; i++) {
        const char *value = json_str(env->items[i]);
        CHECK_MSG(value != NULL, "env.%s is not a string", env->keys[i]);
        if (value != NULL) setenv(env->keys[i], fill(a, value, emulator, az_dir), 1);
    }
}

/* Removes the case's variables and puts the saved ones back. */
static void restore_environment(const json *env, char **saved, size_t count) {
    for (size_t i = 0; env != NULL && i < env->count; i++) unsetenv(env->keys[i]);
    for (size_t i = 0; i < count; i++) {
        char *eq = strchr(saved[i], '=');
        if (eq != NULL) {
            *eq = '\0';
            setenv(saved[i], eq + 1, 1);
        }
        free(saved[i]);
    }
    free(saved);
}

/* ---- Clients and watches from a case. ---- */

/* A token callback that gives the string in `user_data` (the case's credentialToken). */
static int32_t give_token(void *user_data, char *token, size_t capacity, int64_t *expires_on) {
    snprintf(token, capacity, "%s", (const char *)user_data);
    *expires_on = 0;
    return 0;
}

/* Builds the case's client: `client` gives baseUrl, token, credentialToken (a token
 * callback). */
static cloudpartner_error_kind case_client(const json *c, arena *a, const cloudpartner_emulator *emulator,
                                           const char *az_dir, cloudpartner_client **client,
                                           cloudpartner_error **err) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    for (size_t i = 0; c != NULL && i < c->count; i++) {
        const char *key = c->keys[i];
        const char *value = json_str(c->items[i]);
        CHECK_MSG(value != NULL, "client.%s is not a string", key);
        if (value == NULL) continue;
        const char *filled = fill(a, value, emulator, az_dir);
        if (strcmp(key, "baseUrl") == 0) {
            opts.base_url = filled;
        } else if (strcmp(key, "token") == 0) {
            opts.token = filled;
        } else if (strcmp(key, "credentialToken") == 0) {
            opts.token_callback = give_token;
            opts.token_callback_user_data = (void *)(uintptr_t)filled;
        } else {
            CHECK_MSG(0, "client.%s: no C mapping for this field", key);
        }
    }
    return cloudpartner_client_new(&opts, client, err);
}

/* The case's `watch` as C options; `*offer` gets its offerId. */
static cloudpartner_watch_options case_watch_options(const json *w, const char **offer) {
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    *offer = "";
    for (size_t i = 0; w != NULL && i < w->count; i++) {
        const char *key = w->keys[i];
        const json *value = w->items[i];
        double ms = value->type == JSON_NUMBER ? value->number * 1000.0 : -1.0;
        if (strcmp(key, "offerId") == 0 && json_str(value) != NULL) {
            *offer = json_str(value);
        } else if (strcmp(key, "until") == 0 && json_str(value) != NULL) {
            CHECK_MSG(strcmp(json_str(value), "review") == 0 || strcmp(json_str(value), "terminal") == 0,
                      "watch.until %s", json_str(value));
            opts.until_publisher_action = strcmp(json_str(value), "review") == 0;
        } else if (strcmp(key, "minIntervalSeconds") == 0 && ms >= 0) {
            opts.min_interval_ms = (uint64_t)ms; /* 0: the default, in C */
        } else if (strcmp(key, "maxIntervalSeconds") == 0 && ms >= 0) {
            opts.max_interval_ms = (uint64_t)ms;
        } else if (strcmp(key, "timeoutSeconds") == 0 && ms >= 0) {
            opts.timeout_ms = (uint64_t)ms;
        } else {
            CHECK_MSG(0, "watch.%s: no C mapping for this field or value", key);
        }
    }
    return opts;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- The actions. ---- */

typedef struct {
    const json *c;
    const char *id;
    const char *publisher;
    const char *offer; /* the table's offer, for "status" */
    const char *az_dir;
    const cloudpartner_emulator *emulator;
    arena strings;
} case_run;

static void action_status(case_run *run, outcome *out) {
    cloudpartner_client *client = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind =
        case_client(json_get(run->c, "client"), &run->strings, run->emulator, run->az_dir, &client, &err);
    cloudpartner_offer_status *status = NULL;
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_client_offer_status(client, run->publisher, run->offer, &status, &err);
        CHECK_MSG((kind == CLOUDPARTNER_OK) == (status != NULL), "%s", run->id);
    }
    fail_with(out, kind, err);
    cloudpartner_offer_status_free(status);
    cloudpartner_error_free(err);
    cloudpartner_client_free(client);
}

/* "watch" (one status) and "watch-close-twice" (one status, close, close, then over). */
static void action_watch(case_run *run, outcome *out, int close_twice) {
    cloudpartner_client *client = NULL;
    cloudpartner_watch *watch = NULL;
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    const char *offer = NULL;
    cloudpartner_watch_options opts = case_watch_options(json_get(run->c, "watch"), &offer);
    cloudpartner_error_kind kind =
        case_client(json_get(run->c, "client"), &run->strings, run->emulator, run->az_dir, &client, &err);
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_client_watch_start(client, run->publisher, offer, &opts, &watch, &err);
    }
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_watch_next(watch, &status, &err);
        CHECK_MSG(kind != CLOUDPARTNER_OK || status != NULL, "%s: a first status", run->id);
    }
    if (kind == CLOUDPARTNER_OK && close_twice) {
        cloudpartner_watch_close(watch);
        cloudpartner_watch_close(watch);
        cloudpartner_offer_status_free(status);
        status = NULL;
        /* Closed: it ends cleanly, no error and no more statuses. */
        kind = cloudpartner_watch_next(watch, &status, &err);
        CHECK_MSG(status == NULL, "%s: a closed watch has no more items", run->id);
        CHECK_MSG(cloudpartner_watch_is_closed(watch), "%s: closed", run->id);
    }
    fail_with(out, kind, err);
    cloudpartner_offer_status_free(status);
    cloudpartner_error_free(err);
    cloudpartner_watch_free(watch);
    cloudpartner_client_free(client);
}

/* A fetch, the emulator stopped twice, its recorded requests read after. */
static void action_emulator_stop_twice(case_run *run, outcome *out) {
    action_status(run, out);
    if (out->kind != CLOUDPARTNER_OK) return;
    cloudpartner_emulator_stop(run->emulator);
    cloudpartner_emulator_stop(run->emulator);
    size_t requests = cloudpartner_emulator_request_count(run->emulator);
    CHECK_MSG(requests == 1, "%s: %zu requests readable after stop, want 1", run->id, requests);
    char *log = cloudpartner_emulator_requests_json(run->emulator);
    json *parsed = log ? json_parse(log, strlen(log)) : NULL;
    CHECK_MSG(parsed != NULL && parsed->type == JSON_ARRAY && parsed->count == 1, "%s: %s", run->id,
              log ? log : "(null)");
    CHECK(contains(json_str(json_get(json_at(parsed, 0), "path")), "/offers/live-offer/status"));
    json_free(parsed);
    cloudpartner_string_free(log);
}

/* The emulator's own client options, a watch until it is over, within the case's time. */
static void action_emulator_client_watch(case_run *run, outcome *out, double started) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    cloudpartner_client *client = NULL;
    cloudpartner_watch *watch = NULL;
    cloudpartner_offer_status *last = NULL;
    cloudpartner_error *err = NULL;
    const char *offer = NULL;
    cloudpartner_watch_options watch_opts = case_watch_options(json_get(run->c, "watch"), &offer);
    cloudpartner_error_kind kind = cloudpartner_emulator_client_options(run->emulator, &opts);
    const json *scale = json_get(json_get(run->c, "emulator"), "timeScale");
    CHECK_MSG(scale != NULL && opts.poll_time_scale == scale->number, "%s: poll_time_scale %g", run->id,
              opts.poll_time_scale);
    if (kind == CLOUDPARTNER_OK) kind = cloudpartner_client_new(&opts, &client, &err);
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_client_watch_start(client, run->publisher, offer, &watch_opts, &watch, &err);
    }
    int statuses = 0;
    while (kind == CLOUDPARTNER_OK) {
        cloudpartner_offer_status *status = NULL;
        kind = cloudpartner_watch_next(watch, &status, &err);
        if (status == NULL) break;
        statuses++;
        cloudpartner_offer_status_free(last);
        last = status;
    }
    if (kind == CLOUDPARTNER_OK) {
        CHECK_MSG(last != NULL && (cloudpartner_offer_status_needs_publisher_action(last) ||
                                   cloudpartner_offer_status_is_terminal(last)),
                  "%s: ended at %s after %d statuses", run->id,
                  last ? cloudpartner_offer_status_raw_state(last) : "nothing", statuses);
        const json *within = json_get(json_get(run->c, "expect"), "withinSeconds");
        double elapsed = now_seconds() - started;
        CHECK_MSG(within != NULL && elapsed < within->number, "%s: %.1f s", run->id, elapsed);
        printf("  %s: %d statuses in %.1f s\n", run->id, statuses, elapsed);
    }
    fail_with(out, kind, err);
    cloudpartner_offer_status_free(last);
    cloudpartner_error_free(err);
    cloudpartner_watch_free(watch);
    cloudpartner_client_free(client);
}

/* ---- One case. ---- */

static void check_expectation(const char *id, const json *expect, const outcome *out) {
    const json *ok = json_get(expect, "ok");
    if (ok != NULL && ok->type == JSON_BOOL && ok->boolean) {
        CHECK_MSG(out->kind == CLOUDPARTNER_OK, "%s: expected success, got %s: %s", id,
                  cloudpartner_error_kind_name((int)out->kind), out->message);
        return;
    }
    const char *kind = json_str(json_get(expect, "kind"));
    CHECK_MSG(kind != NULL, "%s: the expectation has neither ok nor kind", id);
    if (kind == NULL) return;
    CHECK_MSG(strcmp(cloudpartner_error_kind_name((int)out->kind), kind) == 0, "%s: got %s (%s), want %s", id,
              cloudpartner_error_kind_name((int)out->kind), out->message, kind);
    const json *parts = json_get(expect, "messageIncludes");
    for (size_t i = 0; parts != NULL && i < parts->count; i++) {
        const char *part = json_str(parts->items[i]);
        CHECK_MSG(part != NULL && strstr(out->message, part) != NULL, "%s: no \"%s\" in \"%s\"", id,
                  part ? part : "(null)", out->message);
    }
}

static void run_case(const json *c, const json *table_offer, const char *az_dir) {
    const char *id = json_str(json_get(c, "id"));
    const char *action = json_str(json_get(c, "action"));
    CHECK(id != NULL && action != NULL);
    if (id == NULL || action == NULL) return;
    const json *scale = json_get(json_get(c, "emulator"), "timeScale");
    cloudpartner_emulator *emulator = start_emulator(NULL, scale ? scale->number : 0);
    if (emulator == NULL) return;
    double started = now_seconds();

    case_run run = {c, id, json_str(json_get(table_offer, "publisherId")),
                    json_str(json_get(table_offer, "offerId")), az_dir, emulator, {{NULL}, 0}};
    size_t saved_count = 0;
    char **saved = clear_environment(&saved_count);
    const json *env = json_get(c, "env");
    set_case_environment(env, &run.strings, emulator, az_dir);

    outcome out = {CLOUDPARTNER_ERROR_INTERNAL, "not run"};
    if (strcmp(action, "status") == 0) {
        action_status(&run, &out);
    } else if (strcmp(action, "watch") == 0) {
        action_watch(&run, &out, 0);
    } else if (strcmp(action, "watch-close-twice") == 0) {
        action_watch(&run, &out, 1);
    } else if (strcmp(action, "emulator-stop-twice") == 0) {
        action_emulator_stop_twice(&run, &out);
    } else if (strcmp(action, "emulator-client-watch") == 0) {
        action_emulator_client_watch(&run, &out, started);
    } else {
        snprintf(out.message, sizeof out.message, "unknown action %s: map it in test_surface.c", action);
    }

    restore_environment(env, saved, saved_count);
    const json *expect = json_get(c, "expectC") ? json_get(c, "expectC") : json_get(c, "expect");
    int failed_before = check_failed;
    check_expectation(id, expect, &out);
    printf("%s %s\n", check_failed == failed_before ? "ok  " : "FAIL", id);
    arena_free(&run.strings);
    cloudpartner_emulator_free(emulator);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURES_SURFACE_DIR\n", argv[0]);
        return 2;
    }
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/cases.json", argv[1]);
    size_t len = 0;
    char *text = read_file(path, &len);
    CHECK_MSG(text != NULL, "cannot read %s", path);
    json *table = text ? json_parse(text, len) : NULL;
    free(text);
    CHECK_MSG(table != NULL, "%s is not JSON", path);

    snprintf(path, sizeof path, "%s/bin", argv[1]);
    char az_dir[PATH_MAX];
    CHECK_MSG(realpath(path, az_dir) != NULL, "no %s", path);

    const json *cases = json_get(table, "cases");
    CHECK_MSG(cases != NULL && cases->type == JSON_ARRAY && cases->count >= 11, "%s",
              "the table has its cases");
    for (size_t i = 0; cases != NULL && i < cases->count; i++) {
        run_case(cases->items[i], json_get(table, "offer"), az_dir);
    }
    json_free(table);
    cloudpartner_shutdown();
    return check_summary("test_surface");
}
