"""The Python examples of docs/testing.md run and pass (fixture examples run through pytest's fixtures)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "testing.md"
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples() -> list[Callable[..., Any]]:
    tests: list[Callable[..., Any]] = []
    for i, block in enumerate(_BLOCK.findall(DOC.read_text(encoding="utf-8"))):
        namespace: dict[str, Any] = {"__name__": f"docs_testing_example_{i}"}
        exec(compile(block, f"docs/testing.md example {i}", "exec"), namespace)
        tests += [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    return tests


EXAMPLES = _examples()


def test_the_doc_has_examples_of_each_part() -> None:
    names = {f.__name__ for f in EXAMPLES}
    assert {"test_my_store_keeps_articles", "test_from_type_draws_valid_records", "test_fetch_and_extract",
            "test_ad_slot_cleaner_conforms", "test_fetcher_conforms", "test_fetch_over_a_socket"} <= names


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda f: f.__name__)
def test_doc_example_passes(example: Callable[..., Any], request: pytest.FixtureRequest) -> None:
    arguments = {name: request.getfixturevalue(name) for name in inspect.signature(example).parameters
                 if not hasattr(example, "hypothesis")}
    example(**arguments)
