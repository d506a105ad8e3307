"""The code's shape (scripts/check_structure.py): no import cycle among resdiff's modules,
no module over 600 lines, no class over 300, no function over 80."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_structure.py"


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "check_structure.py")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_resdiff_has_no_import_cycle_and_nothing_too_long() -> None:
    done = _check(ROOT)
    assert done.stdout == ""
    assert done.stderr == ""
    assert done.returncode == 0


def test_the_check_finds_a_cycle_and_a_long_function(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "check_structure.py").write_text(
        SCRIPT.read_text(encoding="utf-8"), encoding="utf-8"
    )
    package = tmp_path / "resdiff"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from resdiff import b\n", encoding="utf-8")
    body = "".join(f"    x{i} = {i}\n" for i in range(81))
    (package / "b.py").write_text(
        f"def late() -> None:\n    from resdiff.a import b\n\n\ndef long() -> None:\n{body}",
        encoding="utf-8",
    )
    done = _check(tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "import cycle: resdiff.a <-> resdiff.b",
        "resdiff/b.py:5: function long of 82 lines (limit 80)",
    ]
