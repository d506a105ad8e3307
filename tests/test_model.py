"""The canonical text (``Resolution.to_text()``): layout, repairs applied, idempotence."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resdiff
from resdiff.model import FOOTNOTE_RULE, render_canonical

NOISY = (
    "\ufeffSite header\r\n\r\n"
    "RESOLUTION 5 (REV. DUBAI, 2018)\r\n\r\n"
    "A   title\r\n\r\n"
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\r\n"
    "considering\r\n"
    "a)   that  one; ____________________ 1 A note.\r\n"
    "b) that two, resolves\r\n"
    "1 to act:\r\n"
    "i) first;\r\n"
    "ii) second; 2 to go; 3 to stop. ANNEX TO RESOLUTION 5 (REV. DUBAI, 2018) Rules\r\n"
    "1 Do this.\r\n"
)

CANONICAL = """\
RESOLUTION 5 (REV. DUBAI, 2018)

A title

The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

considering

a) that one;

b) that two,

resolves

1 to act:

i) first;

ii) second; 2 to go; 3 to stop.

ANNEX TO RESOLUTION 5 (REV. DUBAI, 2018)

Rules

1 Do this.

____________________

1 A note.
"""


def test_canonical_layout() -> None:
    r = resdiff.parse(NOISY)
    assert r.to_text() == CANONICAL
    assert render_canonical(r) == CANONICAL
    assert FOOTNOTE_RULE == "_" * 20


def test_run_on_only_continues_the_same_label_sequence() -> None:
    """'ii) second; 2 to go; 3 to stop.' is not split: only iii) would follow ii)."""
    r = resdiff.parse(NOISY)
    assert r.clause("resolves/1/ii").text == "second; 2 to go; 3 to stop."
    assert [c.path for c in r.sections[1].walk()] == ["resolves/1", "resolves/1/i", "resolves/1/ii"]


def test_canonical_is_idempotent_and_keeps_clauses() -> None:
    r = resdiff.parse(NOISY)
    again = resdiff.parse(r.to_text())
    assert again.to_text() == r.to_text()
    assert [(c.path, c.label, c.text, c.section) for c in again.clauses()] == [
        (c.path, c.label, c.text, c.section) for c in r.clauses()
    ]
    assert again.diagnostics == ()  # nothing left to repair


def test_canonical_leaves_out_site_text() -> None:
    r = resdiff.parse(NOISY)
    assert "Site header" not in r.to_text()
    assert r.regions[0].text == "Site header\r\n\r\n"  # the BOM is not site text


def test_empty_and_unstructured() -> None:
    assert resdiff.parse("").to_text() == ""
    assert resdiff.parse("one\n  two  \n").to_text() == "one\n\ntwo\n"


def test_label_without_text() -> None:
    r = resdiff.parse("considering\n\na)\n\nb) that\n")
    assert r.to_text() == "considering\n\na)\n\nb) that\n"
    assert r.clause("considering/a").text == ""


# -- the written dataclass methods against @dataclass(frozen=True) -------------------------


@functools.cache
def _generated_twin(cls: type) -> type:
    """``cls`` made again by ``@dataclass(frozen=True)`` (same name, fields, defaults,
    compare flags): the reference for the methods the model writes itself."""
    import dataclasses

    specs = [
        (f.name, f.type, dataclasses.field(default=f.default, compare=f.compare))
        for f in dataclasses.fields(cls)
    ]
    specs = [
        (name, kind, spec) if spec.default is not dataclasses.MISSING else (name, kind)
        for name, kind, spec in specs
    ]
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=True)


_VALUES = st.one_of(st.none(), st.integers(-3, 3), st.text(max_size=3), st.just(()))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_model_methods_are_the_generated_ones(data: st.DataObject) -> None:
    """Each model class's written ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__``
    give what ``@dataclass(frozen=True)`` generates: same values, equality (compared
    fields only: a resolution's diagnostics never count), hash and repr; fields stay
    frozen, and ``dataclasses.replace`` still makes a changed copy."""
    import dataclasses

    from resdiff import model

    for cls in (
        model.Diagnostic,
        model.Clause,
        model.Section,
        model.Annex,
        model.Header,
        model.Region,
        model.Resolution,
    ):
        twin = _generated_twin(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        required = [f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING]
        values = data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, _VALUES)))
        values.update({n: values.get(n, 0) for n in required})
        other = {
            **values,
            **data.draw(st.fixed_dictionaries({}, optional=dict.fromkeys(names, _VALUES))),
        }
        other.update({n: other.get(n, 0) for n in required})
        ours, theirs = cls(**values), twin(**values)
        ours2, theirs2 = cls(**other), twin(**other)
        assert dataclasses.astuple(ours) == dataclasses.astuple(theirs)
        assert repr(ours) == repr(theirs)
        assert (ours == ours2) == (theirs == theirs2)
        assert hash(ours) == hash(theirs)
        assert ours != theirs  # another class: never equal, as generated ones are not
        with pytest.raises(dataclasses.FrozenInstanceError):
            ours.__setattr__(names[0], 1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            ours.__delattr__(names[0])
        changed = dataclasses.replace(ours, **{names[-1]: "changed"})
        assert getattr(changed, names[-1]) == "changed"
        assert type(changed) is cls
