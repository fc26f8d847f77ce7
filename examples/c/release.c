/*
 * release: release a new VM image version with cloudpartner_client_release() — the
 * library reads the offer, adds the image to a plan, writes the offer back with the ETag
 * read, publishes, waits for the preview, goes live and waits until live; this program
 * prints its progress.
 *
 *     cc release.c $(pkg-config --cflags --libs cloudpartner) -o release
 *     ./release [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]
 *
 * With CLOUDPARTNER_TOKEN set it talks to the service (or to CLOUDPARTNER_BASE_URL), with
 * the library's credential chain; otherwise it starts the emulator in-process, 100 000
 * times faster than real time, and releases contoso/vm-release (plan standard, 2.0.0).
 * Exit status: 0 when the offer is live, 1 on an error or when the publish failed or was
 * canceled, 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cloudpartner.h>

/* One line: the phase, the kind, the message, the HTTP status when there was one and the
 * message does not name it already, the request id when a request was made. */
static void print_error(const char *phase, cloudpartner_error_kind kind,
                        const cloudpartner_error *err) {
    const char *message = cloudpartner_error_message(err);
    fprintf(stderr, "release: %s: %s: %s", phase, cloudpartner_error_kind_name((int)kind),
            message != NULL ? message : "(no details)");
    unsigned status = cloudpartner_error_status_code(err);
    char http[16];
    snprintf(http, sizeof http, "HTTP %u", status);
    if (status != 0 && (message == NULL || strstr(message, http) == NULL)) {
        fprintf(stderr, " (%s)", http);
    }
    if (cloudpartner_error_request_id(err) != NULL) {
        fprintf(stderr, " (%s %s)",
                cloudpartner_error_request_id_is_client(err) ? "client request id" : "request id",
                cloudpartner_error_request_id(err));
    }
    fputc('\n', stderr);
    if (kind == CLOUDPARTNER_ERROR_CONFLICT) {
        fprintf(stderr, "release: the offer changed since it was read, or another operation "
                        "runs: read it again, or look at its running operations\n");
    }
}

/* The progress callback: one line per phase finished, and each time the state or the
 * current step changes while a phase waits. */
static int show(const cloudpartner_release_event *event, void *user_data) {
    char *last = user_data; /* the previous status line, to print only changes */
    switch (cloudpartner_release_event_kind(event)) {
    case CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED:
        printf("%-8s %s\n", cloudpartner_release_event_phase_name(event),
               cloudpartner_release_event_summary(event));
        break;
    case CLOUDPARTNER_RELEASE_EVENT_STATUS: {
        const cloudpartner_offer_status *status = cloudpartner_release_event_status(event);
        const cloudpartner_step *step = cloudpartner_offer_status_current_step(status);
        cloudpartner_offer_state state = cloudpartner_offer_status_state(status);
        char line[256];
        snprintf(line, sizeof line, "%-8s   %s%s%s", cloudpartner_release_event_phase_name(event),
                 state == CLOUDPARTNER_OFFER_STATE_UNKNOWN ? cloudpartner_offer_status_raw_state(status)
                                                           : cloudpartner_offer_state_name((int)state),
                 step != NULL ? " " : "", step != NULL ? cloudpartner_step_name(step) : "");
        if (strcmp(line, last) != 0) {
            printf("%s\n", line);
            snprintf(last, 256, "%s", line);
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
    if (argc != 1 && argc != 6) {
        fprintf(stderr, "usage: %s [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]\n", argv[0]);
        return 2;
    }
    const char *publisher = argc == 6 ? argv[1] : "contoso";
    const char *offer_id = argc == 6 ? argv[2] : "vm-release";
    const char *plan = argc == 6 ? argv[3] : "standard";
    const char *version = argc == 6 ? argv[4] : "2.0.0";
    const char *vhd = argc == 6 ? argv[5] : "https://example.blob.core.windows.net/vhds/os.vhd?sig=s3cr3t";

    cloudpartner_emulator *emulator = NULL;
    cloudpartner_client *client = NULL;
    cloudpartner_release_result *result = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind = CLOUDPARTNER_OK;
    const char *phase = "client";
    int status = 1;

    cloudpartner_client_options opts = cloudpartner_client_options_default();
    if (getenv("CLOUDPARTNER_TOKEN") == NULL) {
        phase = "emulator";
        kind = cloudpartner_emulator_start_scaled(NULL, 100000, &emulator, &err);
        /* Its base URL and token, and polls on its clock. */
        if (kind == CLOUDPARTNER_OK) kind = cloudpartner_emulator_client_options(emulator, &opts);
    }
    if (kind == CLOUDPARTNER_OK) kind = cloudpartner_client_new(&opts, &client, &err);

    /* The whole release, in the library: read the draft (with its ETag), add the image,
     * write it back with the ETag read (a change made meanwhile is a conflict, not lost),
     * publish, wait for the preview, go live, wait until live. */
    if (kind == CLOUDPARTNER_OK) {
        phase = "release";
        cloudpartner_watch_options watch = cloudpartner_watch_options_default();
        watch.timeout_ms = 7ull * 86400 * 1000; /* give up after a week */
        cloudpartner_release_request request = cloudpartner_release_request_default();
        request.publisher_id = publisher;
        request.offer_id = offer_id;
        request.plan_id = plan;
        request.image.version = version;
        request.image.os_vhd_url = vhd;
        request.go_live = true;
        request.notification_emails = "release@contoso.com";
        request.watch = &watch;
        char last[256] = "";
        kind = cloudpartner_client_release(client, &request, show, last, &result, &err);
    }
    if (kind != CLOUDPARTNER_OK) {
        print_error(phase, kind, err);
    } else {
        cloudpartner_release_outcome outcome = cloudpartner_release_result_outcome(result);
        printf("%s/%s: %s", publisher, offer_id, cloudpartner_release_outcome_name((int)outcome));
        if (outcome == CLOUDPARTNER_RELEASE_OUTCOME_FAILED || outcome == CLOUDPARTNER_RELEASE_OUTCOME_CANCELED) {
            printf(" at %s (operation %s)",
                   cloudpartner_release_phase_name((int)cloudpartner_release_result_failed_phase(result)),
                   cloudpartner_release_result_operation_id(result));
        }
        printf("\n");
        status = outcome == CLOUDPARTNER_RELEASE_OUTCOME_LIVE ? 0 : 1;
    }

    cloudpartner_error_free(err);
    cloudpartner_release_result_free(result);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return status;
}
