"""The commit plan shared by add and import: subjects, errata, date order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_support import add_2010, add_2018, new_corpus

from resdiff.corpus.plan import plan_revision
from resdiff.corpus.records import Revision
from resdiff.corpus.refs import ResolutionId
from resdiff.errors import CorpusError

pytestmark = pytest.mark.usefixtures("shared_data")


def test_add_refuses_revisions_out_of_date_order(tmp_path: Path) -> None:
    corpus = new_corpus(tmp_path / "c")
    add_2018(corpus)
    with pytest.raises(CorpusError, match="older than dubai-2018"):
        add_2010(corpus)


RID = ResolutionId.parse("itu-pp/res-179")
HAS_2010 = [Revision(RID, "guadalajara-2010", date(2010, 10, 22), "c" * 40, "b" * 40)]


def test_a_new_revision_is_added_with_its_title_from_the_number_line() -> None:
    plan = plan_revision(RID, "dubai-2018", date(2018, 11, 16), HAS_2010)
    message = plan.message("RESOLUTION 179 (REV. DUBAI, 2018)")
    assert message.splitlines() == [
        "Add Resolution 179 (Rev. Dubai, 2018)",
        "",
        "Resdiff-Resolution: itu-pp/res-179",
        "Resdiff-Revision: dubai-2018",
        "Resdiff-Adopted: 2018-11-16",
    ]
    assert plan.epoch == 1542369600  # 2018-11-16 12:00 UTC, the commit date
    # --title wins; without a number line the revision name is the title.
    assert plan.message(None, "PP-18").startswith("Add Resolution 179 (PP-18)\n")
    assert plan.message(None).startswith("Add Resolution 179 (dubai-2018)\n")


def test_add_plans_an_erratum_where_import_refuses_a_revision_already_there() -> None:
    plan = plan_revision(RID, "guadalajara-2010", date(2010, 10, 22), HAS_2010)
    assert plan.corrects
    assert plan.message("RESOLUTION 179 (Guadalajara, 2010)").startswith(
        "Correct Resolution 179 (Guadalajara, 2010)\n"
    )
    source = Path("src/itu-pp/res-179/guadalajara-2010.txt")
    with pytest.raises(CorpusError, match="already has revision guadalajara-2010"):
        plan_revision(RID, "guadalajara-2010", date(2010, 10, 22), HAS_2010, source=source)


def test_both_writes_refuse_a_revision_older_than_the_latest() -> None:
    with pytest.raises(CorpusError, match=r"older than guadalajara-2010 \(adopted 2010-10-22\)"):
        plan_revision(RID, "minneapolis-1998", date(1998, 11, 6), HAS_2010)
    source = Path("src/itu-pp/res-179/minneapolis-1998.txt")
    with pytest.raises(
        CorpusError, match=r"^src/itu-pp/res-179/minneapolis-1998.txt: .* later revision guadal"
    ):
        plan_revision(RID, "minneapolis-1998", date(1998, 11, 6), HAS_2010, source=source)
    # The same day as the latest is in order (several revisions at one conference).
    assert not plan_revision(RID, "pp-10-bis", date(2010, 10, 22), HAS_2010).corrects
