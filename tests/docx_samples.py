"""Small Word documents written as raw WordprocessingML, for the .docx reader's tests.

Each is what Word (or another producer) writes for one feature: tracked insertions and
deletions, deleted or inserted paragraph marks, moves, formatting-only changes, fields,
tables, footnotes. Built by hand so that each test shows the exact markup it reads.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
CHANGE = 'w:id="{id}" w:author="Delegation" w:date="2026-01-01T00:00:00Z"'


def ins(text: str, n: int = 1) -> str:
    """An inserted run."""
    return f'<w:ins {CHANGE.format(id=n)}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'


def dele(text: str, n: int = 2) -> str:
    """A deleted run."""
    return (
        f'<w:del {CHANGE.format(id=n)}><w:r><w:delText xml:space="preserve">{text}'
        "</w:delText></w:r></w:del>"
    )


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, mark: str | None = None, style: str | None = None) -> str:
    """A paragraph; ``mark`` = "ins" or "del" tracks its paragraph mark."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if mark:
        props += f"<w:rPr><w:{mark} {CHANGE.format(id=99)}/></w:rPr>"
    return f"<w:p><w:pPr>{props}</w:pPr>{''.join(content)}</w:p>"


def document(*blocks: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(blocks)}<w:sectPr/></w:body></w:document>'
    )


def write_docx(
    path: Path, document_xml: str | bytes, parts: dict[str, str | bytes] | None = None
) -> Path:
    """A .docx at ``path`` holding ``document_xml`` (and any other parts by name)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path
