/* semantic.h - the semantic model of one file: scopes, bindings, references.
 *
 * Built by the engine in its single walk of the tree (see engine.h) and
 * complete before any rule runs, so rules see Python's late binding as it is
 * (a module-level name rebound below a function is the one the function sees).
 *
 * Scopes: the module, each class body, function, lambda and comprehension.
 * Bindings: assignments (plain, augmented, annotated), `:=`, for/with/except
 * targets, imports, parameters, def/class names, global/nonlocal declarations,
 * match captures and del. References: every identifier read.
 *
 * Ids are indices into the model's arrays; PR_NONE is "no such thing".
 * Ownership: the model and all its strings live in the arena passed to
 * pr_model_init; TSNodes point into the tree, which must outlive the model. */
#ifndef PR_SEMANTIC_H
#define PR_SEMANTIC_H

#include "arena.h"

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#define PR_NONE UINT32_MAX

typedef enum pr_scope_kind {
  PR_SCOPE_MODULE,
  PR_SCOPE_CLASS,
  PR_SCOPE_FUNCTION,
  PR_SCOPE_LAMBDA,
  PR_SCOPE_COMPREHENSION,
} pr_scope_kind;

typedef enum pr_binding_kind {
  PR_BIND_ASSIGN,        /* x = ... (parts of an unpacking carry PR_BF_UNPACKED) */
  PR_BIND_AUGASSIGN,     /* x += ... (also a read of x) */
  PR_BIND_ANNASSIGN,     /* x: int = ... */
  PR_BIND_ANNOTATION,    /* x: int (no value: declares, binds nothing at run time) */
  PR_BIND_WALRUS,        /* (x := ...) */
  PR_BIND_FOR,           /* for x in ...; also comprehension targets */
  PR_BIND_WITH,          /* with ... as x */
  PR_BIND_EXCEPT,        /* except E as x */
  PR_BIND_IMPORT,        /* import x / from m import x / ... as x */
  PR_BIND_PARAMETER,
  PR_BIND_FUNCTION,      /* def x */
  PR_BIND_CLASS,         /* class x */
  PR_BIND_GLOBAL,        /* global x (a declaration) */
  PR_BIND_NONLOCAL,      /* nonlocal x (a declaration) */
  PR_BIND_DELETE,        /* del x (also a read of x) */
  PR_BIND_MATCH,         /* case ... x ... capture */
} pr_binding_kind;

enum pr_binding_flags {
  PR_BF_UNPACKED = 1u << 0,     /* part of a tuple/list target */
  PR_BF_STARRED = 1u << 1,      /* a starred target, or a *args or **kwargs parameter */
  PR_BF_KWARGS = 1u << 2,       /* **kwargs parameter */
  PR_BF_FIRST_PARAM = 1u << 3,  /* a method's self/cls (not in @staticmethod) */
  PR_BF_IMPORT_FROM = 1u << 4,  /* from m import x */
  PR_BF_IMPORT_ALIAS = 1u << 5, /* ... as x */
  PR_BF_IN_TRY_BODY = 1u << 6,  /* import inside a try body */
  PR_BF_IN_IMPORT_ERROR = 1u << 7, /* import inside an `except ImportError` handler */
  PR_BF_USED = 1u << 8,         /* some reference resolved to this binding's symbol */
  PR_BF_VIA_GLOBAL = 1u << 9,   /* bound in a function after `global name`: recorded on the module */
};

typedef struct pr_scope {
  pr_scope_kind kind;
  TSNode node;            /* module, class_definition, function_definition, lambda or comprehension */
  TSNode decorated;       /* the decorated_definition around a decorated def or class, else null */
  uint32_t parent;        /* PR_NONE for the module */
  const char *name;       /* class or function name ("" otherwise); NUL-terminated, in the arena */
  bool is_test_class;     /* a class scope that is a test class */
  bool in_test_class;     /* the scope is, or lies in, the body of a test class */
  bool is_test_function;  /* a test function (see catalog: Definitions) */
  bool is_method;         /* a function directly in a class body */
  bool is_static;         /* decorated @staticmethod */
  bool calls_locals;      /* the body calls locals() */
  uint32_t statements;    /* a function: its statement count (statements.h: pr_statement_count) with its
                             docstring counted; set by the review's walk of its body */
} pr_scope;

typedef struct pr_binding {
  const char *name;       /* NUL-terminated copy in the arena */
  uint32_t name_len;
  pr_binding_kind kind;
  uint32_t flags;         /* pr_binding_flags */
  uint32_t scope;         /* the scope the name is bound in (the module for a `global` name) */
  uint32_t symbol;        /* the symbol (scope, name) it belongs to */
  TSNode node;            /* the bound name: identifier, or the dotted_name/aliased_import of an import */
  TSNode statement;       /* the binding statement or clause (assignment, for_statement, except_clause, ...) */
  TSNode value;           /* for a single-name assignment/`:=`/annotated assignment: the value; else null */
  const char *qualified;  /* imports: the imported qualified name ("os.path", "pickle.loads"); else NULL */
  uint32_t next;          /* the next binding of the same symbol in document order, or PR_NONE */
} pr_binding;

typedef struct pr_symbol {
  const char *name;
  uint32_t name_len;
  uint32_t scope;
  uint32_t first, last;   /* first and last binding (document order), PR_NONE when only referenced */
  uint32_t count;         /* bindings, declarations excluded */
  bool declared_global, declared_nonlocal;
  bool used;              /* read in its scope or a nested one */
  bool read_here;         /* read directly in its own scope ... */
  uint32_t last_read;     /* ... the last such read's byte offset */
  bool read_nested;       /* read from a scope nested in its own */
} pr_symbol;

typedef struct pr_reference {
  uint32_t scope;
  uint32_t symbol;        /* resolved symbol or PR_NONE (builtin / undefined) */
  TSNode node;            /* the identifier */
} pr_reference;

typedef struct pr_model {
  pr_arena *arena;
  const char *text;
  pr_scope *scopes;         uint32_t scope_count, scope_cap;
  pr_binding *bindings;     uint32_t binding_count, binding_cap;
  pr_symbol *symbols;       uint32_t symbol_count, symbol_cap;
  pr_reference *references; uint32_t reference_count, reference_cap;
  uint32_t *table;          /* open addressing: (scope, name) -> symbol id */
  uint32_t table_cap;
  uint32_t nonlocal_count;  /* `nonlocal` declarations: most files have none */
  bool out_of_memory;
} pr_model;

/* --- building (the engine calls these during its walk) --- */
void pr_model_init(pr_model *m, pr_arena *arena, const char *text);
/* A 64-bit hash of (scope, name): for tables of names (the model's, rules'
 * own; their low bits are well mixed) and for rules' file_key_part sums. */
uint64_t pr_name_hash(uint32_t scope, const char *s, uint32_t n);
void pr_model_free(pr_model *m);  /* frees the arrays; arena memory goes with the arena */
/* Sizes an empty model's arrays for about this many items at once (a review
 * of a document that had as many last time), so that they do not grow by
 * copying while the walk fills them. False when out of memory. */
bool pr_model_reserve(pr_model *m, uint32_t scopes, uint32_t bindings, uint32_t symbols, uint32_t references);
uint32_t pr_model_add_scope(pr_model *m, pr_scope_kind kind, TSNode node, uint32_t parent, const char *name,
                            uint32_t name_len);
uint32_t pr_model_add_binding(pr_model *m, uint32_t scope, TSNode name_node, const char *name, uint32_t len,
                              pr_binding_kind kind, uint32_t flags, TSNode statement, TSNode value);
void pr_model_add_reference(pr_model *m, uint32_t scope, TSNode node);
/* Resolves every reference and sets symbol->used; call once after the walk. */
void pr_model_finish(pr_model *m);

/* --- queries --- */
/* The symbol named name[0..len) in exactly this scope, or PR_NONE. */
uint32_t pr_model_symbol(const pr_model *m, uint32_t scope, const char *name, uint32_t len);
/* Python name resolution for a read of `name` in `scope` at byte offset `at`:
 * the local scope when it binds the name (unless declared global/nonlocal),
 * then enclosing function scopes (class bodies are skipped except the class's
 * own), then the module. At module level (and in class bodies at module level)
 * the binding is the nearest one above `at`; elsewhere the last module-level
 * binding. Returns the binding id, or PR_NONE when the name is unbound
 * (a builtin or an undefined name). */
uint32_t pr_model_resolve(const pr_model *m, uint32_t scope, const char *name, uint32_t len, uint32_t at);
/* The innermost function or lambda scope containing `scope` (itself included), or PR_NONE. */
uint32_t pr_model_function_of(const pr_model *m, uint32_t scope);
/* The scope whose node is exactly `node`, or PR_NONE (a binary search: scopes
 * are created in document order). */
uint32_t pr_model_scope_of_node(const pr_model *m, TSNode node);
/* The decorated_definition around a def or class node, or a null node. Use it
 * instead of ts_node_parent, which searches down from the root (slow in big files). */
TSNode pr_model_decorated(const pr_model *m, TSNode definition);

#endif
