"""Work handed to forked children: results and errors come back to the build."""

from __future__ import annotations

import pytest
from etalase.errors import BuildError
from etalase.site.renderer import in_background


def fail(message: str) -> None:
    """Raise like a producer refusing its input."""
    raise BuildError(message)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_background_call_returns_its_value(workers):
    assert in_background(workers, sorted, [3, 1, 2]).result() == [1, 2, 3]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_background_call_raises_its_error_in_the_build(workers):
    with pytest.raises(BuildError, match="two outputs want the same file"):
        started = in_background(workers, fail, "two outputs want the same file")
        started.result()
