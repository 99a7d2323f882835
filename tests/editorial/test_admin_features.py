"""Uploads, scheduling, previews per language, menu cache, login throttling, translations report."""

import datetime
import io
import os
from unittest import mock

import pytest
import wagtail_factories
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from optnc_site.core.models import ContentPage
from tests.core.factories import ContentPageFactory
from tests.helpers import soup_of
from tests.partnerships.factories import NewsArticlePageFactory


def png_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#004a8f").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Essai",
            "collection": 1,
            "file": SimpleUploadedFile(name, content),
        },
    )


def original_files(settings):
    folder = settings.MEDIA_ROOT / "original_images"
    return sorted(os.listdir(folder)) if folder.exists() else []


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("fichier.txt", b"ceci n'est pas une image", "Téléversez une image valide"),
        ("corrompue.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "Téléversez une image valide"),
        ("tronquee.png", png_bytes((300, 200))[:120], "Téléversez une image valide"),
    ],
)
def test_bad_uploads_are_refused_in_french_and_leave_nothing(
    client, editor, settings, name, content, message
):
    client.force_login(editor)
    before = original_files(settings)
    response = upload(client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert original_files(settings) == before


def huge_png(size):
    """A PNG of ``size`` pixels that weighs a few kilobytes: one bit per pixel, all black."""
    buffer = io.BytesIO()
    PillowImage.new("1", size).save(buffer, "PNG")
    return buffer.getvalue()


def test_files_over_20_mb_are_refused(client, editor, settings):
    client.force_login(editor)
    before = original_files(settings)
    content = png_bytes()
    response = upload(client, "grande.png", content + b"\x00" * (20 * 1024 * 1024 + 1 - len(content)))
    assert response.status_code == 200
    assert "Ce fichier est trop gros" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert original_files(settings) == before


def test_a_48_megapixel_image_is_refused(client, editor, settings):
    client.force_login(editor)
    before = original_files(settings)
    response = upload(client, "large.png", huge_png((8000, 6000)))
    assert response.status_code == 200
    assert "Ce fichier a un trop grand nombre de pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert original_files(settings) == before


def test_good_upload_is_saved(client, editor):
    client.force_login(editor)
    response = upload(client, "bonne.png", png_bytes())
    image = get_image_model().objects.get()
    assert (response.status_code, response.get("Location")) == (
        302,
        reverse("wagtailimages:index"),
    )
    assert (image.title, image.width, image.height) == ("Essai", 64, 48)


def news_titles(client):
    soup = soup_of(client.get("/fr/actualites/"))
    return [a.get_text() for a in soup.select(".news-list .card__link")]


def test_scheduled_article_appears_then_expires(client, news_index):
    now = timezone.now()
    article = NewsArticlePageFactory(
        parent=news_index, title="Annonce programmée", title_fr="Annonce programmée", live=False
    )
    article.go_live_at = now + datetime.timedelta(hours=2)
    article.expire_at = now + datetime.timedelta(days=3)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live  # scheduled, not yet public
    assert "Annonce programmée" not in news_titles(client)

    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=3)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert "Annonce programmée" in news_titles(client)

    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=4)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert "Annonce programmée" not in news_titles(client)
    article.refresh_from_db()
    assert article.expired and not article.live


@pytest.mark.parametrize(
    "mode,title,lang", [("fr", "Nous connaître", "fr"), ("en", "Getting to know us", "en")]
)
def test_each_preview_mode_renders_its_language(demo_content, manager, mode, title, lang):
    page = ContentPage.objects.get(slug_fr="nous-connaitre")
    assert [code for code, _label in page.preview_modes] == ["fr", "en"]
    request = RequestFactory().get("/admin/")
    request.user = manager
    soup = soup_of(page.make_preview_request(request, mode))
    assert soup.html["lang"] == lang
    assert soup.h1.get_text() == title


def test_news_index_previews_in_english_too(demo_content, manager):
    from partnerships.models import NewsIndexPage

    request = RequestFactory().get("/admin/")
    request.user = manager
    response = NewsIndexPage.objects.get().make_preview_request(request, "en")
    assert soup_of(response).h1.get_text() == "News"


def test_menu_cache_follows_the_tree(client, home):
    def menu():
        soup = soup_of(client.get("/fr/"))
        return [a.get_text() for a in soup.select(".main-nav a")]

    first = ContentPageFactory(parent=home, title="Rubrique", title_fr="Rubrique", show_in_menus=True)
    assert menu() == ["Rubrique"]
    second = ContentPageFactory(
        parent=home, title="Nouvelle", title_fr="Nouvelle", show_in_menus=True, live=False
    )
    assert menu() == ["Rubrique"]  # cached, and the new page is a draft anyway
    second.save_revision().publish()
    assert menu() == ["Rubrique", "Nouvelle"]
    first.unpublish()
    assert menu() == ["Nouvelle"]
    second.move(first, pos="last-child")
    assert menu() == []


def test_failed_logins_are_throttled_without_revealing_accounts(client, editor):
    url = reverse("wagtailadmin_login")
    known = client.post(url, {"username": editor.username, "password": "mauvais"})
    unknown = client.post(url, {"username": "personne", "password": "mauvais"})
    assert known.status_code == unknown.status_code == 200
    error = "Votre nom d’utilisateur et votre mot de passe ne correspondent à aucun utilisateur."
    assert error in known.content.decode() and error in unknown.content.decode()
    for _attempt in range(4):
        client.post(url, {"username": editor.username, "password": "mauvais"})
    locked = client.post(url, {"username": editor.username, "password": "une-phrase-de-passe-longue"})
    assert locked.status_code == 429
    assert "Trop de tentatives de connexion" in locked.content.decode()
    # Another account is not locked by these failures.
    other = client.post(url, {"username": "personne", "password": "mauvais"})
    assert other.status_code == 200


def test_image_block_without_alt_text_cannot_be_saved_with_an_image(db):
    from django.core.exceptions import ValidationError

    from optnc_site.core.blocks import ImageBlock

    block = ImageBlock()
    image = wagtail_factories.ImageFactory()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": "", "credit": ""}))
    cleaned = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Une photo", "caption": "", "credit": ""})
    )
    assert cleaned["alt_text"] == "Une photo"


def test_userbar_runs_the_sites_content_checks_for_editors_only(client, manager, demo_content):
    anonymous = client.get("/fr/").content.decode()
    assert "wagtail-userbar" not in anonymous
    client.force_login(manager)
    page = client.get("/fr/").content.decode()
    assert "wagtail-userbar" in page
    assert '"image-alt"' in page and '"alt-text-quality"' in page


def test_revisions_can_be_compared(client, manager, draft):
    draft.title_fr = "Première version"
    first = draft.save_revision()
    draft.title_fr = "Seconde version"
    second = draft.save_revision()
    client.force_login(manager)
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, first.pk, second.pk])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Première" in body and "Seconde" in body  # the diff marks each changed word


def test_demo_content_is_fully_translated(demo_content):
    from optnc_site.core.translations_report import missing_translations

    assert missing_translations() == []
