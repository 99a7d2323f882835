from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from optnc_site.core import health, throttling
from optnc_site.core import views as core_views

handler404 = "optnc_site.core.views.page_not_found"
handler500 = "optnc_site.core.views.server_error"

urlpatterns = [
    # Outside i18n_patterns: the probes ask for /healthz, never /fr/healthz.
    path("healthz", health.healthz, name="healthz"),
    # Before Wagtail's own logout URL, which it replaces (a GET must not log out, see the view).
    path("admin/logout/", core_views.AdminLogoutView.as_view(), name="wagtailadmin_logout"),
    # Before Wagtail's own, which it replaces: rate limited, and the same answer time whether
    # an account has the address or not (optnc_site/core/throttling.py).
    path("admin/password_reset/", throttling.PasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("robots.txt", core_views.robots, name="robots"),
    # French is the site's first language: the bare domain always opens it.
    path("", RedirectView.as_view(url="/fr/", permanent=False)),
]

if getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path(_("recherche/"), core_views.search, name="search"),
    # Before Wagtail's own, which it replaces: page passwords throttled per client address.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
