"""What an import did: counts per type and per language, and every item skipped or failed with why.

The same data is printed as a table at the end of the command and written as JSON with ``--report``.
"""

import json
from collections import Counter, defaultdict

OUTCOMES = ("imported", "updated", "unchanged", "skipped", "failed")


class Report:
    def __init__(self, path: str = "", dry_run: bool = False):
        self.path = path
        self.dry_run = dry_run
        self.counts: dict = defaultdict(Counter)  # type -> outcome -> n
        self.languages: dict = defaultdict(Counter)  # language -> outcome -> n (post and page versions)
        self.items: list[dict] = []  # skipped and failed, with reasons
        self.warnings: list[dict] = []  # imported, but something was left out or repaired
        self.unknown: dict = defaultdict(lambda: {"count": 0, "posts": []})  # block/shortcode -> where
        self.approximated: Counter = Counter()
        self.missing: list[dict] = []
        self.sticky: list[int] = []
        self.unknown_languages: dict = {}
        self.other_types: dict = {}
        self.redirects = 0
        self.error = ""
        self.seconds = 0.0
        self.posts_read = 0

    def count(self, kind: str, outcome: str, language: str = "") -> None:
        self.counts[kind][outcome] += 1
        if language:
            self.languages[language][outcome] += 1

    def item(self, kind, outcome, wp_id=None, language="", title="", reason="") -> None:
        self.count(kind, outcome, language)
        if outcome in ("skipped", "failed"):
            self.items.append(
                {
                    "type": kind,
                    "outcome": outcome,
                    "wp_id": wp_id,
                    "language": language,
                    "title": title,
                    "reason": reason,
                }
            )

    def warn(self, wp_id, message: str) -> None:
        self.warnings.append({"wp_id": wp_id, "message": message})

    def missing_media(self, wp_id, what: str, reason: str) -> None:
        self.missing.append({"wp_id": wp_id, "file": what, "reason": reason})

    def block(self, name: str, wp_id, times: int) -> None:
        entry = self.unknown[name]
        entry["count"] += times
        if wp_id not in entry["posts"]:
            entry["posts"].append(wp_id)

    def as_dict(self) -> dict:
        return {
            "file": self.path,
            "dry_run": self.dry_run,
            "error": self.error,
            "seconds": round(self.seconds, 1),
            "posts_read": self.posts_read,
            "counts": {
                kind: {o: counts.get(o, 0) for o in OUTCOMES} for kind, counts in sorted(self.counts.items())
            },
            "languages": {
                code: {o: c.get(o, 0) for o in OUTCOMES} for code, c in sorted(self.languages.items())
            },
            "redirects_created": self.redirects,
            "skipped": [item for item in self.items if item["outcome"] == "skipped"],
            "failed": [item for item in self.items if item["outcome"] == "failed"],
            "kept_as_text": dict(sorted(self.unknown.items())),
            "approximated": dict(self.approximated),
            "missing_media": self.missing,
            "warnings": self.warnings,
            "sticky_posts": self.sticky,
            "languages_not_on_site": self.unknown_languages,
            "other_post_types_not_imported": self.other_types,
        }

    def write_json(self, path) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.as_dict(), handle, ensure_ascii=False, indent=2)

    def table(self) -> str:
        """The summary an operator reads at the end of the command."""
        header = f"{'':<22}" + "".join(f"{o:>11}" for o in OUTCOMES)
        lines = [header]
        for kind, counts in sorted(self.counts.items()):
            lines.append(f"{kind:<22}" + "".join(f"{counts.get(o, 0):>11}" for o in OUTCOMES))
        for code, counts in sorted(self.languages.items()):
            label = f"  in {code or '?'}"
            lines.append(f"{label:<22}" + "".join(f"{counts.get(o, 0):>11}" for o in OUTCOMES))
        extra = []
        if self.redirects:
            extra.append(f"{self.redirects} redirects created")
        if self.missing:
            extra.append(f"{len(self.missing)} media files missing or unreadable")
        if self.unknown:
            names = ", ".join(f"{name} ({data['count']})" for name, data in sorted(self.unknown.items()))
            extra.append(f"kept as text/HTML: {names}")
        if self.approximated:
            extra.append(
                "approximated: " + ", ".join(f"{k} ({v})" for k, v in sorted(self.approximated.items()))
            )
        if self.unknown_languages:
            langs = ", ".join(f"{k} ({v})" for k, v in sorted(self.unknown_languages.items()))
            extra.append(f"languages not on this site, skipped: {langs}")
        if self.other_types:
            extra.append(
                "not imported: " + ", ".join(f"{k} ({v})" for k, v in sorted(self.other_types.items()))
            )
        if self.sticky:
            extra.append(f"sticky posts (WordPress IDs): {', '.join(map(str, self.sticky[:20]))}")
        if self.warnings:
            extra.append(f"{len(self.warnings)} warnings (repaired text, links left as they were...)")
        if self.dry_run:
            extra.append("dry run: nothing was saved")
        return "\n".join(lines + extra)
