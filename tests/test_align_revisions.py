"""align, end to end on the real texts: "next revisions" written the way conferences revise.

Each test takes a real Dubai 2018 text (from ``../shared/data``, never copied here),
applies the edits a conference typically makes, and checks the clause mapping against
what a drafter comparing both texts would say — written down before running resdiff.
Only changes that are not "the same clause, same place, same label" are compared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ITU_PP

import resdiff
from resdiff.changes import Diff

#: (kind, old paths, new paths, "M" if moved + "R" if renumbered)
Row = tuple[str, tuple[str, ...], tuple[str, ...], str]


def dubai(name: str) -> str:
    path: Path = ITU_PP / "2018-dubai" / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"real texts not found at {ITU_PP} (set RESDIFF_SHARED_DATA)")
    return path.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    assert old in text, f"edit target not in the real text: {old[:60]!r}"
    return text.replace(old, new, 1)


def relabel(section: str, pattern: str, shift: int, labels: list[str]) -> str:
    """Shift the labels matched by ``pattern`` (group 1 = label) by ``shift`` places."""

    def bump(m: re.Match[str]) -> str:
        k = labels.index(m.group(2))
        return f"{m.group(1)}{labels[k + shift]}{m.group(3)}"

    return re.sub(pattern, bump, section, flags=re.M)


def changes(old_text: str, new_text: str) -> set[Row]:
    d: Diff = resdiff.diff(resdiff.parse(old_text, "old"), resdiff.parse(new_text, "new"))
    rows: set[Row] = set()
    for c in d.changes:
        olds = tuple(r.path for r in c.old)
        news = tuple(r.path for r in c.new)
        if any(p.startswith("header/") for p in olds + news):
            continue
        quiet = c.kind == "unchanged" or (c.kind == "amended" and c.editorial)
        if quiet and not c.moved and not c.renumbered:
            continue
        rows.add((c.kind, olds, news, ("M" if c.moved else "") + ("R" if c.renumbered else "")))
    return rows


def sections(old_text: str, new_text: str) -> set[tuple[str, str | None, str | None]]:
    d = resdiff.diff(resdiff.parse(old_text, "old"), resdiff.parse(new_text, "new"))
    return {(s.kind, s.old, s.new) for s in d.sections if s.kind != "unchanged"}


LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


def test_inserted_recital_deleted_recital_renamed_section_and_amended_years() -> None:
    old = dubai("res-11")
    new = edit(
        old,
        "c) that annually",
        "c) that the ITU Telecom events bring together governments, industry and SMEs "
        "from developing and developed countries alike;\n\nc) that annually",
    )
    i, j = new.index("considering\n"), new.index("emphasizing\n")
    body = relabel(new[i:j], r"^()([c-f])(\) that (?!the ITU Telecom events bring))", 1, LETTERS)
    new = new[:i] + body + new[j:]
    new = edit(
        new,
        "b) that ITU Telecom events continue to face challenges, such as the increasing costs "
        "of exhibits and the trend towards reducing their size, the specialization of their "
        "scope and the need to provide value to industry;\n\nc) that ITU Telecom needs",
        "b) that ITU Telecom needs",
    )
    new = edit(new, "instructs the ITU Council\n", "instructs the Council\n")
    new = edit(
        new,
        "organize the 2020, 2021 and 2022 ITU Telecom events in advance of the 2019 session",
        "organize the 2023, 2024 and 2025 ITU Telecom events in advance of the 2022 session",
    )
    assert changes(old, new) == {
        ("added", (), ("considering/c",), ""),
        ("unchanged", ("considering/c",), ("considering/d",), "R"),
        ("unchanged", ("considering/d",), ("considering/e",), "R"),
        ("unchanged", ("considering/e",), ("considering/f",), "R"),
        ("unchanged", ("considering/f",), ("considering/g",), "R"),
        ("removed", ("noting/b",), (), ""),
        ("unchanged", ("noting/c",), ("noting/b",), "R"),
        ("amended", ("resolves/2",), ("resolves/2",), ""),
    }
    assert sections(old, new) == {("renamed", "instructs the ITU Council", "instructs the Council")}


def test_move_to_new_section_split_merge_and_renumbered_resolves() -> None:
    old = dubai("res-11")
    moved = (
        "a) that participants, and in particular industry members, are seeking reasonable "
        "predictability of time and place of ITU Telecom events and opportunities;\n\n"
    )
    new = edit(old, moved, "")
    i, j = new.index("noting further\n"), new.index("\nresolves\n")
    new = new[:i] + relabel(new[i:j], r"^()([b-g])(\) that)", -1, LETTERS) + new[j:]
    new = edit(
        new,
        "noting\n\na)",
        "recognizing\n\na) that participants, and in particular industry members and SMEs, "
        "are seeking reasonable predictability of the time and place of ITU Telecom "
        "events;\n\nnoting\n\na)",
    )
    # resolves 6 split in two; everything after renumbered (inline ones and a reference too)
    new = edit(
        new,
        "are met, and, in addition, to ensure that they do not overlap with any major ITU "
        "conferences or assemblies;",
        "are met;\n\n7 that ITU Telecom events should not overlap with any major ITU "
        "conferences or assemblies;",
    )
    for a, b in [
        ("7 that each ITU Telecom", "8 that each ITU Telecom"),
        ("8 that the Union, in its venue", "9 that the Union, in its venue"),
        *((f"\n8.{k} ", f"\n9.{k} ") for k in range(1, 5)),
        ("9 that the audit", "10 that the audit"),
        ("; 10 that the EWCF", "; 11 that the EWCF"),
        ("; 11 that, once", "; 12 that, once"),
        ("regard to resolves 10 above", "regard to resolves 11 above"),
        ("; 12 that the Union", "; 13 that the Union"),
    ]:
        new = edit(new, a, b)
    # instructs the Secretary-General 2 and 3 merged; the rest renumbered
    new = edit(
        new,
        "in line with the regulations of the Union;\n\n3 to consider measures",
        "in line with the regulations of the Union, and to consider measures",
    )
    for k in range(4, 10):
        new = edit(new, f"\n{k} to ", f"\n{k - 1} to ")
    new = edit(new, "; 10 to ensure", "; 9 to ensure")
    new = edit(new, "; 11 to report", "; 10 to report")
    sg = "instructs-the-secretary-general"
    assert changes(old, new) == {
        ("amended", ("noting-further/a",), ("recognizing/a",), "M"),
        *(
            ("unchanged", (f"noting-further/{a}",), (f"noting-further/{b}",), "R")
            for a, b in zip("bcdefg", "abcdef", strict=True)
        ),
        ("split", ("resolves/6",), ("resolves/6", "resolves/7"), ""),
        ("unchanged", ("resolves/7",), ("resolves/8",), "R"),
        ("unchanged", ("resolves/8",), ("resolves/9",), "R"),
        *(("unchanged", (f"resolves/8/8{k}",), (f"resolves/9/9{k}",), "R") for k in range(1, 5)),
        ("unchanged", ("resolves/9",), ("resolves/10",), "R"),
        ("unchanged", ("resolves/10",), ("resolves/11",), "R"),
        ("amended", ("resolves/11",), ("resolves/12",), "R"),
        ("unchanged", ("resolves/12",), ("resolves/13",), "R"),
        ("merged", (f"{sg}/2", f"{sg}/3"), (f"{sg}/2",), ""),
        *(("unchanged", (f"{sg}/{k}",), (f"{sg}/{k - 1}",), "R") for k in range(4, 12)),
    }
    assert sections(old, new) == {("added", None, "recognizing")}


def test_rewrite_in_place_replacement_renamed_heading_and_reordered_sections() -> None:
    old = dubai("res-11")
    new = edit(
        old,
        "4 to submit a report based on the implementation of resolves 3, 4 and 5 to the 2022 "
        "plenipotentiary conference.",
        "4 to report to the next plenipotentiary conference on the outcome of the strategic "
        "review and the future of ITU Telecom.",
    )
    new = edit(
        new,
        "2 to review and approve the allocation of part of the profit generated by ITU Telecom "
        "events to development projects within the framework of the ICT-DF;",
        "2 to establish a working group open to all Member States to study the linguistic "
        "accessibility of ITU publications;",
    )
    new = edit(new, "noting further\n", "noting also\n")
    new = edit(new, "industry members, are seeking", "industry members and SMEs, are seeking")
    e0, e1, e2 = (new.index(h) for h in ("emphasizing\n", "noting\n", "noting also\n"))
    new = new[:e0] + new[e1:e2] + new[e0:e1] + new[e2:]  # "noting" now before "emphasizing"
    assert changes(old, new) == {
        ("amended", ("noting-further/a",), ("noting-also/a",), ""),
        ("removed", ("instructs-the-itu-council/2",), (), ""),
        ("added", (), ("instructs-the-itu-council/2",), ""),
        ("amended", ("instructs-the-itu-council/4",), ("instructs-the-itu-council/4",), ""),
    }
    assert sections(old, new) == {("renamed", "noting further", "noting also")}


def test_every_citation_updated_paragraph_replaced_swap_and_sections_added_removed() -> None:
    old = dubai("res-2")
    new = old.replace("Dubai, 2018", "Bucharest, 2022")
    new = edit(
        new,
        "1 to hold WTPF preferably back to back with the WSIS Forum 2021, taking account of "
        "the need to ensure adequate preparation by Member States;",
        "1 to convene the next WTPF in 2026 in Geneva, back to back with the 2026 session of "
        "the Council, so as to ensure adequate preparation by Member States and the regions;",
    )
    new = edit(
        new,
        "d) that WTPF-13 held in Geneva, Switzerland, was a successful edition of these "
        "forums, attended by 126 ITU Member States and no fewer than 900 delegates,",
        "d) that the Council Working Group on International Internet-related Public Policy "
        "Issues holds open online consultations with all stakeholders,",
    )
    e = "the continuing need for allowing adequate preparation time for WTPF;"
    f = "the importance of regional preparation and consultation prior to convening WTPF;"
    new = edit(new, f"e) {e}\n\nf) {f}", f"e) {f}\n\nf) {e}")
    new = edit(
        new,
        "\n\nfurther instructs the ITU Council\n\nto submit to the next plenipotentiary "
        "conference a report on WTPF for any necessary action.",
        "",
    )
    new = edit(
        new,
        "to make the necessary preparations for convening WTPF based on resolves above,",
        "1 to make the necessary preparations for convening WTPF based on resolves above;\n\n"
        "2 to submit to the next plenipotentiary conference a report on WTPF for any "
        "necessary action,",
    )
    new = edit(new, "instructs the ITU Council\n", "instructs the Council\n")
    new = (
        new.rstrip().removesuffix(";")
        + ",\n"
        + (
            "\n\ninstructs the Director of the Telecommunication Development Bureau\n\n"
            "to assist developing countries in their preparations for WTPF, including through "
            "regional preparatory meetings.\n"
        )
    )
    sg = "instructs-the-secretary-general"
    assert changes(old, new) == {
        ("amended", ("considering/c",), ("considering/c",), ""),
        ("removed", ("conscious/d",), (), ""),
        ("added", (), ("conscious/d",), ""),
        ("unchanged", ("emphasizing/f",), ("emphasizing/e",), "R"),
        ("unchanged", ("emphasizing/e",), ("emphasizing/f",), "MR"),
        ("amended", ("resolves/1",), ("resolves/1",), ""),
        ("amended", (f"{sg}/#1",), (f"{sg}/1",), "R"),
        ("amended", ("further-instructs-the-itu-council/#1",), (f"{sg}/2",), "MR"),
        # now the last clause before the new section: its ";" became ","
        ("amended", ("instructs-the-itu-council/3",), ("instructs-the-council/3",), ""),
        (
            "added",
            (),
            ("instructs-the-director-of-the-telecommunication-development-bureau/#1",),
            "",
        ),
    }
    assert sections(old, new) == {
        ("renamed", "instructs the ITU Council", "instructs the Council"),
        ("removed", "further instructs the ITU Council", None),
        ("added", None, "instructs the Director of the Telecommunication Development Bureau"),
    }


def test_sub_clauses_inserted_re_lettered_amended_and_deleted() -> None:
    old = dubai("res-135")
    i = old.index("2 that the Telecommunication Development Bureau shall:")
    j = old.index("instructs the Secretary-General, in close")
    body = relabel(old[i:j], r"(^|; )(ii|iii|iv|v|vi|vii|viii)(\))", 1, ROMAN)
    body = edit(
        body,
        "as appropriate; iii) continue cooperating",
        "as appropriate; ii) support the establishment of national ICT centres of excellence "
        "in developing countries; iii) continue cooperating",
    )
    body = re.sub(r" viii\) work on raising the awareness.*?economies;", "", body)
    body = edit(body, "ix) promote a national", "viii) promote a national")
    body = edit(
        body, "as far as possible;", "as far as possible, and report annually to the Council;"
    )
    new = old[:i] + body + old[j:]
    assert changes(old, new) == {
        ("added", (), ("resolves/2/ii",), ""),
        ("unchanged", ("resolves/2/ii",), ("resolves/2/iii",), "R"),
        ("amended", ("resolves/2/iii",), ("resolves/2/iv",), "R"),
        ("unchanged", ("resolves/2/iv",), ("resolves/2/v",), "R"),
        ("unchanged", ("resolves/2/v",), ("resolves/2/vi",), "R"),
        ("unchanged", ("resolves/2/vi",), ("resolves/2/vii",), "R"),
        ("removed", ("resolves/2/vii",), (), ""),
    }


def _recalling_197(old: str) -> tuple[int, int, list[str]]:
    i, j = old.index("recalling\n"), old.index("taking into account\n")
    items = [re.sub(r"^[a-z]\) ", "", p) for p in old[i:j].split("\n\n")[1:] if p.strip()]
    return i, j, items


def _with_recalling(text: str, i: int, j: int, items: list[str]) -> str:
    body = "\n\n".join(f"{LETTERS[k]}) {p}" for k, p in enumerate(items))
    return f"{text[:i]}recalling\n\n{body}\n\n{text[j:]}"


def test_citation_list_updated_reordered_one_cited_resolution_dropped_one_added() -> None:
    old = dubai("res-197")
    new = (
        old.replace("(Rev. Dubai, 2018)", "(Rev. Bucharest, 2022)")
        .replace("(Rev. Buenos Aires, 2017)", "(Rev. Kigali, 2022)")
        .replace("(Buenos Aires, 2017)", "(Rev. Kigali, 2022)")
        .replace("(Hammamet, 2016)", "(Rev. Geneva, 2022)")
    )
    i, j, items = _recalling_197(new)
    last = items.pop(11).rstrip(",") + ";"  # l) Resolution 130 moves up to f)
    items.insert(5, last)
    del items[10]  # j) Resolution 958 (WRC-2015), obsolete
    items.insert(
        9,
        "Resolution 214 (Bucharest, 2022) of this conference, on artificial intelligence "
        "technologies and telecommunications/ICTs;",
    )
    items[-1] = items[-1].rstrip(";") + ","
    new = _with_recalling(new, i, j, items)
    r = "recalling"
    assert changes(old, new) == {
        *(("amended", (f"{r}/{a}",), (f"{r}/{a}",), "") for a in "abde"),
        ("amended", (f"{r}/l",), (f"{r}/f",), "MR"),
        *(("amended", (f"{r}/{a}",), (f"{r}/{b}",), "R") for a, b in ["fg", "gh", "hi"]),
        ("added", (), (f"{r}/j",), ""),
        ("amended", (f"{r}/i",), (f"{r}/k",), "R"),
        ("removed", (f"{r}/j",), (), ""),
        ("amended", (f"{r}/k",), (f"{r}/l",), "R"),
    }


def test_recital_citing_another_resolution_in_place_is_removed_and_added() -> None:
    """Most words of a citation recital are boilerplate ("Resolution N (Rev. …, 2017)
    of WTDC, on"): citing another resolution is another recital, not an amendment,
    while an updated citation of the same resolution is an amendment."""
    old = dubai("res-139")
    cite = "d) Resolution 37 (Rev. Buenos Aires, 2017) of WTDC, on bridging the digital divide;"
    other = edit(
        old,
        cite,
        "d) Resolution 17 (Rev. Buenos Aires, 2017) of WTDC, on implementation "
        "of regional initiatives;",
    )
    assert changes(old, other) == {
        ("removed", ("recalling/d",), (), ""),
        ("added", (), ("recalling/d",), ""),
    }
    updated = edit(old, cite, cite.replace("(Rev. Buenos Aires, 2017)", "(Rev. Kigali, 2022)"))
    assert changes(old, updated) == {("amended", ("recalling/d",), ("recalling/d",), "")}


def test_two_citation_recitals_swapped_and_amended_keep_their_instruments() -> None:
    old = dubai("res-197")
    new = old.replace("(Rev. Dubai, 2018)", "(Rev. Bucharest, 2022)")
    i, j, items = _recalling_197(new)
    items[3], items[4] = items[4], items[3].replace("2020-2023", "2024-2027")
    new = _with_recalling(new, i, j, items)
    r = "recalling"
    assert changes(old, new) == {
        ("amended", (f"{r}/e",), (f"{r}/d",), "R"),
        ("amended", (f"{r}/d",), (f"{r}/e",), "MR"),
        *(("amended", (f"{r}/{a}",), (f"{r}/{a}",), "") for a in "fghl"),
    }


def test_split_in_three_merge_and_recital_moved_to_a_new_unlabelled_section() -> None:
    old = dubai("res-2")
    new = edit(
        old,
        "based on that report, prepared in accordance with",
        "based on that report;\n\n10 that the report shall be prepared in accordance with",
    )
    new = edit(
        new,
        "Academia and stakeholders, and WTPF shall not consider",
        "Academia and stakeholders;\n\n11 that WTPF shall not consider",
    )
    new = edit(new, "prior to the forum; 10 that", "prior to the forum;\n\n12 that")
    new = edit(
        new,
        "adapted to their needs;\n\ne) that restructuring",
        "adapted to their needs, and that restructuring",
    )
    new = edit(new, "c) Resolution 77 (Rev. Dubai, 2018) of this conference;\n\n", "")
    i, j = new.index("considering\n"), new.index("conscious\n")
    body = relabel(new[i:j], r"^()([d-i])(\) )", -1, LETTERS)
    body = relabel(body, r"^()([e-h])(\) )", -1, LETTERS)
    new = new[:i] + body + new[j:]
    new = edit(
        new,
        "considering\n",
        "recalling\n\nResolution 77 (Rev. Bucharest, 2022) of this conference,\n\nconsidering\n",
    )
    assert changes(old, new) == {
        ("amended", ("considering/c",), ("recalling/#1",), "MR"),
        ("merged", ("considering/d", "considering/e"), ("considering/c",), "R"),
        *(
            ("unchanged", (f"considering/{a}",), (f"considering/{b}",), "R")
            for a, b in zip("fghi", "defg", strict=True)
        ),
        ("split", ("resolves/9",), ("resolves/9", "resolves/10", "resolves/11"), ""),
        ("unchanged", ("resolves/10",), ("resolves/12",), "R"),
    }
    assert sections(old, new) == {("added", None, "recalling")}


def test_two_sections_joined_sub_clauses_changed_and_every_period_updated() -> None:
    old = dubai("dec-5")
    new = (
        old.replace("2020-2023", "2024-2027")
        .replace("2020-2021", "2024-2025")
        .replace("2022-2023", "2026-2027")
        .replace("Dubai, 2018", "Bucharest, 2022")
    )
    new = edit(new, "noting\n\nResolution 151", "noting\n\na) Resolution 151")
    new = edit(new, "\n\nnoting further\n\nthat Resolution 48", ";\n\nb) that Resolution 48")
    new = edit(
        new,
        "a strong and effective level;\n\n",
        "a strong and effective level;\n\nb) the Independent Management Advisory Committee "
        "should be maintained at an effective level;\n\n",
    )
    i, j = new.index("6 that the following minimum"), new.index("7 that the Council shall aim")
    body = re.sub(r"\n\ne\) expenses in regular maintenance.*?optimized;", "", new[i:j])
    body = relabel(body, r"^()([b-d])(\) (?!the Independent))", 1, LETTERS)
    new = new[:i] + body + new[j:]
    rows = changes(old, new)
    assert {r for r in rows if not (r[0] == "amended" and r[1] == r[2] and not r[3])} == {
        ("amended", ("noting/#1",), ("noting/a",), "R"),
        ("amended", ("noting-further/#1",), ("noting/b",), "MR"),
        ("added", (), ("decides/6/b",), ""),
        ("unchanged", ("decides/6/b",), ("decides/6/c",), "R"),
        ("unchanged", ("decides/6/c",), ("decides/6/d",), "R"),
        ("unchanged", ("decides/6/d",), ("decides/6/e",), "R"),
        ("removed", ("decides/6/e",), (), ""),
    }
    # every clause whose period or citation was updated stays in place, amended
    assert ("amended", ("decides/1",), ("decides/1",), "") in rows
    assert ("amended", ("considering/a",), ("considering/a",), "") in rows
    assert sections(old, new) == {("removed", "noting further", None)}


def test_section_dropped_heading_extended_two_clauses_replaced_one_rewritten() -> None:
    old = dubai("res-11")
    new = edit(
        old,
        "4 to develop a business plan for each proposed event;",
        "4 to prepare, for each proposed event, a detailed business plan including a risk "
        "assessment, to be submitted to the Council before any commitment is made;",
    )
    new = edit(
        new,
        "\ninstructs the Secretary-General\n",
        "\ninstructs the Secretary-General, in consultation with the Directors of the Bureaux\n",
    )
    new = new[: new.index("emphasizing\n")] + new[new.index("noting\n") :]
    new = edit(
        new,
        "2 to ensure the appropriate management of ITU Telecom events and resources, in line "
        "with the regulations of the Union;\n\n3 to consider measures that will enable and "
        "assist Member States which are capable and willing to do so, particularly developing "
        "countries, to host and stage ITU Telecom events;",
        "2 to publish the list of the Union's depositary functions on the ITU website;\n\n"
        "3 to provide interpretation in all six official languages for the Council Working "
        "Group on languages;",
    )
    sg, sg2 = (
        "instructs-the-secretary-general",
        ("instructs-the-secretary-general-in-consultation-with-the-directors-of-the-bureaux"),
    )
    assert changes(old, new) == {
        ("removed", ("emphasizing/a",), (), ""),
        ("removed", ("emphasizing/b",), (), ""),
        ("removed", (f"{sg}/2",), (), ""),
        ("removed", (f"{sg}/3",), (), ""),
        ("added", (), (f"{sg2}/2",), ""),
        ("added", (), (f"{sg2}/3",), ""),
        ("amended", (f"{sg}/4",), (f"{sg2}/4",), ""),
    }
    assert sections(old, new) == {
        ("removed", "emphasizing", None),
        (
            "renamed",
            "instructs the Secretary-General",
            "instructs the Secretary-General, in consultation with the Directors of the Bureaux",
        ),
    }


def test_two_amended_citations_moved_to_a_new_section_between_near_duplicates() -> None:
    old = dubai("res-197")
    new = old.replace("(Rev. Dubai, 2018)", "(Rev. Bucharest, 2022)")
    i, j, items = _recalling_197(new)
    first, second = items.pop(6), items.pop(6)  # g) Resolution 176, h) Resolution 201
    body = "\n\n".join(f"{LETTERS[k]}) {p}" for k, p in enumerate(items))
    recognizing = f"recognizing\n\na) {first}\n\nb) {second.rstrip(';')},\n\n"
    new = f"{new[:i]}recalling\n\n{body}\n\n{recognizing}{new[j:]}"
    r = "recalling"
    assert changes(old, new) == {
        *(("amended", (f"{r}/{a}",), (f"{r}/{a}",), "") for a in "def"),
        *(("unchanged", (f"{r}/{a}",), (f"{r}/{b}",), "R") for a, b in ["ig", "jh", "ki"]),
        ("amended", (f"{r}/l",), (f"{r}/j",), "R"),
        ("amended", (f"{r}/g",), ("recognizing/a",), "MR"),
        ("amended", (f"{r}/h",), ("recognizing/b",), "MR"),
    }
    assert sections(old, new) == {("added", None, "recognizing")}
