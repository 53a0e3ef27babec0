/* SEC004 unsafe-deserialization: loading data with pickle, marshal, unsafe YAML loaders and the like.
 *
 * ## What it does
 * Flags calls, matched on qualified names after the file's imports, of:
 * - `pickle`, `cPickle`, `_pickle` and `dill` `load`, `loads` and
 *   `Unpickler`; `shelve.open`; `marshal.load`/`loads`; `jsonpickle.decode`;
 *   `pandas.read_pickle`; `joblib.load`;
 * - `numpy.load(..., allow_pickle=True)` (or another truthy constant);
 * - `torch.load` without `weights_only=True` (a `weights_only=` that is not a
 *   constant, or a `**kwargs` spread that may carry it, is not flagged);
 * - `yaml.unsafe_load`, `yaml.full_load` and their `_all` forms;
 * - `yaml.load`/`load_all` without a loader (or `Loader=None`), or with
 *   `Loader`, `UnsafeLoader`, `FullLoader`, `CLoader`, `CUnsafeLoader` or
 *   `CFullLoader` from `yaml` (keyword `Loader=` or second argument). Any
 *   other loader counts as safe: `SafeLoader`, `CSafeLoader`, `BaseLoader`,
 *   and any name the file binds itself (`class Loader(yaml.SafeLoader)`).
 * Serialising (`dump`, `dumps`) is never flagged, nor a load whose argument
 * is directly the matching dump of the same module (`pickle.loads(pickle.dumps(obj))`,
 * `marshal.loads(marshal.dumps(code))`, `jsonpickle.decode(jsonpickle.encode(o))`):
 * a deep copy of the program's own object, not data from outside.
 *
 * ## Why is this bad?
 * These formats can name arbitrary Python objects and callables, and loading
 * them constructs those objects: a crafted file or message runs code in the
 * loading process (CWE-502). Signing or encrypting the bytes helps only if
 * the key never leaves trusted hands.
 *
 * ## Example
 * ```python
 * import pickle
 * import yaml
 *
 * def restore(blob, text):
 *     state = pickle.loads(blob)
 *     config = yaml.load(text, Loader=yaml.FullLoader)
 *     return state, config
 * ```
 *
 * ## Use instead
 * Use a format that only carries data, and YAML's safe loader:
 * ```python
 * import json
 * import yaml
 *
 * def restore(blob, text):
 *     state = json.loads(blob)
 *     config = yaml.safe_load(text)
 *     return state, config
 * ```
 */
#include "literal.h"
#include "names.h"
#include "rule.h"
#include "rule_docs.h"

#include <stdio.h>
#include <string.h>

/* Longest loader expression quoted in a message. */
#define SEC004_MAX_LOADER_TEXT 40

/* Always unsafe: they unpickle (or unmarshal) whatever the data names. */
static const char *const sec004_unpicklers[] = {
  "pickle.load", "pickle.loads", "pickle.Unpickler",
  "cPickle.load", "cPickle.loads", "cPickle.Unpickler",
  "_pickle.load", "_pickle.loads", "_pickle.Unpickler",
  "dill.load", "dill.loads", "dill.Unpickler",
  "shelve.open", "marshal.load", "marshal.loads", "jsonpickle.decode",
  "pandas.read_pickle", "joblib.load", "sklearn.externals.joblib.load",
  "six.moves.cPickle.load", "six.moves.cPickle.loads", "six.moves.cPickle.Unpickler",
  NULL,
};

static const char *const sec004_yaml_unsafe[] = {
  "yaml.unsafe_load", "yaml.full_load", "yaml.unsafe_load_all", "yaml.full_load_all", NULL,
};

static const char *const sec004_yaml_load[] = {"yaml.load", "yaml.load_all", NULL};

/* yaml's loaders that construct arbitrary objects. */
static const char *const sec004_unsafe_loaders[] = {
  "Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader", NULL,
};

static bool sec004_in(const char *name, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (!strcmp(name, list[i])) return true;
  return false;
}



/* True when the call has a `*args` argument: it may carry the loader. */
static bool sec004_has_splat(TSNode call) {
  TSNode args = pr_child(call, pr_field_arguments);
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++)
    if (pr_node_kind(ts_node_named_child(args, i)) == pr_kind_list_splat) return true;
  return false;
}

/* For yaml.load: the unsafe loader's name ("FullLoader"), "" when no loader is
 * given (or Loader=None), or NULL when the loader is safe or unknown. */
static const char *sec004_yaml_loader(const pr_ctx *ctx, TSNode call, TSNode *loader_out, char *q,
                                      size_t cap) {
  TSNode loader = pr_call_argument(ctx, call, 1, "Loader");
  *loader_out = loader;
  if (ts_node_is_null(loader)) return pr_call_has_kwargs_splat(call) || sec004_has_splat(call) ? NULL : "";
  loader = pr_unparenthesize(loader);
  if (pr_node_kind(loader) == pr_kind_none) return "";
  /* a name the file binds itself (class, assignment, parameter) has no qualified name: safe */
  uint32_t n = pr_qualified_name(ctx, loader, ctx->scope, q, (uint32_t)cap);
  if (!n) return NULL;
  const char *last = strrchr(q, '.');
  if (last && strncmp(q, "yaml.", 5)) return NULL;  /* another module's loader */
  last = last ? last + 1 : q;
  for (int i = 0; sec004_unsafe_loaders[i]; i++)
    if (!strcmp(last, sec004_unsafe_loaders[i])) return sec004_unsafe_loaders[i];
  return NULL;
}


/* True when the data argument of the load `q` (a qualified name) is directly
 * a call of the matching dump of the same module: `pickle.loads(pickle.dumps(x))`. */
static bool sec004_round_trip(const pr_ctx *ctx, TSNode call, const char *q) {
  const char *dot = strrchr(q, '.');
  if (!dot) return false;
  const char *fn = dot + 1, *dump;
  if (!strcmp(fn, "loads")) dump = "dumps";
  else if (!strcmp(fn, "load")) dump = "dump";
  else if (!strcmp(fn, "decode")) dump = "encode";
  else return false;
  TSNode arg = pr_unparenthesize(pr_call_positional(call, 0));
  if (pr_node_kind(arg) != pr_kind_call) return false;
  char inner[64], want[64];
  if (!pr_call_qualified_name(ctx, arg, inner, sizeof inner)) return false;
  int n = snprintf(want, sizeof want, "%.*s.%s", (int)(dot - q), q, dump);
  return n > 0 && (size_t)n < sizeof want && !strcmp(inner, want);
}

static void sec004_check(pr_ctx *ctx, TSNode call) {
  char q[64];
  if (!pr_call_qualified_name(ctx, call, q, sizeof q)) return;
  /* the last name part of every sink below starts with one of these
     letters (load, Unpickler, open, decode, read_pickle, unsafe_load,
     full_load): most calls stop here */
  const char *part = strrchr(q, '.');
  part = part ? part + 1 : q;
  if (!*part || !strchr("lUodruf", *part)) return;
  if (!sec004_in(q, sec004_unpicklers) && !sec004_in(q, sec004_yaml_unsafe) && !sec004_in(q, sec004_yaml_load) &&
      strcmp(q, "torch.load") && strcmp(q, "numpy.load"))
    return;
  if (sec004_round_trip(ctx, call, q)) return;
  if (sec004_in(q, sec004_unpicklers)) {
    if (!strcmp(q, "shelve.open"))
      pr_report(ctx, call,
                "`shelve.open` unpickles the values it reads, which can run arbitrary code: open only files "
                "the program wrote itself, or store the data as JSON");
    else
      pr_report(ctx, call,
                "`%s` deserialises data that can run arbitrary code while loading: load only trusted data, "
                "or use a data-only format such as JSON",
                q);
    return;
  }
  if (sec004_in(q, sec004_yaml_unsafe)) {
    pr_report(ctx, call,
              "`%s` can construct arbitrary Python objects from the document: use `yaml.safe_load%s`", q,
              strstr(q, "_all") ? "_all" : "");
    return;
  }
  if (sec004_in(q, sec004_yaml_load)) {
    TSNode loader;
    char loader_name[128];
    const char *unsafe = sec004_yaml_loader(ctx, call, &loader, loader_name, sizeof loader_name);
    if (!unsafe) return;
    const char *safe = !strcmp(q, "yaml.load") ? "yaml.safe_load" : "yaml.safe_load_all";
    if (!*unsafe) {
      pr_report(ctx, call,
                "`%s` without a safe `Loader` can construct arbitrary Python objects: use `%s` or pass "
                "`Loader=yaml.SafeLoader`",
                q, safe);
      return;
    }
    uint32_t len;
    const char *s = pr_text(ctx, loader, &len);
    bool readable = len <= SEC004_MAX_LOADER_TEXT && !memchr(s, '\n', len) && !memchr(s, '\r', len) &&
                    !memchr(s, '`', len);
    /* name the yaml loader when the text is an alias of it (`FastLoader` for `yaml.CLoader`) */
    uint32_t last = len;
    while (last > 0 && s[last - 1] != '.') last--;
    const char *dot = strrchr(loader_name, '.');
    const char *loader_last = dot ? dot + 1 : loader_name;
    if (readable && (len - last != strlen(loader_last) || memcmp(s + last, loader_last, len - last)))
      pr_report(ctx, call,
                "`%s` with `%.*s` (`%s`) can construct arbitrary Python objects: use `%s` or pass "
                "`Loader=yaml.SafeLoader`",
                q, (int)len, s, loader_name, safe);
    else
      pr_report(ctx, call,
                "`%s` with `%.*s` can construct arbitrary Python objects: use `%s` or pass "
                "`Loader=yaml.SafeLoader`",
                q, readable ? (int)len : (int)strlen(unsafe), readable ? s : unsafe, safe);
    return;
  }
  if (!strcmp(q, "torch.load")) {
    TSNode w = pr_call_keyword(ctx, call, "weights_only");
    if (ts_node_is_null(w)) {
      if (pr_call_has_kwargs_splat(call)) return;
    } else if (pr_constant_truth(ctx, w) != 0) {
      return;  /* weights_only=True, or a value that is not a constant */
    }
    pr_report(ctx, call,
              "`torch.load` without `weights_only=True` unpickles arbitrary objects from the file: pass "
              "`weights_only=True`");
    return;
  }
  if (!strcmp(q, "numpy.load")) {
    TSNode allow = pr_call_argument(ctx, call, 2, "allow_pickle");
    if (ts_node_is_null(allow) || pr_constant_truth(ctx, allow) != 1) return;
    pr_report(ctx, call,
              "`numpy.load` with `allow_pickle=True` unpickles object arrays, which can run arbitrary code: "
              "save plain arrays and load them with allow_pickle=False");
  }
}

const pr_rule pr_rule_sec004 = {
  .code = "SEC004",
  .name = "unsafe-deserialization",
  .category = "Security",
  .severity = PR_SEV_ERROR,
  .cwe = 502,
  .tags = 0,
  .flags = 0,
  .summary = "Deserialising with pickle, marshal, unsafe YAML loaders and the like",
  .doc = pr_doc_sec004,
  .kinds = {pr_kind_call},
  .on_node = sec004_check,
};
