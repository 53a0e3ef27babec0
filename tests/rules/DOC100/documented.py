# negative: a comment, then the docstring
"""Loading of the monthly exports."""
import csv
