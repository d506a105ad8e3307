"""What input text may do on the way to a terminal: nothing.

A resolution's text can hold control characters and ANSI escapes (a pasted ``ESC[2J``,
a BEL, a C1 ``CSI``, a bidi override). Commands that print the text itself (``fmt``,
``show``, ``parse``) print it byte for byte into a pipe or file, which a round trip needs,
but make every control character visible (``\\x1b``) when standard output is a terminal.
JSON escapes the C1 controls, DEL and bidi overrides that ``json.dumps`` leaves raw,
which changes no decoded value.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from resdiff.render.wording import printable

# What json.dumps(ensure_ascii=False) writes raw that a terminal may act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def stdout_is_terminal() -> bool:
    """True when standard output is a terminal (not a pipe, a file or a test runner)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def echo_text(text: str, nl: bool = True) -> None:
    """Print input-derived text: exact into a pipe or file, controls made visible on a
    terminal.

    ``color=True``: click would otherwise strip what looks like an ANSI escape from
    output that is not a terminal, and ``fmt > file`` would lose characters.
    """
    if stdout_is_terminal():
        click.echo(printable(text), nl=nl)
    else:
        click.echo(text, nl=nl, color=True)


def dumps_json(doc: Any) -> str:
    """``json.dumps`` (UTF-8 kept, indented) with terminal-driving characters escaped."""
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
