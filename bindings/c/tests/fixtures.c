/* fixtures.c: walking a folder of test vectors (see fixtures.h). */
#define _DEFAULT_SOURCE
#include "fixtures.h"

#include <dirent.h>

#include "check.h"

/* The inputs of `dir`, sorted (see fixtures.h). */
size_t list_inputs(const char *dir, char ***out) {
    DIR *d = opendir(dir);
    CHECK_MSG(d != NULL, "cannot open %s", dir);
    size_t n = 0, cap = 0;
    char **names = NULL;
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        size_t len = strlen(name);
        int is_json = len > 5 && strcmp(name + len - 5, ".json") == 0;
        int is_bin = len > 4 && strcmp(name + len - 4, ".bin") == 0;
        int expected = len > 14 && strcmp(name + len - 14, ".expected.json") == 0;
        if ((!is_json && !is_bin) || expected) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(name);
    }
    if (d != NULL) closedir(d);
    for (size_t i = 1; i < n; i++) { /* insertion sort: a few dozen names */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    }
    *out = names;
    return n;
}

void free_names(char **names, size_t n) {
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* "dir/NAME.expected.json" for "NAME.json" or "NAME.bin". */
void expected_path(char *buf, size_t size, const char *dir, const char *input) {
    size_t len = strlen(input);
    size_t stem = len - (strcmp(input + len - 4, ".bin") == 0 ? 4 : 5);
    snprintf(buf, size, "%s/%.*s.expected.json", dir, (int)stem, input);
}

json *read_json_file(const char *path) {
    size_t len;
    char *text = read_file(path, &len);
    CHECK_MSG(text != NULL, "cannot read %s", path);
    if (text == NULL) return NULL;
    json *value = json_parse(text, len);
    CHECK_MSG(value != NULL, "%s is not JSON", path);
    free(text);
    return value;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian), without timegm(). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Nanoseconds since the epoch of a canonical "YYYY-MM-DDTHH:MM:SS[.f]Z" timestamp. */
int parse_utc(const char *s, int64_t *nanos) {
    int y, mo, d, h, mi, sec, used = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6) return 0;
    int64_t frac = 0, scale = 1000000000;
    const char *p = s + used;
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            scale /= 10;
            frac += (*p - '0') * scale;
        }
    }
    if (strcmp(p, "Z") != 0) return 0;
    int64_t secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    *nanos = secs * 1000000000 + frac;
    return 1;
}

