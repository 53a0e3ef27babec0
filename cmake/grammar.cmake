# The tree-sitter runtime and the tree-sitter-python grammar both come from npm
# (pinned in package-lock.json with integrity hashes), never from this repository.
# When node_modules lacks them, the configure step runs `npm ci --ignore-scripts`.
#
# The runtime is the C library that ships inside the npm package `tree-sitter`
# (vendor/tree-sitter/lib, one amalgamated lib.c). Debian's libtree-sitter 0.20.7
# double-frees a tree with 65,533+ unclosed brackets (issue 6); 0.25.0 does not.
set(PR_GRAMMAR_DIR ${CMAKE_SOURCE_DIR}/node_modules/tree-sitter-python/src)
# The TOML grammar (configuration files: core/config/toml.c), from npm as well.
set(PR_TOML_GRAMMAR_DIR ${CMAKE_SOURCE_DIR}/node_modules/@tree-sitter-grammars/tree-sitter-toml/src)
set(PR_TS_RUNTIME_DIR ${CMAKE_SOURCE_DIR}/node_modules/tree-sitter/vendor/tree-sitter/lib)
if(NOT EXISTS ${PR_GRAMMAR_DIR}/parser.c OR NOT EXISTS ${PR_TS_RUNTIME_DIR}/src/lib.c
   OR NOT EXISTS ${PR_TOML_GRAMMAR_DIR}/parser.c)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  message(STATUS "tree-sitter runtime or grammar missing: running npm ci --ignore-scripts")
  execute_process(COMMAND ${NPM_EXECUTABLE} ci --ignore-scripts --no-audit --no-fund
                  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
                  RESULT_VARIABLE PR_NPM_RESULT)
  if(NOT PR_NPM_RESULT EQUAL 0 OR NOT EXISTS ${PR_GRAMMAR_DIR}/parser.c
     OR NOT EXISTS ${PR_TS_RUNTIME_DIR}/src/lib.c OR NOT EXISTS ${PR_TOML_GRAMMAR_DIR}/parser.c)
    message(FATAL_ERROR "npm ci failed: cannot get the tree-sitter runtime and grammar")
  endif()
endif()

# Third-party code: built without our warnings and sanitizers so that a sanitizer
# build reports our bugs (ASan still checks every malloc/free the runtime makes),
# and the 130k-line parser compiles quickly.
# A fuzz build (PYREVIEW_FUZZ) adds edge coverage and nothing else: libFuzzer
# then sees which lexer, scanner and parser paths (error recovery above all) an
# input reaches, and keeps inputs that give the rules new kinds of trees or
# push tree-sitter somewhere new (where the 65k-bracket double free was). Not
# -fsanitize=fuzzer-no-link: its comparison tracing in the lexer and the parse
# tables made every execution about a quarter slower for guesses the
# dictionaries already give; and no sanitizers, so reports point at our code.
set(PR_THIRD_PARTY_FLAGS -O2 -w -fno-sanitize=all)
if(PYREVIEW_FUZZ)
  list(APPEND PR_THIRD_PARTY_FLAGS -fsanitize-coverage=inline-8bit-counters,pc-table)
endif()
add_library(pr_treesitter STATIC ${PR_TS_RUNTIME_DIR}/src/lib.c)
target_include_directories(pr_treesitter
  PUBLIC ${PR_TS_RUNTIME_DIR}/include
  PRIVATE ${PR_TS_RUNTIME_DIR}/src ${PR_TS_RUNTIME_DIR}/src/wasm)
set_target_properties(pr_treesitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_definitions(pr_treesitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
target_compile_options(pr_treesitter PRIVATE ${PR_THIRD_PARTY_FLAGS})

add_library(pr_grammar STATIC ${PR_GRAMMAR_DIR}/parser.c ${PR_GRAMMAR_DIR}/scanner.c)
target_include_directories(pr_grammar PRIVATE ${PR_GRAMMAR_DIR})
set_target_properties(pr_grammar PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(pr_grammar PRIVATE ${PR_THIRD_PARTY_FLAGS})
target_link_libraries(pr_grammar PUBLIC pr_treesitter)

# tree_sitter_toml(): ABI 14 like the Python grammar, same runtime.
add_library(pr_grammar_toml STATIC ${PR_TOML_GRAMMAR_DIR}/parser.c ${PR_TOML_GRAMMAR_DIR}/scanner.c)
target_include_directories(pr_grammar_toml PRIVATE ${PR_TOML_GRAMMAR_DIR})
set_target_properties(pr_grammar_toml PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(pr_grammar_toml PRIVATE ${PR_THIRD_PARTY_FLAGS})
target_link_libraries(pr_grammar_toml PUBLIC pr_treesitter)
