"""Keep cached navigation in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .navigation import clear_menu_cache
from .rich_text import forget_page_urls


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_navigation_on_tree_change(sender, **kwargs):
    clear_menu_cache()
    forget_page_urls()


@receiver(post_delete)
def clear_navigation_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        clear_menu_cache()
        forget_page_urls()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def clear_navigation_on_restriction_change(sender, **kwargs):
    """A restricted page leaves the menu, the footer and rich-text links (public pages only)."""
    clear_menu_cache()
    forget_page_urls()


@receiver(post_save, sender="core.SiteIdentity")
@receiver(post_save, sender="core.LegalInformation")  # the footer names the accessibility state
def clear_navigation_on_settings_change(sender, **kwargs):
    clear_menu_cache()
