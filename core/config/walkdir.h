/* walkdir.h - the Python files `check` reviews, found below the paths it is given.
 *
 * Folders are searched recursively in name order; symbolic links to folders are
 * not followed. Inside folders only `*.py` files are taken, and an entry is
 * skipped (a folder: not descended) when
 *   - it is a folder excluded by default: any hidden folder (`.git`, `.venv`,
 *     `.tox`, `.mypy_cache` ...), venv, node_modules, __pycache__, build, dist,
 *     _build, buck-out, site-packages, __pypackages__ (Ruff's default `exclude`
 *     list, plus every hidden folder, build and __pycache__);
 *   - one of the `exclude` globs matches it (fnmatch(3), `*` also matching `/`)
 *     by its path relative to the walked folder or by its bare name;
 *   - git ignores it: inside a git work tree (found by searching upward from the
 *     walked folder), libgit2 answers from the .gitignore files, .git/info/exclude
 *     and the global excludes file (core.excludesFile). Outside a work tree
 *     nothing is gitignored (Ruff's `ignore` crate also requires a repository for
 *     git's rules, but reads `.ignore` files too, which pyreview does not).
 * A file named explicitly is reviewed whatever its extension and whatever the
 * rules above say. A folder named explicitly is walked even if git ignores it,
 * and then .gitignore rules are not applied below it (as Ruff walks a named
 * folder without matching it, libgit2 can only answer "ignored" for everything
 * below an ignored folder).
 *
 * libgit2 is initialised by pr_collect_files itself (it counts references);
 * pr_walk_begin/pr_walk_end around several walks keep it initialised once, and
 * must run before any other thread starts.
 *
 * Ownership: the list owns every string; pr_file_list_free releases them. The
 * options' strings are borrowed for the call. */
#ifndef PR_WALKDIR_H
#define PR_WALKDIR_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pr_file_entry {
  char *path;       /* as displayed and opened: the argument joined with the names below it */
  char *relative;   /* below the argument (for test-file classification); the file name for a file argument */
} pr_file_entry;

typedef struct pr_file_list {
  pr_file_entry *items;
  size_t count, cap;
} pr_file_list;

typedef struct pr_walk_options {
  bool respect_gitignore;          /* --no-respect-gitignore clears it */
  bool default_exclusions;         /* the folders listed above */
  const char *const *exclude;      /* `exclude` globs (configuration), borrowed */
  size_t exclude_count;
} pr_walk_options;

/* respect_gitignore and default_exclusions on, no `exclude` globs. */
pr_walk_options pr_walk_options_default(void);

/* Appends the files under `path`. Returns 0, or -1 with a message in err (no such
 * file, not readable, out of memory). options NULL: pr_walk_options_default(). */
int pr_collect_files_with(const char *path, const pr_walk_options *options, pr_file_list *list, char *err,
                          size_t cap);
/* pr_collect_files_with(path, NULL, ...). */
int pr_collect_files(const char *path, pr_file_list *list, char *err, size_t cap);
/* Moves *entry (its strings) to the end of the list. False when out of memory
 * (the entry is then still the caller's). */
bool pr_file_list_take(pr_file_list *list, pr_file_entry *entry);
void pr_file_list_free(pr_file_list *list);

/* Initialise libgit2 once for several walks (before threads start), and let it go. */
void pr_walk_begin(void);
void pr_walk_end(void);

#endif
