/*
 * test_threads: several pthreads make blocking calls on one shared client at the same
 * time (single fetches, a batch, a watch), and every result is right; then several
 * threads write one offer at once (read, add an image version, write with the ETag read,
 * again after a conflict) while others read it and one shared offer handle, and no write
 * is lost.
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

#define WRITERS 4
#define WRITES_PER_WRITER 2
#define READERS 2

typedef struct {
    const cloudpartner_client *client;
    const cloudpartner_offer *shared; /* read by every thread at once */
    int index;
    int conflicts;
} offer_args;

/* Adds versions 5.<index>.<n> to plan byol of contoso/vm-release: read, edit, write with
 * the ETag read; on a conflict (someone wrote in between), read again and redo. */
static void *writer(void *p) {
    offer_args *args = p;
    for (int n = 0; n < WRITES_PER_WRITER; n++) {
        char version[32];
        snprintf(version, sizeof version, "5.%d.%d", args->index, n);
        int written = 0;
        for (int attempt = 0; attempt < 100 && !written; attempt++) {
            cloudpartner_offer *offer = NULL, *stored = NULL;
            cloudpartner_error *err = NULL;
            CHECK_KIND(cloudpartner_client_offer(args->client, "contoso", "vm-release", NULL, -1, &offer, &err),
                       CLOUDPARTNER_OK, err);
            cloudpartner_error_free(err);
            cloudpartner_vm_image image = cloudpartner_vm_image_default();
            image.version = version;
            image.os_vhd_url = "https://contoso.blob.core.windows.net/vhds/threads.vhd?sig=x";
            CHECK_KIND(cloudpartner_offer_set_vm_image_version(offer, "byol", &image, &err), CLOUDPARTNER_OK, err);
            cloudpartner_error_free(err);
            cloudpartner_error_kind kind = cloudpartner_client_put_offer(args->client, offer, NULL, 0, &stored, &err);
            if (kind == CLOUDPARTNER_ERROR_CONFLICT) {
                args->conflicts++;
            } else {
                CHECK_KIND(kind, CLOUDPARTNER_OK, err);
                written = kind == CLOUDPARTNER_OK;
                CHECK(cloudpartner_offer_version(stored) > cloudpartner_offer_version(offer));
            }
            cloudpartner_error_free(err);
            cloudpartner_offer_free(stored);
            cloudpartner_offer_free(offer);
        }
        CHECK_MSG(written, "writer %d: %s never written", args->index, version);
    }
    return NULL;
}

/* Reads the offers, the draft, and the shared handle while the writers write. */
static void *reader(void *p) {
    offer_args *args = p;
    for (int n = 0; n < 8; n++) {
        cloudpartner_offer_list *list = NULL;
        CHECK_KIND(cloudpartner_client_offers(args->client, "contoso", &list, NULL), CLOUDPARTNER_OK, NULL);
        CHECK(cloudpartner_offer_list_count(list) >= 8);
        cloudpartner_offer_list_free(list);
        cloudpartner_offer *draft = NULL;
        CHECK_KIND(cloudpartner_client_offer(args->client, "contoso", "vm-release", NULL, -1, &draft, NULL),
                   CLOUDPARTNER_OK, NULL);
        CHECK(cloudpartner_offer_plan_count(draft) == 3 && cloudpartner_offer_etag(draft) != NULL);
        cloudpartner_offer_free(draft);
        CHECK_STR(cloudpartner_offer_plan_id(args->shared, 2), "byol");
        char *text = cloudpartner_offer_to_json(args->shared);
        CHECK(text != NULL && strstr(text, "\"vm-release\"") != NULL);
        cloudpartner_string_free(text);
        cloudpartner_vm_image_list *images = NULL;
        CHECK_KIND(cloudpartner_offer_vm_image_versions(args->shared, "standard", &images, NULL), CLOUDPARTNER_OK, NULL);
        CHECK(cloudpartner_vm_image_list_count(images) == 2);
        cloudpartner_vm_image_list_free(images);
    }
    return NULL;
}

static void test_offer_writers(const cloudpartner_client *client) {
    cloudpartner_offer *shared = NULL;
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", NULL, -1, &shared, NULL), CLOUDPARTNER_OK,
               NULL);
    pthread_t threads[WRITERS + READERS];
    offer_args args[WRITERS + READERS];
    for (int i = 0; i < WRITERS + READERS; i++) {
        args[i] = (offer_args){client, shared, i, 0};
        CHECK(pthread_create(&threads[i], NULL, i < WRITERS ? writer : reader, &args[i]) == 0);
    }
    int conflicts = 0;
    for (int i = 0; i < WRITERS + READERS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        conflicts += args[i].conflicts;
    }
    /* Every version is there: no write was lost. */
    cloudpartner_offer *draft = NULL;
    CHECK_KIND(cloudpartner_client_offer(client, "contoso", "vm-release", NULL, -1, &draft, NULL), CLOUDPARTNER_OK,
               NULL);
    cloudpartner_vm_image_list *images = NULL;
    CHECK_KIND(cloudpartner_offer_vm_image_versions(draft, "byol", &images, NULL), CLOUDPARTNER_OK, NULL);
    size_t n = cloudpartner_vm_image_list_count(images);
    CHECK_MSG(n == 1 + WRITERS * WRITES_PER_WRITER, "byol has %zu versions", n);
    for (int w = 0; w < WRITERS; w++) {
        for (int k = 0; k < WRITES_PER_WRITER; k++) {
            char version[32];
            snprintf(version, sizeof version, "5.%d.%d", w, k);
            int found = 0;
            for (size_t i = 0; i < n; i++) {
                found |= strcmp(cloudpartner_vm_image_list_get(images, i)->version, version) == 0;
            }
            CHECK_MSG(found, "version %s was lost", version);
        }
    }
    CHECK(cloudpartner_offer_version(draft) == cloudpartner_offer_version(shared) + WRITERS * WRITES_PER_WRITER);
    printf("offer writers: %d writes, %d conflicts read again and redone\n", WRITERS * WRITES_PER_WRITER, conflicts);
    cloudpartner_vm_image_list_free(images);
    cloudpartner_offer_free(draft);
    cloudpartner_offer_free(shared);
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
        test_offer_writers(client);
    }
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return check_summary("test_threads");
}
