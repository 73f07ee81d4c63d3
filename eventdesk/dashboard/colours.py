"""Colours by event type and actor type, shared by the timeline, the map and the graph.

Violent events are warm (reds, oranges, browns), words and reports (warnings, claims,
accusations, statements) are cool, so a reader can tell them apart at a glance.
"""

from __future__ import annotations

from eventdesk import schema

EVENT_TYPE_COLOURS: dict[str, str] = {
    "bombing": "#d62728",
    "armed_assault": "#e6550d",
    "assassination": "#a50f15",
    "kidnapping": "#fd8d3c",
    "arson": "#ff7f0e",
    "airstrike": "#8c2d04",
    "shelling": "#b15928",
    "battle": "#7f2704",
    "riot": "#e7298a",
    "attack": "#cb181d",
    "protest": "#bcbd22",
    "warning": "#1f77b4",
    "threat": "#6a51a3",
    "claim": "#17becf",
    "accusation": "#9467bd",
    "arrest": "#2ca02c",
    "statement": "#7f7f7f",
    "other": "#8c8c8c",
}
UNKNOWN_COLOUR = "#525252"

ACTOR_TYPE_COLOURS: dict[str, str] = {
    "state": "#1f77b4",
    "armed_group": "#d62728",
    "government_body": "#6baed6",
    "international_org": "#2ca02c",
    "media": "#9467bd",
    "person": "#ff7f0e",
    "security_forces": "#08519c",
    "civilians": "#7f7f7f",
    "unidentified": "#bdbdbd",
}

if set(EVENT_TYPE_COLOURS) != set(schema.EVENT_TYPES) or set(ACTOR_TYPE_COLOURS) != set(schema.ACTOR_TYPES):
    raise RuntimeError("colours.py does not cover the event or actor types declared in schema.py")


def event_colour(event_type: object) -> str:
    """The colour of an event type (a neutral grey for anything unknown)."""
    return EVENT_TYPE_COLOURS.get(str(event_type), UNKNOWN_COLOUR)


def actor_colour(actor_type: object) -> str:
    """The colour of an actor type (a neutral grey for anything unknown)."""
    return ACTOR_TYPE_COLOURS.get(str(actor_type), UNKNOWN_COLOUR)
