import datetime

import pytest

from events import dates

from .factories import EventIndexPageFactory

# The agenda's "today" in these tests, whatever the clock says.
TODAY = datetime.date(2024, 6, 15)


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def frozen_today(monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return TODAY
