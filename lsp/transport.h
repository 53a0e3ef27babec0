/* transport.h - moves framed LSP messages between a libuv loop and two file descriptors.
 *
 * The transport reads in_fd (the server passes 0), cuts the bytes into message
 * bodies with pr_framer, and hands each body to a callback; it frames bodies
 * given to pr_transport_send and writes them to out_fd (the server passes 1).
 * It knows nothing of JSON or LSP methods.
 *
 * Each fd may be a pipe or socket (read and written with a libuv stream), a
 * TTY (a libuv tty handle), or a regular file or character device such as
 * /dev/null (read with uv_fs_read in the thread pool; written synchronously,
 * which never blocks for long on such files). in_fd and out_fd must be
 * different descriptors.
 *
 * Signals: while the transport is open it watches SIGTERM and SIGINT if
 * on_signal is set (the watchers do not keep the loop alive on their own, and
 * closing restores the default action). pr_transport_new also sets SIGPIPE to
 * be ignored, process-wide and for good, if it still had its default action:
 * a vanished client must show up as a write error, not kill the server.
 *
 * Ownership and lifetime (libuv style):
 *   - pr_transport_new allocates the transport and takes ownership of in_fd
 *     and out_fd, even when it fails (like a jansson `_new` setter): they are
 *     closed when the transport is closed, or before a failing call returns.
 *   - pr_transport_close starts an asynchronous close. Queued output is written
 *     first, then every handle is closed; in the last close callback the
 *     transport frees itself and then calls on_closed. The transport must not
 *     be used after pr_transport_close returns.
 *   - Bodies passed to on_message and lines passed to on_log are borrowed:
 *     valid only during the callback.
 *   - pr_transport_send copies the body; the caller keeps its buffer.
 *   - Callbacks run on the loop's thread, from uv_run. A callback may call
 *     pr_transport_send or pr_transport_close; after pr_transport_close no
 *     further callback runs except on_closed. */
#ifndef PR_TRANSPORT_H
#define PR_TRANSPORT_H

#include <stddef.h>

/* libuv's loop (uv_loop_t), declared here so that this header does not pull
 * in <uv.h>, which needs POSIX feature macros under a strict -std=c11. Errors
 * are libuv's negative codes (UV_EINVAL, ...): include <uv.h> to name them. */
struct uv_loop_s;

typedef struct pr_transport pr_transport;

typedef struct pr_transport_callbacks {
  /* Required. One complete message body (not NUL-terminated). */
  void (*on_message)(void *user, const char *body, size_t len);
  /* Optional. One line (no trailing newline) about a dropped message or an
   * I/O failure, for the server's log on stderr. */
  void (*on_log)(void *user, const char *line);
  /* Optional. Input ended (or failed, after an on_log). Called at most once;
   * messages complete before the end have all been delivered. */
  void (*on_eof)(void *user);
  /* Optional. SIGTERM or SIGINT arrived (signum says which). If NULL the
   * transport leaves those signals alone. */
  void (*on_signal)(void *user, int signum);
} pr_transport_callbacks;

/* Creates a transport on `loop` (borrowed; must outlive the transport) and
 * starts reading in_fd. `callbacks` is copied; `user` is passed to every
 * callback. Returns 0 and sets *out, or a negative libuv error code:
 * UV_EINVAL (in_fd == out_fd, or on_message is NULL), UV_EBADF (an fd is not
 * open), UV_ENOTSUP (an fd is neither a pipe, socket, TTY nor file),
 * UV_ENOMEM, or whatever libuv returned while opening a handle. On failure
 * *out is NULL, both fds are closed (or being closed), and handles already
 * opened are being closed: run the loop (uv_run returns as soon as they are
 * gone) before uv_loop_close. */
int pr_transport_new(struct uv_loop_s *loop, int in_fd, int out_fd,
                     const pr_transport_callbacks *callbacks, void *user, pr_transport **out);

/* Frames body[0..len) with a Content-Length header and queues it for out_fd.
 * The bytes are copied; messages are written in the order they were sent.
 * Returns 0, or a negative libuv error code: UV_ENOMEM, UV_ECANCELED after
 * pr_transport_close, or the error of an earlier failed write (once a write
 * has failed, every later send fails the same way; the failure was already
 * reported once through on_log). */
int pr_transport_send(pr_transport *t, const char *body, size_t len);

/* Stops reading and delivering input and stops watching signals (their
 * default actions are back at once), waits until all queued output is
 * written (or has failed: a reader that never reads out_fd and never closes
 * it keeps the close waiting, and a second SIGTERM then ends the process),
 * closes every handle and both fds, frees `t`, and then calls on_closed(user)
 * if it is not NULL. After that nothing of the transport keeps the loop
 * alive. Calling it twice is a bug (asserted). */
void pr_transport_close(pr_transport *t, void (*on_closed)(void *user));

#endif
