/* make soak, the C form: status requests from one client in several threads against the
 * emulator (in-process), with faults added as it goes; errors by kind, latency, peak
 * memory (getrusage).
 *
 *     cc -O2 bench/soak/soak.c $(pkg-config --cflags --libs cloudpartner) -lpthread
 *     ./a.out [REQUESTS]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cloudpartner.h>

#define THREADS 8
#define PHASES 10

static const char *const FAULTS[] = {
    "{\"kind\":\"status\",\"status\":503,\"route\":\"status\",\"times\":10}",
    "{\"kind\":\"status\",\"status\":429,\"retryAfterSeconds\":1,\"times\":3}",
    "{\"kind\":\"reset\",\"route\":\"status\",\"times\":3}",
    "{\"kind\":\"latency\",\"ms\":5,\"times\":50}",
};

static const cloudpartner_client *client;
static int per_thread;
static int errors_by_kind[64];
static double *took;
static int took_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void *worker(void *unused) {
    (void)unused;
    for (int i = 0; i < per_thread; i++) {
        double started = now_ms();
        cloudpartner_offer_status *status = NULL;
        enum cloudpartner_error_kind kind =
            cloudpartner_client_offer_status(client, "contoso", "live-offer", &status, NULL);
        cloudpartner_offer_status_free(status);
        double elapsed = now_ms() - started;
        pthread_mutex_lock(&lock);
        if (kind != CLOUDPARTNER_OK && (int)kind < 64) errors_by_kind[kind]++;
        took[took_count++] = elapsed;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double peak_mib(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

int main(int argc, char **argv) {
    int total = argc > 1 ? atoi(argv[1]) : 2000;
    per_thread = total / PHASES / THREADS;
    took = calloc((size_t)total, sizeof *took);
    cloudpartner_emulator *emulator = NULL;
    cloudpartner_client *own = NULL;
    if (cloudpartner_emulator_start(NULL, &emulator, NULL) != CLOUDPARTNER_OK) return 1;
    cloudpartner_client_options options = cloudpartner_client_options_default();
    cloudpartner_emulator_client_options(emulator, &options);
    if (cloudpartner_client_new(&options, &own, NULL) != CLOUDPARTNER_OK) return 1;
    client = own;
    double memory[2] = {0, 0};
    int counted[2] = {0, 0};
    for (int phase = 0; phase < PHASES; phase++) {
        for (size_t f = 0; f < sizeof FAULTS / sizeof FAULTS[0]; f++) {
            cloudpartner_emulator_add_fault(emulator, FAULTS[f], NULL);
        }
        pthread_t threads[THREADS];
        for (int t = 0; t < THREADS; t++) pthread_create(&threads[t], NULL, worker, NULL);
        for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
        /* The first phase warms up (connections, allocator): measure from the second. */
        if (phase == 1 || phase == PHASES - 1) {
            memory[phase == 1 ? 0 : 1] = peak_mib();
            counted[phase == 1 ? 0 : 1] = took_count;
        }
    }
    cloudpartner_client_free(own);
    cloudpartner_emulator_free(emulator);

    qsort(took, (size_t)took_count, sizeof *took, by_value);
    int unexpected = 0;
    printf("c soak: %d status requests from %d threads, errors:", took_count, THREADS);
    int any = 0;
    for (int k = 0; k < 64; k++) {
        if (!errors_by_kind[k]) continue;
        const char *name = cloudpartner_error_kind_name(k);
        printf("%s %d %s", any ? "," : "", errors_by_kind[k], name);
        any = 1;
        if (strcmp(name, "server") && strcmp(name, "throttled") && strcmp(name, "transport")) unexpected = 1;
    }
    printf("%s\n", any ? "" : " none");
    printf("  p50 %.1f ms, p99 %.1f ms\n", took[took_count / 2], took[(int)(took_count * 0.99)]);
    double growth = (memory[1] - memory[0]) / memory[0] * 100;
    printf("  peak memory %.1f MiB after %d, %.1f MiB after %d (%+.1f %%)\n", memory[0], counted[0],
           memory[1], counted[1], growth);
    free(took);
    if (unexpected || growth > 10) {
        printf("c soak: FAILED\n");
        return 1;
    }
    return 0;
}
