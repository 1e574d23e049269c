"""An immutable, hashable, picklable mapping for the fields of value objects.

``types.MappingProxyType`` is read-only but neither hashable nor picklable, so a value
holding one can be neither a dict key nor sent to another process. :class:`FrozenMap`
copies its items once, keeps their order, compares like any mapping, hashes by its
items and pickles as its items.

>>> table = FrozenMap({"en": "Gold", "de": "Gold"})
>>> table["de"], table == {"en": "Gold", "de": "Gold"}, hash(table) == hash(FrozenMap(table))
('Gold', True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenMap", "frozen_map"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only copy of a mapping (or of an iterable of pairs)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._items: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return self._items == dict(other.items())

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._items,))

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"


def frozen_map(items: Mapping[K, V]) -> FrozenMap[K, V]:
    """*items* as a :class:`FrozenMap` (a typed converter for ``attrs`` fields)."""
    return items if isinstance(items, FrozenMap) else FrozenMap(items)
