"""CSV import helpers; parse_row() is half-edited and does not parse."""


def parse_header(line):
    # positive: an intact function before the syntax error
    columns = line.split(",")  # [DED001]
    return line.strip()


def parse_row(line):
    # negative: the broken statement below does not parse, so no finding inside it
    values = line.split(",") +
    return line


def parse_footer(line):
    # positive: an intact function after the syntax error
    checksum = line.rsplit(":", 1)[-1]  # [DED001]
    return line.startswith("#END")
