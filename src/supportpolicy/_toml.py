"""Reading policy files: TOML from a path or from a preset shipped inside the package.

Presets and users' own files go through the same functions, so a preset is exactly
what a user could have written. Errors name the file and the key.
"""

from __future__ import annotations

import functools
import os
import stat
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from supportpolicy import _limits
from supportpolicy.errors import InvalidTypeError, PolicyFileError, UnknownNameError, shown

__all__ = [
    "Table",
    "entries",
    "file_path",
    "preset_names",
    "read_preset",
    "read_text",
    "read_toml",
    "require",
]

Table = Mapping[str, Any]

_ACCEPTED = (
    f"accepted: a regular UTF-8 TOML file of at most {_limits.MAX_TOML_BYTES // (1024 * 1024)} "
    f"MiB, strings of at most {_limits.MAX_TEXT_CHARS} characters, "
    f"nesting of at most {_limits.MAX_TOML_DEPTH} levels"
)


def read_toml(path: object) -> tuple[Table, str]:
    """Parse the TOML file at *path*; return its table and a name for messages.

    This is the loaders' one guard (docs/architecture.md, "Guards"): *path* must be a
    ``str`` or ``os.PathLike`` naming a regular file (devices, FIFOs and folders are
    refused before anything is read); at most :data:`~supportpolicy._limits.MAX_TOML_BYTES`
    are read; the text must be UTF-8 and TOML with no string longer than
    :data:`~supportpolicy._limits.MAX_TEXT_CHARS` and no nesting deeper than
    :data:`~supportpolicy._limits.MAX_TOML_DEPTH`. Anything else raises
    :class:`~supportpolicy.errors.PolicyFileError` (or ``InvalidTypeError`` for a path of
    the wrong type) naming the file.
    """
    text, name = read_text(path, _limits.MAX_TOML_BYTES, _ACCEPTED)
    return _parse(text, name), name


def read_text(path: object, limit: int, accepted: str) -> tuple[str, str]:
    """The UTF-8 text (BOM dropped) of the regular file at *path*, and a name for messages.

    The one file guard of every reader (TOML policy files, CSV logs): devices, FIFOs and
    folders are refused before anything is read, and at most *limit* bytes are read.
    Anything else raises :class:`~supportpolicy.errors.PolicyFileError` naming the file
    and ending with *accepted*.
    """
    source = file_path(path)
    name = source if len(source) <= 120 else f"{source[:50]}...{source[-60:]}"
    try:
        info = os.stat(source)
        if not stat.S_ISREG(info.st_mode):
            raise PolicyFileError(f"{name}: not a regular file; {accepted}")
        if info.st_size > limit:
            raise PolicyFileError(f"{name}: too large ({info.st_size} bytes); {accepted}")
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise PolicyFileError(f"{name}: no such file; give the path of a file") from None
    except OSError as exc:
        raise PolicyFileError(f"{name}: cannot be read ({exc.strerror}); {accepted}") from None
    return decode(data, name, limit, accepted), name


def decode(data: bytes, name: str, limit: int, accepted: str) -> str:
    """*data* read from *name* as UTF-8 text (BOM dropped), refused over *limit* bytes."""
    if len(data) > limit:
        raise PolicyFileError(f"{name}: too large (it grew while read); {accepted}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PolicyFileError(
            f"{name}: not UTF-8 text (byte {exc.start} cannot be decoded); {accepted}"
        ) from None


def file_path(path: object) -> str:
    """The file name *path* gives, refused if it is not a text path or holds a NUL.

    An int (a file descriptor) and bytes are refused: a loader or writer takes a name.
    """
    if isinstance(path, bytes) or not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(
            f"path must be a str or os.PathLike naming a file, got {type(path).__name__}"
        )
    source = os.fspath(path)
    if not isinstance(source, str):
        raise InvalidTypeError(
            f"path must name the file as text, got a {type(source).__name__} path"
        )
    try:
        os.fsencode(source)
    except UnicodeEncodeError:
        raise PolicyFileError(
            f"path {shown(source)} cannot be a file name (it holds a lone surrogate); "
            "give the path of a file"
        ) from None
    if "\0" in source:
        raise PolicyFileError(
            f"path {shown(source)} contains a NUL character; give the path of a file"
        )
    return source


def _parse(text: str, name: str) -> Table:
    """The TOML table of *text*, checked for nesting depth and string length."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyFileError(f"{name}: not valid TOML ({shown(str(exc), 200)})") from None
    except RecursionError:
        raise PolicyFileError(f"{name}: nested too deeply; {_ACCEPTED}") from None
    _check_values(table, name)
    return table


def _check_values(table: Table, name: str) -> None:
    """Refuse strings (keys included) over the text limit and nesting over the depth limit.

    The walk uses an explicit stack, so that it never recurses however deep the data.
    """
    stack: list[tuple[object, int]] = [(table, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > _limits.MAX_TOML_DEPTH:
            raise PolicyFileError(f"{name}: nested too deeply; {_ACCEPTED}")
        if isinstance(value, str):
            if len(value) > _limits.MAX_TEXT_CHARS:
                raise PolicyFileError(
                    f"{name}: a string of {len(value)} characters is too long; {_ACCEPTED}"
                )
        elif isinstance(value, Mapping):
            stack.extend((key, depth + 1) for key in value)
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def entries(table: Table, key: str, kind: type, source: str, where: str) -> Any:
    """``require(table, key, kind, ...)`` for a table or list of entries (plans, rules,
    tiers), refused when it holds more than :data:`~supportpolicy._limits.MAX_FILE_ENTRIES`
    of them, before any entry is built."""
    value = require(table, key, kind, source, where)
    if len(value) > _limits.MAX_FILE_ENTRIES:
        raise PolicyFileError(
            f"{source}: {key} has {len(value)} entries; accepted: at most "
            f"{_limits.MAX_FILE_ENTRIES} in one file"
        )
    return value


@functools.lru_cache(maxsize=16)
def preset_names(package: str) -> tuple[str, ...]:
    """The preset names shipped as ``presets/<name>.toml`` inside *package*.

    Listed once per package and cached (the shipped files do not change while the
    library runs): ``sla.plan("basic")`` used to list the folder on every call.
    """
    folder = resources.files(package).joinpath("presets")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def read_preset(package: str, name: str, kind: str) -> tuple[Table, str]:
    """Parse the preset *name* of *package*; unknown names list the accepted ones."""
    names = preset_names(package)
    key = name.strip().lower() if isinstance(name, str) else name
    if key not in names:
        raise UnknownNameError(f"unknown {kind} {shown(name)}; presets: {', '.join(names)}")
    text = _preset_text(package, key)
    source = f"{package}/presets/{key}.toml"
    try:
        return tomllib.loads(text), source
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - presets are tested
        raise PolicyFileError(f"{source}: not valid TOML ({exc})") from None


@functools.lru_cache(maxsize=64)
def _preset_text(package: str, key: str) -> str:
    """The text of a shipped preset, read once (a ``str``: immutable, safe to share). The
    parsed table is not cached here, since callers get a fresh ``dict``; each loader
    caches the value it builds from it (``sla.plan``, ``coverage.policy``, ...)."""
    return resources.files(package).joinpath("presets", f"{key}.toml").read_text(encoding="utf-8")


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
