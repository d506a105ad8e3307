"""Reading Akoma Ntoso: the converter's real Final Acts excerpt, collections as trees,
tolerance of other markup, and hostile or foreign XML refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ITU_PP, SHARED_DATA

import resdiff
from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.readers.akn import NS, read_akn, read_akn_components
from resdiff.writers.akn import to_akn

EXCERPT = SHARED_DATA / "akn" / "pp18-final-acts-excerpt.xml"
DUBAI = ITU_PP / "2018-dubai"


def clauses(res: resdiff.Resolution) -> list[tuple[str, str | None, str, str]]:
    return [(c.path, c.label, c.section, c.text) for c in res.clauses()]


@pytest.mark.usefixtures("shared_data")
def test_the_excerpt_reads_as_the_plain_texts_of_the_same_resolutions() -> None:
    """The plain texts were converted from the same AKN file: each component reads to
    exactly the same text, so its clauses agree one by one."""
    components = read_akn_components(EXCERPT)
    assert [c.id for c in components] == [
        "itu-pp/dec-5",
        "itu-pp/res-2",
        "itu-pp/res-71",
        "itu-pp/res-179",
    ]
    for component in components:
        plain = (DUBAI / f"{component.id.split('/')[1]}.txt").read_text(encoding="utf-8")
        assert component.text == plain
        assert clauses(resdiff.parse(component.text)) == clauses(resdiff.parse(plain))
        assert component.adopted == "2018-11-15"
    assert components[3].number == "RESOLUTION 179 (REV. DUBAI, 2018)"


@pytest.mark.usefixtures("shared_data")
def test_two_collections_diff_as_trees_by_component(tmp_path: Path) -> None:
    edited = tmp_path / "edited.xml"
    edited.write_bytes(
        EXCERPT.read_bytes().replace(
            b"to consider the needs of children", b"to meet the needs of children"
        )
    )
    result = CliRunner().invoke(main, ["diff", str(EXCERPT), str(edited)])
    assert result.exit_code == 1, result.output
    assert "MOD  itu-pp/res-179.txt" in result.output
    assert "NOC  itu-pp/res-2.txt" in result.output
    assert "summary: 4 resolutions: 1 modified (MOD), 3 unchanged (NOC)" in result.output


@pytest.mark.usefixtures("shared_data")
def test_a_collection_is_not_one_resolution() -> None:
    result = CliRunner().invoke(main, ["parse", str(EXCERPT)])
    assert result.exit_code == 2
    assert "collection of 4 documents" in result.stderr


@pytest.mark.usefixtures("shared_data")
def test_a_whole_final_acts_collection_reads_every_component() -> None:
    """A collection of the excerpt's shape holding every PP-18 text (written by resdiff):
    each component comes back with its id and its clauses."""
    texts = sorted(DUBAI.glob("*.txt"))
    collection = _collection([to_akn(resdiff.parse(p.read_text(encoding="utf-8"))) for p in texts])
    components = _components_of(collection)
    assert len(components) == len(texts) == 56
    by_id = {c.id: c for c in components}
    for text in texts:
        component = by_id[f"itu-pp/{text.stem}"]
        assert clauses(resdiff.parse(component.text)) == clauses(
            resdiff.parse(text.read_text(encoding="utf-8"))
        )


def _collection(documents: list[bytes]) -> bytes:
    from lxml import etree

    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    collection = etree.SubElement(root, f"{{{NS}}}documentCollection", name="finalActs")
    components = etree.SubElement(collection, f"{{{NS}}}components")
    for n, data in enumerate(documents, 1):
        component = etree.SubElement(components, f"{{{NS}}}component", eId=f"cmp_{n}")
        component.append(etree.fromstring(data)[0])
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return out


def _components_of(data: bytes) -> list[resdiff.readers.AknComponent]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "final-acts.xml"
        path.write_bytes(data)
        return read_akn_components(path)


def test_unknown_markup_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(
        f'<akomaNtoso xmlns="{NS}"><act><meta/><preface><p><docType>RESOLUTION</docType> '
        "<docNumber>9 (Test, 2020)</docNumber></p><p>A title</p></preface>"
        "<mainBody><hcontainer name='resolves'><heading><i>resolves</i></heading>"
        "<paragraph><num>1</num><content><p>to do <b>this</b><authorialNote marker='1'>"
        "<p>A note.</p></authorialNote>;</p></content></paragraph>"
        "<blockContainer><p>an unknown block,</p></blockContainer></hcontainer></mainBody>"
        "</act></akomaNtoso>",
        encoding="utf-8",
    )
    text = read_akn(path)
    assert text == (
        "RESOLUTION 9 (Test, 2020)\n\nA title\n\nresolves\n\n1 to do this1;\n\n"
        "an unknown block,\n\n____________________\n\n1 A note.\n"
    )
    res = resdiff.parse(text)
    assert [c.text for c in res.footnotes] == ["A note."]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<akomaNtoso xmlns="{NS}"><doc><p>&x;</p></doc></akomaNtoso>',
            "DTD",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;">]>'
            f'<akomaNtoso xmlns="{NS}"><doc><p>&c;</p></doc></akomaNtoso>',
            "DTD",
        ),
        (f'<akomaNtoso xmlns="{NS}"><doc><p>unclosed</doc>', "malformed XML at line 1"),
        ('<html xmlns="http://www.w3.org/1999/xhtml"><p>hi</p></html>', "not Akoma Ntoso 3.0"),
        (f'<akomaNtoso xmlns="{NS}"></akomaNtoso>', "no Akoma Ntoso document"),
    ],
)
def test_hostile_and_foreign_xml_is_refused_in_one_line(
    tmp_path: Path, content: str, needle: str
) -> None:
    path = tmp_path / "in.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_akn(path)
    assert needle in str(caught.value)
    assert str(path) in str(caught.value)
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd
    result = CliRunner().invoke(main, ["diff", str(path), str(path)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
