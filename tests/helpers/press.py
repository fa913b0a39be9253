"""Press releases through the workflow: submit and approve as the editors do."""

from django.urls import reverse


def approve(client, page, approver):
    """Approve the page's current task through the admin view, as the approver."""
    task_state = page.current_workflow_task_state
    client.force_login(approver)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302), response.content[:500]
    page.refresh_from_db()
    return response


def submit(page, user):
    workflow = page.get_workflow()
    assert workflow is not None
    workflow.start(page, user)
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
