"""Provisioning of the editorial set-up: groups, sections, collections, permissions, workflow.

Everything here is idempotent: ``setup_editorial()`` run twice changes nothing. It is called by
``manage.py setup_editorial``, by ``load_demo`` and, for one organisation, when an organisation
is saved in the admin.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
    get_page_models,
)

from .models import Organisation, ProjectLeaderApprovalTask, ReviewApprovalTask, Role, SectionedIndexMixin
from .setup_signals import editorial_setup
from .snippets import public_snippet_models

PROJECT_LEADERS_GROUP = "Projektledning"
TRANSLATORS_GROUP = "Översättare"
APPROVAL_WORKFLOW = "Projektledarens godkännande"
APPROVAL_TASK = "Godkännande av projektledningen"
REVIEW_WORKFLOW = "Granskning och projektledarens godkännande: {organisation}"
REVIEW_TASK = "Granskning: {organisation}"
SHARED_COLLECTION = "Gemensamma bilder och dokument"

# The partners of the collaboration (the communication plan), in display order.
ORGANISATIONS = [
    ("nexus", "Nexus resurscentrum", "Nexus", "resurscentrum", "https://www.uppsala.se/"),
    ("enkopings-kommun", "Enköpings kommun", "Enköping", "kommun", "https://enkoping.se/"),
    ("heby-kommun", "Heby kommun", "Heby", "kommun", "https://www.heby.se/"),
    ("habo-kommun", "Håbo kommun", "Håbo", "kommun", "https://www.habo.se/"),
    ("knivsta-kommun", "Knivsta kommun", "Knivsta", "kommun", "https://www.knivsta.se/"),
    ("tierps-kommun", "Tierps kommun", "Tierp", "kommun", "https://www.tierp.se/"),
    ("uppsala-kommun", "Uppsala kommun", "Uppsala", "kommun", "https://www.uppsala.se/"),
    ("alvkarleby-kommun", "Älvkarleby kommun", "Älvkarleby", "kommun", "https://www.alvkarleby.se/"),
    ("osthammars-kommun", "Östhammars kommun", "Östhammar", "kommun", "https://www.osthammar.se/"),
    (
        "lansstyrelsen-uppsala-lan",
        "Länsstyrelsen Uppsala län",
        "Länsstyrelsen",
        "lansstyrelse",
        "https://www.lansstyrelsen.se/uppsala",
    ),
    ("polismyndigheten", "Polismyndigheten", "Polisen", "myndighet", "https://polisen.se/"),
    ("region-uppsala", "Region Uppsala", "Region Uppsala", "region", "https://regionuppsala.se/"),
    ("nck", "Nationellt Centrum för Kvinnofrid", "NCK", "samverkanspart", "https://nck.uu.se/"),
    ("aklagarmyndigheten", "Åklagarmyndigheten", "Åklagarmyndigheten", "samverkanspart", "https://www.aklagare.se/"),
]

# Page permissions: communicators draft and edit in their own sections, never publish.
COMMUNICATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
LEADER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
OWN_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# The communication plan's activities: model rights; ``activities`` narrows them per organisation.
ACTIVITY_PERMISSIONS = [
    ("workflows", f"{action}_communicationactivity") for action in ("add", "change", "delete", "view")
]
SHARED_COLLECTION_PERMISSIONS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
LEADER_COLLECTION_PERMISSIONS = [
    *OWN_COLLECTION_PERMISSIONS,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]


def is_project_leader(user):
    """Projektledning or an administrator; nobody anonymous or inactive."""
    return bool(
        user is not None
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=PROJECT_LEADERS_GROUP).exists())
    )


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_perm(codename):
    return _perm("wagtailcore", codename)


def _activity_perms():
    return [_perm(app_label, codename) for app_label, codename in ACTIVITY_PERMISSIONS]


def locale_roots():
    """The home page of every locale tree (children of the tree root)."""
    return Page.objects.filter(depth=2).select_related("locale")


def section_index_models():
    return [
        model
        for model in get_page_models()
        if issubclass(model, SectionedIndexMixin) and model.organisation_section_model
    ]


def ensure_organisations():
    # bulk_create sends no post_save: setup_editorial provisions them all itself, once.
    existing = set(Organisation.objects.values_list("slug", flat=True))
    Organisation.objects.bulk_create(
        Organisation(slug=slug, name=name, short_name=short_name, kind=kind, website=website, sort_order=order * 10)
        for order, (slug, name, short_name, kind, website) in enumerate(ORGANISATIONS)
        if slug not in existing
    )


def ensure_central_groups():
    access_admin = _perm("wagtailadmin", "access_admin")
    leaders, _ = Group.objects.get_or_create(name=PROJECT_LEADERS_GROUP)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    submit_translation = _perm("wagtail_localize", "submit_translation")
    leaders.permissions.add(access_admin, submit_translation, *_activity_perms())
    translators.permissions.add(access_admin, submit_translation)
    root_collection = Collection.get_first_root_node()
    for app_label, codename in LEADER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=leaders, collection=root_collection, permission=_perm(app_label, codename)
        )
    for root in locale_roots():
        for codename in LEADER_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=leaders, page=root, permission=_page_perm(codename))
        if not root.locale.is_default:
            # Translators build translations in the other language trees; they never publish.
            for codename in TRANSLATOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(group=translators, page=root, permission=_page_perm(codename))
    return leaders, translators


def remove_wagtail_defaults():
    """Wagtail's migrations create Editors/Moderators with root rights and a root workflow."""
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        WorkflowContentType.objects.filter(workflow=workflow).delete()
        if workflow.workflow_states.exists():
            workflow.deactivate()
        else:
            tasks = [wt.task for wt in workflow.workflow_tasks.all()]
            workflow.delete()
            for task in tasks:
                if not task.workflow_tasks.exists():
                    task.delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()


def as_task_class(task, task_class):
    """``task`` (a GroupApprovalTask or None) as a ``task_class`` with the same primary key.

    Databases set up before the four-eyes rule hold plain GroupApprovalTasks: they are turned
    into the four-eyes class in place, so workflows and submissions that refer to them keep working.
    """
    if task is None or task_class.objects.filter(pk=task.pk).exists():
        return task and task_class.objects.get(pk=task.pk)
    child = task_class(groupapprovaltask_ptr_id=task.pk)
    child.save_base(raw=True)
    Task.objects.filter(pk=task.pk).update(content_type=ContentType.objects.get_for_model(task_class))
    return task_class.objects.get(pk=task.pk)


def ensure_leaders_task(leaders):
    """Projektledning's (four-eyes) approval task, shared by every workflow and always last."""
    task = as_task_class(GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first(), ProjectLeaderApprovalTask)
    if task is None:
        task = ProjectLeaderApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.set([leaders])
    return task


def ensure_approval_workflow(leaders):
    task = ensure_leaders_task(leaders)
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in locale_roots():
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def ensure_collections(organisation):
    root = Collection.get_first_root_node()
    shared = root.get_children().filter(name=SHARED_COLLECTION).first()
    if shared is None:
        shared = root.add_child(name=SHARED_COLLECTION)
    own = root.get_children().filter(name=organisation.name).first()
    if own is None:
        own = root.add_child(name=organisation.name)
    return own, shared


def ensure_sections(organisation):
    """One live section per organisation under every section index, in every locale tree."""
    sections = []
    for index_model in section_index_models():
        section_model = apps.get_model(index_model.organisation_section_model)
        for index in index_model.objects.all().select_related("locale").order_by("path"):
            section = section_model.objects.child_of(index).filter(organisation=organisation).first()
            if section is None:
                sibling = section_model.objects.filter(
                    organisation=organisation, translation_key__in=_translation_keys_of_sections(index)
                ).first()
                section = section_model(
                    title=organisation.name,
                    slug=organisation.slug,
                    organisation=organisation,
                    locale=index.locale,
                )
                if sibling is not None:
                    section.translation_key = sibling.translation_key
                index.add_child(instance=section)
                section.save_revision().publish()
            sections.append(section)
    return sections


def _translation_keys_of_sections(index):
    """Translation keys of sections under any translation of ``index``."""
    section_model = apps.get_model(type(index).organisation_section_model)
    translations = Page.objects.filter(translation_key=index.translation_key)
    keys = set()
    for other in translations:
        keys.update(section_model.objects.child_of(other).values_list("translation_key", flat=True))
    return keys


def ensure_group(organisation, role):
    """The organisation's ``role`` group, found through its link; created and linked when missing.

    An unlinked group that already carries the expected name is adopted (a database from before
    the link, or a group whose link was cleared); a linked group whose name no longer matches the
    organisation's (renamed outside the admin) gets the right name back.
    """
    field = f"{Role(role)}_group"
    group = getattr(organisation, field)
    wanted = organisation.group_name_for(role)
    if group is None:
        group, _ = Group.objects.get_or_create(name=wanted)
        setattr(organisation, field, group)
        # update(): no post_save, so no second provisioning or rename handling for this write.
        Organisation.objects.filter(pk=organisation.pk).update(**{field: group})
    elif group.name != wanted:
        group.name = wanted
        group.save(update_fields=["name"])
    return group


def rename_organisation(organisation, old_name):
    """Follow a rename: the groups, the own collection and the review workflow carry the name."""
    for role in Role:
        if organisation.group_for(role) is not None:
            ensure_group(organisation, role)
    root = Collection.get_first_root_node()
    own = root.get_children().filter(name=old_name).first()
    if own is not None and not root.get_children().filter(name=organisation.name).exists():
        own.name = organisation.name
        own.save(update_fields=["name"])
    Task.objects.filter(name=REVIEW_TASK.format(organisation=old_name)).update(
        name=REVIEW_TASK.format(organisation=organisation.name)
    )
    Workflow.objects.filter(name=REVIEW_WORKFLOW.format(organisation=old_name)).update(
        name=REVIEW_WORKFLOW.format(organisation=organisation.name)
    )


def ensure_communicators(organisation, workflow):
    group = ensure_group(organisation, Role.COMMUNICATORS)
    group.permissions.add(_perm("wagtailadmin", "access_admin"), *_activity_perms())
    ensure_activity_reporters(organisation)
    for section in ensure_sections(organisation):
        for codename in COMMUNICATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=section, permission=_page_perm(codename))
    ensure_reviewers(organisation)
    assign_section_workflow(organisation, workflow)
    own, shared = ensure_collections(organisation)
    for app_label, codename in OWN_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=own, permission=_perm(app_label, codename)
        )
    for app_label, codename in SHARED_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=shared, permission=_perm(app_label, codename)
        )
    return group


def ensure_reviewers(organisation):
    """The organisation's optional reviewers group; empty until an administrator adds members.

    Reviewers need admin access to act on their task; a running GroupApprovalTask lets its
    group's members open and edit the page, so they need no page permissions of their own.
    """
    group = ensure_group(organisation, Role.REVIEWERS)
    group.permissions.add(_perm("wagtailadmin", "access_admin"))
    return group


def ensure_activity_reporters(organisation):
    """Activity-only accounts (organisations without a network communicator): admin access and
    the activity rights, nothing else: no pages, no collections, no snippets."""
    group = ensure_group(organisation, Role.ACTIVITY_REPORTERS)
    group.permissions.add(_perm("wagtailadmin", "access_admin"), *_activity_perms())
    return group


def organisation_sections(organisation):
    """Every section page of ``organisation`` (all indexes, all locale trees)."""
    sections = []
    for index_model in section_index_models():
        section_model = apps.get_model(index_model.organisation_section_model)
        sections.extend(section_model.objects.filter(organisation=organisation))
    return sections


def ensure_review_workflow(organisation, leaders_task):
    """[organisation reviewers, Projektledning]: the shared leaders' task always last."""
    reviewers = ensure_reviewers(organisation)
    task_name = REVIEW_TASK.format(organisation=organisation.name)
    task = as_task_class(GroupApprovalTask.objects.filter(name=task_name).first(), ReviewApprovalTask)
    if task is None:
        task = ReviewApprovalTask.objects.create(name=task_name)
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW.format(organisation=organisation.name), defaults={"active": True}
    )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    wanted = [task.pk, leaders_task.pk]
    if list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True)) != wanted:
        workflow.workflow_tasks.all().delete()
        for order, task_id in enumerate(wanted):
            WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
    return workflow


def assign_section_workflow(organisation, approval_workflow=None):
    """Route the organisation's sections: via its reviewers when the group has members.

    Only the assignment changes; submissions already running keep the workflow they started
    with. Called on every set-up run and whenever the reviewers group's membership changes.
    """
    if approval_workflow is None:
        approval_workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW).first()
        if approval_workflow is None:
            return None
    reviewers = ensure_reviewers(organisation)
    workflow = approval_workflow
    if reviewers.user_set.filter(is_active=True).exists():
        leaders_task = approval_workflow.workflow_tasks.order_by("-sort_order").first().task
        workflow = ensure_review_workflow(organisation, leaders_task)
    for section in organisation_sections(organisation):
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


def assign_snippet_workflow(workflow):
    """Every public snippet model (help numbers, spokespersons, …) goes through ``workflow``.

    Snippets take one workflow per model (``WorkflowContentType``), not per subtree.
    """
    for model in public_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


@transaction.atomic
def provision_organisation(organisation):
    """Everything one organisation needs; used when an organisation is created in the admin."""
    leaders, translators = ensure_central_groups()
    workflow = ensure_approval_workflow(leaders)
    group = ensure_communicators(organisation, workflow)
    # The apps above grant their rights per organisation group too (e.g. reading the FAQ).
    editorial_setup.send(sender=provision_organisation, leaders=leaders, translators=translators)
    return group


@transaction.atomic
def setup_editorial():
    Locale.objects.get_or_create(language_code="sv")
    ensure_organisations()
    remove_wagtail_defaults()
    leaders, _translators = ensure_central_groups()
    workflow = ensure_approval_workflow(leaders)
    for organisation in Organisation.objects.all():
        ensure_communicators(organisation, workflow)
    assign_snippet_workflow(workflow)
    editorial_setup.send(sender=setup_editorial, leaders=leaders, translators=_translators)
