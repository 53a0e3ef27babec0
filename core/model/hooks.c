/* hooks.c - hook names; see hooks.h. */
#include "hooks.h"

#include <string.h>

static const char *const pr_hook_names[] = {
  /* unittest */
  "setUp", "_setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule", "tearDownModule", "asyncSetUp",
  "asyncTearDown", "setUpTestData", "addCleanup", "addClassCleanup", "addAsyncCleanup", "useFixture", "runTest",
  "subTest", "skipTest", "maxDiff", "longMessage", "failureException", "doCleanups", "doClassCleanups",
  "addTypeEqualityFunc", "countTestCases", "defaultTestResult", "shortDescription", "enterContext",
  "enterClassContext", "enterAsyncContext",
  /* logging */
  "getLogger", "setLevel", "addHandler", "removeHandler", "setFormatter", "addFilter", "removeFilter",
  "getEffectiveLevel", "isEnabledFor", "getChild", "getChildren", "makeRecord", "handleError", "basicConfig",
  "setLoggerClass", "getLoggerClass", "getLevelName", "addLevelName", "getLevelNamesMapping",
  "captureWarnings", "findCaller", "callHandlers", "createLock", "hasHandlers", "formatTime",
  "formatException", "formatStack", "formatMessage", "usesTime", "getMessage", "shouldRollover", "doRollover",
  "setLogRecordFactory", "getLogRecordFactory", "fileConfig", "dictConfig", "stopListening", "setStream",
  "makePickle", "makeSocket", "createSocket", "mapLogRecord", "getHandlerByName", "getHandlerNames",
  "rotation_filename",
  /* handler hooks: ast.NodeVisitor, xml.sax */
  "generic_visit", "startElement", "endElement", "characters", "startDocument", "endDocument",
  "startElementNS", "endElementNS", "startPrefixMapping", "endPrefixMapping", "ignorableWhitespace",
  "processingInstruction", "skippedEntity", "setDocumentLocator",
  NULL,
};

/* `prefix` followed by nothing, an uppercase letter or (when `underscore`) `_`:
 * `assertEqual`, `assert_called_with`, `failUnless`; not `failover`, `fail_job`. */
static int pr_hooks__family(const char *s, uint32_t n, const char *prefix, int underscore) {
  uint32_t k = (uint32_t)strlen(prefix);
  if (n < k || memcmp(s, prefix, k) != 0) return 0;
  return n == k || (underscore && s[k] == '_') || (s[k] >= 'A' && s[k] <= 'Z');
}

pr_hook pr_hook_kind(const char *s, uint32_t n) {
  for (int i = 0; pr_hook_names[i]; i++)
    if (strlen(pr_hook_names[i]) == n && memcmp(pr_hook_names[i], s, n) == 0) return PR_HOOK_NAME;
  if (pr_hooks__family(s, n, "assert", 1) || pr_hooks__family(s, n, "fail", 0)) return PR_HOOK_NAME;
  if ((n > 3 && memcmp(s, "do_", 3) == 0) || (n > 6 && memcmp(s, "visit_", 6) == 0)) return PR_HOOK_HANDLER;
  return PR_HOOK_NONE;
}
