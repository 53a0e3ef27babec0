"""Backward-compatible names."""
# negative: flake8's `# noqa: F401` marks a deliberate re-export
from .models import (  # noqa: F401
    DEFAULT_LIMIT,
    Request,
)
from .utils import to_native  # noqa:F401
import hashlib  # [DED002]

LIMIT = 10
