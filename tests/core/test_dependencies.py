"""Dependencies point one way: apps → core, never core → apps, and no module imports itself
back through others. Read from the source, imports inside functions included (a lazy import
hides a cycle, it does not remove it)."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGES = ["optnc_site", "partnerships", "events", "memberships"]
APPS = ["partnerships", "events", "memberships"]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imports_of(name, path, known):
    """The project modules ``name`` imports (``from . import x`` resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph():
    known = project_modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_core_never_imports_an_app():
    offending = {
        (module, target)
        for module, targets in graph().items()
        if module.startswith("optnc_site")
        for target in targets
        if target.split(".")[0] in APPS
    }
    assert offending == set()


def test_no_import_cycle():
    edges = graph()
    cycles = []

    def visit(module, trail):
        for target in edges.get(module, ()):
            if target in trail:
                cycles.append(trail[trail.index(target) :] + [target])
            elif target not in done:
                visit(target, [*trail, target])
        done.add(module)

    done = set()
    for module in edges:
        if module not in done:
            visit(module, [module])
    assert cycles == []


def test_the_graph_is_read():
    """The check above reads real imports (so it could fail)."""
    edges = graph()
    assert "optnc_site.core.models" in edges["events.models"]
    assert "optnc_site.core.relations" in edges["partnerships.models"]
