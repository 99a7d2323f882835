import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Crée un compte administrateur à partir de DJANGO_SUPERUSER_USERNAME, "
        "DJANGO_SUPERUSER_EMAIL et DJANGO_SUPERUSER_PASSWORD, s'il n'existe pas déjà. "
        "Sans mot de passe fourni, ne crée rien : il n'y a jamais de mot de passe par défaut."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "").strip()
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if not username or not password:
            self.stdout.write("Aucun compte administrateur demandé (variables non définies).")
            return
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            self.stdout.write(f"Le compte « {username} » existe déjà : inchangé.")
            return
        user_model.objects.create_superuser(
            username=username, email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password=password
        )
        self.stdout.write(f"Compte administrateur « {username} » créé.")
