/*
 * status: fetch one offer's publishing status and print its steps as a table.
 *
 *     cc status.c $(pkg-config --cflags --libs cloudpartner) -o status
 *     ./status PUBLISHER OFFER
 *
 * The library reads the base URL from $CLOUDPARTNER_BASE_URL (else the service) and finds
 * the credential itself: $CLOUDPARTNER_TOKEN, a client secret from the AZURE_* variables,
 * then the Azure CLI. Exit status: 0 on success, 1 on an error, 2 on bad usage.
 */
#include <stdio.h>
#include <string.h>

#include <cloudpartner.h>

/* "1.5 h", "2.0 d": a duration in seconds, for people. */
static void format_duration(char *out, size_t size, double seconds) {
    if (seconds < 3600) {
        snprintf(out, size, "%.0f min", seconds / 60);
    } else if (seconds < 86400) {
        snprintf(out, size, "%.1f h", seconds / 3600);
    } else {
        snprintf(out, size, "%.1f d", seconds / 86400);
    }
}

/* One line: the kind, the message, the HTTP status when there was one and the message does
 * not name it already, the request id when a request was made. */
static void print_error(cloudpartner_error_kind kind, const cloudpartner_error *err) {
    const char *message = cloudpartner_error_message(err);
    fprintf(stderr, "error: %s: %s", cloudpartner_error_kind_name((int)kind),
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
}

static void print_steps(const cloudpartner_offer_status *status) {
    const cloudpartner_step *current = cloudpartner_offer_status_current_step(status);
    printf("  %-2s  %-36s %-26s %8s  %s\n", "#", "STEP", "STATE", "PROGRESS", "ESTIMATE");
    for (size_t i = 0; i < cloudpartner_offer_status_step_count(status); i++) {
        const cloudpartner_step *step = cloudpartner_offer_status_step(status, i);
        enum cloudpartner_step_state state = cloudpartner_step_state(step);
        const char *state_text = state == CLOUDPARTNER_STEP_STATE_UNKNOWN
                                     ? cloudpartner_step_raw_state(step)
                                     : cloudpartner_step_state_name((int)state);
        const char *estimate = NULL;
        cloudpartner_step_time_frame(step, &estimate, NULL, NULL);
        printf("  %-2zu  %-36.36s %-26.26s %7u%%  %s%s\n", i + 1, cloudpartner_step_name(step),
               state_text, (unsigned)cloudpartner_step_progress_percentage(step),
               estimate ? estimate : "-", step == current ? "   <- current" : "");
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s PUBLISHER OFFER\n", argv[0]);
        return 2;
    }
    cloudpartner_client *client = NULL;
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    /* NULL options: every default, the base URL and the credential from the environment. */
    cloudpartner_error_kind kind = cloudpartner_client_new(NULL, &client, &err);
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_client_offer_status(client, argv[1], argv[2], &status, &err);
    }
    if (kind != CLOUDPARTNER_OK) {
        print_error(kind, err);
        cloudpartner_error_free(err);
        cloudpartner_client_free(client);
        return 1;
    }

    cloudpartner_offer_state state = cloudpartner_offer_status_state(status);
    printf("%s/%s: %s, %.0f%% done\n", argv[1], argv[2],
           state == CLOUDPARTNER_OFFER_STATE_UNKNOWN ? cloudpartner_offer_status_raw_state(status)
                                                     : cloudpartner_offer_state_name((int)state),
           cloudpartner_offer_status_progress(status) * 100);
    print_steps(status);
    double min, max;
    if (cloudpartner_offer_status_estimated_remaining(status, &min, &max)) {
        char low[32], high[32];
        format_duration(low, sizeof low, min);
        format_duration(high, sizeof high, max);
        printf("remaining: %s to %s\n", low, high);
    }
    if (cloudpartner_offer_status_needs_publisher_action(status)) {
        printf("waiting for the publisher's review\n");
    }

    cloudpartner_offer_status_free(status);
    cloudpartner_client_free(client);
    return 0;
}
