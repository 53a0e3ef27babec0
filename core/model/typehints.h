/* typehints.h - what TYP001 and TYP002 share: the annotations of public
 * functions, recorded as facts (rule.h), and the catalog's `type-hints`
 * modes (options.h): `consistent` reports only in a module where at least
 * half of the public functions outside test code carry an annotation (a
 * parameter's or the return), `strict` everywhere. */
#ifndef PR_TYPEHINTS_H
#define PR_TYPEHINTS_H

#include "rule.h"

enum {
  PR_TYPEHINTS_FACT_FUNCTION = 1,   /* a public function: its name; value = pr_typehints_flags */
  PR_TYPEHINTS_FACT_PARAMETER = 2,  /* an unannotated counted parameter: its name; value = pr_typehints_flags */
};

enum pr_typehints_flags {
  PR_TYPEHINTS_ANNOTATED = 1u << 0,  /* the function has some annotation */
  PR_TYPEHINTS_RETURN = 1u << 1,     /* the function has a return annotation */
  PR_TYPEHINTS_IN_TESTS = 1u << 2,   /* test code */
  PR_TYPEHINTS_INIT = 1u << 3,       /* `__init__` */
};

/* For a function_definition shown to on_node: when it is a public function
 * (catalog: Definitions), records its FUNCTION fact and, with `parameters`,
 * a PARAMETER fact per parameter without an annotation (not a method's first
 * parameter; `*args`/`**kwargs` only with `type-hints-varargs`). */
void pr_typehints_record(pr_ctx *ctx, TSNode def, bool parameters);

/* True when the module's TYP findings are shown: `strict`, or at least half
 * of the public functions outside test code are annotated. */
bool pr_typehints_module_reports(const pr_ctx *ctx, const pr_fact *facts, uint32_t count);

#endif
