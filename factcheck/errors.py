"""The one exception tree of factcheck.

    FactcheckError                  base: catch this to catch everything factcheck raises on purpose
    ├── InputError                  an article, record or option that cannot be read or used
    ├── CorpusError                 a source document or corpus file is malformed
    ├── IndexStateError             the on-disk index is missing, stale or damaged
    └── ModelError                  the embedding model cannot be found or loaded

Every message says what failed and what to do about it.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class InputError(FactcheckError):
    """An article, record or option that cannot be read or used."""


class CorpusError(FactcheckError):
    """A source document or corpus file is malformed."""


class IndexStateError(FactcheckError):
    """The on-disk index is missing, stale or damaged."""


class ModelError(FactcheckError):
    """The embedding model cannot be found or loaded."""
