"""Validating the names a corpus is addressed by: resolution ids, revision names, git revs.

Everything a user types that reaches git or the file system passes through here first,
so that no id can name a path outside the corpus (``../``, an absolute path) and no rev
can be read by git as an option (``--upload-pack=…``). The patterns are deliberately
strict: a name that does not match is refused with a message that shows the expected form.
No git here: this module only checks strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from resdiff.errors import RefError

#: ``itu-pp``, ``itu-t``, ``un-ga``: lower-case words joined by single hyphens.
BODY_RE = r"[a-z][a-z0-9]{0,15}(?:-[a-z0-9]{1,16}){0,3}"
#: ``res``, ``dec``, ``rec``: a short lower-case word.
KIND_RE = r"[a-z]{2,12}"
#: ``179``, ``1``, ``64a``: digits and an optional letter suffix; ``73-179`` for a UN
#: resolution numbered by session (73/179, its slash written as a hyphen).
NUMBER_RE = r"[0-9]{1,6}[a-z]?(?:-[0-9]{1,6}[a-z]?)?"

RESOLUTION_ID = re.compile(rf"(?P<body>{BODY_RE})/(?P<kind>{KIND_RE})-(?P<number>{NUMBER_RE})")
SHORT_ID = re.compile(rf"(?P<kind>{KIND_RE})-(?P<number>{NUMBER_RE})")
NUMBER_ONLY = re.compile(NUMBER_RE)
#: ``dubai-2018``, ``guadalajara-2010``, ``buenos-aires-2017``.
REVISION_NAME = re.compile(r"[a-z][a-z0-9]{0,31}(?:-[a-z0-9]{1,32}){0,5}")
#: What a git rev may contain here: names, ``~n``, ``^n``, ``@{n}``; checked further below.
GIT_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./~^@{}+-]{0,199}")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: The words the commit subject uses for each kind ("Add Resolution 179 (…)").
KIND_WORDS = {"res": "Resolution", "dec": "Decision", "rec": "Recommendation", "op": "Opinion"}


@dataclass(frozen=True, order=True)
class ResolutionId:
    """``itu-pp/res-179``: body, kind and number of one resolution; its file is ``<id>.txt``."""

    body: str
    kind: str
    number: str

    @classmethod
    def parse(cls, text: str) -> ResolutionId:
        """Read a full id (``itu-pp/res-179``); :class:`RefError` for anything else."""
        m = RESOLUTION_ID.fullmatch(text)
        if m is None:
            raise RefError(
                f"{text!r} is not a resolution id; expected <body>/<kind>-<number>,"
                " e.g. itu-pp/res-179"
            )
        return cls(m["body"], m["kind"], m["number"])

    @classmethod
    def from_relpath(cls, relpath: str) -> ResolutionId | None:
        """The id of a corpus-relative file path (``itu-pp/res-179.txt``), or ``None``."""
        if not relpath.endswith(".txt"):
            return None
        m = RESOLUTION_ID.fullmatch(relpath[: -len(".txt")])
        return cls(m["body"], m["kind"], m["number"]) if m else None

    @property
    def relpath(self) -> str:
        """The file's path inside the corpus folder (POSIX): ``itu-pp/res-179.txt``."""
        return f"{self.body}/{self.kind}-{self.number}.txt"

    @property
    def shown_number(self) -> str:
        """The number as the resolution writes it: ``179``; ``73/179`` for ``73-179``."""
        return self.number.replace("-", "/")

    @property
    def short(self) -> str:
        """``res-179``."""
        return f"{self.kind}-{self.number}"

    @property
    def kind_word(self) -> str:
        """``Resolution`` for ``res`` (and so on); the kind itself, capitalised, otherwise."""
        return KIND_WORDS.get(self.kind, self.kind.capitalize())

    def __str__(self) -> str:
        return f"{self.body}/{self.kind}-{self.number}"


def matches_shorthand(rid: ResolutionId, text: str) -> bool:
    """Whether ``text`` (``itu-pp/res-179``, ``res-179`` or ``179``) names ``rid``."""
    if text == str(rid):
        return True
    if SHORT_ID.fullmatch(text):
        return text == rid.short
    if NUMBER_ONLY.fullmatch(text):
        return text == rid.number
    return False


def check_shorthand(text: str) -> None:
    """Refuse a resolution name that is none of ``itu-pp/res-179``, ``res-179``, ``179``."""
    if not (
        RESOLUTION_ID.fullmatch(text) or SHORT_ID.fullmatch(text) or NUMBER_ONLY.fullmatch(text)
    ):
        raise RefError(f"{text!r} is not a resolution name; use itu-pp/res-179, res-179 or 179")


def check_revision_name(name: str) -> str:
    """Return ``name`` when it is a valid revision name (``dubai-2018``), else RefError."""
    if not REVISION_NAME.fullmatch(name):
        raise RefError(
            f"{name!r} is not a revision name; use lower-case words and a year joined by"
            " hyphens, e.g. dubai-2018"
        )
    return name


def is_revision_name(name: str) -> bool:
    """Whether ``name`` is a valid revision name (no exception)."""
    return REVISION_NAME.fullmatch(name) is not None


def check_git_rev(rev: str) -> str:
    """Return ``rev`` when it is safe to hand to git as one commit-ish, else RefError.

    Refused: an empty rev, one starting with ``-`` (git would read an option), ranges
    (``..``), paths (``:``), whitespace, control characters, reflog shell tricks.
    """
    if rev.startswith("-"):
        raise RefError(f"{rev!r}: a ref may not start with '-'")
    if not GIT_REV.fullmatch(rev) or ".." in rev or "//" in rev or rev.endswith(".lock"):
        raise RefError(f"{rev!r} is not a valid git revision")
    return rev


#: A branch glob: what a branch name may hold, and ``*``, ``?``, ``[…]``.
BRANCH_GLOB = re.compile(r"[A-Za-z0-9_*?\[][A-Za-z0-9_./*?\[\]!+-]{0,199}")


def check_branch_glob(pattern: str) -> str:
    """Return ``pattern`` when it is a safe branch glob (``proposal/*``), else RefError."""
    if pattern.startswith("-"):
        raise RefError(f"{pattern!r}: a branch pattern may not start with '-'")
    if not BRANCH_GLOB.fullmatch(pattern) or ".." in pattern or "//" in pattern:
        raise RefError(
            f"{pattern!r} is not a branch pattern; use branch-name characters and * ? [ ],"
            " e.g. proposal/*"
        )
    return pattern


def check_date(text: str) -> date:
    """Read an ISO date (``2018-11-16``); :class:`RefError` when it is not a real date."""
    if not DATE_RE.fullmatch(text):
        raise RefError(f"{text!r} is not a date; expected YYYY-MM-DD, e.g. 2018-11-16")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RefError(f"{text!r} is not a real date") from None


@dataclass(frozen=True)
class RefSpec:
    """A ``RES@REV`` operand split into its parts (either may be empty: ``@dubai-2018``)."""

    resolution: str | None
    rev: str | None

    @classmethod
    def parse(cls, text: str) -> RefSpec:
        """Split ``res-179@dubai-2018`` / ``@dubai-2018`` / ``res-179``; validates each part."""
        if text.startswith("-"):
            raise RefError(f"{text!r}: a ref may not start with '-'")
        res, sep, rev = text.partition("@")
        if sep and not rev:
            raise RefError(f"{text!r}: nothing after '@'; expected RES@REVISION")
        if res:
            check_shorthand(res)
        if rev:
            check_git_rev(rev)
        return cls(resolution=res or None, rev=rev or None)


def looks_like_ref(text: str) -> bool:
    """Whether a command-line operand is meant as a corpus ref (``RES@REV`` or ``@REV``)."""
    res, sep, rev = text.partition("@")
    if not sep or not rev:
        return False
    return res == "" or bool(
        RESOLUTION_ID.fullmatch(res) or SHORT_ID.fullmatch(res) or NUMBER_ONLY.fullmatch(res)
    )


def subject_title(number_line: str | None) -> str | None:
    """The revision part of a number line, as a subject shows it.

    ``RESOLUTION 179 (REV. DUBAI, 2018)`` → ``Rev. Dubai, 2018``;
    ``PP RESOLUTION 179 (Guadalajara, 2010)`` → ``Guadalajara, 2010``.
    """
    if not number_line:
        return None
    m = re.search(r"\(([^()]*\d{4})\)\s*$", number_line.strip())
    if m is None:
        return None
    inner = " ".join(m.group(1).split())
    if inner.isupper() or inner.upper() == inner:
        inner = " ".join(_title_word(w) for w in inner.split(" "))
    return inner


def _title_word(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
