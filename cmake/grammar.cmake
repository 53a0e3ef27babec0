# The tree-sitter-python grammar comes from npm (pinned in package-lock.json with
# integrity hashes), never from this repository. When node_modules lacks it, the
# configure step installs it with `npm ci --ignore-scripts`.
set(PR_GRAMMAR_DIR ${CMAKE_SOURCE_DIR}/node_modules/tree-sitter-python/src)
if(NOT EXISTS ${PR_GRAMMAR_DIR}/parser.c)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  message(STATUS "tree-sitter-python missing: running npm ci --ignore-scripts")
  execute_process(COMMAND ${NPM_EXECUTABLE} ci --ignore-scripts --no-audit --no-fund
                  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                  RESULT_VARIABLE PR_NPM_RESULT)
  if(NOT PR_NPM_RESULT EQUAL 0 OR NOT EXISTS ${PR_GRAMMAR_DIR}/parser.c)
    message(FATAL_ERROR "npm ci failed: cannot get the tree-sitter-python grammar")
  endif()
endif()

# Third-party generated code: built without our warnings and sanitizers so that a
# sanitizer build reports our bugs, and the 130k-line parser compiles quickly.
add_library(pr_grammar STATIC ${PR_GRAMMAR_DIR}/parser.c ${PR_GRAMMAR_DIR}/scanner.c)
target_include_directories(pr_grammar PRIVATE ${PR_GRAMMAR_DIR})
set_target_properties(pr_grammar PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(pr_grammar PRIVATE -O2 -w -fno-sanitize=all)
