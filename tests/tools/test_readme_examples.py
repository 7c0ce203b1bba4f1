"""The second net under `make diff`: README Python blocks and examples/ type-checked against the generated client."""

from __future__ import annotations

import re
from pathlib import Path

from scratch import Clone, load, response_model, save

from tools.readme_examples import python_blocks, write_modules

MARKDOWN = """# Title

```sh
make
```

```python
import os
print(os.sep)
```

    indented code is not a fence

~~~py
x: int = 1
~~~

```python title="with attributes"
y = 2
```
"""


def test_python_blocks_are_found_with_the_line_they_start_on() -> None:
    assert python_blocks(MARKDOWN) == [(8, "import os\nprint(os.sep)\n"), (15, "x: int = 1\n"), (19, "y = 2\n")]


def test_written_modules_keep_the_markdown_line_numbers(tmp_path: Path) -> None:
    markdown = tmp_path / "DOC.md"
    markdown.write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "stale.py").write_text("old\n")
    written = write_modules([markdown], tmp_path / "out")
    assert [p.name.rsplit("_", 3)[-3:] for p in written] == [["doc", "md", f"{n}.py"] for n in (1, 2, 3)]
    assert not (tmp_path / "out" / "stale.py").exists()
    lines = written[1].read_text().splitlines()
    assert lines[14] == "x: int = 1"  # line 15 of the module, as in DOC.md
    assert lines[0].startswith("# ")
    assert "DOC.md" in lines[0]


def test_a_removed_field_that_the_readme_uses_fails_the_examples_check(project_clone: Clone) -> None:
    clone = project_clone
    spec = load(clone)
    model = response_model(spec)
    spec["components"]["schemas"][model]["properties"]["netCheck"] = {"type": "string"}
    save(clone, spec)
    readme = clone.read("README.md")
    block = (
        "\n```python\nfrom cloud_partner_portal_client import models\n\n"
        f"def note(item: models.{model}) -> object:\n    return item.net_check\n```\n"
    )
    clone.write("README.md", readme + block)
    line = len(readme.splitlines()) + 6  # the `return item.net_check` line
    clone.make("generate")
    clone.make("examples")  # the field exists: the README block type-checks

    spec = load(clone)
    del spec["components"]["schemas"][model]["properties"]["netCheck"]
    save(clone, spec)
    clone.make("generate")
    result = clone.make("examples", check=False)
    assert result.returncode != 0
    assert re.search(rf"build/examples/readme_md_\d+\.py:{line}: error: .*net_check", result.stdout), result.stdout
