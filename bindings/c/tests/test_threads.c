/*
 * test_threads: several pthreads make blocking calls on one shared client at the same
 * time (single fetches, a batch, a watch), and every result is right.
 */
#include <pthread.h>

#include "check.h"
#include "support.h"

#define THREADS 4
#define FETCHES_PER_THREAD 6

static const struct {
    const char *offer;
    cloudpartner_offer_state state;
} OFFERS[] = {
    {"live-offer", CLOUDPARTNER_OFFER_STATE_SUCCEEDED},
    {"running-offer", CLOUDPARTNER_OFFER_STATE_RUNNING},
    {"failed-offer", CLOUDPARTNER_OFFER_STATE_FAILED},
    {"review-offer", CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW},
};
#define OFFER_COUNT (sizeof OFFERS / sizeof OFFERS[0])

typedef struct {
    const cloudpartner_client *client;
    int index;
} worker_args;

static void *worker(void *p) {
    const worker_args *args = p;
    for (int i = 0; i < FETCHES_PER_THREAD; i++) {
        size_t which = (size_t)(args->index + i) % OFFER_COUNT;
        cloudpartner_offer_status *s = fetch_expecting(args->client, "contoso", OFFERS[which].offer,
                                                       CLOUDPARTNER_OK, NULL, "threaded fetch");
        CHECK_MSG(cloudpartner_offer_status_state(s) == OFFERS[which].state, "thread %d: %s",
                  args->index, OFFERS[which].offer);
        cloudpartner_offer_status_free(s);
    }
    /* A missing offer fails in this thread only. */
    cloudpartner_offer_status_free(fetch_expecting(args->client, "contoso", "missing-offer",
                                                   CLOUDPARTNER_ERROR_NOT_FOUND, NULL,
                                                   "threaded 404"));
    const char *ids[OFFER_COUNT];
    for (size_t k = 0; k < OFFER_COUNT; k++) ids[k] = OFFERS[k].offer;
    cloudpartner_batch *batch = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_offer_statuses(args->client, "contoso", ids, OFFER_COUNT, 0,
                                                  &batch, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    for (size_t k = 0; k < cloudpartner_batch_count(batch); k++) {
        const cloudpartner_offer_status *s = NULL;
        CHECK(cloudpartner_batch_result(batch, k, &s, NULL) == CLOUDPARTNER_OK);
        CHECK(cloudpartner_offer_status_state(s) == OFFERS[k].state);
    }
    cloudpartner_batch_free(batch);
    return NULL;
}

/* A watch on the same client, at the same time as the fetches. */
static void *watcher(void *p) {
    const cloudpartner_client *client = p;
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    opts.min_interval_ms = 100;
    opts.max_interval_ms = 400;
    opts.timeout_ms = 120000;
    cloudpartner_offer_status *final_status = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_watch(client, "contoso", "vm-offer", &opts, NULL, NULL,
                                         &final_status, &err),
               CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    CHECK(cloudpartner_offer_status_state(final_status) == CLOUDPARTNER_OFFER_STATE_SUCCEEDED);
    cloudpartner_offer_status_free(final_status);
    return NULL;
}

int main(void) {
    cloudpartner_emulator *emulator = start_emulator(NULL, VM_OFFER_PUBLISH_SECONDS / 3.0);
    cloudpartner_client *client = client_for(emulator, -1, 0, 0);
    if (emulator != NULL && client != NULL) {
        pthread_t threads[THREADS], watch_thread;
        worker_args args[THREADS];
        CHECK(pthread_create(&watch_thread, NULL, watcher, client) == 0);
        for (int i = 0; i < THREADS; i++) {
            args[i].client = client;
            args[i].index = i;
            CHECK(pthread_create(&threads[i], NULL, worker, &args[i]) == 0);
        }
        for (int i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(pthread_join(watch_thread, NULL) == 0);
    }
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return check_summary("test_threads");
}
