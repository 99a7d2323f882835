"""Nothing an editor does breaks a public page: images and documents in use stay."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, ReferenceIndex

from partnerships.models import ConventionPage
from tests.conftest import OPENNESS_EN, OPENNESS_FR

Image = get_image_model()
Document = get_document_model()
ROLES = ["editor", "manager", "admin_user"]


def openness_page():
    return Page.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")


def cci_convention():
    return ConventionPage.objects.get(slug_fr="convention-cci-nc-formation-fibre-optique")


@pytest.fixture
def openness_image(demo_content):
    """An image the openness page shows (in a StreamField block), per the reference index."""
    image_type = ContentType.objects.get_for_model(Image)
    reference = (
        ReferenceIndex.get_references_for_object(openness_page()).filter(to_content_type=image_type).first()
    )
    assert reference is not None, "the openness page uses no image"
    return Image.objects.get(pk=reference.to_object_id)


@pytest.fixture
def convention_document(demo_content):
    """A document attached to a live convention page of the demo site."""
    document = Document.objects.create(
        title="Texte signé de la convention",
        file=ContentFile(b"%PDF-1.4 " + b"x" * 2038, name="convention-cci.pdf"),
    )
    convention = cci_convention()
    convention.documents.create(document=document)
    convention.save_revision().publish()
    return document


def png_bytes():
    return get_test_image_file().file.getvalue()


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(response, expect_message=None):
    """Refused: an editor by permission (Wagtail's redirect to the dashboard, or 403 from a
    view that answers so), others by the usage check: back to the edit view with the French
    message naming where the object is used."""
    if expect_message is None:
        refused = response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
        assert refused or messages_of(response), (response.status_code, response.get("Location"))
    else:
        assert response.status_code == 302, response.status_code
        assert any(
            message.startswith("Suppression impossible") and expect_message in message
            for message in messages_of(response)
        ), messages_of(response)


def form_errors(response):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return [error.get_text(" ", strip=True) for error in soup.select(".error-message, .w-field__errors")]


def every_live_page_answers(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                url = page.get_url()
            assert url, (page, language)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)


def test_an_image_used_by_a_live_page_cannot_be_deleted(client, request, openness_image):
    for role in ROLES:
        client.force_login(request.getfixturevalue(role))
        url = reverse("wagtailimages:delete", args=[openness_image.pk])
        may_delete = role != "editor"  # the editor is refused by permission, before any usage check
        expected = openness_page().title_fr if may_delete else None
        assert_refused(client.get(url), expected)
        assert_refused(client.post(url), expected)
        assert_refused(client.post(reverse("wagtailimages:delete_multiple", args=[openness_image.pk])))
        bulk = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])
        assert_refused(client.post(f"{bulk}?id={openness_image.pk}", {"next": "/admin/images/"}), expected)
        assert Image.objects.filter(pk=openness_image.pk).exists(), role
    client.logout()
    for url in (OPENNESS_FR, OPENNESS_EN):
        assert client.get(url).status_code == 200
    every_live_page_answers(client)


def test_a_document_used_by_a_live_page_cannot_be_deleted(client, request, convention_document):
    for role in ROLES:
        client.force_login(request.getfixturevalue(role))
        url = reverse("wagtaildocs:delete", args=[convention_document.pk])
        expected = cci_convention().title_fr if role != "editor" else None
        assert_refused(client.get(url), expected)
        assert_refused(client.post(url), expected)
        assert_refused(client.post(reverse("wagtaildocs:delete_multiple", args=[convention_document.pk])))
        bulk = reverse("wagtail_bulk_action", args=["wagtaildocs", "document", "delete"])
        assert_refused(
            client.post(f"{bulk}?id={convention_document.pk}", {"next": "/admin/documents/"}), expected
        )
        assert Document.objects.filter(pk=convention_document.pk).exists(), role
    client.logout()
    page = client.get(cci_convention().url).content.decode()
    assert "Texte signé de la convention" in page
    every_live_page_answers(client)


def test_the_refusal_says_where_in_french(client, manager, openness_image):
    client.force_login(manager)
    response = client.post(reverse("wagtailimages:delete", args=[openness_image.pk]), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Suppression impossible" in page
    assert f"page « {openness_page().title_fr} »" in page


def test_a_manager_deletes_an_image_no_live_page_uses(client, manager, home):
    from tests.core.factories import ContentPageFactory

    unused = Image.objects.create(title="Inutilisée", file=get_test_image_file())
    in_a_draft = Image.objects.create(title="Dans un brouillon", file=get_test_image_file())
    draft = ContentPageFactory(parent=home, live=False)
    draft.body_fr = [{"type": "image", "value": {"image": in_a_draft.pk, "alt_text": "Photo"}}]
    draft.save()
    assert ReferenceIndex.get_references_to(in_a_draft).exists()
    client.force_login(manager)
    for image in (unused, in_a_draft):
        response = client.post(reverse("wagtailimages:delete", args=[image.pk]))
        assert response.status_code == 302
        assert not Image.objects.filter(pk=image.pk).exists()


def test_an_editor_deletes_her_own_upload_only_while_no_live_page_uses_it(client, editor, home):
    """Wagtail's owner rule: who uploaded an image may edit and delete it; the usage check
    still applies."""
    from tests.core.factories import ContentPageFactory

    client.force_login(editor)
    for title in ("Essai", "Publiée"):
        client.post(
            reverse("wagtailimages:add"), {"title": title, "file": SimpleUploadedFile("p.png", png_bytes())}
        )
    trial, used = Image.objects.get(title="Essai"), Image.objects.get(title="Publiée")
    assert trial.uploaded_by_user == editor
    page = ContentPageFactory(parent=home)
    page.body_fr = [{"type": "image", "value": {"image": used.pk, "alt_text": "Photo"}}]
    page.save_revision().publish()
    assert_refused(client.post(reverse("wagtailimages:delete", args=[used.pk])), page.title_fr)
    assert Image.objects.filter(pk=used.pk).exists()
    assert client.post(reverse("wagtailimages:delete", args=[trial.pk])).status_code == 302
    assert not Image.objects.filter(pk=trial.pk).exists()


def test_an_image_a_live_partner_shows_cannot_be_deleted(client, manager, home):
    from tests.partnerships.factories import PartnerFactory

    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    partner = PartnerFactory(name="Avec logo", name_fr="Avec logo", logo=logo)
    client.force_login(manager)
    response = client.post(reverse("wagtailimages:delete", args=[logo.pk]))
    assert_refused(response, f"partenaire « {partner.name_fr} »")
    assert Image.objects.filter(pk=logo.pk).exists()


def test_a_partner_on_a_live_page_cannot_be_deleted(client, manager, demo_content):
    from partnerships.models import ConventionPartner

    link = ConventionPartner.objects.filter(page__live=True).select_related("page", "partner").first()
    partner = link.partner
    client.force_login(manager)
    url = reverse("wagtailsnippets_partnerships_partner:delete", args=[partner.pk])
    assert_refused(client.get(url), f"page « {link.page.title_fr} »")
    assert_refused(client.post(url), f"page « {link.page.title_fr} »")
    assert type(partner).objects.filter(pk=partner.pk).exists()


def test_editor_cannot_change_an_existing_image_but_may_add_and_choose(client, editor, openness_image):
    client.force_login(editor)
    edit_url = reverse("wagtailimages:edit", args=[openness_image.pk])
    assert client.get(edit_url).status_code in (302, 403)
    response = client.post(edit_url, {"title": "Titre changé", "file": ""})
    assert response.status_code in (302, 403)
    openness_image.refresh_from_db()
    assert openness_image.title != "Titre changé"

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Nouvelle photo",
            "file": SimpleUploadedFile("photo.png", png_bytes()),
        },
    )
    assert response.status_code == 302, form_errors(response)
    assert Image.objects.filter(title="Nouvelle photo").exists()
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200


def test_editor_cannot_change_an_existing_document_but_may_add(client, editor, convention_document):
    client.force_login(editor)
    edit_url = reverse("wagtaildocs:edit", args=[convention_document.pk])
    response = client.post(edit_url, {"title": "Titre changé"})
    assert response.status_code in (302, 403)
    convention_document.refresh_from_db()
    assert convention_document.title == "Texte signé de la convention"
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Nouveau document", "file": ContentFile(b"%PDF-1.4 nouveau", name="nouveau.pdf")},
    )
    assert response.status_code == 302, form_errors(response)
    assert Document.objects.filter(title="Nouveau document").exists()


def test_pages_still_render_when_a_superuser_deleted_their_image_anyway(client, openness_image):
    """Outside the admin's checks (a shell, a script): the block is left out, the page answers."""
    openness_image.delete()
    for url in (OPENNESS_FR, OPENNESS_EN):
        response = client.get(url)
        assert response.status_code == 200
    every_live_page_answers(client)
