/* transport.c - framed messages over two fds with libuv; see transport.h. */
#define _POSIX_C_SOURCE 200809L

#include "transport.h"

#include "framing.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

/* How one side of the transport does its I/O. */
typedef enum pr_io_kind {
  PR_IO_STREAM,  /* a libuv stream handle: pipe, socket or TTY */
  PR_IO_FILE,    /* a regular file or character device: uv_fs_read / write(2) */
} pr_io_kind;

/* Any libuv stream handle; all start with the uv_stream_t fields. */
typedef union pr_stream_handle {
  uv_handle_t handle;
  uv_stream_t stream;
  uv_pipe_t pipe;
  uv_tcp_t tcp;
  uv_tty_t tty;
} pr_stream_handle;

/* One queued write: the request, then header and body copied after it.
 * Freed in pr_transport__on_write. */
typedef struct pr_transport_write {
  uv_write_t req;        /* req.data is the transport */
  size_t len;            /* bytes in data */
  char data[];
} pr_transport_write;

enum { PR_TRANSPORT_READ_SIZE = 64 * 1024 };

/* Back-pressure: with more than HIGH bytes of output waiting for the client to
 * read them, the transport stops reading and delivering input until the queue
 * is below LOW. A client that sends faster than it reads then blocks on its own
 * writes, instead of the server's memory growing with every publish queued. */
enum { PR_TRANSPORT_QUEUE_HIGH = 4 * 1024 * 1024, PR_TRANSPORT_QUEUE_LOW = 1024 * 1024 };

struct pr_transport {
  uv_loop_t *loop;                /* borrowed */
  pr_transport_callbacks cb;
  void *user;                     /* borrowed, passed to callbacks */
  pr_framer framer;               /* owned */

  pr_io_kind in_kind, out_kind;
  int in_fd, out_fd;              /* fds we close ourselves at the end; -1 once a
                                     handle owns the fd (libuv closes it) or closed */
  pr_stream_handle in, out;       /* valid when in_open / out_open */
  bool in_open, out_open;         /* handle initialised: it must be uv_close'd */
  uv_signal_t sigterm, sigint;    /* valid when sigterm_open / sigint_open */
  bool sigterm_open, sigint_open;
  uv_idle_t anchor;               /* never started; closing it makes the final free
                                     asynchronous even when no other handle exists */
  uv_fs_t read_req;               /* in use while read_pending (PR_IO_FILE input) */
  bool read_pending;

  size_t open_handles;            /* initialised handles whose close callback has not run */
  size_t pending_writes;          /* uv_write requests whose callback has not run */
  size_t queued_bytes;            /* bytes of those requests */
  bool paused;                    /* input held back while queued_bytes is high */
  int write_error;                /* first write failure, 0 if none */
  bool reading;                   /* a read is started (stream) or chained (file) */
  bool eof;                       /* on_eof was due (called unless closing) */
  bool closing;                   /* pr_transport_close was called (or new failed) */
  bool handles_closing;           /* uv_close was called on every handle */
  void (*on_closed)(void *user);
  char read_buf[PR_TRANSPORT_READ_SIZE];  /* libuv reads into it, one read at a time */
};

static void pr_transport__log(pr_transport *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Formats one line for on_log. Nothing is reported once closing. */
static void pr_transport__log(pr_transport *t, const char *fmt, ...) {
  if (!t->cb.on_log || t->closing) return;
  char line[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  t->cb.on_log(t->user, line);
}

/* ---- closing ------------------------------------------------------------ */

static void pr_transport__on_handle_closed(uv_handle_t *h) {
  pr_transport *t = h->data;
  assert(t->open_handles > 0);
  if (--t->open_handles > 0) return;
  if (t->in_fd >= 0) close(t->in_fd);
  if (t->out_fd >= 0) close(t->out_fd);
  pr_framer_free(&t->framer);
  void (*on_closed)(void *) = t->on_closed;
  void *user = t->user;
  free(t);
  if (on_closed) on_closed(user);
}

static void pr_transport__close_handle(pr_transport *t, uv_handle_t *h) {
  h->data = t;
  uv_close(h, pr_transport__on_handle_closed);
}

/* Once closing, and when no write and no file read is outstanding, closes
 * every handle; the last close callback frees the transport. */
static void pr_transport__maybe_finish(pr_transport *t) {
  if (!t->closing || t->handles_closing || t->pending_writes > 0) return;
  if (t->read_pending) {
    /* Cancelling fails if the read already runs; its callback comes back here. */
    uv_cancel((uv_req_t *)&t->read_req);
    return;
  }
  t->handles_closing = true;
  if (t->in_open) pr_transport__close_handle(t, &t->in.handle);
  if (t->out_open) pr_transport__close_handle(t, &t->out.handle);
  pr_transport__close_handle(t, (uv_handle_t *)&t->anchor);
}

/* Enters the closing state. The signal watchers go at once, so that the
 * default actions are back while output drains: a second SIGTERM still ends
 * a process whose client stopped reading. */
static void pr_transport__begin_close(pr_transport *t, void (*on_closed)(void *user)) {
  t->closing = true;
  t->on_closed = on_closed;
  if (t->reading && t->in_kind == PR_IO_STREAM) uv_read_stop(&t->in.stream);
  t->reading = false;
  if (t->sigterm_open) pr_transport__close_handle(t, (uv_handle_t *)&t->sigterm);
  if (t->sigint_open) pr_transport__close_handle(t, (uv_handle_t *)&t->sigint);
  t->sigterm_open = t->sigint_open = false;
  pr_transport__maybe_finish(t);
}

void pr_transport_close(pr_transport *t, void (*on_closed)(void *user)) {
  assert(!t->closing);
  pr_transport__begin_close(t, on_closed);
}

/* ---- reading ------------------------------------------------------------ */

static void pr_transport__stop_reading(pr_transport *t) {
  if (t->reading && t->in_kind == PR_IO_STREAM) uv_read_stop(&t->in.stream);
  t->reading = false;
}

/* Input ended: err is 0 at a clean end, else the libuv error that ended it. */
static void pr_transport__end(pr_transport *t, int err) {
  if (t->eof) return;
  t->eof = true;
  pr_transport__stop_reading(t);
  if (err) pr_transport__log(t, "reading input failed: %s", uv_strerror(err));
  const pr_framer *f = &t->framer;
  size_t left = pr_framer_buffered(f);
  if (f->have_header || pr_framer_skipping(f) || (left && !f->resync))
    pr_transport__log(t, "input ended inside a message; %zu buffered bytes dropped", left);
  if (!t->closing && t->cb.on_eof) t->cb.on_eof(t->user);
}

/* Feeds n bytes to the framer and delivers what it completes. Callbacks may
 * close the transport; delivery stops there (the memory stays valid until
 * the close callbacks run, after we return to the loop). */
static void pr_transport__input(pr_transport *t, const char *data, size_t n) {
  if (t->closing || t->eof) return;
  if (pr_framer_feed(&t->framer, data, n) != PR_FRAME_OK) {
    pr_transport__end(t, UV_ENOMEM);
    return;
  }
  while (!t->closing && !t->paused) {
    const char *body = NULL, *error = NULL;
    size_t len = 0;
    pr_frame_status st = pr_framer_next(&t->framer, &body, &len, &error);
    if (st == PR_FRAME_NEED_MORE) break;
    if (st == PR_FRAME_MESSAGE) t->cb.on_message(t->user, body, len);
    else pr_transport__log(t, "%s", error);
  }
}

static int pr_transport__read_file(pr_transport *t);
static void pr_transport__on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf);

/* Holds input back while the client has much output to read. */
static void pr_transport__maybe_pause(pr_transport *t) {
  if (t->paused || t->queued_bytes <= PR_TRANSPORT_QUEUE_HIGH) return;
  t->paused = true;
  if (t->reading && t->in_kind == PR_IO_STREAM) uv_read_stop(&t->in.stream);
}

static void pr_transport__on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf);

/* The client caught up: deliver what the framer holds, then read again. */
static void pr_transport__maybe_resume(pr_transport *t) {
  if (!t->paused || t->queued_bytes > PR_TRANSPORT_QUEUE_LOW || t->closing) return;
  t->paused = false;
  if (t->eof) return;
  pr_transport__input(t, NULL, 0);
  if (t->paused || t->closing || t->eof || !t->reading) return;
  int r = 0;
  if (t->in_kind == PR_IO_STREAM) r = uv_read_start(&t->in.stream, pr_transport__on_alloc, pr_transport__on_read);
  else if (!t->read_pending) r = pr_transport__read_file(t);
  if (r) pr_transport__end(t, r);
}

static void pr_transport__on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)suggested;
  pr_transport *t = h->data;
  buf->base = t->read_buf;
  buf->len = sizeof t->read_buf;
}

static void pr_transport__on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
  pr_transport *t = s->data;
  if (nread > 0) pr_transport__input(t, buf->base, (size_t)nread);
  else if (nread < 0) pr_transport__end(t, nread == UV_EOF ? 0 : (int)nread);
  /* nread == 0: nothing this time (EAGAIN), not the end. */
}

static void pr_transport__on_file_read(uv_fs_t *req);

static int pr_transport__read_file(pr_transport *t) {
  uv_buf_t buf = uv_buf_init(t->read_buf, sizeof t->read_buf);
  t->read_req.data = t;
  int r = uv_fs_read(t->loop, &t->read_req, t->in_fd, &buf, 1, -1, pr_transport__on_file_read);
  if (r == 0) t->read_pending = true;
  return r;
}

static void pr_transport__on_file_read(uv_fs_t *req) {
  pr_transport *t = req->data;
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  t->read_pending = false;
  if (t->closing) {
    pr_transport__maybe_finish(t);
    return;
  }
  if (n > 0) {
    pr_transport__input(t, t->read_buf, (size_t)n);
    if (t->reading && !t->closing && !t->paused) {
      int r = pr_transport__read_file(t);
      if (r) pr_transport__end(t, r);
    }
  } else {
    pr_transport__end(t, n == 0 ? 0 : (int)n);
  }
  if (t->closing) pr_transport__maybe_finish(t);
}

static void pr_transport__on_signal(uv_signal_t *h, int signum) {
  pr_transport *t = h->data;
  if (!t->closing && t->cb.on_signal) t->cb.on_signal(t->user, signum);
}

/* ---- writing ------------------------------------------------------------ */

static void pr_transport__write_failed(pr_transport *t, int err) {
  if (t->write_error) return;
  t->write_error = err;
  pr_transport__log(t, "writing output failed: %s", uv_strerror(err));
}

static void pr_transport__on_write(uv_write_t *req, int status) {
  pr_transport_write *w = (pr_transport_write *)req;
  pr_transport *t = req->data;
  assert(t->pending_writes > 0 && t->queued_bytes >= w->len);
  t->pending_writes--;
  t->queued_bytes -= w->len;
  free(w);
  if (status < 0) pr_transport__write_failed(t, status);
  pr_transport__maybe_resume(t);
  pr_transport__maybe_finish(t);
}

/* write(2) until done, for regular files and character devices. */
static int pr_transport__write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        struct pollfd pfd = {.fd = fd, .events = POLLOUT};
        if (poll(&pfd, 1, -1) >= 0 || errno == EINTR) continue;
      }
      return uv_translate_sys_error(errno);
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

int pr_transport_send(pr_transport *t, const char *body, size_t len) {
  if (t->closing) return UV_ECANCELED;
  if (t->write_error) return t->write_error;

  char head[PR_FRAME_HEADER_CAP];
  size_t head_len = pr_frame_write_header(head, sizeof head, len);
  assert(head_len > 0);

  if (t->out_kind == PR_IO_FILE) {
    int r = pr_transport__write_all(t->out_fd, head, head_len);
    if (r == 0) r = pr_transport__write_all(t->out_fd, body, len);
    if (r) pr_transport__write_failed(t, r);
    return r;
  }

  if (len > SIZE_MAX - head_len - sizeof(pr_transport_write)) return UV_ENOMEM;
  pr_transport_write *w = malloc(sizeof *w + head_len + len);
  if (!w) return UV_ENOMEM;
  w->len = head_len + len;
  memcpy(w->data, head, head_len);
  if (len) memcpy(w->data + head_len, body, len);
  w->req.data = t;
  uv_buf_t buf;
  buf.base = w->data;
  buf.len = w->len;  /* a size_t on Unix; uv_buf_init would truncate to unsigned */
  int r = uv_write(&w->req, &t->out.stream, &buf, 1, pr_transport__on_write);
  if (r) {
    free(w);
    pr_transport__write_failed(t, r);
    return r;
  }
  t->pending_writes++;
  t->queued_bytes += w->len;
  pr_transport__maybe_pause(t);
  return 0;
}

/* ---- opening ------------------------------------------------------------ */

/* Which I/O an fd needs. */
static int pr_transport__kind(int fd, uv_handle_type *type, pr_io_kind *kind) {
  if (fd < 0 || fcntl(fd, F_GETFL) == -1) return UV_EBADF;
  *type = uv_guess_handle(fd);
  switch (*type) {
    case UV_NAMED_PIPE:
    case UV_TCP:
    case UV_TTY:
      *kind = PR_IO_STREAM;
      return 0;
    case UV_FILE:
      *kind = PR_IO_FILE;
      return 0;
    default:
      return UV_ENOTSUP;
  }
}

/* Initialises h as the stream handle for *fd. Once the handle owns the fd,
 * *fd becomes -1. *opened says whether h was initialised (and must be closed),
 * even when the call fails afterwards. */
static int pr_transport__open_stream(pr_transport *t, pr_stream_handle *h, uv_handle_type type,
                                     int *fd, bool *opened) {
  int r;
  switch (type) {
    case UV_NAMED_PIPE:
      r = uv_pipe_init(t->loop, &h->pipe, 0);
      if (r) return r;
      *opened = true;
      t->open_handles++;
      r = uv_pipe_open(&h->pipe, *fd);
      break;
    case UV_TCP:
      r = uv_tcp_init(t->loop, &h->tcp);
      if (r) return r;
      *opened = true;
      t->open_handles++;
      r = uv_tcp_open(&h->tcp, *fd);
      break;
    case UV_TTY:
      r = uv_tty_init(t->loop, &h->tty, *fd, 0);
      if (r) return r;
      *opened = true;
      t->open_handles++;
      break;
    default:
      return UV_ENOTSUP;
  }
  h->handle.data = t;
  if (r == 0) *fd = -1;
  return r;
}

static int pr_transport__start_signal(pr_transport *t, uv_signal_t *h, bool *opened, int signum) {
  int r = uv_signal_init(t->loop, h);
  if (r) return r;
  *opened = true;
  t->open_handles++;
  h->data = t;
  r = uv_signal_start(h, pr_transport__on_signal, signum);
  if (r) return r;
  uv_unref((uv_handle_t *)h);  /* a watcher alone does not keep the loop running */
  return 0;
}

static void pr_transport__ignore_sigpipe(void) {
  struct sigaction sa;
  if (sigaction(SIGPIPE, NULL, &sa) != 0) return;
  if ((sa.sa_flags & SA_SIGINFO) || sa.sa_handler != SIG_DFL) return;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_IGN;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGPIPE, &sa, NULL);
}

int pr_transport_new(struct uv_loop_s *loop, int in_fd, int out_fd,
                     const pr_transport_callbacks *callbacks, void *user, pr_transport **out) {
  uv_handle_type in_type = UV_UNKNOWN_HANDLE, out_type = UV_UNKNOWN_HANDLE;
  pr_io_kind in_kind = PR_IO_FILE, out_kind = PR_IO_FILE;
  pr_transport *t = NULL;
  int r;

  *out = NULL;
  if (!callbacks || !callbacks->on_message || in_fd == out_fd) {
    r = UV_EINVAL;
    goto fail_args;
  }
  r = pr_transport__kind(in_fd, &in_type, &in_kind);
  if (r) goto fail_args;
  r = pr_transport__kind(out_fd, &out_type, &out_kind);
  if (r) goto fail_args;
  t = calloc(1, sizeof *t);
  if (!t) {
    r = UV_ENOMEM;
    goto fail_args;
  }

  t->loop = loop;
  t->cb = *callbacks;
  t->user = user;
  pr_framer_init(&t->framer);
  t->in_kind = in_kind;
  t->out_kind = out_kind;
  t->in_fd = in_fd;
  t->out_fd = out_fd;
  uv_idle_init(loop, &t->anchor);  /* cannot fail */
  t->open_handles = 1;

  if (t->cb.on_signal) {
    r = pr_transport__start_signal(t, &t->sigterm, &t->sigterm_open, SIGTERM);
    if (r) goto fail_open;
    r = pr_transport__start_signal(t, &t->sigint, &t->sigint_open, SIGINT);
    if (r) goto fail_open;
  }
  if (in_kind == PR_IO_STREAM) {
    r = pr_transport__open_stream(t, &t->in, in_type, &t->in_fd, &t->in_open);
    if (r) goto fail_open;
  }
  if (out_kind == PR_IO_STREAM) {
    r = pr_transport__open_stream(t, &t->out, out_type, &t->out_fd, &t->out_open);
    if (r) goto fail_open;
  }

  if (in_kind == PR_IO_STREAM)
    r = uv_read_start(&t->in.stream, pr_transport__on_alloc, pr_transport__on_read);
  else
    r = pr_transport__read_file(t);
  if (r) goto fail_open;
  t->reading = true;

  pr_transport__ignore_sigpipe();
  *out = t;
  return 0;

fail_open:
  /* The normal close path releases whatever was opened, fds included. */
  pr_transport__begin_close(t, NULL);
  return r;
fail_args:
  if (in_fd >= 0) close(in_fd);
  if (out_fd >= 0 && out_fd != in_fd) close(out_fd);
  return r;
}
