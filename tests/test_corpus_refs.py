"""Validation of resolution ids, revision names and git revs; commit trailers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.corpus.refs import (
    RefSpec,
    ResolutionId,
    check_branch_glob,
    check_date,
    check_git_rev,
    check_revision_name,
    looks_like_ref,
    matches_shorthand,
    subject_title,
)
from resdiff.corpus.trailers import Trailers, format_message, parse_trailers
from resdiff.errors import RefError


def test_resolution_id_and_its_file() -> None:
    rid = ResolutionId.parse("itu-pp/res-179")
    assert (rid.body, rid.kind, rid.number) == ("itu-pp", "res", "179")
    assert rid.relpath == "itu-pp/res-179.txt"
    assert rid.short == "res-179"
    assert rid.kind_word == "Resolution"
    assert ResolutionId.parse("itu-pp/dec-5").kind_word == "Decision"
    assert ResolutionId.from_relpath("itu-pp/res-179.txt") == rid
    assert ResolutionId.from_relpath("itu-pp/notes.txt") is None
    assert ResolutionId.from_relpath("res-179.txt") is None


@pytest.mark.parametrize(
    "bad",
    [
        "../res-179",
        "itu-pp/../res-179",
        "/etc/res-1",
        "itu-pp/res-179.txt",
        "itu-pp//res-1",
        "ITU-PP/res-179",
        "itu-pp/res-",
        "itu-pp/res-179/x",
        "-x/res-1",
        "itu pp/res-1",
        "",
    ],
)
def test_bad_resolution_ids_are_refused(bad: str) -> None:
    with pytest.raises(RefError, match="is not a resolution id"):
        ResolutionId.parse(bad)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_no_accepted_id_escapes_the_corpus(text: str) -> None:
    try:
        rid = ResolutionId.parse(text)
    except RefError:
        return
    path = rid.relpath
    assert not path.startswith(("/", "-", "."))
    assert ".." not in path
    assert path.count("/") == 1
    assert path.isascii()
    assert " " not in path


def assert_no_option_or_range(text: str) -> None:
    """What an accepted rev or branch glob can never be: an option, a range, a path
    spec, or anything with a space or a non-printable character."""
    assert not text.startswith("-")
    assert ".." not in text
    assert ":" not in text
    assert all(c.isascii() and c.isprintable() and not c.isspace() for c in text)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_no_accepted_rev_reads_as_an_option_or_a_range(text: str) -> None:
    try:
        check_git_rev(text)
    except RefError:
        return
    assert_no_option_or_range(text)


@pytest.mark.parametrize(
    "rev", ["HEAD", "HEAD~1", "main", "a1b2c3d", "origin/main", "v1.0", "HEAD^2", "main@{1}"]
)
def test_git_revs_accepted(rev: str) -> None:
    assert check_git_rev(rev) == rev


@pytest.mark.parametrize(
    "rev",
    ["--upload-pack=x", "-n", "HEAD..main", "HEAD:file", "a b", "x;rm", "$(id)", "", "main.lock"],
)
def test_git_revs_refused(rev: str) -> None:
    with pytest.raises(RefError):
        check_git_rev(rev)


def test_revision_names_and_dates() -> None:
    assert check_revision_name("buenos-aires-2017") == "buenos-aires-2017"
    for bad in ("Dubai-2018", "dubai 2018", "-dubai", "dubai--2018", "../x"):
        with pytest.raises(RefError, match="not a revision name"):
            check_revision_name(bad)
    assert check_date("2010-10-22") == date(2010, 10, 22)
    with pytest.raises(RefError, match="not a real date"):
        check_date("2018-02-30")
    with pytest.raises(RefError, match="expected YYYY-MM-DD"):
        check_date("22/10/2010")


def test_ref_operands() -> None:
    assert RefSpec.parse("res-179@dubai-2018") == RefSpec("res-179", "dubai-2018")
    assert RefSpec.parse("@dubai-2018") == RefSpec(None, "dubai-2018")
    assert RefSpec.parse("itu-pp/res-179@HEAD~1") == RefSpec("itu-pp/res-179", "HEAD~1")
    with pytest.raises(RefError, match="nothing after '@'"):
        RefSpec.parse("res-179@")
    assert looks_like_ref("res-179@dubai-2018")
    assert looks_like_ref("@dubai-2018")
    assert not looks_like_ref("draft.txt")
    assert not looks_like_ref("me@example.org")
    rid = ResolutionId.parse("itu-pp/res-179")
    assert all(matches_shorthand(rid, t) for t in ("itu-pp/res-179", "res-179", "179"))
    assert not matches_shorthand(rid, "res-17")
    assert not matches_shorthand(rid, "dec-179")


def test_subject_title_from_the_number_line() -> None:
    assert subject_title("RESOLUTION 179 (REV. DUBAI, 2018)") == "Rev. Dubai, 2018"
    assert subject_title("RESOLUTION 179 (Guadalajara, 2010)") == "Guadalajara, 2010"
    assert subject_title("RESOLUTION 67 (REV. BUENOS AIRES, 2017)") == "Rev. Buenos Aires, 2017"
    assert subject_title("RESOLUTION 179") is None
    assert subject_title(None) is None


def test_trailers_round_trip_and_only_the_last_paragraph_counts() -> None:
    message = format_message(
        "Add Resolution 179 (Rev. Dubai, 2018)", "itu-pp/res-179", "dubai-2018", "2018-11-16"
    )
    assert parse_trailers(message) == Trailers("itu-pp/res-179", "dubai-2018", "2018-11-16")
    body = "Fix a typo\n\nResdiff-Revision: dubai-2018 is mentioned here\n\nSigned-off-by: A <a@b>"
    assert parse_trailers(body) == Trailers()
    assert parse_trailers("Resdiff-Revision: dubai-2018") == Trailers()  # a subject only
    errata = "Correct a typo\n\nResdiff-Revision: dubai-2018\nSigned-off-by: A <a@b>\n"
    assert parse_trailers(errata) == Trailers(None, "dubai-2018", None)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_no_accepted_branch_glob_reads_as_an_option_or_a_range(text: str) -> None:
    try:
        check_branch_glob(text)
    except RefError:
        return
    assert_no_option_or_range(text)


@pytest.mark.parametrize("glob", ["proposal/*", "eur", "p?", "[ab]*", "team/*/draft"])
def test_branch_globs_accepted(glob: str) -> None:
    assert check_branch_glob(glob) == glob


@pytest.mark.parametrize(
    "glob", ["--upload-pack=x", "-*", "a..b", "a b", "x;rm", "$(id)", "", "a//b"]
)
def test_branch_globs_refused(glob: str) -> None:
    with pytest.raises(RefError):
        check_branch_glob(glob)
