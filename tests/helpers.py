"""Helpers shared by the tests."""

from bs4 import BeautifulSoup


def soup_of(response, status=200):
    """The parsed HTML of a response, which must have the given status."""
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")
