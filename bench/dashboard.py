"""Dashboard speed and memory at 1,000, 100,000 and 1,000,000 synthetic events (or the sizes in
EVENTDESK_BENCH_SIZES, for example "1000,100000").

Three views of the same pages:
- library: the query/chart calls each page makes, timed in-process (best of three);
- AppTest: each page run through Streamlit's script runner, with the table already cached
  (the second run), plus a filter change;
- browser: the real server against the largest store, each page loaded in Chromium until
  its chart, map or table is drawn, a filter change, and the server's resident memory.

Budgets (issue 3; issue 5 keeps them at 1,000,000 events): every page under 2 s, a filter change
under 1 s, the server under 1 GB.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import server
from bench.report import Result
from bench.synthetic import synthetic_events
from eventdesk import schema
from eventdesk.dashboard import (
    area_map,
    assets,
    charts,
    counts,
    filters,
    graph,
    keys,
    mapview,
    query,
    timeline,
    trends,
    ui,
)
from eventdesk.store import store, tables

SIZES = tuple(int(n) for n in os.environ.get("EVENTDESK_BENCH_SIZES", "1000,100000,1000000").split(","))
PAGES = ("overview", "timeline", "map", "casualties", "trends", "actors", "events")
DASHBOARD = server.ROOT / "dashboard.py"
PAGE_BUDGET, FILTER_BUDGET, RSS_BUDGET = "< 2 s", "< 1 s", "< 1,024 MB"


def _best(call: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def _busiest_actor(events: tables.Table) -> str:
    return str(query.actor_event_counts(events).index[0])


# The calls each page makes after the cached load (see pages/*.py).
def _overview(view: tables.View) -> None:
    counts.headline(view)
    query.latest_events(view)


def _timeline(view: tables.View) -> None:
    charts.timeline_figure(timeline.timeline_frame(view)).to_json()
    timeline.count_undated(view)


def _map(view: tables.View) -> None:
    counts.headline(view)
    mapview.build_map(view).get_root().render()


def _casualties(view: tables.View) -> None:
    counts.headline(view)
    query.casualties_by_event(view, limit=ui.MAX_TABLE_ROWS)
    charts.casualties_figure(query.casualties_by_date(view), query.PERIOD).to_json()
    charts.casualties_figure(query.casualties_by_place(view).head(30), query.PLACE).to_json()
    charts.casualties_figure(query.casualties_by_actor(view).head(30), query.ACTOR).to_json()


def _trends(view: tables.View) -> None:
    table = trends.trend_table(view)  # the page's defaults: attacks per province and month
    trends.trend_figure(table, "month").to_json()
    trends.shown_table(table, "month")
    totals = area_map.area_totals(view, schema.ADMIN1)
    area_map.draw_area_map(totals, "attacks", table.changes).get_root().render()


def _actors(view: tables.View) -> None:
    relations = query.relations(view)
    network = graph.build_graph(relations, query.actor_event_counts(view), query.actor_types(view),
                                query.initiators(view))
    graph.graph_figure(graph.busiest(network)).to_json()


def _events(view: tables.View) -> None:
    query.events_table(view, limit=ui.MAX_TABLE_ROWS)
    query.relations(view)


LIBRARY_PAGES: dict[str, Callable[[tables.View], None]] = {
    "overview": _overview, "timeline": _timeline, "map": _map, "casualties": _casualties, "trends": _trends,
    "actors": _actors, "events": _events,
}


def _library(events: tables.Table, size: str) -> list[Result]:
    results = [
        Result(f"library: {page} page", size, _best(lambda call=call: call(filters.apply(events, filters.Filter()))))
        for page, call in LIBRARY_PAGES.items()
    ]
    narrow = filters.Filter(actors=(_busiest_actor(events),))
    results.append(Result("library: filter change (apply + headline)", size,
                          _best(lambda: counts.headline(filters.apply(events, narrow))), budget=FILTER_BUDGET))
    csv_seconds = _best(lambda: query.events_csv(filters.apply(events, filters.Filter())), 1)
    results.append(Result("library: events CSV of every event (on download click)", size, csv_seconds))
    return results


def _apptest(store_dir: Path, size: str, actor: str) -> list[Result]:
    from streamlit.testing.v1 import AppTest

    os.environ[ui.STORE_ENV] = str(store_dir)
    results = []
    for page in PAGES:
        app = AppTest.from_file(str(DASHBOARD), default_timeout=300)
        app.switch_page(f"pages/{page}.py")
        app.run()  # the first run also loads the table into the cache
        start = time.perf_counter()
        app.run()
        results.append(Result(f"AppTest: {page} page", size, time.perf_counter() - start, budget=PAGE_BUDGET))
    app = AppTest.from_file(str(DASHBOARD), default_timeout=300)
    app.run()
    app.sidebar.multiselect(key=keys.ACTORS_KEY).set_value([actor])
    start = time.perf_counter()
    app.run()
    results.append(Result("AppTest: filter change (overview)", size, time.perf_counter() - start, budget=FILTER_BUDGET,
                          note=f"actor = {actor}"))
    return results


READY = {
    "overview": '[data-testid="stMetricValue"]',
    "timeline": ".js-plotly-plot .scatterlayer .points path",
    "map": 'iframe[title="streamlit_folium.st_folium"]',
    "casualties": '[data-testid="stDataFrame"]',
    "trends": ".js-plotly-plot .scatterlayer .points path",
    "actors": ".js-plotly-plot .textpoint",
    "events": '[data-testid="stDataFrame"]',
}
TIMEOUT_MS = 120_000


def _wait_drawn(page, name: str) -> None:
    page.get_by_role("heading", level=1, name=name.capitalize()).wait_for(timeout=TIMEOUT_MS)
    page.locator(READY[name]).first.wait_for(state="visible", timeout=TIMEOUT_MS)
    if name == "map":
        frame = page.frame_locator(READY["map"])
        frame.locator(".leaflet-interactive, .marker-cluster").first.wait_for(state="visible", timeout=TIMEOUT_MS)


def _first_load(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url)
    _wait_drawn(page, "overview")
    return time.perf_counter() - start


def _switch_to(page, name: str) -> float:
    """Click the page in the sidebar, as an analyst does, and wait until its chart, map or table is drawn."""
    start = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=name.capitalize()).click()
    _wait_drawn(page, name)
    return time.perf_counter() - start


def _browser(store_dir: Path, size: str, actor: str, workdir: Path) -> list[Result]:
    from playwright.sync_api import sync_playwright

    process, url = server.start(store_dir, workdir / "server.log", ui.STORE_ENV)
    results, peak = [], server.rss_mb(process.pid)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(server.CHROMIUM), args=server.CHROMIUM_ARGS,
                                                headless=True)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
            results.append(Result("browser: first load, overview (reads the table)", size, _first_load(page, url)))
            for name in (*PAGES[1:], PAGES[0]):
                seconds = _switch_to(page, name)
                peak = max(peak, server.rss_mb(process.pid))
                results.append(Result(f"browser: switch to the {name} page", size, seconds, budget=PAGE_BUDGET))
            results.append(Result("browser: filter change (overview)", size, _change_filter(page, actor),
                                  budget=FILTER_BUDGET, note=f"actor = {actor}"))
            peak = max(peak, server.rss_mb(process.pid))
            browser.close()
    finally:
        server.stop(process)
    results.append(Result("server resident memory (peak)", size, peak, "MB", budget=RSS_BUDGET))
    return results


def _change_filter(page, actor: str) -> float:
    events = page.get_by_test_id("stMetric").filter(has_text="Events").get_by_test_id("stMetricValue")
    before = events.inner_text()
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Actors")
    box.click()
    box.fill(actor)
    option = page.get_by_role("option", name=actor, exact=True)
    option.wait_for()
    start = time.perf_counter()
    option.click()
    page.wait_for_function(
        "([selector, before]) => {"
        " const el = document.querySelector(selector); return el && el.innerText !== before; }",
        arg=['[data-testid="stMetric"] [data-testid="stMetricValue"]', before], timeout=60_000,
    )
    return time.perf_counter() - start


def run() -> list[Result]:
    """Generate the tables, write them as stores, and measure the pages at each size."""
    assets.install_assets()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="eventdesk-bench-") as tmp:
        for n in SIZES:
            size = f"{n:,} events"
            folder = Path(tmp) / str(n)
            start = time.perf_counter()
            store.write_events(synthetic_events(n), folder)
            results.append(Result("generate + ingest into a store", size, time.perf_counter() - start))
            path = folder / store.EVENTS_PARQUET
            results.append(Result("open the store's table (cache miss)", size,
                                  _best(lambda p=path: len(tables.Table.from_parquet(p)), 1)))
            events = tables.Table.from_parquet(path)
            actor = _busiest_actor(events)
            results += _library(events, size)
            results += _apptest(folder, size, actor)
            if n == max(SIZES):
                results += _browser(folder, size, actor, Path(tmp))
    return results
