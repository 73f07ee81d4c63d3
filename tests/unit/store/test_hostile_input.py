"""Hostile and broken input: each bad file is ingested beside two good articles by a real ingest.

Every case checks the message (it names the file and says what to do), that the two good articles are
stored, and that the store holds nothing else: it equals the store of an ingest of the good articles alone.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from eventdesk import articles, schema
from eventdesk.store import database, ingest, store

ROOT = Path(__file__).resolve().parents[3]

GOOD = {
    "2023-06-18_kasese_school.txt": (
        "---\npublished: 2023-06-18\nsource: Daily Monitor\n---\n"
        "Rebels attack school in western Uganda\n\n"
        "Suspected rebels attacked a secondary school in Mpondwe, near the border with Congo, on Friday night, "
        "killing 41 people, most of them students, police said on Saturday. Eight others were injured."),
    "2022-11-02_sahel_convoy.txt": (
        "---\npublished: 2022-11-02\nsource: Sahel Wire\n---\n"
        "Convoy ambushed near Djibo\n\n"
        "Gunmen ambushed a supply convoy near Djibo in northern Burkina Faso on Tuesday, killing 11 soldiers "
        "and wounding 28, the army said in a statement on Wednesday."),
}
GOOD_TEXT = "Police said a bomb exploded at a bus stop in Kisumu on Monday, killing three people."


def _nested(depth: int) -> str:
    return '{"text": "' + GOOD_TEXT + '", "meta": ' + "[" * depth + "]" * depth + "}"


# (case, file name, bytes, words the message must hold)
BAD_FILES = [
    ("empty", "empty.txt", b"", ["empty"]),
    ("blank", "blank.md", b" \n\t\n", ["empty"]),
    ("binary", "photo.txt", bytes(range(256)) * 8, ["binary", "give a .txt"]),
    ("utf16-no-bom", "wide.txt", "Gunmen attacked a market.".encode("utf-16-le"), ["UTF-16", "re-save", "UTF-8"]),
    ("latin1", "old.txt", "Explosion au caf\xe9 de la gare\n\nUne bombe a tu\xe9 deux personnes.".encode("latin-1"),
     ["not UTF-8", "re-save the file as UTF-8"]),
    ("truncated-json", "cut.json", b'{"title": "Blast", "text": "A bomb exploded in the', ["malformed JSON", "line 1"]),
    ("deep-json", "deep.json", _nested(200_000).encode(), ["nested too deeply", "flat object"]),
    ("deep-jsonl", "deep.jsonl", _nested(200_000).encode() + b"\n", ["nested too deeply"]),
    ("json-without-text", "meta.json", b'{"title": "Only a title"}', ["no text", "'text' field"]),
    ("csv-no-text-column", "table.csv", b"title,body\nBlast,A bomb\n", ["no 'text' column"]),
    ("csv-extra-cells", "ragged.csv", b'text,title\n"A bomb hit a bus",Blast,extra\n', ["more cells", "quoting"]),
    ("csv-unclosed-quote", "quote.csv", b'text,title\n"A bomb hit a bus,Blast\n', ["malformed CSV"]),
    ("csv-null-byte", "nul.csv", b"text\nA bomb\x00 hit a bus\n", ["binary"]),
    ("html-without-text", "menu.html", b"<html><head><style>p{}</style></head><body><script>x()</script></body></html>",
     ["no article text"]),
    ("wrong-suffix", "scan.pdf", b"%PDF-1.4", None),  # not an article file: not read, not reported
]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """The store of the two good articles alone."""
    folder = tmp_path_factory.mktemp("good")
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = ingest.ingest_paths([folder], folder / "store", workers=1)
    assert (result.articles_new, result.errors) == (2, [])
    return snapshot(folder / "store")


def snapshot(folder: Path) -> dict[str, object]:
    """The store's tables and files, without the paths they were read from."""
    files = {name: (folder / name).read_bytes() for name in (store.EVENTS_CSV, store.REPORTS_CSV)}
    with store.open_store(folder) as db:
        for table, key in ((database.ARTICLES, schema.ARTICLE_ID), (database.REPORTS, schema.REPORT_ID),
                           (database.MEMBERS, schema.REPORT_ID), (database.EVENTS, schema.EVENT_ID)):
            files[table] = db.frame(f"SELECT * FROM {table} ORDER BY {key}").to_dict("records")
    return files


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ingest_beside_good(tmp_path: Path, reference: dict) -> list[str]:
    """Ingest tmp_path/in; the store must be the good articles' alone; the error messages, as printed."""
    result = ingest.ingest_paths([tmp_path / "in"], tmp_path / "store", workers=1)
    assert result.articles_new == 2
    assert snapshot(tmp_path / "store") == reference
    return [str(error) for error in result.errors]


@pytest.mark.parametrize("name,data,words", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_beside_good_articles(tmp_path, reference, name, data, words):
    (good_folder(tmp_path) / name).write_bytes(data)
    messages = ingest_beside_good(tmp_path, reference)
    if words is None:
        assert messages == []
        return
    (message,) = messages
    assert message.startswith(str(tmp_path / "in" / name)), message
    for word in words:
        assert word in message, message


def test_a_bad_jsonl_line_among_good_ones_names_the_line_and_keeps_the_others(tmp_path, reference):
    folder = good_folder(tmp_path)
    lines = [json.dumps({"text": GOOD_TEXT, "title": "Bus stop blast"}), '{"text": "Gunmen stormed',
             json.dumps({"text": "Two soldiers were killed when their vehicle hit a mine near Gao on Sunday."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest.ingest_paths([folder], tmp_path / "store", workers=1)
    (error,) = result.errors
    assert str(error).startswith(f"{folder / 'feed.jsonl'}:2: malformed JSON")
    assert result.articles_new == 4
    with store.open_store(tmp_path / "store") as db:
        texts = set(db.frame(f"SELECT {schema.TEXT} FROM {database.ARTICLES}")[schema.TEXT])
    assert GOOD_TEXT in texts and not any(t.startswith("Gunmen stormed") for t in texts)


def test_utf16_with_a_byte_order_mark_and_utf8_with_one_are_read(tmp_path):
    text = "Blast at Kisumu bus stop\n\n" + GOOD_TEXT
    for name, data in (("le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
                       ("be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
                       ("sig.txt", codecs.BOM_UTF8 + text.encode("utf-8"))):
        (tmp_path / name).write_bytes(data)
    loaded = articles.load_paths([tmp_path])
    assert loaded.errors == []
    assert [(a.title, a.text) for a in loaded.articles] == [("Blast at Kisumu bus stop", GOOD_TEXT)] * 3


def test_a_100_mb_file_is_refused_by_its_size_without_being_read(tmp_path, reference):
    huge = good_folder(tmp_path) / "dump.jsonl"
    with huge.open("wb") as handle:
        handle.truncate(100 * 2**20)  # sparse: takes no disk space
    tracemalloc.start()
    try:
        loaded = articles.load_paths([huge])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20, f"{peak:,} bytes held to refuse the file"
    assert "larger than 50 MB" in str(loaded.errors[0])
    (message,) = ingest_beside_good(tmp_path, reference)
    assert message == f"{huge}: file larger than 50 MB: split it into smaller files"


def test_a_1_mb_line_without_punctuation_is_stored_and_read(tmp_path):
    folder = good_folder(tmp_path)
    line = ("gunmen attacked the village and burned the houses " * 20_200)[:2**20]
    (folder / "run-on.txt").write_text("Run-on report\n\n" + line, encoding="utf-8")
    result = ingest.ingest_paths([folder], tmp_path / "store", workers=1)
    assert (result.errors, result.articles_new) == ([], 3)
    with store.open_store(tmp_path / "store") as db:
        lengths = db.frame(f"SELECT length({schema.TEXT}) AS n FROM {database.ARTICLES}")["n"]
    assert lengths.max() == len(line.strip())


def test_html_scripts_are_dropped_from_the_text(tmp_path):
    page = ("<html><head><title>Market blast</title><script>window.pwned = 1; var leak = 'SCRIPT-TEXT';</script>"
            "</head><body><article><p>" + "A bomb exploded in a crowded market in Kano on Friday, killing "
            "seven people, police said. " * 4 + "</p><script>document.write('INLINE-SCRIPT')</script>"
            "<p>Rescue workers searched the rubble.</p><noscript>NOSCRIPT-TEXT</noscript></article></body></html>")
    (article,) = articles.parse_bytes(page.encode(), "blast.html").articles
    assert "A bomb exploded in a crowded market in Kano" in article.text
    for leaked in ("SCRIPT-TEXT", "INLINE-SCRIPT", "pwned", "document.write"):
        assert leaked not in article.text


ODD_NAMES = ["with spaces in it.txt", "ünïcödé – 北京.txt", "-leading-dash.txt", "new\nline.txt", "tab\there.txt"]


def test_odd_file_names_are_read_and_named_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(ODD_NAMES):
        (folder / name).write_text(f"Report {number}\n\nGunmen killed {number + 2} herders near Jos on Monday.",
                                   encoding="utf-8")
    (folder / "-empty\n.txt").write_bytes(b"")
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Cafe report\n\nA bomb hit a cafe in Mogadishu.")
    result = ingest.ingest_paths([folder], tmp_path / "store", workers=1)
    assert result.articles_new == len(ODD_NAMES) + 1
    (error,) = result.errors
    assert str(error) == f"{folder}/-empty\\n.txt: the file is empty"
    with store.open_store(tmp_path / "store") as db:
        sources = set(db.frame(f"SELECT {schema.SOURCE} FROM {database.ARTICLES}")[schema.SOURCE])
    assert sources == {*(n.replace("\n", "\\n").replace("\t", "\\t") for n in ODD_NAMES), "caf\ufffd.txt"}


def test_a_leading_dash_file_name_on_the_command_line(tmp_path):
    folder = good_folder(tmp_path)
    command = [sys.executable, "-m", "eventdesk", "ingest", "--store", str(tmp_path / "store"), "--workers", "1",
               "--", "-x.txt", *GOOD]
    (folder / "-x.txt").write_bytes(b"\x00\x01binary")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert "error: -x.txt: the file is binary, not text" in done.stderr
    assert "3 articles read" not in done.stdout and "2 articles read, 2 new" in done.stdout


def test_a_symlink_loop_and_a_link_to_a_folder_are_named_and_skipped(tmp_path, reference):
    folder = good_folder(tmp_path)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "a.json").symlink_to("b.json")
    (folder / "b.json").symlink_to("a.json")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.txt").write_text("More\n\n" + GOOD_TEXT, encoding="utf-8")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "up").symlink_to(folder, target_is_directory=True)  # a folder loop
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    messages = sorted(ingest_beside_good(tmp_path, reference))
    assert messages == sorted([
        f"{folder / 'a.json'}: a symbolic link that leads back to itself: remove it or point it at an article file",
        f"{folder / 'b.json'}: a symbolic link that leads back to itself: remove it or point it at an article file",
        f"{folder / 'loop.txt'}: a symbolic link that leads back to itself: remove it or point it at an article file",
        f"{folder / 'linked'}: a link to a folder, not followed: give that folder itself to ingest its files",
        f"{folder / 'up'}: a link to a folder, not followed: give that folder itself to ingest its files",
        f"{folder / 'gone.txt'}: cannot read: No such file or directory: check that the file exists and is readable",
    ])


def test_the_command_line_names_every_bad_file_and_stores_the_good_ones(tmp_path, reference):
    folder = good_folder(tmp_path)
    for _, name, data, _ in BAD_FILES:
        (folder / name).write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "eventdesk", "ingest", str(folder), "--store", str(tmp_path / "store"),
                           "--workers", "1"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    reported = [c for c in BAD_FILES if c[3] is not None]
    for _, name, _, words in reported:
        assert re.search(f"^error: {re.escape(str(folder / name))}(:\\d+)?: .*{re.escape(words[0])}", done.stderr, re.M)
    assert f"{len(reported)} file(s) or record(s) skipped" in done.stderr
    assert "2 articles read, 2 new" in done.stdout
    assert snapshot(tmp_path / "store") == reference
