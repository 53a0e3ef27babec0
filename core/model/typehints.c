/* typehints.c - annotations of public functions; see typehints.h. */
#include "typehints.h"

#include "options.h"
#include "statements.h"

static void pr_typehints__fact(pr_ctx *ctx, TSNode name, uint32_t tag, uint32_t value) {
  pr_fact f = {.start = ts_node_start_byte(name), .end = ts_node_end_byte(name), .ref = {PR_NONE, PR_NONE},
               .tag = tag, .value = value};
  pr_add_fact(ctx, &f);
}

void pr_typehints_record(pr_ctx *ctx, TSNode def, bool parameters) {
  const pr_model *m = ctx->model;
  uint32_t scope = ctx->own_scope;
  if (scope == PR_NONE || scope >= m->scope_count || !pr_function_is_public(m, scope)) return;
  TSNode name = pr_child(def, pr_field_name), params = pr_child(def, pr_field_parameters);
  if (ts_node_is_null(name) || ts_node_is_null(params) || ts_node_has_error(params)) return;
  uint32_t flags = 0;
  if (!ts_node_is_null(pr_child(def, pr_field_return_type))) flags |= PR_TYPEHINTS_ANNOTATED | PR_TYPEHINTS_RETURN;
  if (pr_in_test_code(ctx, scope)) flags |= PR_TYPEHINTS_IN_TESTS;
  if (pr_text_is(ctx, name, "__init__")) flags |= PR_TYPEHINTS_INIT;
  bool skip_first = m->scopes[scope].is_method && !m->scopes[scope].is_static;
  bool varargs = ctx->thresholds->type_hints_varargs;
  TSNode missing[64];
  uint32_t nmissing = 0, n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    TSNode pname = {0};
    bool splat = false;
    switch (pr_node_kind(p)) {
    case pr_kind_typed_parameter: case pr_kind_typed_default_parameter:
      flags |= PR_TYPEHINTS_ANNOTATED;
      break;
    case pr_kind_identifier: pname = p; break;
    case pr_kind_default_parameter: pname = pr_child(p, pr_field_name); break;
    case pr_kind_list_splat_pattern: case pr_kind_dictionary_splat_pattern:
      pname = ts_node_named_child(p, 0);
      splat = true;
      break;
    default:
      continue;
    }
    if (skip_first) {
      skip_first = false;
      continue;
    }
    if (ts_node_is_null(pname) || (splat && !varargs)) continue;
    if (nmissing < 64) missing[nmissing++] = pname;
  }
  pr_typehints__fact(ctx, name, PR_TYPEHINTS_FACT_FUNCTION, flags);
  if (parameters)
    for (uint32_t i = 0; i < nmissing; i++) pr_typehints__fact(ctx, missing[i], PR_TYPEHINTS_FACT_PARAMETER, flags);
}

bool pr_typehints_module_reports(const pr_ctx *ctx, const pr_fact *facts, uint32_t count) {
  if (ctx->thresholds->type_hints == PR_TYPE_HINTS_STRICT) return true;
  uint32_t functions = 0, annotated = 0;
  for (uint32_t i = 0; i < count; i++) {
    if (facts[i].tag != PR_TYPEHINTS_FACT_FUNCTION || (facts[i].value & PR_TYPEHINTS_IN_TESTS)) continue;
    functions++;
    annotated += (facts[i].value & PR_TYPEHINTS_ANNOTATED) != 0;
  }
  return functions > 0 && annotated * 2 >= functions;
}
