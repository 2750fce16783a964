"""Authors and tags: snippets shared by many articles, translated field by field."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from sanitize.validators import validate_web_url
from translations.languages import default_language, language_codes, localized_field
from translations.slugs import slug_from

# (field, label) of an author's profiles elsewhere, in the order the author page lists them.
SOCIAL_LINKS = (
    ("website", _("Website")),
    ("x_url", "X"),
    ("facebook_url", "Facebook"),
    ("instagram_url", "Instagram"),
    ("linkedin_url", "LinkedIn"),
    ("telegram_url", "Telegram"),
)


def social_link_field(verbose_name):
    return models.URLField(verbose_name, blank=True, validators=[validate_web_url])


@register_snippet
class Author(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "Used in the address of the author's page, the same in every language. "
            "Left empty, it is made from the English name."
        ),
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example: Economics correspondent.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), blank=True, max_length=600)
    website = social_link_field(_("website"))
    x_url = social_link_field(_("X (Twitter) profile"))
    facebook_url = social_link_field(_("Facebook profile"))
    instagram_url = social_link_field(_("Instagram profile"))
    linkedin_url = social_link_field(_("LinkedIn profile"))
    telegram_url = social_link_field(_("Telegram channel"))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel(name) for name, _label in SOCIAL_LINKS], heading=_("Links")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug or not self.slug.isascii():
            self.slug = self.unique_slug(self.slug or self.name_in_any_language())
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The author's page in the active language."""
        return reverse("news:author", kwargs={"slug": self.slug})

    def name_in_any_language(self) -> str:
        """The name in the default language, else the first language that has one."""
        codes = [default_language(), *language_codes()]
        names = (getattr(self, localized_field("name", code), "") or "" for code in codes)
        return next((name for name in names if name.strip()), "") or self.name or ""

    def unique_slug(self, text: str) -> str:
        """A Latin slug for ``text`` (``translations.slugs``), with ``-2``, ``-3``... when taken."""
        base = (slug_from(text) or "author")[:74].strip("-")
        taken = set(
            Author.objects.exclude(pk=self.pk).filter(slug__startswith=base).values_list("slug", flat=True)
        )
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    @property
    def social_links(self) -> list[dict]:
        """``[{"label", "url"}]`` of the profiles filled in, for the page and JSON-LD ``sameAs``."""
        return [
            {"label": label, "url": getattr(self, name)}
            for name, label in SOCIAL_LINKS
            if getattr(self, name)
        ]


@register_snippet
class Tag(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text=_("Used in the address of the tag's page, the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(getattr(self, f"name_{settings.LANGUAGE_CODE}", "") or self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"slug": self.slug})
