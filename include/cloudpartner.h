/*
 * cloudpartner.h — the C interface of libcloudpartner, a client for the Azure Marketplace
 * Cloud Partner Portal API (offer publishing status; offers read and written with ETags, VM
 * image versions, publish, go-live, cancel, operations, a whole release), with a local
 * emulator of the API.
 *
 *     cc app.c $(pkg-config --cflags --libs cloudpartner)
 *
 * Errors
 *   Every function that can fail returns a cloudpartner_error_kind: CLOUDPARTNER_OK (0) on
 *   success, else CLOUDPARTNER_ERROR_<KIND>. When its last argument `err` is not NULL,
 *   `*err` is set to NULL on success and to a new cloudpartner_error on failure (message,
 *   HTTP status, API code, request id): free it with cloudpartner_error_free(). `*err` is
 *   overwritten, so free a previous error first. NULL where a pointer is required, and
 *   invalid UTF-8 in an input string, give CLOUDPARTNER_ERROR_INVALID_ARGUMENT; a bug
 *   inside the library gives CLOUDPARTNER_ERROR_INTERNAL, never a crash.
 *
 * Ownership
 *   - A handle returned through an out-pointer (cloudpartner_client, cloudpartner_offer_status,
 *     cloudpartner_batch, cloudpartner_watch, cloudpartner_error, cloudpartner_emulator,
 *     cloudpartner_offer, cloudpartner_offer_list, cloudpartner_vm_image_list,
 *     cloudpartner_operation, cloudpartner_operation_list, cloudpartner_operation_ref,
 *     cloudpartner_publisher_list, cloudpartner_release_result, and a removed
 *     cloudpartner_vm_image; and of the Product Ingestion API: cloudpartner_ingestion_client,
 *     cloudpartner_product, cloudpartner_product_list, cloudpartner_resource,
 *     cloudpartner_resource_tree, cloudpartner_technical_configuration,
 *     cloudpartner_ingestion_vm_image_version, cloudpartner_job, cloudpartner_submission_list,
 *     cloudpartner_product_status, cloudpartner_ingestion_release_result, and the copies
 *     the _clone functions make) is the caller's:
 *     free it with its own _free function. Every _free accepts NULL. On failure,
 *     out-pointers are set to NULL. (cloudpartner_emulator_stop() only stops the
 *     emulator's server; cloudpartner_emulator_free() frees it, stopping it first.)
 *   - `char *` results are the caller's: free them with cloudpartner_string_free().
 *   - `const char *` results and borrowed `const` handles (cloudpartner_step,
 *     cloudpartner_message, cloudpartner_link, the statuses and errors of a batch, the
 *     items of the _list handles, an operation's detail, a release result's status and
 *     offer; a tree's resources, product and plan ids; a product's resource; a
 *     configuration's image versions; a job's errors and their details; a status's
 *     submissions; an ingestion release result's status and job) are valid while their
 *     owner lives; never free them. A release's progress event (cloudpartner_release_event,
 *     cloudpartner_ingestion_release_event), and all it lends, and the job or status a
 *     waiting callback gets, live for the callback's call only. Those an offer lends from
 *     its definition (display text, plan ids) last until a change of the definition
 *     changes them; so do those a resource lends after _set_json(). A technical
 *     configuration's image versions, and what an image version lends, last until it
 *     changes (an image helper, _add_image(), _add_data_disk()).
 *   - Accessors given NULL return NULL, 0, false or the _UNKNOWN value.
 *
 * Strings
 *   Input strings are NUL-terminated UTF-8 (documents given with a length need not end
 *   with a NUL). Output strings are UTF-8; a string from the service that contains a NUL
 *   character is cut at it (C strings cannot hold one); the JSON the library gives
 *   (the _to_json() functions, cloudpartner_offer_definition_json()) keeps it, escaped as
 *   \u0000.
 *
 * Options
 *   C has no "absent": in the option structs, NULL strings, 0 durations, sizes and scales,
 *   and -1 counts mean the default. Everything else is checked by the same rules as in
 *   every other cloudpartner interface (Rust, Python, Node, the CLI), and so is the choice
 *   of credential: see cloudpartner_client_options.
 *
 * Tables
 *   The core's lists of error kinds, states and levels are readable with
 *   cloudpartner_table_count() and cloudpartner_table_name(); the enumerators of this
 *   header cover exactly those lists.
 *
 * Threads
 *   The library owns one multi-threaded runtime, started on first use. Blocking calls
 *   (fetch, batch, watch, the publishing calls, emulator start and stop) may be made from
 *   several threads at once, on one shared client. Any handle may be read from several
 *   threads at once; a call that changes one (a non-const cloudpartner_offer *) must be
 *   the only call on it. Handles are not locked against being freed while in use:
 *   free a client only once no call on it runs. cloudpartner_shutdown() stops the runtime
 *   at the end of a program (optional; for leak checkers).
 */

#ifndef CLOUDPARTNER_H
#define CLOUDPARTNER_H


/* Generated by cbindgen from bindings/c/src (bindings/c/build.rs). Do not edit. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * The size of the buffer a token callback writes into, terminating NUL included.
 */
#define CLOUDPARTNER_TOKEN_CAPACITY 16384

/**
 * A flag of `cloudpartner_client_put_offer()`: send `If-Match: *`, overwriting whatever
 * the service holds, even when the offer has an ETag (the offer must exist).
 */
#define CLOUDPARTNER_PUT_FORCE 1

/**
 * A flag of `cloudpartner_client_put_offer()`: send `If-None-Match: *`, creating the
 * offer; `CLOUDPARTNER_ERROR_CONFLICT` when it exists.
 */
#define CLOUDPARTNER_PUT_CREATE 2

/**
 * What went wrong, in the spelling shared by every cloudpartner interface
 * (`cloudpartner_error_kind_name()` gives `"not_found"` for
 * `CLOUDPARTNER_ERROR_NOT_FOUND`). Every function that can fail returns one;
 * `CLOUDPARTNER_OK` (0) means it did not fail.
 */
enum cloudpartner_error_kind {
    /**
     * Success.
     */
    CLOUDPARTNER_OK = 0,
    /**
     * An argument was rejected before any request: NULL where a pointer is required,
     * invalid UTF-8, an empty id, a bad URL or option.
     */
    CLOUDPARTNER_ERROR_INVALID_ARGUMENT = 1,
    /**
     * HTTP 401: the token is missing, expired or wrong; or no token could be obtained.
     */
    CLOUDPARTNER_ERROR_AUTHENTICATION = 2,
    /**
     * HTTP 403: the identity is not allowed on this publisher account.
     */
    CLOUDPARTNER_ERROR_PERMISSION_DENIED = 3,
    /**
     * HTTP 404: unknown publisher or offer.
     */
    CLOUDPARTNER_ERROR_NOT_FOUND = 4,
    /**
     * HTTP 400 and other 4xx answers that are not retried.
     */
    CLOUDPARTNER_ERROR_BAD_REQUEST = 5,
    /**
     * HTTP 429, still throttled after every retry.
     */
    CLOUDPARTNER_ERROR_THROTTLED = 6,
    /**
     * HTTP 5xx, still failing after every retry.
     */
    CLOUDPARTNER_ERROR_SERVER = 7,
    /**
     * The request (or a watch) ran out of time.
     */
    CLOUDPARTNER_ERROR_TIMEOUT = 8,
    /**
     * The connection failed: refused, reset, TLS, DNS.
     */
    CLOUDPARTNER_ERROR_TRANSPORT = 9,
    /**
     * The body is not a readable offer status document.
     */
    CLOUDPARTNER_ERROR_PARSE = 10,
    /**
     * The body is larger than the configured limit.
     */
    CLOUDPARTNER_ERROR_TOO_LARGE = 11,
    /**
     * The operation was canceled by the caller (a watch callback returned non-zero).
     */
    CLOUDPARTNER_ERROR_CANCELED = 12,
    /**
     * A bug or an unexpected state inside the library (a caught panic, among others).
     */
    CLOUDPARTNER_ERROR_INTERNAL = 13,
    /**
     * HTTP 409 or 412: the offer changed since it was read, it already exists, or
     * another operation is running.
     */
    CLOUDPARTNER_ERROR_CONFLICT = 14,
};

/**
 * Where an offer stands in its publishing pipeline.
 */
enum cloudpartner_offer_state {
    /**
     * A value this version does not know (see `cloudpartner_offer_status_raw_state()`).
     */
    CLOUDPARTNER_OFFER_STATE_UNKNOWN = 0,
    /**
     * `neverPublished`: the offer was never published.
     */
    CLOUDPARTNER_OFFER_STATE_NEVER_PUBLISHED = 1,
    /**
     * `notStarted`: a publish was requested and has not started.
     */
    CLOUDPARTNER_OFFER_STATE_NOT_STARTED = 2,
    /**
     * `waitingForPublisherReview`: the offer waits for the publisher to review its preview.
     */
    CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW = 3,
    /**
     * `running`: a publish is running.
     */
    CLOUDPARTNER_OFFER_STATE_RUNNING = 4,
    /**
     * `succeeded`: the last publish succeeded.
     */
    CLOUDPARTNER_OFFER_STATE_SUCCEEDED = 5,
    /**
     * `canceled`: the last publish was canceled.
     */
    CLOUDPARTNER_OFFER_STATE_CANCELED = 6,
    /**
     * `failed`: the last publish failed.
     */
    CLOUDPARTNER_OFFER_STATE_FAILED = 7,
};

/**
 * The state of one step of a publish.
 */
enum cloudpartner_step_state {
    /**
     * A value this version does not know (see `cloudpartner_step_raw_state()`).
     */
    CLOUDPARTNER_STEP_STATE_UNKNOWN = 0,
    /**
     * `notStarted`.
     */
    CLOUDPARTNER_STEP_STATE_NOT_STARTED = 1,
    /**
     * `inProgress`.
     */
    CLOUDPARTNER_STEP_STATE_IN_PROGRESS = 2,
    /**
     * `waitingForPublisherReview`.
     */
    CLOUDPARTNER_STEP_STATE_WAITING_FOR_PUBLISHER_REVIEW = 3,
    /**
     * `waitingForApproval`: waiting for Microsoft's approval.
     */
    CLOUDPARTNER_STEP_STATE_WAITING_FOR_APPROVAL = 4,
    /**
     * `blocked`.
     */
    CLOUDPARTNER_STEP_STATE_BLOCKED = 5,
    /**
     * `rejected`: the offer fails.
     */
    CLOUDPARTNER_STEP_STATE_REJECTED = 6,
    /**
     * `complete`.
     */
    CLOUDPARTNER_STEP_STATE_COMPLETE = 7,
    /**
     * `canceled`.
     */
    CLOUDPARTNER_STEP_STATE_CANCELED = 8,
};

/**
 * The level of a message.
 */
enum cloudpartner_message_level {
    /**
     * A value this version does not know (see `cloudpartner_message_raw_level()`).
     */
    CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN = 0,
    /**
     * `information`.
     */
    CLOUDPARTNER_MESSAGE_LEVEL_INFORMATION = 1,
    /**
     * `warning`.
     */
    CLOUDPARTNER_MESSAGE_LEVEL_WARNING = 2,
    /**
     * `error`.
     */
    CLOUDPARTNER_MESSAGE_LEVEL_ERROR = 3,
};

/**
 * The state of a long-running operation of the publishing API (a publish, go-live or
 * cancel request).
 */
enum cloudpartner_operation_state {
    /**
     * A value this version does not know.
     */
    CLOUDPARTNER_OPERATION_STATE_UNKNOWN = 0,
    /**
     * `notStarted`: accepted, not started yet.
     */
    CLOUDPARTNER_OPERATION_STATE_NOT_STARTED = 1,
    /**
     * `running`.
     */
    CLOUDPARTNER_OPERATION_STATE_RUNNING = 2,
    /**
     * `completed`: it succeeded.
     */
    CLOUDPARTNER_OPERATION_STATE_COMPLETED = 3,
    /**
     * `failed`.
     */
    CLOUDPARTNER_OPERATION_STATE_FAILED = 4,
    /**
     * `canceled`.
     */
    CLOUDPARTNER_OPERATION_STATE_CANCELED = 5,
};

/**
 * What a progress event of a release reports (`cloudpartner_release_event_kind_name()`
 * gives `"phase_started"` for `CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED`).
 */
enum cloudpartner_release_event_kind {
    /**
     * A kind this version does not know (and what a NULL event gives).
     */
    CLOUDPARTNER_RELEASE_EVENT_UNKNOWN = 0,
    /**
     * `phase_started`: a phase began.
     */
    CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED = 1,
    /**
     * `phase_finished`: a phase ended; the event has a summary and JSON fields.
     */
    CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED = 2,
    /**
     * `status`: while a phase waits, the offer's status changed; the event has it.
     */
    CLOUDPARTNER_RELEASE_EVENT_STATUS = 3,
};

/**
 * The phases of a release, in the order they run (`cloudpartner_release_phase_name()`
 * gives `"go-live"` for `CLOUDPARTNER_RELEASE_PHASE_GO_LIVE`).
 */
enum cloudpartner_release_phase {
    /**
     * A phase this version does not know; also "no phase" (a result that did not fail).
     */
    CLOUDPARTNER_RELEASE_PHASE_UNKNOWN = 0,
    /**
     * `read`: read the offer's draft (with its ETag).
     */
    CLOUDPARTNER_RELEASE_PHASE_READ = 1,
    /**
     * `change`: add the image to the plan, in a copy.
     */
    CLOUDPARTNER_RELEASE_PHASE_CHANGE = 2,
    /**
     * `write`: write the offer back with the ETag read.
     */
    CLOUDPARTNER_RELEASE_PHASE_WRITE = 3,
    /**
     * `publish`: start the publish to preview.
     */
    CLOUDPARTNER_RELEASE_PHASE_PUBLISH = 4,
    /**
     * `review`: wait until the preview waits for the publisher's review.
     */
    CLOUDPARTNER_RELEASE_PHASE_REVIEW = 5,
    /**
     * `go-live`: start the go-live.
     */
    CLOUDPARTNER_RELEASE_PHASE_GO_LIVE = 6,
    /**
     * `live`: wait until live.
     */
    CLOUDPARTNER_RELEASE_PHASE_LIVE = 7,
    /**
     * `done`: the release ended.
     */
    CLOUDPARTNER_RELEASE_PHASE_DONE = 8,
};

/**
 * How a release ended (`cloudpartner_release_outcome_name()` gives `"at_review"` for
 * `CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW`).
 */
enum cloudpartner_release_outcome {
    /**
     * An outcome this version does not know (and what a NULL result gives).
     */
    CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN = 0,
    /**
     * `live`: the image is live.
     */
    CLOUDPARTNER_RELEASE_OUTCOME_LIVE = 1,
    /**
     * `at_review`: the preview waits for the publisher's review (`go_live` was false).
     */
    CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW = 2,
    /**
     * `failed`: the publish or the go-live failed at the service (a rejected step, a
     * failed certification): see the result's status and failed phase.
     */
    CLOUDPARTNER_RELEASE_OUTCOME_FAILED = 3,
    /**
     * `canceled`: the publish or the go-live was canceled at the service.
     */
    CLOUDPARTNER_RELEASE_OUTCOME_CANCELED = 4,
    /**
     * `dry_run`: nothing was sent; the result has the diff.
     */
    CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN = 5,
};

/**
 * Where a configure job is (`cloudpartner_job_status_name()` gives `"notStarted"` for
 * `CLOUDPARTNER_JOB_STATUS_NOT_STARTED`).
 */
enum cloudpartner_job_status {
    /**
     * A status this version does not know (`cloudpartner_job_status_name_of()` gives it
     * verbatim), and what a NULL job gives.
     */
    CLOUDPARTNER_JOB_STATUS_UNKNOWN = 0,
    /**
     * `notStarted`: accepted, not started.
     */
    CLOUDPARTNER_JOB_STATUS_NOT_STARTED = 1,
    /**
     * `running`.
     */
    CLOUDPARTNER_JOB_STATUS_RUNNING = 2,
    /**
     * `completed`: see its result.
     */
    CLOUDPARTNER_JOB_STATUS_COMPLETED = 3,
};

/**
 * How a configure job ended (`cloudpartner_job_result_name()` gives `"succeeded"` for
 * `CLOUDPARTNER_JOB_RESULT_SUCCEEDED`).
 */
enum cloudpartner_job_result {
    /**
     * A result this version does not know, and what a NULL job gives.
     */
    CLOUDPARTNER_JOB_RESULT_UNKNOWN = 0,
    /**
     * `pending`: not done yet.
     */
    CLOUDPARTNER_JOB_RESULT_PENDING = 1,
    /**
     * `succeeded`: every resource was applied.
     */
    CLOUDPARTNER_JOB_RESULT_SUCCEEDED = 2,
    /**
     * `failed`: see its errors.
     */
    CLOUDPARTNER_JOB_RESULT_FAILED = 3,
    /**
     * `cancelled`: it was canceled.
     */
    CLOUDPARTNER_JOB_RESULT_CANCELLED = 4,
};

/**
 * Where a product stands, derived from its preview and live submissions
 * (`cloudpartner_product_stage_name()` gives `"waiting_for_go_live"` for
 * `CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE`).
 */
enum cloudpartner_product_stage {
    /**
     * A stage this version does not know, and what a NULL status gives.
     */
    CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN = 0,
    /**
     * `never_published`: nothing was ever published (terminal).
     */
    CLOUDPARTNER_PRODUCT_STAGE_NEVER_PUBLISHED = 1,
    /**
     * `preview_in_progress`: a publish to preview (certification) runs.
     */
    CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_IN_PROGRESS = 2,
    /**
     * `preview_failed`: the latest publish to preview failed (terminal).
     */
    CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_FAILED = 3,
    /**
     * `waiting_for_go_live`: a preview succeeded and waits for the publisher's go-live.
     */
    CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE = 4,
    /**
     * `live_in_progress`: a push to live runs.
     */
    CLOUDPARTNER_PRODUCT_STAGE_LIVE_IN_PROGRESS = 5,
    /**
     * `live_failed`: the latest push to live failed (terminal).
     */
    CLOUDPARTNER_PRODUCT_STAGE_LIVE_FAILED = 6,
    /**
     * `live`: live, nothing newer in preview (terminal).
     */
    CLOUDPARTNER_PRODUCT_STAGE_LIVE = 7,
};

/**
 * A list of names kept by the core, in its shared spellings: read it with
 * `cloudpartner_table_count()` and `cloudpartner_table_name()`. The enumerators of this
 * header (`CLOUDPARTNER_ERROR_...`, `CLOUDPARTNER_..._STATE_...`,
 * `CLOUDPARTNER_MESSAGE_LEVEL_...`, `CLOUDPARTNER_RELEASE_...`, `CLOUDPARTNER_JOB_STATUS_...`,
 * `CLOUDPARTNER_JOB_RESULT_...`, `CLOUDPARTNER_PRODUCT_STAGE_...`) cover exactly these lists (their `_name()` functions
 * give the same spellings); the library's tests check it.
 */
enum cloudpartner_table {
    /**
     * Every error kind (`"not_found"`), without `"ok"`.
     */
    CLOUDPARTNER_TABLE_ERROR_KINDS = 0,
    /**
     * Every known offer state (`"waitingForPublisherReview"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_OFFER_STATES = 1,
    /**
     * Every known step state (`"inProgress"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_STEP_STATES = 2,
    /**
     * Every known operation state (`"completed"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_OPERATION_STATES = 3,
    /**
     * Every known message level (`"warning"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_MESSAGE_LEVELS = 4,
    /**
     * Every release phase (`"go-live"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_RELEASE_PHASES = 5,
    /**
     * Every release outcome (`"at_review"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_RELEASE_OUTCOMES = 6,
    /**
     * Every kind of release progress event (`"phase_finished"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_RELEASE_EVENT_KINDS = 7,
    /**
     * Every known configure job status (`"notStarted"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_JOB_STATUSES = 8,
    /**
     * Every known configure job result (`"cancelled"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_JOB_RESULTS = 9,
    /**
     * Every product stage (`"waiting_for_go_live"`), without `"unknown"`.
     */
    CLOUDPARTNER_TABLE_PRODUCT_STAGES = 10,
};

/**
 * The results of `cloudpartner_client_offer_statuses()`: for each requested offer id, in
 * the order given, either a status or an error. Opaque; owns its statuses, errors and
 * strings. Free it with `cloudpartner_batch_free()`.
 */
struct cloudpartner_batch;

/**
 * A client of the Cloud Partner Portal API: one connection pool and one token cache.
 * Opaque; free it with `cloudpartner_client_free()`.
 *
 * Thread safety: any number of threads may make blocking calls on one client at the
 * same time; free it only once no call on it is running.
 */
struct cloudpartner_client;

/**
 * An emulator of the Cloud Partner Portal API on `127.0.0.1` (a real HTTP server on the
 * library's runtime). Opaque. `cloudpartner_emulator_stop()` stops its server (any number
 * of times); what it recorded stays readable until `cloudpartner_emulator_free()`, which
 * also stops it.
 */
struct cloudpartner_emulator;

/**
 * A detailed error: its kind, a one-line message, and where known the HTTP status, the
 * API's error code, the request id and (for parse errors) the line and column.
 * Opaque; free it with `cloudpartner_error_free()`.
 */
struct cloudpartner_error;

/**
 * A client of the Product Ingestion API (`https://graph.microsoft.com/rp/product-ingestion`,
 * a Microsoft Graph token): one connection pool and one token cache. Opaque; free it
 * with `cloudpartner_ingestion_client_free()`.
 *
 * A `product` argument of its functions is an offer id (the product's external id) or a
 * durable id `product/<guid>` (`cloudpartner_product_id()`).
 *
 * Thread safety: any number of threads may make blocking calls on one client at the same
 * time; free it only once no call on it is running.
 */
struct cloudpartner_ingestion_client;

/**
 * A progress event of `cloudpartner_ingestion_client_release()`, borrowed by the callback
 * for the call only: read it with `cloudpartner_ingestion_release_event_kind()`,
 * `_phase()`, `_phase_name()`, `_summary()`, `_fields_json()` and `_status()`. Opaque.
 */
struct cloudpartner_ingestion_release_event;

/**
 * How a Product Ingestion release ended (other than with an error). Opaque; owns what
 * it lends. Free it with `cloudpartner_ingestion_release_result_free()`.
 */
struct cloudpartner_ingestion_release_result;

/**
 * A VM image version (DESIGN §10; not the CPP `cloudpartner_vm_image`). Opaque: one
 * built with `cloudpartner_ingestion_vm_image_version_new()` is the caller's (free it
 * with `cloudpartner_ingestion_vm_image_version_free()`); one a technical configuration
 * lends is valid until that configuration changes or is freed.
 *
 * The strings it lends are valid until it changes (`_add_image()`, `_add_data_disk()`)
 * or is freed.
 */
struct cloudpartner_ingestion_vm_image_version;

/**
 * A configure job (`POST configure`, `GET configure/<id>/status`). A job that completed
 * `failed` is a result, not an error: read its errors. Opaque; free it with
 * `cloudpartner_job_free()` (unless borrowed: a release result's, a callback's).
 */
struct cloudpartner_job;

/**
 * An error of a job: code, message, the resource it names, nested details. Borrowed from
 * its job (or its parent error); never freed on its own.
 */
struct cloudpartner_job_error;

/**
 * A link to a preview or to the live offer. Borrowed: valid while the
 * `cloudpartner_offer_status` it came from lives; never freed by itself.
 */
struct cloudpartner_link;

/**
 * A message from the pipeline: HTML, plain text, level and time. Borrowed: valid while
 * the `cloudpartner_offer_status` it came from lives; never freed by itself.
 */
struct cloudpartner_message;

/**
 * An offer document (`GET /api/publishers/{p}/offers/{o}`): the whole document as the
 * service sent it — every field, known or not, in document order — and the ETag it came
 * with. Opaque; free it with `cloudpartner_offer_free()`.
 *
 * Edit it with `cloudpartner_offer_set_definition_json()` and the image helpers
 * (`cloudpartner_offer_set_vm_image_version()`, ...); `cloudpartner_client_put_offer()`
 * sends it as it is then, every other field as it was read.
 *
 * Threads: any number of threads may read one offer at once; a call that changes it
 * (those taking a non-const `cloudpartner_offer *`) must be the only call on it.
 */
struct cloudpartner_offer;

/**
 * A list of offers (`cloudpartner_client_offers()`, `cloudpartner_parse_offers()`).
 * Opaque; owns its offers. Free it with `cloudpartner_offer_list_free()`.
 */
struct cloudpartner_offer_list;

/**
 * Where an offer stands in its publishing pipeline: the body of
 * `GET /api/publishers/{publisherId}/offers/{offerId}/status`. Opaque; owns its steps,
 * messages, links and strings. Free it with `cloudpartner_offer_status_free()`.
 */
struct cloudpartner_offer_status;

/**
 * An operation on an offer: what it is, where it stands, when it ran, and (when the
 * service sent them) its steps and messages. Opaque; free it with
 * `cloudpartner_operation_free()`.
 */
struct cloudpartner_operation;

/**
 * A list of operations (`cloudpartner_client_operations()`,
 * `cloudpartner_parse_operations()`). Opaque; owns its operations. Free it with
 * `cloudpartner_operation_list_free()`.
 */
struct cloudpartner_operation_list;

/**
 * The operation a publish, go-live or cancel started: its absolute URL (for
 * `cloudpartner_client_operation_at()`) and its id (for `cloudpartner_client_operation()`).
 * Opaque; free it with `cloudpartner_operation_ref_free()`.
 */
struct cloudpartner_operation_ref;

/**
 * A product (`type` `product`): its resource and its typed fields. Opaque; free it with
 * `cloudpartner_product_free()` (unless borrowed from a list or a tree).
 */
struct cloudpartner_product;

/**
 * A list of products (`cloudpartner_ingestion_client_products()`,
 * `cloudpartner_parse_product_page()`). Opaque; owns its products. Free it with
 * `cloudpartner_product_list_free()`.
 */
struct cloudpartner_product_list;

/**
 * Where a product stands: its latest preview and live submissions and the stage derived
 * from them. Opaque; free it with `cloudpartner_product_status_free()` (unless borrowed:
 * a callback's, a release result's).
 */
struct cloudpartner_product_status;

/**
 * A publisher account. Borrowed: valid while the `cloudpartner_publisher_list` it came
 * from lives; never freed by itself.
 */
struct cloudpartner_publisher;

/**
 * The publisher accounts of `cloudpartner_client_publishers()`. Opaque; free it with
 * `cloudpartner_publisher_list_free()`.
 */
struct cloudpartner_publisher_list;

/**
 * A progress event of `cloudpartner_client_release()`, borrowed by the callback for the
 * call only: read it with `cloudpartner_release_event_kind()`, `_phase()`,
 * `_phase_name()`, `_summary()`, `_fields_json()` and `_status()`. Opaque.
 */
struct cloudpartner_release_event;

/**
 * How a release ended (other than with an error): its outcome, the last status, the
 * diff of a dry run, the phase and operation that failed. Opaque; owns what its
 * accessors lend. Free it with `cloudpartner_release_result_free()`.
 */
struct cloudpartner_release_result;

/**
 * A resource of the Product Ingestion API (a product, a plan, a technical configuration,
 * a submission, ...): the whole JSON document, every field known or not, in document
 * order, numbers exact. Opaque; free it with `cloudpartner_resource_free()` (unless it
 * is borrowed: a tree's or a product's). Read it with `cloudpartner_resource_json()`;
 * change it with `cloudpartner_resource_set_json()`; send it with
 * `cloudpartner_ingestion_client_configure()`.
 *
 * Threads: any number of threads may read one resource at once; `_set_json()` must be
 * the only call on it.
 */
struct cloudpartner_resource;

/**
 * A product's resource tree for one target (draft, preview or live): every resource, in
 * the service's order, kept losslessly. A draft tree read through a client knows which
 * versions preview and live hold (so that removing a published version is refused before
 * anything is sent). Opaque; owns what it lends. Free it with
 * `cloudpartner_resource_tree_free()`.
 */
struct cloudpartner_resource_tree;

/**
 * One step of the publishing pipeline (`Certification`, `Provisioning`, ...). Borrowed:
 * valid while the `cloudpartner_offer_status` it came from lives; never freed by itself.
 */
struct cloudpartner_step;

/**
 * A submission: the draft entry (`submission/<guid>/0`), or a publish to preview or live
 * with its status and result. Borrowed from its list or status; never freed on its own.
 */
struct cloudpartner_submission;

/**
 * A product's submissions (`cloudpartner_ingestion_client_submissions()`,
 * `cloudpartner_parse_submissions()`). Opaque; free it with
 * `cloudpartner_submission_list_free()`.
 */
struct cloudpartner_submission_list;

/**
 * A plan's VM technical configuration (a resource), with the image helpers. The image
 * version list is **full-state**: what is sent replaces what the service holds. Opaque;
 * free it with `cloudpartner_technical_configuration_free()`.
 *
 * What it lends (plan id, image types, versions) is valid until a helper changes it, or
 * it is freed.
 */
struct cloudpartner_technical_configuration;

/**
 * The image versions of one plan (`cloudpartner_offer_vm_image_versions()`), sorted by
 * version. Opaque; owns its images. Free it with `cloudpartner_vm_image_list_free()`.
 */
struct cloudpartner_vm_image_list;

/**
 * A running watch of one offer (see `cloudpartner_client_watch_start()`): pull each new
 * status with `cloudpartner_watch_next()`, end it early with `cloudpartner_watch_close()`,
 * free it with `cloudpartner_watch_free()`. Opaque.
 *
 * Thread safety: `cloudpartner_watch_close()` may be called from any thread at any time,
 * also while another thread is blocked in `cloudpartner_watch_next()` (which then
 * returns at once). Free it only once no call on it is running.
 */
struct cloudpartner_watch;

/**
 * A data disk of an image version (`{lun, lunVhdUrl}` on the wire).
 */
struct cloudpartner_data_disk {
    /**
     * The logical unit number (`lun`).
     */
    uint32_t lun;
    /**
     * The disk's VHD (`lunVhdUrl`): an https URL, usually with a SAS token. Required.
     */
    const char *vhd_url;
};

/**
 * One version of a VM image of a plan: the OS disk, the data disks and how the version is
 * shown. Fill one from `cloudpartner_vm_image_default()` to give to
 * `cloudpartner_offer_set_vm_image_version()` (the strings are only read during the call;
 * NULL strings are empty, except `version` and `os_vhd_url`, which are required). The
 * library hands out images in a `cloudpartner_vm_image_list`, or alone from
 * `cloudpartner_offer_remove_vm_image_version()`; their strings and disks belong to it.
 * New fields are only ever appended, and `_default()` fills every one.
 *
 * SAS signatures (`sig=`) in the URLs are secrets: the library never shows them in its
 * error messages, and sends them as they are.
 */
struct cloudpartner_vm_image {
    /**
     * The version: dot-separated integers (`"1.0.0"`, `"2026.12.01"`); its key in the plan.
     */
    const char *version;
    /**
     * The OS disk's VHD (`osVhdUrl`): an https URL, usually with a SAS token.
     */
    const char *os_vhd_url;
    /**
     * The label (`label`); NULL: empty.
     */
    const char *label;
    /**
     * The media name (`mediaName`); NULL: empty.
     */
    const char *media_name;
    /**
     * The description (`description`); NULL: empty.
     */
    const char *description;
    /**
     * When it was published (`publishedDate`), `MM/DD/YYYY`; NULL or empty: an existing
     * entry keeps its date, a new one gets today's (UTC).
     */
    const char *published_date;
    /**
     * Whether new deployments see the version (`showInGui`); false is a deprecated
     * version. Default true.
     */
    bool show_in_gui;
    /**
     * The data disks (`lunVhdDetails`): `data_disk_count` of them; NULL when there are
     * none.
     */
    const struct cloudpartner_data_disk *data_disks;
    /**
     * How many data disks `data_disks` points to.
     */
    size_t data_disk_count;
};

/**
 * Supplies an access token for `https://cloudpartner.azure.com`.
 *
 * The callback writes the token, NUL-terminated, into `token` (room for `capacity`
 * bytes, `CLOUDPARTNER_TOKEN_CAPACITY`) and its expiry in `*expires_on_unix_seconds`
 * (seconds since 1970; leave 0 for a token with no known expiry, which is then used
 * as long as the client lives), and returns 0. Any other return value fails the request
 * with `CLOUDPARTNER_ERROR_AUTHENTICATION`.
 *
 * The library caches the token and calls again five minutes before it expires, or after
 * the service refused it. Calls come from the library's own threads, one at a time for
 * a given client; `user_data` is passed as given and must stay valid while the client
 * lives.
 */
typedef int32_t (*cloudpartner_token_callback)(void *user_data,
                                               char *token,
                                               size_t capacity,
                                               int64_t *expires_on_unix_seconds);

/**
 * How to build a client. Start from `cloudpartner_client_options_default()` (or
 * `cloudpartner_emulator_client_options()`) and set what you need; C has no "absent", so
 * NULL strings, 0 durations, sizes and scales, and -1 retries mean the default. The
 * strings are only read during `cloudpartner_client_new()`. New fields are only ever
 * appended, and the `_default()` function fills every one.
 *
 * Credentials, the chain shared by every cloudpartner interface: `token`; else
 * `token_callback`, or `tenant_id` + `client_id` + `client_secret` (a client-secret
 * credential against `authority_host`); else the environment (`CLOUDPARTNER_TOKEN` or
 * `AZURE_TOKEN`; else `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`, with
 * `AZURE_AUTHORITY_HOST`); else the Azure CLI when `az` is on `PATH` (`az account
 * get-access-token`); else `cloudpartner_client_new()` fails with
 * `CLOUDPARTNER_ERROR_AUTHENTICATION`, its message listing these. A blank `token`, a
 * `token` with a `token_callback` or a client secret, a `token_callback` with a client
 * secret, or only some of `tenant_id`, `client_id`, `client_secret` (or `authority_host`
 * without them) are `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
 */
struct cloudpartner_client_options {
    /**
     * The API's base URL; NULL: `CLOUDPARTNER_BASE_URL` from the environment, else
     * `https://cloudpartner.azure.com`. Plain `http://` only to loopback hosts unless
     * `allow_http`.
     */
    const char *base_url;
    /**
     * The `api-version` sent; NULL: `2017-10-31`.
     */
    const char *api_version;
    /**
     * A bearer token obtained elsewhere; NULL: see the credential order above. Blank
     * (empty or only spaces): `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
     */
    const char *token;
    /**
     * The Microsoft Entra tenant, for a client-secret credential; NULL: none.
     */
    const char *tenant_id;
    /**
     * The application (client) id, for a client-secret credential; NULL: none.
     */
    const char *client_id;
    /**
     * The client secret, for a client-secret credential; NULL: none.
     */
    const char *client_secret;
    /**
     * The Entra authority host; NULL: `https://login.microsoftonline.com`.
     */
    const char *authority_host;
    /**
     * The whole-request timeout in milliseconds, body included; 0: 30000.
     */
    uint64_t timeout_ms;
    /**
     * The connect timeout in milliseconds; 0: 10000.
     */
    uint64_t connect_timeout_ms;
    /**
     * Retries after the first attempt on transient failures; -1: 4.
     */
    int32_t max_retries;
    /**
     * The largest response body accepted, in bytes (`CLOUDPARTNER_ERROR_TOO_LARGE`
     * beyond); 0: 8 MiB.
     */
    uint64_t max_body_bytes;
    /**
     * Allow plain `http://` to hosts that are not loopback; default false.
     */
    bool allow_http;
    /**
     * Your own source of tokens (see `cloudpartner_token_callback`); NULL: none.
     */
    cloudpartner_token_callback token_callback;
    /**
     * Passed as is to `token_callback`; must stay valid while the client lives.
     */
    void *token_callback_user_data;
    /**
     * Simulated seconds per real second of the server watched (an emulator playing a
     * publish faster): a watch divides its adaptive interval and its default bounds by
     * it. 0: 1 (the service); a negative or non-finite value:
     * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`. `cloudpartner_emulator_client_options()`
     * sets the emulator's time scale.
     */
    double poll_time_scale;
    /**
     * The Product Ingestion API's base URL (for `cloudpartner_ingestion_client_new()`);
     * NULL: `CLOUDPARTNER_INGESTION_URL` from the environment, else
     * `https://graph.microsoft.com/rp/product-ingestion`. The same `http://` rule as
     * `base_url`.
     */
    const char *ingestion_base_url;
    /**
     * The Product Ingestion API's `$version`; NULL: `2022-07-01`.
     */
    const char *ingestion_version;
};

/**
 * How `cloudpartner_client_watch()` polls. Start from
 * `cloudpartner_watch_options_default()`; 0 means the default.
 */
struct cloudpartner_watch_options {
    /**
     * Also stop when the offer or a step waits for the publisher's review; default false
     * (stop only when the offer succeeded, failed or was canceled).
     */
    bool until_publisher_action;
    /**
     * The shortest wait between polls, in milliseconds; 0: 5000 divided by the client's
     * `poll_time_scale` (at least 50).
     */
    uint64_t min_interval_ms;
    /**
     * The longest wait between polls, in milliseconds; 0: 300000 divided by the client's
     * `poll_time_scale` (at least 50). Below `min_interval_ms`:
     * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`.
     */
    uint64_t max_interval_ms;
    /**
     * Give up after this many milliseconds (`CLOUDPARTNER_ERROR_TIMEOUT`, after one last
     * poll at the deadline); 0: never.
     */
    uint64_t timeout_ms;
};

/**
 * Called by `cloudpartner_client_watch()` with each status that differs from the last
 * one, and the `user_data` given to it. `status` is borrowed for the call only (copy it
 * with `cloudpartner_offer_status_clone()` to keep it). Return 0 to go on, non-zero to
 * stop the watch. It runs on the thread that called `cloudpartner_client_watch()` and may
 * call any function of this library.
 */
typedef int (*cloudpartner_watch_callback)(const struct cloudpartner_offer_status *status,
                                           void *user_data);

/**
 * What `cloudpartner_client_release()` releases. Start from
 * `cloudpartner_release_request_default()` and set at least the three ids and the
 * image's `version` and `os_vhd_url`. The strings are only read during the call. New
 * fields are only ever appended, and `_default()` fills every one.
 */
struct cloudpartner_release_request {
    /**
     * The publisher. Required.
     */
    const char *publisher_id;
    /**
     * The offer. Required.
     */
    const char *offer_id;
    /**
     * The plan (or disk generation) that gets the image. Required.
     */
    const char *plan_id;
    /**
     * The image version to add (or replace), as for
     * `cloudpartner_offer_set_vm_image_version()`.
     */
    struct cloudpartner_vm_image image;
    /**
     * Go live after the review; false: stop when the preview waits for the review.
     */
    bool go_live;
    /**
     * Read and change the offer, send nothing, and give the change as a diff.
     */
    bool dry_run;
    /**
     * Who the service notifies about the publish: comma-separated emails; NULL: none.
     */
    const char *notification_emails;
    /**
     * How the waits poll (NULL: the defaults); `timeout_ms` bounds the whole release
     * (`CLOUDPARTNER_ERROR_TIMEOUT`); `until_publisher_action` is ignored.
     */
    const struct cloudpartner_watch_options *watch;
};

/**
 * Called by `cloudpartner_client_release()` with each progress event, in order, and its
 * `user_data`. `event` (and everything read from it) is borrowed for the call only.
 * Return 0 to go on, non-zero to stop the release (the call then returns
 * `CLOUDPARTNER_ERROR_CANCELED`). It runs on the thread that called
 * `cloudpartner_client_release()` and may call any function of this library.
 */
typedef int (*cloudpartner_progress_fn)(const struct cloudpartner_release_event *event,
                                        void *user_data);

/**
 * Called by `cloudpartner_ingestion_client_wait_for_job()` with each change of the job,
 * and its `user_data`; `job` is borrowed for the call only (`cloudpartner_job_clone()`
 * keeps it). Return 0 to go on, non-zero to stop waiting. It runs on the calling thread
 * and may call any function of this library.
 */
typedef int (*cloudpartner_job_fn)(const struct cloudpartner_job *job, void *user_data);

/**
 * Called by `cloudpartner_ingestion_client_watch()` with each change of the product's
 * status, and its `user_data`; `status` is borrowed for the call only
 * (`cloudpartner_product_status_clone()` keeps it). Return 0 to go on, non-zero to stop.
 * It runs on the calling thread and may call any function of this library.
 */
typedef int (*cloudpartner_product_status_fn)(const struct cloudpartner_product_status *status,
                                              void *user_data);

/**
 * A data disk of a release: its LUN (0..15) and the URL of its VHD.
 */
struct cloudpartner_ingestion_data_disk {
    /**
     * The LUN, 0..15.
     */
    uint32_t lun;
    /**
     * The VHD's URL (https, SAS query included). Required.
     */
    const char *uri;
};

/**
 * What `cloudpartner_ingestion_client_release()` releases. Start from
 * `cloudpartner_ingestion_release_request_default()` and set at least `offer_id`,
 * `plan_id`, `version` and `os_disk_uri`. The strings are only read during the call.
 * New fields are only ever appended, and `_default()` fills every one.
 */
struct cloudpartner_ingestion_release_request {
    /**
     * The offer id (or the durable id `product/<guid>`). Required.
     */
    const char *offer_id;
    /**
     * The plan id. Required.
     */
    const char *plan_id;
    /**
     * The version, `"N.N.N"`. Required.
     */
    const char *version;
    /**
     * The OS disk's URL, for every image type of the plan's SKUs. Required.
     */
    const char *os_disk_uri;
    /**
     * Another OS disk URL for the `x64Gen2` SKU, when it differs; NULL: `os_disk_uri`.
     */
    const char *gen2_os_disk_uri;
    /**
     * `data_disk_count` data disks, the same for every image; NULL when there are none.
     */
    const struct cloudpartner_ingestion_data_disk *data_disks;
    /**
     * How many data disks `data_disks` points to.
     */
    size_t data_disk_count;
    /**
     * Go live after the preview succeeded; false: stop when it waits for go-live.
     */
    bool go_live;
    /**
     * Read and change the draft, send nothing, and give the change as a diff.
     */
    bool dry_run;
    /**
     * How the waits poll (NULL: the defaults); `timeout_ms` bounds the whole release
     * (`CLOUDPARTNER_ERROR_TIMEOUT`); `until_publisher_action` is ignored.
     */
    const struct cloudpartner_watch_options *watch;
};

/**
 * Called by `cloudpartner_ingestion_client_release()` with each progress event, in
 * order, and its `user_data`. `event` (and all it lends) is borrowed for the call only.
 * Return 0 to go on, non-zero to stop the release right there (the call then returns
 * `CLOUDPARTNER_ERROR_CANCELED`). It runs on the calling thread's behalf and may call any
 * function of this library.
 */
typedef int (*cloudpartner_ingestion_progress_fn)(const struct cloudpartner_ingestion_release_event *event,
                                                  void *user_data);

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * The shared spelling of an error kind: `"not_found"` for `CLOUDPARTNER_ERROR_NOT_FOUND`,
 * `"ok"` for `CLOUDPARTNER_OK`, `"unknown"` for a value that is not a kind. Never NULL;
 * the string is static (do not free it).
 *
 * Takes an `int` so that any value is safe to pass.
 */
const char *cloudpartner_error_kind_name(int kind);

/**
 * The kind of `err`; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `err` is NULL.
 */
enum cloudpartner_error_kind cloudpartner_error_get_kind(const struct cloudpartner_error *err);

/**
 * The error's one-line message, without the kind (`"HTTP 404 NotFound: ..."`), with the
 * HTTP status and the API's code and message when known; never contains the token.
 * Valid while `err` lives; NULL only when `err` is NULL.
 */
const char *cloudpartner_error_message(const struct cloudpartner_error *err);

/**
 * The HTTP status of the answer that caused the error; 0 when there was none (or
 * `err` is NULL).
 */
uint16_t cloudpartner_error_status_code(const struct cloudpartner_error *err);

/**
 * The API's error code (the body's `error.code`, e.g. `"InvalidAPIVersion"`), or NULL
 * when the answer had none. Valid while `err` lives.
 */
const char *cloudpartner_error_api_code(const struct cloudpartner_error *err);

/**
 * The request id: the service's `x-ms-request-id` (or `x-ms-correlation-request-id`),
 * else the `x-ms-client-request-id` the client sent; NULL when no request was made.
 * Valid while `err` lives.
 */
const char *cloudpartner_error_request_id(const struct cloudpartner_error *err);

/**
 * True when the request id is the `x-ms-client-request-id` this client sent because no
 * service answered with an id of its own (a refused or reset connection, a timeout):
 * print it as "client request id". False for NULL.
 */
bool cloudpartner_error_request_id_is_client(const struct cloudpartner_error *err);

/**
 * For parse errors with a position: the 1-based line of the problem; else 0.
 */
size_t cloudpartner_error_line(const struct cloudpartner_error *err);

/**
 * For parse errors with a position: the 1-based column of the problem; else 0.
 */
size_t cloudpartner_error_column(const struct cloudpartner_error *err);

/**
 * Frees an error returned through an `err` argument. NULL is fine.
 */
void cloudpartner_error_free(struct cloudpartner_error *err);

/**
 * Frees a `char *` string returned by this library (such as the result of
 * `cloudpartner_offer_status_to_json()`). NULL is fine. Never pass a `const char *`
 * accessor result: those belong to their owner.
 */
void cloudpartner_string_free(char *s);

/**
 * The library version, e.g. `"0.1.0"`. Static: do not free it.
 */
const char *cloudpartner_version(void);

/**
 * The canonical spelling of an offer state (`"waitingForPublisherReview"`); `"unknown"`
 * for `CLOUDPARTNER_OFFER_STATE_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_offer_state_name(int state);

/**
 * The canonical spelling of a step state (`"inProgress"`); `"unknown"` for
 * `CLOUDPARTNER_STEP_STATE_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_step_state_name(int state);

/**
 * The canonical spelling of a message level (`"warning"`); `"unknown"` for
 * `CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_message_level_name(int level);

/**
 * The canonical spelling of an operation state (`"notStarted"`); `"unknown"` for
 * `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_operation_state_name(int state);

/**
 * How many names the core's list `table` (a `cloudpartner_table`) holds; 0 for a value
 * that is not a table.
 */
size_t cloudpartner_table_count(int table);

/**
 * Name `index` of the core's list `table` (a `cloudpartner_table`), in the core's order;
 * NULL when `index` is out of range or `table` is not a table. Static: do not free it.
 */
const char *cloudpartner_table_name(int table, size_t index);

/**
 * Parses an offer status document: the `len` bytes at `json` (UTF-8 JSON; they need not
 * end with a NUL and may contain one, which is then a parse error). Lenient: unknown
 * enum values are kept as `..._UNKNOWN` with their raw spelling, unknown fields ignored.
 *
 * On success `*out` gets a new status (free it with `cloudpartner_offer_status_free()`);
 * on failure `*out` is NULL and the kind is returned: `CLOUDPARTNER_ERROR_PARSE` for
 * input that is not a status document (`cloudpartner_error_line()` / `_column()` say
 * where, when there is a position), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json`
 * or `out` is NULL. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_offer_status(const char *json,
                                                             size_t len,
                                                             struct cloudpartner_offer_status **out,
                                                             struct cloudpartner_error **err);

/**
 * Like `cloudpartner_parse_offer_status()`, but also fails (`CLOUDPARTNER_ERROR_PARSE`)
 * on enum values this version does not know, to notice API drift.
 */
enum cloudpartner_error_kind cloudpartner_parse_offer_status_strict(const char *json,
                                                                    size_t len,
                                                                    struct cloudpartner_offer_status **out,
                                                                    struct cloudpartner_error **err);

/**
 * A copy of `status` that lives on its own, e.g. to keep a status passed to a watch
 * callback. Free it with `cloudpartner_offer_status_free()`. NULL when `status` is NULL.
 */
struct cloudpartner_offer_status *cloudpartner_offer_status_clone(const struct cloudpartner_offer_status *status);

/**
 * Frees a status and everything borrowed from it (steps, messages, links, strings).
 * NULL is fine.
 */
void cloudpartner_offer_status_free(struct cloudpartner_offer_status *status);

/**
 * The offer's state; `CLOUDPARTNER_OFFER_STATE_UNKNOWN` for a state this version does not
 * know (see `cloudpartner_offer_status_raw_state()`), or when `status` is NULL.
 */
enum cloudpartner_offer_state cloudpartner_offer_status_state(const struct cloudpartner_offer_status *status);

/**
 * The state as the service spelled it (`"Succeeded"`). Valid while `status` lives; NULL
 * only when `status` is NULL.
 */
const char *cloudpartner_offer_status_raw_state(const struct cloudpartner_offer_status *status);

/**
 * The number of steps (0 when `status` is NULL).
 */
size_t cloudpartner_offer_status_step_count(const struct cloudpartner_offer_status *status);

/**
 * The step at `index` (0-based, in pipeline order): borrowed, valid while `status` lives.
 * NULL when `index` is out of range or `status` is NULL.
 */
const struct cloudpartner_step *cloudpartner_offer_status_step(const struct cloudpartner_offer_status *status,
                                                               size_t index);

/**
 * The number of messages about the offer as a whole (0 when `status` is NULL).
 */
size_t cloudpartner_offer_status_message_count(const struct cloudpartner_offer_status *status);

/**
 * The offer message at `index`: borrowed, valid while `status` lives. NULL when `index`
 * is out of range or `status` is NULL.
 */
const struct cloudpartner_message *cloudpartner_offer_status_message(const struct cloudpartner_offer_status *status,
                                                                     size_t index);

/**
 * The number of preview links (0 when `status` is NULL).
 */
size_t cloudpartner_offer_status_preview_link_count(const struct cloudpartner_offer_status *status);

/**
 * The preview link at `index`: borrowed, valid while `status` lives. NULL when `index`
 * is out of range or `status` is NULL.
 */
const struct cloudpartner_link *cloudpartner_offer_status_preview_link(const struct cloudpartner_offer_status *status,
                                                                       size_t index);

/**
 * The number of live links (0 when `status` is NULL).
 */
size_t cloudpartner_offer_status_live_link_count(const struct cloudpartner_offer_status *status);

/**
 * The live link at `index`: borrowed, valid while `status` lives. NULL when `index` is
 * out of range or `status` is NULL.
 */
const struct cloudpartner_link *cloudpartner_offer_status_live_link(const struct cloudpartner_offer_status *status,
                                                                    size_t index);

/**
 * The number of notification e-mail addresses (the wire's comma-separated
 * `notificationEmails`, split); 0 when `status` is NULL.
 */
size_t cloudpartner_offer_status_notification_email_count(const struct cloudpartner_offer_status *status);

/**
 * The notification e-mail address at `index`, valid while `status` lives. NULL when
 * `index` is out of range or `status` is NULL.
 */
const char *cloudpartner_offer_status_notification_email(const struct cloudpartner_offer_status *status,
                                                         size_t index);

/**
 * True when the offer succeeded, failed or was canceled (false when `status` is NULL).
 */
bool cloudpartner_offer_status_is_terminal(const struct cloudpartner_offer_status *status);

/**
 * True when the offer, or one of its steps, waits for the publisher's review (false when
 * `status` is NULL).
 */
bool cloudpartner_offer_status_needs_publisher_action(const struct cloudpartner_offer_status *status);

/**
 * The step holding the pipeline: the first running, waiting or blocked step; else the
 * first not-started step after the last complete one. Borrowed, valid while `status`
 * lives. NULL when the offer is terminal, when no step qualifies, or `status` is NULL.
 */
const struct cloudpartner_step *cloudpartner_offer_status_current_step(const struct cloudpartner_offer_status *status);

/**
 * How far the publish is, 0.0..1.0: 1.0 when succeeded, else the mean over steps of 1
 * for a complete step and its percentage / 100 otherwise; 0.0 without steps (or when
 * `status` is NULL).
 */
double cloudpartner_offer_status_progress(const struct cloudpartner_offer_status *status);

/**
 * How long the publish may still take, in seconds: the ranges of the steps that are not
 * complete, the current one scaled by what is left of it. Returns true and writes
 * `*min_seconds` / `*max_seconds` (each may be NULL) when there is an estimate; returns
 * false and writes nothing when the offer is terminal, no such step has a readable time
 * frame, or `status` is NULL.
 */
bool cloudpartner_offer_status_estimated_remaining(const struct cloudpartner_offer_status *status,
                                                   double *min_seconds,
                                                   double *max_seconds);

/**
 * The canonical wire JSON of the status, on one line: camelCase keys, canonical
 * spellings (`"inProgress"`), unknown values verbatim, timestamps in UTC,
 * `notificationEmails` joined with `", "`. Strings with a NUL are kept whole (escaped as
 * `\u0000`). Parsing it gives back an equal status.
 *
 * Returns a new string: free it with `cloudpartner_string_free()`. NULL when `status` is
 * NULL.
 */
char *cloudpartner_offer_status_to_json(const struct cloudpartner_offer_status *status);

/**
 * The step's identifier (`"displaycertify"`). Valid while the owner lives; NULL only
 * when `step` is NULL.
 */
const char *cloudpartner_step_id(const struct cloudpartner_step *step);

/**
 * The step's display name (the wire's `stepName`). Valid while the owner lives; NULL
 * only when `step` is NULL.
 */
const char *cloudpartner_step_name(const struct cloudpartner_step *step);

/**
 * What the step does. Valid while the owner lives; NULL only when `step` is NULL.
 */
const char *cloudpartner_step_description(const struct cloudpartner_step *step);

/**
 * The step's state; `CLOUDPARTNER_STEP_STATE_UNKNOWN` for a state this version does not
 * know (or when `step` is NULL). The enum is written `enum cloudpartner_step_state` in C,
 * since this function has its name.
 */
enum cloudpartner_step_state cloudpartner_step_state(const struct cloudpartner_step *step);

/**
 * The state as the service spelled it (`"InProgress"`). Valid while the owner lives;
 * NULL only when `step` is NULL.
 */
const char *cloudpartner_step_raw_state(const struct cloudpartner_step *step);

/**
 * How far the step is, 0..100 (0 when `step` is NULL).
 */
uint8_t cloudpartner_step_progress_percentage(const struct cloudpartner_step *step);

/**
 * The step's estimated time frame (`"~2-3 days"`).
 *
 * `*raw` gets the text as sent (valid while the owner lives), or NULL when the step has
 * none. When the text could be read as a range, `*min_seconds` and `*max_seconds` get it
 * (`"< 15 min"` gives 0 and 900) and the function returns true; otherwise they are left
 * alone and it returns false. Each of `raw`, `min_seconds`, `max_seconds` may be NULL.
 */
bool cloudpartner_step_time_frame(const struct cloudpartner_step *step,
                                  const char **raw,
                                  double *min_seconds,
                                  double *max_seconds);

/**
 * The number of messages about this step (0 when `step` is NULL).
 */
size_t cloudpartner_step_message_count(const struct cloudpartner_step *step);

/**
 * The message at `index` (0-based) about this step: borrowed, valid while the owner
 * lives. NULL when `index` is out of range or `step` is NULL.
 */
const struct cloudpartner_message *cloudpartner_step_message(const struct cloudpartner_step *step,
                                                             size_t index);

/**
 * The message as HTML (the wire's `messageHtml`). Valid while the owner lives; NULL only
 * when `message` is NULL.
 */
const char *cloudpartner_message_html(const struct cloudpartner_message *message);

/**
 * The message as plain text: tags stripped, entities decoded, whitespace collapsed.
 * Valid while the owner lives; NULL only when `message` is NULL.
 */
const char *cloudpartner_message_text(const struct cloudpartner_message *message);

/**
 * The message's level; `CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN` for a level this version
 * does not know (or when `message` is NULL).
 */
enum cloudpartner_message_level cloudpartner_message_level(const struct cloudpartner_message *message);

/**
 * The level as the service spelled it (`"Warning"`). Valid while the owner lives; NULL
 * only when `message` is NULL.
 */
const char *cloudpartner_message_raw_level(const struct cloudpartner_message *message);

/**
 * When the message was written, as nanoseconds since 1970-01-01T00:00:00Z, in `*nanos`.
 * Returns false (and leaves `*nanos` alone) when the message has no readable timestamp,
 * when it lies outside what an `int64_t` of nanoseconds holds (years 1677..2262), or when
 * `message` is NULL. `nanos` may be NULL to only ask whether there is one.
 */
bool cloudpartner_message_timestamp_unix_nanos(const struct cloudpartner_message *message,
                                               int64_t *nanos);

/**
 * The link's label; empty when the service sent a bare URI. Valid while the owner lives;
 * NULL only when `link` is NULL.
 */
const char *cloudpartner_link_display_text(const struct cloudpartner_link *link);

/**
 * The link's URI. Valid while the owner lives; NULL only when `link` is NULL.
 */
const char *cloudpartner_link_uri(const struct cloudpartner_link *link);

/**
 * Parses an offer document: the `len` bytes at `json` (UTF-8 JSON, a JSON object; they
 * need not end with a NUL). Only the JSON is checked — a field the offer lacks reads as
 * empty — and all of it is kept, in order. The offer has no ETag.
 *
 * On success `*out` gets the offer (free it with `cloudpartner_offer_free()`); on failure
 * `*out` is NULL: `CLOUDPARTNER_ERROR_PARSE` for input that is not a JSON object
 * (`cloudpartner_error_line()` / `_column()` say where, when there is a position),
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_offer(const char *json,
                                                      size_t len,
                                                      struct cloudpartner_offer **out,
                                                      struct cloudpartner_error **err);

/**
 * Parses a list of offers (the body of `GET /api/publishers/{p}/offers`): the `len` bytes
 * at `json`, a JSON array of objects. As `cloudpartner_parse_offer()`, with a
 * `cloudpartner_offer_list` in `*out` (free it with `cloudpartner_offer_list_free()`).
 */
enum cloudpartner_error_kind cloudpartner_parse_offers(const char *json,
                                                       size_t len,
                                                       struct cloudpartner_offer_list **out,
                                                       struct cloudpartner_error **err);

/**
 * A copy of `offer` that lives on its own (with its ETag): to edit an offer borrowed
 * from a `cloudpartner_offer_list`, or to keep one. Free it with
 * `cloudpartner_offer_free()`. NULL when `offer` is NULL.
 */
struct cloudpartner_offer *cloudpartner_offer_clone(const struct cloudpartner_offer *offer);

/**
 * Frees an offer and the strings borrowed from it. NULL is fine. Never pass an offer
 * borrowed from a `cloudpartner_offer_list`.
 */
void cloudpartner_offer_free(struct cloudpartner_offer *offer);

/**
 * The offer's id (`id`); empty when the document has none. Valid while `offer` lives;
 * NULL only when `offer` is NULL.
 */
const char *cloudpartner_offer_id(const struct cloudpartner_offer *offer);

/**
 * The publisher's id (`publisherId`); empty when absent. Valid while `offer` lives; NULL
 * only when `offer` is NULL.
 */
const char *cloudpartner_offer_publisher_id(const struct cloudpartner_offer *offer);

/**
 * The offer type (`offerTypeId`: `"microsoft-azure-virtualmachines"`, ...); empty when
 * absent. Valid while `offer` lives; NULL only when `offer` is NULL.
 */
const char *cloudpartner_offer_offer_type_id(const struct cloudpartner_offer *offer);

/**
 * The offer's `status` as sent (`"neverPublished"`, `"published"`, ...); empty when
 * absent. (Named `_get_status` because `cloudpartner_offer_status` is the type of a
 * publishing status.) Valid while `offer` lives; NULL only when `offer` is NULL.
 */
const char *cloudpartner_offer_get_status(const struct cloudpartner_offer *offer);

/**
 * The offer's version (`version`); 0 when absent or not an integer (or `offer` is NULL).
 */
int64_t cloudpartner_offer_version(const struct cloudpartner_offer *offer);

/**
 * When the offer last changed (`changedTime`), as nanoseconds since
 * 1970-01-01T00:00:00Z, in `*nanos`. Returns false (and leaves `*nanos` alone) when the
 * document has no readable `changedTime`, when it lies outside what an `int64_t` of
 * nanoseconds holds, or when `offer` is NULL. `nanos` may be NULL.
 */
bool cloudpartner_offer_changed_time_unix_nanos(const struct cloudpartner_offer *offer,
                                                int64_t *nanos);

/**
 * The ETag the offer was read with (the response's `ETag` header), which
 * `cloudpartner_client_put_offer()` sends as `If-Match`; NULL when the service sent none
 * (it often does not), for a parsed offer, or when `offer` is NULL. Valid while `offer`
 * lives.
 */
const char *cloudpartner_offer_etag(const struct cloudpartner_offer *offer);

/**
 * The offer's display name (`definition.displayText`); empty when absent. Valid while
 * `offer` lives and its display name is unchanged (a change of the definition may end
 * it); NULL only when `offer` is NULL.
 */
const char *cloudpartner_offer_display_text(const struct cloudpartner_offer *offer);

/**
 * The offer's definition (`definition`: display text, offer fields, plans, ...) as
 * compact JSON, every field in document order with its real value (SAS signatures
 * included); `"null"` when the document has none. Edit it and give it back with
 * `cloudpartner_offer_set_definition_json()`: what goes in comes out unchanged, key order
 * included.
 *
 * Returns a new string: free it with `cloudpartner_string_free()`. NULL when `offer` is
 * NULL.
 */
char *cloudpartner_offer_definition_json(const struct cloudpartner_offer *offer);

/**
 * Replaces the offer's definition with `json`: a NUL-terminated UTF-8 JSON object, kept
 * as given (every field, in its order). The rest of the document and the ETag stay as
 * they are. Strings borrowed from the offer stay valid unless their value changes (the
 * display text, plan ids).
 *
 * `CLOUDPARTNER_ERROR_PARSE` when `json` is not JSON (`cloudpartner_error_line()` /
 * `_column()` say where); `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when it is JSON but not
 * an object, or for a NULL or non-UTF-8 argument. The offer is unchanged on failure.
 * `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_offer_set_definition_json(struct cloudpartner_offer *offer,
                                                                    const char *json,
                                                                    struct cloudpartner_error **err);

/**
 * The whole offer document as compact JSON, losslessly: every field, in document order,
 * with its real values (SAS signatures included), edits included — the body
 * `cloudpartner_client_put_offer()` sends. Without the ETag (a header, not part of the
 * document). Parsing it with `cloudpartner_parse_offer()` gives the same document.
 *
 * Returns a new string: free it with `cloudpartner_string_free()`. NULL when `offer` is
 * NULL.
 */
char *cloudpartner_offer_to_json(const struct cloudpartner_offer *offer);

/**
 * How many plans the offer has, counting each disk generation as a plan of its own (0
 * for an offer without plans, such as a summary from `cloudpartner_client_offers()`, or
 * when `offer` is NULL).
 */
size_t cloudpartner_offer_plan_count(const struct cloudpartner_offer *offer);

/**
 * Plan id `index` in document order: each plan (`planId`), followed by its disk
 * generations. These are the ids the image helpers take. Valid while `offer` lives and
 * plan id `index` is unchanged (a change of the definition may end it); NULL when
 * `index` is out of range or `offer` is NULL.
 */
const char *cloudpartner_offer_plan_id(const struct cloudpartner_offer *offer, size_t index);

/**
 * How many offers the list holds (0 when `list` is NULL).
 */
size_t cloudpartner_offer_list_count(const struct cloudpartner_offer_list *list);

/**
 * Offer `index` of the list, in the service's order: borrowed, valid while `list` lives
 * (`cloudpartner_offer_clone()` keeps a copy, to edit). NULL when `index` is out of range
 * or `list` is NULL.
 */
const struct cloudpartner_offer *cloudpartner_offer_list_get(const struct cloudpartner_offer_list *list,
                                                             size_t index);

/**
 * Frees a list and its offers. NULL is fine.
 */
void cloudpartner_offer_list_free(struct cloudpartner_offer_list *list);

/**
 * An image with every default: NULL strings, shown in the portal (`show_in_gui` true), no
 * data disks. Set at least `version` and `os_vhd_url`.
 */
struct cloudpartner_vm_image cloudpartner_vm_image_default(void);

/**
 * Lists the image versions of a plan (or of a disk generation: any id of
 * `cloudpartner_offer_plan_id()`), sorted by version numerically (`1.2.0` before
 * `1.10.0`; keys that are not dot-separated integers last). A plan without images gives
 * an empty list.
 *
 * On success `*out` gets the list: free it with `cloudpartner_vm_image_list_free()`.
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown plan id (the message names the
 * plans there are), or a NULL or non-UTF-8 argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_offer_vm_image_versions(const struct cloudpartner_offer *offer,
                                                                  const char *plan_id,
                                                                  struct cloudpartner_vm_image_list **out,
                                                                  struct cloudpartner_error **err);

/**
 * Adds an image version to a plan (or disk generation), or replaces the one with the same
 * version, in the offer's definition; `cloudpartner_client_put_offer()` then writes it.
 *
 * The image is checked first: the version is dot-separated integers, the URLs are https,
 * the LUNs distinct, the published date `MM/DD/YYYY` or empty. A replaced entry keeps its
 * other fields and its place (and its date when `published_date` is NULL or empty); a new
 * version goes after the others.
 *
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an image that fails those checks (the message
 * says which; signatures in URLs shown as `sig=REDACTED`), an unknown plan id, a NULL
 * `version` or `os_vhd_url`, a NULL or non-UTF-8 argument. The offer is unchanged on
 * failure. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_offer_set_vm_image_version(struct cloudpartner_offer *offer,
                                                                     const char *plan_id,
                                                                     const struct cloudpartner_vm_image *image,
                                                                     struct cloudpartner_error **err);

/**
 * Removes an image version from a plan (or disk generation) of the offer's definition.
 *
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when the plan has no such version, when it is the
 * plan's last version and `force` is false (a plan without an image cannot be
 * published), for an unknown plan id, or a NULL or non-UTF-8 argument; the offer is then
 * unchanged. When `removed` is not NULL, `*removed` gets the image that was removed (NULL
 * on failure): free it with `cloudpartner_vm_image_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_offer_remove_vm_image_version(struct cloudpartner_offer *offer,
                                                                        const char *plan_id,
                                                                        const char *version,
                                                                        bool force,
                                                                        struct cloudpartner_vm_image **removed,
                                                                        struct cloudpartner_error **err);

/**
 * Deprecates an image version of a plan (or disk generation): `showInGui` false, so that
 * new deployments no longer see it. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when the plan
 * has no such version, for an unknown plan id, or a NULL or non-UTF-8 argument. `err` may
 * be NULL.
 */
enum cloudpartner_error_kind cloudpartner_offer_deprecate_vm_image_version(struct cloudpartner_offer *offer,
                                                                           const char *plan_id,
                                                                           const char *version,
                                                                           struct cloudpartner_error **err);

/**
 * Frees an image the library returned alone (`cloudpartner_offer_remove_vm_image_version()`)
 * with its strings and disks. NULL is fine. Never pass an image of your own, nor one
 * borrowed from a `cloudpartner_vm_image_list`.
 */
void cloudpartner_vm_image_free(struct cloudpartner_vm_image *image);

/**
 * How many images the list holds (0 when `list` is NULL).
 */
size_t cloudpartner_vm_image_list_count(const struct cloudpartner_vm_image_list *list);

/**
 * Image `index` of the list: borrowed, like its strings and disks, valid while `list`
 * lives. NULL when `index` is out of range or `list` is NULL.
 */
const struct cloudpartner_vm_image *cloudpartner_vm_image_list_get(const struct cloudpartner_vm_image_list *list,
                                                                   size_t index);

/**
 * Frees a list and its images. NULL is fine.
 */
void cloudpartner_vm_image_list_free(struct cloudpartner_vm_image_list *list);

/**
 * Parses one operation (the body of `GET .../operations/{id}`): the `len` bytes at `json`
 * (UTF-8 JSON; they need not end with a NUL), a JSON object or an array of exactly one.
 * Lenient: states are read case-insensitively (`"Succeeded"` is completed), unknown ones
 * kept as `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` with their spelling, missing fields
 * empty or absent.
 *
 * On success `*out` gets the operation (free it with `cloudpartner_operation_free()`); on
 * failure `*out` is NULL: `CLOUDPARTNER_ERROR_PARSE` for input that is not one operation
 * (`cloudpartner_error_line()` / `_column()` say where, when there is a position),
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_operation(const char *json,
                                                          size_t len,
                                                          struct cloudpartner_operation **out,
                                                          struct cloudpartner_error **err);

/**
 * Parses a list of operations (the body of `GET .../submissions`): a JSON array of
 * objects. As `cloudpartner_parse_operation()`, with a `cloudpartner_operation_list` in
 * `*out` (free it with `cloudpartner_operation_list_free()`).
 */
enum cloudpartner_error_kind cloudpartner_parse_operations(const char *json,
                                                           size_t len,
                                                           struct cloudpartner_operation_list **out,
                                                           struct cloudpartner_error **err);

/**
 * Frees an operation and everything borrowed from it (its detail, strings). NULL is
 * fine. Never pass one borrowed from a `cloudpartner_operation_list`.
 */
void cloudpartner_operation_free(struct cloudpartner_operation *operation);

/**
 * The operation's id (`id`); empty when absent. Valid while `operation` lives; NULL only
 * when `operation` is NULL.
 */
const char *cloudpartner_operation_id(const struct cloudpartner_operation *operation);

/**
 * What the operation does (`submissionType`: `"publish"`, `"goLive"`, ...), as sent;
 * empty when absent. Valid while `operation` lives; NULL only when `operation` is NULL.
 */
const char *cloudpartner_operation_submission_type(const struct cloudpartner_operation *operation);

/**
 * The operation's state (from `status`, else `submissionState`);
 * `CLOUDPARTNER_OPERATION_STATE_UNKNOWN` for a state this version does not know (see
 * `cloudpartner_operation_raw_state()`), or when `operation` is NULL. (Named `_get_state`
 * because `cloudpartner_operation_state` is the enum's type name.)
 */
enum cloudpartner_operation_state cloudpartner_operation_get_state(const struct cloudpartner_operation *operation);

/**
 * The state as the service spelled it (`"Succeeded"`); empty when absent. Valid while
 * `operation` lives; NULL only when `operation` is NULL.
 */
const char *cloudpartner_operation_raw_state(const struct cloudpartner_operation *operation);

/**
 * True when the operation completed, failed or was canceled (false when `operation` is
 * NULL).
 */
bool cloudpartner_operation_is_terminal(const struct cloudpartner_operation *operation);

/**
 * When the operation was created (`createdDateTime`), as nanoseconds since
 * 1970-01-01T00:00:00Z, in `*nanos`. Returns false (and leaves `*nanos` alone) when there
 * is no readable time, when it lies outside what an `int64_t` of nanoseconds holds, or
 * when `operation` is NULL. `nanos` may be NULL.
 */
bool cloudpartner_operation_created_unix_nanos(const struct cloudpartner_operation *operation,
                                               int64_t *nanos);

/**
 * When the operation last changed (`lastActionDateTime`, else `changedTime`), as
 * `cloudpartner_operation_created_unix_nanos()`.
 */
bool cloudpartner_operation_last_action_unix_nanos(const struct cloudpartner_operation *operation,
                                                   int64_t *nanos);

/**
 * The publishing version (`publishingVersion`) in `*version`. Returns false (and leaves
 * `*version` alone) when there is none, or when `operation` is NULL. `version` may be
 * NULL.
 */
bool cloudpartner_operation_publishing_version(const struct cloudpartner_operation *operation,
                                               int64_t *version);

/**
 * The version of the offer the operation works on (`offerVersion`), as
 * `cloudpartner_operation_publishing_version()`.
 */
bool cloudpartner_operation_offer_version(const struct cloudpartner_operation *operation,
                                          int64_t *version);

/**
 * The slot (`slot`: `"Preview"`, `"Production"`, ...); NULL when absent or empty (or
 * `operation` is NULL). Valid while `operation` lives.
 */
const char *cloudpartner_operation_slot(const struct cloudpartner_operation *operation);

/**
 * Whether a cancel was asked for and where it stands (`cancellationRequestState`); NULL
 * when absent (or `operation` is NULL). Valid while `operation` lives.
 */
const char *cloudpartner_operation_cancellation_request_state(const struct cloudpartner_operation *operation);

/**
 * What went wrong (`error`): its text, or `"code: message"` for an error object; NULL
 * when nothing did (or `operation` is NULL). Valid while `operation` lives.
 */
const char *cloudpartner_operation_error(const struct cloudpartner_operation *operation);

/**
 * The operation's steps, messages and links, when the service sent them (it does for
 * `cloudpartner_client_operation()`), as a status whose state follows the operation's
 * (completed reads as `CLOUDPARTNER_OFFER_STATE_SUCCEEDED`). Borrowed: valid while
 * `operation` lives, never freed by itself (`cloudpartner_offer_status_clone()` keeps a
 * copy). NULL when the operation has none, or `operation` is NULL.
 */
const struct cloudpartner_offer_status *cloudpartner_operation_detail(const struct cloudpartner_operation *operation);

/**
 * The canonical JSON of the operation, on one line: `id`, `submissionType`, `status`
 * (canonical spelling; an unknown one verbatim), `createdDateTime`, `lastActionDateTime`
 * (UTC), `publishingVersion`, `offerVersion`, `slot`, `cancellationRequestState`,
 * `error` (`null` when absent), then with a detail its `messages`, `steps`,
 * `previewLinks`, `liveLinks` and `notificationEmails`. Parsing it gives back the same
 * operation.
 *
 * Returns a new string: free it with `cloudpartner_string_free()`. NULL when `operation`
 * is NULL.
 */
char *cloudpartner_operation_to_json(const struct cloudpartner_operation *operation);

/**
 * How many operations the list holds (0 when `list` is NULL).
 */
size_t cloudpartner_operation_list_count(const struct cloudpartner_operation_list *list);

/**
 * Operation `index` of the list, in the service's order: borrowed, valid while `list`
 * lives. NULL when `index` is out of range or `list` is NULL.
 */
const struct cloudpartner_operation *cloudpartner_operation_list_get(const struct cloudpartner_operation_list *list,
                                                                     size_t index);

/**
 * Frees a list and its operations. NULL is fine.
 */
void cloudpartner_operation_list_free(struct cloudpartner_operation_list *list);

/**
 * The operation's absolute URL, e.g.
 * `"https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/56615b67...?api-version=2017-10-31"`.
 * Valid while `reference` lives; NULL only when `reference` is NULL.
 */
const char *cloudpartner_operation_ref_url(const struct cloudpartner_operation_ref *reference);

/**
 * The operation's id: the last segment of its URL's path, decoded. Valid while
 * `reference` lives; NULL only when `reference` is NULL.
 */
const char *cloudpartner_operation_ref_id(const struct cloudpartner_operation_ref *reference);

/**
 * Frees an operation reference. NULL is fine.
 */
void cloudpartner_operation_ref_free(struct cloudpartner_operation_ref *reference);

/**
 * How many publishers the list holds (0 when `list` is NULL).
 */
size_t cloudpartner_publisher_list_count(const struct cloudpartner_publisher_list *list);

/**
 * Publisher `index` of the list: borrowed, valid while `list` lives. NULL when `index`
 * is out of range or `list` is NULL.
 */
const struct cloudpartner_publisher *cloudpartner_publisher_list_get(const struct cloudpartner_publisher_list *list,
                                                                     size_t index);

/**
 * Frees a list and its publishers. NULL is fine.
 */
void cloudpartner_publisher_list_free(struct cloudpartner_publisher_list *list);

/**
 * The publisher's id (`id`: `"contoso"`), the one the other calls take. Valid while the
 * list lives; NULL only when `publisher` is NULL.
 */
const char *cloudpartner_publisher_id(const struct cloudpartner_publisher *publisher);

/**
 * The publisher's display name (`definition.displayText`); empty when absent. Valid
 * while the list lives; NULL only when `publisher` is NULL.
 */
const char *cloudpartner_publisher_display_text(const struct cloudpartner_publisher *publisher);

/**
 * The publisher's seller id (`definition.sellerId`); empty when absent. Valid while the
 * list lives; NULL only when `publisher` is NULL.
 */
const char *cloudpartner_publisher_seller_id(const struct cloudpartner_publisher *publisher);

/**
 * Options with every default: NULL strings, 0 timeouts, body limit and poll time scale,
 * -1 retries, `allow_http` false, no token callback.
 */
struct cloudpartner_client_options cloudpartner_client_options_default(void);

/**
 * Watch options with every default: until terminal, polls every 5 s to 300 s (on the
 * client's clock, see `poll_time_scale`), no timeout.
 */
struct cloudpartner_watch_options cloudpartner_watch_options_default(void);

/**
 * Creates a client. `opts` may be NULL for every default (the base URL and the
 * credential then come from the environment, or the Azure CLI).
 *
 * The options are checked here, once, by the same rules as every other cloudpartner
 * interface, and the credential is chosen (see `cloudpartner_client_options`). On
 * success `*out` gets the client: free it with `cloudpartner_client_free()`. On failure
 * `*out` is NULL and the kind says why: `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a bad
 * option (an unreadable URL, `http://` to a remote host, a blank token, a token with
 * another credential, a count below -1, a negative `poll_time_scale`, a string that is
 * not UTF-8) or a NULL `out`; `CLOUDPARTNER_ERROR_AUTHENTICATION` when no credential is
 * found anywhere (the message lists where it looked). `err` may be NULL. No request to
 * the API is made here.
 */
enum cloudpartner_error_kind cloudpartner_client_new(const struct cloudpartner_client_options *opts,
                                                     struct cloudpartner_client **out,
                                                     struct cloudpartner_error **err);

/**
 * Frees a client. NULL is fine. No call on it may be running. (A watch started from it
 * keeps what it needs: it may outlive the client.)
 */
void cloudpartner_client_free(struct cloudpartner_client *client);

/**
 * Fetches the status of one offer, blocking until it arrives; transient failures
 * (connection errors, timeouts, 408, 429, 5xx) are retried with backoff.
 *
 * `publisher` and `offer` are the ids (UTF-8; percent-encoded by the library). On success
 * `*out` gets the status: free it with `cloudpartner_offer_status_free()`. On failure
 * `*out` is NULL and the kind says why: `CLOUDPARTNER_ERROR_NOT_FOUND`,
 * `CLOUDPARTNER_ERROR_AUTHENTICATION`, `CLOUDPARTNER_ERROR_PARSE`, ...;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
 * may be NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_offer_status(const struct cloudpartner_client *client,
                                                              const char *publisher,
                                                              const char *offer,
                                                              struct cloudpartner_offer_status **out,
                                                              struct cloudpartner_error **err);

/**
 * Fetches the status of `count` offers of one publisher, at most `concurrency` at a time
 * (0: 8) over one connection pool, blocking until all are done.
 *
 * `offer_ids` points to `count` UTF-8 strings (it may be NULL when `count` is 0). One
 * offer failing does not fail the call: on success `*out` gets a batch with one result
 * per id, in input order — read each with `cloudpartner_batch_result()` — and the caller
 * frees it with `cloudpartner_batch_free()`. The call itself fails (`*out` NULL) only for
 * bad arguments: NULL `client`, `publisher`, `out`, `offer_ids` (with `count` > 0) or
 * element, or a string that is not UTF-8 (`CLOUDPARTNER_ERROR_INVALID_ARGUMENT`; the
 * message names the index). `err` may be NULL. Safe to call from several threads on one
 * client.
 */
enum cloudpartner_error_kind cloudpartner_client_offer_statuses(const struct cloudpartner_client *client,
                                                                const char *publisher,
                                                                const char *const *offer_ids,
                                                                size_t count,
                                                                size_t concurrency,
                                                                struct cloudpartner_batch **out,
                                                                struct cloudpartner_error **err);

/**
 * The number of results, which is the number of ids asked for (0 when `batch` is NULL).
 */
size_t cloudpartner_batch_count(const struct cloudpartner_batch *batch);

/**
 * The offer id of result `index`, valid while `batch` lives. NULL when `index` is out of
 * range or `batch` is NULL.
 */
const char *cloudpartner_batch_offer_id(const struct cloudpartner_batch *batch, size_t index);

/**
 * Result `index` of the batch: returns `CLOUDPARTNER_OK` and sets `*status` to that
 * offer's status, or returns the error's kind and sets `*error` to it. The other
 * out-pointer is set to NULL. Both are borrowed, valid while `batch` lives: do not free
 * them (`cloudpartner_offer_status_clone()` makes a status of your own). `status` and
 * `error` may be NULL. Returns `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` (both NULL) when
 * `index` is out of range or `batch` is NULL.
 */
enum cloudpartner_error_kind cloudpartner_batch_result(const struct cloudpartner_batch *batch,
                                                       size_t index,
                                                       const struct cloudpartner_offer_status **status,
                                                       const struct cloudpartner_error **error);

/**
 * Frees a batch with every status and error in it. NULL is fine.
 */
void cloudpartner_batch_free(struct cloudpartner_batch *batch);

/**
 * Starts watching one offer: until its publish succeeded, failed or was canceled (or,
 * with `until_publisher_action`, until it waits for the publisher). The poll interval
 * adapts to the current step's time frame within `[min_interval_ms, max_interval_ms]`
 * (on the client's clock, see `poll_time_scale`); transient failures are retried.
 * Nothing is fetched before the first `cloudpartner_watch_next()`.
 *
 * `opts` may be NULL for the defaults. On success `*out` gets the watch: free it with
 * `cloudpartner_watch_free()`. On failure `*out` is NULL:
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument, or
 * `max_interval_ms` below `min_interval_ms`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_client_watch_start(const struct cloudpartner_client *client,
                                                             const char *publisher,
                                                             const char *offer,
                                                             const struct cloudpartner_watch_options *opts,
                                                             struct cloudpartner_watch **out,
                                                             struct cloudpartner_error **err);

/**
 * Blocks until the watch's next status: one that differs from the last one seen.
 *
 * - `CLOUDPARTNER_OK` with `*out` not NULL: a new status; free it with
 *   `cloudpartner_offer_status_free()`. When the offer got where it was asked to
 *   (terminal, or waiting for the publisher with `until_publisher_action`), this status
 *   is the last one.
 * - `CLOUDPARTNER_OK` with `*out` NULL: the watch is over: it ended with its last
 *   status or its error, or it was closed (`cloudpartner_watch_close()`, also while this
 *   call was waiting). Every later call gives the same.
 * - another kind: the error that ended the watch, once (`CLOUDPARTNER_ERROR_TIMEOUT`
 *   after `timeout_ms`, `CLOUDPARTNER_ERROR_NOT_FOUND`, ...); or
 *   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL `watch` or `out`.
 *
 * `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_watch_next(const struct cloudpartner_watch *watch,
                                                     struct cloudpartner_offer_status **out,
                                                     struct cloudpartner_error **err);

/**
 * Ends the watch: a `cloudpartner_watch_next()` waiting in another thread returns at
 * once, and every later one, with `CLOUDPARTNER_OK` and no status. Idempotent (twice is
 * fine), from any thread. NULL is fine.
 */
void cloudpartner_watch_close(const struct cloudpartner_watch *watch);

/**
 * True once `cloudpartner_watch_close()` was called on `watch`; false for NULL.
 */
bool cloudpartner_watch_is_closed(const struct cloudpartner_watch *watch);

/**
 * Closes (when still open) and frees a watch. NULL is fine. No call on it may be running:
 * close it, wait for the thread in `cloudpartner_watch_next()`, then free it.
 */
void cloudpartner_watch_free(struct cloudpartner_watch *watch);

/**
 * Watches one offer until its publish succeeded, failed or was canceled (or, with
 * `until_publisher_action`, until it waits for the publisher), blocking the calling
 * thread: `cloudpartner_client_watch_start()` and `cloudpartner_watch_next()` in one
 * call, with a callback. The poll interval adapts to the current step's time frame within
 * `[min_interval_ms, max_interval_ms]` (on the client's clock); transient failures are
 * retried.
 *
 * `opts` may be NULL for the defaults. `callback` (may be NULL) is called with each status
 * that differs from the previous one, and `user_data`; a non-zero return stops the watch.
 *
 * Returns how the watch ended:
 * - `CLOUDPARTNER_OK`: the offer reached the state asked for;
 * - `CLOUDPARTNER_ERROR_CANCELED`: the callback returned non-zero;
 * - `CLOUDPARTNER_ERROR_TIMEOUT`: `opts->timeout_ms` ran out;
 * - another kind: the error that ended it (`CLOUDPARTNER_ERROR_NOT_FOUND`, ...), or
 *   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument or
 *   options the watch refuses.
 *
 * Whatever the result, when `final_status` is not NULL, `*final_status` gets the last
 * status seen (the one passed to the callback last), or NULL when none was: free it with
 * `cloudpartner_offer_status_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_client_watch(const struct cloudpartner_client *client,
                                                       const char *publisher,
                                                       const char *offer,
                                                       const struct cloudpartner_watch_options *opts,
                                                       cloudpartner_watch_callback callback,
                                                       void *user_data,
                                                       struct cloudpartner_offer_status **final_status,
                                                       struct cloudpartner_error **err);

/**
 * The publisher accounts the identity may work on (`GET /api/publishers`), blocking.
 *
 * On success `*out` gets the list: free it with `cloudpartner_publisher_list_free()`. On
 * failure `*out` is NULL and the kind says why (`CLOUDPARTNER_ERROR_AUTHENTICATION`,
 * ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument). Reads are retried on
 * transient failures. `err` may be NULL. Safe to call from several threads on one
 * client.
 */
enum cloudpartner_error_kind cloudpartner_client_publishers(const struct cloudpartner_client *client,
                                                            struct cloudpartner_publisher_list **out,
                                                            struct cloudpartner_error **err);

/**
 * A publisher's offers (`GET /api/publishers/{p}/offers`), as summaries: each has its
 * ids, status, version and display text, but no plans. Read one with
 * `cloudpartner_client_offer()` to edit it.
 *
 * On success `*out` gets the list: free it with `cloudpartner_offer_list_free()`. On
 * failure `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown publisher, ...;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
 * may be NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_offers(const struct cloudpartner_client *client,
                                                        const char *publisher,
                                                        struct cloudpartner_offer_list **out,
                                                        struct cloudpartner_error **err);

/**
 * Reads one offer, every field of it kept in order: the draft (with its ETag, when the
 * service sends one) when `slot` is NULL and `version` is -1; else the slot `slot`
 * (`"draft"`, `"preview"` or `"production"`, any case) or the past version `version`
 * (0 or more).
 *
 * On success `*out` gets the offer: free it with `cloudpartner_offer_free()`. On failure
 * `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown offer (or a slot or
 * version it does not have), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for both a slot
 * and a version, an unknown slot, a version below -1, or a NULL, empty or non-UTF-8
 * argument. `err` may be NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_offer(const struct cloudpartner_client *client,
                                                       const char *publisher,
                                                       const char *offer,
                                                       const char *slot,
                                                       int64_t version,
                                                       struct cloudpartner_offer **out,
                                                       struct cloudpartner_error **err);

/**
 * Writes an offer back (`PUT /api/publishers/{p}/offers/{o}`, the ids taken from the
 * offer's document): the offer as it is now, edits included, every other field as it
 * was read. `*out` gets the offer as the service stored it, with its new version and
 * ETag: free it with `cloudpartner_offer_free()` (`offer` stays yours).
 *
 * The precondition: by default `If-Match` with the offer's ETag (`If-Match: *` when it
 * has none: the service often sends none), so that a change made since the offer was
 * read is a `CLOUDPARTNER_ERROR_CONFLICT` and not lost — read the offer again and redo
 * the change. `if_match` (not NULL) sends that ETag instead; `flags`
 * `CLOUDPARTNER_PUT_FORCE` sends `If-Match: *` (overwrite), `CLOUDPARTNER_PUT_CREATE`
 * sends `If-None-Match: *` (create; a conflict when it exists). At most one of the three.
 *
 * The write is sent once: it is retried only where the service cannot have acted (the
 * connection failed before sending, 408, 429, 503). On failure `*out` is NULL:
 * `CLOUDPARTNER_ERROR_CONFLICT` (HTTP 409, 412), `CLOUDPARTNER_ERROR_BAD_REQUEST` (400,
 * 422: the API's code and message in the error), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
 * for an offer without `publisherId` or `id`, unknown flag bits, two preconditions, a
 * blank `if_match`, or a NULL or non-UTF-8 argument. `err` may be NULL. Safe to call
 * from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_put_offer(const struct cloudpartner_client *client,
                                                           const struct cloudpartner_offer *offer,
                                                           const char *if_match,
                                                           uint32_t flags,
                                                           struct cloudpartner_offer **out,
                                                           struct cloudpartner_error **err);

/**
 * Publishes the offer's draft: the service validates it, copies it to preview and
 * certifies it, then waits for the publisher's review. Follow it with
 * `cloudpartner_client_watch()` with `until_publisher_action`, then
 * `cloudpartner_client_go_live()`. `notification_emails` is a comma-separated list of
 * addresses that get the service's notifications, or NULL for none.
 *
 * On success `*out` gets the operation started: free it with
 * `cloudpartner_operation_ref_free()`. On failure `*out` is NULL:
 * `CLOUDPARTNER_ERROR_CONFLICT` when another operation runs,
 * `CLOUDPARTNER_ERROR_BAD_REQUEST` when the offer does not validate (HTTP 422, with the
 * API's code and message), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or
 * non-UTF-8 argument. Not retried where the service may have acted. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_client_publish(const struct cloudpartner_client *client,
                                                         const char *publisher,
                                                         const char *offer,
                                                         const char *notification_emails,
                                                         struct cloudpartner_operation_ref **out,
                                                         struct cloudpartner_error **err);

/**
 * Makes the reviewed preview live; follow it with `cloudpartner_client_watch()` until
 * terminal. Only while the offer waits for the publisher's review: else
 * `CLOUDPARTNER_ERROR_CONFLICT`. On success `*out` gets the operation started (free it
 * with `cloudpartner_operation_ref_free()`); on failure it is NULL. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_client_go_live(const struct cloudpartner_client *client,
                                                         const char *publisher,
                                                         const char *offer,
                                                         struct cloudpartner_operation_ref **out,
                                                         struct cloudpartner_error **err);

/**
 * Cancels the offer's running operation. `notification_emails` as for
 * `cloudpartner_client_publish()`.
 *
 * On success `*out` gets the operation to follow while the service cancels (HTTP 202;
 * free it with `cloudpartner_operation_ref_free()`), or NULL when the cancel was done at
 * once (HTTP 200: nothing to follow). On failure `*out` is NULL and the kind says why.
 * `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_client_cancel(const struct cloudpartner_client *client,
                                                        const char *publisher,
                                                        const char *offer,
                                                        const char *notification_emails,
                                                        struct cloudpartner_operation_ref **out,
                                                        struct cloudpartner_error **err);

/**
 * The offer's operations (`GET .../submissions`): all of them when `state` is NULL, else
 * those in `state` — a state's spelling (`"running"`, `"completed"`, ...; read leniently:
 * `cloudpartner_operation_state_name()` gives one).
 *
 * On success `*out` gets the list: free it with `cloudpartner_operation_list_free()`. On
 * failure `*out` is NULL; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a state that is not
 * one, or a NULL, empty or non-UTF-8 argument. `err` may be NULL. Safe to call from
 * several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_operations(const struct cloudpartner_client *client,
                                                            const char *publisher,
                                                            const char *offer,
                                                            const char *state,
                                                            struct cloudpartner_operation_list **out,
                                                            struct cloudpartner_error **err);

/**
 * One operation of an offer by id (`cloudpartner_operation_ref_id()`), with its steps
 * and messages (`cloudpartner_operation_detail()`).
 *
 * On success `*out` gets the operation: free it with `cloudpartner_operation_free()`. On
 * failure `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND`, ...;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
 * may be NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_operation(const struct cloudpartner_client *client,
                                                           const char *publisher,
                                                           const char *offer,
                                                           const char *operation_id,
                                                           struct cloudpartner_operation **out,
                                                           struct cloudpartner_error **err);

/**
 * The operation at `url` (`cloudpartner_operation_ref_url()`: absolute, or relative to
 * the client's base URL), in either of the service's forms. A URL on another origin than
 * the client's base URL is refused with `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, before any
 * request: the token is never sent elsewhere.
 *
 * On success `*out` gets the operation: free it with `cloudpartner_operation_free()`. On
 * failure `*out` is NULL. `err` may be NULL. Safe to call from several threads on one
 * client.
 */
enum cloudpartner_error_kind cloudpartner_client_operation_at(const struct cloudpartner_client *client,
                                                              const char *url,
                                                              struct cloudpartner_operation **out,
                                                              struct cloudpartner_error **err);

/**
 * The spelling of a release phase (`"go-live"`); `"unknown"` for
 * `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_release_phase_name(int phase);

/**
 * The spelling of a release outcome (`"at_review"`); `"unknown"` for
 * `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_release_outcome_name(int outcome);

/**
 * The spelling of a release event kind (`"phase_finished"`); `"unknown"` for
 * `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_release_event_kind_name(int kind);

/**
 * A request with every default: NULL ids, the image of `cloudpartner_vm_image_default()`,
 * no go-live, no dry run, no notification emails, the default watch options.
 */
struct cloudpartner_release_request cloudpartner_release_request_default(void);

/**
 * The event's kind; `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` when `event` is NULL.
 */
enum cloudpartner_release_event_kind cloudpartner_release_event_kind(const struct cloudpartner_release_event *event);

/**
 * The phase the event is about; `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` when `event` is
 * NULL (or for a phase this version does not know: see `_phase_name()`).
 */
enum cloudpartner_release_phase cloudpartner_release_event_phase(const struct cloudpartner_release_event *event);

/**
 * The name of the event's phase (`"go-live"`), also for a phase this version has no
 * enumerator for; borrowed from the event. NULL when `event` is NULL.
 */
const char *cloudpartner_release_event_phase_name(const struct cloudpartner_release_event *event);

/**
 * What the finished phase did, one line of text (`sig=REDACTED` in URLs); borrowed from
 * the event. NULL unless the event is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
 */
const char *cloudpartner_release_event_summary(const struct cloudpartner_release_event *event);

/**
 * The same facts as the summary, as a JSON object (`{"version": 3, "etag": "..."}`,
 * `{"operation": {"id", "url"}}`, ...); borrowed from the event. NULL unless the event
 * is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
 */
const char *cloudpartner_release_event_fields_json(const struct cloudpartner_release_event *event);

/**
 * The offer's new status; borrowed from the event (copy it with
 * `cloudpartner_offer_status_clone()` to keep it). NULL unless the event is
 * `CLOUDPARTNER_RELEASE_EVENT_STATUS`.
 */
const struct cloudpartner_offer_status *cloudpartner_release_event_status(const struct cloudpartner_release_event *event);

/**
 * How the release ended; `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` when `result` is NULL.
 */
enum cloudpartner_release_outcome cloudpartner_release_result_outcome(const struct cloudpartner_release_result *result);

/**
 * The last status the release saw (succeeded when live; waiting for the review at
 * review; the failed or canceled one, with its steps and messages); borrowed from the
 * result. NULL for a dry run, or when `result` is NULL.
 */
const struct cloudpartner_offer_status *cloudpartner_release_result_status(const struct cloudpartner_release_result *result);

/**
 * The offer as the release wrote it (its new version and ETag), for the outcomes
 * `LIVE` and `AT_REVIEW`; borrowed from the result (`cloudpartner_offer_clone()` keeps
 * it). NULL otherwise.
 */
const struct cloudpartner_offer *cloudpartner_release_result_offer(const struct cloudpartner_release_result *result);

/**
 * For a dry run, the change to the offer: a unified diff of its definition
 * (`sig=REDACTED` in URLs); borrowed from the result. NULL for any other outcome.
 */
const char *cloudpartner_release_result_diff(const struct cloudpartner_release_result *result);

/**
 * For the outcomes `FAILED` and `CANCELED`, the phase that waited when it happened
 * (`REVIEW` or `LIVE`); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` otherwise.
 */
enum cloudpartner_release_phase cloudpartner_release_result_failed_phase(const struct cloudpartner_release_result *result);

/**
 * For the outcomes `FAILED` and `CANCELED`, the id of the operation (publish or
 * go-live) that failed or was canceled (`cloudpartner_client_operation()` reads it);
 * borrowed from the result. NULL otherwise.
 */
const char *cloudpartner_release_result_operation_id(const struct cloudpartner_release_result *result);

/**
 * Frees a result and everything it lends. NULL is fine.
 */
void cloudpartner_release_result_free(struct cloudpartner_release_result *result);

/**
 * Releases a VM image version, blocking: the same phases, in every cloudpartner
 * interface — read the offer's draft (with its ETag), add the image to the plan, write
 * the offer back with the ETag read (`CLOUDPARTNER_ERROR_CONFLICT` when it changed
 * meanwhile), publish, wait until the preview waits for the review, and with
 * `request->go_live`: go live and wait until live. With `request->dry_run` it reads and
 * changes the offer and sends nothing.
 *
 * `on_progress` (may be NULL) gets each progress event, in order, with `user_data`:
 * each phase started and finished (but `live`, the last, which ends with the result),
 * and each status change while a phase waits. Its
 * non-zero return stops the release right after that event, before anything more is
 * sent: the call then returns `CLOUDPARTNER_ERROR_CANCELED` (what was already sent goes
 * on at the service).
 *
 * On success `*out` gets the result: free it with `cloudpartner_release_result_free()`.
 * A publish or go-live that failed or was canceled at the service is a result (outcome
 * `CLOUDPARTNER_RELEASE_OUTCOME_FAILED` or `_CANCELED`, with the status), not an error.
 * On failure `*out` is NULL and `*err` says which phase failed (`release failed at
 * write: ...`): `CLOUDPARTNER_ERROR_TIMEOUT` after `request->watch->timeout_ms`,
 * `CLOUDPARTNER_ERROR_CONFLICT`, `CLOUDPARTNER_ERROR_BAD_REQUEST` (a publish the service
 * refuses), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing sent, for a NULL,
 * empty or non-UTF-8 id or argument, an invalid image or bad watch options. `err` may be
 * NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_client_release(const struct cloudpartner_client *client,
                                                         const struct cloudpartner_release_request *request,
                                                         cloudpartner_progress_fn on_progress,
                                                         void *user_data,
                                                         struct cloudpartner_release_result **out,
                                                         struct cloudpartner_error **err);

/**
 * The spelling of a job status (`"notStarted"`); `"unknown"` for
 * `CLOUDPARTNER_JOB_STATUS_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_job_status_name(int status);

/**
 * The spelling of a job result (`"cancelled"`); `"unknown"` for
 * `CLOUDPARTNER_JOB_RESULT_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_job_result_name(int result);

/**
 * The spelling of a product stage (`"waiting_for_go_live"`); `"unknown"` for
 * `CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN` or any other value. Static: do not free it.
 */
const char *cloudpartner_product_stage_name(int stage);

/**
 * Parses a resource: the `len` bytes at `json` (UTF-8 JSON, an object; they need not end
 * with a NUL), kept whole. On success `*out` gets it (free it with
 * `cloudpartner_resource_free()`); `CLOUDPARTNER_ERROR_PARSE` for anything but a JSON
 * object (`cloudpartner_error_line()` / `_column()` say where),
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_resource(const char *json,
                                                         size_t len,
                                                         struct cloudpartner_resource **out,
                                                         struct cloudpartner_error **err);

/**
 * The resource's durable id (`plan/<guid>/<guid>`), `""` when it has none yet; borrowed
 * (valid until a `_set_json()` changes it, or the resource is freed). NULL when
 * `resource` is NULL.
 */
const char *cloudpartner_resource_id(const struct cloudpartner_resource *resource);

/**
 * Its `$schema` URL; borrowed as `cloudpartner_resource_id()`.
 */
const char *cloudpartner_resource_schema(const struct cloudpartner_resource *resource);

/**
 * Its type, named by its `$schema` (`"product"`, `"plan"`,
 * `"virtual-machine-plan-technical-configuration"`, ...), `""` when unknown; borrowed as
 * `cloudpartner_resource_id()`.
 */
const char *cloudpartner_resource_type(const struct cloudpartner_resource *resource);

/**
 * Its `identity.externalId` (a product's offer id, a plan's plan id), `""` when it has
 * none; borrowed as `cloudpartner_resource_id()`.
 */
const char *cloudpartner_resource_external_id(const struct cloudpartner_resource *resource);

/**
 * The whole resource as JSON text, lossless (every field, key order, exact numbers).
 * Free it with `cloudpartner_string_free()`. NULL when `resource` is NULL.
 */
char *cloudpartner_resource_json(const struct cloudpartner_resource *resource);

/**
 * Replaces the whole resource with the `len` bytes at `json` (a JSON object, kept
 * losslessly): what `cloudpartner_ingestion_client_configure()` sends is the resource
 * as it is then. The strings it lent stay valid while their value is unchanged. On
 * failure the resource is left as it was: `CLOUDPARTNER_ERROR_PARSE` for anything but a
 * JSON object, `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument. `err` may be
 * NULL.
 */
enum cloudpartner_error_kind cloudpartner_resource_set_json(struct cloudpartner_resource *resource,
                                                            const char *json,
                                                            size_t len,
                                                            struct cloudpartner_error **err);

/**
 * A copy of a resource (say, one a tree lends, to edit it): free it with
 * `cloudpartner_resource_free()`. NULL when `resource` is NULL.
 */
struct cloudpartner_resource *cloudpartner_resource_clone(const struct cloudpartner_resource *resource);

/**
 * Frees a resource. NULL is fine. Never free a borrowed one (a tree's, a product's).
 */
void cloudpartner_resource_free(struct cloudpartner_resource *resource);

/**
 * The product's durable id, `product/<guid>` (what every `product` argument of the
 * client also takes); borrowed from the product. NULL when `product` is NULL.
 */
const char *cloudpartner_product_id(const struct cloudpartner_product *product);

/**
 * The product's external id: the offer id users know; borrowed from the product.
 */
const char *cloudpartner_product_external_id(const struct cloudpartner_product *product);

/**
 * The product's alias (its name in Partner Center); borrowed from the product.
 */
const char *cloudpartner_product_alias(const struct cloudpartner_product *product);

/**
 * The product's type (`"azureVirtualMachine"`); borrowed from the product.
 */
const char *cloudpartner_product_type(const struct cloudpartner_product *product);

/**
 * The product's lifecycle state as on the wire (`"generallyAvailable"`); borrowed from
 * the product.
 */
const char *cloudpartner_product_lifecycle_state(const struct cloudpartner_product *product);

/**
 * The product's whole resource, lossless; borrowed from the product (clone it with
 * `cloudpartner_resource_clone()` to keep or edit it). NULL when `product` is NULL.
 */
const struct cloudpartner_resource *cloudpartner_product_resource(const struct cloudpartner_product *product);

/**
 * Frees a product. NULL is fine. Never free a borrowed one.
 */
void cloudpartner_product_free(struct cloudpartner_product *product);

/**
 * Parses one page of `GET product` (`{"value": [...], "@nextLink": ...}`): the `len`
 * bytes at `json`. On success `*out` gets its products (free it with
 * `cloudpartner_product_list_free()`), and `cloudpartner_product_list_next_link()` its
 * next link. `CLOUDPARTNER_ERROR_PARSE` for anything else; `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_product_page(const char *json,
                                                             size_t len,
                                                             struct cloudpartner_product_list **out,
                                                             struct cloudpartner_error **err);

/**
 * How many products the list holds; 0 when `list` is NULL.
 */
size_t cloudpartner_product_list_count(const struct cloudpartner_product_list *list);

/**
 * Product `index`, borrowed from the list; NULL when out of range or `list` is NULL.
 */
const struct cloudpartner_product *cloudpartner_product_list_get(const struct cloudpartner_product_list *list,
                                                                 size_t index);

/**
 * A parsed page's `@nextLink`, borrowed from the list; NULL when there is none (always
 * for `cloudpartner_ingestion_client_products()`, which follows every page).
 */
const char *cloudpartner_product_list_next_link(const struct cloudpartner_product_list *list);

/**
 * Frees a list and its products. NULL is fine.
 */
void cloudpartner_product_list_free(struct cloudpartner_product_list *list);

/**
 * A new, generally available version `version_number` (`"N.N.N"`) with no image yet:
 * add one per image type of the plan's SKUs with `_add_image()`. It is checked when a
 * technical configuration takes it. Free it with
 * `cloudpartner_ingestion_vm_image_version_free()`. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
 * for a NULL or non-UTF-8 argument; `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_vm_image_version_new(const char *version_number,
                                                                         struct cloudpartner_ingestion_vm_image_version **out,
                                                                         struct cloudpartner_error **err);

/**
 * Adds an image of `image_type` (`"x64Gen1"`, `"x64Gen2"`, `"arm64Gen2"`) from the URL
 * of its OS disk (a `sasUri` image). The strings the version lent before are no longer
 * valid. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_vm_image_version_add_image(struct cloudpartner_ingestion_vm_image_version *version,
                                                                               const char *image_type,
                                                                               const char *os_disk_uri,
                                                                               struct cloudpartner_error **err);

/**
 * Adds a data disk (LUN 0..15, the URL of its VHD) to image `image_index`.
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument or an image
 * index out of range (the LUN is checked with the version).
 */
enum cloudpartner_error_kind cloudpartner_ingestion_vm_image_version_add_data_disk(struct cloudpartner_ingestion_vm_image_version *version,
                                                                                   size_t image_index,
                                                                                   uint32_t lun,
                                                                                   const char *uri,
                                                                                   struct cloudpartner_error **err);

/**
 * The version number (`"1.0.0"`); borrowed. NULL when `version` is NULL.
 */
const char *cloudpartner_ingestion_vm_image_version_number(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * The lifecycle state as on the wire (`"generallyAvailable"`, `"deprecated"`,
 * `"deleted"`); borrowed. NULL when the document has none (generally available).
 */
const char *cloudpartner_ingestion_vm_image_version_lifecycle_state(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * The deprecation schedule's reason (`"endOfSupport"`, ...); borrowed. NULL when there
 * is none.
 */
const char *cloudpartner_ingestion_vm_image_version_deprecation_reason(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * The deprecation schedule's date offset (`"P90D"`); borrowed. NULL when there is none.
 */
const char *cloudpartner_ingestion_vm_image_version_deprecation_date_offset(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * The deprecation schedule's date (set by the service); borrowed. NULL when there is
 * none.
 */
const char *cloudpartner_ingestion_vm_image_version_deprecation_date(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * How many images the version has (one per image type); 0 when `version` is NULL.
 */
size_t cloudpartner_ingestion_vm_image_version_image_count(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * Image `index`'s type (`"x64Gen2"`); borrowed. NULL when out of range.
 */
const char *cloudpartner_ingestion_vm_image_version_image_type(const struct cloudpartner_ingestion_vm_image_version *version,
                                                               size_t index);

/**
 * Image `index`'s source type (`"sasUri"` or `"sharedImageGallery"`); borrowed. NULL
 * when out of range.
 */
const char *cloudpartner_ingestion_vm_image_version_image_source_type(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                      size_t index);

/**
 * Image `index`'s OS disk URL (`""` for a gallery image), SAS query included: it is
 * what the service holds, so never print it as is. Borrowed; NULL when out of range.
 */
const char *cloudpartner_ingestion_vm_image_version_image_os_disk_uri(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                      size_t index);

/**
 * Image `index`'s gallery image resource id (`""` for a `sasUri` image); borrowed. NULL
 * when out of range.
 */
const char *cloudpartner_ingestion_vm_image_version_image_shared_image_resource_id(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                                   size_t index);

/**
 * Image `index`'s gallery image tenant id (`""` for a `sasUri` image); borrowed. NULL
 * when out of range.
 */
const char *cloudpartner_ingestion_vm_image_version_image_shared_image_tenant_id(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                                 size_t index);

/**
 * How many data disks image `index` has; 0 when out of range.
 */
size_t cloudpartner_ingestion_vm_image_version_image_data_disk_count(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                     size_t index);

/**
 * Data disk `disk` of image `index`: its URL (borrowed; NULL when out of range), its
 * LUN in `*lun` when `lun` is not NULL.
 */
const char *cloudpartner_ingestion_vm_image_version_image_data_disk(const struct cloudpartner_ingestion_vm_image_version *version,
                                                                    size_t index,
                                                                    size_t disk,
                                                                    uint32_t *lun);

/**
 * A copy of a version (say, one a technical configuration lends): free it with
 * `cloudpartner_ingestion_vm_image_version_free()`. NULL when `version` is NULL.
 */
struct cloudpartner_ingestion_vm_image_version *cloudpartner_ingestion_vm_image_version_clone(const struct cloudpartner_ingestion_vm_image_version *version);

/**
 * Frees a version. NULL is fine. Never free a borrowed one.
 */
void cloudpartner_ingestion_vm_image_version_free(struct cloudpartner_ingestion_vm_image_version *version);

/**
 * Parses a resource tree (`GET resource-tree/product/<guid>`): the `len` bytes at
 * `json`. On success `*out` gets it (free it with `cloudpartner_resource_tree_free()`);
 * `CLOUDPARTNER_ERROR_PARSE` for a document that is not a tree
 * (`cloudpartner_error_line()` / `_column()` say where), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
 * for a NULL argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_resource_tree(const char *json,
                                                              size_t len,
                                                              struct cloudpartner_resource_tree **out,
                                                              struct cloudpartner_error **err);

/**
 * The tree's root, `product/<guid>`; borrowed from the tree. NULL when `tree` is NULL.
 */
const char *cloudpartner_resource_tree_root(const struct cloudpartner_resource_tree *tree);

/**
 * The tree's target as on the wire (`"draft"`, `"preview"`, `"live"`); borrowed.
 */
const char *cloudpartner_resource_tree_target(const struct cloudpartner_resource_tree *tree);

/**
 * How many resources the tree holds; 0 when `tree` is NULL.
 */
size_t cloudpartner_resource_tree_resource_count(const struct cloudpartner_resource_tree *tree);

/**
 * Resource `index`, borrowed from the tree (clone it with `cloudpartner_resource_clone()`
 * to edit it); NULL when out of range.
 */
const struct cloudpartner_resource *cloudpartner_resource_tree_resource(const struct cloudpartner_resource_tree *tree,
                                                                        size_t index);

/**
 * The tree's product, borrowed from the tree; NULL when it has none.
 */
const struct cloudpartner_product *cloudpartner_resource_tree_product(const struct cloudpartner_resource_tree *tree);

/**
 * How many plans the tree holds; 0 when `tree` is NULL.
 */
size_t cloudpartner_resource_tree_plan_count(const struct cloudpartner_resource_tree *tree);

/**
 * Plan `index`'s id (its external id, `"standard"`), in the tree's order; borrowed. NULL
 * when out of range.
 */
const char *cloudpartner_resource_tree_plan_id(const struct cloudpartner_resource_tree *tree,
                                               size_t index);

/**
 * The id of the tree's submission resource (`submission/<guid>/0` in a draft); borrowed.
 * NULL when it has none.
 */
const char *cloudpartner_resource_tree_submission_id(const struct cloudpartner_resource_tree *tree);

/**
 * The whole tree as JSON text, lossless (the document as the service sent it). Free it
 * with `cloudpartner_string_free()`. NULL when `tree` is NULL.
 */
char *cloudpartner_resource_tree_json(const struct cloudpartner_resource_tree *tree);

/**
 * Replaces the tree with the `len` bytes of JSON at `json` (a tree edited by hand),
 * keeping what a draft read through a client knows of the published versions. Every
 * pointer the tree lent before (its resources, plan ids, product, strings) is invalid
 * afterwards. JSON that does not parse is `CLOUDPARTNER_ERROR_PARSE` (with its line and
 * column) and leaves the tree as it was; a NULL argument is
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_resource_tree_set_json(struct cloudpartner_resource_tree *tree,
                                                                 const char *json,
                                                                 size_t len,
                                                                 struct cloudpartner_error **err);

/**
 * The VM technical configuration of plan `plan_id` (its external id), a copy the caller
 * edits with the image helpers and sends with `cloudpartner_technical_configuration_json()`
 * and `cloudpartner_ingestion_client_configure()`. Free it with
 * `cloudpartner_technical_configuration_free()`. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
 * for an unknown plan (the message names the tree's plans) or a NULL or non-UTF-8
 * argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_resource_tree_technical_configuration(const struct cloudpartner_resource_tree *tree,
                                                                                const char *plan_id,
                                                                                struct cloudpartner_technical_configuration **out,
                                                                                struct cloudpartner_error **err);

/**
 * Frees a tree and everything it lends. NULL is fine.
 */
void cloudpartner_resource_tree_free(struct cloudpartner_resource_tree *tree);

/**
 * The plan's id (`"standard"`); borrowed. NULL when `configuration` is NULL.
 */
const char *cloudpartner_technical_configuration_plan_id(const struct cloudpartner_technical_configuration *configuration);

/**
 * How many image types the plan's SKUs have; 0 when `configuration` is NULL.
 */
size_t cloudpartner_technical_configuration_image_type_count(const struct cloudpartner_technical_configuration *configuration);

/**
 * Image type `index` of the plan's SKUs (`"x64Gen1"`), in order; borrowed. NULL when
 * out of range.
 */
const char *cloudpartner_technical_configuration_image_type(const struct cloudpartner_technical_configuration *configuration,
                                                            size_t index);

/**
 * How many image versions the configuration holds; 0 when `configuration` is NULL.
 */
size_t cloudpartner_technical_configuration_vm_image_version_count(const struct cloudpartner_technical_configuration *configuration);

/**
 * Image version `index`, in document order; borrowed (valid until the configuration
 * changes or is freed). NULL when out of range.
 */
const struct cloudpartner_ingestion_vm_image_version *cloudpartner_technical_configuration_vm_image_version(const struct cloudpartner_technical_configuration *configuration,
                                                                                                            size_t index);

/**
 * Adds `version`, or replaces the version with its number. It is checked first
 * (`"N.N.N"`, one image per image type of the plan's SKUs and only those, https URLs,
 * LUNs 0..15): `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` saying what is wrong, and the
 * configuration unchanged. `version` stays the caller's.
 */
enum cloudpartner_error_kind cloudpartner_technical_configuration_set_vm_image_version(struct cloudpartner_technical_configuration *configuration,
                                                                                       const struct cloudpartner_ingestion_vm_image_version *version,
                                                                                       struct cloudpartner_error **err);

/**
 * Deprecates version `version`, with an optional `reason` (`"criticalSecurityIssue"`,
 * `"endOfSupport"`, `"other"`) and `date_offset` (`"P90D"`), both NULL for none.
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown version or reason.
 */
enum cloudpartner_error_kind cloudpartner_technical_configuration_deprecate_vm_image_version(struct cloudpartner_technical_configuration *configuration,
                                                                                             const char *version,
                                                                                             const char *reason,
                                                                                             const char *date_offset,
                                                                                             struct cloudpartner_error **err);

/**
 * Restores version `version` (back to generally available, no deprecation schedule).
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown version.
 */
enum cloudpartner_error_kind cloudpartner_technical_configuration_restore_vm_image_version(struct cloudpartner_technical_configuration *configuration,
                                                                                           const char *version,
                                                                                           struct cloudpartner_error **err);

/**
 * Removes version `version`, which must never have been published: removing a published
 * one is `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` explaining the full-state rule (deprecate
 * it instead), as is an unknown version.
 */
enum cloudpartner_error_kind cloudpartner_technical_configuration_remove_vm_image_version(struct cloudpartner_technical_configuration *configuration,
                                                                                          const char *version,
                                                                                          struct cloudpartner_error **err);

/**
 * The configuration as it is now, a resource as JSON text (lossless, edits included):
 * what to give `cloudpartner_ingestion_client_configure()`. Free it with
 * `cloudpartner_string_free()`. NULL when `configuration` is NULL.
 */
char *cloudpartner_technical_configuration_json(const struct cloudpartner_technical_configuration *configuration);

/**
 * Frees a configuration and everything it lends. NULL is fine.
 */
void cloudpartner_technical_configuration_free(struct cloudpartner_technical_configuration *configuration);

/**
 * Parses a configure status document: the `len` bytes at `json`. On success `*out` gets
 * the job (free it with `cloudpartner_job_free()`); `CLOUDPARTNER_ERROR_PARSE` for a
 * document that is not one (no object, no job id), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
 * for a NULL argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_job(const char *json,
                                                    size_t len,
                                                    struct cloudpartner_job **out,
                                                    struct cloudpartner_error **err);

/**
 * The job id; borrowed from the job. NULL when `job` is NULL.
 */
const char *cloudpartner_job_id(const struct cloudpartner_job *job);

/**
 * Where the job is; `CLOUDPARTNER_JOB_STATUS_UNKNOWN` for a status this version does not
 * know (`cloudpartner_job_status_text()` has it) or a NULL `job`.
 */
enum cloudpartner_job_status cloudpartner_job_status(const struct cloudpartner_job *job);

/**
 * The job's status as the service spelled it when unknown, else its canonical spelling
 * (`"running"`); borrowed from the job.
 */
const char *cloudpartner_job_status_text(const struct cloudpartner_job *job);

/**
 * How the job ended (`CLOUDPARTNER_JOB_RESULT_PENDING` until it is done);
 * `CLOUDPARTNER_JOB_RESULT_UNKNOWN` for a result this version does not know or a NULL
 * `job`.
 */
enum cloudpartner_job_result cloudpartner_job_result(const struct cloudpartner_job *job);

/**
 * The job's result as the service spelled it when unknown, else its canonical spelling
 * (`"failed"`); borrowed from the job.
 */
const char *cloudpartner_job_result_text(const struct cloudpartner_job *job);

/**
 * True when the job is done (completed, or with a final result); false for NULL.
 */
bool cloudpartner_job_is_done(const struct cloudpartner_job *job);

/**
 * True when the job completed and succeeded; false for NULL.
 */
bool cloudpartner_job_succeeded(const struct cloudpartner_job *job);

/**
 * True when one of its errors, at any depth, is a certification failure (`invalidState`
 * with "certification" in its message); false for NULL.
 */
bool cloudpartner_job_is_certification_failure(const struct cloudpartner_job *job);

/**
 * When the job started, in nanoseconds since the Unix epoch (UTC), into `*nanos` when not
 * NULL; returns false (and writes nothing) when it has no start.
 */
bool cloudpartner_job_start(const struct cloudpartner_job *job, int64_t *nanos);

/**
 * When the job ended, as `cloudpartner_job_start()`; false until it did (the service
 * sends `0001-01-01` meanwhile).
 */
bool cloudpartner_job_end(const struct cloudpartner_job *job, int64_t *nanos);

/**
 * How many top-level errors the job has; 0 when `job` is NULL.
 */
size_t cloudpartner_job_error_count(const struct cloudpartner_job *job);

/**
 * Top-level error `index`, borrowed from the job; NULL when out of range.
 */
const struct cloudpartner_job_error *cloudpartner_job_error(const struct cloudpartner_job *job,
                                                            size_t index);

/**
 * A copy of a job (say, one a callback lends): free it with `cloudpartner_job_free()`.
 * NULL when `job` is NULL.
 */
struct cloudpartner_job *cloudpartner_job_clone(const struct cloudpartner_job *job);

/**
 * Frees a job and its errors. NULL is fine. Never free a borrowed one.
 */
void cloudpartner_job_free(struct cloudpartner_job *job);

/**
 * The error's code (`"invalidState"`); borrowed. NULL when `error` is NULL.
 */
const char *cloudpartner_job_error_code(const struct cloudpartner_job_error *error);

/**
 * The error's message; borrowed. NULL when `error` is NULL.
 */
const char *cloudpartner_job_error_message(const struct cloudpartner_job_error *error);

/**
 * The durable id of the resource the error is about; borrowed. NULL when it names none.
 */
const char *cloudpartner_job_error_resource_id(const struct cloudpartner_job_error *error);

/**
 * True when this error or one of its details, at any depth, is a certification failure.
 */
bool cloudpartner_job_error_is_certification(const struct cloudpartner_job_error *error);

/**
 * How many nested details the error has; 0 when `error` is NULL.
 */
size_t cloudpartner_job_error_detail_count(const struct cloudpartner_job_error *error);

/**
 * Nested detail `index`, borrowed from the error; NULL when out of range.
 */
const struct cloudpartner_job_error *cloudpartner_job_error_detail(const struct cloudpartner_job_error *error,
                                                                   size_t index);

/**
 * The submission's id (`submission/<guid>/<n>`); borrowed. NULL when `submission` is NULL.
 */
const char *cloudpartner_submission_id(const struct cloudpartner_submission *submission);

/**
 * Its product's durable id (`product/<guid>`); borrowed.
 */
const char *cloudpartner_submission_product(const struct cloudpartner_submission *submission);

/**
 * Its target as on the wire (`"draft"`, `"preview"`, `"live"`); borrowed.
 */
const char *cloudpartner_submission_target(const struct cloudpartner_submission *submission);

/**
 * Its status (`"notStarted"`, `"running"`, `"completed"`); borrowed. NULL for the draft
 * entry.
 */
const char *cloudpartner_submission_status(const struct cloudpartner_submission *submission);

/**
 * Its result (`"pending"`, `"succeeded"`, `"failed"`); borrowed. NULL for the draft entry.
 */
const char *cloudpartner_submission_result(const struct cloudpartner_submission *submission);

/**
 * When it was created, in nanoseconds since the Unix epoch (UTC), into `*nanos` when not
 * NULL; false (nothing written) when it has no time.
 */
bool cloudpartner_submission_created(const struct cloudpartner_submission *submission,
                                     int64_t *nanos);

/**
 * Parses `GET submission/<guid>` (`{"value": [...]}`): the `len` bytes at `json`. On
 * success `*out` gets the list (free it with `cloudpartner_submission_list_free()`);
 * `CLOUDPARTNER_ERROR_PARSE` for anything else. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_parse_submissions(const char *json,
                                                            size_t len,
                                                            struct cloudpartner_submission_list **out,
                                                            struct cloudpartner_error **err);

/**
 * How many submissions the list holds; 0 when `list` is NULL.
 */
size_t cloudpartner_submission_list_count(const struct cloudpartner_submission_list *list);

/**
 * Submission `index`, borrowed from the list; NULL when out of range.
 */
const struct cloudpartner_submission *cloudpartner_submission_list_get(const struct cloudpartner_submission_list *list,
                                                                       size_t index);

/**
 * Where product `product` (the name the status carries) stands by these submissions: a
 * new `cloudpartner_product_status` in `*out` (free it with
 * `cloudpartner_product_status_free()`). `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a
 * NULL or non-UTF-8 argument; `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_submission_list_product_status(const struct cloudpartner_submission_list *list,
                                                                         const char *product,
                                                                         struct cloudpartner_product_status **out,
                                                                         struct cloudpartner_error **err);

/**
 * Frees a list and its submissions. NULL is fine.
 */
void cloudpartner_submission_list_free(struct cloudpartner_submission_list *list);

/**
 * The product, as it was named (offer id or durable id); borrowed. NULL when `status` is
 * NULL.
 */
const char *cloudpartner_product_status_product(const struct cloudpartner_product_status *status);

/**
 * The product's stage; `CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN` when `status` is NULL.
 */
enum cloudpartner_product_stage cloudpartner_product_status_stage(const struct cloudpartner_product_status *status);

/**
 * The latest submission to preview, borrowed from the status; NULL when there is none.
 */
const struct cloudpartner_submission *cloudpartner_product_status_preview(const struct cloudpartner_product_status *status);

/**
 * The latest submission to live, borrowed from the status; NULL when there is none.
 */
const struct cloudpartner_submission *cloudpartner_product_status_live(const struct cloudpartner_product_status *status);

/**
 * True when nothing runs and nothing waits for the publisher (never published, a failed
 * preview or push, live); false for NULL.
 */
bool cloudpartner_product_status_is_terminal(const struct cloudpartner_product_status *status);

/**
 * True when a preview waits for the publisher's go-live; false for NULL.
 */
bool cloudpartner_product_status_needs_publisher_action(const struct cloudpartner_product_status *status);

/**
 * True while a submission runs; false for NULL.
 */
bool cloudpartner_product_status_in_progress(const struct cloudpartner_product_status *status);

/**
 * A copy of a status (say, one a callback lends): free it with
 * `cloudpartner_product_status_free()`. NULL when `status` is NULL.
 */
struct cloudpartner_product_status *cloudpartner_product_status_clone(const struct cloudpartner_product_status *status);

/**
 * Frees a status. NULL is fine. Never free a borrowed one.
 */
void cloudpartner_product_status_free(struct cloudpartner_product_status *status);

/**
 * Creates a client of the Product Ingestion API from the same options as
 * `cloudpartner_client_new()` (`opts` may be NULL for every default): its base URL is
 * `opts->ingestion_base_url` (NULL: `CLOUDPARTNER_INGESTION_URL`, else
 * `https://graph.microsoft.com/rp/product-ingestion`), its version
 * `opts->ingestion_version` (NULL: `2022-07-01`); the credential chain asks for a
 * Microsoft Graph token. On success `*out` gets the client: free it with
 * `cloudpartner_ingestion_client_free()`. On failure `*out` is NULL:
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a bad option,
 * `CLOUDPARTNER_ERROR_AUTHENTICATION` when no credential is found. No request is made
 * here. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_new(const struct cloudpartner_client_options *opts,
                                                               struct cloudpartner_ingestion_client **out,
                                                               struct cloudpartner_error **err);

/**
 * Frees a client. NULL is fine. No call on it may be running.
 */
void cloudpartner_ingestion_client_free(struct cloudpartner_ingestion_client *client);

/**
 * Every product of the account (`GET product`, every page followed). On success `*out`
 * gets the list: free it with `cloudpartner_product_list_free()`. On failure `*out` is
 * NULL and the kind says why (`CLOUDPARTNER_ERROR_AUTHENTICATION`, ...). `err` may be
 * NULL. Like every function of this client: blocking, transient failures retried, safe
 * from several threads.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_products(const struct cloudpartner_ingestion_client *client,
                                                                    struct cloudpartner_product_list **out,
                                                                    struct cloudpartner_error **err);

/**
 * One product, by offer id or durable id. On success `*out` gets it: free it with
 * `cloudpartner_product_free()`. `CLOUDPARTNER_ERROR_NOT_FOUND` when there is none;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
 * may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_product(const struct cloudpartner_ingestion_client *client,
                                                                   const char *product,
                                                                   struct cloudpartner_product **out,
                                                                   struct cloudpartner_error **err);

/**
 * A product's resource tree for `target` (`"draft"`, `"preview"`, `"live"`; NULL: the
 * draft). On success `*out` gets it: free it with `cloudpartner_resource_tree_free()`.
 * `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown product;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for another target or a NULL or non-UTF-8
 * argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_resource_tree(const struct cloudpartner_ingestion_client *client,
                                                                         const char *product,
                                                                         const char *target,
                                                                         struct cloudpartner_resource_tree **out,
                                                                         struct cloudpartner_error **err);

/**
 * One resource (its draft) by durable id
 * (`virtual-machine-plan-technical-configuration/<guid>/<guid>`). On success `*out` gets
 * it: free it with `cloudpartner_resource_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_resource(const struct cloudpartner_ingestion_client *client,
                                                                    const char *durable_id,
                                                                    struct cloudpartner_resource **out,
                                                                    struct cloudpartner_error **err);

/**
 * Sends resources to `POST configure` (never twice where the service may have acted)
 * and gives the configure job (usually not done yet: follow it with
 * `cloudpartner_ingestion_client_wait_for_job()`). `resources_json` is a JSON array of
 * resources, or `{"resources": [...]}`, sent as written (say,
 * `cloudpartner_technical_configuration_json()` in brackets). On success `*out` gets the
 * job: free it with `cloudpartner_job_free()`. `CLOUDPARTNER_ERROR_BAD_REQUEST` when the
 * service refuses the request; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing sent,
 * for JSON that is not that shape or a NULL argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_configure(const struct cloudpartner_ingestion_client *client,
                                                                     const char *resources_json,
                                                                     struct cloudpartner_job **out,
                                                                     struct cloudpartner_error **err);

/**
 * A configure job's status now. On success `*out` gets the job: free it with
 * `cloudpartner_job_free()`. `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown job. `err`
 * may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_job(const struct cloudpartner_ingestion_client *client,
                                                               const char *job_id,
                                                               struct cloudpartner_job **out,
                                                               struct cloudpartner_error **err);

/**
 * Cancels a running configure job and gives its status (result `cancelled`).
 * `CLOUDPARTNER_ERROR_BAD_REQUEST` when it has already completed. On success `*out` gets
 * the job: free it with `cloudpartner_job_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_cancel_job(const struct cloudpartner_ingestion_client *client,
                                                                      const char *job_id,
                                                                      struct cloudpartner_job **out,
                                                                      struct cloudpartner_error **err);

/**
 * A product's submissions (the draft entry, the preview and live publishes). On success
 * `*out` gets the list: free it with `cloudpartner_submission_list_free()`. `err` may be
 * NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_submissions(const struct cloudpartner_ingestion_client *client,
                                                                       const char *product,
                                                                       struct cloudpartner_submission_list **out,
                                                                       struct cloudpartner_error **err);

/**
 * Where a product stands now (its stage, its latest preview and live submissions). On
 * success `*out` gets it: free it with `cloudpartner_product_status_free()`. `err` may
 * be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_product_status(const struct cloudpartner_ingestion_client *client,
                                                                          const char *product,
                                                                          struct cloudpartner_product_status **out,
                                                                          struct cloudpartner_error **err);

/**
 * Publishes a product's draft to preview (certification follows). Refused with
 * `CLOUDPARTNER_ERROR_CONFLICT`, nothing sent, while a submission is in progress (the
 * message names it). On success `*out` gets the configure job: free it with
 * `cloudpartner_job_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_publish(const struct cloudpartner_ingestion_client *client,
                                                                   const char *product,
                                                                   struct cloudpartner_job **out,
                                                                   struct cloudpartner_error **err);

/**
 * Pushes a product's latest succeeded preview to live. Refused with
 * `CLOUDPARTNER_ERROR_CONFLICT`, nothing sent, when no preview newer than live succeeded
 * (the message says what the preview and live submissions are). On success `*out` gets
 * the configure job: free it with `cloudpartner_job_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_go_live(const struct cloudpartner_ingestion_client *client,
                                                                   const char *product,
                                                                   struct cloudpartner_job **out,
                                                                   struct cloudpartner_error **err);

/**
 * Waits until a configure job is done, blocking, polling at the pace of configure jobs
 * within `[min_interval_ms, max_interval_ms]` of `opts` (NULL: the defaults;
 * `until_publisher_action` is ignored); transient failures are survived.
 *
 * `on_change` (may be NULL) gets each status of the job that differs from the previous
 * one, and `user_data`; a non-zero return stops the wait.
 *
 * Returns `CLOUDPARTNER_OK` when the job is done — succeeded or failed: a failed job is
 * a result (`cloudpartner_job_succeeded()`, its errors), not an error;
 * `CLOUDPARTNER_ERROR_CANCELED` when the callback stopped it; `CLOUDPARTNER_ERROR_TIMEOUT`
 * after `opts->timeout_ms`; another kind for the error that ended it;
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument or bad
 * options. Whatever the result, when `out` is not NULL, `*out` gets the last status seen
 * (NULL when none was): free it with `cloudpartner_job_free()`. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_wait_for_job(const struct cloudpartner_ingestion_client *client,
                                                                        const char *job_id,
                                                                        const struct cloudpartner_watch_options *opts,
                                                                        cloudpartner_job_fn on_change,
                                                                        void *user_data,
                                                                        struct cloudpartner_job **out,
                                                                        struct cloudpartner_error **err);

/**
 * Watches a product's stage, blocking: each change, until it is terminal (never
 * published, a failed preview or push, live) or, with `opts->until_publisher_action`,
 * until a preview waits for the publisher's go-live. It polls at about a twentieth of
 * the stage's typical duration within `[min_interval_ms, max_interval_ms]` (NULL `opts`:
 * the defaults).
 *
 * `on_change` (may be NULL) gets each status that differs from the previous one, and
 * `user_data`; a non-zero return stops the watch. Returns as
 * `cloudpartner_ingestion_client_wait_for_job()` (`CLOUDPARTNER_OK` when the stage asked
 * for is reached); whatever the result, when `out` is not NULL, `*out` gets the last
 * status seen (NULL when none was): free it with `cloudpartner_product_status_free()`.
 * `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_watch(const struct cloudpartner_ingestion_client *client,
                                                                 const char *product,
                                                                 const struct cloudpartner_watch_options *opts,
                                                                 cloudpartner_product_status_fn on_change,
                                                                 void *user_data,
                                                                 struct cloudpartner_product_status **out,
                                                                 struct cloudpartner_error **err);

/**
 * A request with every default: NULL strings, no data disks, no go-live, no dry run, the
 * default watch options.
 */
struct cloudpartner_ingestion_release_request cloudpartner_ingestion_release_request_default(void);

/**
 * The event's kind; `CLOUDPARTNER_RELEASE_EVENT_UNKNOWN` when `event` is NULL.
 */
enum cloudpartner_release_event_kind cloudpartner_ingestion_release_event_kind(const struct cloudpartner_ingestion_release_event *event);

/**
 * The phase the event is about (the phases of every release: read, change, write,
 * publish, review, go-live, live, done); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` when
 * `event` is NULL.
 */
enum cloudpartner_release_phase cloudpartner_ingestion_release_event_phase(const struct cloudpartner_ingestion_release_event *event);

/**
 * The name of the event's phase (`"go-live"`); borrowed from the event. NULL when
 * `event` is NULL.
 */
const char *cloudpartner_ingestion_release_event_phase_name(const struct cloudpartner_ingestion_release_event *event);

/**
 * What the finished phase did, one line (`sig=REDACTED` in URLs; "not sent again" when
 * a resumed release skips what is done); borrowed from the event. NULL unless the event
 * is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
 */
const char *cloudpartner_ingestion_release_event_summary(const struct cloudpartner_ingestion_release_event *event);

/**
 * The same facts as the summary, as a JSON object (`{"job": ...}`, ...); borrowed from
 * the event. NULL unless the event is `CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED`.
 */
const char *cloudpartner_ingestion_release_event_fields_json(const struct cloudpartner_ingestion_release_event *event);

/**
 * The product's new status while a phase waits; borrowed from the event
 * (`cloudpartner_product_status_clone()` keeps it). NULL unless the event is
 * `CLOUDPARTNER_RELEASE_EVENT_STATUS`.
 */
const struct cloudpartner_product_status *cloudpartner_ingestion_release_event_status(const struct cloudpartner_ingestion_release_event *event);

/**
 * How the release ended; `CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN` when `result` is NULL.
 */
enum cloudpartner_release_outcome cloudpartner_ingestion_release_result_outcome(const struct cloudpartner_ingestion_release_result *result);

/**
 * The last status the release read (live; waiting for go-live; the failed one, when
 * read); borrowed from the result. NULL for a dry run, a canceled job, or when `result`
 * is NULL.
 */
const struct cloudpartner_product_status *cloudpartner_ingestion_release_result_status(const struct cloudpartner_ingestion_release_result *result);

/**
 * For a dry run, the change to the technical configuration as a unified diff
 * (`sig=REDACTED`; empty when the draft already holds it); borrowed. NULL otherwise.
 */
const char *cloudpartner_ingestion_release_result_diff(const struct cloudpartner_ingestion_release_result *result);

/**
 * For the outcomes `FAILED` and `CANCELED`, the phase it happened in (`WRITE`, `REVIEW`,
 * `LIVE`); `CLOUDPARTNER_RELEASE_PHASE_UNKNOWN` otherwise.
 */
enum cloudpartner_release_phase cloudpartner_ingestion_release_result_failed_phase(const struct cloudpartner_ingestion_release_result *result);

/**
 * For the outcomes `FAILED` and `CANCELED`, the job that failed or was canceled (its
 * errors nested: a certification failure is `cloudpartner_job_is_certification_failure()`),
 * when known; borrowed from the result. NULL otherwise.
 */
const struct cloudpartner_job *cloudpartner_ingestion_release_result_job(const struct cloudpartner_ingestion_release_result *result);

/**
 * Frees a result and everything it lends. NULL is fine.
 */
void cloudpartner_ingestion_release_result_free(struct cloudpartner_ingestion_release_result *result);

/**
 * Releases a VM image version through the Product Ingestion API, blocking, in the phases
 * of every cloudpartner interface: read (resolve the product; `CLOUDPARTNER_ERROR_CONFLICT`
 * while a submission is in progress; read the draft) → change (add the version to the
 * plan's technical configuration, one image per SKU) → write (configure, wait for the
 * job) → publish (to preview) → review (wait for certification) → with
 * `request->go_live`: go-live → live. Resumable: a version the draft already holds with
 * the same image URLs is not sent again, a preview that holds it is not published again.
 * With `request->dry_run` nothing is sent and the result has the diff.
 *
 * `on_progress` (may be NULL) gets each event, in order, with `user_data`; its non-zero
 * return stops the release right after that event, before anything more is sent (the
 * call then returns `CLOUDPARTNER_ERROR_CANCELED`).
 *
 * On success `*out` gets the result: free it with
 * `cloudpartner_ingestion_release_result_free()`. A job that failed (a refused
 * configure, a failed certification, a failed push) or was canceled is a result
 * (`CLOUDPARTNER_RELEASE_OUTCOME_FAILED` / `_CANCELED`, with the job), not an error. On
 * failure `*out` is NULL and `*err` says which phase failed: `CLOUDPARTNER_ERROR_TIMEOUT`,
 * `CLOUDPARTNER_ERROR_CONFLICT`, ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing
 * sent, for a NULL or non-UTF-8 argument, an unknown plan or a bad image. `err` may be
 * NULL. Safe to call from several threads on one client.
 */
enum cloudpartner_error_kind cloudpartner_ingestion_client_release(const struct cloudpartner_ingestion_client *client,
                                                                   const struct cloudpartner_ingestion_release_request *request,
                                                                   cloudpartner_ingestion_progress_fn on_progress,
                                                                   void *user_data,
                                                                   struct cloudpartner_ingestion_release_result **out,
                                                                   struct cloudpartner_error **err);

/**
 * Starts an emulator on a free port of `127.0.0.1`.
 *
 * `scenario_json` is a scenario document (publishers, offers, simulated publishes,
 * faults, token, `timeScale`: see the README), or NULL for the default scenario
 * (publisher `contoso` with an offer in every state, and `vm-offer`, a publish that starts
 * now). On success `*out` gets the emulator: free it with `cloudpartner_emulator_free()`.
 * On failure `*out` is NULL: `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a scenario that
 * cannot be read (the message names the field) or a NULL `out`,
 * `CLOUDPARTNER_ERROR_TRANSPORT` when no port can be bound. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_emulator_start(const char *scenario_json,
                                                         struct cloudpartner_emulator **out,
                                                         struct cloudpartner_error **err);

/**
 * Like `cloudpartner_emulator_start()`, with the simulated clock running `time_scale`
 * simulated seconds per real second (overriding the scenario's `timeScale`; must be a
 * positive number). A large scale (10000) runs the default `vm-offer` publish in seconds.
 */
enum cloudpartner_error_kind cloudpartner_emulator_start_scaled(const char *scenario_json,
                                                                double time_scale,
                                                                struct cloudpartner_emulator **out,
                                                                struct cloudpartner_error **err);

/**
 * The URL to point clients at, e.g. `"http://127.0.0.1:41234"` (no trailing slash); also
 * the authority host of its token endpoint. Valid until the emulator is freed; NULL only
 * when `emulator` is NULL.
 */
const char *cloudpartner_emulator_base_url(const struct cloudpartner_emulator *emulator);

/**
 * The Product Ingestion API's URL of the emulator, `"<base_url>/rp/product-ingestion"`
 * (what `cloudpartner_emulator_client_options()` sets as `ingestion_base_url`). Valid
 * until the emulator is freed; NULL only when `emulator` is NULL.
 */
const char *cloudpartner_emulator_ingestion_base_url(const struct cloudpartner_emulator *emulator);

/**
 * The bearer token the emulator accepts. Valid until the emulator is freed; NULL only
 * when `emulator` is NULL.
 */
const char *cloudpartner_emulator_token(const struct cloudpartner_emulator *emulator);

/**
 * Adds a fault, from the next request on: a JSON object as in a scenario's `faults`, e.g.
 * `{"kind":"status","status":503,"times":2,"offerId":"vm-offer"}` (kinds `status`,
 * `latency`, `malformed`, `html`, `reset`, `slowBody`, `oversize`, `redirect`).
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument or a fault that cannot be
 * read. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_emulator_add_fault(const struct cloudpartner_emulator *emulator,
                                                             const char *fault_json,
                                                             struct cloudpartner_error **err);

/**
 * Serves `status_json` (a status document, served verbatim) for `publisher`/`offer` from
 * the next request on, adding the offer (and publisher) when new.
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument, or a
 * `status_json` that is not JSON. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_emulator_set_offer_status(const struct cloudpartner_emulator *emulator,
                                                                    const char *publisher,
                                                                    const char *offer,
                                                                    const char *status_json,
                                                                    struct cloudpartner_error **err);

/**
 * The offer document the emulator holds for `publisher`/`offer` in `slot` (`"draft"`,
 * `"preview"` or `"production"`, any case; NULL: the draft) — what the service would
 * hold after the requests so far, key order kept, SAS signatures as sent — as compact
 * JSON in `*out` (free it with `cloudpartner_string_free()`), or NULL when the offer, or
 * that slot, has none. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown slot or a
 * NULL or non-UTF-8 argument. `err` may be NULL.
 */
enum cloudpartner_error_kind cloudpartner_emulator_offer_document(const struct cloudpartner_emulator *emulator,
                                                                  const char *publisher,
                                                                  const char *offer,
                                                                  const char *slot,
                                                                  char **out,
                                                                  struct cloudpartner_error **err);

/**
 * Writes the draft of `publisher`/`offer` as a second writer would: `document_json` (an
 * offer document, a JSON object) is stored as the next version, with its `version` and
 * `changedTime` set and a fresh ETag, so that an ETag read before no longer matches. The
 * publisher and offer are created when new. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a
 * document that is not a JSON object, or a NULL or non-UTF-8 argument. `err` may be
 * NULL.
 */
enum cloudpartner_error_kind cloudpartner_emulator_set_offer_document(const struct cloudpartner_emulator *emulator,
                                                                      const char *publisher,
                                                                      const char *offer,
                                                                      const char *document_json,
                                                                      struct cloudpartner_error **err);

/**
 * Fills `*out` for a client of this emulator: every default (as
 * `cloudpartner_client_options_default()`), with the emulator's `base_url`,
 * `ingestion_base_url` and `token`
 * (pointers valid until the emulator is freed) and, as `poll_time_scale`, the emulator's
 * time scale, so that a watch polls as often in the emulator's time as it would against
 * the service. Change other fields afterwards as you like, then
 * `cloudpartner_client_new(out, ...)`.
 *
 * `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `emulator` or `out` is NULL (`*out` is then
 * left as it was).
 */
enum cloudpartner_error_kind cloudpartner_emulator_client_options(const struct cloudpartner_emulator *emulator,
                                                                  struct cloudpartner_client_options *out);

/**
 * How many requests the emulator has recorded (every endpoint, since it started); still
 * readable after `cloudpartner_emulator_stop()`. 0 when `emulator` is NULL.
 */
size_t cloudpartner_emulator_request_count(const struct cloudpartner_emulator *emulator);

/**
 * The requests the emulator has recorded, in the order received, as a JSON array of
 * `{"method", "path" (still percent-encoded), "query" (or null), "headers": [[name,
 * value], ...] (names in lowercase, credentials other than the emulator's token
 * redacted), "body" (writes only, or null)}`; still readable after
 * `cloudpartner_emulator_stop()`. Free it with `cloudpartner_string_free()`; NULL when
 * `emulator` is NULL.
 */
char *cloudpartner_emulator_requests_json(const struct cloudpartner_emulator *emulator);

/**
 * Stops the emulator's server (requests in flight get a short grace period) and waits
 * for it to end. Idempotent: a second call returns at once. The handle stays usable:
 * its base URL, token and recorded requests stay readable (nothing answers there any
 * more). NULL is fine. Free it with `cloudpartner_emulator_free()`.
 */
void cloudpartner_emulator_stop(const struct cloudpartner_emulator *emulator);

/**
 * Stops the emulator (as `cloudpartner_emulator_stop()`, when it still runs) and frees
 * it: its base URL and token strings go with it. NULL is fine.
 */
void cloudpartner_emulator_free(struct cloudpartner_emulator *emulator);

/**
 * Stops the library's runtime and joins its threads, releasing everything it holds.
 *
 * Optional: call it once at the end of the program, after every client, watch and
 * emulator is freed, when a leak checker (valgrind) should see nothing left. Work still
 * in flight on other threads is canceled. A later call into the library starts a new
 * runtime. Safe to call more than once, and when the runtime never started.
 */
void cloudpartner_shutdown(void);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

/* Short names for the types (in C++ too). `enum cloudpartner_step_state`,
 * `enum cloudpartner_message_level`, `enum cloudpartner_release_event_kind`,
 * `enum cloudpartner_job_status`, `enum cloudpartner_job_result` and
 * `struct cloudpartner_job_error` have none: their names are those of the accessors
 * cloudpartner_step_state(), cloudpartner_message_level(), cloudpartner_release_event_kind(),
 * cloudpartner_job_status(), cloudpartner_job_result() and cloudpartner_job_error(). */
typedef enum cloudpartner_error_kind cloudpartner_error_kind;
typedef enum cloudpartner_offer_state cloudpartner_offer_state;
typedef enum cloudpartner_operation_state cloudpartner_operation_state;
typedef enum cloudpartner_table cloudpartner_table;
typedef struct cloudpartner_error cloudpartner_error;
typedef struct cloudpartner_client cloudpartner_client;
typedef struct cloudpartner_client_options cloudpartner_client_options;
typedef struct cloudpartner_watch_options cloudpartner_watch_options;
typedef struct cloudpartner_offer_status cloudpartner_offer_status;
typedef struct cloudpartner_step cloudpartner_step;
typedef struct cloudpartner_message cloudpartner_message;
typedef struct cloudpartner_link cloudpartner_link;
typedef struct cloudpartner_batch cloudpartner_batch;
typedef struct cloudpartner_watch cloudpartner_watch;
typedef struct cloudpartner_emulator cloudpartner_emulator;
typedef struct cloudpartner_offer cloudpartner_offer;
typedef struct cloudpartner_offer_list cloudpartner_offer_list;
typedef struct cloudpartner_vm_image cloudpartner_vm_image;
typedef struct cloudpartner_data_disk cloudpartner_data_disk;
typedef struct cloudpartner_vm_image_list cloudpartner_vm_image_list;
typedef struct cloudpartner_operation cloudpartner_operation;
typedef struct cloudpartner_operation_list cloudpartner_operation_list;
typedef struct cloudpartner_operation_ref cloudpartner_operation_ref;
typedef struct cloudpartner_publisher cloudpartner_publisher;
typedef struct cloudpartner_publisher_list cloudpartner_publisher_list;
typedef enum cloudpartner_release_phase cloudpartner_release_phase;
typedef enum cloudpartner_release_outcome cloudpartner_release_outcome;
typedef struct cloudpartner_release_request cloudpartner_release_request;
typedef struct cloudpartner_release_event cloudpartner_release_event;
typedef struct cloudpartner_release_result cloudpartner_release_result;
typedef enum cloudpartner_product_stage cloudpartner_product_stage;
typedef struct cloudpartner_ingestion_client cloudpartner_ingestion_client;
typedef struct cloudpartner_resource cloudpartner_resource;
typedef struct cloudpartner_product cloudpartner_product;
typedef struct cloudpartner_product_list cloudpartner_product_list;
typedef struct cloudpartner_resource_tree cloudpartner_resource_tree;
typedef struct cloudpartner_technical_configuration cloudpartner_technical_configuration;
typedef struct cloudpartner_ingestion_vm_image_version cloudpartner_ingestion_vm_image_version;
typedef struct cloudpartner_job cloudpartner_job;
typedef struct cloudpartner_submission cloudpartner_submission;
typedef struct cloudpartner_submission_list cloudpartner_submission_list;
typedef struct cloudpartner_product_status cloudpartner_product_status;
typedef struct cloudpartner_ingestion_data_disk cloudpartner_ingestion_data_disk;
typedef struct cloudpartner_ingestion_release_request cloudpartner_ingestion_release_request;
typedef struct cloudpartner_ingestion_release_event cloudpartner_ingestion_release_event;
typedef struct cloudpartner_ingestion_release_result cloudpartner_ingestion_release_result;

#endif /* CLOUDPARTNER_H */
