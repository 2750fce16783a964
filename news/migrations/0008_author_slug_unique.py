from django.db import migrations, models


class Migration(migrations.Migration):
    """Author slugs become unique once 0006 has given every existing author one."""

    dependencies = [
        ("news", "0007_live_coverage"),
    ]

    operations = [
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="Used in the address of the author's page, the same in every language. Left empty, it is made from the English name.",
                max_length=80,
                unique=True,
                verbose_name="slug",
            ),
        ),
    ]
