/*
 * test_tables: the enumerators of cloudpartner.h cover exactly the core's lists
 * (cloudpartner_table_count/_name): every error kind, offer, step and operation state,
 * message level, release phase, outcome and event kind, job status and result and product
 * stage the core knows has one enumerator
 * here whose _name() is its spelling, and no enumerator is left over. A kind or state added to the core fails this test until the
 * header has its enumerator, and the list below names it.
 */
#include "check.h"

typedef const char *(*name_function)(int);

/* The C enumerators of one list and their spellings must be the core's list, exactly. */
static void check_covers(const char *what, cloudpartner_table table, const int *values, size_t count,
                         name_function name, const char *none_name, int none_value) {
    size_t core_count = cloudpartner_table_count((int)table);
    CHECK_MSG(core_count == count, "%s: the core has %zu, the C enum %zu", what, core_count, count);
    /* Every core name has exactly one enumerator. */
    for (size_t i = 0; i < core_count; i++) {
        const char *core_name = cloudpartner_table_name((int)table, i);
        int found = 0;
        for (size_t k = 0; k < count; k++) {
            if (core_name != NULL && strcmp(name(values[k]), core_name) == 0) found++;
        }
        CHECK_MSG(found == 1, "%s: the core's \"%s\" has %d C enumerators", what,
                  core_name ? core_name : "(null)", found);
    }
    /* Every enumerator is a core name, and a distinct value other than the "none" one. */
    for (size_t k = 0; k < count; k++) {
        int known = 0;
        for (size_t i = 0; i < core_count; i++) {
            const char *core_name = cloudpartner_table_name((int)table, i);
            if (core_name != NULL && strcmp(name(values[k]), core_name) == 0) known = 1;
        }
        CHECK_MSG(known, "%s: enumerator %d (\"%s\") is not in the core's list", what, values[k],
                  name(values[k]));
        CHECK_MSG(values[k] != none_value, "%s: enumerator %d is the none value", what, values[k]);
        for (size_t j = 0; j < k; j++) CHECK_MSG(values[j] != values[k], "%s: %d twice", what, values[k]);
    }
    CHECK_STR(name(none_value), none_name);
    CHECK(cloudpartner_table_name((int)table, core_count) == NULL);
}

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

int main(void) {
    static const int error_kinds[] = {
        CLOUDPARTNER_ERROR_INVALID_ARGUMENT, CLOUDPARTNER_ERROR_AUTHENTICATION,
        CLOUDPARTNER_ERROR_PERMISSION_DENIED, CLOUDPARTNER_ERROR_NOT_FOUND,
        CLOUDPARTNER_ERROR_BAD_REQUEST,     CLOUDPARTNER_ERROR_CONFLICT,
        CLOUDPARTNER_ERROR_THROTTLED,       CLOUDPARTNER_ERROR_SERVER,
        CLOUDPARTNER_ERROR_TIMEOUT,         CLOUDPARTNER_ERROR_TRANSPORT,
        CLOUDPARTNER_ERROR_PARSE,           CLOUDPARTNER_ERROR_TOO_LARGE,
        CLOUDPARTNER_ERROR_CANCELED,        CLOUDPARTNER_ERROR_INTERNAL,
    };
    check_covers("error kinds", CLOUDPARTNER_TABLE_ERROR_KINDS, error_kinds, COUNT(error_kinds),
                 cloudpartner_error_kind_name, "ok", CLOUDPARTNER_OK);
    /* The values are the ABI: they never change. */
    CHECK(CLOUDPARTNER_OK == 0 && CLOUDPARTNER_ERROR_NOT_FOUND == 4 && CLOUDPARTNER_ERROR_INTERNAL == 13 &&
          CLOUDPARTNER_ERROR_CONFLICT == 14);

    static const int offer_states[] = {
        CLOUDPARTNER_OFFER_STATE_NEVER_PUBLISHED, CLOUDPARTNER_OFFER_STATE_NOT_STARTED,
        CLOUDPARTNER_OFFER_STATE_WAITING_FOR_PUBLISHER_REVIEW, CLOUDPARTNER_OFFER_STATE_RUNNING,
        CLOUDPARTNER_OFFER_STATE_SUCCEEDED, CLOUDPARTNER_OFFER_STATE_CANCELED,
        CLOUDPARTNER_OFFER_STATE_FAILED,
    };
    check_covers("offer states", CLOUDPARTNER_TABLE_OFFER_STATES, offer_states, COUNT(offer_states),
                 cloudpartner_offer_state_name, "unknown", CLOUDPARTNER_OFFER_STATE_UNKNOWN);

    static const int step_states[] = {
        CLOUDPARTNER_STEP_STATE_NOT_STARTED, CLOUDPARTNER_STEP_STATE_IN_PROGRESS,
        CLOUDPARTNER_STEP_STATE_WAITING_FOR_PUBLISHER_REVIEW, CLOUDPARTNER_STEP_STATE_WAITING_FOR_APPROVAL,
        CLOUDPARTNER_STEP_STATE_BLOCKED, CLOUDPARTNER_STEP_STATE_REJECTED,
        CLOUDPARTNER_STEP_STATE_COMPLETE, CLOUDPARTNER_STEP_STATE_CANCELED,
    };
    check_covers("step states", CLOUDPARTNER_TABLE_STEP_STATES, step_states, COUNT(step_states),
                 cloudpartner_step_state_name, "unknown", CLOUDPARTNER_STEP_STATE_UNKNOWN);

    static const int operation_states[] = {
        CLOUDPARTNER_OPERATION_STATE_NOT_STARTED, CLOUDPARTNER_OPERATION_STATE_RUNNING,
        CLOUDPARTNER_OPERATION_STATE_COMPLETED,   CLOUDPARTNER_OPERATION_STATE_FAILED,
        CLOUDPARTNER_OPERATION_STATE_CANCELED,
    };
    check_covers("operation states", CLOUDPARTNER_TABLE_OPERATION_STATES, operation_states,
                 COUNT(operation_states), cloudpartner_operation_state_name, "unknown",
                 CLOUDPARTNER_OPERATION_STATE_UNKNOWN);

    static const int message_levels[] = {
        CLOUDPARTNER_MESSAGE_LEVEL_INFORMATION, CLOUDPARTNER_MESSAGE_LEVEL_WARNING,
        CLOUDPARTNER_MESSAGE_LEVEL_ERROR,
    };
    check_covers("message levels", CLOUDPARTNER_TABLE_MESSAGE_LEVELS, message_levels, COUNT(message_levels),
                 cloudpartner_message_level_name, "unknown", CLOUDPARTNER_MESSAGE_LEVEL_UNKNOWN);

    static const int release_phases[] = {
        CLOUDPARTNER_RELEASE_PHASE_READ,    CLOUDPARTNER_RELEASE_PHASE_CHANGE,
        CLOUDPARTNER_RELEASE_PHASE_WRITE,   CLOUDPARTNER_RELEASE_PHASE_PUBLISH,
        CLOUDPARTNER_RELEASE_PHASE_REVIEW,  CLOUDPARTNER_RELEASE_PHASE_GO_LIVE,
        CLOUDPARTNER_RELEASE_PHASE_LIVE,    CLOUDPARTNER_RELEASE_PHASE_DONE,
    };
    check_covers("release phases", CLOUDPARTNER_TABLE_RELEASE_PHASES, release_phases, COUNT(release_phases),
                 cloudpartner_release_phase_name, "unknown", CLOUDPARTNER_RELEASE_PHASE_UNKNOWN);

    static const int release_outcomes[] = {
        CLOUDPARTNER_RELEASE_OUTCOME_LIVE,     CLOUDPARTNER_RELEASE_OUTCOME_AT_REVIEW,
        CLOUDPARTNER_RELEASE_OUTCOME_FAILED,   CLOUDPARTNER_RELEASE_OUTCOME_CANCELED,
        CLOUDPARTNER_RELEASE_OUTCOME_DRY_RUN,
    };
    check_covers("release outcomes", CLOUDPARTNER_TABLE_RELEASE_OUTCOMES, release_outcomes,
                 COUNT(release_outcomes), cloudpartner_release_outcome_name, "unknown",
                 CLOUDPARTNER_RELEASE_OUTCOME_UNKNOWN);

    static const int release_event_kinds[] = {
        CLOUDPARTNER_RELEASE_EVENT_PHASE_STARTED, CLOUDPARTNER_RELEASE_EVENT_PHASE_FINISHED,
        CLOUDPARTNER_RELEASE_EVENT_STATUS,
    };
    check_covers("release event kinds", CLOUDPARTNER_TABLE_RELEASE_EVENT_KINDS, release_event_kinds,
                 COUNT(release_event_kinds), cloudpartner_release_event_kind_name, "unknown",
                 CLOUDPARTNER_RELEASE_EVENT_UNKNOWN);

    static const int job_statuses[] = {
        CLOUDPARTNER_JOB_STATUS_NOT_STARTED, CLOUDPARTNER_JOB_STATUS_RUNNING,
        CLOUDPARTNER_JOB_STATUS_COMPLETED,
    };
    check_covers("job statuses", CLOUDPARTNER_TABLE_JOB_STATUSES, job_statuses, COUNT(job_statuses),
                 cloudpartner_job_status_name, "unknown", CLOUDPARTNER_JOB_STATUS_UNKNOWN);

    static const int job_results[] = {
        CLOUDPARTNER_JOB_RESULT_PENDING, CLOUDPARTNER_JOB_RESULT_SUCCEEDED,
        CLOUDPARTNER_JOB_RESULT_FAILED, CLOUDPARTNER_JOB_RESULT_CANCELLED,
    };
    check_covers("job results", CLOUDPARTNER_TABLE_JOB_RESULTS, job_results, COUNT(job_results),
                 cloudpartner_job_result_name, "unknown", CLOUDPARTNER_JOB_RESULT_UNKNOWN);

    static const int product_stages[] = {
        CLOUDPARTNER_PRODUCT_STAGE_NEVER_PUBLISHED,     CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_IN_PROGRESS,
        CLOUDPARTNER_PRODUCT_STAGE_PREVIEW_FAILED,      CLOUDPARTNER_PRODUCT_STAGE_WAITING_FOR_GO_LIVE,
        CLOUDPARTNER_PRODUCT_STAGE_LIVE_IN_PROGRESS,    CLOUDPARTNER_PRODUCT_STAGE_LIVE_FAILED,
        CLOUDPARTNER_PRODUCT_STAGE_LIVE,
    };
    check_covers("product stages", CLOUDPARTNER_TABLE_PRODUCT_STAGES, product_stages, COUNT(product_stages),
                 cloudpartner_product_stage_name, "unknown", CLOUDPARTNER_PRODUCT_STAGE_UNKNOWN);

    /* Not a table, or past its end (the last table + 1): nothing. */
    CHECK(cloudpartner_table_count(-1) == 0 &&
          cloudpartner_table_count(CLOUDPARTNER_TABLE_PRODUCT_STAGES + 1) == 0);
    CHECK(cloudpartner_table_name(-1, 0) == NULL && cloudpartner_table_name(99, 0) == NULL);

    cloudpartner_shutdown();
    return check_summary("test_tables");
}
