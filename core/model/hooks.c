/* hooks.c - hook names; see hooks.h. */
#include "hooks.h"

#include <string.h>

/* With their lengths: a name is compared only with hooks of its length (most
   names reviewed are long test and helper names, which match none). */
typedef struct pr_hook_name { const char *name; uint32_t len; } pr_hook_name;
#define PR_HOOK(s) {s, sizeof(s) - 1}
static const pr_hook_name pr_hook_names[] = {
  /* unittest */
  PR_HOOK("setUp"), PR_HOOK("_setUp"), PR_HOOK("tearDown"), PR_HOOK("setUpClass"), PR_HOOK("tearDownClass"),
  PR_HOOK("setUpModule"), PR_HOOK("tearDownModule"), PR_HOOK("asyncSetUp"),
  PR_HOOK("asyncTearDown"), PR_HOOK("setUpTestData"), PR_HOOK("addCleanup"), PR_HOOK("addClassCleanup"),
  PR_HOOK("addAsyncCleanup"), PR_HOOK("useFixture"), PR_HOOK("runTest"),
  PR_HOOK("subTest"), PR_HOOK("skipTest"), PR_HOOK("maxDiff"), PR_HOOK("longMessage"),
  PR_HOOK("failureException"), PR_HOOK("doCleanups"), PR_HOOK("doClassCleanups"),
  PR_HOOK("addTypeEqualityFunc"), PR_HOOK("countTestCases"), PR_HOOK("defaultTestResult"),
  PR_HOOK("shortDescription"), PR_HOOK("enterContext"),
  PR_HOOK("enterClassContext"), PR_HOOK("enterAsyncContext"),
  /* logging */
  PR_HOOK("getLogger"), PR_HOOK("setLevel"), PR_HOOK("addHandler"), PR_HOOK("removeHandler"),
  PR_HOOK("setFormatter"), PR_HOOK("addFilter"), PR_HOOK("removeFilter"),
  PR_HOOK("getEffectiveLevel"), PR_HOOK("isEnabledFor"), PR_HOOK("getChild"), PR_HOOK("getChildren"),
  PR_HOOK("makeRecord"), PR_HOOK("handleError"), PR_HOOK("basicConfig"),
  PR_HOOK("setLoggerClass"), PR_HOOK("getLoggerClass"), PR_HOOK("getLevelName"), PR_HOOK("addLevelName"),
  PR_HOOK("getLevelNamesMapping"),
  PR_HOOK("captureWarnings"), PR_HOOK("findCaller"), PR_HOOK("callHandlers"), PR_HOOK("createLock"),
  PR_HOOK("hasHandlers"), PR_HOOK("formatTime"),
  PR_HOOK("formatException"), PR_HOOK("formatStack"), PR_HOOK("formatMessage"), PR_HOOK("usesTime"),
  PR_HOOK("getMessage"), PR_HOOK("shouldRollover"), PR_HOOK("doRollover"),
  PR_HOOK("setLogRecordFactory"), PR_HOOK("getLogRecordFactory"), PR_HOOK("fileConfig"), PR_HOOK("dictConfig"),
  PR_HOOK("stopListening"), PR_HOOK("setStream"),
  PR_HOOK("makePickle"), PR_HOOK("makeSocket"), PR_HOOK("createSocket"), PR_HOOK("mapLogRecord"),
  PR_HOOK("getHandlerByName"), PR_HOOK("getHandlerNames"),
  PR_HOOK("rotation_filename"),
  /* handler hooks: ast.NodeVisitor, xml.sax */
  PR_HOOK("generic_visit"), PR_HOOK("startElement"), PR_HOOK("endElement"), PR_HOOK("characters"),
  PR_HOOK("startDocument"), PR_HOOK("endDocument"),
  PR_HOOK("startElementNS"), PR_HOOK("endElementNS"), PR_HOOK("startPrefixMapping"),
  PR_HOOK("endPrefixMapping"), PR_HOOK("ignorableWhitespace"),
  PR_HOOK("processingInstruction"), PR_HOOK("skippedEntity"), PR_HOOK("setDocumentLocator"),
  {NULL, 0},
};


/* `prefix` followed by nothing, an uppercase letter or (when `underscore`) `_`:
 * `assertEqual`, `assert_called_with`, `failUnless`; not `failover`, `fail_job`. */
static int pr_hooks__family(const char *s, uint32_t n, const char *prefix, int underscore) {
  uint32_t k = (uint32_t)strlen(prefix);
  if (n < k || memcmp(s, prefix, k) != 0) return 0;
  return n == k || (underscore && s[k] == '_') || (s[k] >= 'A' && s[k] <= 'Z');
}

pr_hook pr_hook_kind(const char *s, uint32_t n) {
  for (int i = 0; pr_hook_names[i].name; i++)
    if (pr_hook_names[i].len == n && pr_hook_names[i].name[0] == s[0] && memcmp(pr_hook_names[i].name, s, n) == 0)
      return PR_HOOK_NAME;
  if (pr_hooks__family(s, n, "assert", 1) || pr_hooks__family(s, n, "fail", 0)) return PR_HOOK_NAME;
  if ((n > 3 && memcmp(s, "do_", 3) == 0) || (n > 6 && memcmp(s, "visit_", 6) == 0)) return PR_HOOK_HANDLER;
  return PR_HOOK_NONE;
}
