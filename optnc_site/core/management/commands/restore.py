from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from optnc_site.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    # Nothing here serves pages: the URL and admin checks would only slow a restore down.
    requires_system_checks = []
    help = (
        "Restaure une archive de « manage.py backup » dans la base de DATABASE_URL et le dossier "
        "MEDIA_ROOT, qui doivent être vides (--force les vide d'abord)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive optnc-AAAAMMJJ-HHMMSS.tar.gz à restaurer.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Efface d'abord la base et les médias existants (tout le site est remplacé).",
        )

    def handle(self, *args, archive, force, **options):
        try:
            restored = restore_backup(archive, settings.DATABASES["default"], settings.MEDIA_ROOT, force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = restored.manifest
        self.stdout.write(
            f"Sauvegarde du {manifest['created_at']} (version {manifest['application']['version']}, "
            f"commit {manifest['application']['commit'] or 'inconnu'}) restaurée en "
            f"{restored.seconds:.1f} s."
        )
        if restored.unknown:
            self.stderr.write(
                f"Attention : l'archive vient d'une version plus récente du site ({len(restored.unknown)} "
                "migrations inconnues de ce code) : déployez cette version avant d'ouvrir le site."
            )
        if restored.pending:
            self.stdout.write(
                f"{len(restored.pending)} migrations de ce code restent à appliquer : "
                "lancez « manage.py migrate --noinput »."
            )
