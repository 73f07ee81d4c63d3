"""The README's Architecture section lists every module of eventdesk/, one line each, and nothing else."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def architecture_modules(readme: str) -> list[str]:
    """The paths the Architecture section's tree names under eventdesk/ (folders end in "/")."""
    section = readme[readme.index("## Architecture"):]
    block = section[section.index("```\n") + 4:]
    block = block[:block.index("```")]
    paths, folders = [], []
    for line in block.splitlines():
        name = line.strip().split()[0] if line.strip() else ""
        depth = (len(line) - len(line.lstrip())) // 2
        if depth == 0 and name != "eventdesk/":
            folders = []
            continue
        folders = folders[:depth]
        if name.endswith("/"):
            folders.append(name)
        if folders and folders[0] == "eventdesk/" and name.endswith(".py"):
            paths.append("".join(folders) + name)
    return paths


def test_the_architecture_section_lists_each_module_once():
    listed = architecture_modules((ROOT / "README.md").read_text(encoding="utf-8"))
    tree = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "eventdesk").rglob("*.py"))
    assert sorted(set(listed)) == sorted(listed), "a module is listed twice"
    assert sorted(listed) == tree, (
        f"README's Architecture misses {sorted(set(tree) - set(listed))}, names {sorted(set(listed) - set(tree))}")


def test_the_tree_reader_follows_indentation():
    readme = ("## Architecture\n\n```\neventdesk/\n  cli.py   the CLI\n  store/   the store\n    ingest.py  in\n"
              "  schema.py  the tables\npages/   views\n  home.py\n```\n")
    assert architecture_modules(readme) == ["eventdesk/cli.py", "eventdesk/store/ingest.py", "eventdesk/schema.py"]
