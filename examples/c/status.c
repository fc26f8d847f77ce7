/*
 * status: fetch one offer's publishing status and print its steps as a table.
 *
 *     cc status.c $(pkg-config --cflags --libs cloudpartner) -o status
 *     ./status PUBLISHER OFFER [BASE_URL [TOKEN]]
 *
 * BASE_URL and TOKEN default to $CLOUDPARTNER_BASE_URL and $CLOUDPARTNER_TOKEN; without a
 * token the library tries the other credentials (client secret from AZURE_* variables,
 * then the Azure CLI). Exit status: 0 on success, 1 on an error, 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>

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
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: %s PUBLISHER OFFER [BASE_URL [TOKEN]]\n", argv[0]);
        return 2;
    }
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    opts.base_url = argc > 3 ? argv[3] : getenv("CLOUDPARTNER_BASE_URL");
    opts.token = argc > 4 ? argv[4] : getenv("CLOUDPARTNER_TOKEN");

    cloudpartner_client *client = NULL;
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind = cloudpartner_client_new(&opts, &client, &err);
    if (kind == CLOUDPARTNER_OK) {
        kind = cloudpartner_client_offer_status(client, argv[1], argv[2], &status, &err);
    }
    if (kind != CLOUDPARTNER_OK) {
        fprintf(stderr, "error: %s: %s\n", cloudpartner_error_kind_name(kind),
                cloudpartner_error_message(err));
        if (cloudpartner_error_request_id(err) != NULL) {
            fprintf(stderr, "       request id %s\n", cloudpartner_error_request_id(err));
        }
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
