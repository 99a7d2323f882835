import factory
import wagtail_factories
from django.utils.text import slugify

from optnc_site.core.models import ContentPage, HomePage


class TranslatedPageFactory(wagtail_factories.PageFactory):
    """A page titled and slugged in French, and in English when ``label_en`` is given.

    Titles are "<label> <n>"; slugs follow from titles. The raw ``title``/``slug`` columns
    hold French, as the French-only admin saves them.
    """

    class Params:
        label_fr = "Page"
        label_en = ""

    title = factory.LazyAttributeSequence(lambda o, n: f"{o.label_fr} {n}")
    title_fr = factory.SelfAttribute("title")
    title_en = factory.LazyAttributeSequence(lambda o, n: f"{o.label_en} {n}" if o.label_en else "")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    slug_fr = factory.SelfAttribute("slug")
    slug_en = factory.LazyAttribute(lambda o: slugify(o.title_en))

    class Meta:
        abstract = True


class HomePageFactory(TranslatedPageFactory):
    title = "Accueil"

    class Meta:
        model = HomePage


class ContentPageFactory(TranslatedPageFactory):
    class Meta:
        model = ContentPage
