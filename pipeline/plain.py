"""Turn typed values into plain data (dicts, lists, text, numbers) for YAML, the Word template's
context and the Typst template's JSON: one conversion for all, steered by field metadata.

A dataclass becomes a dict of its fields in the order they are declared; a field's metadata may
skip it (`SKIP`: only Python reads it), write it under another key (`{KEY: "id"}`), write its own
fields in place of it (`FLATTEN`) or leave it out while it has its default (`OMIT_DEFAULT`).
Enums become their values, dates ISO 8601, mappings dicts and sequences lists. Each caller may
convert some types its own way first (a path relative to the sources, a footnote as a token).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

Plain: TypeAlias = None | bool | int | float | str | list["Plain"] | dict[str, "Plain"]
Converters: TypeAlias = Mapping[type, Callable[[Any], Plain]]

KEY = "plain.key"
SKIP: Mapping[str, object] = {"plain.skip": True}
FLATTEN: Mapping[str, object] = {"plain.flatten": True}
OMIT_DEFAULT: Mapping[str, object] = {"plain.omit_default": True}


def plain(value: object, convert: Converters | None = None) -> Plain:
    """Return *value* as plain data; *convert* maps types to their own conversions, tried first."""
    convert = convert or {}
    for kind, converter in convert.items():
        if isinstance(value, kind):
            return converter(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, enum.Enum):
        return plain(value.value, convert)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value, convert)
    if isinstance(value, Mapping):
        return {str(key): plain(item, convert) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item, convert) for item in value]
    raise TypeError(f"no plain form for a {type(value).__name__}")


def _fields(value: Any, convert: Converters) -> dict[str, Plain]:
    data: dict[str, Plain] = {}
    for field in dataclasses.fields(value):
        metadata = field.metadata
        item = getattr(value, field.name)
        if metadata.get("plain.skip"):
            continue
        if metadata.get("plain.omit_default") and item == field.default:
            continue
        converted = plain(item, convert)
        written = (
            converted if metadata.get("plain.flatten") else {str(metadata.get(KEY, field.name)): converted}
        )
        if not isinstance(written, dict):
            raise TypeError(f"cannot write the field {field.name} in place: it is not a record")
        for key in written:
            if key in data:
                raise TypeError(f"two fields of a {type(value).__name__} are written as '{key}'")
        data.update(written)
    return data
