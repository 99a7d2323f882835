import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError

from optnc_site.core.backup import BackupError, create_backup


class Command(BaseCommand):
    # Nothing here serves pages: the URL and admin checks would only slow a restore down.
    requires_system_checks = []
    help = (
        "Écrit une archive de sauvegarde du site (base de données, médias et manifeste) dans "
        "BACKUP_DIR (var/backups par défaut). La base est celle de DATABASE_URL, les médias ceux "
        "de MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            default=os.environ.get("BACKUP_DIR") or settings.BASE_DIR / "var" / "backups",
            help="Dossier où écrire l'archive.",
        )

    def handle(self, *args, directory, **options):
        media_root = settings.MEDIA_ROOT
        if not isinstance(storages["default"], FileSystemStorage):
            # Media in an S3 bucket are kept by the bucket's own versioning or replication.
            self.stderr.write(
                "Les médias ne sont pas sur le disque (stockage S3) : l'archive ne contient que la "
                "base de données ; sauvegardez le bucket avec les outils de son fournisseur."
            )
            media_root = None
        try:
            archive, manifest = create_backup(settings.DATABASES["default"], media_root, directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        media = manifest["media"]
        self.stdout.write(
            f"Sauvegarde écrite : {archive} ({archive.stat().st_size / 1e6:.1f} Mo ; "
            f"{len(manifest['migrations'])} migrations"
            + (f", {media['files']} fichiers de médias)" if media else ", sans les médias)")
        )
