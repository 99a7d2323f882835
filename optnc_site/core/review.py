"""Reviewing: what the author and the reviewer see of a submission.

Wagtail keeps a reviewer's « Demander des modifications » comment in the workflow dialog,
behind the status panel's « Voir les détails »: authors did not find it. The editor now
says it at the top, as a message, each time the page is opened while changes are requested.
"""

from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import WorkflowState


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    comment = task_state.get_comment() if task_state else ""
    reviewer = (
        task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
        if (task_state and task_state.finished_by)
        else ""
    )
    if comment:
        message = _("Modifications demandées par %(reviewer)s : « %(comment)s »") % {
            "reviewer": reviewer,
            "comment": comment,
        }
    else:
        message = _("Modifications demandées par %(reviewer)s.") % {"reviewer": reviewer}
    messages.warning(request, message)
