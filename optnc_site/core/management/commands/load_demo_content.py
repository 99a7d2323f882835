from django.core.management.base import BaseCommand

from optnc_site.core.demo import DemoLoader


class Command(BaseCommand):
    help = "Crée ou met à jour le contenu de démonstration (idempotent)."

    def handle(self, *args, **options):
        report = DemoLoader().load()
        if not report.changed:
            self.stdout.write("Contenu de démonstration déjà à jour.")
            return
        for line in report.created:
            self.stdout.write(f"créé : {line}")
        for line in report.updated:
            self.stdout.write(f"mis à jour : {line}")
