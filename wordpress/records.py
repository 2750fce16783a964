"""The import's memory of earlier runs (``ImportedObject`` rows), read once and kept in step."""

from .models import ImportedObject


class Records:
    def __init__(self, source: str):
        self.source = source
        self.rows = {(row.kind, row.key): row for row in ImportedObject.objects.filter(source=source)}
        self.staged: list = []

    def get(self, kind: str, key):
        return self.rows.get((kind, str(key)))

    def save(self, kind: str, key, object_id: int, language: str = "", digest: str = "", revision_id=None):
        row, _created = ImportedObject.objects.update_or_create(
            source=self.source,
            kind=kind,
            key=str(key),
            defaults={
                "object_id": object_id,
                "language": language,
                "digest": digest,
                "revision_id": revision_id,
            },
        )
        # Remembered only once the post's transaction is through (commit()): a rolled-back post leaves
        # no trace (discard()).
        self.staged.append(((kind, str(key)), row))
        return row

    def commit(self) -> None:
        for key, row in self.staged:
            self.rows[key] = row
        self.staged = []

    def discard(self) -> None:
        self.staged = []
