/* filemode.h - the catalog's literal file mode (SEC014): the value of a mode
 * written as an integer literal (`0o777`, `511`, `0x1ff`, Python 2 `0777` and
 * `0777L`), a `stat.S_*` constant (through any import form: `stat.S_IWOTH`,
 * `from stat import S_IWOTH`, `import stat as st`), or a combination of them
 * with `|`, `&`, `^` and `+` (parentheses allowed). Values are computed
 * modulo 2^64: an oversized literal keeps its low bits, which are all the
 * permission bits depend on. Names bound to such values,
 * calls, parameters and other operators are not literal modes.
 *
 * Pure: reads the tree and the semantic model, allocates nothing. */
#ifndef PR_FILEMODE_H
#define PR_FILEMODE_H

#include "rule.h"

/* True when `expr`, read in `scope`, is a literal file mode; its value in *mode. */
bool pr_literal_file_mode(const pr_ctx *ctx, TSNode expr, uint32_t scope, uint64_t *mode);

/* The value of an integer literal's text (`0o755`, `0x1F`, `1_000`, Python 2
 * `0777` and `10L`); false when it is not an integer literal or overflows. */
bool pr_integer_value(const char *text, uint32_t len, uint64_t *value);

#endif
