"""Who may change the store from the dashboard: the read-only mode of a shared desk, and the editor password.

`EVENTDESK_READONLY=1` makes a desk read-only: the dashboard hides every write (upload, split,
merge), and the write functions it calls (`uploads.add_articles`, `store.split_event`,
`store.merge_events`) refuse on their own, so a hidden button is not the only lock. Any value
but an empty one, 0, false, no or off counts as read-only (a typo should not open the desk).
The command line's `ingest` is the operator's tool and is not affected.

`EVENTDESK_EDITOR_PASSWORD` (or `editor_password` in `.streamlit/secrets.toml`, which the dashboard
reads) asks each session for the password and an editor name before its first write; the name is
kept with every decision the session makes. Passwords are compared in constant time.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping

from eventdesk.store.database import StoreError

READONLY_ENV = "EVENTDESK_READONLY"
PASSWORD_ENV = "EVENTDESK_EDITOR_PASSWORD"
PASSWORD_SECRET = "editor_password"  # its key in .streamlit/secrets.toml
_OFF = frozenset({"", "0", "false", "no", "off"})
MAX_NAME_CHARS = 80

READ_ONLY_MESSAGE = (
    f"This desk is read-only ({READONLY_ENV} is set): its events can be read, filtered and downloaded, but "
    "not changed. Articles are added, and events split or merged, on a desk started without it."
)


class ReadOnlyError(StoreError):
    """A write was asked of a read-only desk."""


def read_only(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the desk is read-only (`$EVENTDESK_READONLY` set to anything but empty, 0, false, no or off)."""
    value = (os.environ if environ is None else environ).get(READONLY_ENV, "")
    return value.strip().lower() not in _OFF


def check_writable(what: str, environ: Mapping[str, str] | None = None) -> None:
    """Raise ReadOnlyError, saying what was refused and why, when the desk is read-only."""
    if read_only(environ):
        raise ReadOnlyError(f"{what} refused: the desk is read-only ({READONLY_ENV} is set); start it without "
                            f"{READONLY_ENV} to make changes")


def editor_password(environ: Mapping[str, str] | None = None) -> str | None:
    """The editor password from `$EVENTDESK_EDITOR_PASSWORD`, or None when it is unset or empty."""
    return (os.environ if environ is None else environ).get(PASSWORD_ENV) or None


def password_ok(given: str, expected: str) -> bool:
    """Whether `given` is the password, compared in constant time (`hmac.compare_digest`)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def sign_in(name: str | None, given: str | None, expected: str) -> str:
    """The editor's name once the password is right; a ValueError says what is missing or wrong."""
    editor = " ".join((name or "").split())
    if not editor:
        raise ValueError("Give your name: it is kept with each decision you make.")
    if len(editor) > MAX_NAME_CHARS:
        raise ValueError(f"That name is longer than {MAX_NAME_CHARS} characters: give a shorter one.")
    if not password_ok(given or "", expected):
        raise ValueError("Wrong editor password. Ask whoever runs this desk for it.")
    return editor
