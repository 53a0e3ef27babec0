/* filemode.c - literal file modes for SEC014; see filemode.h. */
#include "filemode.h"

#include "names.h"

#include <string.h>

/* The `stat` module's permission and file-type constants. */
static const struct { const char *name; uint64_t value; } pr_filemode__stat[] = {
  {"S_ISUID", 04000}, {"S_ISGID", 02000}, {"S_ISVTX", 01000}, {"S_ENFMT", 02000},
  {"S_IRWXU", 0700}, {"S_IRUSR", 0400}, {"S_IWUSR", 0200}, {"S_IXUSR", 0100},
  {"S_IREAD", 0400}, {"S_IWRITE", 0200}, {"S_IEXEC", 0100},
  {"S_IRWXG", 070}, {"S_IRGRP", 040}, {"S_IWGRP", 020}, {"S_IXGRP", 010},
  {"S_IRWXO", 07}, {"S_IROTH", 04}, {"S_IWOTH", 02}, {"S_IXOTH", 01},
  {"S_IFMT", 0170000}, {"S_IFSOCK", 0140000}, {"S_IFLNK", 0120000}, {"S_IFREG", 0100000},
  {"S_IFBLK", 060000}, {"S_IFDIR", 040000}, {"S_IFCHR", 020000}, {"S_IFIFO", 010000},
};

/* Parses an integer literal; with `wrap`, a value too large for 64 bits is
 * kept modulo 2^64 (its low bits, all a file mode needs: `|`, `&`, `^` and
 * `+` of the low bits give the low bits of the result), else it fails. */
static bool pr_filemode__parse(const char *s, uint32_t len, uint64_t *value, bool wrap) {
  if (len && (s[len - 1] == 'l' || s[len - 1] == 'L')) len--;  /* Python 2 long suffix */
  if (!len) return false;
  unsigned base = 10;
  uint32_t i = 0;
  if (len >= 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) { base = 8; i = 2; }
  else if (len >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { base = 16; i = 2; }
  else if (len >= 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) { base = 2; i = 2; }
  else if (len >= 2 && s[0] == '0') { base = 8; i = 1; }  /* Python 2 octal: 0777 */
  uint64_t v = 0;
  bool digits = false;
  for (; i < len; i++) {
    char c = s[i];
    if (c == '_') continue;
    unsigned d;
    if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
    else return false;  /* a float, an imaginary number */
    if (d >= base) return false;
    if (!wrap && v > (UINT64_MAX - d) / base) return false;
    v = v * base + d;  /* unsigned: wraps modulo 2^64 */
    digits = true;
  }
  if (!digits) return false;
  *value = v;
  return true;
}

bool pr_integer_value(const char *s, uint32_t len, uint64_t *value) {
  return pr_filemode__parse(s, len, value, false);
}

/* Depth of nested operators followed before giving up. */
#define PR_FILEMODE_MAX_DEPTH 32

static bool pr_filemode__eval(const pr_ctx *ctx, TSNode expr, uint32_t scope, uint64_t *mode, int depth) {
  if (depth > PR_FILEMODE_MAX_DEPTH) return false;
  expr = pr_unparenthesize(expr);
  switch (pr_node_kind(expr)) {
  case pr_kind_integer: {
    uint32_t len;
    const char *t = pr_text(ctx, expr, &len);
    return pr_filemode__parse(t, len, mode, true);
  }
  case pr_kind_identifier:
  case pr_kind_attribute: {
    char buf[64];
    if (!pr_qualified_name(ctx, expr, scope, buf, sizeof buf)) return false;
    if (strncmp(buf, "stat.", 5)) return false;
    for (size_t i = 0; i < sizeof pr_filemode__stat / sizeof *pr_filemode__stat; i++)
      if (!strcmp(buf + 5, pr_filemode__stat[i].name)) { *mode = pr_filemode__stat[i].value; return true; }
    return false;
  }
  case pr_kind_binary_operator: {
    TSNode op = pr_child(expr, pr_field_operator);
    uint32_t ol;
    const char *o = pr_text(ctx, op, &ol);
    if (ol != 1 || !strchr("|&^+", o[0])) return false;
    uint64_t l, r;
    if (!pr_filemode__eval(ctx, pr_child(expr, pr_field_left), scope, &l, depth + 1)) return false;
    if (!pr_filemode__eval(ctx, pr_child(expr, pr_field_right), scope, &r, depth + 1)) return false;
    *mode = o[0] == '|' ? (l | r) : o[0] == '&' ? (l & r) : o[0] == '^' ? (l ^ r) : l + r;
    return true;
  }
  default:
    return false;
  }
}

bool pr_literal_file_mode(const pr_ctx *ctx, TSNode expr, uint32_t scope, uint64_t *mode) {
  if (ts_node_is_null(expr)) return false;
  return pr_filemode__eval(ctx, expr, scope, mode, 0);
}
