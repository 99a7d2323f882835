"""Every page type, in both languages: what the quality checks visit."""

from tests.browser.pages_events_memberships import PAGES_EVENTS_MEMBERSHIPS
from tests.conftest import OPENNESS_EN, OPENNESS_FR

PAGES = {
    "home-fr": "/fr/",
    "home-en": "/en/",
    "content-fr": "/fr/nous-connaitre/",
    "content-en": "/en/getting-know-us/",
    "openness-fr": OPENNESS_FR,
    "openness-en": OPENNESS_EN,
    "content-leaf-fr": "/fr/nous-connaitre/valeurs-et-engagements/",
    "content-leaf-en": "/en/getting-know-us/values-and-commitments/",
    "partnership-index-fr": "/fr/partenariats/",
    "partnership-index-en": "/en/partnerships/",
    "convention-fr": "/fr/partenariats/convention-cci-nc-formation-fibre-optique/",
    "convention-en": "/en/partnerships/agreement-cci-nc-optical-fibre-training/",
    "news-index-fr": "/fr/actualites/",
    "news-index-en": "/en/news/",
    "news-filtered-fr": "/fr/actualites/?convention=999999",
    "news-article-fr": "/fr/actualites/signature-d-une-convention-avec-la-cci/",
    "news-article-en": "/en/news/signing-agreement-cci/",
    "search-fr": "/fr/recherche/?q=APNIC",
    "search-en": "/en/search/?q=APNIC",
    "search-no-result-fr": "/fr/recherche/?q=zzzzzz",
    "site-map-fr": "/fr/plan-du-site/",
    "site-map-en": "/en/site-map/",
    "legal-notice-fr": "/fr/mentions-legales/",
    "legal-notice-en": "/en/legal-notice/",
    "accessibility-fr": "/fr/accessibilite/",
    "accessibility-en": "/en/accessibility/",
    "not-found-fr": "/fr/page-inexistante/",
    "not-found-en": "/en/missing-page/",
}

PAGES.update(PAGES_EVENTS_MEMBERSHIPS)
