/* support.h: emulators and clients for the C tests. */
#ifndef CLOUDPARTNER_TEST_SUPPORT_H
#define CLOUDPARTNER_TEST_SUPPORT_H

#include "cloudpartner.h"

/* Simulated seconds of the default scenario's `vm-offer` publish (DEFAULT_PUBLISH_SECONDS). */
#define VM_OFFER_PUBLISH_SECONDS 335400.0

/* Starts an emulator (scenario NULL: the default one; time_scale <= 0: the scenario's);
 * a failure is a failed check and gives NULL. */
cloudpartner_emulator *start_emulator(const char *scenario_json, double time_scale);

/* A client of `emulator` with its token; timeout_ms / max_body_bytes 0 and
 * max_retries -1 mean the defaults. NULL (a failed check) when it cannot be built. */
cloudpartner_client *client_for(const cloudpartner_emulator *emulator, int32_t max_retries,
                                uint64_t timeout_ms, uint64_t max_body_bytes);

/* Fetches publisher/offer and checks the result's kind; returns the status when OK (the
 * caller frees it) and frees everything else. `*status_code` gets the error's HTTP status. */
cloudpartner_offer_status *fetch_expecting(const cloudpartner_client *client,
                                           const char *publisher, const char *offer,
                                           cloudpartner_error_kind want, uint16_t *status_code,
                                           const char *what);

/* Does `haystack` contain `needle`? (NULL haystack: no.) */
int contains(const char *haystack, const char *needle);

#endif
