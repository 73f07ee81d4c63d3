"""What the page tests do on a page: click a button and wait for the run, read the metrics shown."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def click(app: AppTest, label: str) -> AppTest:
    """Click the button with this label and run the page again; the run must raise nothing."""
    (button,) = [b for b in app.button if b.label == label]
    button.click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> dict[str, str]:
    """The metrics on the page, label -> shown value."""
    return {m.label: m.value for m in app.metric}
