# `cmake --install build --prefix DIR`: bin/pyreview and share/man/man1/pyreview.1.
# `cpack --config build/CPackConfig.cmake` (or `cmake --build build --target
# package`): a .deb of the same two files, its Depends computed by
# dpkg-shlibdeps (Debian's dpkg-dev) from the libraries the binary links.
include(GNUInstallDirs)

# one version: the one `pyreview --version` prints
file(STRINGS ${CMAKE_SOURCE_DIR}/cli/main.c PR_VERSION_LINE REGEX "^#define PR_VERSION \"")
string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" PR_VERSION "${PR_VERSION_LINE}")

install(TARGETS pyreview RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/docs/pyreview.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(PYREVIEW_DEB_MAINTAINER "pyreview maintainers <maintainers@pyreview.invalid>"
    CACHE STRING "The Maintainer field of the .deb CPack builds")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pyreview)
set(CPACK_PACKAGE_VERSION ${PR_VERSION})
set(CPACK_PACKAGE_VENDOR "pyreview")
set(CPACK_PACKAGE_CONTACT "${PYREVIEW_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "language server and command-line reviewer for Python code")
# the extended description, below the summary (CPack indents it)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "pyreview turns the points a code review makes about Python code into
reproducible rules: security defects with CWE identifiers, swallowed
exceptions, weak tests, missing documentation, over-long functions, unused
code and inconsistent naming. It runs as a language server in editors
(pyreview serve) and as a report in CI (pyreview check).")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PYREVIEW_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# libuv1, libjansson4, libgit2-1.5 and libc6, with the versions the binary needs
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
