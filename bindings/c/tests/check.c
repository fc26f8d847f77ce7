/* check.c: counters and reporting for check.h. */
#include "check.h"

#include <pthread.h>
#include <stdarg.h>

int check_passed = 0;
int check_failed = 0;

static pthread_mutex_t check_lock = PTHREAD_MUTEX_INITIALIZER;

void check_record(int ok, const char *file, int line, const char *what, const char *fmt, ...) {
    pthread_mutex_lock(&check_lock);
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        char detail[1024];
        va_list args;
        va_start(args, fmt);
        vsnprintf(detail, sizeof detail, fmt, args);
        va_end(args);
        fprintf(stderr, "FAIL %s:%d: %s%s%s\n", file, line, what, detail[0] ? ": " : "", detail);
    }
    pthread_mutex_unlock(&check_lock);
}

int check_summary(const char *program) {
    fflush(stderr);
    printf("%s: %d passed, %d failed\n", program, check_passed, check_failed);
    fflush(stdout);
    return check_failed == 0 && check_passed > 0 ? 0 : 1;
}
