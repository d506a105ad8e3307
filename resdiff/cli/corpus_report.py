"""Rendering a corpus check (:class:`resdiff.corpus.CheckReport`) as text, Markdown or JSON.

With a base ref the report is the pull-request view: each changed resolution with its ITU
mark (ADD/SUP/MOD) and its clause changes — rendered by the tree-diff renderers, so a
check comment reads like ``resdiff diff @base @head`` — followed by every problem found.
Markdown escapes all text taken from files and commit messages (see render.markdown).
"""

from __future__ import annotations

import json
from typing import Any

from resdiff.changes import TreeDiff, TreeEntry
from resdiff.corpus import CheckReport
from resdiff.corpus.records import FileCheck
from resdiff.render import RenderOptions, render

CHECK_SCHEMA = "resdiff/corpus-check/v1"
_STATUS = {"added": "added", "removed": "removed", "modified": "modified", "unchanged": "unchanged"}


def _tree(report: CheckReport) -> TreeDiff:
    entries = [
        TreeEntry(path=f.relpath, status=_STATUS[f.status], diff=f.diff)  # type: ignore[arg-type]
        for f in report.files
        if f.status in _STATUS
    ]
    return TreeDiff(old_source=f"@{report.base}", new_source="working tree", entries=tuple(entries))


def _findings(report: CheckReport, shown: set[str]) -> list[tuple[str, str]]:
    """(level, line) of every diagnostic and problem to show, errors and warnings."""
    out: list[tuple[str, str]] = []
    for f in report.files:
        for d in f.diagnostics:
            if d.level in shown:
                out.append((d.level, f"{d.format(f.relpath)} [{d.code}]"))
    for p in report.problems:
        if p.level in shown:
            out.append((p.level, p.format()))
    return out


def _counts(report: CheckReport) -> tuple[int, int]:
    errors = sum(len(f.errors) for f in report.files) + sum(
        1 for p in report.problems if p.level == "error"
    )
    warnings = sum(1 for f in report.files for d in f.diagnostics if d.level == "warning") + sum(
        1 for p in report.problems if p.level == "warning"
    )
    return errors, warnings


def render_text(report: CheckReport, shown: set[str]) -> str:
    lines: list[str] = []
    if report.base is not None:
        tree = render(_tree(report), "text", RenderOptions())
        assert isinstance(tree, str)
        lines.extend(tree.rstrip("\n").splitlines())
    lines.extend(line for _level, line in _findings(report, shown))
    errors, warnings = _counts(report)
    lines.append(f"check: {len(report.files)} file(s), {errors} error(s), {warnings} warning(s)")
    return "".join(line + "\n" for line in lines)


def render_markdown(report: CheckReport, shown: set[str]) -> str:
    from resdiff.render.markdown import escape

    errors, warnings = _counts(report)
    verdict = "passed" if report.ok else "failed"
    parts = [f"## resdiff check {verdict}", ""]
    parts.append(
        f"{len(report.files)} resolution file(s) checked, {errors} error(s), {warnings} warning(s)."
    )
    if report.base is not None:
        changed = [f for f in report.files if f.status != "unchanged"]
        if changed:
            tree = render(_tree(report), "markdown", RenderOptions())
            assert isinstance(tree, str)
            parts += ["", tree.rstrip("\n")]
        else:
            parts += ["", f"No resolution changed since {escape(report.base)}."]
    findings = _findings(report, shown)
    if findings:
        parts += ["", "### Problems", ""]
        parts += [f"- **{level}**: {escape(line)}" for level, line in findings]
    return "\n".join(parts) + "\n"


def _file_json(f: FileCheck, shown: set[str]) -> dict[str, Any]:
    return {
        "path": f.relpath,
        "status": f.status,
        "errors": len(f.errors),
        "diagnostics": [
            {
                "level": d.level,
                "code": d.code,
                "message": d.message,
                "line": d.line,
                "column": d.column,
            }
            for d in f.diagnostics
            if d.level in shown
        ],
        "diff": f.diff.to_json() if f.diff is not None else None,
    }


def render_json(report: CheckReport, shown: set[str]) -> str:
    errors, warnings = _counts(report)
    doc = {
        "schema": CHECK_SCHEMA,
        "base": report.base,
        "ok": report.ok,
        "files": [_file_json(f, shown) for f in report.files],
        "problems": [p.to_json() for p in report.problems if p.level in shown],
        "summary": {"files": len(report.files), "errors": errors, "warnings": warnings},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_check(report: CheckReport, fmt: str, shown: set[str]) -> str:
    """The report in ``text``, ``markdown`` or ``json``."""
    if fmt == "markdown":
        return render_markdown(report, shown)
    if fmt == "json":
        return render_json(report, shown)
    return render_text(report, shown)
