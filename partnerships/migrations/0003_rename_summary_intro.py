from django.db import migrations


class Migration(migrations.Migration):
    """Every page names its list summary ``intro`` (and its main StreamField ``body``)."""

    dependencies = [("partnerships", "0002_partner_permissions")]

    operations = [
        migrations.RenameField("conventionpage", "summary", "intro"),
        migrations.RenameField("conventionpage", "summary_fr", "intro_fr"),
        migrations.RenameField("conventionpage", "summary_en", "intro_en"),
        migrations.RenameField("newsarticlepage", "lead", "intro"),
        migrations.RenameField("newsarticlepage", "lead_fr", "intro_fr"),
        migrations.RenameField("newsarticlepage", "lead_en", "intro_en"),
    ]
