/*
 * check.h: the few assertions the C test programs use. A failed check prints where and
 * what, and the program goes on; check_summary() prints the closing
 * "N passed, M failed" line and gives the exit status.
 */
#ifndef CLOUDPARTNER_TEST_CHECK_H
#define CLOUDPARTNER_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cloudpartner.h"

extern int check_passed;
extern int check_failed;

/* Records one check; prints the failure with its place and a printf-style detail. */
void check_record(int ok, const char *file, int line, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Prints "N passed, M failed" and returns the exit status (0 when nothing failed). */
int check_summary(const char *program);

#define CHECK(cond) check_record((cond) ? 1 : 0, __FILE__, __LINE__, #cond, "%s", "")

#define CHECK_MSG(cond, ...) check_record((cond) ? 1 : 0, __FILE__, __LINE__, #cond, __VA_ARGS__)

/* Two C strings are equal; NULL equals only NULL. */
#define CHECK_STR(a, b)                                                                     \
    do {                                                                                    \
        const char *check_a_ = (a), *check_b_ = (b);                                        \
        int check_ok_ = (check_a_ == NULL || check_b_ == NULL) ? check_a_ == check_b_       \
                                                              : strcmp(check_a_, check_b_) == 0; \
        check_record(check_ok_, __FILE__, __LINE__, #a " == " #b, "got \"%s\", want \"%s\"", \
                     check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");       \
    } while (0)

/* A call returned the error kind wanted; prints the error's message when not. */
#define CHECK_KIND(got, want, err)                                                          \
    do {                                                                                    \
        int check_got_ = (int)(got), check_want_ = (int)(want);                              \
        check_record(check_got_ == check_want_, __FILE__, __LINE__, #got " == " #want,      \
                     "got %s, want %s (%s)", cloudpartner_error_kind_name(check_got_),       \
                     cloudpartner_error_kind_name(check_want_),                              \
                     (err) ? cloudpartner_error_message(err) : "no error");                 \
    } while (0)

#define CHECK_NEAR(a, b)                                                                    \
    do {                                                                                    \
        double check_a_ = (a), check_b_ = (b);                                              \
        check_record(fabs(check_a_ - check_b_) < 1e-9, __FILE__, __LINE__, #a " ~ " #b,     \
                     "got %.12g, want %.12g", check_a_, check_b_);                           \
    } while (0)

#endif
