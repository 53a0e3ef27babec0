/* walkdir.h - the Python files `check` reviews, found below the paths it is given.
 *
 * Folders are searched recursively in name order, skipping hidden folders and
 * venv, .venv, node_modules, __pycache__, build and dist; symbolic links to
 * folders are not followed. A file named explicitly is reviewed whatever its
 * extension; inside folders only `*.py` files are.
 *
 * Ownership: the list owns every string; pr_file_list_free releases them. */
#ifndef PR_WALKDIR_H
#define PR_WALKDIR_H

#include <stddef.h>

typedef struct pr_file_entry {
  char *path;       /* as displayed and opened: the argument joined with the names below it */
  char *relative;   /* below the argument (for test-file classification); the file name for a file argument */
} pr_file_entry;

typedef struct pr_file_list {
  pr_file_entry *items;
  size_t count, cap;
} pr_file_list;

/* Appends the files under `path`. Returns 0, or -1 with a message in err (no such
 * file, not readable, out of memory). */
int pr_collect_files(const char *path, pr_file_list *list, char *err, size_t cap);
void pr_file_list_free(pr_file_list *list);

#endif
