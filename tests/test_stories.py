"""The stories benchmark: loading a story and scoring outcomes (no model)."""

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.models import Label
from factcheck.stories import Outcome, load_stories, load_story, score

STORIES = Path(__file__).resolve().parents[1] / "benchmarks" / "stories"


def test_a_story_loads_with_offsets_into_its_article() -> None:
    story = load_story(STORIES / "01-credit-suisse-ubs")
    text = story.article.text
    assert story.half == "tune" and len(story.sentences) >= 10
    assert all(text[s.start : s.end] == s.text for s in story.sentences)


def test_halves_split_the_stories_and_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    tune, locked = load_stories(STORIES, half="tune"), load_stories(STORIES, half="locked")
    assert len(tune) >= 10 and len(locked) >= 10 and not {s.folder for s in tune} & {s.folder for s in locked}
    both = load_stories(STORIES, half="tune, locked")
    assert [s.folder for s in both] == sorted(s.folder for s in tune + locked)
    with pytest.raises(InputError, match="use one or more of"):
        load_stories(STORIES, half="tune,lokced")
    with pytest.raises(InputError, match="no story folders"):
        load_stories(tmp_path, half="all")


def test_score_counts_caught_errors_false_support_and_misses() -> None:
    story = load_story(STORIES / "01-credit-suisse-ubs")
    by_expect = {s.expect: s for s in story.sentences}
    outcomes = [
        Outcome("s", by_expect["contradicted"], Label.MISLEADING, "caught"),
        Outcome("s", by_expect["contradicted"], Label.SUPPORTED, "laundered"),
        Outcome("s", by_expect["supported"], Label.SUPPORTED, "ok"),
        Outcome("s", by_expect["set_aside"], Label.NOT_ENOUGH_EVIDENCE, "kept"),
    ]
    numbers = score(outcomes)
    assert numbers["caught"] == 0.5 and numbers["false_support"] == 0.5
    assert numbers["faithful_supported"] == 1.0 and numbers["opinion_set_aside"] == 0.0
    assert numbers["decisive_precision"] == round(2 / 3, 4) and len(numbers["misses"]) == 2
