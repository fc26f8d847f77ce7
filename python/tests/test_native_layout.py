"""The pyo3 crate's model modules (``bindings/python/src/model/``) use each other
without a circle: helpers, then the classes, then ``convert``, then ``unpickling``."""

from __future__ import annotations

import re

from support import REPO

MODEL = REPO / "bindings" / "python" / "src" / "model"

# `use super::name`, `use super::name::...`, `use super::{a, b::c}` and `super::name::x`.
SUPER_PATH = re.compile(r"\bsuper::(\{[^}]*\}|\w+)")


COMMENT = re.compile(r"//.*")


def uses(source: str) -> set[str]:
    names: set[str] = set()
    for found in SUPER_PATH.findall(COMMENT.sub("", source)):
        for item in found.strip("{}").split(","):
            name = item.strip().split("::")[0]
            if name:
                names.add(name)
    return names


def graph() -> dict[str, set[str]]:
    modules = {path.stem: path.read_text() for path in MODEL.glob("*.rs") if path.stem != "mod"}
    return {name: uses(source) & modules.keys() - {name} for name, source in modules.items()}


def test_the_model_modules_have_no_import_circle() -> None:
    edges = graph()
    assert "convert" in edges and "unpickling" in edges
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", "import circle: " + " -> ".join([*path, name])
        state[name] = "open"
        for used in sorted(edges[name]):
            visit(used, [*path, name])
        state[name] = "done"

    for name in sorted(edges):
        visit(name, [])


def test_only_unpickling_builds_objects_back() -> None:
    edges = graph()
    users_of_convert = {name for name, used in edges.items() if "convert" in used}
    assert users_of_convert == {"unpickling"}
    assert not edges["pickling"], "the reducing half needs no other model module"
