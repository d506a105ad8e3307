"""subject: the same-subject score used for clauses rewritten in place."""

from __future__ import annotations

import pytest

from resdiff.align.subject import STOPWORDS, SubjectIndex, stem, subject_words


@pytest.mark.parametrize(
    ("a", "b"),
    [("coordination", "coordinate"), ("protection", "protect"), ("activities", "activity")],
)
def test_stem_joins_word_forms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_short_words_keep_their_endings() -> None:
    assert stem("uses") == "uses"
    assert stem("ITU".lower()) == "itu"


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
    assert titled.idf("child") == pytest.approx(plain.idf("child") * 0.25)
    assert titled.idf("telephone") == plain.idf("telephone")
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
