"""The admin speaks French to the communication team, on every screen they use.

Each screen is opened as a Rédacteur and as a Responsable communication, and its text (no
script, style, attribute value or field content; hidden elements included, as the admin's
script shows them) is searched for words that only English has. Words French shares with
English (Page, Type, Date, Action, Workflow, Site, Images, Documents, Parent…) are not looked
for.
"""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from optnc_site.core.slugs import FORMATTERS_ATTRIBUTE, french_slugify
from tests.core.factories import ContentPageFactory
from tests.editorial.conftest import page_form_data

# Words of the admin's vocabulary (buttons, labels, states, time) and of the sentences
# around them, that are not French.
# Wagtail's own data ("Root", its default "Moderators approval" workflow) is checked apart.
ENGLISH = set(
    """
    Add Approve Cancel Choose Close Compare Copy Delete Edit Move Preview Publish Reject
    Request Revert Save Search Submit Unpublish View

    Any Draft History Live Loading Locked Unlocked None Password Reports Saved Saving
    Settings Status Timeline Title Username True False Yes Hello

    ago now seconds hour hours day days week weeks month months year years

    the and of to with your you has been by this is are was will not for from changes copied
    """.split()
)
WORD = re.compile(r"\w+")


def visible_text(html):
    """The text of ``html`` an editor reads: no script, style, attribute or field content."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "textarea"]):
        tag.decompose()
    return soup.get_text(" ", strip=True)


def english_words(html):
    """The English words of ``html``'s visible text, each with the text around it."""
    text = visible_text(html)
    found = {}
    for match in WORD.finditer(text):
        if match[0] in ENGLISH and match[0] not in found:
            found[match[0]] = text[max(0, match.start() - 60) : match.end() + 60]
    return found


def page_html(response):
    """The HTML of a screen; modals (approve, request changes) come as JSON."""
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def assert_french(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    found = english_words(page_html(response))
    assert not found, f"{url}: {found}"
    return response


def test_the_word_search_sees_english_and_lets_french_be():
    assert set(english_words("<p>Password <span hidden>None</span></p>")) == {"Password", "None"}
    assert english_words("<p>Modifié il y a 2 minutes par la rédactrice</p>") == {}
    assert english_words('<p title="Edit">Modifier</p><script>"Save"</script>') == {}


def test_login_page(client, db):
    response = assert_french(client, reverse("wagtailadmin_login"))
    assert "Mot de passe" in visible_text(response.content.decode())


# Demo site: the openness page, the explorer, the search -------------------------------------


def demo_screens():
    openness = Page.objects.get(url_path_fr__endswith="/s-engager-dans-une-politique-d-ouverture/")
    home = openness.get_ancestors().get(depth=2)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[openness.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[openness.pk]),
        reverse("wagtailadmin_pages:copy", args=[openness.pk]),
        reverse("wagtailadmin_pages:search") + "?q=ouverture",
        reverse("wagtailadmin_pages:history", args=[openness.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[openness.pk]),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_account"),
    ]


@pytest.mark.parametrize("role", ["editor", "manager"])
def test_everyday_screens_on_the_demo_site(client, request, role, demo_content):
    client.force_login(request.getfixturevalue(role))
    for url in demo_screens():
        assert_french(client, url)


def test_the_search_counts_its_results_in_french(client, editor, demo_content):
    client.force_login(editor)
    response = assert_french(client, reverse("wagtailadmin_pages:search") + "?q=ouverture")
    assert re.search(r"1-\d+ sur \d+ pages", visible_text(response.content.decode()))


def test_the_slug_help_text_is_french(client, editor, demo_content):
    client.force_login(editor)
    openness = Page.objects.get(url_path_fr__endswith="/s-engager-dans-une-politique-d-ouverture/")
    text = visible_text(client.get(reverse("wagtailadmin_pages:edit", args=[openness.pk])).content.decode())
    assert "e.g" not in text and "domain.com" not in text and "my-slug" not in text
    assert "/fr/nous-connaitre/[nom-de-la-page]/" in text


def test_wagtails_default_data_is_french(client, manager, demo_content):
    """Wagtail's first migrations name the tree's root "Root" and make a "Moderators
    approval" workflow: the explorer's breadcrumbs and the workflow reports show them."""
    client.force_login(manager)
    for url in (
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
    ):
        text = visible_text(client.get(url).content.decode())
        assert "Root" not in WORD.findall(text), url
        assert "Moderators" not in text and "approval" not in text, url


# Validation workflow, on a draft: submit, request changes, resubmit, approve -----------------


def workflow_action(client, page, action, comment=""):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk])
    assert_french(client, url)  # the modal, with its comment field
    return client.post(url, {"comment": comment}, follow=True)


def assert_mails_say_bonjour(recipient):
    sent = [message for message in mail.outbox if recipient.email in message.to]
    assert sent, f"no mail to {recipient}"
    for message in sent:
        assert message.body.strip().startswith(f"Bonjour {recipient.get_username()},"), message.body
        assert not english_words(f"<p>{message.subject}</p><pre>{message.body}</pre>"), message.body
        for content, mimetype in message.alternatives:
            if mimetype == "text/html":
                assert "Bonjour" in content and "Salut" not in content


def workflow_screens(page):
    state = WorkflowState.objects.filter(object_id=str(page.pk)).latest("created_at")
    revisions = list(page.revisions.order_by("created_at", "pk"))
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, revisions[0].pk, revisions[-1].pk]),
        reverse("wagtailadmin_pages:search") + "?q=brouillon",
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
    ]


def test_the_validation_workflow_in_french(client, editor, manager, draft):
    # The editor submits: the managers get a mail; every screen says so in French.
    client.force_login(editor)
    mail.outbox.clear()
    data = page_form_data(draft, title_fr="Brouillon soumis", **{"action-submit": "action-submit"})
    submitted = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data, follow=True)
    assert not english_words(submitted.content.decode())
    assert_mails_say_bonjour(manager)
    for url in workflow_screens(draft):
        assert_french(client, url)
    assert_french(client, reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[draft.pk]))

    # The manager sees it awaiting review, and asks for changes.
    client.force_login(manager)
    for url in workflow_screens(draft):
        assert_french(client, url)
    mail.outbox.clear()
    rejected = workflow_action(client, draft, "reject", comment="Un chiffre à vérifier")
    assert not english_words(rejected.content.decode())
    assert_mails_say_bonjour(editor)

    # The editor sees the request, changes the page and resubmits.
    client.force_login(editor)
    for url in workflow_screens(draft):
        assert_french(client, url)
    data = page_form_data(draft, title_fr="Brouillon revu", **{"action-submit": "action-submit"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data).status_code == 302

    # The manager approves: the page goes live, the editor is told.
    client.force_login(manager)
    mail.outbox.clear()
    approved = workflow_action(client, draft, "approve", comment="Parfait")
    assert not english_words(approved.content.decode())
    assert_mails_say_bonjour(editor)
    draft.refresh_from_db()
    assert draft.live
    for url in workflow_screens(draft):
        assert_french(client, url)


def test_recent_changes_are_dated_in_french(client, editor, manager, draft):
    """The status panel dates a page's moderation step with humanize's ``naturaltime``
    ("2 minutes ago" while django.contrib.humanize, and its catalogue, were not installed)."""
    from wagtail.models import TaskState

    draft.get_workflow().start(draft, editor)
    for seconds in (1, 2 * 60, 3 * 3600, 3 * 86400):
        TaskState.objects.update(started_at=timezone.now() - datetime.timedelta(seconds=seconds))
        Page.objects.filter(pk=draft.pk).update(
            latest_revision_created_at=timezone.now() - datetime.timedelta(seconds=seconds)
        )
        for user in (editor, manager):
            client.force_login(user)
            response = assert_french(client, reverse("wagtailadmin_pages:edit", args=[draft.pk]))
            assert "il y a" in visible_text(response.content.decode()).lower()
            assert_french(client, reverse("wagtailadmin_explore", args=[draft.get_parent().pk]))


def test_the_revision_comparison_shows_values_in_french(client, manager, draft):
    client.force_login(manager)
    before = draft.get_latest_revision()
    draft.show_in_menus = not draft.show_in_menus
    draft.title_en = "Brouillon"
    draft.go_live_at = timezone.make_aware(datetime.datetime(2031, 12, 4, 9, 30))
    after = draft.save_revision()
    for first, second in ((before, after), (after, before)):
        response = assert_french(
            client, reverse("wagtailadmin_pages:revisions_compare", args=[draft.pk, first.pk, second.pk])
        )
        text = visible_text(response.content.decode())
        assert "4 décembre 2031 09:30" in text
        assert "Oui" in text and "Non" in text and "(vide)" in text


# The copy form ------------------------------------------------------------------------------


def test_page_copy_speaks_french(client, manager, draft):
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:copy", args=[draft.pk])
    assert_french(client, url)
    parent = draft.get_parent()
    taken = client.post(
        url, {"new_title_fr": "Copie", "new_slug_fr": draft.slug_fr, "new_parent_page": parent.pk}
    )
    assert taken.status_code == 200
    assert not english_words(taken.content.decode())
    assert f"Cette adresse est déjà celle d’une autre page sous « {parent.title} »" in visible_text(
        taken.content.decode()
    )
    copied = client.post(
        url, {"new_title_fr": "Copie", "new_slug_fr": "copie", "new_parent_page": parent.pk}, follow=True
    )
    text = visible_text(copied.content.decode())
    assert f"Page « {draft.title} » copiée." in text
    assert not english_words(copied.content.decode())


# Gravatar -----------------------------------------------------------------------------------


def test_the_admin_asks_gravatar_for_nothing(client, editor):
    client.force_login(editor)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_account")):
        assert "gravatar" not in client.get(url).content.decode()


# Slugs from French titles -------------------------------------------------------------------

TITLE = "Politique d'ouverture d’une île"
SLUG = "politique-d-ouverture-d-une-ile"


def test_apostrophes_separate_words_in_slugs():
    assert french_slugify(TITLE) == SLUG
    assert french_slugify("L’OPT-NC s'engage") == "l-opt-nc-s-engage"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["core", "contentpage", parent.pk])


def test_the_editor_slugifies_apostrophes_into_hyphens(client, editor, home):
    """The slug fields carry the apostrophe rule to Wagtail's w-slug controller (the browser
    test types a title and reads the slug)."""
    client.force_login(editor)
    soup = BeautifulSoup(client.get(add_url(home)).content, "html.parser")
    for name in ("slug_fr", "slug_en"):
        field = soup.find("input", attrs={"name": name})
        assert field["data-controller"] == "w-slug"
        formatters = json.loads(field[FORMATTERS_ATTRIBUTE])
        [[pattern, flags], replacement] = formatters[0]
        assert replacement == "-"
        assert re.sub(pattern, replacement, TITLE) == "Politique d-ouverture d-une île"


def test_a_posted_slug_with_apostrophes_becomes_a_hyphenated_slug(client, editor, home):
    """Without script (or pasted in the slug field), the server makes the same slug."""
    client.force_login(editor)
    page = ContentPageFactory.build(title=TITLE, title_fr=TITLE, slug="x", slug_fr="x")
    data = page_form_data(page, slug_fr=TITLE, slug_en="")
    response = client.post(add_url(home), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Page.objects.child_of(home).get(title_fr=TITLE)
    assert created.slug_fr == SLUG
