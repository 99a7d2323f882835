from django.core.management.base import BaseCommand

from optnc_site.core.translation_state import refresh


class Command(BaseCommand):
    help = (
        "Enregistre l'état des traductions des pages et fiches qui n'en ont pas encore "
        "(contenu saisi avant le rapport « Traductions manquantes ») ; --all les recalcule toutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Recalcule aussi les objets déjà enregistrés (les traductions à jour le restent).",
        )

    def handle(self, *args, everything=False, **options):
        recorded = refresh(everything=everything)
        self.stdout.write(f"États des traductions enregistrés : {recorded} objet(s).")
