"""A StreamField's raw data (the JSON it is stored as), cleaned block by block.

Raw data is what a shell, an import or a revision hands to a StreamField; Wagtail saves it as it is
(``StreamValue.get_prep_value`` passes blocks it has not converted straight through). The block
definitions say what each value is:

- a rich-text block's value is rich text in the database format: cleaned with the block's features;
- a URL block's value (an embed block is one too) must be empty, relative or ``http(s)``: any other
  address is removed;
- struct, list and stream blocks are walked into; every other value is left alone (templates escape
  plain text; choosers store ids).
"""

from wagtail import blocks

from .links import is_safe_url
from .rich_text import clean_rich_text


class Report:
    """What cleaning changed, for the warning that names the object and field."""

    def __init__(self):
        self.rich_text = 0
        self.urls: list[str] = []

    def __bool__(self):
        return bool(self.rich_text or self.urls)

    def __str__(self):
        parts = []
        if self.rich_text:
            parts.append(f"{self.rich_text} rich text value(s) cleaned")
        if self.urls:
            parts.append("unsafe address(es) removed: " + ", ".join(repr(url[:80]) for url in self.urls))
        return "; ".join(parts)


def clean_url(url, report: Report):
    if isinstance(url, str) and url and not is_safe_url(url):
        report.urls.append(url)
        return ""
    return url


def clean_html(html, features, report: Report):
    """Rich text (``features`` as the editor allows them) cleaned, counted in ``report`` when changed."""
    if not isinstance(html, str):
        return html
    cleaned = clean_rich_text(html, features)
    if cleaned == html:
        return html  # the same object: callers tell "nothing changed" by identity
    report.rich_text += 1
    return cleaned


def clean_value(block, value, report: Report):
    """The raw ``value`` of ``block``, cleaned (the same object when nothing needed cleaning)."""
    if value is None:
        return value
    if isinstance(block, blocks.RichTextBlock):
        return clean_html(value, block.features, report)
    if isinstance(block, blocks.URLBlock):  # wagtail.embeds.blocks.EmbedBlock included
        return clean_url(value, report)
    if isinstance(block, blocks.StructBlock):
        return _clean_struct(block, value, report)
    if isinstance(block, blocks.ListBlock):
        return _clean_list(block, value, report)
    if isinstance(block, blocks.BaseStreamBlock):
        return clean_stream(block, value, report)
    return value


def _clean_struct(block, value, report):
    if not isinstance(value, dict):
        return value
    cleaned = dict(value)
    for name, child in block.child_blocks.items():
        if name in value:
            cleaned[name] = clean_value(child, value[name], report)
    return cleaned if _changed(cleaned, value) else value


def _clean_list(block, value, report):
    if not isinstance(value, list):
        return value
    cleaned = []
    for item in value:
        if _is_list_item(item):
            cleaned.append(_with_value(item, clean_value(block.child_block, item["value"], report)))
        else:  # the list format before Wagtail 2.16: bare values
            cleaned.append(clean_value(block.child_block, item, report))
    return cleaned if _changed(cleaned, value) else value


def _is_list_item(item) -> bool:
    """A list item in the list format since Wagtail 2.16: ``{"type": "item", "value": ..., "id": ...}``."""
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item and "id" in item


def clean_stream(block, value, report: Report):
    """A stream's raw data: ``[{"type": ..., "value": ..., "id": ...}, ...]``."""
    if not isinstance(value, list):
        return value
    cleaned = []
    for item in value:
        child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
        if child is None or "value" not in item:
            cleaned.append(item)  # a block type the stream no longer has: never rendered
            continue
        cleaned.append(_with_value(item, clean_value(child, item["value"], report)))
    return cleaned if _changed(cleaned, value) else value


def _with_value(item: dict, value) -> dict:
    return item if value is item["value"] else {**item, "value": value}


def _changed(cleaned, value) -> bool:
    if isinstance(value, dict):
        return any(cleaned[key] is not value[key] for key in value)
    return any(new is not old for new, old in zip(cleaned, value, strict=True))
