"""Reading policy files: TOML from a path or from a preset shipped inside the package.

Presets and users' own files go through the same functions, so a preset is exactly
what a user could have written. Errors name the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from supportpolicy.errors import PolicyFileError, UnknownNameError

__all__ = ["Table", "preset_names", "read_preset", "read_toml", "require"]

Table = Mapping[str, Any]


def read_toml(path: str | os.PathLike[str]) -> tuple[Table, str]:
    """Parse the TOML file at *path*; return its table and a name for messages."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            return tomllib.load(handle), source
    except FileNotFoundError:
        raise PolicyFileError(f"{source}: no such file; give the path of a TOML file") from None
    except OSError as exc:
        raise PolicyFileError(f"{source}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyFileError(f"{source}: not valid TOML ({exc})") from None


def preset_names(package: str) -> tuple[str, ...]:
    """The preset names shipped as ``presets/<name>.toml`` inside *package*."""
    folder = resources.files(package).joinpath("presets")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def read_preset(package: str, name: str, kind: str) -> tuple[Table, str]:
    """Parse the preset *name* of *package*; unknown names list the accepted ones."""
    names = preset_names(package)
    key = name.strip().lower() if isinstance(name, str) else name
    if key not in names:
        raise UnknownNameError(f"unknown {kind} {name!r}; presets: {', '.join(names)}")
    resource = resources.files(package).joinpath("presets", f"{key}.toml")
    text = resource.read_text(encoding="utf-8")
    source = f"{package}/presets/{key}.toml"
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - presets are tested
        raise PolicyFileError(f"{source}: not valid TOML ({exc})") from None


def require(table: Table, key: str, kind: type | tuple[type, ...], source: str, where: str) -> Any:
    """Return ``table[key]`` if present and of *kind*, else raise naming file and key."""
    if key not in table:
        raise PolicyFileError(f"{source}: {where} has no key {key!r}")
    value = table[key]
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise PolicyFileError(f"{source}: {where}.{key} must not be true/false")
    if not isinstance(value, kind):
        names = (
            " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
        )
        raise PolicyFileError(
            f"{source}: {where}.{key} must be {names}, got {type(value).__name__}"
        )
    return value
