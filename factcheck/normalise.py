"""Cleaning of social-media text before retrieval: links, handles, hashtags and the
"— Name (@handle) Month D, YYYY" signature that embedded tweets carry. Pure functions."""

from __future__ import annotations

import datetime as dt
import html
import re

SIGNATURE_RE = re.compile(r"\s[—–-]+\s*[^—–]{0,80}?\(@\w+\)\s*(\w+\.?\s+\d{1,2},\s+\d{4})\s*$")
URL_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+")
HANDLE_RE = re.compile(r"@(\w+)")
HASHTAG_RE = re.compile(r"#(\w+)")
CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
SPACE_RE = re.compile(r"\s+")


def _words(tag: str) -> str:
    """ "AustralianFires" → "Australian Fires"."""
    return CAMEL_RE.sub(" ", tag)


def clean_social(text: str) -> str:
    """The text of a post without its signature and links; hashtags and handles become words."""
    text = html.unescape(text)
    text = SIGNATURE_RE.sub("", text)
    text = URL_RE.sub(" ", text)
    text = HASHTAG_RE.sub(lambda m: _words(m[1]), text)
    text = HANDLE_RE.sub(lambda m: _words(m[1]), text)
    return SPACE_RE.sub(" ", text).strip()


def social_date(text: str) -> dt.date | None:
    """The date in a post's "— Name (@handle) Month D, YYYY" signature, if it has a readable one."""
    match = SIGNATURE_RE.search(html.unescape(text))
    if not match:
        return None
    month, day, year = match[1].replace(",", "").split()
    try:  # the first three letters name the month in every spelling: "Sept.", "Sep", "September"
        return dt.datetime.strptime(f"{month[:3]} {day} {year}", "%b %d %Y").date()
    except ValueError:
        return None
