/* framing.h - LSP base-protocol framing: bytes in, whole message bodies out.
 *
 * A message is a header block ("Name: value" lines, each ended by "\r\n" or,
 * leniently, a bare "\n"; the block ended by an empty line) followed by exactly
 * Content-Length bytes of body. Header names are compared case-insensitively;
 * Content-Type and every other header are ignored. Stray blank lines between
 * messages are skipped silently.
 *
 * The framer is a pure function over a growing buffer: no I/O, no clock. The
 * caller feeds whatever bytes arrived, then calls pr_framer_next until it says
 * PR_FRAME_NEED_MORE. Each call yields one message, or one error:
 *   - a Content-Length above PR_FRAME_MAX_BODY: the header is dropped and the
 *     framer discards up to the next "Content-Length" (any case), never
 *     buffering: skipping the announced length could swallow the stream for good;
 *   - a malformed but terminated header block (no Content-Length, a length
 *     that is empty, not decimal, negative or overflowing, two different
 *     lengths, a line that is not "token: value", a block over
 *     PR_FRAME_MAX_HEADER bytes): the block is dropped up to and including its
 *     empty line. If it still named a usable Content-Length (within the
 *     limit), that body is skipped too, as it arrives; otherwise the body's extent is unknown and the framer
 *     discards up to the next "Content-Length" (any case), silently;
 *   - more than PR_FRAME_MAX_HEADER bytes without the empty line: that many
 *     bytes are dropped, then the framer discards up to the next
 *     "Content-Length";
 *   - garbage where a header should start: discarded up to the next
 *     "Content-Length", where parsing resumes. That includes a block without
 *     Content-Length whose lines contain the name further on
 *     ("junkContent-Length: 2"): only the bytes before the name are dropped.
 * Every error consumes at least one byte, so the caller's loop always ends,
 * and the buffer never holds more than one message plus one feed (as long as
 * the caller drains pr_framer_next after each feed).
 *
 * Ownership: the caller owns the pr_framer (embedded or not); the framer owns
 * its buffer, released by pr_framer_free. Body and error pointers returned by
 * pr_framer_next are borrowed from the framer and stay valid until the next
 * call to pr_framer_feed, pr_framer_next or pr_framer_free. */
#ifndef PR_FRAMING_H
#define PR_FRAMING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bodies longer than this are refused (and skipped without buffering). */
#define PR_FRAME_MAX_BODY ((uint64_t)64 * 1024 * 1024)
/* A header block longer than this without its ending empty line is refused. */
#define PR_FRAME_MAX_HEADER ((size_t)8 * 1024)
/* Enough room for any header pr_frame_write_header writes, NUL included. */
#define PR_FRAME_HEADER_CAP 48

typedef enum pr_frame_status {
  PR_FRAME_NEED_MORE = 0,  /* no complete message buffered; feed more bytes */
  PR_FRAME_MESSAGE = 1,    /* *body, *len hold one message body */
  PR_FRAME_ERROR = 2,      /* *error holds one line describing what was dropped */
} pr_frame_status;

typedef enum pr_frame_error {
  PR_FRAME_OK = 0,
  PR_FRAME_NO_MEMORY = -1,  /* the buffer could not grow; nothing was appended */
} pr_frame_error;

typedef struct pr_framer {
  char *buf;           /* owned; bytes [start, len) are not yet consumed */
  size_t start;        /* first unconsumed byte of buf */
  size_t len;          /* bytes of buf in use, start <= len <= cap */
  size_t cap;          /* allocated size of buf */
  size_t body_len;     /* when have_header: body length of the current message */
  size_t header_len;   /* when have_header: bytes of its header block, at start */
  size_t scanned;      /* header search resumes here (relative to start) */
  uint64_t skip;       /* body bytes still to discard (refused or bad message) */
  bool have_header;    /* a valid header block sits at start, body pending */
  bool resync;         /* after garbage: discarding until "Content-Length" */
  char error[192];     /* the last error line, NUL-terminated */
} pr_framer;

/* Makes an empty framer. Never fails (the buffer is allocated on first feed). */
void pr_framer_init(pr_framer *f);
/* Releases the buffer; the framer may be initialised again afterwards. */
void pr_framer_free(pr_framer *f);

/* Appends data[0..n). Bytes that belong to a body being skipped are dropped
 * here without being copied. Returns PR_FRAME_OK, or PR_FRAME_NO_MEMORY when
 * the buffer cannot grow (the framer is then unchanged). Invalidates pointers
 * returned by pr_framer_next. */
int pr_framer_feed(pr_framer *f, const char *data, size_t n);

/* Takes the next message or error out of the buffer.
 * PR_FRAME_MESSAGE: *body points at *len bytes (not NUL-terminated).
 * PR_FRAME_ERROR: *error points at a NUL-terminated line saying what was wrong
 * and what was dropped; parsing goes on with the next call.
 * PR_FRAME_NEED_MORE: nothing more can be taken until more bytes are fed.
 * body, len and error may each be NULL when the caller does not want them.
 * Outputs are borrowed; see the ownership note above. */
pr_frame_status pr_framer_next(pr_framer *f, const char **body, size_t *len, const char **error);

/* Bytes held in the buffer and not yet consumed (part of a message, usually).
 * Together with pr_framer_skipping, tells whether input ended mid-message. */
size_t pr_framer_buffered(const pr_framer *f);
/* Body bytes of a refused message still to be discarded. */
uint64_t pr_framer_skipping(const pr_framer *f);

/* Writes "Content-Length: <body_len>\r\n\r\n" and a NUL into buf. Returns the
 * header's length (NUL excluded), or 0 when cap is too small
 * (PR_FRAME_HEADER_CAP always suffices). */
size_t pr_frame_write_header(char *buf, size_t cap, size_t body_len);

#endif
