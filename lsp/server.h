/* server.h - the language server: lifecycle, documents, diagnostics.
 *
 * pr_server_main runs the server on stdin/stdout until `exit`, end of input or
 * SIGTERM, and returns the process exit code (0 after shutdown + exit or end
 * of input, 1 for `exit` without `shutdown`). Logs go to stderr. */
#ifndef PR_SERVER_H
#define PR_SERVER_H

int pr_server_main(void);

#endif
