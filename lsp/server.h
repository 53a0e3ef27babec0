/* server.h - the language server: lifecycle, documents, diagnostics.
 *
 * pr_server_main runs the server on stdin/stdout until `exit`, end of input or
 * SIGTERM, and returns the process exit code (0 after shutdown + exit or end
 * of input, 1 for `exit` without `shutdown`). Logs go to stderr.
 *
 * Underneath is the dispatcher, which takes one message body at a time and
 * hands each body it sends to a callback: no framing, no stdin/stdout, no
 * libuv unless a loop is given. pr_server_main puts it behind a transport;
 * the fuzz harness calls it directly.
 *
 * Ownership: the caller owns the pr_server (pr_server_free). Bodies passed to
 * pr_server_handle_message and to io.write and lines passed to io.log are
 * borrowed: valid only during the call. */
#ifndef PR_SERVER_H
#define PR_SERVER_H

#include <stdbool.h>
#include <stddef.h>

int pr_server_main(void);

/* libuv's loop, declared here so that this header does not pull in <uv.h>
 * (see transport.h). */
struct uv_loop_s;

typedef struct pr_server pr_server;

typedef struct pr_server_io {
  /* Required. One message body (JSON, not NUL-terminated) to send. */
  void (*write)(void *user, const char *body, size_t len);
  /* Optional. One log line (no trailing newline); NULL: "pyreview: <line>" on stderr. */
  void (*log)(void *user, const char *line);
  void *user;  /* passed to both */
  /* Optional. True: workspace/diagnostic reads nothing from disk and answers
   * an empty report (the fuzz harness, whose input may name `/` as a folder). */
  bool no_disk;
} pr_server_io;

/* Makes a server before `initialize`. `loop` (borrowed; may be NULL) carries
 * the timer that gives freed memory back to the system after closes; without
 * a loop there is no such timer. `io` is copied. NULL when out of memory or
 * when io->write is NULL. */
pr_server *pr_server_new(struct uv_loop_s *loop, const pr_server_io *io);

/* Handles one message body: every response and notification it causes has
 * been passed to io.write when it returns. After `exit` every message is ignored. */
void pr_server_handle_message(pr_server *s, const char *body, size_t len);

/* Whether `exit` arrived (the caller should stop feeding messages and close),
 * and the process exit code it implies: 0 after shutdown, else 1; 0 before exit. */
bool pr_server_wants_exit(const pr_server *s);
int pr_server_exit_code(const pr_server *s);

/* Closes every document and frees the server (NULL is allowed). With a loop,
 * the timer's handle is closed here: run the loop once more (uv_run returns
 * at once) before uv_loop_close. */
void pr_server_free(pr_server *s);

#endif
