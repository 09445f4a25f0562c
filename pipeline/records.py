"""Read located YAML mappings into complete records, or into problems: never a half-built record.

A record is described once, as a table of its keys: each key's reader (pipeline.schema), and
its default when it is optional. `Record.read` reports unknown keys (suggesting the closest),
missing required keys and every problem the readers find, all located in the file, and returns
the record only when none was found. Nothing is raised, so that one run reports every problem in
every file; a stage fails once, at its end.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pipeline import yamlio
from pipeline.errors import Diagnostics, Location, SourceError, excerpt
from pipeline.yamlio import YMap, YNull, YSeq, YValue

T = TypeVar("T")
R = TypeVar("R")


class Scope:
    """Where values are being read: the record they belong to (`context`, such as "message 'm1'"),
    the values of that record read so far, and whether a problem was found here or below."""

    def __init__(self, diagnostics: Diagnostics, context: str = "", parent: Scope | None = None):
        self.diagnostics = diagnostics
        self.context = context
        self.parent = parent
        self.failed = False
        self.values: dict[str, Any] = {}

    @property
    def where(self) -> str:
        """Return " in <context>" for a problem's message ("in message 'm1'"), or nothing."""
        return f" in {self.context}" if self.context else ""

    def within(self, context: str) -> Scope:
        """Return a scope below this one, for a record or a value inside it, named by *context*."""
        return Scope(self.diagnostics, context, self)

    def problem(self, location: Location, message: str) -> None:
        """Record a problem; this scope and the scopes above it have failed."""
        self.diagnostics.problem(location, message)
        scope: Scope | None = self
        while scope is not None:
            scope.failed = True
            scope = scope.parent

    def notice(self, location: Location, message: str) -> None:
        """Record something the editor should know that is not a problem."""
        self.diagnostics.notice(location, message)


Reader = Callable[[YValue, str, Scope], T | None]
"""Read one value named *name* (its key) in a scope; record problems there; None if unreadable."""


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Field(Generic[T]):
    """One key of a record: how its value is read, and its default if it may be left out.

    A field `after` another is read once that one has been (and so on, down a chain), and its
    reader sees the value in `scope.values`.
    """

    read: Reader[T]
    default: T = REQUIRED
    after: str | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


class Fields:
    """The keys of one located mapping."""

    def __init__(self, mapping: YMap):
        self.mapping = mapping
        self.location = mapping.location

    def get(self, key: str) -> YValue | None:
        """Return the value of *key*, or None when it is absent or empty."""
        value = self.mapping.get(key)
        return None if isinstance(value, YNull) else value

    def keys(self) -> list[str]:
        return list(self.mapping)

    def key_location(self, key: str) -> Location:
        return self.mapping.key_locations.get(key, self.location)

    def check(
        self, allowed: Iterable[str], required: Iterable[str], context: str, scope: Scope, noun: str = "key"
    ) -> None:
        """Report keys not in *allowed* (suggesting the closest) and keys of *required* not given."""
        allowed = tuple(allowed)
        suggested = set()
        for key, key_location in self.mapping.key_locations.items():
            if key in allowed:
                continue
            suggested.add(closest(key, allowed))
            scope.problem(
                key_location, f"unknown {noun} '{excerpt(key)}' in {context} ({expectation(key, allowed)})"
            )
        for key in required:
            # A misspelt key was already reported with this key as its suggestion.
            if key not in suggested and self.get(key) is None:
                scope.problem(self.key_location(key), f"{context} has no '{key}'")


def mapping(value: YValue, what: str, scope: Scope) -> Fields | None:
    """Return the keys of *value*, or None (reported) when it is not a mapping."""
    if isinstance(value, YMap):
        return Fields(value)
    scope.problem(value.location, f"expected {what} as a mapping of keys, found {kind_of(value)}")
    return None


@dataclass(frozen=True)
class Placed:
    """Where a record is written: its own place, and the place of each of its keys."""

    location: Location
    keys: Mapping[str, Location]


@dataclass(frozen=True)
class Record(Generic[R]):
    """How to read one kind of record: *what* it is ("an event"), its fields, and *make*, which
    builds it from the values read and where they are written.

    A record `named_by` a key and a noun, such as ("id", "event"), is named by that key's value in
    every problem found in it ("in event 'talks-2023'"), and located where that value is written.
    """

    what: str
    fields: Mapping[str, Field[Any]]
    make: Callable[[dict[str, Any], Placed], R]
    named_by: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        for key in self.fields:
            self._depth(key)

    def _depth(self, key: str) -> int:
        """Return how many fields *key* is read after (0 for a first-pass field)."""
        seen = [key]
        while (after := self.fields[seen[-1]].after) is not None:
            if after not in self.fields:
                raise ValueError(
                    f"field '{seen[-1]}' is read after '{after}', which is not one of its fields"
                )
            if after in seen:
                raise ValueError(f"field '{after}' is read after itself (through {', '.join(seen)})")
            seen.append(after)
        return len(seen) - 1
        if self.named_by and self.named_by[0] not in self.fields:
            raise ValueError(f"the record is named by '{self.named_by[0]}', which is not one of its fields")

    def read(self, value: YValue, parent: Scope) -> R | None:
        """Return the record written in *value*, or None when a problem was found (recorded)."""
        scope = parent.within("")
        fields = mapping(value, self.what, scope)
        if fields is None:
            return None
        location = fields.location
        label = self.what
        name_key = None
        if self.named_by is not None:
            name_key, noun = self.named_by
            name = fields.get(name_key)
            if name is not None:
                scope.context = self.what
                scope.values[name_key] = self._read(name_key, name, scope)
                location = name.location
            written = scope.values.get(name_key)
            label = f"{noun} '{excerpt(str(written))}'" if written else self.what
            scope.context = label
        required = [key for key, field in self.fields.items() if field.required]
        fields.check(self.fields, required, label, scope)
        ordered = sorted(self.fields.items(), key=lambda item: self._depth(item[0]))
        for key, field in ordered:
            if key == name_key:
                continue
            item = fields.get(key)
            if item is not None:
                scope.values[key] = self._read(key, item, scope)
            elif not field.required:
                scope.values[key] = field.default
        if scope.failed:
            return None
        placed = Placed(location, dict(fields.mapping.key_locations))
        return self.make({key: scope.values[key] for key in self.fields}, placed)

    def read_as_value(self, value: YValue, name: str, scope: Scope) -> R | None:
        """Read the record as the value of a key of another record (a Reader)."""
        return self.read(value, scope)

    def _read(self, key: str, value: YValue, scope: Scope) -> Any:
        """Read one field; a reader that gives nothing must have recorded why."""
        failed = scope.failed
        scope.failed = False
        read = self.fields[key].read(value, key, scope)
        if read is None and not scope.failed:
            raise ValueError(f"the reader of '{key}' returned nothing and recorded no problem")
        scope.failed = scope.failed or failed
        return read


def sequence(value: YValue, name: str, scope: Scope) -> YSeq | None:
    """Return *value* as a list, or None (reported) when it is not one."""
    if isinstance(value, YSeq):
        return value
    scope.problem(value.location, f"expected a list for {name}{scope.where}, found {kind_of(value)}")
    return None


def load_yaml(
    path: Path, diagnostics: Diagnostics, load: Callable[[Path], YValue | None] = yamlio.load
) -> YValue | None:
    """Return the located content of *path* (read by *load*), recording its problems; None if
    unreadable or empty."""
    try:
        content = load(path)
    except SourceError as error:
        diagnostics.problems.extend(error.problems)
        return None
    if content is None:
        diagnostics.problem(Location(path), "the file is empty")
    return content


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the one of *choices* most like *word*, if any is close enough to be a misspelling."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def expectation(word: str, choices: Iterable[str]) -> str:
    """Return "did you mean 'x'?" for a close choice, else "expected one of: a, b, c"."""
    choices = tuple(choices)
    suggestion = closest(word, choices)
    return f"did you mean '{suggestion}'?" if suggestion else f"expected one of: {', '.join(choices)}"


def kind_of(value: YValue) -> str:
    """Return how a problem names what was written: "a mapping", "a list", "nothing", "'text'"."""
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    if isinstance(value, YNull):
        return "nothing"
    return f"'{excerpt(value)}'"
