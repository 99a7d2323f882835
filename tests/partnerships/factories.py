import datetime

import factory

from partnerships.models import ConventionPage, NewsArticlePage, NewsIndexPage, Partner, PartnershipIndexPage
from tests.core.factories import TranslatedPageFactory


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    name_fr = factory.SelfAttribute("name")
    acronym = factory.Sequence(lambda n: f"P{n}")
    acronym_fr = factory.SelfAttribute("acronym")
    category = "local_digital"

    class Meta:
        model = Partner


class PartnershipIndexPageFactory(TranslatedPageFactory):
    title = "Partenariats"
    title_en = "Partnerships"

    class Meta:
        model = PartnershipIndexPage


class ConventionPageFactory(TranslatedPageFactory):
    class Params:
        label_fr = "Convention"
        label_en = "Agreement"

    intro_fr = "Résumé de la convention."
    intro_en = "Summary of the agreement."

    class Meta:
        model = ConventionPage


class NewsIndexPageFactory(TranslatedPageFactory):
    title = "Actualités"
    title_en = "News"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(TranslatedPageFactory):
    class Params:
        label_fr = "Actualité"
        label_en = "News item"

    date = factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
    intro_fr = "Chapô en français."
    intro_en = "Lead in English."

    class Meta:
        model = NewsArticlePage
