import factory
import wagtail_factories

from memberships.models import MembershipIndexPage, MembershipPage


class MembershipIndexPageFactory(wagtail_factories.PageFactory):
    title = title_fr = "Adhésions internationales"
    title_en = "International memberships"
    slug = slug_fr = "adhesions-internationales"
    slug_en = "international-memberships"

    class Meta:
        model = MembershipIndexPage


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organisation {n}")
    title_fr = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"Organisation {n} (en)")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    slug_fr = factory.SelfAttribute("slug")
    slug_en = factory.Sequence(lambda n: f"organisation-{n}-en")
    summary_fr = "Résumé de l’adhésion."
    summary_en = "Summary of the membership."

    class Meta:
        model = MembershipPage
