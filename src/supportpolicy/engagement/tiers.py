"""CSM and TAM service tiers: monthly working sessions, cadence, session length (003).

The tiers are data: the preset ``presets/tam.toml`` holds document 003's four tiers, and
:func:`load_tiers` reads a user's own file of the same shape with the very same code.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from typing import Any

import attrs

from supportpolicy import _coerce, _toml
from supportpolicy._frozen import FrozenMap, frozen_map
from supportpolicy._render import Fact, Facts, Kind, Labelled, Shown
from supportpolicy.engagement._months import DEFAULT_TIMEZONE, zone
from supportpolicy.engagement.views import months_caption
from supportpolicy.errors import InvalidTypeError, PolicyFileError, UnknownNameError, shown
from supportpolicy.i18n import N_, localize

__all__ = ["Cadence", "TamTier", "TierSet", "load_tiers", "tam_tier", "tam_tiers"]

_PACKAGE = "supportpolicy.engagement"


class Cadence(Labelled):
    """How a tier's working sessions are spread over a month."""

    NONE = "none", N_("no working sessions")
    WEEKLY = "weekly", N_("weekly")
    ALTERNATE_WEEKS = "alternate-weeks", N_("every other week")
    MONTHLY = "monthly", N_("once a month")

    @property
    def step_days(self) -> int:
        """Days between two scheduled sessions (0 when there are none)."""
        return {"none": 0, "weekly": 7, "alternate-weeks": 14, "monthly": 28}[self.value]


def _name_table(value: str | Mapping[str, str]) -> str | Mapping[str, str]:
    """A tier name as stored: a message id, or an immutable copy of a translations table."""
    return value if isinstance(value, str) else FrozenMap(value)


@attrs.frozen(repr=False)
class TamTier(Shown):
    """One tier: its key, display name (a catalog message id or a translations table),
    sessions granted per month, cadence, longest session in minutes, masterclass seats."""

    key: str
    name: str | Mapping[str, str] = attrs.field(converter=_name_table)
    sessions_per_month: int
    cadence: Cadence
    max_minutes: int
    masterclass_seats: int
    timezone: str = DEFAULT_TIMEZONE

    _layout = "row"
    _domain = "engagement"

    def label(self, locale: object = "en") -> str:
        """The tier's localized display name."""
        return localize(self.name, locale, "engagement")

    def _facts(self) -> Facts:
        brief = f"{self.sessions_per_month} sessions/month {self.cadence.value}"
        return (
            Fact("tier", None, self.key, brief="{}"),
            Fact("name", None, self.label("en")),
            Fact(None, N_("Tier"), self.label, Kind.LOCALIZED),
            Fact("sessions_per_month", N_("Sessions per month"), self.sessions_per_month),
            Fact("cadence", N_("Cadence"), self.cadence, Kind.ENUM),
            Fact(None, None, brief, brief="{}"),
            Fact("max_minutes", N_("Longest session in minutes"), self.max_minutes,
                 brief="max {} min"),
            Fact("masterclass_seats", N_("Masterclass seats"), self.masterclass_seats),
            Fact("timezone", None, self.timezone),
        )  # fmt: skip

    def _caption(self, locale: str) -> str:
        return months_caption(self.timezone, locale)


def _tier_table(value: Mapping[str, TamTier]) -> Mapping[str, TamTier]:
    return frozen_map(value)


@attrs.frozen(repr=False)
class TierSet(Shown):
    """A set of tiers read from one file, with the customer timezone it names."""

    tiers: Mapping[str, TamTier] = attrs.field(converter=_tier_table)
    timezone: str
    source: str

    _domain = "engagement"

    def get(self, key: object) -> TamTier:
        """The tier named *key* (case-insensitive); unknown names list the accepted ones."""
        if isinstance(key, TamTier):
            return key
        if not isinstance(key, str):
            raise InvalidTypeError(f"tier must be a name such as 'a', got {type(key).__name__}")
        found = self.tiers.get(key.strip().lower())
        if found is None:
            raise UnknownNameError(f"unknown tier {shown(key)}; accepted: {', '.join(self.tiers)}")
        return found

    def _facts(self) -> Facts:
        return (
            Fact(None, None, f"{', '.join(self.tiers)}; {self.timezone}", brief="{}"),
            Fact("timezone", None, self.timezone),
            Fact("source", None, self.source),
        )

    def _rows(self) -> tuple[Facts, ...]:
        return tuple(tier._facts() for tier in self.tiers.values())

    def _caption(self, locale: str) -> str:
        return months_caption(self.timezone, locale)

    def records(self) -> list[dict[str, Any]]:
        """One flat row per tier, for ``pandas.DataFrame(tiers.records())``."""
        return [tier.to_dict() for tier in self.tiers.values()]


def _count(table: _toml.Table, key: str, source: str, where: str) -> int:
    value: int = _toml.require(table, key, int, source, where)
    if value < 0:
        raise PolicyFileError(f"{source}: {where}.{key} must be >= 0, got {value}")
    return value


def _tier(key: str, table: object, source: str, timezone: str) -> TamTier:
    where = f"tiers.{key}"
    if not isinstance(table, Mapping):
        raise PolicyFileError(f"{source}: {where} must be a table")
    name = _toml.require(table, "name", (str, dict), source, where)
    texts = [name] if isinstance(name, str) else list(name.values())
    if not texts or not all(isinstance(v, str) and v.strip() for v in texts):
        raise PolicyFileError(
            f"{source}: {where}.name must be a non-empty text or a table of non-empty texts "
            'by locale, such as {en = "Gold", de = "Gold"}'
        )
    cadence_text = _toml.require(table, "cadence", str, source, where)
    try:
        cadence = _coerce.member(Cadence, cadence_text, "cadence")
    except ValueError as exc:
        raise PolicyFileError(f"{source}: {where}.cadence: {exc}") from None
    max_minutes = _count(table, "max_minutes", source, where)
    if max_minutes == 0:
        raise PolicyFileError(f"{source}: {where}.max_minutes must be > 0")
    return TamTier(
        key=key.lower(),
        name=name,
        sessions_per_month=_count(table, "sessions_per_month", source, where),
        cadence=cadence,
        max_minutes=max_minutes,
        masterclass_seats=_count(table, "masterclass_seats", source, where),
        timezone=timezone,
    )


def _parse(table: _toml.Table, source: str) -> TierSet:
    _toml.require(table, "source", str, source, "file")
    timezone = table.get("timezone", DEFAULT_TIMEZONE)
    if not isinstance(timezone, str):
        raise PolicyFileError(f"{source}: timezone must be an IANA name string")
    try:
        zone(timezone)
    except ValueError as exc:
        raise PolicyFileError(f"{source}: timezone: {exc}") from None
    tiers = _toml.entries(table, "tiers", dict, source, "file")
    if not tiers:
        raise PolicyFileError(f"{source}: tiers is empty; define at least one [tiers.NAME]")
    parsed = {key.lower(): _tier(key, value, source, timezone) for key, value in tiers.items()}
    return TierSet(tiers=parsed, timezone=timezone, source=source)


def load_tiers(path: str | os.PathLike[str]) -> TierSet:
    """Read tiers from the TOML file at *path* (the shape of ``presets/tam.toml``)."""
    return _parse(*_toml.read_toml(path))


@functools.lru_cache(maxsize=1)
def tam_tiers() -> TierSet:
    """The four tiers of document 003: ``csm``, ``a``, ``b``, ``c``."""
    return _parse(*_toml.read_preset(_PACKAGE, "tam", "tier preset"))


def tam_tier(key: object) -> TamTier:
    """The preset tier named *key* (``csm``, ``a``, ``b`` or ``c``).

    >>> tier = tam_tier("B")
    >>> tier.sessions_per_month, tier.cadence.value, tier.masterclass_seats
    (2, 'alternate-weeks', 1)
    """
    return tam_tiers().get(key)
