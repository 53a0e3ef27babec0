/* source.c - file bytes to analysis text; see source.h. */
#include "source.h"

#include "position.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

typedef enum { PR_ENC_UTF8, PR_ENC_LATIN1, PR_ENC_CP1252 } pr_encoding;

/* cp1252's 0x80..0x9F; 0 marks the five undefined bytes */
static const uint16_t pr_cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* PEP 263: a comment on line 1 or 2 matching ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+) */
static void pr_source__coding(const char *s, size_t n, char *out, size_t cap) {
  out[0] = 0;
  size_t pos = 0;
  for (int line = 0; line < 2 && pos < n; line++) {
    size_t end = pos;
    while (end < n && s[end] != '\n' && s[end] != '\r') end++;  /* any line end, as in text.h */
    size_t i = pos;
    while (i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) i++;
    if (i < end && s[i] == '#') {
      for (size_t k = i; k + 7 < end; k++) {
        if (memcmp(s + k, "coding", 6) == 0 && (s[k + 6] == ':' || s[k + 6] == '=')) {
          size_t v = k + 7, o = 0;
          while (v < end && (s[v] == ' ' || s[v] == '\t')) v++;
          while (v < end && o + 1 < cap &&
                 (isalnum((unsigned char)s[v]) || s[v] == '-' || s[v] == '_' || s[v] == '.'))
            out[o++] = (char)tolower((unsigned char)s[v++]);
          out[o] = 0;
          return;
        }
      }
    } else if (i < end) {
      return;  /* PEP 263: line 2 counts only when line 1 is a comment or blank */
    }
    pos = end + (end + 1 < n && s[end] == '\r' && s[end + 1] == '\n' ? 2 : 1);
  }
}

static pr_encoding pr_source__encoding(const char *name, bool *unknown) {
  static const char *latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859_1",
                                 "iso-latin-1", "l1", "8859", "cp819", "latin", NULL};
  static const char *cp1252[] = {"cp1252", "windows-1252", "windows1252", NULL};
  static const char *utf8[] = {"utf-8", "utf8", "utf_8", "ascii", "us-ascii", "utf-8-sig", NULL};
  *unknown = false;
  if (!name[0]) return PR_ENC_UTF8;
  for (int i = 0; latin1[i]; i++) if (!strcmp(name, latin1[i]) || !strncmp(name, "latin-1-", 8)) return PR_ENC_LATIN1;
  for (int i = 0; cp1252[i]; i++) if (!strcmp(name, cp1252[i])) return PR_ENC_CP1252;
  for (int i = 0; utf8[i]; i++) if (!strcmp(name, utf8[i]) || !strncmp(name, "utf-8-", 6)) return PR_ENC_UTF8;
  *unknown = true;
  return PR_ENC_UTF8;
}

/* The end of the run of ASCII bytes starting at s[i]. */
static size_t pr_source__ascii_run(const unsigned char *s, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080u) break;
  }
  while (i < n && s[i] < 0x80) i++;
  return i;
}

static size_t pr_source__put(char *out, uint32_t cp) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F)); return 4;
}

int pr_source_decode(const char *bytes, size_t n, char **text, uint32_t *len, pr_source_info *info) {
  memset(info, 0, sizeof *info);
  if (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
    info->had_bom = true;
    bytes += 3;
    n -= 3;
  }
  pr_source__coding(bytes, n, info->coding, sizeof info->coding);
  pr_encoding enc = info->had_bom ? PR_ENC_UTF8 : pr_source__encoding(info->coding, &info->unknown_coding);
  /* worst case: every byte becomes a 3-byte U+FFFD or a 3-byte cp1252 character */
  if (n > (UINT32_MAX - 1) / 3) return -1;
  char *out = malloc(n * 3 + 1);
  if (!out) return -1;
  size_t o = 0;
  const unsigned char *s = (const unsigned char *)bytes;
  for (size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      /* ASCII runs are most of any file: copied whole, found 8 bytes at a
         time (a byte-at-a-time loop was 10 instructions a byte) */
      size_t j = pr_source__ascii_run(s, i, n);
      memcpy(out + o, s + i, j - i);
      o += j - i;
      i = j;
      continue;
    }
    uint32_t cp;
    if (enc == PR_ENC_UTF8) {
      size_t rest = n - i > 4 ? 4 : n - i;
      uint32_t k = pr_utf8_decode(s + i, (uint32_t)rest, &cp);
      if (cp == 0xFFFD && k == 1) info->had_invalid_bytes = true;
      memcpy(out + o, s + i, k == 1 ? 0 : k);
      o += k == 1 ? pr_source__put(out + o, 0xFFFD) : k;
      i += k;
      continue;
    }
    cp = s[i];
    if (enc == PR_ENC_CP1252 && cp < 0xA0) {
      cp = pr_cp1252_high[cp - 0x80];
      if (!cp) { cp = 0xFFFD; info->had_invalid_bytes = true; }
    }
    o += pr_source__put(out + o, cp);
    i++;
  }
  out[o] = 0;
  *text = out;
  *len = (uint32_t)o;
  return 0;
}

int pr_read_regular_file(const char *path, size_t max, char **data, size_t *len) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat st;
  int e = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : (uint64_t)st.st_size > max ? EFBIG : 0;
  if (e) {
    close(fd);
    errno = e;
    return -1;
  }
  size_t cap = (size_t)st.st_size + 1, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) { close(fd); errno = ENOMEM; return -1; }
    if (n + 1 == cap) {  /* it grew since fstat */
      if (n >= max) { free(buf); close(fd); errno = EFBIG; return -1; }
      char *p = realloc(buf, cap * 2);
      if (!p) free(buf);
      buf = p;
      cap *= 2;
      continue;
    }
    ssize_t r = read(fd, buf + n, cap - 1 - n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) { e = errno; free(buf); close(fd); errno = e; return -1; }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  buf[n] = 0;
  *data = buf;
  *len = n;
  return 0;
}
