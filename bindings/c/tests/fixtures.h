/* fixtures.h: walking a folder of test vectors (fixtures/status, offer, operation) and
 * reading their expected files, for the vector tests. */
#ifndef CLOUDPARTNER_TEST_FIXTURES_H
#define CLOUDPARTNER_TEST_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* The inputs in `dir` (NAME.json and NAME.bin, not NAME.expected.json), sorted; a folder
 * that cannot be opened is a failed check. Free with free_names(). */
size_t list_inputs(const char *dir, char ***out);
void free_names(char **names, size_t n);

/* "dir/NAME.expected.json" for "NAME.json" or "NAME.bin". */
void expected_path(char *buf, size_t size, const char *dir, const char *input);

/* Reads and parses a JSON file (with tests/json.c); a failure is a failed check and NULL. */
json *read_json_file(const char *path);

/* Nanoseconds since the epoch of a canonical "YYYY-MM-DDTHH:MM:SS[.f]Z" timestamp; 0 when
 * it is not one. */
int parse_utc(const char *s, int64_t *nanos);

#endif
