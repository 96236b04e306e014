"""The chief editor unlocks sign-in: clears a lockout and resets a lost second factor."""

from django.db import migrations

# app label -> permissions of the Chief editor group
UNLOCK_PERMISSIONS = {
    "axes": ["view_accessattempt", "delete_accessattempt", "view_accessfailurelog"],
    "otp_totp": ["view_totpdevice", "delete_totpdevice"],
    "otp_static": ["view_staticdevice", "delete_staticdevice"],
}


def _permissions(apps):
    from django.contrib.auth.management import create_permissions

    Permission = apps.get_model("auth", "Permission")
    found = []
    for label, codenames in UNLOCK_PERMISSIONS.items():
        # On a fresh database these apps' permissions are made only after all migrations.
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
        found += Permission.objects.filter(content_type__app_label=label, codename__in=codenames)
    return found


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Chief editor").first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Chief editor").first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_slugline_prefix_index"),
        ("axes", "0010_accessattemptexpiration"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
