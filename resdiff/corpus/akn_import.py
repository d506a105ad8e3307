"""``resdiff import FILE.xml``: every component of an Akoma Ntoso collection as a revision.

Each component becomes one revision commit of ``<body>/<kind>-<number>`` (its id from the
component's FRBR author and number, or its number line), named after its number line as a
person would name it with ``resdiff add`` (``RESOLUTION 179 (REV. DUBAI, 2018)`` →
``dubai-2018``) and dated by its FRBR adoption date. The components are laid out as an
import folder and committed by the ordinary importer, so all of them go in one
``git fast-import`` run, all or nothing, with the same checks as any import.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from resdiff.corpus.records import ImportResult
from resdiff.corpus.refs import ResolutionId, check_date, check_revision_name, subject_title
from resdiff.errors import InputError, RefError

if TYPE_CHECKING:
    from resdiff.corpus.core import Corpus
    from resdiff.readers.akn import AknComponent


def revision_name(number_line: str | None) -> str | None:
    """The revision name a number line implies: ``RESOLUTION 179 (REV. DUBAI, 2018)`` →
    ``dubai-2018``; ``None`` when it names no conference and year."""
    title = subject_title(number_line)
    if title is None:
        return None
    title = re.sub(r"^\s*rev\.?\s+", "", title, flags=re.IGNORECASE)
    name = re.sub(r"[^0-9a-z]+", "-", title.lower()).strip("-")
    try:
        return check_revision_name(name)
    except RefError:
        return None


def import_akn(
    corpus: Corpus,
    path: str | Path,
    *,
    revision: str | None = None,
    adopted: str | None = None,
    workers: int = 2,
) -> ImportResult:
    """Import every component of the AKN file at ``path`` as one revision each.

    ``revision`` and ``adopted`` override what the metadata and number lines say (for a
    file that lacks them); a component whose revision or date cannot be found is refused,
    naming it, before git is touched.
    """
    from resdiff.readers.akn import read_akn_components

    where = str(path)
    components = read_akn_components(path)
    plan = [_plan(where, c, revision, adopted) for c in components]
    with tempfile.TemporaryDirectory(prefix="resdiff-akn-") as folder:
        root = Path(folder)
        dates: dict[str, str] = {}
        for component, rid, name, day in plan:
            if dates.setdefault(name, day) != day:
                raise InputError(
                    f"{where}: revision {name} is dated both {dates[name]} and {day}"
                    f" ({rid}); give --adopted"
                )
            target = root / rid.body / f"{rid.kind}-{rid.number}" / f"{name}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                raise InputError(f"{where}: {rid} appears twice in the collection")
            target.write_text(component.text, encoding="utf-8")
        table = io.StringIO()
        writer = csv.writer(table, lineterminator="\n")
        writer.writerow(["revision", "adopted"])
        for name, day in sorted(dates.items()):
            writer.writerow([name, day])
        (root / "revisions.csv").write_text(table.getvalue(), encoding="utf-8")
        return corpus.import_dir(root, workers=workers)


def _plan(
    where: str, component: AknComponent, revision: str | None, adopted: str | None
) -> tuple[AknComponent, ResolutionId, str, str]:
    """(component, id, revision name, adoption date) or a refusal naming the component."""
    try:
        rid = ResolutionId.parse(component.id)
    except RefError as exc:
        raise InputError(f"{where}: component {component.id!r}: {exc}") from None
    name = revision or revision_name(component.number)
    if name is None:
        raise InputError(
            f"{where}: {rid}: no revision in its number line {component.number!r};"
            " give --revision"
        )
    day = adopted or component.adopted
    if day is None:
        raise InputError(f"{where}: {rid}: no adoption date in its metadata; give --adopted")
    try:
        check_revision_name(name)
        check_date(day)
    except RefError as exc:
        raise InputError(f"{where}: {rid}: {exc}") from None
    return component, rid, name, day
