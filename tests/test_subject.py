"""subject: the same-subject score used for clauses rewritten in place."""

from __future__ import annotations

import pytest

from resdiff.subject import (
    STOPWORDS,
    SubjectIndex,
    cites_other_instrument,
    leading_citation,
    stem,
    subject_words,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("coordination", "coordinate"), ("protection", "protect"), ("activities", "activity")],
)
def test_stem_joins_word_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_short_words_keep_their_endings() -> None:
    assert stem("uses") == "uses" and stem("ITU".lower()) == "itu"


def test_subject_words_drop_function_words() -> None:
    assert subject_words("to continue the work of the Council;") == ("continue", "work", "council")
    assert not set(subject_words("that it is of the")) - STOPWORDS


OLD = (
    "Resolution 1306 adopted by the 2009 session of the Council, under which a child "
    "online protection working group was set up, and its mandate was defined"
)
NEW = (
    "Council Resolution 1306 (Rev. 2015), which sets out the mandate of the Council "
    "Working Group on child online protection"
)
OTHER = "to allocate a telephone number on a regional basis for child online protection"
FILLER = [
    "to continue the work on child online protection",
    "to report on child online protection to the Council",
    "the guidelines on child online protection",
    "to promote child online protection initiatives",
]


def test_rare_shared_words_make_the_same_subject() -> None:
    index = SubjectIndex(
        [OLD, NEW, OTHER, *FILLER], titles=["ITU's role in child online protection"]
    )
    assert index.similarity(OLD, NEW) > 0.25
    assert index.similarity(OLD, OTHER) < 0.1  # shares only the title's words
    assert index.similarity(OLD, OLD) == pytest.approx(1.0)


def test_title_words_weigh_less() -> None:
    texts = [OLD, OTHER, *FILLER]
    plain = SubjectIndex(texts)
    titled = SubjectIndex(texts, titles=["child online protection"])
    assert titled.idf["child"] == pytest.approx(plain.idf["child"] * 0.25)
    assert titled.idf["telephone"] == plain.idf["telephone"]
    assert titled.similarity(OLD, OTHER) == 0.0  # nothing but the title in common


def test_text_without_weighted_words_scores_zero() -> None:
    index = SubjectIndex(["the of and", OLD])
    assert index.similarity("the of and", OLD) == 0.0


def test_one_shared_word_is_a_coincidence_not_a_subject() -> None:
    a = "the information services function in the Union should be maintained at an effective level"
    b = "the importance of maintaining user connectivity"
    index = SubjectIndex([a, b, *FILLER])
    assert index.similarity(a, b) == 0.0


def test_single_letters_are_not_subject_words_but_numbers_are() -> None:
    assert subject_words("children's ITU-T Supplement 5") == ("children", "itu", "supplement", "5")


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging", "resolution 37"),
        ("that Resolution 77 (Rev. Dubai, 2018) of this conference", "resolution 77"),
        ("Resolution ITU-R 66 (Geneva, 2015) of the Radiocommunication", "resolution itu-r 66"),
        ("Recommendation ITU-T  D.53 of the ITU-T, on", "recommendation itu-t d.53"),
        ("the Decision 5 (Rev. Dubai, 2018) on revenue", "decision 5"),
        ("Resolutions 37 and 17 of WTDC", None),
        ("that the Union should hold Resolution 2 forums", None),
    ],
)
def test_leading_citation_names_the_instrument_a_clause_opens_with(
    text: str, cited: str | None
) -> None:
    assert leading_citation(text) == cited


def test_only_two_different_cited_instruments_make_two_recitals() -> None:
    r37 = "Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging the digital divide;"
    assert cites_other_instrument(r37, "Resolution 17 (Rev. Buenos Aires, 2017) of WTDC;")
    assert not cites_other_instrument(r37, "Resolution 37 (Rev. Kigali, 2022) of WTDC;")
    # the same description: the citation updated to a successor instrument
    assert not cites_other_instrument(r37, r37.replace("37 (Rev. Buenos Aires", "17 (Kigali"))
    # nothing but boilerplate after the citation: the number is the recital
    assert cites_other_instrument(
        "Resolution 77 (Rev. Dubai, 2018) of this conference;",
        "Resolution 78 (Rev. Dubai, 2018) of this conference;",
    )
    assert not cites_other_instrument(r37, "that the digital divide persists;")
    assert not cites_other_instrument("that the digital divide persists;", r37)
