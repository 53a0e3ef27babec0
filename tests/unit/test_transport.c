/* test_transport.c - unit tests of lsp/transport: framed messages over pipes and files with libuv.
 *
 * Every test prepares its input completely (and closes the write end) before
 * running the loop, so no test waits on a clock. */
#define _XOPEN_SOURCE 700  /* posix_openpt, grantpt, unlockpt, ptsname */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <uv.h>

#include "framing.h"
#include "transport.h"

/* What the callbacks saw, and what they should do. */
typedef struct recorder {
  pr_transport *t;
  char *msgs[16];        /* owned copies */
  size_t lens[16];
  int n_msgs;
  char logs[8][256];
  int n_logs;
  int eofs, closed, signals, last_signum;
  bool sigterm_default_after_close;  /* seen from on_signal, right after closing */
  int close_after_msgs;  /* close from on_message once this many arrived; 0: never */
  bool close_on_eof;
  bool close_on_log;     /* close from on_log (write-error test) */
  const char *replies[4];  /* sent from on_eof, in order */
  int n_replies;
  int send_after_log;    /* result of a send made inside on_log */
} recorder;

static void on_closed(void *user) {
  recorder *r = user;
  r->closed++;
  r->t = NULL;
}

static void on_message(void *user, const char *body, size_t len) {
  recorder *r = user;
  assert_true(r->n_msgs < 16);
  char *copy = malloc(len + 1);
  assert_non_null(copy);
  memcpy(copy, body, len);
  copy[len] = 0;
  r->msgs[r->n_msgs] = copy;
  r->lens[r->n_msgs] = len;
  r->n_msgs++;
  if (r->close_after_msgs && r->n_msgs == r->close_after_msgs) pr_transport_close(r->t, on_closed);
}

static void on_log(void *user, const char *line) {
  recorder *r = user;
  if (r->n_logs < 8) snprintf(r->logs[r->n_logs++], sizeof r->logs[0], "%s", line);
  if (r->close_on_log) {
    r->send_after_log = pr_transport_send(r->t, "x", 1);
    pr_transport_close(r->t, on_closed);
  }
}

static void on_eof(void *user) {
  recorder *r = user;
  r->eofs++;
  for (int i = 0; i < r->n_replies; i++)
    assert_int_equal(pr_transport_send(r->t, r->replies[i], strlen(r->replies[i])), 0);
  if (r->close_on_eof) pr_transport_close(r->t, on_closed);
}

static void on_signal(void *user, int signum) {
  recorder *r = user;
  r->signals++;
  r->last_signum = signum;
  pr_transport_close(r->t, on_closed);
  struct sigaction sa;
  r->sigterm_default_after_close = sigaction(SIGTERM, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL;
}

static const pr_transport_callbacks callbacks = {
    .on_message = on_message, .on_log = on_log, .on_eof = on_eof, .on_signal = on_signal};

static void recorder_free(recorder *r) {
  for (int i = 0; i < r->n_msgs; i++) free(r->msgs[i]);
}

static void write_all(int fd, const char *s, size_t n) {
  while (n) {
    ssize_t w = write(fd, s, n);
    assert_true(w > 0);
    s += w;
    n -= (size_t)w;
  }
}

static void write_str(int fd, const char *s) {
  write_all(fd, s, strlen(s));
}

/* Reads everything from fd until end of file into a NUL-terminated buffer. */
static char *read_all(int fd, size_t *len_out) {
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  for (;;) {
    if (len + 1 == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      assert_non_null(buf);
    }
    ssize_t n = read(fd, buf + len, cap - 1 - len);
    if (n < 0 && errno == EINTR) continue;
    assert_true(n >= 0);
    if (n == 0) break;
    len += (size_t)n;
  }
  buf[len] = 0;
  if (len_out) *len_out = len;
  return buf;
}

static bool fd_is_open(int fd) {
  return fcntl(fd, F_GETFD) != -1;
}

static void assert_log_mentions(const recorder *r, const char *needle) {
  for (int i = 0; i < r->n_logs; i++)
    if (strstr(r->logs[i], needle)) return;
  fail_msg("no log line mentions \"%s\" (%d lines, first: \"%s\")", needle, r->n_logs,
           r->n_logs ? r->logs[0] : "");
}

/* Runs the loop to completion and checks that nothing is left on it. */
static void run_and_close_loop(uv_loop_t *loop) {
  assert_int_equal(uv_run(loop, UV_RUN_DEFAULT), 0);
  assert_int_equal(uv_loop_close(loop), 0);
}

static void two_messages_from_a_pipe_arrive_then_eof(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  write_str(in[1], "Content-Length: 14\r\n\r\n{\"id\":1,\"a\":2}"
                   "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
                   "Content-Length: 8\r\n\r\n{\"id\":2}");
  close(in[1]);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 2);
  assert_string_equal(r.msgs[0], "{\"id\":1,\"a\":2}");
  assert_int_equal(r.lens[0], 14);
  assert_string_equal(r.msgs[1], "{\"id\":2}");
  assert_int_equal(r.eofs, 1);
  assert_int_equal(r.closed, 1);
  assert_int_equal(r.n_logs, 0);
  /* The transport owned and closed both fds it was given. */
  assert_false(fd_is_open(in[0]));
  assert_false(fd_is_open(out[1]));
  size_t len;
  char *written = read_all(out[0], &len);
  assert_int_equal(len, 0);
  free(written);
  close(out[0]);
  recorder_free(&r);
}

static void framing_error_is_logged_and_next_message_delivered(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  write_str(in[1], "Content-Type: text/plain\r\n\r\n{}Content-Length: 2\r\n\r\nok");
  close(in[1]);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_logs, 1);
  assert_log_mentions(&r, "no Content-Length");
  assert_int_equal(r.n_msgs, 1);
  assert_string_equal(r.msgs[0], "ok");
  assert_int_equal(r.eofs, 1);
  close(out[0]);
  recorder_free(&r);
}

static void eof_inside_a_message_is_logged_before_on_eof(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  write_str(in[1], "Content-Length: 10\r\n\r\nabc");
  close(in[1]);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 0);
  assert_log_mentions(&r, "input ended inside a message");
  assert_int_equal(r.eofs, 1);
  close(out[0]);
  recorder_free(&r);
}

static void send_writes_framed_messages_in_order(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true,
                .replies = {"{\"id\":1}", "", "{\"method\":\"window/logMessage\"}"},
                .n_replies = 3};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  close(in[1]);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.closed, 1);
  char *written = read_all(out[0], NULL);
  assert_string_equal(written,
                      "Content-Length: 8\r\n\r\n{\"id\":1}"
                      "Content-Length: 0\r\n\r\n"
                      "Content-Length: 30\r\n\r\n{\"method\":\"window/logMessage\"}");
  free(written);
  close(out[0]);
  recorder_free(&r);
}

/* ---- a reader in the same loop, for output larger than a pipe holds ----- */

typedef struct reader {
  uv_pipe_t pipe;
  pr_framer framer;
  char buf[4096];
  int n_msgs;
  int bad;          /* messages whose body was not the expected one */
  bool eof;
} reader;

enum { BIG_COUNT = 200, BIG_SIZE = 10000 };  /* 2 MB: far more than a pipe buffers */

static void fill_body(char *body, int i) {
  memset(body, 'a' + i % 26, BIG_SIZE);
  snprintf(body, 16, "%06d", i);
  body[6] = ':';
}

static void reader_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  reader *rd = h->data;
  buf->base = rd->buf;
  buf->len = sizeof rd->buf;
}

static void reader_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
  reader *rd = s->data;
  if (nread < 0) {
    assert_int_equal(nread, UV_EOF);
    rd->eof = true;
    uv_close((uv_handle_t *)s, NULL);
    return;
  }
  assert_int_equal(pr_framer_feed(&rd->framer, buf->base, (size_t)nread), PR_FRAME_OK);
  const char *body;
  size_t len;
  pr_frame_status st;
  static char expect[BIG_SIZE];
  while ((st = pr_framer_next(&rd->framer, &body, &len, NULL)) == PR_FRAME_MESSAGE) {
    fill_body(expect, rd->n_msgs);
    if (len != BIG_SIZE || memcmp(body, expect, BIG_SIZE) != 0) rd->bad++;
    rd->n_msgs++;
  }
  assert_int_equal(st, PR_FRAME_NEED_MORE);
}

static void big_sender_on_eof(void *user) {
  recorder *r = user;
  static char body[BIG_SIZE];
  r->eofs++;
  for (int i = 0; i < BIG_COUNT; i++) {
    fill_body(body, i);
    assert_int_equal(pr_transport_send(r->t, body, sizeof body), 0);
  }
  /* Closing right away must still deliver every queued byte. */
  pr_transport_close(r->t, on_closed);
}

static void large_output_is_written_in_order_and_flushed_by_close(void **state) {
  uv_loop_t loop;
  recorder r = {0};
  reader rd = {.eof = false};
  int in[2], out[2];
  pr_transport_callbacks cbs = {.on_message = on_message, .on_log = on_log, .on_eof = big_sender_on_eof};
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  close(in[1]);
  pr_framer_init(&rd.framer);
  assert_int_equal(uv_pipe_init(&loop, &rd.pipe, 0), 0);
  assert_int_equal(uv_pipe_open(&rd.pipe, out[0]), 0);
  rd.pipe.data = &rd;
  assert_int_equal(uv_read_start((uv_stream_t *)&rd.pipe, reader_alloc, reader_read), 0);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &cbs, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.closed, 1);
  assert_int_equal(r.n_logs, 0);
  assert_true(rd.eof);
  assert_int_equal(rd.n_msgs, BIG_COUNT);
  assert_int_equal(rd.bad, 0);
  assert_int_equal(pr_framer_buffered(&rd.framer), 0);
  pr_framer_free(&rd.framer);
  recorder_free(&r);
}

/* ---- back-pressure -------------------------------------------------------- */

enum { REPLY_SIZE = 1024 * 1024 };

static void reply_big(void *user, const char *body, size_t len) {
  recorder *r = user;
  on_message(user, body, len);
  static char reply[REPLY_SIZE];
  memset(reply, 'r', sizeof reply);
  assert_int_equal(pr_transport_send(r->t, reply, sizeof reply), 0);
}

typedef struct counting_reader {
  uv_pipe_t pipe;
  char buf[65536];
  size_t bytes;
  bool eof;
} counting_reader;

static void counting_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  counting_reader *cr = h->data;
  buf->base = cr->buf;
  buf->len = sizeof cr->buf;
}

static void counting_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
  counting_reader *cr = s->data;
  if (nread < 0) {
    cr->eof = true;
    uv_close((uv_handle_t *)s, NULL);
    return;
  }
  cr->bytes += (size_t)nread;
}

/* A client that sends faster than it reads: with more than 4 MiB of replies
 * waiting, the transport stops delivering input (the server's memory stays
 * bounded), and it goes on once the client reads. Issue 6, defect 7. */
static void input_waits_while_the_client_has_much_output_to_read(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true};
  int in[2], out[2];
  pr_transport_callbacks cbs = {.on_message = reply_big, .on_log = on_log, .on_eof = on_eof};
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  for (int i = 0; i < 8; i++) write_str(in[1], "Content-Length: 2\r\n\r\nhi");
  close(in[1]);
  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &cbs, &r, &r.t), 0);
  for (int i = 0; i < 20; i++) uv_run(&loop, UV_RUN_NOWAIT);
  /* 4 or 5 replies of 1 MiB (less what the pipe took) pass the 4 MiB mark: the rest waits */
  assert_in_range(r.n_msgs, 4, 5);
  assert_int_equal(r.eofs, 0);

  counting_reader cr = {.eof = false};
  assert_int_equal(uv_pipe_init(&loop, &cr.pipe, 0), 0);
  assert_int_equal(uv_pipe_open(&cr.pipe, out[0]), 0);
  cr.pipe.data = &cr;
  assert_int_equal(uv_read_start((uv_stream_t *)&cr.pipe, counting_alloc, counting_read), 0);
  run_and_close_loop(&loop);
  assert_int_equal(r.n_msgs, 8);
  assert_int_equal(r.eofs, 1);
  assert_int_equal(r.closed, 1);
  assert_true(cr.eof);
  size_t header = strlen("Content-Length: 1048576\r\n\r\n");
  assert_int_equal(cr.bytes, 8 * (header + REPLY_SIZE));
  recorder_free(&r);
}

/* ---- regular files and character devices -------------------------------- */

static int temp_file(char *path) {
  strcpy(path, "/tmp/pr_transport_XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  return fd;
}

static void input_and_output_as_regular_files(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true, .replies = {"{\"reply\":true}"}, .n_replies = 1};
  char in_path[64], out_path[64];
  int in_w = temp_file(in_path);
  int out_fd = temp_file(out_path);
  /* More than one 64 KiB read, so the read loop is chained. */
  static char big[100000];
  memset(big, 'z', sizeof big);
  char head[PR_FRAME_HEADER_CAP];
  write_all(in_w, head, pr_frame_write_header(head, sizeof head, sizeof big));
  write_all(in_w, big, sizeof big);
  write_str(in_w, "Content-Length: 2\r\n\r\n{}");
  close(in_w);
  int in_fd = open(in_path, O_RDONLY);
  assert_true(in_fd >= 0);
  assert_int_equal(uv_loop_init(&loop), 0);

  assert_int_equal(pr_transport_new(&loop, in_fd, out_fd, &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 2);
  assert_int_equal(r.lens[0], sizeof big);
  assert_memory_equal(r.msgs[0], big, sizeof big);
  assert_string_equal(r.msgs[1], "{}");
  assert_int_equal(r.eofs, 1);
  assert_int_equal(r.closed, 1);
  int check = open(out_path, O_RDONLY);
  assert_true(check >= 0);
  char *written = read_all(check, NULL);
  assert_string_equal(written, "Content-Length: 14\r\n\r\n{\"reply\":true}");
  free(written);
  close(check);
  unlink(in_path);
  unlink(out_path);
  recorder_free(&r);
}

static void dev_null_input_is_an_immediate_eof(void **state) {
  uv_loop_t loop;
  recorder r = {.close_on_eof = true, .replies = {"{}"}, .n_replies = 1};
  int in_fd = open("/dev/null", O_RDONLY);
  int out_fd = open("/dev/null", O_WRONLY);
  assert_true(in_fd >= 0 && out_fd >= 0);
  assert_int_equal(uv_loop_init(&loop), 0);

  assert_int_equal(pr_transport_new(&loop, in_fd, out_fd, &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 0);
  assert_int_equal(r.eofs, 1);
  assert_int_equal(r.closed, 1);
  assert_int_equal(r.n_logs, 0);
  recorder_free(&r);
}

static void input_from_a_tty_is_read(void **state) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
    if (master >= 0) close(master);
    skip();
  }
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  if (slave < 0) {
    close(master);
    skip();
  }
  /* Raw bytes: no CR/LF translation, no echo, no line buffering. */
  struct termios tio;
  assert_int_equal(tcgetattr(slave, &tio), 0);
  tio.c_iflag &= ~(tcflag_t)(ICRNL | INLCR | IGNCR | IXON);
  tio.c_oflag &= ~(tcflag_t)OPOST;
  tio.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
  tio.c_cc[VMIN] = 1;
  tio.c_cc[VTIME] = 0;
  assert_int_equal(tcsetattr(slave, TCSANOW, &tio), 0);
  write_str(master, "Content-Length: 7\r\n\r\n\"a tty\"");

  uv_loop_t loop;
  recorder r = {.close_after_msgs = 1};
  int out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(out), 0);
  assert_int_equal(pr_transport_new(&loop, slave, out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 1);
  assert_string_equal(r.msgs[0], "\"a tty\"");
  assert_int_equal(r.closed, 1);
  close(master);
  close(out[0]);
  recorder_free(&r);
}

/* ---- closing, signals, failures ----------------------------------------- */

static void close_from_on_message_stops_delivery(void **state) {
  uv_loop_t loop;
  recorder r = {.close_after_msgs = 1};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  write_str(in[1], "Content-Length: 1\r\n\r\naContent-Length: 1\r\n\r\nbContent-Length: 1\r\n\r\nc");
  /* The write end stays open: only the close can end the loop. */

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.n_msgs, 1);
  assert_string_equal(r.msgs[0], "a");
  assert_int_equal(r.eofs, 0);
  assert_int_equal(r.closed, 1);
  close(in[1]);
  close(out[0]);
  recorder_free(&r);
}

static void sigterm_reaches_on_signal(void **state) {
  uv_loop_t loop;
  recorder r = {0};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  /* The watcher is installed: the signal is queued for the loop. */
  assert_int_equal(kill(getpid(), SIGTERM), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.signals, 1);
  assert_int_equal(r.last_signum, SIGTERM);
  assert_int_equal(r.closed, 1);
  assert_int_equal(r.eofs, 0);
  /* Closing gave SIGTERM its default action back at once, before the loop
   * finished closing: a second SIGTERM would end a stuck flush. */
  assert_true(r.sigterm_default_after_close);
  close(in[1]);
  close(out[0]);
  recorder_free(&r);
}

static void write_to_a_closed_reader_is_logged_not_fatal(void **state) {
  uv_loop_t loop;
  recorder r = {.replies = {"{\"id\":1}"}, .n_replies = 1, .close_on_log = true};
  int in[2], out[2];
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  close(in[1]);
  close(out[0]);  /* the client is gone: writing raises SIGPIPE unless ignored */

  assert_int_equal(pr_transport_new(&loop, in[0], out[1], &callbacks, &r, &r.t), 0);
  run_and_close_loop(&loop);

  assert_int_equal(r.eofs, 1);
  assert_log_mentions(&r, "writing output failed");
  assert_int_equal(r.send_after_log, UV_EPIPE);
  assert_int_equal(r.closed, 1);
  recorder_free(&r);
}

static void new_refuses_bad_arguments_and_closes_the_fds(void **state) {
  uv_loop_t loop;
  recorder r = {0};
  pr_transport *t = (pr_transport *)&r;  /* must be reset to NULL */
  int p[2];
  assert_int_equal(uv_loop_init(&loop), 0);

  assert_int_equal(pipe(p), 0);
  assert_int_equal(pr_transport_new(&loop, p[0], p[0], &callbacks, &r, &t), UV_EINVAL);
  assert_null(t);
  assert_false(fd_is_open(p[0]));
  close(p[1]);

  assert_int_equal(pipe(p), 0);
  pr_transport_callbacks no_message = {.on_eof = on_eof};
  assert_int_equal(pr_transport_new(&loop, p[0], p[1], &no_message, &r, &t), UV_EINVAL);
  assert_false(fd_is_open(p[0]));
  assert_false(fd_is_open(p[1]));

  assert_int_equal(pipe(p), 0);
  close(p[1]);
  assert_int_equal(pr_transport_new(&loop, p[0], p[1], &callbacks, &r, &t), UV_EBADF);
  assert_false(fd_is_open(p[0]));

  int dir = open("/tmp", O_RDONLY);
  assert_true(dir >= 0);
  assert_int_equal(pipe(p), 0);
  assert_int_equal(pr_transport_new(&loop, dir, p[1], &callbacks, &r, &t), UV_ENOTSUP);
  assert_false(fd_is_open(dir));
  assert_false(fd_is_open(p[1]));
  close(p[0]);

  run_and_close_loop(&loop);
  assert_int_equal(r.closed, 0);
}

static void failure_after_opening_handles_releases_them(void **state) {
  uv_loop_t loop;
  recorder r = {0};
  pr_transport *t = NULL;
  int a[2], b[2];
  uv_poll_t squatter;
  assert_int_equal(uv_loop_init(&loop), 0);
  assert_int_equal(pipe(a), 0);
  assert_int_equal(pipe(b), 0);
  /* b[1] is already watched by this loop, so opening it again fails with
   * UV_EEXIST after the signal watchers and the input handle were opened. */
  assert_int_equal(uv_poll_init(&loop, &squatter, b[1]), 0);
  assert_int_equal(uv_poll_start(&squatter, UV_WRITABLE, NULL), 0);
  int r_new = pr_transport_new(&loop, a[0], b[1], &callbacks, &r, &t);
  assert_int_equal(r_new, UV_EEXIST);
  assert_null(t);
  assert_false(fd_is_open(a[0]));  /* closed with the input handle */
  uv_close((uv_handle_t *)&squatter, NULL);  /* a poll handle leaves its fd open */
  run_and_close_loop(&loop);
  assert_int_equal(r.closed, 0);
  assert_false(fd_is_open(b[1]));  /* closed by the transport's final callback */
  close(a[1]);
  close(b[0]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(two_messages_from_a_pipe_arrive_then_eof),
      cmocka_unit_test(framing_error_is_logged_and_next_message_delivered),
      cmocka_unit_test(eof_inside_a_message_is_logged_before_on_eof),
      cmocka_unit_test(send_writes_framed_messages_in_order),
      cmocka_unit_test(large_output_is_written_in_order_and_flushed_by_close),
      cmocka_unit_test(input_waits_while_the_client_has_much_output_to_read),
      cmocka_unit_test(input_and_output_as_regular_files),
      cmocka_unit_test(dev_null_input_is_an_immediate_eof),
      cmocka_unit_test(input_from_a_tty_is_read),
      cmocka_unit_test(close_from_on_message_stops_delivery),
      cmocka_unit_test(sigterm_reaches_on_signal),
      cmocka_unit_test(write_to_a_closed_reader_is_logged_not_fatal),
      cmocka_unit_test(new_refuses_bad_arguments_and_closes_the_fds),
      cmocka_unit_test(failure_after_opening_handles_releases_them),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
