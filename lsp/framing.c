/* framing.c - LSP Content-Length framing over a growing buffer; see framing.h. */
#include "framing.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Initial buffer size, and the size a grown buffer shrinks back to once the
 * large message that grew it has been consumed. */
enum { PR_FRAMER__MIN_CAP = 4096, PR_FRAMER__KEEP_CAP = 64 * 1024 };

static const char pr_framer__cl_name[] = "content-length";
#define PR_FRAMER__CL_LEN (sizeof pr_framer__cl_name - 1)

void pr_framer_init(pr_framer *f) {
  memset(f, 0, sizeof *f);
}

void pr_framer_free(pr_framer *f) {
  free(f->buf);
  pr_framer_init(f);
}

size_t pr_framer_buffered(const pr_framer *f) {
  return f->len - f->start;
}

uint64_t pr_framer_skipping(const pr_framer *f) {
  return f->skip;
}

/* Marks n buffered bytes as consumed. Offsets relative to start (header_len,
 * scanned) belong to the block being consumed, so they are reset. */
static void pr_framer__consume(pr_framer *f, size_t n) {
  f->start += n;
  if (f->start == f->len) f->start = f->len = 0;
  f->scanned = 0;
}

static char pr_framer__lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* RFC 9110 token characters: what a header name is made of. */
static bool pr_framer__is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static bool pr_framer__is_space(char c) {
  return c == ' ' || c == '\t';
}

static bool pr_framer__name_is_cl(const char *s, size_t n) {
  if (n != PR_FRAMER__CL_LEN) return false;
  for (size_t i = 0; i < n; i++)
    if (pr_framer__lower(s[i]) != pr_framer__cl_name[i]) return false;
  return true;
}

/* Offset of the first case-insensitive "content-length" in s[0..n), or n. */
static size_t pr_framer__find_cl(const char *s, size_t n) {
  if (n < PR_FRAMER__CL_LEN) return n;
  for (size_t i = 0; i + PR_FRAMER__CL_LEN <= n; i++)
    if (pr_framer__lower(s[i]) == 'c' && pr_framer__name_is_cl(s + i, PR_FRAMER__CL_LEN)) return i;
  return n;
}

/* Copies at most 32 bytes of s[0..n) into out for an error message, printable
 * ASCII as is and anything else as '?', with "..." when cut. */
static void pr_framer__quote(char *out, size_t cap, const char *s, size_t n) {
  size_t shown = n > 32 ? 32 : n;
  size_t o = 0;
  for (size_t i = 0; i < shown && o + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    out[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
  }
  for (size_t i = 0; shown < n && i < 3 && o + 1 < cap; i++) out[o++] = '.';
  out[o] = 0;
}

static pr_frame_status pr_framer__fail(pr_framer *f, const char **error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Formats the error line into f->error and hands it out. */
static pr_frame_status pr_framer__fail(pr_framer *f, const char **error, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->error, sizeof f->error, fmt, ap);
  va_end(ap);
  if (error) *error = f->error;
  return PR_FRAME_ERROR;
}

int pr_framer_feed(pr_framer *f, const char *data, size_t n) {
  /* A refused body is dropped straight from the input, never copied. While
   * skip > 0 the buffer is empty (pr_framer_next drains it first), unless the
   * caller fed again without draining; then the buffer goes first. */
  if (f->skip && f->start == f->len) {
    size_t d = f->skip < n ? (size_t)f->skip : n;
    data += d;
    n -= d;
    f->skip -= d;
  }
  if (n == 0) return PR_FRAME_OK;

  if (f->start > 0) {
    memmove(f->buf, f->buf + f->start, f->len - f->start);
    f->len -= f->start;
    f->start = 0;
  }
  if (n > SIZE_MAX - f->len) return PR_FRAME_NO_MEMORY;
  size_t need = f->len + n;

  if (need > f->cap) {
    size_t cap = f->cap < PR_FRAMER__MIN_CAP ? PR_FRAMER__MIN_CAP : f->cap;
    while (cap < need) {
      if (cap > SIZE_MAX / 2) {
        cap = need;
        break;
      }
      cap *= 2;
    }
    char *buf = realloc(f->buf, cap);
    if (!buf) return PR_FRAME_NO_MEMORY;
    f->buf = buf;
    f->cap = cap;
  } else if (f->cap > 4 * PR_FRAMER__KEEP_CAP && need <= PR_FRAMER__KEEP_CAP) {
    /* A large message grew the buffer and is gone: give the memory back. A
     * failed shrink is harmless, the old buffer stays. */
    char *buf = realloc(f->buf, PR_FRAMER__KEEP_CAP);
    if (buf) {
      f->buf = buf;
      f->cap = PR_FRAMER__KEEP_CAP;
    }
  }
  memcpy(f->buf + f->len, data, n);
  f->len += n;
  return PR_FRAME_OK;
}

/* What one header block says, filled by pr_framer__parse_block. */
typedef struct pr_framer__block {
  size_t lines;            /* header lines before the empty line */
  const char *bad_line;    /* first line that is not "token: value", or NULL */
  size_t bad_line_len;
  const char *cl_text;     /* the (trimmed) value of the first Content-Length, or NULL */
  size_t cl_text_len;
  enum { PR_CL_NONE, PR_CL_OK, PR_CL_NOT_NUMBER, PR_CL_NEGATIVE, PR_CL_OVERFLOW, PR_CL_CONFLICT } cl;
  uint64_t cl_value;       /* when cl == PR_CL_OK (or CONFLICT: the first value) */
  uint64_t cl_other;       /* when cl == PR_CL_CONFLICT: the differing value */
} pr_framer__block;

/* Parses a decimal Content-Length value. */
static int pr_framer__parse_length(const char *s, size_t n, uint64_t *out) {
  if (n == 0) return PR_CL_NOT_NUMBER;
  if (s[0] == '-') {
    for (size_t i = 1; i < n; i++)
      if (s[i] < '0' || s[i] > '9') return PR_CL_NOT_NUMBER;
    return n > 1 ? PR_CL_NEGATIVE : PR_CL_NOT_NUMBER;
  }
  uint64_t v = 0;
  bool overflow = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return PR_CL_NOT_NUMBER;
    unsigned d = (unsigned)(s[i] - '0');
    if (v > (UINT64_MAX - d) / 10) overflow = true;
    else v = v * 10 + d;
  }
  if (overflow) return PR_CL_OVERFLOW;
  *out = v;
  return PR_CL_OK;
}

/* Reads the complete header block p[0..end), whose last line is empty. */
static void pr_framer__parse_block(const char *p, size_t end, pr_framer__block *b) {
  memset(b, 0, sizeof *b);
  size_t pos = 0;
  while (pos < end) {
    const char *nl = memchr(p + pos, '\n', end - pos);
    size_t e = (size_t)(nl - p);  /* the block ends with '\n', so nl != NULL */
    size_t le = (e > pos && p[e - 1] == '\r') ? e - 1 : e;
    if (le == pos) break;  /* the empty line */
    const char *line = p + pos;
    size_t n = le - pos;
    pos = e + 1;
    b->lines++;

    const char *colon = memchr(line, ':', n);
    size_t name_len = colon ? (size_t)(colon - line) : 0;
    bool name_ok = name_len > 0;
    for (size_t i = 0; name_ok && i < name_len; i++) name_ok = pr_framer__is_tchar(line[i]);
    if (!name_ok) {
      if (!b->bad_line) {
        b->bad_line = line;
        b->bad_line_len = n;
      }
      continue;
    }
    if (!pr_framer__name_is_cl(line, name_len)) continue;

    const char *v = colon + 1;
    const char *v_end = line + n;
    while (v < v_end && pr_framer__is_space(*v)) v++;
    while (v_end > v && pr_framer__is_space(v_end[-1])) v_end--;
    uint64_t value = 0;
    int r = pr_framer__parse_length(v, (size_t)(v_end - v), &value);
    if (b->cl == PR_CL_NONE) {
      b->cl = r;
      b->cl_value = value;
      b->cl_text = v;
      b->cl_text_len = (size_t)(v_end - v);
    } else if (b->cl == PR_CL_OK && (r != PR_CL_OK || value != b->cl_value)) {
      b->cl = r == PR_CL_OK ? PR_CL_CONFLICT : r;
      b->cl_other = value;
      b->cl_text = v;
      b->cl_text_len = (size_t)(v_end - v);
    }
  }
}

/* Handles a complete header block p[0..end): either accepts it (have_header)
 * and returns NEED_MORE to let the caller look for the body, or drops it and
 * returns ERROR. */
static pr_frame_status pr_framer__take_block(pr_framer *f, const char *p, size_t end,
                                             const char **error) {
  pr_framer__block b;
  pr_framer__parse_block(p, end, &b);
  char quoted[48];

  if (b.cl == PR_CL_OK && b.cl_value > PR_FRAME_MAX_BODY && !b.bad_line && end <= PR_FRAME_MAX_HEADER) {
    /* Discarding that many bytes could swallow the stream for good (2^63
     * bytes never arrive): resynchronise on the next header instead. */
    pr_framer__consume(f, end);
    f->resync = true;
    return pr_framer__fail(f, error,
                           "Content-Length %llu exceeds the 64 MiB limit; message skipped up to the next Content-Length",
                           (unsigned long long)b.cl_value);
  }
  if (b.cl == PR_CL_OK && !b.bad_line && end <= PR_FRAME_MAX_HEADER) {
    f->have_header = true;
    f->header_len = end;
    f->body_len = (size_t)b.cl_value;
    return PR_FRAME_NEED_MORE;
  }

  /* No Content-Length, but the name appears inside the block: garbage made of
   * header-name characters glued to a real header ("junkContent-Length: 3").
   * Drop up to it and parse from there. */
  if (b.cl == PR_CL_NONE && end > 1) {
    size_t at = 1 + pr_framer__find_cl(p + 1, end - 1);
    if (at < end) {
      pr_framer__quote(quoted, sizeof quoted, p, at);
      pr_framer__consume(f, at);
      return pr_framer__fail(f, error, "unexpected bytes \"%s\" before Content-Length; skipped",
                             quoted);
    }
  }

  /* The block is dropped. If it named a usable length its body is skipped
   * too; otherwise the body (if any) is unknown and we resynchronise on the
   * next "Content-Length". */
  bool skip_body = b.cl == PR_CL_OK && b.cl_value <= PR_FRAME_MAX_BODY;
  const char *what = skip_body ? "message skipped" : "header block dropped";
  pr_framer__consume(f, end);
  if (skip_body) f->skip = b.cl_value;
  else f->resync = true;

  if (end > PR_FRAME_MAX_HEADER)
    return pr_framer__fail(f, error, "header block of %zu bytes exceeds the %zu-byte limit; %s",
                           end, PR_FRAME_MAX_HEADER, what);
  if (b.bad_line) {
    pr_framer__quote(quoted, sizeof quoted, b.bad_line, b.bad_line_len);
    return pr_framer__fail(f, error, "malformed header line \"%s\" (expected \"Name: value\"); %s",
                           quoted, what);
  }
  if (b.cl_text) pr_framer__quote(quoted, sizeof quoted, b.cl_text, b.cl_text_len);
  switch (b.cl) {
    case PR_CL_NONE:
      return pr_framer__fail(f, error, "header block has no Content-Length; %s", what);
    case PR_CL_NOT_NUMBER:
      return pr_framer__fail(f, error, "Content-Length \"%s\" is not a decimal number; %s", quoted,
                             what);
    case PR_CL_NEGATIVE:
      return pr_framer__fail(f, error, "Content-Length %s is negative; %s", quoted, what);
    case PR_CL_OVERFLOW:
      return pr_framer__fail(f, error,
                             "Content-Length %s overflows and exceeds the 64 MiB limit; %s", quoted,
                             what);
    case PR_CL_CONFLICT:
      return pr_framer__fail(f, error, "conflicting Content-Length headers (%llu and %llu); %s",
                             (unsigned long long)b.cl_value, (unsigned long long)b.cl_other, what);
    case PR_CL_OK:
      break;
  }
  /* Unreachable: every accepted case returned above. */
  return pr_framer__fail(f, error, "malformed header block; %s", what);
}

pr_frame_status pr_framer_next(pr_framer *f, const char **body, size_t *len, const char **error) {
  for (;;) {
    /* Discard what is buffered of a skipped body. */
    if (f->skip) {
      size_t avail = f->len - f->start;
      size_t d = f->skip < avail ? (size_t)f->skip : avail;
      pr_framer__consume(f, d);
      f->skip -= d;
      if (f->skip) return PR_FRAME_NEED_MORE;
    }
    /* Nothing was ever fed (the buffer comes with the first bytes): buf is
       NULL, and even NULL + 0 is undefined behaviour. */
    if (!f->buf) return PR_FRAME_NEED_MORE;

    const char *p = f->buf + f->start;
    size_t avail = f->len - f->start;

    if (f->have_header) {
      if (avail - f->header_len < f->body_len) return PR_FRAME_NEED_MORE;
      if (body) *body = p + f->header_len;
      if (len) *len = f->body_len;
      f->have_header = false;
      pr_framer__consume(f, f->header_len + f->body_len);
      return PR_FRAME_MESSAGE;
    }

    if (f->resync) {
      size_t at = pr_framer__find_cl(p, avail);
      if (at == avail) {
        /* Keep a tail that may be the start of a split "Content-Length". */
        if (avail >= PR_FRAMER__CL_LEN) pr_framer__consume(f, avail - (PR_FRAMER__CL_LEN - 1));
        return PR_FRAME_NEED_MORE;
      }
      pr_framer__consume(f, at);
      f->resync = false;
      continue;
    }

    /* Blank lines between messages are tolerated silently. */
    size_t blank = 0;
    while (blank < avail && (p[blank] == '\r' || p[blank] == '\n')) blank++;
    if (blank) {
      pr_framer__consume(f, blank);
      continue;
    }
    if (avail == 0) return PR_FRAME_NEED_MORE;

    /* The first line must start with a header name and ':'; anything else is
     * garbage, recognisable before the whole block has arrived. */
    size_t name = 0;
    while (name < avail && name <= PR_FRAME_MAX_HEADER && pr_framer__is_tchar(p[name])) name++;
    if (name < avail && name <= PR_FRAME_MAX_HEADER && (name == 0 || p[name] != ':')) {
      char quoted[48];
      pr_framer__quote(quoted, sizeof quoted, p, name + 1);
      pr_framer__consume(f, name + 1);
      f->resync = true;
      return pr_framer__fail(
          f, error, "unexpected bytes \"%s\" where a header should start; skipping to the next Content-Length",
          quoted);
    }

    /* Look for the empty line that ends the block, resuming where the last
     * call stopped so a header fed byte by byte costs linear time. */
    size_t pos = f->scanned;
    size_t end = 0;
    while (pos < avail) {
      const char *nl = memchr(p + pos, '\n', avail - pos);
      if (!nl) break;
      size_t e = (size_t)(nl - p);
      size_t le = (e > pos && p[e - 1] == '\r') ? e - 1 : e;
      if (le == pos) {
        end = e + 1;
        break;
      }
      pos = e + 1;
    }
    if (end) {
      pr_frame_status st = pr_framer__take_block(f, p, end, error);
      if (st == PR_FRAME_ERROR) return st;
      continue;  /* header accepted: look for its body */
    }
    f->scanned = pos;
    if (avail > PR_FRAME_MAX_HEADER) {
      /* Consume one limit's worth (at least one byte, and never the tail
       * where a real header may be starting) and resynchronise. */
      pr_framer__consume(f, PR_FRAME_MAX_HEADER);
      f->resync = true;
      return pr_framer__fail(
          f, error, "header block exceeds %zu bytes without an empty line; skipping to the next Content-Length",
          PR_FRAME_MAX_HEADER);
    }
    return PR_FRAME_NEED_MORE;
  }
}

size_t pr_frame_write_header(char *buf, size_t cap, size_t body_len) {
  int n = snprintf(buf, cap, "Content-Length: %zu\r\n\r\n", body_len);
  if (n < 0 || (size_t)n >= cap) return 0;
  return (size_t)n;
}
