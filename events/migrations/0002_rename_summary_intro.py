from django.db import migrations


class Migration(migrations.Migration):
    """Every page names its list summary ``intro`` (and its main StreamField ``body``)."""

    dependencies = [("events", "0001_initial")]

    operations = [
        migrations.RenameField("eventpage", "summary", "intro"),
        migrations.RenameField("eventpage", "summary_fr", "intro_fr"),
        migrations.RenameField("eventpage", "summary_en", "intro_en"),
    ]
