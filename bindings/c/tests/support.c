/* support.c: emulators and clients for the C tests (see support.h). */
#include "support.h"

#include "check.h"

cloudpartner_emulator *start_emulator(const char *scenario_json, double time_scale) {
    cloudpartner_emulator *emulator = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind =
        time_scale > 0 ? cloudpartner_emulator_start_scaled(scenario_json, time_scale, &emulator, &err)
                       : cloudpartner_emulator_start(scenario_json, &emulator, &err);
    CHECK_KIND(kind, CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return emulator;
}

cloudpartner_client *client_for(const cloudpartner_emulator *emulator, int32_t max_retries,
                                uint64_t timeout_ms, uint64_t max_body_bytes) {
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    opts.base_url = cloudpartner_emulator_base_url(emulator);
    opts.token = cloudpartner_emulator_token(emulator);
    opts.max_retries = max_retries;
    opts.timeout_ms = timeout_ms;
    opts.max_body_bytes = max_body_bytes;
    cloudpartner_client *client = NULL;
    cloudpartner_error *err = NULL;
    CHECK_KIND(cloudpartner_client_new(&opts, &client, &err), CLOUDPARTNER_OK, err);
    cloudpartner_error_free(err);
    return client;
}

cloudpartner_offer_status *fetch_expecting(const cloudpartner_client *client,
                                           const char *publisher, const char *offer,
                                           cloudpartner_error_kind want, uint16_t *status_code,
                                           const char *what) {
    cloudpartner_offer_status *status = NULL;
    cloudpartner_error *err = NULL;
    cloudpartner_error_kind kind =
        cloudpartner_client_offer_status(client, publisher, offer, &status, &err);
    check_record(kind == want, __FILE__, __LINE__, what, "%s/%s: got %s, want %s (%s)", publisher,
                 offer, cloudpartner_error_kind_name((int)kind), cloudpartner_error_kind_name((int)want),
                 err ? cloudpartner_error_message(err) : "no error");
    CHECK((kind == CLOUDPARTNER_OK) == (status != NULL));
    CHECK((kind == CLOUDPARTNER_OK) == (err == NULL));
    if (status_code != NULL) *status_code = cloudpartner_error_status_code(err);
    cloudpartner_error_free(err);
    return status;
}

int contains(const char *haystack, const char *needle) {
    return haystack != NULL && strstr(haystack, needle) != NULL;
}
