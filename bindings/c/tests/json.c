/* json.c: a small recursive-descent JSON reader for the tests (see json.h). */
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *p;
    const char *end;
    int depth;
} reader;

static json *parse_value(reader *r);

static void skip_space(reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) {
        r->p++;
    }
}

static json *new_value(json_type type) {
    json *v = calloc(1, sizeof *v);
    if (v != NULL) {
        v->type = type;
    }
    return v;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool read_hex4(reader *r, unsigned *out) {
    if (r->end - r->p < 4) return false;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(r->p[i]);
        if (d < 0) return false;
        v = v * 16 + (unsigned)d;
    }
    r->p += 4;
    *out = v;
    return true;
}

static size_t put_utf8(char *out, unsigned cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Reads a string after its opening quote; the result is malloc'ed, its length in *length
 * (when not NULL). */
static char *parse_string_body(reader *r, size_t *length) {
    /* The decoded string is never longer than the encoded one. */
    const char *start = r->p;
    size_t cap = 1;
    while (start + cap - 1 < r->end && start[cap - 1] != '"') {
        cap += (start[cap - 1] == '\\') ? 2 : 1;
    }
    char *out = malloc(cap + 4);
    if (out == NULL) return NULL;
    size_t n = 0;
    while (r->p < r->end && *r->p != '"') {
        unsigned char c = (unsigned char)*r->p++;
        if (c < 0x20) goto fail;
        if (c != '\\') {
            out[n++] = (char)c;
            continue;
        }
        if (r->p >= r->end) goto fail;
        char e = *r->p++;
        switch (e) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': {
            unsigned cp;
            if (!read_hex4(r, &cp)) goto fail;
            if (cp >= 0xD800 && cp < 0xDC00) {
                unsigned low;
                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u') goto fail;
                r->p += 2;
                if (!read_hex4(r, &low) || low < 0xDC00 || low > 0xDFFF) goto fail;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            n += put_utf8(out + n, cp);
            break;
        }
        default: goto fail;
        }
    }
    if (r->p >= r->end) goto fail;
    r->p++; /* the closing quote */
    out[n] = '\0';
    if (length != NULL) *length = n;
    return out;
fail:
    free(out);
    return NULL;
}

static bool grow(json *v, size_t *cap, bool with_keys) {
    if (v->count < *cap) return true;
    size_t next = *cap ? *cap * 2 : 4;
    json **items = realloc(v->items, next * sizeof *items);
    if (items == NULL) return false;
    v->items = items;
    if (with_keys) {
        char **keys = realloc(v->keys, next * sizeof *keys);
        if (keys == NULL) return false;
        v->keys = keys;
    }
    *cap = next;
    return true;
}

static json *parse_container(reader *r, bool object) {
    json *v = new_value(object ? JSON_OBJECT : JSON_ARRAY);
    size_t cap = 0;
    char close = object ? '}' : ']';
    if (v == NULL || ++r->depth > 200) goto fail;
    skip_space(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        r->depth--;
        return v;
    }
    for (;;) {
        if (!grow(v, &cap, object)) goto fail;
        char *key = NULL;
        if (object) {
            skip_space(r);
            if (r->p >= r->end || *r->p != '"') goto fail;
            r->p++;
            key = parse_string_body(r, NULL);
            if (key == NULL) goto fail;
            skip_space(r);
            if (r->p >= r->end || *r->p != ':') {
                free(key);
                goto fail;
            }
            r->p++;
        }
        json *item = parse_value(r);
        if (item == NULL) {
            free(key);
            goto fail;
        }
        if (object) v->keys[v->count] = key;
        v->items[v->count++] = item;
        skip_space(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            r->depth--;
            return v;
        }
        goto fail;
    }
fail:
    json_free(v);
    return NULL;
}

static bool literal(reader *r, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) return false;
    r->p += n;
    return true;
}

static json *parse_value(reader *r) {
    skip_space(r);
    if (r->p >= r->end) return NULL;
    char c = *r->p;
    if (c == '{' || c == '[') {
        r->p++;
        return parse_container(r, c == '{');
    }
    if (c == '"') {
        r->p++;
        size_t length = 0;
        char *s = parse_string_body(r, &length);
        if (s == NULL) return NULL;
        json *v = new_value(JSON_STRING);
        if (v == NULL) {
            free(s);
            return NULL;
        }
        v->string = s;
        v->length = length;
        return v;
    }
    if (literal(r, "true") || literal(r, "false")) {
        json *v = new_value(JSON_BOOL);
        if (v != NULL) v->boolean = r->p[-1] == 'e' && r->p[-2] == 'u';
        return v;
    }
    if (literal(r, "null")) return new_value(JSON_NULL);
    if (c == '-' || (c >= '0' && c <= '9')) {
        char buf[64];
        size_t n = 0;
        while (r->p < r->end && n < sizeof buf - 1 && strchr("+-0123456789.eE", *r->p) != NULL) {
            buf[n++] = *r->p++;
        }
        buf[n] = '\0';
        char *stop;
        double d = strtod(buf, &stop);
        if (*stop != '\0') return NULL;
        json *v = new_value(JSON_NUMBER);
        if (v != NULL) v->number = d;
        return v;
    }
    return NULL;
}

json *json_parse(const char *text, size_t len) {
    reader r = {text, text + len, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) r.p += 3;
    json *v = parse_value(&r);
    skip_space(&r);
    if (v != NULL && r.p != r.end) {
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(json *value) {
    if (value == NULL) return;
    for (size_t i = 0; i < value->count; i++) {
        json_free(value->items[i]);
        if (value->keys != NULL) free(value->keys[i]);
    }
    free(value->items);
    free(value->keys);
    free(value->string);
    free(value);
}

const json *json_get(const json *object, const char *key) {
    if (object == NULL || object->type != JSON_OBJECT) return NULL;
    for (size_t i = 0; i < object->count; i++) {
        if (strcmp(object->keys[i], key) == 0) return object->items[i];
    }
    return NULL;
}

const json *json_at(const json *array, size_t index) {
    if (array == NULL || array->type != JSON_ARRAY || index >= array->count) return NULL;
    return array->items[index];
}

const char *json_str(const json *value) {
    return value != NULL && value->type == JSON_STRING ? value->string : NULL;
}

bool json_equal(const json *a, const json *b) {
    if (a == NULL || b == NULL) return a == b;
    if (a->type != b->type) return false;
    switch (a->type) {
    case JSON_NULL: return true;
    case JSON_BOOL: return a->boolean == b->boolean;
    case JSON_NUMBER: return fabs(a->number - b->number) < 1e-9;
    case JSON_STRING: return strcmp(a->string, b->string) == 0;
    case JSON_ARRAY:
        if (a->count != b->count) return false;
        for (size_t i = 0; i < a->count; i++) {
            if (!json_equal(a->items[i], b->items[i])) return false;
        }
        return true;
    case JSON_OBJECT:
        if (a->count != b->count) return false;
        for (size_t i = 0; i < a->count; i++) {
            if (!json_equal(a->items[i], json_get(b, a->keys[i]))) return false;
        }
        return true;
    }
    return false;
}

static bool same_number(double a, double b) {
    if (a == b) return true;
    double scale = fmax(fabs(a), fabs(b));
    return fabs(a - b) <= 1e-9 * (scale > 1 ? scale : 1);
}

bool json_equal_ordered(const json *a, const json *b) {
    if (a == NULL || b == NULL) return a == b;
    if (a->type != b->type || a->count != b->count) return false;
    switch (a->type) {
    case JSON_NULL: return true;
    case JSON_BOOL: return a->boolean == b->boolean;
    case JSON_NUMBER: return same_number(a->number, b->number);
    case JSON_STRING: return a->length == b->length && memcmp(a->string, b->string, a->length) == 0;
    case JSON_ARRAY:
    case JSON_OBJECT:
        for (size_t i = 0; i < a->count; i++) {
            if (a->type == JSON_OBJECT && strcmp(a->keys[i], b->keys[i]) != 0) return false;
            if (!json_equal_ordered(a->items[i], b->items[i])) return false;
        }
        return true;
    }
    return false;
}

char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char *data = NULL;
    size_t size = 0, cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap ? cap * 2 : 4096;
            char *next = realloc(data, cap + 1);
            if (next == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = next;
        }
        size_t got = fread(data + size, 1, cap - size, f);
        size += got;
        if (got == 0) break;
    }
    fclose(f);
    data[size] = '\0';
    *len = size;
    return data;
}
