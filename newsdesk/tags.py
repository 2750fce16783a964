"""Tags in the article editor: type to find one in any language, pick several, create a new one inline.

``ArticlePage.tags`` is a many-to-many field to ``news.Tag``, a snippet whose name is translated. Wagtail
would show it as a multiple-select list box; here it gets Wagtail's own tag widget (the ``w-tag``
controller, the one taggit fields use) with three differences:

* the suggestions come from :func:`autocomplete`, which matches what is typed against the tag's name in
  every language, ignoring case and diacritics and across scripts ("neft" finds "Нефть", "susa" finds
  "Şuşa"), and offers the name in the editor's admin language;
* the form field (:class:`TagChoiceField`) turns the names back into ``Tag`` objects, and a name that is
  no tag yet becomes a new tag with that name in the editor's language (the other languages are filled
  later in the Tag snippet) and a Latin slug (translations.slugs);
* only people who may add tags create them; a translator, whose form has the field locked, creates none.

A new tag is created when the form is cleaned, like a snippet made in a chooser's "Create" tab: if the
page then fails validation the tag stays, and the next save finds it by name.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.utils import edit_string_for_tags, parse_tags
from wagtail.admin.widgets import AdminTagWidget

from news.models import Tag
from translations.languages import language_codes, localized_field
from translations.slugs import slug_from, transliterate

SUGGESTIONS = 10
NAME_LENGTH = Tag._meta.get_field("name").max_length


def folded(text: str) -> str:
    """What a name is matched by: lower case, Latin letters, no diacritics, single spaces."""
    return " ".join(transliterate(text or "").casefold().split())


def admin_language() -> str:
    language = (get_language() or "").split("-")[0]
    return language if language in language_codes() else language_codes()[0]


def names_of(tag) -> dict[str, str]:
    """The tag's name in each language that has one."""
    return {
        code: value for code in language_codes() if (value := getattr(tag, localized_field("name", code)))
    }


def shown_name(names: dict[str, str], language: str) -> str:
    """The tag's name as the editor sees it: in their language, else the first language that has one."""
    return names.get(language) or next(iter(names.values()), "")


def suggestions(term: str, language: str, limit: int = SUGGESTIONS) -> list[dict]:
    """Tags whose name in any language contains ``term`` (folded), names that start with it first.

    Each is ``{"value": name in the editor's language, "label": that name and its other names}``; jQuery
    UI's autocomplete (inside Wagtail's tag widget) shows the label and puts the value in the field.
    All tags' names are read in one query and matched in Python, which SQLite's LIKE cannot do
    (it folds neither Cyrillic case nor diacritics); folding 5,000 three-language names takes ~40 ms.
    """
    key = folded(term)
    if not key:
        return []
    columns = [localized_field("name", code) for code in language_codes()]
    ranked = []
    for pk, *values in Tag.objects.values_list("pk", *columns):
        names = {code: value for code, value in zip(language_codes(), values, strict=True) if value}
        keys = [folded(name) for name in names.values()]
        if not any(key in name_key for name_key in keys):
            continue
        value = shown_name(names, language)
        starts = any(name_key.startswith(key) or f" {key}" in name_key for name_key in keys)
        ranked.append((not starts, folded(value), pk, value, names))
    ranked.sort()
    result = []
    for _later, _sort, _pk, value, names in ranked[:limit]:
        others = [name for code, name in names.items() if name != value and code != language]
        others = list(dict.fromkeys(others))
        label = f"{value} ({', '.join(others)})" if others else value
        result.append({"value": value, "label": label})
    return result


def find_tags(names: list[str], language: str) -> dict[str, Tag]:
    """The existing tag for each typed name: its name in the editor's language first, then in any
    language (case-insensitive)."""
    wanted = {name.casefold() for name in names}
    found: dict[str, Tag] = {}
    codes = [language] + [code for code in language_codes() if code != language]
    tags = list(Tag.objects.all())
    for code in codes:
        for tag in tags:
            name = (getattr(tag, localized_field("name", code)) or "").casefold()
            if name in wanted and name not in found:
                found[name] = tag
    return found


def unique_tag_slug(name: str) -> str:
    base = slug_from(name) or "tag"
    taken = set(Tag.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_tag(name: str, language: str) -> Tag:
    tag = Tag(slug=unique_tag_slug(name))
    setattr(tag, localized_field("name", language), name)
    if not tag.name:  # the base column is what modeltranslation falls back on
        tag.name = name
    for _attempt in range(3):
        try:
            with transaction.atomic():
                tag.save()
            return tag
        except IntegrityError:  # someone took the slug meanwhile
            tag.slug = unique_tag_slug(name)
    raise ValidationError(gettext("The tag “%(name)s” could not be created; try again.") % {"name": name})


class TagChoiceWidget(AdminTagWidget):
    """Wagtail's tag widget over ``news.Tag``: suggestions from :func:`autocomplete`, shown in the
    editor's language."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-w-tag-url-value"] = reverse("newsdesk:tag_autocomplete")
        options = json.loads(widget_attrs["data-w-tag-options-value"])
        options["autocompleteOnly"] = not self.may_create
        options["readOnly"] = bool(widget_attrs.get("disabled"))
        options["caseSensitive"] = False
        widget_attrs["data-w-tag-options-value"] = json.dumps(options)
        widget_attrs["data-tag-choice"] = ""
        if self.may_create:
            context["widget"]["help_text"] = _(
                "Type to find a tag in any language; press Enter to create a new one in the admin's language."
            )
        else:
            context["widget"]["help_text"] = _("Type to find a tag in any language.")
        return context

    may_create = True

    def format_value(self, value):
        if isinstance(value, str) or value is None:
            return value or ""
        language = admin_language()
        names = []
        for item in value:
            tag = item if isinstance(item, Tag) else Tag.objects.filter(pk=item).first()
            if tag is not None:
                names.append(_Named(shown_name(names_of(tag), language)))
        return edit_string_for_tags(names)


class _Named:
    """taggit's ``edit_string_for_tags`` reads ``.name``."""

    def __init__(self, name):
        self.name = name


class TagChoiceField(forms.Field):
    """Names typed in the tag widget → ``Tag`` objects, creating the new ones (see the module's notes)."""

    widget = TagChoiceWidget

    def __init__(self, *, queryset=None, limit_choices_to=None, blank=False, **kwargs):
        for unused in ("to_field_name", "empty_label"):
            kwargs.pop(unused, None)
        super().__init__(**kwargs)
        self.user = None

    def get_bound_field(self, form, field_name):
        # The form's user decides whether new tags may be created; fields are copied per form.
        self.user = getattr(form, "for_user", None)
        self.widget.may_create = self.may_create()
        return super().get_bound_field(form, field_name)

    def may_create(self) -> bool:
        return self.user is None or self.user.has_perm("news.add_tag")

    def prepare_value(self, value):
        if hasattr(value, "all"):
            return list(value.all())
        return value

    def names(self, value) -> list[str]:
        if not value:
            return []
        if not isinstance(value, str):
            return [tag.name for tag in value]
        return list(dict.fromkeys(name.strip() for name in parse_tags(value) if name.strip()))

    def clean(self, value):
        names = self.names(value)
        if self.required and not names:
            raise ValidationError(self.error_messages["required"], code="required")
        too_long = [name for name in names if len(name) > NAME_LENGTH]
        if too_long:
            raise ValidationError(
                ngettext(
                    "A tag's name has at most %(limit)d characters: %(names)s.",
                    "A tag's name has at most %(limit)d characters: %(names)s.",
                    NAME_LENGTH,
                )
                % {"limit": NAME_LENGTH, "names": ", ".join(too_long)},
                code="too_long",
            )
        language = admin_language()
        found = find_tags(names, language)
        missing = [name for name in names if name.casefold() not in found]
        if missing and self.disabled:
            # A locked field (translators): nothing is created; unknown names show as a change.
            return [found[name.casefold()] for name in names if name.casefold() in found] + [
                Tag(name=name) for name in missing
            ]
        if missing and not self.may_create():
            raise ValidationError(
                gettext("These tags do not exist and you may not create tags: %(names)s.")
                % {"names": ", ".join(missing)},
                code="no_new_tags",
            )
        for name in missing:
            found[name.casefold()] = create_tag(name, language)
        return list(dict.fromkeys(found[name.casefold()] for name in names))

    def has_changed(self, initial, data):
        before = {tag.pk for tag in self.prepare_value(initial) or []}
        sent = self.names(data)
        found = find_tags(sent, admin_language())
        after = {getattr(found.get(name.casefold()), "pk", name) for name in sent}
        return before != after


def tag_form_field_override(db_field):
    """``register_form_field_override`` for many-to-many fields: our widget on those to ``news.Tag``."""
    if getattr(db_field, "related_model", None) is Tag:
        return {"form_class": TagChoiceField}
    return {}
