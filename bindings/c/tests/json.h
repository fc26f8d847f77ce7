/*
 * json.h: a small JSON reader for the tests, so that expected values in fixtures/ are
 * compared with what the library gives without trusting the library to read them.
 * Objects keep their keys in order; numbers are doubles.
 */
#ifndef CLOUDPARTNER_TEST_JSON_H
#define CLOUDPARTNER_TEST_JSON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json json;

struct json {
    json_type type;
    bool boolean;
    double number;
    char *string;    /* JSON_STRING: NUL-terminated UTF-8 (a \u0000 ends it early) */
    size_t length;   /* JSON_STRING: its length in bytes, a \u0000 counted */
    size_t count;    /* JSON_ARRAY, JSON_OBJECT: number of items */
    json **items;    /* JSON_ARRAY, JSON_OBJECT: the values */
    char **keys;     /* JSON_OBJECT: the keys */
};

/* Parses `len` bytes; NULL when they are not one JSON value. Free with json_free(). */
json *json_parse(const char *text, size_t len);
void json_free(json *value);

/* The member `key` of an object, or NULL (also when `object` is NULL or no object). */
const json *json_get(const json *object, const char *key);
/* Item `index` of an array, or NULL. */
const json *json_at(const json *array, size_t index);
/* The string of a JSON_STRING, or NULL. */
const char *json_str(const json *value);

/* Deep equality; numbers within 1e-9; object member order does not matter. */
bool json_equal(const json *a, const json *b);

/* Deep equality where object members must also be in the same order (the lossless round
 * trip of offers); numbers within 1e-9 relative, so that 1e308 equals itself. */
bool json_equal_ordered(const json *a, const json *b);

/* Reads a whole file; NULL when it cannot. `*len` gets its size. Free with free(). */
char *read_file(const char *path, size_t *len);

#endif
