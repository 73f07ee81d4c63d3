"""The seed's roles as the pages show them: Iran is the accused of the accusation, not the accuser, and no
target the text never names ("civilians") appears. The tables are read from the grid the page draws (the
cells of its accessible table), after waiting until they hold the expected columns.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from eventdesk import schema
from tests.browser.test_dashboard import open_page, shoot, wait_until_idle

# The cells of a drawn table, by column header: the grid keeps an accessible copy of its visible cells.
READ_GRID = """(grid) => {
    const table = grid.querySelector('table[role="grid"]');
    if (!table) return null;
    const headers = [...table.querySelectorAll('th[role="columnheader"]')].map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td[role="gridcell"]')].map((td) => td.textContent.trim()));
    return {headers, rows};
}"""


def read_table(grid: Locator, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a drawn table as {column: text}, once the table shows `columns` and at least one row."""
    expect(grid).to_be_visible()
    grid.page.wait_for_function(
        "([grid, columns]) => { const t = (" + READ_GRID + ")(grid);"
        " return t && t.rows.length > 0 && columns.every((c) => t.headers.includes(c)); }",
        arg=[grid.element_handle(), list(columns)])  # the context's limit: a minute
    table = grid.evaluate(READ_GRID)
    return [dict(zip(table["headers"], row, strict=False)) for row in table["rows"]]


def choose_page_actor(page: Page, actor: str) -> None:
    """The Actors page's "One actor" box."""
    box = page.get_by_role("combobox", name="Actor", exact=True)
    box.click()
    box.fill(actor)
    page.get_by_role("option", name=actor, exact=True).click()
    wait_until_idle(page)


ROLES = (schema.ACTOR1, schema.ACTOR2, schema.EVENT_TYPE)


def test_the_accusation_has_iran_as_the_accused_on_the_actors_page(page, server, screenshots):
    open_page(page, server, "actors")
    relations = read_table(page.get_by_test_id("stDataFrame").first, ROLES)
    assert ("United States", "Iran", "warning") in {tuple(r[c] for c in ROLES) for r in relations}
    assert not [r for r in relations if r[schema.ACTOR1] == "Iran"], relations  # Iran accuses nobody
    assert not [r for r in relations if r[schema.ACTOR2] == "civilians"], relations

    choose_page_actor(page, "Iran")
    events = read_table(page.get_by_test_id("stDataFrame").nth(2), ROLES)
    accusations = [r for r in events if r[schema.EVENT_TYPE] == "accusation"]
    # "Iran has been accused of ...": by whom, the text does not say.
    assert [(r[schema.ACTOR1], r[schema.ACTOR2]) for r in accusations] == [("", "Iran")]
    shoot(page, screenshots, "actors-iran")


def test_no_target_the_seed_does_not_name_on_the_actors_page(page, server):
    open_page(page, server, "actors")
    choose_page_actor(page, "Islamic State")
    events = read_table(page.get_by_test_id("stDataFrame").nth(2), ROLES)
    assert {r[schema.EVENT_TYPE] for r in events} >= {"bombing", "claim"}
    assert all(r[schema.ACTOR2] != "civilians" for r in events), events
    expect(page.get_by_text("civilians", exact=True)).to_have_count(0)
