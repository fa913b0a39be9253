"""The admin side of ``PublicSnippet``: only approval makes a public snippet's change live.

Projektledning holds the snippets' publish permission because the approval publishes as the
approver (``PublishRevisionAction`` checks it). Every other way that permission opens is closed
here for everyone but administrators (superusers):

- the "Publicera" (and "Avpublicera") items of the editor's action menu;
- a POST with ``action-publish`` to the add, edit, copy or revert views (refused before saving);
- the unpublish view;
- deleting a live row (single and bulk delete both run ``before_delete_snippet``);
- approving from the edit form: Wagtail saves a new revision before every edit-form action,
  which made the approver one of the revision's authors (so the four-eyes check refused every
  such approval) and turned a refused approval into a saved draft. An unchanged form now
  approves (or rejects) the revision as it stands, exactly like the workflow-action view; a
  workflow action the user may not take is refused with nothing saved;
- the workflow-cancellation dialog, which Wagtail leaves unchecked, asks for edit rights;
- the chooser (its listing and its "chosen" answers, which carry the chosen row's text) shows
  drafts only to those who may edit the snippet. A live row holds its approved version, so a
  change waiting for approval is never read from it.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import ConfirmWorkflowCancellationView, EditView, SnippetViewSet, UnpublishView

from .snippets import PublicSnippet

PUBLISH_REFUSED = _("Ändringen publiceras när projektledningen har godkänt den. Skicka den för godkännande i stället.")
UNPUBLISH_REFUSED = _("Endast administratörer kan avpublicera det här. Kontakta en administratör.")
DELETE_REFUSED = _("Endast administratörer kan radera något som är publicerat. Kontakta en administratör.")
PERMISSION_REFUSED = _("Du har inte behörighet att göra det här.")
WORKFLOW_ACTION_REFUSED = _(
    "Du kan inte godkänna en text som du själv har skrivit eller ändrat. Någon annan i projektledningen behöver godkänna den."
)
REFUSED_MENU_ITEMS = {"action-publish", "action-unpublish"}


def is_public_snippet(model_or_instance):
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    return issubclass(model, PublicSnippet)


def refuse(request, message):
    messages.error(request, message)
    return redirect("wagtailadmin_home")


class AdministratorsUnpublishView(UnpublishView):
    """Taking a help number or spokesperson off the site is for administrators only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return refuse(request, UNPUBLISH_REFUSED)
        return super().dispatch(request, *args, **kwargs)


class PublicSnippetEditView(EditView):
    def post(self, request, *args, **kwargs):
        if request.POST.get("action-workflow-action") and self.action != "workflow-action":
            # Not an action this user may take on the current task (an author's "approve").
            return refuse(request, WORKFLOW_ACTION_REFUSED)
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        if self.action == "workflow-action" and not self.form.has_changed():
            # Acting on the revision as it stands: no new revision, no new author.
            self.new_revision = None
            return self.object
        return super().save_instance()


class EditorsConfirmWorkflowCancellationView(ConfirmWorkflowCancellationView):
    """Wagtail checks no permission here; only those who may edit the snippet see its workflow."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(get_permission_name("change", self.model)):
            return refuse(request, PERMISSION_REFUSED)
        return super().dispatch(request, *args, **kwargs)


class LiveUnlessEditorMixin:
    """The chooser lists drafts only to those who may edit the snippet; others see the live rows."""

    def visible(self, objects):
        if self.request.user.has_perm(get_permission_name("change", self.model_class)):
            return objects
        return objects.filter(live=True)

    def get_object_list(self):
        return self.visible(super().get_object_list())


class PublicSnippetChooseView(LiveUnlessEditorMixin, ChooseView):
    pass


class PublicSnippetChooseResultsView(LiveUnlessEditorMixin, ChooseResultsView):
    pass


class PublicSnippetChosenView(LiveUnlessEditorMixin, SnippetChosenView):
    """Wagtail answers any admin user with the row's text; a draft row is a 404 to non-editors."""

    def get_object(self, pk):
        return self.visible(self.model_class.objects.all()).get(pk=pk)


class PublicSnippetChosenMultipleView(LiveUnlessEditorMixin, SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.visible(super().get_objects(pks))


class PublicSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = PublicSnippetChooseView
    choose_results_view_class = PublicSnippetChooseResultsView
    chosen_view_class = PublicSnippetChosenView
    chosen_multiple_view_class = PublicSnippetChosenMultipleView


class PublicSnippetViewSet(SnippetViewSet):
    """Base viewset of every ``PublicSnippet`` model."""

    chooser_viewset_class = PublicSnippetChooserViewSet

    edit_view_class = PublicSnippetEditView

    unpublish_view_class = AdministratorsUnpublishView
    confirm_workflow_cancellation_view_class = EditorsConfirmWorkflowCancellationView


@hooks.register("construct_snippet_action_menu")
def hide_direct_publishing(menu_items, request, context):
    if request.user.is_superuser or not is_public_snippet(context["model"]):
        return
    menu_items[:] = [item for item in menu_items if item.name not in REFUSED_MENU_ITEMS]


def _refuse_publish_post(request, model):
    publishing = request.method == "POST" and "action-publish" in request.POST
    if publishing and not request.user.is_superuser and is_public_snippet(model):
        return refuse(request, PUBLISH_REFUSED)
    return None


@hooks.register("before_create_snippet")
def refuse_publishing_on_create(request, model):
    return _refuse_publish_post(request, model)


@hooks.register("before_edit_snippet")
def refuse_publishing_on_edit(request, instance):
    return _refuse_publish_post(request, type(instance))


@hooks.register("before_delete_snippet")
def refuse_deleting_live_public_snippets(request, instances):
    if request.user.is_superuser:
        return None
    if any(is_public_snippet(instance) and instance.live for instance in instances):
        return refuse(request, DELETE_REFUSED)
    return None
