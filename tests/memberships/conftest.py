import pytest

from .factories import MembershipIndexPageFactory


@pytest.fixture
def membership_index(home):
    return MembershipIndexPageFactory(parent=home)
