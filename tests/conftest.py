"""Shared fixtures: temporary copies of the seeds, temporary warehouses, the CLI.

End-to-end tests drive the real CLI in-process (Typer's CliRunner), so the
Prefect ephemeral API starts once per test session instead of once per test;
``test_cli_subprocess.py`` covers the fresh-process path.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from akhbar import prefect_env

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

prefect_env.configure()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse"


class Cli:
    """Run ``akhbar ...`` in-process; returns (exit code, stdout, stderr)."""

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        from typer.testing import CliRunner

        from akhbar.cli import app

        runner = CliRunner()
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="session")
def seeded_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One warehouse built from a copy of the seeds, shared read-only by many tests."""
    base = tmp_path_factory.mktemp("seeded")
    src = base / "seeds"
    shutil.copytree(SEEDS, src)
    wh = base / "warehouse"
    code, _out, err = Cli()("run", str(src), "--warehouse", str(wh))
    assert code == 0, err
    return wh


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("AKHBAR_TEST", "1")
