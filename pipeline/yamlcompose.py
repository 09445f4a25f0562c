"""Compose YAML into PyYAML's node tree strictly: anchors, aliases, explicit tags and nesting
past limits.YAML_DEPTH are refused where they stand (pipeline.yamlio turns the tree into located
values).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import Node
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from pipeline import limits
from pipeline.errors import excerpt


class Rejected(Exception):
    """A file refused for what it holds (an anchor, an alias, a tag, nesting too deep), where."""

    # Any: PyYAML has two Mark classes, its own and libyaml's.
    def __init__(self, node_mark: Any, message: str):
        self.mark = node_mark
        self.message = message


class _StrictComposer(Composer):
    """A composer that refuses anchors, aliases, explicit tags and nesting past limits.YAML_DEPTH
    (it composes recursively: some 320 levels exhaust Python's stack)."""

    peek_event: Callable[[], Any]  # from the Parser it is mixed with (events differ in their fields)
    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if self.depth >= limits.YAML_DEPTH.value:
            raise Rejected(event.start_mark, limits.YAML_DEPTH.message())
        if isinstance(event, AliasEvent):
            raise Rejected(
                event.start_mark,
                f"YAML alias '*{excerpt(str(event.anchor))}' is not allowed (write the value out)",
            )
        if event.anchor is not None:
            raise Rejected(
                event.start_mark,
                f"YAML anchor '&{excerpt(str(event.anchor))}' is not allowed (write the value out)",
            )
        tag = getattr(event, "tag", None)
        if tag == "!":  # the non-specific tag: YAML drops a '!' the editor meant as text
            raise Rejected(
                event.start_mark,
                "YAML reads a '!' at the start of a value as a tag and drops it: "
                "put the whole text in quotes",
            )
        if tag is not None:
            written = tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise Rejected(event.start_mark, f"YAML tag '{excerpt(written)}' is not allowed")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _StrictLoader(Reader, Scanner, Parser, _StrictComposer, BaseResolver):
    def __init__(self, stream: Any):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self)
        BaseResolver.__init__(self)


# libyaml's parser, in C, composes a large file seven times as fast; it is used for files written
# as editors write them, and PyYAML's own parser for anything else (tabs, other line breaks, a
# byte-order mark, directives, control characters, characters beyond U+FFFF, a comment stuck to a
# block scalar's "|", which libyaml alone accepts, flow mappings "{…}", where it places an empty
# value one column off) and for any file libyaml refuses, so that what is accepted and every
# message stay PyYAML's (tests/test_yaml_fast.py reads mutated files both ways).
_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
_NOT_PLAIN = re.compile(
    rb"[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xef\xbb\xbf|^%|[\xf0-\xf4]|[|>][-+0-9]*#|\{",
    re.MULTILINE,
)


def compose(data: bytes, fast: bool = True) -> Node | None:
    """Return the node tree of the YAML *data*, composed by libyaml when it can (see above);
    raise Rejected, or PyYAML's error."""
    if fast and _CParser is not None and not _NOT_PLAIN.search(data):
        try:
            return _compose_with(_FastLoader(data))
        except Exception:  # refused (or a limit reached): PyYAML says why, in its own words
            pass
    return _compose_with(_StrictLoader(io.BytesIO(data)))


def _compose_with(loader: Any) -> Node | None:
    try:
        node: Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


if _CParser is not None:

    class _FastLoader(_StrictComposer, _CParser, BaseResolver):  # type: ignore[misc]
        """libyaml's parser under the strict composer (which asks it for events)."""

        def __init__(self, data: bytes):
            _CParser.__init__(self, data)
            _StrictComposer.__init__(self)
            BaseResolver.__init__(self)
