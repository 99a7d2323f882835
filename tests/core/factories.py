import factory
import wagtail_factories

from optnc_site.core.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    title_fr = "Accueil"
    slug = "accueil"
    slug_fr = "accueil"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    title_fr = factory.SelfAttribute("title")
    slug = factory.Sequence(lambda n: f"page-{n}")
    slug_fr = factory.SelfAttribute("slug")

    class Meta:
        model = ContentPage
