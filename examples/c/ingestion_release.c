/*
 * ingestion_release: release a new VM image version through the Product Ingestion API
 * with cloudpartner_ingestion_client_release() — the library resolves the product, adds
 * the version to the plan's technical configuration (one image per SKU), configures it
 * and waits for the job, publishes to preview, waits for certification, goes live and
 * waits until live; this program prints each phase and each change of the product's
 * stage.
 *
 *     cc ingestion_release.c $(pkg-config --cflags --libs cloudpartner) -o ingestion_release
 *     ./ingestion_release [OFFER PLAN VERSION OS_DISK_URL]
 *
 * With CLOUDPARTNER_TOKEN set it talks to the service (or to CLOUDPARTNER_INGESTION_URL),
 * with the library's credential chain; otherwise it starts the emulator in-process, a
 * million times faster than real time, and releases vm-release (plan standard, 2.0.0).
 * Exit status: 0 when the version is live, 1 on an error or when a job failed (a failed
 * certification prints its nested errors), 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cloudpartner.h>

/* An error of a job and its details, indented two spaces a level. */
static void print_job_error(const struct cloudpartner_job_error *error, int depth) {
    const char *resource = cloudpartner_job_error_resource_id(error);
    fprintf(stderr, "%*s%s: %s%s%s%s\n", 2 + depth * 2, "", cloudpartner_job_error_code(error),
            cloudpartner_job_error_message(error), resource ? " (" : "", resource ? resource : "",
            resource ? ")" : "");
    for (size_t i = 0; i < cloudpartner_job_error_detail_count(error); i++) {
        print_job_error(cloudpartner_job_error_detail(error, i), depth + 1);
    }
}

/* The progress callback: one line per phase finished, and each change of the stage while
 * a phase waits. */
static int show(const cloudpartner_ingestion_release_event *event, void *user_data) {
    int *last_stage = user_data;
    switch (cloudpartner_ingestion_release_event_kind(event)) {
    case CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED:
        printf("%-8s %s\n", cloudpartner_ingestion_release_event_phase_name(event),
               cloudpartner_ingestion_release_event_summary(event));
        break;
    case CLOUDPARTNER_RELEASE_EVENT_STATUS: {
        const cloudpartner_product_status *status = cloudpartner_ingestion_release_event_status(event);
        int stage = (int)cloudpartner_product_status_stage(status);
        if (stage != *last_stage) {
            printf("%-8s   %s\n", cloudpartner_ingestion_release_event_phase_name(event),
                   cloudpartner_product_stage_name(stage));
            *last_stage = stage;
        }
        break;
    }
    default:
        break;
    }
    fflush(stdout);
    return 0; /* non-zero would stop the release (CLOUDPARTNER_ERROR_CANCELED) */
}

int main(int argc, char **argv) {
    if (argc != 1 && argc != 5) {
        fprintf(stderr, "usage: %s [OFFER PLAN VERSION OS_DISK_URL]\n", argv[0]);
        return 2;
    }
    const char *offer_id = argc == 5 ? argv[1] : "vm-release";
    const char *plan = argc == 5 ? argv[2] : "standard";
    const char *version = argc == 5 ? argv[3] : "2.0.0";
    const char *disk = argc == 5 ? argv[4] : "https://example.blob.core.windows.net/vhds/os.vhd?sig=s3cr3t";

    cloudpartner_emulator *emulator = NULL;
    cloudpartner_ingestion_client *client = NULL;
    cloudpartner_ingestion_release_result *result = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind = CLOUDPARTNER_OK;
    const char *phase = "client";
    int status = 1;

    cloudpartner_client_options opts = cloudpartner_client_options_default();
    if (getenv("CLOUDPARTNER_TOKEN") == NULL) {
        phase = "emulator";
        kind = cloudpartner_emulator_start_scaled(NULL, 1000000, &emulator, &err);
        /* Its URLs (ingestion_base_url too) and token, and polls on its clock. */
        if (kind == CLOUDPARTNER_OK) kind = cloudpartner_emulator_client_options(emulator, &opts);
    }
    if (kind == CLOUDPARTNER_OK) kind = cloudpartner_ingestion_client_new(&opts, &client, &err);

    if (kind == CLOUDPARTNER_OK) {
        phase = "release";
        cloudpartner_watch_options watch = cloudpartner_watch_options_default();
        watch.timeout_ms = 14ull * 86400 * 1000; /* give up after two weeks */
        cloudpartner_ingestion_release_request request = cloudpartner_ingestion_release_request_default();
        request.offer_id = offer_id;
        request.plan_id = plan;
        request.version = version;
        request.os_disk_uri = disk; /* every image type of the plan's SKUs */
        request.go_live = true;
        request.watch = &watch;
        int last_stage = -1;
        kind = cloudpartner_ingestion_client_release(client, &request, show, &last_stage, &result, &err);
    }
    if (kind != CLOUDPARTNER_OK) {
        fprintf(stderr, "ingestion_release: %s: %s: %s\n", phase, cloudpartner_error_kind_name((int)kind),
                cloudpartner_error_message(err));
    } else {
        cloudpartner_release_outcome outcome = cloudpartner_ingestion_release_result_outcome(result);
        printf("%s: %s", offer_id, cloudpartner_release_outcome_name((int)outcome));
        const cloudpartner_job *job = cloudpartner_ingestion_release_result_job(result);
        if (outcome == CLOUDPARTNER_RELEASE_OUTCOME_FAILED || outcome == CLOUDPARTNER_RELEASE_OUTCOME_CANCELED) {
            printf(" at %s", cloudpartner_release_phase_name(
                                 (int)cloudpartner_ingestion_release_result_failed_phase(result)));
            if (job != NULL) printf(" (job %s)", cloudpartner_job_id(job));
        }
        printf("\n");
        if (job != NULL) {
            if (cloudpartner_job_is_certification_failure(job)) fprintf(stderr, "certification failed:\n");
            for (size_t i = 0; i < cloudpartner_job_error_count(job); i++) {
                print_job_error(cloudpartner_job_error(job, i), 0);
            }
        }
        status = outcome == CLOUDPARTNER_RELEASE_OUTCOME_LIVE ? 0 : 1;
    }

    cloudpartner_error_free(err);
    cloudpartner_ingestion_release_result_free(result);
    cloudpartner_ingestion_client_free(client);
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return status;
}
