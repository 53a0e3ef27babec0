from __future__ import annotations  # [DOC100]
"""A string after a __future__ import is not a docstring."""
