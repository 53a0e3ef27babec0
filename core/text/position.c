/* position.c - column units; see position.h. */
#include "position.h"

uint32_t pr_utf8_decode(const unsigned char *s, uint32_t n, uint32_t *cp) {
  unsigned char c = s[0];
  if (c < 0x80) { *cp = c; return 1; }
  uint32_t len, min, v;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; v = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; v = c & 0x07; }
  else { *cp = 0xFFFD; return 1; }
  if (n < len) { *cp = 0xFFFD; return 1; }
  for (uint32_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
  *cp = v;
  return len;
}

uint32_t pr_columns_in(const char *line, uint32_t nbytes, pr_unit unit) {
  if (unit == PR_UNIT_UTF8) return nbytes;
  const unsigned char *s = (const unsigned char *)line;
  uint32_t cols = 0, i = 0;
  while (i < nbytes) {
    if (s[i] < 0x80) { cols++; i++; continue; }
    uint32_t cp;
    i += pr_utf8_decode(s + i, nbytes - i, &cp);
    cols += (unit == PR_UNIT_UTF16 && cp >= 0x10000) ? 2 : 1;
  }
  return cols;
}

uint32_t pr_bytes_for_columns(const char *line, uint32_t line_len, uint32_t column, pr_unit unit) {
  if (unit == PR_UNIT_UTF8) {
    if (column >= line_len) return line_len;
    /* never split a character: a column on a continuation byte of a valid
       sequence (at most 3 bytes back) means that sequence's first byte */
    for (uint32_t back = 1; back <= 3 && back <= column; back++) {
      uint32_t start = column - back;
      if (((unsigned char)line[start] & 0xC0) == 0x80) continue;
      uint32_t cp;
      if (start + pr_utf8_decode((const unsigned char *)line + start, line_len - start, &cp) > column)
        return start;
      break;
    }
    return column;
  }
  const unsigned char *s = (const unsigned char *)line;
  uint32_t cols = 0, i = 0;
  while (i < line_len) {
    uint32_t cp, n = s[i] < 0x80 ? (cp = s[i], 1) : pr_utf8_decode(s + i, line_len - i, &cp);
    uint32_t w = (unit == PR_UNIT_UTF16 && cp >= 0x10000) ? 2 : 1;
    if (cols + w > column) return i;
    cols += w;
    i += n;
  }
  return line_len;
}

bool pr_utf8_valid(const char *text, uint32_t len) {
  const unsigned char *s = (const unsigned char *)text;
  uint32_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) { i++; continue; }
    uint32_t cp, n = pr_utf8_decode(s + i, len - i, &cp);
    if (cp == 0xFFFD && n == 1) return false;
    i += n;
  }
  return true;
}
