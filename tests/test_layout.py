"""The package is laid out by pipeline stage, and data flows one way: a stage imports only from stages before it."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# Order of the stages; the package root's entry points come last except `service`, which only opens an engine.
RANK = {"documents": 0, "retrieval": 1, "service": 1, "answers": 2, "web": 3, "cli": 4, "evaluate": 4,
        "__main__": 4}


def _stage(parts: tuple[str, ...]) -> str:
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _imported_stages(path: Path, package_dir: Path = PACKAGE) -> set[str]:
    """Stages a module imports from, resolving relative imports against its own place in the package."""
    rel = path.relative_to(package_dir).parts
    package = list(rel[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "assistant":
                target = node.module.split(".")[1:]
            else:
                continue
            names = target or [alias.name for alias in node.names]
            if names:
                found.add(names[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "assistant" and len(parts) > 1:
                    found.add(parts[1])
    return found


def test_each_stage_has_its_own_folder():
    for stage in ("documents", "retrieval", "answers", "web"):
        assert (PACKAGE / stage / "__init__.py").is_file()
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "cli.py", "evaluate.py", "service.py"]


def test_no_module_imports_from_a_later_stage():
    modules = list(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    backwards = []
    for path in modules:
        own = _stage(path.relative_to(PACKAGE).parts)
        if own == "__init__":
            continue
        for target in _imported_stages(path):
            if target in RANK and RANK[target] > RANK[own]:
                backwards.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert not backwards, backwards


def test_the_import_check_sees_a_backward_import(tmp_path):
    """The checker itself: a documents module importing from answers is caught."""
    fake = tmp_path / "assistant"
    (fake / "documents").mkdir(parents=True)
    bad = fake / "documents" / "bad.py"
    bad.write_text("from ..answers.answer import to_json\nfrom .records import Record\n", encoding="utf-8")
    assert _imported_stages(bad, fake) == {"answers", "documents"}
