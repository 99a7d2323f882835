"""Fixtures of the partnership pages, shared through ``pytest_plugins``."""

import pytest

from .factories import NewsIndexPageFactory, PartnershipIndexPageFactory


@pytest.fixture
def partnership_index(home):
    return PartnershipIndexPageFactory(parent=home)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)
