/* toml.h - a TOML 1.0 document as a small tree of values (configuration files).
 *
 * The tree-sitter TOML grammar (npm: @tree-sitter-grammars/tree-sitter-toml)
 * parses the text; this module decodes its tree into tables, arrays, strings
 * (escapes, \u and \U to UTF-8, multi-line forms with line-ending
 * backslashes), integers (decimal, hex, octal, binary, underscores), floats
 * (inf and nan included), booleans and date-times (kept as their text), and
 * enforces TOML's rules on keys: no key defined twice, no table defined
 * twice, dotted keys and headers that do not extend what TOML forbids.
 * Every key and value keeps its 1-based line and column (Unicode code
 * points) so a caller can say `path:line:col: reason`.
 *
 * Nesting of arrays and inline tables is capped (PR_TOML_MAX_DEPTH) with an
 * error rather than recursing without bound.
 *
 * Ownership: a pr_toml_doc owns every value, key and string in it (one
 * arena); pr_toml_free releases them all. Strings are NUL-terminated and may
 * also hold NULs (\u0000): use their length. */
#ifndef PR_TOML_H
#define PR_TOML_H

#include "arena.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PR_TOML_MAX_DEPTH 100

typedef enum pr_toml_type {
  PR_TOML_TABLE,
  PR_TOML_ARRAY,
  PR_TOML_STRING,
  PR_TOML_INTEGER,
  PR_TOML_FLOAT,
  PR_TOML_BOOLEAN,
  PR_TOML_DATETIME,          /* offset or local date-time, date or time: its text */
} pr_toml_type;

typedef struct pr_toml_value pr_toml_value;

typedef struct pr_toml_pair {
  const char *key;           /* decoded (a quoted key's escapes applied) */
  uint32_t key_len;
  uint32_t line, col;        /* where the key is written (the first time, for tables) */
  pr_toml_value *value;
} pr_toml_pair;

struct pr_toml_value {
  pr_toml_type type;
  uint32_t line, col;        /* where the value starts (a table: its header or first key) */
  const char *str;           /* STRING, DATETIME */
  uint32_t str_len;
  int64_t integer;           /* INTEGER */
  double number;             /* FLOAT */
  bool boolean;              /* BOOLEAN */
  pr_toml_value **items;     /* ARRAY */
  pr_toml_pair *pairs;       /* TABLE, in the order written */
  uint32_t count, cap;       /* of items or pairs */
  unsigned flags;            /* private to toml.c: how a table or array was defined */
};

typedef struct pr_toml_doc {
  pr_toml_value *root;       /* a table */
  pr_arena arena;
} pr_toml_doc;

typedef struct pr_toml_error {
  uint32_t line, col;        /* 1-based; 0 when not about a place (out of memory) */
  char message[200];
} pr_toml_error;

/* Parses and decodes text[0..len). Returns 0 and fills *doc (free it with
 * pr_toml_free), or -1 with the first error in *err and *doc empty. */
int pr_toml_parse(const char *text, size_t len, pr_toml_doc *doc, pr_toml_error *err);
void pr_toml_free(pr_toml_doc *doc);

/* The pair whose key is `key` in a table, or NULL (also when t is not a table). */
const pr_toml_pair *pr_toml_find(const pr_toml_value *table, const char *key);
/* "table", "array", "string", "integer", "float", "boolean", "date-time". */
const char *pr_toml_type_name(pr_toml_type type);

#endif
