"""Every page type, in both languages: what the quality checks visit."""

from tests.conftest import OPENNESS_EN, OPENNESS_FR

PAGES = {
    "home-fr": "/fr/",
    "home-en": "/en/",
    "content-fr": "/fr/nous-connaitre/",
    "content-en": "/en/getting-know-us/",
    "openness-fr": OPENNESS_FR,
    "openness-en": OPENNESS_EN,
    "content-leaf-fr": OPENNESS_FR + "signature-d-une-convention-avec-la-cci/",
    "content-leaf-en": OPENNESS_EN + "signing-agreement-cci/",
    "not-found-fr": "/fr/page-inexistante/",
    "not-found-en": "/en/missing-page/",
}
