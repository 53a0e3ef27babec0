"""Stranded code: an indented function after a class."""
import os


class Store:
    """A store."""

    def path(self):
        """Where it is."""
        return os.getcwd()


  def build_path(path, name, suffix, mode, owner, group):
        first = os.getcwd()
        second = os.getcwd()
        third = os.getcwd()
        fourth = os.getcwd()
        return os.path.join(path, first, second, third, fourth)


# negative: Python rejects the indented `def` ("unexpected indent"); it is
# a method cut from its class by a syntax error above, as tree-sitter's
# recovery leaves it, so it is not judged as a public function
def public_helper(path):  # [DOC102]
    first = os.getcwd()
    second = os.getcwd()
    third = os.getcwd()
    fourth = os.getcwd()
    return os.path.join(path, first, second, third, fourth)
