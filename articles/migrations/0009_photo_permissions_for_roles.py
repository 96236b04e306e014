"""The desk's roles may use the photo library (see docs/workflow.md for the matrix)."""

from django.db import migrations

# Reporters pick and upload lead photos; only the desk may delete one from the library.
PHOTO_PERMISSIONS = {
    "Reporter": ["view_photo", "add_photo", "change_photo"],
    "Desk editor": ["view_photo", "add_photo", "change_photo", "delete_photo"],
    "Chief editor": ["view_photo", "add_photo", "change_photo", "delete_photo"],
}


def _permissions(apps, codenames):
    from django.contrib.auth.management import create_permissions

    # On a fresh database the Photo permissions are made only after all migrations; make them now.
    articles = apps.get_app_config("articles")
    articles.models_module = True
    create_permissions(articles, apps=apps, verbosity=0)
    articles.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in PHOTO_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in PHOTO_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_historical_lead_photo"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
