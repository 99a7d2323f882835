"""Server-side cost of the main pages, and of routing among many sibling pages.

Run with `make bench` (a throwaway SQLite database) or with DATABASE_URL pointing at an
empty PostgreSQL database. It prints, for each page, the median and 95th-percentile time
of an in-process request and its query count; then the CPU French typography adds to the
longest page; then the time to route to the last of
1,000 sibling pages with this site's router and with wagtail-modeltranslation's; then the
time to publish a page, and to list the missing translations, with 10, 100 and 5,000 pages.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="optnc-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "optnc_site.settings.dev")
os.environ["DEBUG"] = "false"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ["CACHE_DIR"] = str(WORK / "cache")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

PAGES = [
    "/fr/",
    "/fr/nous-connaitre/valeurs-et-engagements/s-engager-dans-une-politique-d-ouverture/",
    "/en/getting-know-us/values-and-commitments/committing-policy-based-openness/",
    "/fr/partenariats/",
    "/fr/actualites/",
    "/fr/actualites/rss/",
    "/fr/evenements/",
    "/fr/evenements/ical/",
    "/fr/adhesions-internationales/",
    "/fr/recherche/?q=fibre",
    "/sitemap.xml",
]
RUNS = 50
SIBLINGS = 1000


def timed(function, runs):
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    durations.sort()
    return statistics.median(durations), durations[int(len(durations) * 0.95) - 1]


class QueryCounter(list):
    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def bench_pages():
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<88} {'median':>8} {'p95':>8} {'queries':>8}")
    for path in PAGES:
        assert client.get(path).status_code == 200, path  # warm caches and renditions
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(path)
        median, p95 = timed(lambda path=path: client.get(path), RUNS)
        print(f"{path:<88} {median:7.1f}ms {p95:7.1f}ms {len(queries):>8}")


def bench_typography():
    """CPU of French typography (core/typography.py) on the longest page, against its render."""
    from optnc_site.core.typography import french_html

    client = Client(HTTP_HOST="localhost")
    path = PAGES[1]
    html = client.get(path).content.decode()
    start = time.process_time()
    for _ in range(RUNS):
        client.get(path)
    render = (time.process_time() - start) / RUNS * 1000
    start = time.process_time()
    for _ in range(RUNS):
        french_html(html)
    typography = (time.process_time() - start) / RUNS * 1000
    print(
        f"\nFrench typography on the openness page ({len(html)} characters): {typography:.1f} ms "
        f"of CPU, {typography / render:.0%} of the page's {render:.1f} ms"
    )


def bench_routing():
    from django.test import RequestFactory
    from wagtail.models import Page
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    from optnc_site.core.models import ContentPage, HomePage

    home = HomePage.objects.get()
    parent = ContentPage(title="Archives", slug="archives", title_fr="Archives", slug_fr="archives")
    home.add_child(instance=parent)
    for number in range(SIBLINGS):
        parent.add_child(
            instance=ContentPage(
                title=f"Page {number}",
                slug=f"page-{number}",
                title_fr=f"Page {number}",
                slug_fr=f"page-{number}",
            )
        )
    parent = Page.objects.get(pk=parent.pk).specific
    request = RequestFactory().get("/")
    last = [f"page-{SIBLINGS - 1}"]
    with translation.override("fr"):
        ours = timed(lambda: parent.route(request, last), 30)
        theirs = timed(lambda: _new_route(parent, request, last), 30)
    print(f"\nrouting to the last of {SIBLINGS} siblings (median / p95):")
    print(f"  this site's router            {ours[0]:7.1f}ms {ours[1]:7.1f}ms")
    print(f"  wagtail-modeltranslation's    {theirs[0]:7.1f}ms {theirs[1]:7.1f}ms")


def bench_editorial():
    """Publishing a page among 10 and 5,000 siblings, and the translations report at 100 and
    5,000 pages: neither should grow with the size of the site."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.models import Page

    from optnc_site.core.models import ContentPage, HomePage

    home = HomePage.objects.get()
    parent = ContentPage(title="Dossiers", slug="dossiers", title_fr="Dossiers", slug_fr="dossiers")
    home.add_child(instance=parent)
    admin = get_user_model().objects.create_superuser("bench", "bench@example.nc", "x" * 20)
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    report = reverse("missing_translations")
    created = 0

    def grow_to(count):
        nonlocal created
        while created < count:
            parent.add_child(
                instance=ContentPage(
                    title=f"Dossier {created}",
                    slug=f"dossier-{created}",
                    title_fr=f"Dossier {created}",
                    slug_fr=f"dossier-{created}",
                    intro_fr="Sans anglais.",
                )
            )
            created += 1

    def publish_one():
        page = ContentPage(title="Nouveau", slug="nouveau", title_fr="Nouveau", slug_fr="nouveau")
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        page.save_revision().publish()
        page.delete()

    print("\neditorial work as the site grows (median / p95):")
    for siblings in (10, 100, 5000):
        grow_to(siblings)
        publish = timed(publish_one, 10)
        listing = timed(lambda: client.get(report), 10)
        print(
            f"  {siblings:>5} pages: publish {publish[0]:7.1f}ms {publish[1]:7.1f}ms"
            f"   « Traductions manquantes » {listing[0]:7.1f}ms {listing[1]:7.1f}ms"
        )


if __name__ == "__main__":
    call_command("migrate", "--noinput", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)  # pages are served as with DEBUG off
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    print(f"database: {connection.vendor}; {RUNS} requests per page, in-process (no network)\n")
    bench_pages()
    bench_typography()
    bench_routing()
    bench_editorial()
