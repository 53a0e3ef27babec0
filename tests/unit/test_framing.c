/* test_framing.c - unit tests of lsp/framing: Content-Length framing over a growing buffer. */
#define _POSIX_C_SOURCE 200809L  /* strdup */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "framing.h"

/* One thing pr_framer_next produced: a message body or an error line. */
typedef struct event {
  pr_frame_status kind;
  char *text;  /* owned copy, NUL-terminated */
  size_t len;
} event;

typedef struct events {
  event items[64];
  size_t n;
} events;

static void events_free(events *ev) {
  for (size_t i = 0; i < ev->n; i++) free(ev->items[i].text);
  ev->n = 0;
}

/* Calls pr_framer_next until NEED_MORE, recording every message and error. */
static void drain(pr_framer *f, events *ev) {
  for (int guard = 0; guard < 100000; guard++) {
    const char *body = NULL, *error = NULL;
    size_t len = 0;
    pr_frame_status st = pr_framer_next(f, &body, &len, &error);
    if (st == PR_FRAME_NEED_MORE) return;
    assert_true(ev->n < 64);
    event *e = &ev->items[ev->n++];
    e->kind = st;
    if (st == PR_FRAME_MESSAGE) {
      e->len = len;
      e->text = malloc(len + 1);
      assert_non_null(e->text);
      if (len) memcpy(e->text, body, len);
      e->text[len] = 0;
    } else {
      assert_int_equal(st, PR_FRAME_ERROR);
      assert_non_null(error);
      e->len = strlen(error);
      e->text = strdup(error);
      assert_non_null(e->text);
    }
  }
  fail_msg("pr_framer_next never said NEED_MORE");
}

static void feed(pr_framer *f, const char *s, size_t n) {
  assert_int_equal(pr_framer_feed(f, s, n), PR_FRAME_OK);
}

static void feed_str(pr_framer *f, const char *s) {
  feed(f, s, strlen(s));
}

static void assert_message(const events *ev, size_t i, const char *body) {
  assert_true(i < ev->n);
  assert_int_equal(ev->items[i].kind, PR_FRAME_MESSAGE);
  assert_int_equal(ev->items[i].len, strlen(body));
  assert_string_equal(ev->items[i].text, body);
}

static void assert_error_mentions(const events *ev, size_t i, const char *needle) {
  assert_true(i < ev->n);
  assert_int_equal(ev->items[i].kind, PR_FRAME_ERROR);
  if (!strstr(ev->items[i].text, needle))
    fail_msg("error \"%s\" does not mention \"%s\"", ev->items[i].text, needle);
}

static void single_message_is_returned_whole(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 17\r\n\r\n{\"jsonrpc\":\"2.0\"}");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, "{\"jsonrpc\":\"2.0\"}");
  assert_int_equal(pr_framer_buffered(&f), 0);
  events_free(&ev);
  pr_framer_free(&f);
}

static void two_messages_in_one_feed_come_out_in_order(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 5\r\n\r\nfirstContent-Length: 6\r\n\r\nsecond");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 0, "first");
  assert_message(&ev, 1, "second");
  events_free(&ev);
  pr_framer_free(&f);
}

static void message_followed_by_partial_message_keeps_the_partial(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 3\r\n\r\nabcContent-Len");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, "abc");
  assert_int_equal(pr_framer_buffered(&f), strlen("Content-Len"));
  feed_str(&f, "gth: 3\r\n\r\ndef");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 1, "def");
  events_free(&ev);
  pr_framer_free(&f);
}

static void body_split_byte_by_byte_completes_on_last_byte(void **state) {
  pr_framer f;
  events ev = {0};
  const char *body = "{\"method\":\"initialized\"}";
  char header[PR_FRAME_HEADER_CAP];
  pr_framer_init(&f);
  feed(&f, header, pr_frame_write_header(header, sizeof header, strlen(body)));
  for (size_t i = 0; body[i]; i++) {
    drain(&f, &ev);
    assert_int_equal(ev.n, 0);
    feed(&f, body + i, 1);
  }
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, body);
  events_free(&ev);
  pr_framer_free(&f);
}

static void header_split_byte_by_byte_completes(void **state) {
  pr_framer f;
  events ev = {0};
  const char *msg = "Content-Length: 4\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\nnull";
  pr_framer_init(&f);
  size_t n = strlen(msg);
  for (size_t i = 0; i < n; i++) {
    feed(&f, msg + i, 1);
    drain(&f, &ev);
    assert_int_equal(ev.n, i + 1 == n ? 1 : 0);
  }
  assert_message(&ev, 0, "null");
  events_free(&ev);
  pr_framer_free(&f);
}

static void header_name_is_case_insensitive(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "content-length: 1\r\n\r\naCONTENT-LENGTH: 1\r\n\r\nbCoNtEnT-lEnGtH:1\r\n\r\nc");
  drain(&f, &ev);
  assert_int_equal(ev.n, 3);
  assert_message(&ev, 0, "a");
  assert_message(&ev, 1, "b");
  assert_message(&ev, 2, "c");
  events_free(&ev);
  pr_framer_free(&f);
}

static void content_type_and_unknown_headers_are_ignored(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f,
           "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
           "X-Custom:  whatever : with colons\r\n"
           "Content-Length:   2  \r\n"
           "\r\n"
           "{}");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, "{}");
  events_free(&ev);
  pr_framer_free(&f);
}

static void bare_newline_line_endings_are_accepted(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 2\n\n{}Content-Length: 2\r\nContent-Type: x\n\r\n[]");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 0, "{}");
  assert_message(&ev, 1, "[]");
  events_free(&ev);
  pr_framer_free(&f);
}

static void blank_lines_between_messages_are_skipped_silently(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "\r\n\r\nContent-Length: 1\r\n\r\na\r\n\nContent-Length: 1\r\n\r\nb");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 0, "a");
  assert_message(&ev, 1, "b");
  events_free(&ev);
  pr_framer_free(&f);
}

static void zero_length_body_is_an_empty_message(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 0\r\n\r\nContent-Length: 1\r\n\r\nx");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 0, "");
  assert_message(&ev, 1, "x");
  events_free(&ev);
  pr_framer_free(&f);
}

static void missing_content_length_is_error_then_next_message_parses(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Type: application/json\r\n\r\n{\"lost\":1}Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "no Content-Length");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void non_numeric_length_is_error_then_next_message_parses(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: twelve\r\n\r\n{}Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "\"twelve\" is not a decimal number");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void empty_and_signed_lengths_are_errors(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f,
           "Content-Length:\r\n\r\n"
           "Content-Length: +5\r\n\r\nhello"
           "Content-Length: 1 2\r\n\r\n"
           "Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 4);
  assert_error_mentions(&ev, 0, "\"\" is not a decimal number");
  assert_error_mentions(&ev, 1, "\"+5\" is not a decimal number");
  assert_error_mentions(&ev, 2, "\"1 2\" is not a decimal number");
  assert_message(&ev, 3, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void negative_length_is_error_then_next_message_parses(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: -5\r\n\r\nhelloContent-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "Content-Length -5 is negative");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void overflowing_length_is_error_then_next_message_parses(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 99999999999999999999999\r\n\r\n{}Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "99999999999999999999999 overflows");
  assert_message(&ev, 1, "ok");
  assert_int_equal(pr_framer_skipping(&f), 0);
  events_free(&ev);
  pr_framer_free(&f);
}

static void conflicting_duplicate_lengths_are_an_error(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f,
           "Content-Length: 2\r\ncontent-length: 2\r\n\r\nok"
           "Content-Length: 2\r\nContent-Length: 3\r\n\r\nabcContent-Length: 2\r\n\r\nyo");
  drain(&f, &ev);
  assert_int_equal(ev.n, 3);
  assert_message(&ev, 0, "ok");
  assert_error_mentions(&ev, 1, "conflicting Content-Length headers (2 and 3)");
  assert_message(&ev, 2, "yo");
  events_free(&ev);
  pr_framer_free(&f);
}

static void header_line_without_colon_drops_block_and_its_body(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 4\r\nbogus line\r\n\r\nbodyContent-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "malformed header line \"bogus line\"");
  assert_error_mentions(&ev, 0, "message skipped");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

/* Issue 6, defect 4: a length over the limit is never waited for (2^63 bytes
 * would never come): the framer resynchronises on the next header, and the
 * bytes in between are discarded without being buffered. */
static void length_over_64_MiB_is_refused_and_the_stream_resynchronised_unbuffered(void **state) {
  pr_framer f;
  events ev = {0};
  uint64_t body_len = PR_FRAME_MAX_BODY + 1;
  static char chunk[64 * 1024];
  memset(chunk, 'x', sizeof chunk);
  pr_framer_init(&f);

  char head[PR_FRAME_HEADER_CAP];
  size_t hn = pr_frame_write_header(head, sizeof head, (size_t)body_len);
  feed(&f, head, hn);
  feed(&f, chunk, 1000);
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_error_mentions(&ev, 0, "Content-Length 67108865 exceeds the 64 MiB limit; message skipped up to the next Content-Length");
  assert_int_equal(pr_framer_skipping(&f), 0);

  /* More of the body, in many feeds: the buffer stays small. */
  size_t max_cap = f.cap;
  for (int i = 0; i < 100; i++) {
    feed(&f, chunk, sizeof chunk);
    drain(&f, &ev);
    if (f.cap > max_cap) max_cap = f.cap;
    assert_true(pr_framer_buffered(&f) < 64);
  }
  assert_int_equal(ev.n, 1);
  feed_str(&f, "xxxContent-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 1, "ok");
  /* one feed may sit in the buffer before it is drained; 6.4 MB went through */
  if (max_cap > 4 * sizeof chunk) fail_msg("buffer grew to %zu bytes while resynchronising", max_cap);
  events_free(&ev);
  pr_framer_free(&f);
}

static void length_2_pow_63_does_not_swallow_the_stream(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 9223372036854775808\r\n\r\n{\"a\":");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_string_equal(ev.items[0].text,
                      "Content-Length 9223372036854775808 exceeds the 64 MiB limit; message skipped up to the next Content-Length");
  assert_int_equal(pr_framer_skipping(&f), 0);
  feed_str(&f, "Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 1, "ok");
  /* the same length in a malformed block is not skipped either */
  feed_str(&f, "Content-Length: 9223372036854775808\r\nbogus\r\n\r\nContent-Length: 2\r\n\r\nhi");
  drain(&f, &ev);
  assert_int_equal(ev.n, 4);
  assert_error_mentions(&ev, 2, "header block dropped");
  assert_message(&ev, 3, "hi");
  events_free(&ev);
  pr_framer_free(&f);
}

/* Found by fuzz_framer: the buffer is NULL until bytes arrive. */
static void next_before_any_bytes_needs_more(void **state) {
  pr_framer f;
  pr_framer_init(&f);
  assert_int_equal(pr_framer_next(&f, NULL, NULL, NULL), PR_FRAME_NEED_MORE);
  assert_int_equal(pr_framer_feed(&f, "", 0), PR_FRAME_OK);
  assert_int_equal(pr_framer_next(&f, NULL, NULL, NULL), PR_FRAME_NEED_MORE);
  assert_int_equal(pr_framer_buffered(&f), 0);
  pr_framer_free(&f);
}

static void length_of_exactly_64_MiB_is_accepted(void **state) {
  pr_framer f;
  events ev = {0};
  size_t n = (size_t)PR_FRAME_MAX_BODY;
  char *body = malloc(n);
  assert_non_null(body);
  memset(body, 'y', n);
  char head[PR_FRAME_HEADER_CAP];
  pr_framer_init(&f);
  feed(&f, head, pr_frame_write_header(head, sizeof head, n));
  feed(&f, body, n);
  const char *out = NULL;
  size_t len = 0;
  assert_int_equal(pr_framer_next(&f, &out, &len, NULL), PR_FRAME_MESSAGE);
  assert_int_equal(len, n);
  assert_memory_equal(out, body, n);
  assert_int_equal(pr_framer_next(&f, &out, &len, NULL), PR_FRAME_NEED_MORE);
  /* The next small message gives the memory back. */
  feed_str(&f, "Content-Length: 2\r\n\r\nok");
  if (f.cap > 64 * 1024) fail_msg("buffer kept %zu bytes after the large message", f.cap);
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, "ok");
  free(body);
  events_free(&ev);
  pr_framer_free(&f);
}

static void garbage_before_valid_message_is_skipped(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "\x01\xff garbage {\"not\":\"framed\"}\r\nmore junk Content-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "where a header should start");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void garbage_glued_to_a_header_name_is_skipped(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "Content-Length: 2\r\n\r\n{}junkContent-Length: 3\r\n\r\n[1]"
               "X-Other: 1\r\nmore-junkcontent-length: 1\r\n\r\nz");
  drain(&f, &ev);
  assert_int_equal(ev.n, 5);
  assert_message(&ev, 0, "{}");
  assert_error_mentions(&ev, 1, "unexpected bytes \"junk\" before Content-Length");
  assert_message(&ev, 2, "[1]");
  assert_error_mentions(&ev, 3, "unexpected bytes \"X-Other: 1??more-junk\" before Content-Length");
  assert_message(&ev, 4, "z");
  events_free(&ev);
  pr_framer_free(&f);
}

static void garbage_split_across_feeds_keeps_a_split_header_start(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  feed_str(&f, "{junk junk junk junk Conte");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_error_mentions(&ev, 0, "where a header should start");
  feed_str(&f, "nt-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void huge_header_without_terminator_stays_bounded(void **state) {
  pr_framer f;
  events ev = {0};
  char chunk[1000];
  memset(chunk, 'a', sizeof chunk);
  pr_framer_init(&f);
  feed_str(&f, "X-Junk: ");
  size_t max_cap = 0;
  for (int i = 0; i < 1000; i++) {  /* one megabyte of header line */
    feed(&f, chunk, sizeof chunk);
    drain(&f, &ev);
    if (f.cap > max_cap) max_cap = f.cap;
  }
  assert_int_equal(ev.n, 1);
  assert_error_mentions(&ev, 0, "header block exceeds 8192 bytes without an empty line");
  if (max_cap > 16 * 1024) fail_msg("buffer grew to %zu bytes", max_cap);
  if (pr_framer_buffered(&f) > 16) fail_msg("%zu bytes still buffered", pr_framer_buffered(&f));
  feed_str(&f, "\r\n\r\nContent-Length: 2\r\n\r\nok");
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

static void long_but_terminated_header_block_is_refused(void **state) {
  pr_framer f;
  events ev = {0};
  pr_framer_init(&f);
  /* Many short, valid lines: 9000+ bytes in all, then the empty line. */
  static char block[12000];
  size_t n = 0;
  n += (size_t)sprintf(block + n, "Content-Length: 2\r\n");
  while (n < 9000) n += (size_t)sprintf(block + n, "X-Pad: 0123456789\r\n");
  n += (size_t)sprintf(block + n, "\r\nxxContent-Length: 2\r\n\r\nok");
  feed(&f, block, n);
  drain(&f, &ev);
  assert_int_equal(ev.n, 2);
  assert_error_mentions(&ev, 0, "exceeds the 8192-byte limit; message skipped");
  assert_message(&ev, 1, "ok");
  events_free(&ev);
  pr_framer_free(&f);
}

/* A deterministic stream of valid messages and random junk, cut at random
 * points: every drain must terminate, each call must consume input (at most
 * two results per byte), and the buffer never outgrows the 64 KiB stream. */
static void random_junk_never_hangs_and_stays_bounded(void **state) {
  uint32_t seed = 12345;
#define RAND() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
  for (int round = 0; round < 200; round++) {
    pr_framer f;
    pr_framer_init(&f);
    static char stream[1 << 16];
    size_t n = 0;
    while (n < sizeof stream - 200) {
      int pick = (int)(RAND() % 4);
      if (pick == 0) {
        n += (size_t)sprintf(stream + n, "Content-Length: 3\r\n\r\nabc");
      } else if (pick == 1) {
        size_t k = RAND() % 64;
        for (size_t i = 0; i < k; i++) stream[n++] = (char)RAND();
      } else if (pick == 2) {
        static const char *pieces[] = {"Content-Length:", "\r\n", "\r\n\r\n", ":", "-1", "999999999999999999999", " "};
        const char *p = pieces[RAND() % 7];
        memcpy(stream + n, p, strlen(p));
        n += strlen(p);
      } else {
        stream[n++] = (char)('0' + RAND() % 10);
      }
    }
    size_t pos = 0;
    size_t calls = 0;
    while (pos < n) {
      size_t k = 1 + RAND() % 700;
      if (k > n - pos) k = n - pos;
      feed(&f, stream + pos, k);
      pos += k;
      for (;;) {
        calls++;
        assert_true(calls <= 2 * n + 10);
        if (pr_framer_next(&f, NULL, NULL, NULL) == PR_FRAME_NEED_MORE) break;
      }
      if (f.cap > 128 * 1024) fail_msg("round %d: buffer grew to %zu bytes", round, f.cap);
    }
    pr_framer_free(&f);
  }
#undef RAND
}

static void write_header_formats_content_length(void **state) {
  char buf[PR_FRAME_HEADER_CAP];
  assert_int_equal(pr_frame_write_header(buf, sizeof buf, 42), strlen("Content-Length: 42\r\n\r\n"));
  assert_string_equal(buf, "Content-Length: 42\r\n\r\n");
  assert_int_equal(pr_frame_write_header(buf, sizeof buf, SIZE_MAX) > 0, 1);
  assert_int_equal(pr_frame_write_header(buf, 10, 42), 0);
}

static void written_header_is_parsed_back(void **state) {
  pr_framer f;
  events ev = {0};
  char buf[PR_FRAME_HEADER_CAP];
  pr_framer_init(&f);
  feed(&f, buf, pr_frame_write_header(buf, sizeof buf, 5));
  feed_str(&f, "hello");
  drain(&f, &ev);
  assert_int_equal(ev.n, 1);
  assert_message(&ev, 0, "hello");
  events_free(&ev);
  pr_framer_free(&f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(single_message_is_returned_whole),
      cmocka_unit_test(two_messages_in_one_feed_come_out_in_order),
      cmocka_unit_test(message_followed_by_partial_message_keeps_the_partial),
      cmocka_unit_test(body_split_byte_by_byte_completes_on_last_byte),
      cmocka_unit_test(header_split_byte_by_byte_completes),
      cmocka_unit_test(header_name_is_case_insensitive),
      cmocka_unit_test(content_type_and_unknown_headers_are_ignored),
      cmocka_unit_test(bare_newline_line_endings_are_accepted),
      cmocka_unit_test(blank_lines_between_messages_are_skipped_silently),
      cmocka_unit_test(zero_length_body_is_an_empty_message),
      cmocka_unit_test(missing_content_length_is_error_then_next_message_parses),
      cmocka_unit_test(non_numeric_length_is_error_then_next_message_parses),
      cmocka_unit_test(empty_and_signed_lengths_are_errors),
      cmocka_unit_test(negative_length_is_error_then_next_message_parses),
      cmocka_unit_test(overflowing_length_is_error_then_next_message_parses),
      cmocka_unit_test(conflicting_duplicate_lengths_are_an_error),
      cmocka_unit_test(header_line_without_colon_drops_block_and_its_body),
      cmocka_unit_test(length_over_64_MiB_is_refused_and_the_stream_resynchronised_unbuffered),
      cmocka_unit_test(length_2_pow_63_does_not_swallow_the_stream),
      cmocka_unit_test(length_of_exactly_64_MiB_is_accepted),
      cmocka_unit_test(next_before_any_bytes_needs_more),
      cmocka_unit_test(garbage_before_valid_message_is_skipped),
      cmocka_unit_test(garbage_glued_to_a_header_name_is_skipped),
      cmocka_unit_test(garbage_split_across_feeds_keeps_a_split_header_start),
      cmocka_unit_test(huge_header_without_terminator_stays_bounded),
      cmocka_unit_test(long_but_terminated_header_block_is_refused),
      cmocka_unit_test(random_junk_never_hangs_and_stays_bounded),
      cmocka_unit_test(write_header_formats_content_length),
      cmocka_unit_test(written_header_is_parsed_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
