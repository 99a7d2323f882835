"""The one StreamField vocabulary shared by every page of the site.

Each block renders through its own template in ``templates/components/``.
"""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock

from .relations import prepare_cards, public_pages_in_order
from .rich_text import page_urls
from .toc import anchor_for

PARAGRAPH_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "superscript",
    "subscript",
]


_CITATION = re.compile(r'<a href="#note-(\d+)">')


def footnote_plan(page):
    """Where each citation of ``page`` leads, and the ids its notes and citations take.

    Editors cite note N with a link to ``#note-N``: it leads to the next footnotes block
    after the citation in the page (the last one when none follows). The page's first
    footnotes block keeps the plain ids (``note-N``, ``note-ref-N``); the others' ids
    start with their block id. A note cited again gets ``note-ref-…N-2``, ``-3``…

    Returns ``{"paragraphs": {block id: [(href, ref id, label id), …]}, "notes": {block id:
    {"prefix", "label_id", "backrefs": {N: [ref id, …]}}}}``, worked out once per page.
    """
    cached = page.__dict__.get("_footnote_plan")
    if cached is not None:
        return cached
    events = []
    for field in type(page)._meta.get_fields():
        # ``body`` reads the active language; its ``body_fr``/``body_en`` columns are skipped.
        if isinstance(field, StreamField) and not hasattr(field, "translated_field"):
            _walk_citations(getattr(page, field.name, None) or [], events)
    footnotes = [block_id for kind, block_id, _numbers in events if kind == "footnotes"]
    notes = {}
    for index, block_id in enumerate(footnotes):
        prefix = "" if index == 0 else f"{block_id}-"
        label = "footnotes-label" if index == 0 else f"footnotes-label-{block_id}"
        notes[block_id] = {"prefix": prefix, "label_id": label, "backrefs": {}}
    paragraphs = {}
    for position, (kind, block_id, numbers) in enumerate(events):
        if kind != "paragraph" or not footnotes:
            continue
        following = [bid for k, bid, _n in events[position + 1 :] if k == "footnotes"]
        target = notes[following[0] if following else footnotes[-1]]
        citations = []
        for number in numbers:
            backrefs = target["backrefs"].setdefault(number, [])
            ref_id = f"note-ref-{target['prefix']}{number}"
            if backrefs:
                ref_id += f"-{len(backrefs) + 1}"
            backrefs.append(ref_id)
            citations.append((f"#note-{target['prefix']}{number}", ref_id, target["label_id"]))
        paragraphs[block_id] = citations
    plan = {"paragraphs": paragraphs, "notes": notes}
    page.__dict__["_footnote_plan"] = plan
    return plan


def _walk_citations(stream, events):
    for child in stream:
        block_id = getattr(child, "id", None)
        if child.block_type == "paragraph" and isinstance(child.block, ParagraphBlock):
            numbers = [int(n) for n in _CITATION.findall(child.value.source)]
            events.append(("paragraph", block_id, numbers))
        elif child.block_type == "footnotes" and isinstance(child.block, FootnotesBlock):
            events.append(("footnotes", block_id, []))
        elif isinstance(child.value, blocks.StructValue):
            for part in child.value.values():
                if isinstance(part, blocks.StreamValue):
                    _walk_citations(part, events)
        elif isinstance(child.value, blocks.StreamValue):
            _walk_citations(child.value, events)


def _plan_for(parent_context):
    """The footnote plan of the page being rendered, and the block's id, if both are known."""
    context = parent_context or {}
    page = context.get("page")
    block_id = context.get("block_id")
    if page is None or not block_id or not hasattr(page, "_meta"):
        return None, None
    return footnote_plan(page), str(block_id)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        plan, block_id = _plan_for(parent_context)
        # None: the citations keep their plain ids (a paragraph shown outside its page).
        context["citations"] = plan["paragraphs"].get(block_id) if plan else None
        return context

    class Meta:
        icon = "pilcrow"
        label = _("Paragraphe")
        template = "components/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texte du titre"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[
            ("h2", _("Titre de niveau 2")),
            ("h3", _("Titre de niveau 3")),
            ("h4", _("Titre de niveau 4")),
        ],
        default="h2",
        help_text=_("Respectez la hiérarchie : un niveau 3 suit toujours un niveau 2."),
    )
    anchor = blocks.RegexBlock(
        regex=r"^[a-z0-9][a-z0-9-]*$",
        label=_("Ancre"),
        required=False,
        max_length=80,
        error_messages={"invalid": _("Lettres minuscules, chiffres et tirets uniquement.")},
        help_text=_("Identifiant pour un lien direct vers ce titre (ex. : convention-cci)."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The id the page's table of contents links to (core/toc.py).
        context["anchor"] = anchor_for(parent_context) or value.get("anchor")
        return context

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "components/heading.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Chiffre"),
        max_length=20,
        help_text=_("Le chiffre mis en avant, tel qu'il doit s'afficher (ex. : 70)."),
    )
    label = blocks.CharBlock(
        label=_("Légende courte"),
        required=False,
        max_length=80,
        help_text=_("Quelques mots sous le chiffre (facultatif)."),
    )
    text = blocks.TextBlock(
        label=_("Phrase"),
        help_text=_("La phrase complète qui donne le chiffre : c'est elle que lisent les lecteurs d'écran."),
    )

    class Meta:
        icon = "order"
        label = _("Chiffre clé")
        template = "components/key_figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    name = blocks.CharBlock(label=_("Nom du signataire"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Citation signée")
        template = "components/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Décrivez ce que montre l'image pour les personnes qui ne la voient pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Crédit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/image.html"


class MoreLinkBlock(blocks.StructBlock):
    """The "En savoir plus" link: to a page of the site or to another address."""

    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("Adresse externe"), required=False)
    text = blocks.CharBlock(label=_("Texte du lien"), max_length=80, default=_("En savoir plus"))
    context = blocks.CharBlock(
        label=_("Précision pour les lecteurs d'écran"),
        required=False,
        max_length=160,
        help_text=_(
            "Complète « En savoir plus » pour qui l'entend hors contexte (ex. : la convention avec la CCI)."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        # A link to a draft or restricted page is left out (empty address).
        context["href"] = page_urls([str(page.pk)]).get(str(page.pk)) if page else value.get("url")
        return context

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choisissez soit une page du site, soit une adresse externe.")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Lien « En savoir plus »")
        template = "components/more_link.html"


class FootnotesBlock(blocks.StructBlock):
    """Numbered notes. A paragraph refers to note N with a link to the anchor ``#note-N``."""

    notes = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Note")),
        label=_("Notes"),
        help_text=_("Dans le texte, faites de l'appel de note un exposant lié à l'ancre #note-1, #note-2…"),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        plan, block_id = _plan_for(parent_context)
        own = plan["notes"].get(block_id) if plan else None
        prefix = own["prefix"] if own else ""
        backrefs = own["backrefs"] if own else {}
        context["label_id"] = own["label_id"] if own else "footnotes-label"
        context["numbered_notes"] = [
            {
                "number": number,
                "id": f"note-{prefix}{number}",
                # Outside its page (no plan), each note links back to its plain citation id.
                "backrefs": backrefs.get(number, []) if own else [f"note-ref-{number}"],
                "text": note,
            }
            for number, note in enumerate(value["notes"], start=1)
        ]
        return context

    class Meta:
        icon = "list-ol"
        label = _("Notes de bas de page")
        template = "components/footnotes.html"


class PageListBlock(blocks.StructBlock):
    """Pages pulled from the tree (events, memberships, conventions…), shown as cards.

    Either the live children of one page, newest structure first as the tree orders them,
    or pages chosen one by one. Each page describes itself through ``BasePage.card``.
    """

    heading = blocks.CharBlock(label=_("Titre de la liste"), required=False, max_length=120)
    parent = blocks.PageChooserBlock(
        label=_("Lister les pages sous…"),
        required=False,
        help_text=_("Par exemple la page « Adhésions internationales » pour en lister les adhésions."),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")),
        label=_("…ou choisir les pages"),
        required=False,
        default=[],
    )
    limit = blocks.IntegerBlock(label=_("Nombre maximum"), min_value=1, max_value=24, default=6)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("parent")) == bool(value.get("pages")):
            message = _("Choisissez soit une page dont lister les sous-pages, soit des pages.")
            raise blocks.StructBlockValidationError(
                block_errors={"parent": ErrorList([ValidationError(message)])}
            )
        return value

    def get_context(self, value, parent_context=None):
        from wagtail.models import Page

        context = super().get_context(value, parent_context=parent_context)
        if value.get("parent"):
            parent = value["parent"].specific
            if not parent.live:
                # The pages under a draft are a hidden section (under a restricted page,
                # public() below leaves them out).
                items = []
            # A page that knows better how to list its children (newest news, next events…)
            # says so with block_listing(limit).
            elif hasattr(parent, "block_listing"):
                items = parent.block_listing(value["limit"])
            else:
                items = parent.get_children().live().public().specific()[: value["limit"]]
        else:
            chosen = [page.pk for page in value.get("pages") or [] if page]
            items = public_pages_in_order(Page.objects.specific(), chosen)[: value["limit"]]
        context["items"] = prepare_cards(list(items))
        return context

    class Meta:
        icon = "list-ul"
        label = _("Liste de pages")
        template = "components/page_list_block.html"


class KeyFiguresBlock(blocks.StructBlock):
    """The key figures of another page, shown where it is presented (the home page)."""

    heading = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    page = blocks.PageChooserBlock(label=_("Page dont reprendre les chiffres clés"))

    def get_context(self, value, parent_context=None):
        from wagtail.models import Page

        context = super().get_context(value, parent_context=parent_context)
        chosen = value.get("page")
        # A draft or restricted page lends neither its figures nor its title.
        page = Page.objects.live().public().filter(pk=chosen.pk).specific().first() if chosen else None
        context["source"] = page
        context["figures"] = list(_key_figures(getattr(page, "body", None) or []))
        return context

    class Meta:
        icon = "order"
        label = _("Chiffres clés d'une page")
        template = "components/key_figures.html"


def _key_figures(stream):
    for child in stream:
        if child.block_type == "key_figure":
            yield child.value
        elif child.block_type == "expandable_section":
            yield from _key_figures(child.value["teaser"])
            yield from _key_figures(child.value["content"])


def first_text(stream):
    """The plain text of the first paragraph, looking into expandable sections' teasers."""
    from django.utils.html import strip_tags

    for child in stream:
        if child.block_type == "paragraph":
            text = " ".join(strip_tags(child.value.source).split())
            if text:
                return text
        elif child.block_type == "expandable_section":
            text = first_text(child.value["teaser"])
            if text:
                return text
    return ""


class BaseContentBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    key_figure = KeyFigureBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    more_link = MoreLinkBlock()
    footnotes = FootnotesBlock()
    page_list = PageListBlock()
    key_figures = KeyFiguresBlock()

    class Meta:
        template = "components/stream.html"


class ExpandableSectionBlock(blocks.StructBlock):
    """A teaser always shown and content behind a "Lire la suite / Fermer" toggle.

    The content is in the HTML and visible without JavaScript; the script collapses it.
    """

    label = blocks.CharBlock(
        label=_("Sujet de la section"),
        required=False,
        max_length=120,
        help_text=_(
            "Lu par les lecteurs d'écran après « Lire la suite », pour distinguer "
            "les sections (ex. : le rôle international de l'OPT-NC)."
        ),
    )
    teaser = BaseContentBlock(label=_("Accroche (toujours visible)"))
    content = BaseContentBlock(label=_("Suite (repliée)"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The id the page's table of contents links to (core/toc.py).
        context["anchor"] = anchor_for(parent_context)
        return context

    class Meta:
        icon = "collapse-down"
        label = _("Section dépliable « Lire la suite »")
        template = "components/expandable_section.html"


class BodyBlock(BaseContentBlock):
    expandable_section = ExpandableSectionBlock()
