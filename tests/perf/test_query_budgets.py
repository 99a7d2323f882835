"""How many queries a page costs once caches are warm (renditions made, menu cached)."""

import pytest

from tests.conftest import OPENNESS_EN, OPENNESS_FR

# 16: site (1), its root page (1), routing by translated url_path (2), Wagtail's alias
# and view-restriction checks (3), site settings (1), the footer's links (1), breadcrumb
# ancestors (1), the page-chooser values of the blocks, in one batch (1), both images in
# one query (1), the memberships list with their specific types (2), child pages (1), and
# the "En savoir plus" link's page (1). Rich-text page links cost nothing once cached
# (optnc_site.core.rich_text).
OPENNESS_PAGE_BUDGET = 16


@pytest.mark.parametrize("path", [OPENNESS_FR, OPENNESS_EN])
def test_openness_page_query_budget(client, demo_content, django_assert_max_num_queries, path):
    assert client.get(path).status_code == 200  # warm renditions and menu cache
    with django_assert_max_num_queries(OPENNESS_PAGE_BUDGET):
        assert client.get(path).status_code == 200
