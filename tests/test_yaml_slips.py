"""The YAML slips editors make most, each explained in plain words after the parser's message:
exact text, exit 1, nothing written (through validate and build)."""

from __future__ import annotations

import pytest

from tests.test_sources_hostile import SUMMARY, assert_refused, write_summary

SLIPS = {
    "tab": (
        "    text: Data.\n\tobjectives: [1]\n",
        "6:1: YAML syntax error: found character '\\t' that cannot start any token; a tab indents "
        "this line: replace the tab with spaces",
    ),
    "colon": (
        "    text: Note: data comes first.\n",
        "5:15: YAML syntax error: mapping values are not allowed here; a colon followed by a space "
        "inside unquoted text: put the text in quotes",
    ),
    "colon-in-braces": (
        "    text: {en: Note: data first., ar: بيانات}\n",
        "5:20: YAML syntax error: expected ',' or '}', but got ':' (while parsing a flow mapping "
        "started at line 5); a colon followed by a space inside unquoted text: put the text in quotes",
    ),
    "unclosed-double-quote": (
        '    text: "Data first.\n    objectives: [1]\n',
        "7:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar "
        'started at line 5); close the quote " opened at line 5, column 11, at the end of its '
        'text, or write \\" for a quotation mark inside double quotes',
    ),
    "unclosed-single-quote": (
        "    text: 'Data first.\n",
        "6:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar "
        "started at line 5); close the quote ' opened at line 5, column 11, at the end of its "
        "text, or, for an apostrophe inside single quotes, write it twice ('')",
    ),
    "apostrophe-in-single-quotes": (
        "    text: 'The migrant's rights.'\n",
        "5:24: YAML syntax error: expected <block end>, but found '<scalar>' (while parsing a block "
        "mapping started at line 4); a quote ' ends the text here: for an apostrophe inside single "
        "quotes, write it twice (''), or close the quote opened before at the end of its text",
    ),
    "unclosed-brace": (
        "    text: {en: Data first.\n  - id: m2\n    text: More.\n",
        "6:7: YAML syntax error: expected ',' or '}', but got ':' (while parsing a flow mapping "
        "started at line 5); close the { opened at line 5, column 11 with }",
    ),
    "indented-less": (
        "    text: Data.\n   objectives: [1]\n",
        "6:4: YAML syntax error: expected <block end>, but found '<block mapping start>' (while "
        "parsing a block collection started at line 4); line up 'objectives:' with 'text:' on line 5 "
        "(column 5)",
    ),
    "indented-more": (
        "    text: Data.\n      objectives: [1]\n",
        "6:17: YAML syntax error: mapping values are not allowed here; line up 'objectives:' with "
        "'text:' on line 5 (column 5), or, if this line continues the text above, put that text in quotes",
    ),
    "list-item-indented": (
        "    text: Data.\n   - id: m2\n    text: More.\n",
        "6:4: YAML syntax error: expected <block end>, but found '<block sequence start>' (while "
        "parsing a block collection started at line 4); line up '-' with '-' on line 4 (column 3)",
    ),
}


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_yaml_slips_say_what_to_do(name, tmp_path):
    body, problem = SLIPS[name]
    write_summary(tmp_path, body)
    assert_refused(tmp_path, f"{SUMMARY}:{problem}")
