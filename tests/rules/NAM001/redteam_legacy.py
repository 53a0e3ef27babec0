# Red-team cases in a Python 2 file (print statements, `except E, e`, `<>`, `0777`); snake_case dominates.
import sys


# negative: the dominant style
def read_lines(file_path):
    try:
        line_list = open(file_path).readlines()
    # positive: Python 2 `except E, name` binding is an own name
    except IOError, ioErr:  # [NAM001]
        print >>sys.stderr, "cannot read", ioErr
        return []
    print "read %d lines" % len(line_list)
    return line_list


# positive: a camelCase function name in a Python 2 file
def writeLines(file_path, line_list):  # [NAM001]
    out_file = open(file_path, "w")
    for line_text in line_list:
        print >>out_file, line_text
    if file_path <> "":
        return 0777
