"""The import contracts in pyproject.toml (import-linter): they hold, and they bite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = [str(Path(sys.executable).parent / "lint-imports")]


def _lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [*LINT, "--config", str(tree / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _copy(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    ignore = shutil.ignore_patterns("__pycache__")
    for pkg in ("akhbar", "flows", "tasks"):
        shutil.copytree(ROOT / pkg, tree / pkg, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def test_the_tree_keeps_every_contract(tmp_path):
    out = _lint(_copy(tmp_path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "broken" not in out.stdout.lower().split("contracts:")[-1].split("kept")[0]


def test_a_stage_importing_a_flow_breaks_the_layers(tmp_path):
    tree = _copy(tmp_path)
    with (tree / "tasks" / "decode.py").open("a", encoding="utf-8") as fh:
        fh.write("\nimport flows.ingest  # an upward import\n")
    out = _lint(tree)
    assert out.returncode != 0
    assert "tasks.decode -> flows.ingest" in out.stdout


def test_an_extractor_importing_another_breaks_independence(tmp_path):
    tree = _copy(tmp_path)
    with (tree / "tasks" / "extract" / "quotes" / "marks.py").open("a", encoding="utf-8") as fh:
        fh.write("\nimport tasks.extract.entities.rules  # a sibling extractor\n")
    out = _lint(tree)
    assert out.returncode != 0
    assert "tasks.extract.quotes.marks -> tasks.extract.entities.rules" in out.stdout
