import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from optnc_site.core.roles import EDITORS, MANAGERS
from tests.core.factories import ContentPageFactory


def make_user(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.nc", password="une-phrase-de-passe-longue"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "redactrice", EDITORS)


@pytest.fixture
def manager(django_user_model):
    return make_user(django_user_model, "responsable", MANAGERS)


@pytest.fixture
def draft(home):
    page = ContentPageFactory(
        parent=home,
        title="Brouillon",
        title_fr="Brouillon",
        slug="brouillon",
        slug_fr="brouillon",
        live=False,
    )
    page.save_revision()
    return page


def page_form_data(page, **overrides):
    """What the admin's edit form posts for a content page."""
    data = {
        "title_fr": page.title_fr,
        "title_en": page.title_en or "",
        "slug_fr": page.slug_fr,
        "slug_en": page.slug_en or "",
        "intro_fr": page.intro_fr or "",
        "intro_en": "",
        "body_fr": streamfield([]),
        "body_en": streamfield([]),
        "seo_title_fr": "",
        "seo_title_en": "",
        "search_description_fr": "",
        "search_description_en": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
