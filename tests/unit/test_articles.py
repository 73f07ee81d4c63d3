"""Loading articles from every supported format, and clear errors for bad files."""

import json
from pathlib import Path

import pytest

from eventdesk.articles import RecordError, content_id, load_paths, parse_bytes, parse_json_line, split_front_matter

ROOT = Path(__file__).resolve().parents[2]


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


# --- front matter of .txt and .md articles -------------------------------------------------------

WIRE = "Blast at a market\n\nA bomb exploded at a market in the north on Monday, police said."


def test_front_matter_gives_the_published_date_source_and_url(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("---\npublished: 2024-01-04\nsource: Example Wire\nurl: https://example.org/n/1\n---\n" + WIRE,
                    encoding="utf-8")
    (article,) = load_paths([path]).articles
    assert (article.title, article.published, article.source, article.url) == (
        "Blast at a market", "2024-01-04", "Example Wire", "https://example.org/n/1")
    assert article.text == "A bomb exploded at a market in the north on Monday, police said."
    assert article.id == content_id(article.text)


def test_a_title_in_the_front_matter_leaves_all_that_follows_as_text():
    data = b"---\ntitle: Market blast\nid: wire-7\n---\nA bomb exploded.\n\nTwo people were hurt."
    (article,) = parse_bytes(data, "a.md").articles
    assert (article.id, article.title) == ("wire-7", "Market blast")
    assert article.text == "A bomb exploded.\n\nTwo people were hurt."


def test_front_matter_keys_any_case_blank_lines_and_empty_values():
    data = b"\n---\nPublished: 2024-01-04\n\nurl:\n---\n# Blast at a market\nA bomb exploded."
    (article,) = parse_bytes(data, "b.md", source="b.md").articles
    assert (article.title, article.published, article.url, article.source) == (
        "Blast at a market", "2024-01-04", None, "b.md")


def test_without_front_matter_the_first_line_is_the_title_even_with_a_colon():
    data = b"Nigeria: gunmen kill 12 in Borno\n\nGunmen killed 12 villagers on Sunday."
    (article,) = parse_bytes(data, "c.txt").articles
    assert (article.title, article.published, article.text) == (
        "Nigeria: gunmen kill 12 in Borno", None, "Gunmen killed 12 villagers on Sunday.")


BAD_FRONT_MATTER = [
    ("not-closed", b"---\npublished: 2024-01-04\nBlast\nA bomb.", 3, "'Blast' is not a 'key: value' line"),
    ("never-closed", b"---\npublished: 2024-01-04\n", 1, "the block opened by '---' on line 1 is not closed"),
    ("unknown-key", b"---\ndate: 2024-01-04\n---\nBlast\nA bomb.", 2,
     "unknown key 'date'; use id, title, published, source, url"),
    ("twice", b"---\nsource: A\nsource: B\n---\nBlast\nA bomb.", 3, "'source' is given twice; keep one"),
    ("not-a-date", b"---\npublished: 4 January 2024\n---\nBlast\nA bomb.", 2,
     "published '4 January 2024' is not a date; write it as YYYY-MM-DD"),
    ("impossible-date", b"---\npublished: 2024-02-30\n---\nBlast\nA bomb.", 2, "published '2024-02-30' is not a date"),
    ("no-text", b"---\nsource: A\n---\n\n", None, "no text after the front matter block"),
]


@pytest.mark.parametrize(("data", "line", "message"), [c[1:] for c in BAD_FRONT_MATTER],
                         ids=[c[0] for c in BAD_FRONT_MATTER])
def test_malformed_front_matter_names_the_file_and_line(data, line, message):
    result = parse_bytes(data, "seeds/bad.txt")
    assert result.articles == []
    (error,) = result.errors
    where = f"seeds/bad.txt:{line}: " if line else "seeds/bad.txt: "
    assert str(error).startswith(where) and message in str(error)


@pytest.mark.parametrize(
    ("text", "fields", "rest"),
    [
        pytest.param("Title\nText", {}, "Title\nText", id="none"),
        pytest.param("---\nsource: A\n---\nTitle", {"source": "A"}, "Title", id="one-field"),
        pytest.param("  \n---  \nurl: http://x/a:b\n---\nT", {"url": "http://x/a:b"}, "T", id="colon-in-value"),
        pytest.param("Title\n---\nsource: A\n---\n", {}, "Title\n---\nsource: A\n---\n", id="not-at-the-start"),
    ],
)
def test_split_front_matter(text, fields, rest):
    assert split_front_matter(text) == (fields, rest)


def test_the_seed_article_still_reads_as_before():
    (article,) = load_paths([ROOT / "seeds" / "000_5682dd478ce06410.txt"]).articles
    assert article.title == "US Secretly Warned Iran of Potential ISIS Attack Prior to Deadly Explosion in Kerman"
    assert (article.id, article.published, article.source) == ("663bd8b5aea58f32", None, "000_5682dd478ce06410.txt")


# --- one JSON line ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message", "record_id"),
    [
        pytest.param("\n", "empty line: expected a JSON object with a 'text' field", None, id="empty"),
        pytest.param('{"text": 1,}\n', "malformed JSON: Expecting property name enclosed in double quotes (column 12)",
                     None, id="malformed"),
        pytest.param("[1]", "expected a JSON object with a 'text' field, found an array", None, id="array"),
        pytest.param("null", "expected a JSON object with a 'text' field, found null", None, id="null"),
        pytest.param('{"id": "k1"}', "no text: each article needs a non-empty 'text' field", "k1", id="no-text"),
        pytest.param('{"id": true, "text": ""}', "no text: each article needs a non-empty 'text' field", None,
                     id="boolean-id-is-no-id"),
    ],
)
def test_parse_json_line_says_what_is_wrong(line, message, record_id):
    with pytest.raises(RecordError) as caught:
        parse_json_line(line)
    assert (str(caught.value), caught.value.record_id) == (message, record_id)


def test_parse_json_line_reads_an_article():
    article = parse_json_line('{"id": 12, "text": "A bomb exploded.", "published": "2024-01-04T08:00:00Z"}\n')
    assert (article.id, article.text, article.published) == ("12", "A bomb exploded.", "2024-01-04")
