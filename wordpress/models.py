"""What came from WordPress: one row per imported post, page, attachment, term and author.

The WordPress ID (``key``; an author's login) and the site it came from (``source``) identify the row; it
points at what the import made of it (a page, an image, a section, a tag or an author) by primary key.
A re-run finds its earlier work here: an unchanged post (same ``digest``) is left alone, a changed one is
updated, and a page whose latest revision is no longer ``revision_id`` was edited in Wagtail since.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    POST, PAGE, ATTACHMENT, CATEGORY, TAG, AUTHOR = "post", "page", "attachment", "category", "tag", "author"
    KINDS = [
        (POST, _("post")),
        (PAGE, _("page")),
        (ATTACHMENT, _("attachment")),
        (CATEGORY, _("category")),
        (TAG, _("tag")),
        (AUTHOR, _("author")),
    ]

    source = models.CharField(_("WordPress site"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    key = models.CharField(_("WordPress ID"), max_length=200)
    language = models.CharField(_("language"), max_length=15, blank=True)
    object_id = models.BigIntegerField(_("imported as"))
    digest = models.CharField(max_length=64, blank=True)
    revision_id = models.BigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress object")
        verbose_name_plural = _("imported WordPress objects")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="one_import_per_wordpress_object")
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="wordpress_imported_target")]

    def __str__(self):
        return f"{self.source} {self.kind} {self.key} -> {self.object_id}"
