/* Unit tests: which files a folder walk finds (core/config/walkdir.c): the
 * default exclusions, `exclude` globs, .gitignore through libgit2 in a
 * repository made here, and files named explicitly. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <git2.h>

#include "walkdir.h"

static char base[64];

/* Writes base/rel, creating its folders. */
static void put(const char *rel, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", base, rel);
  for (char *p = path + strlen(base) + 1; (p = strchr(p, '/')); p++) {
    *p = 0;
    mkdir(path, 0755);
    *p = '/';
  }
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* The walk of base/rel as "relative\n" lines (the paths below the walked folder). */
static const char *walk(const char *rel, const pr_walk_options *o) {
  static char out[4096];
  char root[512], err[256];
  snprintf(root, sizeof root, "%s%s%s", base, *rel ? "/" : "", rel);
  pr_file_list list = {0};
  out[0] = 0;
  if (pr_collect_files_with(root, o, &list, err, sizeof err) != 0) {
    snprintf(out, sizeof out, "error: %s", err);
  } else {
    for (size_t i = 0; i < list.count; i++) {
      size_t n = strlen(out);
      snprintf(out + n, sizeof out - n, "%s\n", list.items[i].relative);
    }
  }
  pr_file_list_free(&list);
  return out;
}

static int setup(void **state) {
  snprintf(base, sizeof base, "/tmp/pr_walkdir_XXXXXX");
  assert_non_null(mkdtemp(base));
  return 0;
}

static int teardown(void **state) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
  return system(cmd) == 0 ? 0 : -1;
}

static void default_exclusions_skip_tool_folders(void **state) {
  const char *folders[] = {".git", ".tox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist",
                           "_build", "buck-out", "site-packages", "__pypackages__"};
  char rel[128];
  for (size_t i = 0; i < sizeof folders / sizeof *folders; i++) {
    snprintf(rel, sizeof rel, "%s/x.py", folders[i]);
    put(rel, "x = 1\n");
  }
  put("pkg/a.py", "");
  put("pkg/notes.txt", "");
  put("pkg/sub/b.py", "");
  put("top.py", "");
  put(".hidden.py", "");  /* a hidden file is not a hidden folder */
  pr_walk_options o = pr_walk_options_default();
  assert_string_equal(walk("", &o), ".hidden.py\ntop.py\npkg/a.py\npkg/sub/b.py\n");
  o.default_exclusions = false;
  const char *all = walk("", &o);
  assert_non_null(strstr(all, "site-packages/x.py\n"));
  assert_non_null(strstr(all, ".git/x.py\n"));
  assert_non_null(strstr(all, "pkg/sub/b.py\n"));
}

static void exclude_globs_match_the_relative_path_or_the_name(void **state) {
  put("app/models.py", "");
  put("app/models_pb2.py", "");
  put("app/gen/api.py", "");
  put("app/fixtures/case.py", "");
  put("fixtures.py", "");  /* a file: `fixtures/` names folders only */
  put("legacy/old.py", "");
  put("keep/legacy.py", "");
  const char *globs[] = {"*_pb2.py", "app/gen", "fixtures/", "./legacy"};
  pr_walk_options o = pr_walk_options_default();
  o.exclude = globs;
  o.exclude_count = 4;
  /* legacy.py's name is not "legacy"; `*` crosses `/`, so *_pb2.py also matches below folders */
  assert_string_equal(walk("", &o), "fixtures.py\napp/models.py\nkeep/legacy.py\n");
  /* relative to the walked folder: "gen" below app/ is not "app/gen" */
  assert_string_equal(walk("app", &o), "models.py\ngen/api.py\n");
}

static void a_file_named_explicitly_is_always_taken(void **state) {
  put("gen/x_pb2.py", "");
  put("script", "#!/usr/bin/env python3\n");
  put(".gitignore", "gen/\n");
  git_libgit2_init();
  git_repository *repo;
  assert_int_equal(git_repository_init(&repo, base, 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  const char *globs[] = {"*_pb2.py"};
  pr_walk_options o = pr_walk_options_default();
  o.exclude = globs;
  o.exclude_count = 1;
  assert_string_equal(walk("gen/x_pb2.py", &o), "x_pb2.py\n");
  assert_string_equal(walk("script", &o), "script\n");
  assert_string_equal(walk("", &o), "");
}

static void gitignore_rules_apply_inside_a_repository(void **state) {
  put(".gitignore", "/out/\n*_pb2.py\n!keep_pb2.py\nscratch*\n");
  put("src/app.py", "");
  put("src/api_pb2.py", "");
  put("src/keep_pb2.py", "");
  put("src/scratch_test.py", "");
  put("src/.gitignore", "local.py\n");
  put("src/local.py", "");
  put("src/out/c.py", "");  /* /out/ is anchored to the top folder */
  put("out/d.py", "");
  put("out/deep/e.py", "");
  put("mine.py", "");
  git_libgit2_init();
  git_repository *repo;
  assert_int_equal(git_repository_init(&repo, base, 0), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  put(".git/info/exclude", "mine.py\n");

  pr_walk_options o = pr_walk_options_default();
  assert_string_equal(walk("", &o), "src/app.py\nsrc/keep_pb2.py\nsrc/out/c.py\n");
  /* a folder below the work tree: the top .gitignore still applies */
  assert_string_equal(walk("src", &o), "app.py\nkeep_pb2.py\nout/c.py\n");
  /* a folder git ignores, named explicitly: walked, .gitignore not applied below it */
  assert_string_equal(walk("out", &o), "d.py\ndeep/e.py\n");
  o.respect_gitignore = false;
  assert_string_equal(walk("", &o),
                      "mine.py\nout/d.py\nout/deep/e.py\nsrc/api_pb2.py\nsrc/app.py\nsrc/keep_pb2.py\nsrc/local.py\n"
                      "src/scratch_test.py\nsrc/out/c.py\n");
}

static void gitignore_outside_a_repository_is_not_read(void **state) {
  put(".gitignore", "*.py\n");
  put("a.py", "");
  pr_walk_options o = pr_walk_options_default();
  assert_string_equal(walk("", &o), "a.py\n");
}

static void a_missing_path_is_an_error(void **state) {
  pr_walk_options o = pr_walk_options_default();
  const char *got = walk("nope", &o);
  assert_non_null(strstr(got, "nope: No such file or directory"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(default_exclusions_skip_tool_folders, setup, teardown),
    cmocka_unit_test_setup_teardown(exclude_globs_match_the_relative_path_or_the_name, setup, teardown),
    cmocka_unit_test_setup_teardown(a_file_named_explicitly_is_always_taken, setup, teardown),
    cmocka_unit_test_setup_teardown(gitignore_rules_apply_inside_a_repository, setup, teardown),
    cmocka_unit_test_setup_teardown(gitignore_outside_a_repository_is_not_read, setup, teardown),
    cmocka_unit_test_setup_teardown(a_missing_path_is_an_error, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
