/* fuzz_framer.c - libFuzzer target: byte streams through pr_framer (lsp/framing.h).
 *
 * The input is [mode][size count][stream ...][chunk sizes ...]: the stream is
 * fed in chunks whose sizes are the trailing bytes (the rest in one chunk when
 * they run out), and pr_framer_next is drained after every feed, as the
 * transport does. Checked on every call:
 *   - every ERROR and MESSAGE consumes at least one byte (so the caller's loop ends);
 *   - a body is exactly the bytes of the stream just before the consumption
 *     point, preceded by the empty line of its header block;
 *   - an error is one line of printable ASCII;
 *   - after PR_FRAME_NEED_MORE the buffer is bounded (a header block, one
 *     pending message, or a short tail while resynchronising), nothing is
 *     buffered while a body is being skipped, and asking again changes nothing.
 * Mode bit 0 makes the stream out of well-formed messages instead (header
 * spellings, LF-only lines, extra headers, blank lines between messages):
 * then exactly those bodies must come out, in order, with no error, whatever
 * the chunking. */
#include "framing.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

/* What the harness knows of the stream so far. */
typedef struct pr_fuzz_stream {
  const uint8_t *bytes;    /* the whole stream */
  size_t fed;              /* bytes passed to pr_framer_feed so far */
  /* well-formed mode: the bodies expected, as offsets into bytes */
  const size_t *want_start, *want_len;
  size_t want_count, got;
  bool well_formed;
} pr_fuzz_stream;

static size_t pr_fuzz_consumed(const pr_fuzz_stream *st, const pr_framer *f) {
  return st->fed - pr_framer_buffered(f);
}

static void pr_fuzz_check_error_line(const char *e) {
  size_t n = strnlen(e, sizeof ((pr_framer *)0)->error);
  PR_FUZZ_CHECK(n > 0 && n < sizeof ((pr_framer *)0)->error);
  for (size_t i = 0; i < n; i++) PR_FUZZ_CHECK(e[i] >= 0x20 && e[i] < 0x7f);
}

/* Takes everything pr_framer_next yields after a feed. */
static void pr_fuzz_drain(pr_fuzz_stream *st, pr_framer *f) {
  for (size_t calls = 0;; calls++) {
    PR_FUZZ_CHECK(calls <= st->fed + 1);  /* each yield consumes a byte */
    size_t before = pr_fuzz_consumed(st, f);
    const char *body = NULL, *error = NULL;
    size_t len = 0;
    pr_frame_status s = pr_framer_next(f, &body, &len, &error);
    size_t after = pr_fuzz_consumed(st, f);
    PR_FUZZ_CHECK(after >= before);
    if (s == PR_FRAME_NEED_MORE) break;
    PR_FUZZ_CHECK(after > before);
    if (s == PR_FRAME_ERROR) {
      PR_FUZZ_CHECK(error != NULL);
      pr_fuzz_check_error_line(error);
      PR_FUZZ_CHECK(!st->well_formed);
      continue;
    }
    PR_FUZZ_CHECK(s == PR_FRAME_MESSAGE);
    PR_FUZZ_CHECK(len <= PR_FRAME_MAX_BODY);
    PR_FUZZ_CHECK(len < after - before);  /* a header block came first */
    size_t at = after - len;
    PR_FUZZ_CHECK(at >= 1 && st->bytes[at - 1] == '\n');
    PR_FUZZ_CHECK(len == 0 || (body != NULL && !memcmp(body, st->bytes + at, len)));
    if (st->well_formed) {
      PR_FUZZ_CHECK(st->got < st->want_count);
      PR_FUZZ_CHECK(at == st->want_start[st->got] && len == st->want_len[st->got]);
      st->got++;
    }
  }
  /* What may stay buffered between feeds. */
  size_t buffered = pr_framer_buffered(f);
  uint64_t skipping = pr_framer_skipping(f);
  PR_FUZZ_CHECK(skipping <= PR_FRAME_MAX_BODY);
  if (skipping) PR_FUZZ_CHECK(buffered == 0);
  if (f->have_header) {
    PR_FUZZ_CHECK(f->header_len <= PR_FRAME_MAX_HEADER && f->body_len <= PR_FRAME_MAX_BODY);
    PR_FUZZ_CHECK(buffered >= f->header_len && buffered < f->header_len + f->body_len);
  } else if (f->resync) {
    PR_FUZZ_CHECK(buffered < sizeof "content-length" - 1);
  } else {
    PR_FUZZ_CHECK(buffered <= PR_FRAME_MAX_HEADER);
  }
  /* NEED_MORE is stable: asking again neither yields nor consumes. */
  PR_FUZZ_CHECK(pr_framer_next(f, NULL, NULL, NULL) == PR_FRAME_NEED_MORE);
  PR_FUZZ_CHECK(pr_framer_buffered(f) == buffered && pr_framer_skipping(f) == skipping);
}

/* A chunk size from one input byte: mostly small, sometimes a few KiB. */
static size_t pr_fuzz_chunk_size(uint8_t b) {
  return b < 224 ? b : (size_t)(b - 223) * 512;
}

/* Writes the header block of a well-formed message with a body of len bytes,
 * spelt as `style` says, into out (room for PR_FUZZ_HEADER_MAX bytes). */
#define PR_FUZZ_HEADER_MAX 192
static size_t pr_fuzz_header(char *out, uint8_t style, size_t len) {
  static const char *const names[] = {"Content-Length", "content-length", "CONTENT-LENGTH", "cOnTeNt-LeNgTh"};
  const char *eol = (style & 4) ? "\n" : "\r\n";
  size_t o = 0;
  if (style & 8) o += (size_t)sprintf(out + o, "%s%s", eol, eol);  /* blank lines between messages */
  if (style & 16) o += (size_t)sprintf(out + o, "Content-Type: application/vscode-jsonrpc; charset=utf-8%s", eol);
  if ((style & 3) == 0 && !(style & 4)) {
    /* the spelling pr_frame_write_header produces, as the transport sends it */
    size_t n = pr_frame_write_header(out + o, PR_FRAME_HEADER_CAP, len);
    PR_FUZZ_CHECK(n > 0);
    o += n;
  } else {
    const char *space = (style & 32) ? " \t " : (style & 64) ? "" : " ";
    o += (size_t)sprintf(out + o, "%s:%s%s%zu%s%s", names[style & 3], space, (style & 128) ? "00" : "", len, space,
                         eol);
    if (style & 128) o += (size_t)sprintf(out + o, "X-Whatever: %zu%s", len, eol);
    o += (size_t)sprintf(out + o, "%s", eol);
  }
  PR_FUZZ_CHECK(o <= PR_FUZZ_HEADER_MAX);
  return o;
}

/* Turns records [style][length][body ...] into well-formed messages: twice,
 * once to size the stream exactly (a generous bound would cost a fresh mmap
 * per input), once to write it. Returns the stream's length. */
static size_t pr_fuzz_build(const uint8_t *data, size_t n, uint8_t *out, size_t *starts, size_t *lens,
                            size_t *count) {
  char header[PR_FUZZ_HEADER_MAX];
  size_t o = 0, i = 0, k = 0;
  while (i + 2 <= n) {
    uint8_t style = data[i];
    size_t len = data[i + 1];
    i += 2;
    if (len > n - i) len = n - i;
    size_t h = pr_fuzz_header(header, style, len);
    if (out) {
      memcpy(out + o, header, h);
      memcpy(out + o + h, data + i, len);
      starts[k] = o + h;
      lens[k] = len;
    }
    k++;
    o += h + len;
    i += len;
  }
  *count = k;
  return o;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  uint8_t mode = data[0];
  size_t nsizes = data[1];
  data += 2;
  size -= 2;
  if (nsizes > size) nsizes = size;
  const uint8_t *sizes = data + size - nsizes;
  size_t stream_len = size - nsizes;

  pr_fuzz_stream st = {0};
  uint8_t *built = NULL;
  size_t *starts = NULL, *lens = NULL;
  if (mode & 1) {
    size_t count;
    size_t built_len = pr_fuzz_build(data, stream_len, NULL, NULL, NULL, &count);
    built = malloc(built_len ? built_len : 1);
    starts = malloc(sizeof *starts * (count ? count : 1));
    lens = malloc(sizeof *lens * (count ? count : 1));
    PR_FUZZ_CHECK(built && starts && lens);
    pr_fuzz_build(data, stream_len, built, starts, lens, &count);
    st.bytes = built;
    stream_len = built_len;
    st.well_formed = true;
    st.want_start = starts;
    st.want_len = lens;
    st.want_count = count;
  } else {
    st.bytes = data;
  }

  pr_framer f;
  pr_framer_init(&f);
  size_t pos = 0, next_size = 0;
  while (pos < stream_len || next_size < nsizes) {
    size_t n = next_size < nsizes ? pr_fuzz_chunk_size(sizes[next_size++]) : stream_len - pos;
    if (n > stream_len - pos) n = stream_len - pos;
    PR_FUZZ_CHECK(pr_framer_feed(&f, (const char *)st.bytes + pos, n) == PR_FRAME_OK);
    pos += n;
    st.fed = pos;
    pr_fuzz_drain(&st, &f);
  }
  if (st.well_formed) {
    PR_FUZZ_CHECK(st.got == st.want_count);
    PR_FUZZ_CHECK(pr_framer_buffered(&f) == 0 && pr_framer_skipping(&f) == 0);
  }
  pr_framer_free(&f);
  free(built);
  free(starts);
  free(lens);
  return 0;
}
