"""Loading articles from every supported format, and clear errors for bad files."""

import json

import pytest

from eventdesk.articles import content_id, load_paths, parse_bytes


def test_text_file_first_line_is_title(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Blast in the capital\n\nA bomb exploded on Monday.", encoding="utf-8")
    (article,) = load_paths([path]).articles
    assert article.title == "Blast in the capital"
    assert article.text == "A bomb exploded on Monday."
    assert article.id == content_id("A bomb exploded on Monday.")
    assert article.source == "report.txt"


def test_jsonl_fields_and_generated_ids(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "text": "One.", "published": "2021-03-04T10:00:00Z", "source": "Wire"}, {"text": "Two."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    first, second = load_paths([path]).articles
    assert (first.id, first.published, first.source) == ("x1", "2021-03-04", "Wire")
    assert second.id == content_id("Two.")


def test_csv_requires_text_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,body\nA,B\n", encoding="utf-8")
    result = load_paths([path])
    assert result.articles == []
    assert "no 'text' column" in str(result.errors[0]) and "bad.csv" in str(result.errors[0])


def test_csv_rows(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('id,text,url\n7,"Shelling hit, the town.",http://x\n', encoding="utf-8")
    (article,) = load_paths([path]).articles
    assert (article.id, article.text, article.url) == ("7", "Shelling hit, the town.", "http://x")


def test_html_main_text():
    html = (b"<html><head><title>T</title></head><body><nav>Menu</nav><article><p>"
            + b"A roadside bomb killed three soldiers in the north of the country on Monday, officials said. " * 5
            + b"</p></article></body></html>")
    (article,) = parse_bytes(html, "page.html").articles
    assert "roadside bomb killed three soldiers" in article.text
    assert "Menu" not in article.text


BAD = [
    ("empty", "empty.txt", b"  \n", "empty"),
    ("binary", "blob.txt", b"\x00\x01\x02abc", "binary"),
    ("latin1", "old.txt", "Caf\xe9 bombing".encode("latin-1"), "not UTF-8"),
    ("truncated-json", "cut.json", b'{"text": "A bomb', "malformed JSON"),
    ("wrong-suffix", "photo.png", b"\x89PNG", "unsupported file type"),
]


@pytest.mark.parametrize("name,data,message", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_files_get_a_clear_error(name, data, message):
    result = parse_bytes(data, name)
    assert result.articles == []
    (error,) = result.errors
    assert name in str(error) and message in str(error)


def test_bad_jsonl_line_names_the_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Good one."}\n{"text": broken\n{"text": "Good two."}\n', encoding="utf-8")
    result = load_paths([path])
    assert [a.text for a in result.articles] == ["Good one.", "Good two."]
    assert str(result.errors[0]).startswith(f"{path}:2:")
