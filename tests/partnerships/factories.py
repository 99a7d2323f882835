import datetime

import factory
import wagtail_factories

from partnerships.models import ConventionPage, NewsArticlePage, NewsIndexPage, Partner, PartnershipIndexPage


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    name_fr = factory.SelfAttribute("name")
    acronym = factory.Sequence(lambda n: f"P{n}")
    category = "local_digital"

    class Meta:
        model = Partner


class PartnershipIndexPageFactory(wagtail_factories.PageFactory):
    title = title_fr = "Partenariats"
    title_en = "Partnerships"
    slug = slug_fr = "partenariats"
    slug_en = "partnerships"

    class Meta:
        model = PartnershipIndexPage


class ConventionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Convention {n}")
    title_fr = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"Agreement {n}")
    slug = factory.Sequence(lambda n: f"convention-{n}")
    slug_fr = factory.SelfAttribute("slug")
    slug_en = factory.Sequence(lambda n: f"agreement-{n}")
    summary_fr = "Résumé de la convention."
    summary_en = "Summary of the agreement."

    class Meta:
        model = ConventionPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = title_fr = "Actualités"
    title_en = "News"
    slug = slug_fr = "actualites"
    slug_en = "news"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    title_fr = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    slug_fr = factory.SelfAttribute("slug")
    slug_en = factory.Sequence(lambda n: f"news-item-{n}")
    date = factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
    lead_fr = "Chapô en français."
    lead_en = "Lead in English."

    class Meta:
        model = NewsArticlePage
