"""What a sharing card reads (Open Graph, Twitter) on every page of the demo site."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image as PILImage
from wagtail.models import Page

from optnc_site.core.models import SiteIdentity
from optnc_site.core.typography import french_text
from partnerships.models import NewsArticlePage
from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.helpers import soup_of

ARTICLE_FR = "/fr/actualites/signature-d-une-convention-avec-la-cci/"
ARTICLE_EN = "/en/news/signing-agreement-cci/"
DEFAULT_ALT = {
    "fr": "Bannière de la conférence APNIC 46 : « APNIC 46, Nouméa — 6-13 septembre 2018 » "
    "sur fond de vagues bleues.",
    "en": "APNIC 46 conference banner: “APNIC 46, Nouméa — 6-13 September 2018” "
    "on a background of blue waves.",
}


def shown(text, code):
    """``text`` as a page in ``code`` shows it: French pages get French typography."""
    return french_text(text) if code == "fr" else text


def sharing_tags(soup):
    tags = {}
    for meta in soup.select("meta[property], meta[name]"):
        key = meta.get("property") or meta.get("name")
        if key.startswith(("og:", "twitter:")):
            tags.setdefault(key, []).append(meta["content"])
    return tags


def file_size_of(url):
    """The real width and height of the image file an absolute media URL points at."""
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL), url
    with PILImage.open(Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)) as image:
        return image.size


def demo_urls():
    """Every live page of the demo site in both languages: each page type, twice."""
    urls = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                urls.append((page.get_url(), type(page).__name__))
    return urls


def test_every_page_shares_an_image_with_its_size_type_and_alt_text(client, demo_content):
    seen_types = set()
    for url, page_type in demo_urls():
        tags = sharing_tags(soup_of(client.get(url)))
        seen_types.add(page_type)
        assert len(tags.get("og:image", [])) == 1, (url, tags)
        image = tags["og:image"][0]
        assert image.startswith("http://localhost/media/images/"), url
        width, height = file_size_of(image)
        assert tags["og:image:width"] == [str(width)] and tags["og:image:height"] == [str(height)], url
        assert tags["og:image:type"] == ["image/jpeg"], url
        assert tags["og:image:alt"][0].strip(), url
        assert tags["twitter:card"] == ["summary_large_image"], url
        assert tags["twitter:image"] == [image] and tags["twitter:image:alt"] == tags["og:image:alt"], url
    assert {"HomePage", "ContentPage", "NewsArticlePage", "EventPage", "MembershipPage"} <= seen_types


@pytest.mark.parametrize("path,code", [(OPENNESS_FR, "fr"), (OPENNESS_EN, "en")])
def test_a_page_without_an_image_shares_the_sites_default(client, demo_content, path, code):
    tags = sharing_tags(soup_of(client.get(path)))
    identity = SiteIdentity.objects.get()
    rendition = identity.default_share_image.get_rendition("fill-1200x630|format-jpeg")
    assert tags["og:image"] == [f"http://localhost{rendition.url}"]
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]  # from 1600×900
    assert tags["og:image:alt"] == [shown(DEFAULT_ALT[code], code)]


@pytest.mark.parametrize("path,code", [(ARTICLE_FR, "fr"), (ARTICLE_EN, "en")])
def test_a_page_with_its_own_image_shares_it_at_its_real_size(client, demo_content, path, code):
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    # Smaller than 1200×630: the rendition keeps the ratio without enlarging.
    article.image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    article.image_alt_fr = "Deux mains sur une convention"
    article.image_alt_en = "Two hands on an agreement"
    article.save_revision().publish()
    tags = sharing_tags(soup_of(client.get(path)))
    assert tags["og:image"] == [
        f"http://localhost{article.image.get_rendition('fill-1200x630|format-jpeg').url}"
    ]
    assert (int(tags["og:image:width"][0]), int(tags["og:image:height"][0])) == file_size_of(
        tags["og:image"][0]
    )
    assert tags["og:image:width"] == ["800"] and tags["og:image:height"] == ["420"]
    expected_alt = article.image_alt_fr if code == "fr" else article.image_alt_en
    assert tags["og:image:alt"] == [expected_alt] and tags["twitter:image:alt"] == [expected_alt]


def test_without_any_image_the_card_is_small(client, demo_content):
    identity = SiteIdentity.objects.get()
    identity.default_share_image = None
    identity.save()
    tags = sharing_tags(soup_of(client.get(OPENNESS_FR)))
    assert "og:image" not in tags and "twitter:image" not in tags
    assert tags["twitter:card"] == ["summary"]


@pytest.mark.parametrize(
    "path,locale,alternate", [(OPENNESS_FR, "fr_FR", "en_GB"), (OPENNESS_EN, "en_GB", "fr_FR")]
)
def test_the_other_language_is_announced(client, demo_content, path, locale, alternate):
    tags = sharing_tags(soup_of(client.get(path)))
    assert tags["og:locale"] == [locale]
    assert tags["og:locale:alternate"] == [alternate]


def test_no_english_alternate_for_a_page_not_translated(client, demo_content):
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    article.title_en = ""
    article.save_revision().publish()
    tags = sharing_tags(soup_of(client.get(ARTICLE_FR)))
    assert tags["og:locale"] == ["fr_FR"]
    assert "og:locale:alternate" not in tags


def test_the_settings_refuse_a_sharing_image_without_alt_text(demo_content):
    identity = SiteIdentity.objects.get()
    identity.default_share_image_alt_fr = ""
    with pytest.raises(ValidationError) as error:
        identity.full_clean()
    assert "default_share_image_alt_fr" in error.value.message_dict


def test_a_lost_image_file_falls_back_to_the_default(client, demo_content):
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    article.image = wagtail_factories.ImageFactory()
    article.image_alt_fr = "Une image perdue"
    article.save_revision().publish()
    article.image.file.delete(save=False)
    tags = sharing_tags(soup_of(client.get(ARTICLE_FR)))
    assert tags["og:image:alt"] == [shown(DEFAULT_ALT["fr"], "fr")]
    assert tags["twitter:card"] == ["summary_large_image"]
