/*
 * release: release a new VM image version — read the offer, add the image to a plan,
 * write the offer back with the ETag read, publish, wait for the preview, go live, wait
 * until live.
 *
 *     cc release.c $(pkg-config --cflags --libs cloudpartner) -o release
 *     ./release [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]
 *
 * With CLOUDPARTNER_TOKEN set it talks to the service (or to CLOUDPARTNER_BASE_URL), with
 * the library's credential chain; otherwise it starts the emulator in-process, 100 000
 * times faster than real time, and releases contoso/vm-release (plan standard, 2.0.0).
 * Exit status: 0 when the offer is live, 1 on an error or when the publish did not
 * succeed, 2 on bad usage.
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
        fprintf(stderr, " (request id %s)", cloudpartner_error_request_id(err));
    }
    fputc('\n', stderr);
    if (kind == CLOUDPARTNER_ERROR_CONFLICT) {
        fprintf(stderr, "release: the offer changed since it was read, or another operation "
                        "runs: read it again, or look at its running operations\n");
    }
}

/* The watch callback: one line each time the state or the current step changes. */
static int show(const cloudpartner_offer_status *status, void *user_data) {
    char *last = user_data; /* the previous line, to print only changes */
    const cloudpartner_step *step = cloudpartner_offer_status_current_step(status);
    cloudpartner_offer_state state = cloudpartner_offer_status_state(status);
    char line[256];
    snprintf(line, sizeof line, "  %s%s%s",
             state == CLOUDPARTNER_OFFER_STATE_UNKNOWN ? cloudpartner_offer_status_raw_state(status)
                                                       : cloudpartner_offer_state_name((int)state),
             step != NULL ? " " : "", step != NULL ? cloudpartner_step_name(step) : "");
    if (strcmp(line, last) != 0) {
        printf("%s\n", line);
        fflush(stdout);
        snprintf(last, 256, "%s", line);
    }
    return 0; /* non-zero would stop the watch */
}

/* Watches until the publisher's review (or until terminal); *state gets the last state. */
static cloudpartner_error_kind wait_for(const cloudpartner_client *client, const char *publisher,
                                        const char *offer, bool until_review,
                                        cloudpartner_offer_state *state, cloudpartner_error **err) {
    cloudpartner_watch_options opts = cloudpartner_watch_options_default();
    opts.until_publisher_action = until_review;
    opts.timeout_ms = 7ull * 86400 * 1000; /* give up after a week */
    char last[256] = "";
    cloudpartner_offer_status *final_status = NULL;
    cloudpartner_error_kind kind = cloudpartner_client_watch(client, publisher, offer, &opts, show,
                                                             last, &final_status, err);
    *state = cloudpartner_offer_status_state(final_status);
    cloudpartner_offer_status_free(final_status);
    return kind;
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
    cloudpartner_offer *offer = NULL, *stored = NULL;
    cloudpartner_operation_ref *operation = NULL;
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

    /* Read the draft (with its ETag), add the image to the plan. */
    if (kind == CLOUDPARTNER_OK) {
        phase = "read the offer";
        kind = cloudpartner_client_offer(client, publisher, offer_id, NULL, -1, &offer, &err);
    }
    if (kind == CLOUDPARTNER_OK) {
        phase = "add the image";
        cloudpartner_vm_image image = cloudpartner_vm_image_default();
        image.version = version;
        image.os_vhd_url = vhd;
        kind = cloudpartner_offer_set_vm_image_version(offer, plan, &image, &err);
    }
    /* Write it back: If-Match the ETag read, so that a change made meanwhile is a conflict,
     * not lost. */
    if (kind == CLOUDPARTNER_OK) {
        phase = "write the offer";
        kind = cloudpartner_client_put_offer(client, offer, NULL, 0, &stored, &err);
    }
    if (kind == CLOUDPARTNER_OK) {
        printf("%s/%s: %s %s written (offer version %lld)\n", publisher, offer_id, plan, version,
               (long long)cloudpartner_offer_version(stored));
        phase = "publish";
        kind = cloudpartner_client_publish(client, publisher, offer_id, "release@contoso.com",
                                           &operation, &err);
    }
    cloudpartner_offer_state state = CLOUDPARTNER_OFFER_STATE_UNKNOWN;
    if (kind == CLOUDPARTNER_OK) {
        printf("publishing: %s\n", cloudpartner_operation_ref_id(operation));
        phase = "wait for the preview";
        kind = wait_for(client, publisher, offer_id, true, &state, &err);
    }
    if (kind == CLOUDPARTNER_OK && state == CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW) {
        cloudpartner_operation_ref_free(operation);
        operation = NULL;
        phase = "go live";
        kind = cloudpartner_client_go_live(client, publisher, offer_id, &operation, &err);
        if (kind == CLOUDPARTNER_OK) {
            phase = "wait until live";
            kind = wait_for(client, publisher, offer_id, false, &state, &err);
        }
    }
    if (kind != CLOUDPARTNER_OK) {
        print_error(phase, kind, err);
    } else {
        printf("%s/%s: %s\n", publisher, offer_id, cloudpartner_offer_state_name((int)state));
        status = state == CLOUDPARTNER_OFFER_STATE_SUCCEEDED ? 0 : 1;
    }

    cloudpartner_error_free(err);
    cloudpartner_operation_ref_free(operation);
    cloudpartner_offer_free(stored);
    cloudpartner_offer_free(offer);
    cloudpartner_client_free(client);
    cloudpartner_emulator_free(emulator);
    cloudpartner_shutdown();
    return status;
}
