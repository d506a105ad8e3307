"""subject: the same-subject score used for clauses rewritten in place."""

from __future__ import annotations

import pytest

from resdiff.subject import STOPWORDS, SubjectIndex, stem, subject_words


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
    assert titled.similarity(OLD, OTHER) < plain.similarity(OLD, OTHER)


def test_text_without_weighted_words_scores_zero() -> None:
    index = SubjectIndex(["the of and", OLD])
    assert index.similarity("the of and", OLD) == 0.0
