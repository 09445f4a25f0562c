"""Translations: which source text each translation of a message was made from, so that a
translation whose source changed since is known to be stale (issue 15).

A message's `translated_from` says, for each translated language, the language it was
translated from and a short hash of that text as it was then:

    translated_from:
      ar: en 3f2a9c1b

`outcome translations import` and `confirm` write it. When the source text changes, the hash no
longer matches: the translation is stale, and the documents treat it as a pending one. A
translation without a record (typed by hand before records existed) is taken as it is.
"""

from __future__ import annotations

import hashlib
import re

from pipeline.languages import SOURCE_LANGUAGES, Localized
from pipeline.model import KeyMessage, Translation
from pipeline.records import Scope, mapping
from pipeline.yamlio import YStr, YValue

DIGEST_LENGTH = 8
_RECORD = re.compile(rf"(?P<source>{'|'.join(SOURCE_LANGUAGES)}) (?P<digest>[0-9a-f]{{{DIGEST_LENGTH}}})")


def text_digest(text: str) -> str:
    """Return the short hash of a message's text, as cleaned (re-wrapping a line changes nothing)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def record(message_text: Localized, language: str, source: str) -> str:
    """Return what `translated_from` says of *language* translated from *source* now."""
    return f"{source} {text_digest(message_text.get(source) or '')}"


def stale(message: KeyMessage) -> tuple[Translation, ...]:
    """Return the translations of *message* whose source text changed since they were made."""
    return tuple(
        translation
        for translation in message.translated_from
        if text_digest(message.text.get(translation.source) or "") != translation.digest
    )


def stale_languages(message: KeyMessage) -> frozenset[str]:
    """Return the languages whose text in *message* is a stale translation."""
    return frozenset(translation.language for translation in stale(message))


def stale_note(uid: str, translation: Translation) -> str:
    """Return what the editor is told of a stale translation."""
    return (
        f"message '{uid}': its '{translation.language}' text was translated from an earlier "
        f"'{translation.source}' text; the documents show it as a pending translation until it is "
        f"updated (then `outcome translations confirm {uid}`)"
    )


def read_translated_from(value: YValue, name: str, scope: Scope) -> tuple[Translation, ...] | None:
    """Read `translated_from` (read after `text`): for each translated language, the language
    it was translated from and the hash of that text, both languages having text."""
    fields = mapping(value, name, scope)
    if fields is None:
        return None
    fields.check(SOURCE_LANGUAGES, (), name, scope, noun="language")
    text = scope.values.get("text") or Localized()
    translations = []
    for language in SOURCE_LANGUAGES:
        entry = fields.get(language)
        if entry is None:
            continue
        found = _RECORD.fullmatch(entry) if isinstance(entry, YStr) else None
        if found is None:
            scope.problem(
                entry.location,
                f"{name}.{language}{scope.where}: expected the language it was translated from and "
                f"the {DIGEST_LENGTH}-character hash of that text (such as 'en 3f2a9c1b'; "
                "`outcome translations confirm` writes it)",
            )
        elif (problem := _mismatch(text, language, found["source"])) is not None:
            scope.problem(entry.location, f"{name}.{language}{scope.where}: {problem}")
        else:
            translations.append(Translation(language, found["source"], found["digest"]))
    return tuple(translations)


def _mismatch(text: Localized, language: str, source: str) -> str | None:
    if source == language:
        return f"a text is not translated from its own language ('{language} {source} …')"
    for missing in (language, source):
        if not text.get(missing):
            return f"the message has no '{missing}' text (remove the line, or add the text)"
    return None
