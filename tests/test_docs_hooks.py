"""docs/plugins.md documents every hook exactly: one section per hookspec, the same signature, the same
docstring, the same first-result flag; and no section for a hook that does not exist.

``python tests/test_docs_hooks.py`` prints the hook reference as docs/plugins.md should hold it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docingest import hookspecs
from docingest.document import Page, RawDocument

DOC = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"
_SECTION = re.compile(r"^### `(docingest_\w+)`\s*$", re.MULTILINE)
_SIGNATURE = re.compile(r"```python\n(def docingest_\w+\(.*?\) -> .*?)\n```", re.DOTALL)


def hookspec_functions() -> dict[str, Callable[..., Any]]:
    """The hook specifications, in source order."""
    found = [
        (name, f) for name, f in vars(hookspecs).items()
        if name.startswith("docingest_") and inspect.isfunction(f) and hasattr(f, "docingest_spec")
    ]
    return dict(sorted(found, key=lambda item: item[1].__code__.co_firstlineno))


def signature_line(function: Callable[..., Any]) -> str:
    """``def name(arg: Type, ...) -> Return`` with the annotations as written in hookspecs.py."""
    sig = inspect.signature(function)  # annotations stay strings: hookspecs.py uses postponed evaluation
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"def {function.__name__}({params}) -> {sig.return_annotation}"


def is_first_result(function: Callable[..., Any]) -> bool:
    return bool(function.docingest_spec.get("firstresult"))  # type: ignore[attr-defined]


def rst_to_markdown(text: str) -> str:
    """A docstring in Markdown: roles become code (``:class:`~a.B``` → ```B```), double backquotes single."""

    def role(match: re.Match[str]) -> str:
        target = match.group(1)
        return "`" + (target[1:].rsplit(".", 1)[-1] if target.startswith("~") else target) + "`"

    text = re.sub(r":\w+:`([^`]+)`", role, inspect.cleandoc(text))
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def render_section(function: Callable[..., Any]) -> str:
    kind = ("**First result**: the first non-`None` answer wins (third-party plugins are asked before the "
            "built-ins)." if is_first_result(function)
            else "**Collecting**: every implementation is called and all results are used.")
    return (f"### `{function.__name__}`\n\n```python\n{signature_line(function)}\n```\n\n{kind}\n\n"
            f"{rst_to_markdown(function.__doc__ or '')}\n")


def render_reference() -> str:
    return "\n".join(render_section(f) for f in hookspec_functions().values())


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    matches = list(_SECTION.finditer(text))
    sections: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        following = re.search(r"^#{1,3} ", text[match.end() : end], re.MULTILINE)
        body_end = match.end() + following.start() if following else end
        assert match.group(1) not in sections, f"docs/plugins.md documents {match.group(1)} twice"
        sections[match.group(1)] = text[match.end() : body_end]
    return sections


def test_every_hookspec_is_documented_and_every_section_is_a_hookspec() -> None:
    specs = hookspec_functions()
    assert len(specs) >= 11
    sections = _sections()
    assert set(specs) - set(sections) == set(), "hooks missing from docs/plugins.md"
    assert set(sections) - set(specs) == set(), "docs/plugins.md documents hooks that do not exist"
    assert list(sections) == list(specs), "docs/plugins.md should list the hooks in hookspecs.py's order"


@pytest.mark.parametrize("name", list(hookspec_functions()))
def test_section_matches_the_hookspec(name: str) -> None:
    function = hookspec_functions()[name]
    section = _sections()[name]
    signatures = _SIGNATURE.findall(section)
    assert signatures, f"the section of {name} has no ```python def ...``` signature block"
    assert signatures[0] == signature_line(function), (
        f"signature of {name} in docs/plugins.md differs from hookspecs.py:\n"
        f"  docs:      {signatures[0]}\n  hookspecs: {signature_line(function)}"
    )
    assert ("**First result**" in section) == is_first_result(function), f"{name}: first-result flag differs"
    doc = _normalise(rst_to_markdown(function.__doc__ or ""))
    assert doc and doc in _normalise(section), f"the section of {name} does not carry its docstring"


def test_signature_line_reads_the_real_signature() -> None:
    def docingest_probe(raw: RawDocument, n: int) -> Page | None:
        return None

    assert signature_line(docingest_probe) == "def docingest_probe(raw: RawDocument, n: int) -> Page | None"


if __name__ == "__main__":
    print(render_reference())
