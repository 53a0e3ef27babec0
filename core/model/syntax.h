/* syntax.h - the tree-sitter-python grammar seen through small enums.
 *
 * tree-sitter names node kinds with strings and several symbols may share a
 * name (aliases). pr_kind is our own dense enum over the named kinds the
 * engine and rules use, resolved once from the language's symbol table, so
 * dispatch is an array lookup. Fields likewise resolve to pr_field ids. */
#ifndef PR_SYNTAX_H
#define PR_SYNTAX_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* Named node kinds, spelled as in the grammar. */
#define PR_KINDS(X)                                                                     \
  X(module) X(comment) X(ERROR) X(identifier) X(keyword_identifier)                    \
  X(expression_statement) X(assignment) X(augmented_assignment) X(named_expression)    \
  X(function_definition) X(class_definition) X(decorated_definition) X(decorator)      \
  X(lambda) X(lambda_parameters) X(parameters) X(default_parameter) X(typed_parameter) \
  X(typed_default_parameter) X(list_splat_pattern) X(dictionary_splat_pattern)         \
  X(keyword_separator) X(positional_separator)                                         \
  X(block) X(if_statement) X(elif_clause) X(else_clause) X(for_statement)              \
  X(while_statement) X(try_statement) X(except_clause) X(except_group_clause)          \
  X(finally_clause) X(with_statement) X(with_clause) X(with_item) X(match_statement)   \
  X(case_clause) X(case_pattern) X(return_statement) X(raise_statement)                \
  X(pass_statement) X(break_statement) X(continue_statement) X(delete_statement)       \
  X(global_statement) X(nonlocal_statement) X(assert_statement) X(print_statement)     \
  X(exec_statement) X(import_statement) X(import_from_statement)                       \
  X(future_import_statement) X(aliased_import) X(dotted_name) X(relative_import)       \
  X(wildcard_import) X(type_alias_statement)                                           \
  X(call) X(argument_list) X(keyword_argument) X(list_splat) X(dictionary_splat)       \
  X(attribute) X(subscript) X(slice) X(string) X(string_start) X(string_content)       \
  X(string_end) X(escape_sequence) X(interpolation) X(format_specifier)                \
  X(concatenated_string) X(integer) X(float) X(true) X(false) X(none) X(ellipsis)      \
  X(binary_operator) X(unary_operator) X(boolean_operator) X(not_operator)             \
  X(comparison_operator) X(conditional_expression) X(parenthesized_expression)         \
  X(tuple) X(list) X(set) X(dictionary) X(pair) X(expression_list) X(pattern_list)     \
  X(tuple_pattern) X(list_pattern) X(list_comprehension) X(set_comprehension)          \
  X(dictionary_comprehension) X(generator_expression) X(for_in_clause) X(if_clause)    \
  X(await) X(yield) X(type) X(as_pattern) X(as_pattern_target) X(chevron)

typedef enum pr_kind {
  pr_kind_other = 0, /* anonymous tokens and kinds not listed */
#define PR_KIND_ENUM(name) pr_kind_##name,
  PR_KINDS(PR_KIND_ENUM)
#undef PR_KIND_ENUM
  pr_kind_count
} pr_kind;

#define PR_FIELDS(X)                                                                   \
  X(name) X(body) X(parameters) X(return_type) X(superclasses) X(function)             \
  X(arguments) X(object) X(attribute) X(left) X(right) X(value) X(alias) X(type)       \
  X(operator) X(operators) X(condition) X(consequence) X(alternative) X(argument)      \
  X(module_name) X(definition) X(key) X(expression) X(subject) X(code)

typedef enum pr_field {
  pr_field_none = 0,
#define PR_FIELD_ENUM(name) pr_field_##name,
  PR_FIELDS(PR_FIELD_ENUM)
#undef PR_FIELD_ENUM
  pr_field_count
} pr_field;

/* Resolves kinds and fields; idempotent, must run before any other call here
 * (pr_parser_new calls it). Not thread-safe on its first call. */
void pr_syntax_init(void);
const TSLanguage *pr_language(void);

/* A new parser for Python, owned by the caller (ts_parser_delete). NULL when out of memory. */
TSParser *pr_parser_new(void);

pr_kind pr_node_kind(TSNode node);
pr_kind pr_kind_of_symbol(TSSymbol symbol);
TSFieldId pr_field_id(pr_field field);
/* The child in `field`, or a null node. */
TSNode pr_child(TSNode node, pr_field field);
/* Between these (on one thread, nesting allowed), pr_child remembers its
 * recent answers: only while every tree it is asked about stays alive and
 * unchanged (the review calls them around its work). */
void pr_child_memo_begin(void);
void pr_child_memo_end(void);
const char *pr_kind_name(pr_kind kind);
/* The pr_kind named `name`, or pr_kind_other. */
pr_kind pr_kind_from_name(const char *name);

/* Node text: a pointer into `text` (not NUL-terminated) and its length. */
static inline const char *pr_node_text(const char *text, TSNode node, uint32_t *len) {
  uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
  *len = e > s ? e - s : 0;
  return text + s;
}

/* True when the node's text equals the NUL-terminated `s`. */
bool pr_node_text_is(const char *text, TSNode node, const char *s);

/* The named children of a node, in order, in one pass: ts_node_named_child(node, i)
 * walks from the first child for every i, which is quadratic over a long block
 * or module. Nodes with few children are served by ts_node_named_child (no
 * allocation); longer ones by a cursor, which pr_children_end frees: every
 * pr_children_start must be ended, also when a loop stops early.
 *   pr_children it; TSNode c;
 *   for (pr_children_start(&it, block); pr_children_next(&it, &c);) ...
 *   pr_children_end(&it); */
typedef struct pr_children {
  TSNode node;
  uint32_t next, count; /* named children given out so far, and their number */
  bool cursor_live;     /* the cursor holds memory (a long node, walked) */
  TSTreeCursor cursor;
} pr_children;
void pr_children_start(pr_children *it, TSNode node);
bool pr_children_next(pr_children *it, TSNode *child);
void pr_children_end(pr_children *it);

/* True for kinds that are statements (simple or compound). */
bool pr_kind_is_statement(pr_kind kind);

#endif
