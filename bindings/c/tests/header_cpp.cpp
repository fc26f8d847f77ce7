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

    // The publishing API from C++: an offer, its image helpers, the flags, an operation.
    static const char offer_doc[] =
        R"({"id": "o", "publisherId": "p", "definition": {"displayText": "O", "plans": [{"planId": "a"}]}})";
    cloudpartner_offer *offer = nullptr;
    kind = cloudpartner_parse_offer(offer_doc, sizeof offer_doc - 1, &offer, nullptr);
    check(kind == CLOUDPARTNER_OK && std::strcmp(cloudpartner_offer_plan_id(offer, 0), "a") == 0, "parse offer");
    cloudpartner_vm_image image = cloudpartner_vm_image_default();
    image.version = "1.0.0";
    image.os_vhd_url = "https://a/os.vhd";
    const cloudpartner_data_disk disk = {1, "https://a/d.vhd"};
    image.data_disks = &disk;
    image.data_disk_count = 1;
    check(cloudpartner_offer_set_vm_image_version(offer, "a", &image, nullptr) == CLOUDPARTNER_OK, "set image");
    cloudpartner_vm_image_list *images = nullptr;
    check(cloudpartner_offer_vm_image_versions(offer, "a", &images, nullptr) == CLOUDPARTNER_OK &&
              cloudpartner_vm_image_list_get(images, 0)->data_disks[0].lun == 1,
          "image versions");
    cloudpartner_vm_image_list_free(images);
    check(cloudpartner_offer_etag(offer) == nullptr, "no etag");
    cloudpartner_offer_free(offer);
    check((CLOUDPARTNER_PUT_FORCE & CLOUDPARTNER_PUT_CREATE) == 0, "put flags");
    cloudpartner_operation *operation = nullptr;
    static const char operation_doc[] = R"([{"id": "x", "submissionState": "Succeeded"}])";
    kind = cloudpartner_parse_operation(operation_doc, sizeof operation_doc - 1, &operation, nullptr);
    check(kind == CLOUDPARTNER_OK &&
              cloudpartner_operation_get_state(operation) == CLOUDPARTNER_OPERATION_STATE_COMPLETED,
          "operation");
    cloudpartner_operation_free(operation);
    std::printf("header_cpp: %d passed, %d failed\n", passes, failures);
    return failures == 0 ? 0 : 1;
}
