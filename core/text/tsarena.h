/* tsarena.h - tree-sitter's memory for one file of a batch run, freed whole.
 *
 * Parsing a file makes tens of thousands of small tree-sitter allocations,
 * each freed one by one when the tree is deleted: in `pyreview check` about
 * a tenth of tree-sitter's own instructions went to malloc and free, and
 * the nodes lay scattered in the heap when the review read them. Inside a
 * scope, a thread's tree-sitter allocations are carved in order from its
 * arena, freeing them does nothing (the latest one is given back), and the
 * scope's end makes the whole arena free again.
 *
 * Only the CLI opens scopes, one per file: the server keeps trees for the
 * life of a document and edits them, so its allocations always go to
 * malloc. Outside a scope (and on any thread that has none) every call goes
 * to malloc, calloc, realloc and free as before, and a pointer malloc gave
 * may be freed inside a scope.
 *
 * The rule of a scope: every tree-sitter object made inside it (parser,
 * tree, cursor) is deleted before pr_ts_scope_end, except a tree when
 * pr_ts_scope_holds_everything says the end reclaims it. Objects made before it
 * may be deleted inside it (their memory goes to free). An arena holds at
 * most PR_TS_ARENA_MAX bytes; past that, allocations go to malloc, so a
 * file whose parse churns memory costs no more memory than it did.
 *
 * Ownership: each thread's arena belongs to that thread; it keeps one block
 * between scopes, which pr_ts_arena_release frees (call it when a thread
 * that opened scopes is done). */
#ifndef PR_TSARENA_H
#define PR_TSARENA_H

#include <stdbool.h>
#include <stddef.h>

#define PR_TS_ARENA_MAX ((size_t)256 << 20)

/* Routes tree-sitter's allocations through this module. Call once before
 * starting threads that use tree-sitter (later calls do nothing). */
void pr_ts_arena_install(void);

/* Opens a scope on this thread (scopes do not nest). Does nothing unless
 * pr_ts_arena_install was called. */
void pr_ts_scope_begin(void);

/* Closes this thread's scope: everything allocated in it is reused by the
 * next scope. */
void pr_ts_scope_end(void);

/* True when a scope is open on this thread and every tree-sitter
 * allocation made in it came from the arena: then a tree made in the scope
 * need not be deleted, as the scope's end reclaims it (deleting a tree
 * visits every node). A parser is always deleted: the grammar's external
 * scanner takes its state from malloc, and keeps it while a parse that was
 * cut short (the time limit) is outstanding. */
bool pr_ts_scope_holds_everything(void);

/* Frees this thread's arena (no scope may be open). */
void pr_ts_arena_release(void);

/* Bytes handed out by this thread's current (or last) scope, for tests and
 * measurements. */
size_t pr_ts_arena_used(void);

#endif
