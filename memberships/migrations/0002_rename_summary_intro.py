from django.db import migrations


class Migration(migrations.Migration):
    """Every page names its list summary ``intro`` (and its main StreamField ``body``)."""

    dependencies = [("memberships", "0001_initial")]

    operations = [
        migrations.RenameField("membershippage", "summary", "intro"),
        migrations.RenameField("membershippage", "summary_fr", "intro_fr"),
        migrations.RenameField("membershippage", "summary_en", "intro_en"),
        migrations.RenameField("membershippage", "about", "body"),
        migrations.RenameField("membershippage", "about_fr", "body_fr"),
        migrations.RenameField("membershippage", "about_en", "body_en"),
    ]
