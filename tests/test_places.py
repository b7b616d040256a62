"""Places inside places, from the packaged GeoNames gazetteer (real data, no fake)."""

import pytest

from factcheck.places import nested


@pytest.mark.parametrize(
    ("a", "b"),
    [("Manhattan", "New York"), ("Marrakesh", "Morocco"), ("Milwaukee", "Wisconsin"), ("Acapulco", "Mexico"),
     ("Kinshasa", "the Democratic Republic of the Congo"), ("Texas", "the U.S."), ("Sydney", "Australia")],
)  # fmt: skip
def test_a_place_inside_another_is_nested_either_way(a: str, b: str) -> None:
    assert nested(a, b) and nested(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("New Delhi", "Johannesburg"), ("Paris", "Germany"), ("Texas", "California"), ("Morocco", "Morocco"),
     ("North Korea", "South Korea"), ("Nowhere-upon-Sea", "France")],
)  # fmt: skip
def test_places_apart_or_unknown_are_not_nested(a: str, b: str) -> None:
    assert not nested(a, b)
