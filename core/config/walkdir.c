/* walkdir.c - finding Python files; see walkdir.h. */
#define _DEFAULT_SOURCE
#include "walkdir.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <git2.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int pr_walkdir__add(pr_file_list *list, const char *path, const char *relative) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 64;
    pr_file_entry *p = realloc(list->items, cap * sizeof *p);
    if (!p) return -1;
    list->items = p;
    list->cap = cap;
  }
  char *a = strdup(path), *b = strdup(relative);
  if (!a || !b) { free(a); free(b); return -1; }
  list->items[list->count++] = (pr_file_entry){a, b};
  return 0;
}

static int pr_walkdir__cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

pr_walk_options pr_walk_options_default(void) {
  return (pr_walk_options){.respect_gitignore = true, .default_exclusions = true};
}

/* libgit2's initialisation reads every CA certificate of the system (about
 * 50 million instructions, 15-20 ms): a run that walks no folder (pre-commit
 * names its files) does not pay for it. Between pr_walk_begin and
 * pr_walk_end the first folder walk initialises it and later walks reuse it. */
static bool pr_walk__batch, pr_walk__inited;

void pr_walk_begin(void) { pr_walk__batch = true; }

void pr_walk_end(void) {
  if (pr_walk__inited) git_libgit2_shutdown();
  pr_walk__batch = pr_walk__inited = false;
}

static bool pr_walkdir__default_excluded(const char *name) {
  /* Ruff's default `exclude` names that are not hidden, plus build and __pycache__ */
  static const char *const skip[] = {"venv", "node_modules", "__pycache__", "build", "dist", "_build",
                                     "buck-out", "site-packages", "__pypackages__", NULL};
  if (name[0] == '.') return true;
  for (int i = 0; skip[i]; i++)
    if (!strcmp(name, skip[i])) return true;
  return false;
}

/* An `exclude` glob against the path below the walked folder and the bare name;
 * a glob ending in `/` names folders only. */
static bool pr_walkdir__excluded(const pr_walk_options *o, const char *relative, const char *name, bool dir) {
  for (size_t i = 0; i < o->exclude_count; i++) {
    const char *g = o->exclude[i];
    if (!g || !*g) continue;
    if (!strncmp(g, "./", 2)) g += 2;
    char buf[PATH_MAX];
    size_t n = strlen(g);
    if (n && g[n - 1] == '/') {
      if (!dir || n >= sizeof buf) continue;
      memcpy(buf, g, n - 1);
      buf[n - 1] = 0;
      g = buf;
    }
    if (fnmatch(g, relative, 0) == 0 || fnmatch(g, name, 0) == 0) return true;
  }
  return false;
}

/* The git work tree a walk is in: libgit2 is asked about paths relative to it. */
typedef struct pr_walk_git {
  git_repository *repo;  /* NULL: gitignore not applied */
  char *prefix;          /* the walked folder below the work tree: "" or "sub/dir/" */
} pr_walk_git;

static void pr_walk_git_close(pr_walk_git *g) {
  if (g->repo) git_repository_free(g->repo);
  free(g->prefix);
  g->repo = NULL;
  g->prefix = NULL;
}

/* Finds the work tree containing `root` (searching upward). A walk outside any
 * work tree, in a bare repository, or of a folder git ignores applies no
 * .gitignore rules. Failures only mean that: they are not errors of the walk. */
/* True when `root` or a folder above it holds a `.git` (a folder, or a file
 * for worktrees and submodules): only then is libgit2 started at all. */
static bool pr_walk__in_repository(const char *root) {
  char *abs = realpath(root, NULL);
  if (!abs) return false;
  size_t n = strlen(abs);
  char *probe = malloc(n + 6);
  bool found = false;
  while (probe && !found) {
    memcpy(probe, abs, n);
    memcpy(probe + n, n == 1 ? ".git" : "/.git", n == 1 ? 5 : 6);
    struct stat st;
    found = lstat(probe, &st) == 0;
    if (n <= 1) break;
    while (n > 1 && abs[n - 1] != '/') n--;
    if (n > 1) n--;  /* drop the slash, except the root's */
    abs[n] = 0;
  }
  free(probe);
  free(abs);
  return found;
}

static void pr_walk_git_open(pr_walk_git *g, const char *root) {
  g->repo = NULL;
  g->prefix = NULL;
  char *abs = realpath(root, NULL);
  if (!abs) return;
  /* only ignore files are read, nothing is run: a checkout owned by another user
     (a CI container) is as good as one's own, as it is for Ruff */
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  if (git_repository_open_ext(&g->repo, abs, 0, NULL) != 0) {
    g->repo = NULL;
    free(abs);
    return;
  }
  const char *wd = git_repository_workdir(g->repo);  /* ends with '/' */
  size_t wl = wd ? strlen(wd) : 0, al = strlen(abs);
  if (!wl || strncmp(abs, wd, wl - 1) || (abs[wl - 1] != '/' && abs[wl - 1] != 0)) {
    pr_walk_git_close(g);
    free(abs);
    return;
  }
  const char *below = al >= wl ? abs + wl : "";
  size_t bl = strlen(below);
  g->prefix = malloc(bl + 2);
  if (!g->prefix) {
    pr_walk_git_close(g);
    free(abs);
    return;
  }
  memcpy(g->prefix, below, bl);
  if (bl) g->prefix[bl++] = '/';
  g->prefix[bl] = 0;
  int ignored = 0;
  if (bl && git_ignore_path_is_ignored(&ignored, g->repo, g->prefix) == 0 && ignored) pr_walk_git_close(g);
  free(abs);
}

/* `relative` is below the walked folder; a folder's question ends in `/` so
 * that libgit2 applies folder-only patterns without a stat. */
static bool pr_walk_git_ignored(const pr_walk_git *g, const char *relative, bool dir) {
  if (!g->repo) return false;
  size_t pl = strlen(g->prefix), rl = strlen(relative);
  char *q = malloc(pl + rl + 2);
  if (!q) return false;
  memcpy(q, g->prefix, pl);
  memcpy(q + pl, relative, rl);
  if (dir) q[pl + rl++] = '/';
  q[pl + rl] = 0;
  int ignored = 0;
  bool yes = git_ignore_path_is_ignored(&ignored, g->repo, q) == 0 && ignored;
  free(q);
  return yes;
}

int pr_collect_files(const char *root, pr_file_list *list, char *err, size_t cap) {
  return pr_collect_files_with(root, NULL, list, err, cap);
}

static int pr_walk_tree(const char *root, const pr_walk_options *o, const pr_walk_git *git, pr_file_list *list,
                        char *err, size_t cap);

int pr_collect_files_with(const char *root, const pr_walk_options *options, pr_file_list *list, char *err,
                          size_t cap) {
  pr_walk_options defaults = pr_walk_options_default();
  const pr_walk_options *o = options ? options : &defaults;
  struct stat st;
  if (stat(root, &st) != 0) {
    snprintf(err, cap, "%s: %s", root, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    /* a FIFO, socket or device named on the command line would block or never end */
    if (!S_ISREG(st.st_mode)) {
      snprintf(err, cap, "%s: not a regular file or folder; skipped", root);
      return -1;
    }
    const char *base = strrchr(root, '/');
    if (pr_walkdir__add(list, root, base ? base + 1 : root)) {
      snprintf(err, cap, "%s: out of memory", root);
      return -1;
    }
    return 0;
  }
  pr_walk_git git = {NULL, NULL};
  bool use_git = o->respect_gitignore && pr_walk__in_repository(root);
  if (use_git) {
    if (!pr_walk__inited) git_libgit2_init();
    pr_walk__inited = pr_walk__batch;
    pr_walk_git_open(&git, root);
  }
  int rc = pr_walk_tree(root, o, &git, list, err, cap);
  if (use_git) {
    pr_walk_git_close(&git);
    if (!pr_walk__batch) git_libgit2_shutdown();
  }
  return rc;
}

/* Folders are walked with an explicit stack of pending paths (no recursion). */
static int pr_walk_tree(const char *root, const pr_walk_options *o, const pr_walk_git *git, pr_file_list *list,
                        char *err, size_t cap) {
  size_t root_len = strlen(root);
  while (root_len > 1 && root[root_len - 1] == '/') root_len--;
  char **stack = NULL;
  size_t depth = 0, stack_cap = 0;
  char *first = strndup(root, root_len);
  if (!first) goto oom;
  stack = malloc(sizeof *stack * 16);
  if (!stack) { free(first); goto oom; }
  stack_cap = 16;
  stack[depth++] = first;
  int rc = 0;
  while (depth && rc == 0) {
    char *dir = stack[--depth];
    DIR *d = opendir(dir);
    if (!d) {
      snprintf(err, cap, "%s: %s", dir, strerror(errno));
      free(dir);
      rc = -1;
      break;
    }
    char **names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      if (n == ncap) {
        ncap = ncap ? ncap * 2 : 32;
        char **p = realloc(names, ncap * sizeof *p);
        if (!p) { rc = -2; break; }
        names = p;
      }
      if (!(names[n] = strdup(e->d_name))) { rc = -2; break; }
      n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, pr_walkdir__cmp);
    /* push sub-folders in reverse so they pop in name order, after this folder's files */
    size_t mark = depth;
    for (size_t i = 0; i < n && rc == 0; i++) {
      size_t plen = strlen(dir) + 1 + strlen(names[i]) + 1;
      char *path = malloc(plen);
      if (!path) { rc = -2; break; }
      snprintf(path, plen, "%s/%s", dir, names[i]);
      struct stat es;
      if (lstat(path, &es) != 0) { free(path); continue; }
      const char *relative = path + root_len + 1;
      bool is_dir = S_ISDIR(es.st_mode);
      size_t nl = strlen(names[i]);
      bool wanted = is_dir ? !(o->default_exclusions && pr_walkdir__default_excluded(names[i]))
                           : nl > 3 && !strcmp(names[i] + nl - 3, ".py") &&
                                 (S_ISREG(es.st_mode) ||
                                  (S_ISLNK(es.st_mode) && stat(path, &es) == 0 && S_ISREG(es.st_mode)));
      /* the cheap tests first: libgit2 reads ignore files for its answer */
      if (!wanted || pr_walkdir__excluded(o, relative, names[i], is_dir) || pr_walk_git_ignored(git, relative, is_dir)) {
        free(path);
        continue;
      }
      if (is_dir) {
        if (depth == stack_cap) {
          char **p = realloc(stack, 2 * stack_cap * sizeof *p);
          if (!p) { free(path); rc = -2; break; }
          stack = p;
          stack_cap *= 2;
        }
        stack[depth++] = path;
        continue;
      }
      if (pr_walkdir__add(list, path, relative)) rc = -2;
      free(path);
    }
    for (size_t a = mark, b = depth; a + 1 < b; a++, b--) {
      char *t = stack[a]; stack[a] = stack[b - 1]; stack[b - 1] = t;
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    free(dir);
  }
  while (depth) free(stack[--depth]);
  free(stack);
  if (rc == -2) goto oom;
  return rc;
oom:
  snprintf(err, cap, "%s: out of memory", root);
  return -1;
}

bool pr_file_list_take(pr_file_list *list, pr_file_entry *entry) {
  if (list->count == list->cap) {
    size_t cap = list->cap ? list->cap * 2 : 64;
    pr_file_entry *p = realloc(list->items, cap * sizeof *p);
    if (!p) return false;
    list->items = p;
    list->cap = cap;
  }
  list->items[list->count++] = *entry;
  return true;
}

void pr_file_list_free(pr_file_list *list) {
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].path);
    free(list->items[i].relative);
  }
  free(list->items);
  memset(list, 0, sizeof *list);
}
