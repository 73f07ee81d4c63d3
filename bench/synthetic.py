"""Plausible synthetic event tables for benchmarks: actors, places, dates, figures and evidence.

The mix follows what the pipeline produces from wire reports: most events dated to the day,
some to a month or a year, a few undated; most placed at a city, some only at a country; a
claim linked to about one attack in ten; casualty figures with their qualifiers. Everything is
drawn with numpy from one seed, so a table of a given size is the same on every run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eventdesk import schema

# (city, admin1, country, lat, lon)
PLACES: tuple[tuple[str, str, str, float, float], ...] = (
    ("Kerman", "Kerman", "Iran", 30.2832, 57.0788), ("Kabul", "Kabul", "Afghanistan", 34.5553, 69.2075),
    ("Jalalabad", "Nangarhar", "Afghanistan", 34.4342, 70.4478), ("Kunduz", "Kunduz", "Afghanistan", 36.7286, 68.8681),
    ("Baghdad", "Baghdad", "Iraq", 33.3152, 44.3661), ("Mosul", "Nineveh", "Iraq", 36.3350, 43.1189),
    ("Kirkuk", "Kirkuk", "Iraq", 35.4681, 44.3922), ("Aleppo", "Aleppo", "Syria", 36.2021, 37.1343),
    ("Idlib", "Idlib", "Syria", 35.9306, 36.6339), ("Damascus", "Damascus", "Syria", 33.5138, 36.2765),
    ("Sanaa", "Amanat al-Asimah", "Yemen", 15.3694, 44.1910), ("Aden", "Aden", "Yemen", 12.7855, 45.0187),
    ("Mogadishu", "Banaadir", "Somalia", 2.0469, 45.3182), ("Kismayo", "Lower Juba", "Somalia", -0.3582, 42.5454),
    ("Maiduguri", "Borno", "Nigeria", 11.8311, 13.1510), ("Kano", "Kano", "Nigeria", 12.0022, 8.5920),
    ("Bamako", "Bamako", "Mali", 12.6392, -8.0029), ("Gao", "Gao", "Mali", 16.2717, -0.0447),
    ("Ouagadougou", "Centre", "Burkina Faso", 12.3714, -1.5197), ("Niamey", "Niamey", "Niger", 13.5116, 2.1254),
    ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", 34.0151, 71.5249),
    ("Quetta", "Balochistan", "Pakistan", 30.1798, 66.9750),
    ("Karachi", "Sindh", "Pakistan", 24.8607, 67.0011), ("Goma", "North Kivu", "DR Congo", -1.6585, 29.2205),
    ("Beni", "North Kivu", "DR Congo", 0.4911, 29.4731), ("Pemba", "Cabo Delgado", "Mozambique", -12.9740, 40.5178),
    ("Khartoum", "Khartoum", "Sudan", 15.5007, 32.5599), ("El Fasher", "North Darfur", "Sudan", 13.6299, 25.3494),
    ("Kharkiv", "Kharkiv", "Ukraine", 49.9935, 36.2304), ("Donetsk", "Donetsk", "Ukraine", 48.0159, 37.8029),
    ("Gaza", "Gaza", "Palestine", 31.5017, 34.4668), ("Beirut", "Beirut", "Lebanon", 33.8938, 35.5018),
    ("Marawi", "Lanao del Sur", "Philippines", 7.9986, 124.2928),
    ("Port-au-Prince", "Ouest", "Haiti", 18.5944, -72.3074),
    ("Culiacán", "Sinaloa", "Mexico", 24.8091, -107.3940), ("Tripoli", "Tripoli", "Libya", 32.8872, 13.1913),
)
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "Iran": (32.4, 53.7), "Afghanistan": (33.9, 67.7), "Iraq": (33.2, 43.7), "Syria": (34.8, 39.0),
    "Yemen": (15.6, 48.5), "Somalia": (5.2, 46.2), "Nigeria": (9.1, 8.7), "Mali": (17.6, -4.0),
    "Burkina Faso": (12.2, -1.6), "Niger": (17.6, 8.1), "Pakistan": (30.4, 69.3), "DR Congo": (-4.0, 21.8),
    "Mozambique": (-18.7, 35.5), "Sudan": (12.9, 30.2), "Ukraine": (48.4, 31.2), "Palestine": (31.9, 35.2),
    "Lebanon": (33.9, 35.9), "Philippines": (12.9, 121.8), "Haiti": (18.97, -72.3), "Mexico": (23.6, -102.6),
    "Libya": (26.3, 17.2),
}
STATES = tuple(COUNTRY_CENTRES) + ("United States", "Russia", "Turkey", "Israel", "Saudi Arabia", "France", "China")
ARMED_GROUPS = (
    "Islamic State", "Islamic State Khorasan Province", "Islamic State West Africa Province", "al-Shabaab",
    "Boko Haram", "JNIM", "Taliban", "Tehrik-i-Taliban Pakistan", "Houthis", "Hamas", "Hezbollah", "M23", "ADF",
    "Rapid Support Forces", "Wagner Group", "Hayat Tahrir al-Sham", "Baloch Liberation Army", "al-Qaeda",
    "Ansar al-Sunna", "Sinaloa Cartel", "Viv Ansanm", "PKK", "Jaish al-Adl", "Lashkar-e-Taiba",
)
OTHERS = (("civilians", "civilians"), ("police", "security_forces"), ("soldiers", "security_forces"),
          ("unidentified gunmen", "unidentified"), ("United Nations", "international_org"), ("Reuters", "media"))
SOURCES = ("Reuters", "AP", "AFP", "Al Jazeera", "BBC", "The Guardian", "Anadolu", "Xinhua", "local media")
VIOLENT = ("bombing", "armed_assault", "airstrike", "shelling", "battle", "attack", "kidnapping", "assassination",
           "arson", "riot")
OTHER_TYPES = ("protest", "warning", "threat", "accusation", "arrest", "statement", "other")
VERBS = {"bombing": "bombed", "armed_assault": "stormed", "airstrike": "struck", "shelling": "shelled",
         "battle": "clashed with", "attack": "attacked", "kidnapping": "abducted", "assassination": "assassinated",
         "arson": "set fire to", "riot": "rioted against", "protest": "protested against", "warning": "warned",
         "threat": "threatened", "accusation": "accused", "arrest": "arrested", "statement": "said of",
         "other": "met", "claim": "claimed responsibility for the attack on"}


def _actors() -> pd.DataFrame:
    names = list(STATES) + list(ARMED_GROUPS) + [name for name, _ in OTHERS]
    kinds = ["state"] * len(STATES) + ["armed_group"] * len(ARMED_GROUPS) + [kind for _, kind in OTHERS]
    return pd.DataFrame({"name": names, "kind": kinds})


def _zipf_choice(rng: np.random.Generator, size: int, n: int) -> np.ndarray:
    """Indexes 0..size-1, the first ones far more often (a few actors and places dominate the news)."""
    weights = 1.0 / np.arange(1, size + 1) ** 0.9
    return rng.choice(size, n, p=weights / weights.sum())


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    days = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 6 * 365, n), unit="D")
    precision = rng.choice(np.array(["day", "month", "year", "unknown"]), n, p=[0.86, 0.08, 0.02, 0.04])
    text = np.where(precision == "month", days.strftime("%Y-%m"), days.strftime("%Y-%m-%d"))
    text = np.where(precision == "year", days.strftime("%Y"), text)
    return np.where(precision == "unknown", None, text), precision


def _figures(rng: np.random.Generator, types: np.ndarray) -> dict[str, np.ndarray]:
    n = len(types)
    violent = np.isin(types, VIOLENT)
    killed = np.where(violent & (rng.random(n) < 0.8), np.floor(rng.lognormal(1.2, 1.2, n)), np.nan)
    injured = np.where(violent & (rng.random(n) < 0.6), np.floor(rng.lognormal(1.6, 1.2, n)), np.nan)
    qualifiers, odds = np.array(list(schema.QUALIFIERS)), [0.6, 0.25, 0.12, 0.03]
    return {
        schema.KILLED: killed,
        schema.KILLED_QUALIFIER: np.where(np.isnan(killed), None, rng.choice(qualifiers, n, p=odds)),
        schema.INJURED: injured,
        schema.INJURED_QUALIFIER: np.where(np.isnan(injured), None, rng.choice(qualifiers, n, p=odds)),
    }


def _places(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    places = pd.DataFrame(PLACES, columns=[schema.LOCATION, schema.ADMIN1, schema.COUNTRY, schema.LAT, schema.LON])
    picked = places.iloc[_zipf_choice(rng, len(places), n)].reset_index(drop=True)
    levels = np.array(["city", "point", "admin1", "country", "unknown"])
    precision = rng.choice(levels, n, p=[0.7, 0.05, 0.07, 0.08, 0.1])
    centre = picked[schema.COUNTRY].map(COUNTRY_CENTRES)
    country_level = precision == "country"
    lat = np.where(country_level, centre.str[0], picked[schema.LAT] + rng.normal(0, 0.01, n) * (precision == "point"))
    lon = np.where(country_level, centre.str[1], picked[schema.LON] + rng.normal(0, 0.01, n) * (precision == "point"))
    unknown = precision == "unknown"
    return {
        schema.LOCATION: np.where(country_level | unknown, None, picked[schema.LOCATION]),
        schema.ADMIN1: np.where(country_level | unknown, None, picked[schema.ADMIN1]),
        schema.COUNTRY: np.where(unknown, None, picked[schema.COUNTRY]),
        schema.LAT: np.where(unknown, np.nan, lat),
        schema.LON: np.where(unknown, np.nan, lon),
        schema.GEO_PRECISION: precision,
    }


def _evidence(frame: pd.DataFrame) -> pd.Series:
    figures = ("killing " + frame[schema.KILLED].astype("Int64").astype("string") + " people").fillna("")
    place = (" in " + frame[schema.LOCATION].fillna(frame[schema.COUNTRY])).fillna("")
    return (
        frame[schema.ACTOR1].fillna("Unidentified attackers") + " "
        + frame[schema.EVENT_TYPE].map(VERBS).fillna("targeted") + " "
        + frame[schema.ACTOR2].fillna("a target") + place + ", " + figures + ", officials said."
    ).str.replace(", , ", ", ", regex=False)


def synthetic_events(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` plausible events conforming to `schema.EVENT_COLUMNS` (validated)."""
    rng = np.random.default_rng(seed)
    actors = _actors()
    types = np.where(rng.random(n) < 0.7, rng.choice(np.array(VIOLENT), n), rng.choice(np.array(OTHER_TYPES), n))
    first = actors.iloc[_zipf_choice(rng, len(actors), n)].reset_index(drop=True)
    second = actors.iloc[_zipf_choice(rng, len(actors), n)[::-1]].reset_index(drop=True)
    dates, date_precision = _dates(rng, n)
    frame = pd.DataFrame(
        {
            schema.EVENT_ID: [f"syn{i:07d}" for i in range(n)],
            schema.ARTICLE_ID: [f"art{i:07d}" for i in rng.integers(0, max(n // 3, 1), n)],
            schema.SOURCE: rng.choice(np.array(SOURCES), n),
            schema.EVENT_TYPE: types,
            schema.DATE: dates,
            schema.DATE_PRECISION: date_precision,
            schema.ACTOR1: np.where(rng.random(n) < 0.9, first["name"], None),
            schema.ACTOR1_TYPE: first["kind"],
            schema.ACTOR2: np.where(rng.random(n) < 0.85, second["name"], None),
            schema.ACTOR2_TYPE: second["kind"],
            **_places(rng, n),
            **_figures(rng, types),
            schema.CONFIDENCE: rng.uniform(0.4, 0.99, n).round(2),
        }
    )
    same = frame[schema.ACTOR1] == frame[schema.ACTOR2]
    frame.loc[same, schema.ACTOR2] = "civilians"
    frame.loc[same, schema.ACTOR2_TYPE] = "civilians"
    frame[schema.PUBLISHED] = frame[schema.DATE].where(frame[schema.DATE_PRECISION] == "day")
    frame[schema.ACTOR1_TYPE] = frame[schema.ACTOR1_TYPE].where(frame[schema.ACTOR1].notna())
    frame[schema.ACTOR2_TYPE] = frame[schema.ACTOR2_TYPE].where(frame[schema.ACTOR2].notna())
    frame = _with_claims(frame, rng)
    frame[schema.EVIDENCE] = _evidence(frame)
    frame[schema.EVIDENCE_START] = rng.integers(0, 4000, len(frame))
    frame[schema.EVIDENCE_END] = frame[schema.EVIDENCE_START] + frame[schema.EVIDENCE].str.len()
    return schema.validate(frame)


def _with_claims(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Turn about one event in twenty into a claim of a violent event by an armed group."""
    attacks = frame.index[frame[schema.EVENT_TYPE].isin(VIOLENT) & (frame[schema.ACTOR1_TYPE] == "armed_group")]
    attacks = attacks[: len(attacks) // 7]
    claims = frame.index.difference(attacks)[rng.permutation(len(frame) - len(attacks))[: len(attacks)]]
    frame.loc[claims, schema.EVENT_TYPE] = "claim"
    frame.loc[claims, schema.LINKED_EVENT_ID] = frame.loc[attacks, schema.EVENT_ID].to_numpy()
    frame.loc[attacks, schema.LINKED_EVENT_ID] = frame.loc[claims, schema.EVENT_ID].to_numpy()
    for column in (schema.ACTOR1, schema.ACTOR1_TYPE, schema.DATE, schema.DATE_PRECISION, schema.LOCATION,
                   schema.ADMIN1, schema.COUNTRY, schema.LAT, schema.LON, schema.GEO_PRECISION):
        frame.loc[claims, column] = frame.loc[attacks, column].to_numpy()
    frame.loc[claims, schema.CLAIMED_BY] = frame.loc[attacks, schema.ACTOR1].to_numpy()
    frame.loc[attacks, schema.CLAIMED_BY] = frame.loc[attacks, schema.ACTOR1].to_numpy()
    for column in (schema.KILLED, schema.KILLED_QUALIFIER, schema.INJURED, schema.INJURED_QUALIFIER):
        frame.loc[claims, column] = None
    return frame
