"""How many queries a page costs once caches are warm (renditions made, menu cached)."""

import pytest

from tests.conftest import OPENNESS_EN, OPENNESS_FR

# 18: site (1), its root page (1), routing by translated url_path (2), Wagtail's alias
# and view-restriction checks (3), site settings (1), the footer's links (1), breadcrumb
# ancestors (1), the "En savoir plus" target page (1), both images in one query (1), child
# pages (1), and the page links of three rich-text paragraphs (2 each: Wagtail resolves
# the links of one paragraph in a batch, with their specific types).
OPENNESS_PAGE_BUDGET = 18


@pytest.mark.parametrize("path", [OPENNESS_FR, OPENNESS_EN])
def test_openness_page_query_budget(client, demo_content, django_assert_max_num_queries, path):
    assert client.get(path).status_code == 200  # warm renditions and menu cache
    with django_assert_max_num_queries(OPENNESS_PAGE_BUDGET):
        assert client.get(path).status_code == 200
