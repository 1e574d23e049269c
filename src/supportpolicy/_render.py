"""The one renderer: a value's facts as a repr line, HTML, a record, JSON or text.

A value says what it is as ONE list of :class:`Fact` rows (its ``_facts()`` method);
this module alone turns that list into every form:

* ``repr(value)``: one short line, ``ClassName(...)``, from the facts with a ``brief``;
* ``value.to_html(locale)`` / ``_repr_html_()``: small tables, labels from the value's
  catalog domain, every text escaped (:mod:`supportpolicy._display`);
* ``value.to_dict()``: a flat, language-neutral record of JSON values, from the facts
  with a ``key``: ISO 8601 instants, Decimals as exact strings, durations as minutes,
  enums as their codes. A fact of kind ``LOCALIZED`` is text for people only: it never
  has a key, so translated text never lands in a record;
* :func:`to_json` and :func:`text`: the record as JSON, the labelled facts as lines.

Values inherit those public methods from :class:`Shown`. Dependencies point one way:
value modules import this module, never the reverse; it knows no value type.

>>> from supportpolicy.i18n import N_
>>> class Ping(Shown):
...     _domain = "sla"
...     def _facts(self):
...         return (Fact("due", N_("Due"), dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC),
...                      Kind.INSTANT, brief="due {}"),)
>>> repr(Ping()), Ping().to_dict()
('Ping(due 2026-01-02T09:00+00:00)', {'due': '2026-01-02T09:00:00+00:00'})
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Protocol, Self, TypeVar

import attrs

from supportpolicy import _display, errors
from supportpolicy.i18n import (
    format_date,
    format_datetime,
    format_decimal,
    format_duration,
    format_money,
    translator,
)
from supportpolicy.i18n.catalogs import DOMAINS

__all__ = [
    "Fact", "Facts", "Kind", "Labelled", "LabelledStr", "Shown", "brief", "html", "label",
    "record", "records", "shown", "text", "to_json",
]  # fmt: skip


class Kind(enum.Enum):
    """How a fact's value is rendered (record form / human form)."""

    TEXT = "text"  # str as it is, in both
    INT = "int"  # int as it is
    BOOL = "bool"  # bool as it is
    ENUM = "enum"  # code (.value) / localized .label(locale)
    INSTANT = "instant"  # ISO 8601 / format_datetime in the fact's zone
    DATE = "date"  # ISO 8601 / format_date
    DURATION = "duration"  # minutes (int when whole) / format_duration
    DECIMAL = "decimal"  # exact string / format_decimal
    MONEY = "money"  # exact string / format_money in the fact's currency
    TARGET = "target"  # short form (4h, 3bd) / .describe(locale)
    LOCALIZED = "localized"  # a function of the locale: text for people, never a record


class _Localized(Protocol):
    def __call__(self, locale: str) -> str: ...


@attrs.frozen
class Fact:
    """One fact of a value.

    ``key`` names its record column (None: not in records); ``label`` is a catalog
    message id of the value's domain (None: not shown to people); ``value`` is the raw
    value and ``kind`` says how to render it; ``brief`` is a format for the repr line
    (``"due {}"``; None: not in the repr). ``zone`` is the timezone instants are shown
    in, ``currency`` that of money, ``none`` the message id shown for a value of None.
    """

    key: str | None
    label: str | _Localized | None
    value: object
    kind: Kind = Kind.TEXT
    brief: str | None = None
    zone: dt.tzinfo | None = None
    currency: str | None = None
    none: str | None = None


Facts = tuple[Fact, ...]


class Shown:
    """The public display methods of a value, once for every value class.

    A subclass (an ``attrs`` frozen, slotted class declared with ``repr=False``) sets
    ``_domain`` to its catalog domain and defines ``_facts()``; it may define
    ``_rows()`` (facts of the table rows shown above its own labelled facts, such as
    a plan's targets per priority), ``_caption(locale)`` and ``_more()`` (values whose
    HTML follows, such as a calendar's weekly hours). ``_layout = "row"`` shows
    the value's own facts as one table row instead of label/value pairs;
    ``_rows_first = False`` puts the rows' table after the pairs.
    """

    __slots__ = ()
    _domain: ClassVar[str] = "core"
    _layout: ClassVar[str] = "pairs"
    _rows_first: ClassVar[bool] = True

    def _facts(self) -> Facts:
        raise NotImplementedError

    def _rows(self) -> tuple[Facts, ...]:
        return ()

    def _caption(self, locale: str) -> str | None:
        return None

    def _more(self) -> tuple[Shown, ...]:
        return ()

    def __repr__(self) -> str:
        return brief(self)

    def to_html(self, locale: str = "en") -> str:
        """An HTML table of the value's facts, labels and values in *locale*."""
        return html(self, locale)

    def _repr_html_(self) -> str:
        """The notebook view: :meth:`to_html` in English."""
        return self.to_html("en")

    def to_dict(self) -> dict[str, Any]:
        """A flat, language-neutral record of JSON values (see :mod:`supportpolicy._render`)."""
        return record(self._facts())


class Labelled(enum.Enum):
    """An enum whose members people see by a catalog label, declared with the member.

    Each member is ``NAME = "code", N_("label")``: the code is its ``.value`` (what
    records, files and pickles hold; lookups by code work as for any enum), the label
    a message id of the catalog domain of the enum's package (``supportpolicy.sla``:
    ``sla``), where the catalog test requires the package's marked messages to be.
    A class outside those packages names its domain as ``__domain__`` (a name with
    two underscores on both sides is never a member). The ``ENUM`` kind shows a
    member by its label. The label is whatever text people see for the member: a
    name (``"breached"``), or for a kind of problem its sentence, whose ``{fields}``
    the caller fills. :class:`LabelledStr` is the same for string enums.

    >>> from supportpolicy.i18n import N_
    >>> class Light(Labelled):
    ...     __domain__ = "sla"
    ...     RED = "red", N_("breached")
    >>> Light("red") is Light.RED, Light.RED.value, Light.RED.label("de")
    (True, 'red', 'verletzt')
    """

    __domain__: ClassVar[str]
    value: str
    _value_: str
    _message: str

    def __new__(cls, *declared: object) -> Self:
        # Runs once per member, when the class is made, with its (code, label); after
        # that, ``Cls(code)`` is Enum's own lookup by code, whose type this signature
        # keeps for mypy.
        return _declared(object.__new__(cls), declared)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        top, _, rest = cls.__module__.partition(".")
        package = rest.split(".")[0]
        if "__domain__" not in cls.__dict__ and top == "supportpolicy" and package in DOMAINS:
            cls.__domain__ = package

    def label(self, locale: object = "en") -> str:
        """The member's label in *locale*."""
        domain = getattr(type(self), "__domain__", None)
        if domain is None:
            raise errors.InvalidTypeError(
                f"{type(self).__name__} names no catalog domain; accepted: a class in a "
                "package of supportpolicy, or one that sets __domain__"
            )
        return translator(locale, domain).gettext(self._message)


_M = TypeVar("_M", bound=Labelled)


class LabelledStr(Labelled, enum.StrEnum):
    """:class:`Labelled` for string enums: each member is also its code as a ``str``.

    >>> from supportpolicy.i18n import N_
    >>> class Door(LabelledStr):
    ...     __domain__ = "coverage"
    ...     PORTAL = "portal", N_("support portal")
    >>> Door.PORTAL == "portal", f"{Door.PORTAL}", Door.PORTAL.label("nl")
    (True, 'portal', 'supportportaal')
    """

    def __new__(cls, *declared: object) -> Self:
        return _declared(str.__new__(cls, declared[0]), declared)


def _declared(member: _M, declared: tuple[object, ...]) -> _M:
    """*member* with its code and label message id from its declaration."""
    match declared:
        case (str() as code, str() as message):
            member._value_, member._message = code, message
            return member
    raise errors.InvalidTypeError(
        f'a labelled enum member is declared as NAME = "code", N_("label"), got '
        f"{errors.shown(declared)}"
    )


# --- one fact in each form ---------------------------------------------------------------


def _code(fact: Fact) -> object:
    """The JSON value of *fact* for records."""
    value, kind = fact.value, fact.kind
    if value is None:
        return None
    if kind is Kind.ENUM:
        return value.value  # type: ignore[attr-defined]
    if kind in (Kind.INSTANT, Kind.DATE):
        return _display.iso(value)  # type: ignore[arg-type]
    if kind is Kind.DURATION:
        return _display.minutes(value)  # type: ignore[arg-type]
    if kind in (Kind.DECIMAL, Kind.MONEY):
        return _display.decimal_text(value)  # type: ignore[arg-type]
    if kind is Kind.TARGET:
        return value.short()  # type: ignore[attr-defined]
    if kind is Kind.LOCALIZED:
        raise TypeError(f"a localized fact has no record form: {fact.key}")
    return value


def _brief_value(fact: Fact) -> str:
    value, kind = fact.value, fact.kind
    if value is None:
        return "-"
    if kind is Kind.INSTANT:
        return _display.short_instant(value)  # type: ignore[arg-type]
    if kind is Kind.DURATION:
        return _compact(value)  # type: ignore[arg-type]
    if kind is Kind.LOCALIZED:
        return str(value("en"))  # type: ignore[operator]
    code = _code(fact)
    return str(code)


_HUMAN: dict[Kind, Callable[[Any, Fact, str], str]] = {
    Kind.ENUM: lambda v, f, loc: str(v.label(loc)),
    Kind.INSTANT: lambda v, f, loc: format_datetime(v, loc, tz=f.zone, format="medium"),
    Kind.DATE: lambda v, f, loc: format_date(v, loc),
    Kind.DURATION: lambda v, f, loc: format_duration(v, loc),
    Kind.DECIMAL: lambda v, f, loc: format_decimal(v, loc),
    Kind.MONEY: lambda v, f, loc: (
        format_decimal(v, loc) if f.currency is None else format_money(v, f.currency, loc)
    ),
    Kind.TARGET: lambda v, f, loc: str(v.describe(loc)),
    Kind.LOCALIZED: lambda v, f, loc: str(v(loc)),
}


def shown(fact: Fact, locale: str, domain: str) -> object:
    """The text of *fact* for a person in *locale*: a str, a tuple of lines, or None
    (shown as a dash)."""
    if fact.value is None:
        return None if fact.none is None else translator(locale, domain).gettext(fact.none)
    human = _HUMAN.get(fact.kind)
    if human is not None:
        return human(fact.value, fact, locale)
    return fact.value if isinstance(fact.value, tuple) else str(fact.value)


def label(fact: Fact, locale: str, domain: str) -> str:
    """The label of *fact* in *locale*."""
    if fact.label is None or isinstance(fact.label, str):
        return translator(locale, domain).gettext(fact.label or "")
    return fact.label(locale)


def _compact(delta: dt.timedelta) -> str:
    """A signed, compact duration for reprs: ``18h00m``, ``-1h30m``, ``0h00m12.5s``."""
    micros = abs((delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds)
    hours, rest = divmod(micros, 3_600_000_000)
    mins, rest = divmod(rest, 60_000_000)
    out = f"{hours}h{mins:02d}m"
    if rest:
        seconds, micro = divmod(rest, 1_000_000)
        out += f"{seconds}.{micro:06d}".rstrip("0").rstrip(".") + "s"
    return ("-" if delta < dt.timedelta(0) else "") + out


# --- a value in each form ----------------------------------------------------------------


def record(facts: Sequence[Fact], prefix: str = "") -> dict[str, Any]:
    """The facts with a key as one flat record of JSON values (keys after *prefix*)."""
    return {prefix + f.key: _code(f) for f in facts if f.key is not None}


def brief(value: Shown) -> str:
    """``ClassName(brief, brief, ...)`` on one line of at most ``REPR_LIMIT`` characters."""
    parts = [
        f.brief.format(_brief_value(f))
        for f in value._facts()
        if f.brief is not None and f.value is not None
    ]
    return _display.clip(f"{type(value).__name__}({', '.join(parts)})", _display.REPR_LIMIT)


def _labelled(facts: Sequence[Fact]) -> list[Fact]:
    return [f for f in facts if f.label is not None]


def html(value: Shown, locale: str) -> str:
    """The value as HTML: a grid of its rows (if any), then its labelled facts, then
    the HTML of the values in ``_more()``."""
    domain = value._domain
    caption = value._caption(locale)
    rows = [_labelled(row) for row in value._rows()]
    own = _labelled(value._facts())
    if value._layout == "row":
        rows, own = [own], []
    tables: list[Callable[[str | None], str]] = []
    if rows:
        header = [label(f, locale, domain) for f in rows[0]]
        cells = [[shown(f, locale, domain) for f in row] for row in rows]
        tables.append(functools.partial(_display.grid, header, cells))
    if own or not rows:
        pairs = [(label(f, locale, domain), shown(f, locale, domain)) for f in own]
        where = len(tables) if value._rows_first else 0
        tables.insert(where, functools.partial(_display.pairs, pairs))
    out = "".join(table(caption if i == 0 else None) for i, table in enumerate(tables))
    return out + "".join(more.to_html(locale) for more in value._more())


def _line(value: object) -> str:
    if value is None:
        return "-"
    return ", ".join(value) if isinstance(value, tuple) else str(value)


def text(value: Shown, locale: str) -> str:
    """The labelled facts as ``Label: value`` lines in *locale*."""
    domain = value._domain
    return "\n".join(
        f"{label(f, locale, domain)}: {_line(shown(f, locale, domain))}"
        for f in _labelled(value._facts())
    )


def to_json(value: Shown) -> str:
    """The record of *value* as JSON text (no NaN, keys in fact order)."""
    return json.dumps(value.to_dict(), ensure_ascii=False, allow_nan=False)


def records(head: Sequence[Fact], children: Sequence[Shown]) -> list[dict[str, Any]]:
    """One record per child, each led by the *head* facts' columns."""
    lead = record(head)
    return [{**lead, **child.to_dict()} for child in children]
