"""Every output of every command on the real texts is byte-identical to the stored manifest.

The manifest (``tests/golden/manifest.json``) is written by ``scripts/output_manifest.py
--write`` on purpose only, after reading what changed: a refactor must leave it as it is.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "output_manifest", ROOT / "scripts" / "output_manifest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_output_matches_the_manifest(shared_data: Path) -> None:
    env = {**os.environ, "RESDIFF_SHARED_DATA": str(shared_data)}
    script = ROOT / "scripts" / "output_manifest.py"
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, "outputs changed:\n" + done.stdout[-4000:] + done.stderr[-2000:]
    stored = json.loads((ROOT / "tests" / "golden" / "manifest.json").read_text(encoding="utf-8"))
    assert done.stdout.endswith(
        f"{len(stored)} outputs, 0 differ from tests/golden/manifest.json\n"
    )


def test_compare_names_each_changed_new_and_gone_output() -> None:
    script = _script()
    lines = script.compare({"a": "0:x", "b": "1:y"}, {"a": "0:x", "b": "1:z", "c": "0:w"})
    assert lines == ["b: 1:y -> 1:z", "c: (absent) -> 0:w"]
    assert script.compare({"gone": "0:x"}, {}) == ["gone: 0:x -> (absent)"]
