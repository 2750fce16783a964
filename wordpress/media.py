"""Attachments -> Wagtail images, read from a local copy of ``wp-content/uploads`` (never the network).

An attachment's file is found under ``--media`` by the path in its address (``2020/01/photo.jpg``, or
``_wp_attached_file``); an ``<img>`` that names no attachment is matched by its address, size suffix
(``-300x200``) removed, as WordPress's own resized copies are. A file is imported once: its SHA-1 (the
hash Wagtail keeps in ``Image.file_hash``) finds an image already in the library, whoever uploaded it.
A missing or unreadable file is reported and the post imported without it.
"""

import posixpath
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .content import SIZE_SUFFIX
from .index import uploads_path

MAX_BYTES = 50 * 1024 * 1024
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff"})


class Media:
    """Images for a run: ``image(attachment_id, src)`` -> ``{"image": pk, "alt", "caption", "credit"}``."""

    def __init__(self, index, media_dir, records, report, dry_run=False):
        self.index = index
        self.root = Path(media_dir).resolve() if media_dir else None
        self.records = records  # wordpress.importer.Records
        self.report = report
        self.dry_run = dry_run
        self.by_path = {}
        for attachment in index.attachments.values():
            self.by_path.setdefault(_normal(attachment.file), attachment.post_id)
        self.done: dict = {}  # attachment id or path -> image pk (committed)
        self.staged: dict = {}  # ... written by the post being imported
        self.current_post = None

    def commit(self) -> None:
        self.done.update(self.staged)
        self.staged = {}

    def discard(self) -> None:
        self.staged = {}

    def image(self, attachment_id: int, src: str):
        attachment = self.index.attachments.get(attachment_id) if attachment_id else None
        relative = ""
        if attachment is None and src:
            relative = uploads_path(src)
            number = self.by_path.get(_normal(relative)) or self.by_path.get(
                _normal(SIZE_SUFFIX.sub("", relative))
            )
            attachment = self.index.attachments.get(number) if number else None
        if attachment is not None:
            pk = self._image_for_attachment(attachment)
            if pk is None:
                return None
            return {
                "image": pk,
                "alt": attachment.alt,
                "caption": attachment.caption,
                "credit": attachment.credit,
            }
        if not src or not relative:
            self.report.missing_media(
                self.current_post, src or f"attachment {attachment_id}", "not in the export"
            )
            return None
        pk = self._image_for_file(relative, posixpath.basename(relative), key=f"path:{relative}")
        return {"image": pk, "alt": "", "caption": "", "credit": ""} if pk is not None else None

    def _image_for_attachment(self, attachment):
        key = attachment.post_id
        if key in self.done or key in self.staged:
            return self.done.get(key) or self.staged[key]
        record = self.records.get("attachment", key)
        if record is not None and get_image_model().objects.filter(pk=record.object_id).exists():
            self.done[key] = record.object_id
            return record.object_id
        title = attachment.title or posixpath.basename(attachment.file)
        pk = self._image_for_file(attachment.file, title, key=None)
        if pk and not self.dry_run:
            self.records.save("attachment", key, pk, language="")
            self.staged[key] = pk
        return pk

    def _image_for_file(self, relative: str, title: str, key):
        if key is not None and (key in self.done or key in self.staged):
            return self.done.get(key) or self.staged[key]
        path = self._path(relative)
        if path is None:
            return None
        try:
            data = path.read_bytes()
            with PillowImage.open(BytesIO(data)) as picture:
                picture.verify()
        except Exception as error:  # noqa: BLE001 - any unreadable file is reported, never fatal
            self.report.missing_media(
                self.current_post, relative, f"not a readable image ({type(error).__name__})"
            )
            return None
        digest = hash_filelike(BytesIO(data))
        Image = get_image_model()
        existing = Image.objects.filter(file_hash=digest).values_list("pk", flat=True).first()
        if existing:
            pk = existing
        elif self.dry_run:
            pk = 0
            self.report.count("image", "imported")
        else:
            image = Image(title=title[:255] or path.name, file=ImageFile(BytesIO(data), name=path.name))
            image.file_size = len(data)
            image.file_hash = digest
            image.save()
            pk = image.pk
            self.report.count("image", "imported")
        if key is not None and not self.dry_run:
            self.staged[key] = pk
        return pk

    def _path(self, relative: str):
        if self.root is None:
            self.report.missing_media(self.current_post, relative, "no --media folder given")
            return None
        relative = unquote(relative).lstrip("/")
        candidates = [relative]
        unsized = SIZE_SUFFIX.sub("", relative)
        if unsized != relative:
            candidates.append(unsized)
        for candidate in candidates:
            path = (self.root / candidate).resolve()
            if not path.is_relative_to(self.root):
                self.report.missing_media(self.current_post, relative, "outside the media folder")
                return None
            if path.is_file():
                if path.suffix.lower() not in IMAGE_SUFFIXES:
                    self.report.missing_media(self.current_post, relative, "not an image")
                    return None
                if path.stat().st_size > MAX_BYTES:
                    self.report.missing_media(self.current_post, relative, "larger than 50 MB")
                    return None
                return path
        self.report.missing_media(self.current_post, relative, "file not found")
        return None


def _normal(path: str) -> str:
    return unquote(urlsplit(path or "").path).lstrip("/").lower()
