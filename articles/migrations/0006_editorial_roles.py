"""The desk's roles as groups: Reporter, Desk editor, Chief editor (see docs/workflow.md)."""

from django.db import migrations

# What each role may do with Django's model permissions; the object-level rules (a reporter
# edits only own drafts) live in articles/workflow.py and the article admin.
REPORTER = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_articleauthor", "articles.change_articleauthor", "articles.delete_articleauthor",
    "articles.view_articleauthor",
    "articles.view_section", "articles.view_source", "articles.view_author", "articles.view_editor",
    "articles.view_transition", "articles.view_correction",
]  # fmt: skip
DESK_EDITOR = REPORTER + [
    "articles.publish_article", "articles.view_historicalarticle",
    "articles.add_sharelink", "articles.change_sharelink", "articles.view_sharelink",
]  # fmt: skip
CHIEF_EDITOR = DESK_EDITOR + [
    "articles.withdraw_article", "articles.delete_article",
    "articles.add_section", "articles.change_section", "articles.delete_section",
    "articles.add_source", "articles.change_source", "articles.delete_source",
    "articles.add_author", "articles.change_author", "articles.delete_author",
    "articles.add_editor", "articles.change_editor", "articles.delete_editor",
    "auth.add_user", "auth.change_user", "auth.view_user", "auth.view_group",
]  # fmt: skip

ROLES = {"Reporter": REPORTER, "Desk editor": DESK_EDITOR, "Chief editor": CHIEF_EDITOR}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations ran; make them now so the groups can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for code in codes:
            app_label, codename = code.split(".")
            perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_workflow_desk_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
