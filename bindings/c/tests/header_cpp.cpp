// header_cpp: include/cloudpartner.h from C++17 — it compiles with -Wall -Wextra -Werror
// -pedantic, its functions link with C linkage, and the basics work.
#include <cloudpartner.h>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

struct status_deleter {
    void operator()(cloudpartner_offer_status *s) const { cloudpartner_offer_status_free(s); }
};

int failures = 0;
int passes = 0;

void check(bool ok, const char *what) {
    if (ok) {
        ++passes;
    } else {
        std::fprintf(stderr, "FAIL header_cpp: %s\n", what);
        ++failures;
    }
}

}  // namespace

int main() {
    static const char doc[] =
        R"({"status": "running", "steps": [{"id": "a", "status": "In Progress",)"
        R"( "estimatedTimeFrame": "< 1 hour", "progressPercentage": 50}]})";
    cloudpartner_offer_status *raw = nullptr;
    cloudpartner_error *err = nullptr;
    cloudpartner_error_kind kind = cloudpartner_parse_offer_status(doc, sizeof doc - 1, &raw, &err);
    std::unique_ptr<cloudpartner_offer_status, status_deleter> status(raw);
    check(kind == CLOUDPARTNER_OK && err == nullptr, "parse");
    check(cloudpartner_offer_status_state(status.get()) == CLOUDPARTNER_OFFER_STATE_RUNNING, "state");
    const cloudpartner_step *step = cloudpartner_offer_status_current_step(status.get());
    enum cloudpartner_step_state state = cloudpartner_step_state(step);
    check(state == CLOUDPARTNER_STEP_STATE_IN_PROGRESS, "step state");
    double min = 0, max = 0;
    check(cloudpartner_offer_status_estimated_remaining(status.get(), &min, &max) && max == 1800.0,
          "estimated remaining");
    kind = cloudpartner_parse_offer_status("[]", 2, &raw, &err);
    check(kind == CLOUDPARTNER_ERROR_PARSE && raw == nullptr, "parse error");
    check(std::strcmp(cloudpartner_error_kind_name(kind), "parse") == 0, "kind name");
    cloudpartner_error_free(err);
    cloudpartner_client_options opts = cloudpartner_client_options_default();
    check(opts.max_retries == -1 && opts.base_url == nullptr && opts.poll_time_scale == 0.0,
          "options default");
    check(std::strcmp(cloudpartner_operation_state_name(CLOUDPARTNER_OPERATION_STATE_COMPLETED),
                      "completed") == 0,
          "operation state name");
    check(cloudpartner_table_count(CLOUDPARTNER_TABLE_ERROR_KINDS) > 0, "tables");
    cloudpartner_watch *watch = nullptr;
    kind = cloudpartner_client_watch_start(nullptr, "p", "o", nullptr, &watch, nullptr);
    check(kind == CLOUDPARTNER_ERROR_INVALID_ARGUMENT && watch == nullptr, "watch handle");
    cloudpartner_watch_free(watch);
    std::printf("header_cpp: %d passed, %d failed\n", passes, failures);
    return failures == 0 ? 0 : 1;
}
