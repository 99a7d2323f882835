from wagtail import hooks
from wagtail_modeltranslation import wagtail_hooks as modeltranslation_hooks

# wagtail-modeltranslation's "copy StreamField content" admin endpoint is CSRF-exempt,
# checks no permission and crashes on GET: remove it and the editor buttons that call it.
_UNSAFE_HOOKS = {
    "register_admin_urls": modeltranslation_hooks.copy_streamfields_content,
    "insert_editor_js": modeltranslation_hooks.streamfields_translation_copy,
}
for _name, _function in _UNSAFE_HOOKS.items():
    hooks._hooks[_name] = [entry for entry in hooks._hooks.get(_name, []) if entry[0] is not _function]
