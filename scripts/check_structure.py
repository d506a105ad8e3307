"""Check the code's shape: no import cycle among resdiff's modules, and size limits.

Every import counts, at module level, inside functions and under TYPE_CHECKING: a cycle
anywhere means two modules cannot be understood (or changed) one without the other.
Limits: a module at most 600 lines, a class at most 300, a function at most 80.

Usage: python scripts/check_structure.py   (exit 1 and one line per finding)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "resdiff"
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 600, 300, 80


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The resdiff modules that ``name`` imports, anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(result)


def size_findings(known: dict[str, Path]) -> list[str]:
    findings = []
    for path in known.values():
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        rel = path.relative_to(ROOT)
        if lines > MAX_MODULE:
            findings.append(f"{rel}: module of {lines} lines (limit {MAX_MODULE})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                start = node.lineno
                length = (node.end_lineno or node.lineno) - start + 1
                limit = MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                if length > limit:
                    findings.append(
                        f"{rel}:{node.lineno}: {kind} {node.name} of {length} lines (limit {limit})"
                    )
    return findings


def findings() -> list[str]:
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    out = [f"import cycle: {' <-> '.join(c)}" for c in cycles(graph)]
    return out + size_findings(known)


def main() -> int:
    found = findings()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
