"""The translator groups: "Azerbaijani translators" and "Russian translators".

Each may use the admin, edit pages (drafts; editors and moderators publish), choose images for the
body, and write its own language only (``translations.translate_<language>``, enforced by the page
edit form, translations.forms). Editors and moderators are left as they are.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from translations.roles import ensure_permissions

GROUPS = {"az": "Azerbaijani translators", "ru": "Russian translators"}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for label in ("wagtailadmin", "wagtailcore", "wagtailimages"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    ensure_permissions(apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    change_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    choose_image = Permission.objects.get(content_type__app_label="wagtailimages", codename="choose_image")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for code, name in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        translate = Permission.objects.get(content_type__app_label="translations", codename=f"translate_{code}")
        group.permissions.add(access_admin, translate)
        if root_page is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=change_page)
        if root_collection is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=choose_image
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
