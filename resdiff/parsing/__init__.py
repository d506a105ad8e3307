"""The parser: text of a resolution → :class:`~resdiff.model.Resolution`, lossless and tolerant.

Invariants (documented in ``docs/text-format.md`` and tested on every real text):

* never refuses: any ``str`` parses; text with no recognisable structure becomes one
  section of unlabelled paragraphs and a ``no-structure`` warning;
* never loses: ``to_source()`` is the input; every character is in the header, a clause,
  a heading, a footnote, a :class:`~resdiff.model.Region` or known markup (web bullets,
  indentation, footnote rules);
* every repair of conversion noise is reported as a diagnostic with line and column;
* ``parse(r.to_text())`` has the same clauses as ``r`` and ``to_text()`` is idempotent.

Modules: :mod:`.lines` (positions), :mod:`.labels`, :mod:`.headings`, :mod:`.repairs`,
:mod:`.structure`, :mod:`.document` (finding the resolution, the header),
:mod:`.check` (file validation for ``resdiff check``), :mod:`.patterns` (regular
expressions compiled at their first use). The canonical text is the model's
own serialisation (:meth:`resdiff.model.Resolution.to_text`).
"""

from __future__ import annotations

from resdiff.parsing.document import parse_text

__all__ = ["parse_text"]
