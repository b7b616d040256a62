"""Names: whether a text names what a person, organisation or place mention names (by surname,
by all its significant words, by acronym either way, or a country by any of its names). Pure
functions.
"""

from __future__ import annotations

import re
import unicodedata

from .models import Mention

NAME_STOP = frozenset("the of and for a an de la le".split())


def folded(text: str) -> str:
    """Lower case without accents, dotted initials joined: "Yeşilgöz" and "Yesilgoz" are one name,
    spelt two ways, and so are "the U.S. Coast Guard" and "the US Coast Guard"."""
    text = re.sub(r"\b([A-Za-z])\.\s?(?=[A-Za-z]\b\.?)", r"\1", text)
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """A name's significant words, without a possessive ending ("Swift's" is Swift, not "s")."""
    return [w for w in re.findall(r"\w+", POSSESSIVE_RE.sub("", folded(name))) if w not in NAME_STOP]


POSSESSIVE_RE = re.compile(r"[’']s\b|(?<=s)[’'](?!\w)")


def _acronym(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z]\w*", name) if w.lower() not in NAME_STOP).lower()


# A country and the adjective a report names it by ("Swiss" for Switzerland, "the French company"):
# one group per country, words joined by "_" (spaces) and ",". Countries whose name is also a
# common first name or a US state (Jordan, Georgia) are left out.
DEMONYMS = " ".join(
    """france,french germany,german switzerland,swiss italy,italian spain,spanish japan,japanese
    india,indian brazil,brazilian mexico,mexican canada,canadian australia,australian ukraine,ukrainian
    israel,israeli iran,iranian egypt,egyptian saudi_arabia,saudi belgium,belgian sweden,swedish
    norway,norwegian denmark,danish finland,finnish poland,polish ireland,irish argentina,argentine,argentinian
    chile,chilean colombia,colombian peru,peruvian nigeria,nigerian kenya,kenyan south_africa,south_african
    pakistan,pakistani indonesia,indonesian philippines,filipino,philippine vietnam,vietnamese thailand,thai
    greece,greek portugal,portuguese austria,austrian morocco,moroccan libya,libyan syria,syrian iraq,iraqi
    afghanistan,afghan taiwan,taiwanese singapore,singaporean new_zealand ethiopia,ethiopian ghana,ghanaian
    sri_lanka,sri_lankan bangladesh,bangladeshi venezuela,venezuelan cuba,cuban hungary,hungarian
    romania,romanian lebanon,lebanese qatar,qatari""".split()
).replace("_", " ")
# Names that stand for one country (a place named one way in a claim, another in a source).
ALIASES = (
    frozenset({"us", "usa", "united states", "united states of america", "america", "american"}),
    frozenset({"uk", "britain", "great britain", "united kingdom", "british"}),
    frozenset({"eu", "european union"}),
    frozenset({"un", "united nations"}),
    frozenset({"oscars", "oscar", "academy awards", "academy award"}),  # not a country: one prize, two names
    frozenset({"dr congo", "drc", "democratic republic of congo", "democratic republic of the congo"}),
    frozenset({"north korea", "dprk", "democratic people republic of korea", "north korean"}),
    frozenset({"south korea", "republic of korea", "south korean"}),
    frozenset({"russia", "russian federation", "russian"}),
    frozenset({"china", "prc", "people republic of china", "chinese"}),
    frozenset({"uae", "united arab emirates", "emirates"}),
    frozenset({"netherlands", "holland", "dutch"}),
    frozenset({"czechia", "czech republic"}),
    frozenset({"turkey", "turkiye", "türkiye", "turkish"}),
    frozenset({"myanmar", "burma"}),
    frozenset({"ivory coast", "cote d ivoire", "côte d ivoire"}),
    *(frozenset(group.split(",")) for group in DEMONYMS.split()),
)


def plain(text: str) -> str:
    """Lower case words with dotted initials joined: "the U. S." → "the us"."""
    text = re.sub(r"\b([A-Za-z])\.\s?(?=[A-Za-z]\b\.?)", r"\1", text)
    return " ".join(re.findall(r"\w+", re.sub(r"[’']s\b", "", text.lower())))


def alias_in(mention: Mention, text: str) -> bool | None:
    """Whether `text` names the mention's country by any of its names; None for other names."""
    key = " ".join(w for w in plain(mention.text).split() if w != "the")
    group = next((g for g in ALIASES if key in g), None)
    if group is None:
        return None
    words = f" {plain(text)} "
    return any(f" {alias} " in words for alias in group)


def name_in(mention: Mention, text: str) -> bool:
    """Whether `text` names what `mention` names: a person by surname, an organisation or place by
    all its significant words, or by its acronym either way ("FDIC"); a country by any of its
    names ("the U.S." and "America")."""
    alias = alias_in(mention, text)
    if alias is not None:
        return alias
    words = set(re.findall(r"\w+", folded(text)))
    mine = name_words(mention.text)
    if not mine:
        return True
    if mention.kind == "person":
        return mine[-1] in words
    held = sum(w in words or _shortened(w, words) for w in mine)
    if held == len(mine) or (len(mine) > 3 and held >= len(mine) - 1):
        return True  # a long name may drop a word ("Texas Department of State Health Services")
    acronym = _acronym(mention.text)
    if len(acronym) >= 2 and acronym in words:
        return True
    return len(mine) == 1 and mention.text.isupper() and mine[0] in _acronyms(text)


def _shortened(word: str, words: set[str]) -> bool:
    """ "Mass" for "Massachusetts", "Univ" for "University": one word the start of the other, four
    letters or more."""
    return len(word) >= 4 and any(len(w) >= 4 and (w.startswith(word) or word.startswith(w)) for w in words)


def _acronyms(text: str) -> set[str]:
    """Acronyms of the capitalised runs of a text: "Medicines and Healthcare products Regulatory
    Agency" → "mhra" (short words inside the run are skipped)."""
    runs = re.findall(r"[A-Z]\w+(?:\s+(?:and|of|for|the|[a-z]+\s+)?[A-Z]\w+)+", text)
    return {"".join(w[0] for w in run.split() if w[0].isupper() or len(w) > 3).lower() for run in runs} | {
        "".join(w[0] for w in run.split() if w[0].isupper()).lower() for run in runs
    }


def same_name(a: Mention, b: Mention) -> bool:
    return name_in(a, b.text) or name_in(b, a.text)
