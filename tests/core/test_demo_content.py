"""The demo content command builds the tree once, and a second run changes nothing.

The session's demo site (``demo_content``) is this command's work on the database the
migrations leave: the tests read it rather than build it again.
"""

import io

from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, Site

from optnc_site.core.models import ContentPage, HomePage

BODY_FIELDS = [ContentPage._meta.get_field(name) for name in ("body_fr", "body_en")]


def run():
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list(
                "path", "title_fr", "title_en", "url_path_fr", "url_path_en"
            )
        ),
        "revisions": Revision.objects.count(),
        "images": list(get_image_model().objects.order_by("pk").values_list("pk", "file_hash")),
        "logs": PageLogEntry.objects.count(),
        "bodies": [
            [field.value_to_string(page) for field in BODY_FIELDS]
            for page in ContentPage.objects.order_by("path")
        ],
    }


def test_builds_the_tree_and_site(demo_content):
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    openness = ContentPage.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    assert openness.url_path_fr == (
        "/accueil/nous-connaitre/valeurs-et-engagements/s-engager-dans-une-politique-d-ouverture/"
    )
    assert openness.url_path_en == (
        "/home/getting-know-us/values-and-commitments/committing-policy-based-openness/"
    )
    assert openness.live and not openness.has_unpublished_changes
    # Wagtail's placeholder "Welcome" page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
    assert get_image_model().objects.count() == 2


def test_second_run_changes_and_duplicates_nothing(demo_content):
    before = snapshot()
    output = run()
    assert "déjà à jour" in output
    assert snapshot() == before


def test_no_admin_account_is_created(demo_content):
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.exists()
