from memberships.models import MembershipIndexPage, MembershipPage
from tests.core.factories import TranslatedPageFactory


class MembershipIndexPageFactory(TranslatedPageFactory):
    title = "Adhésions internationales"
    title_en = "International memberships"

    class Meta:
        model = MembershipIndexPage


class MembershipPageFactory(TranslatedPageFactory):
    class Params:
        label_fr = "Organisation"
        label_en = "Organisation (en)"

    intro_fr = "Résumé de l’adhésion."
    intro_en = "Summary of the membership."

    class Meta:
        model = MembershipPage
