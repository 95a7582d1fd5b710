"""The layout's rules, checked on the source: dependencies point down, SQL lives in db/.

cli -> commands -> run -> engines -> ats; run and commands -> db. Nothing in `ats/` or
`db/` imports `run/`, `engines/` or `cli`; `engines/` never imports `run/`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "resume_opt"
FORBIDDEN = {
    "ats": ("resume_opt.run", "resume_opt.engines", "resume_opt.cli", "resume_opt.commands", "resume_opt.db"),
    "db": ("resume_opt.run", "resume_opt.engines", "resume_opt.cli", "resume_opt.commands", "resume_opt.ats"),
    "engines": ("resume_opt.run", "resume_opt.cli", "resume_opt.commands"),
    "run": ("resume_opt.cli", "resume_opt.commands"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
            out.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return out


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_dependencies_point_down(layer: str) -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in _imports(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert not bad, bad


def test_sql_lives_in_db() -> None:
    """No `.execute(` or cursor outside db/ (tests and scripts are not the package)."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "db" in path.relative_to(PACKAGE).parts[:1]:
            continue
        text = path.read_text("utf-8")
        for needle in (".execute(", ".executemany(", ".cursor(", ".copy("):
            if needle in text:
                bad.append(f"{path.relative_to(PACKAGE.parent)}: {needle}")
    assert not bad, bad
