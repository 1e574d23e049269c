"""numpy for the batch API, or a clear error naming the extra to install.

numpy is not a dependency of the core library: it comes with the optional extra
``supportpolicy[frames]`` (with pandas). Importing :mod:`supportpolicy.batch` without it
raises :class:`~supportpolicy.errors.MissingExtraError`. pandas is imported only where
a pandas value is given or a frame is built (:func:`pandas`).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from supportpolicy.errors import MissingExtraError

__all__ = ["INSTALL", "missing", "np", "pandas", "pandas_if_loaded"]

INSTALL = 'pip install "supportpolicy[frames]"'


def missing(package: str) -> MissingExtraError:
    """The error raised when *package* of the ``frames`` extra is not installed."""
    return MissingExtraError(
        f"supportpolicy.batch needs {package}, which is not installed; "
        f"install the extra with: {INSTALL}"
    )


def _numpy() -> ModuleType:
    try:
        return importlib.import_module("numpy")
    except ImportError:
        raise missing("numpy") from None


np = _numpy()


def pandas() -> ModuleType:
    """The pandas module, or :class:`MissingExtraError` naming the extra."""
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise missing("pandas") from None


def pandas_if_loaded() -> ModuleType | None:
    """pandas if something already imported it (a pandas value can exist only then)."""
    return sys.modules.get("pandas")
