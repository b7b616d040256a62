"""factcheck: check the claims of news articles against a curated source corpus, offline.

    >>> from factcheck import Checker
    >>> checker = Checker.from_sources("sources/")
    >>> report = checker.check(article_text)          # one article → ArticleReport
    >>> verdict = checker.lookup("Max has 55 million users")   # one claim → Verdict

Importing this package is cheap: torch and sentence-transformers load the first time a model is used.
"""

from .config import Settings
from .errors import CorpusError, FactcheckError, IndexStateError, InputError, ModelError
from .extract import extract
from .models import (
    Article,
    ArticleReport,
    Band,
    Check,
    Claim,
    DateMention,
    Evidence,
    Label,
    Passage,
    Quantity,
    Quote,
    Source,
    Verdict,
)
from .pipeline import Checker, annotate_records

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleReport",
    "Band",
    "Check",
    "Checker",
    "Claim",
    "CorpusError",
    "DateMention",
    "Evidence",
    "FactcheckError",
    "IndexStateError",
    "InputError",
    "Label",
    "ModelError",
    "Passage",
    "Quantity",
    "Quote",
    "Settings",
    "Source",
    "Verdict",
    "annotate_records",
    "extract",
]
