"""Send the newsletter digests that are due (``newsletter.digest``); safe to run as often as wanted.

Run it at least hourly: from ``run_scheduler``, cron or a systemd timer. Exits with an error when any
message failed (listed on stderr); those subscribers are tried again on the next run.
"""

from django.core.management.base import BaseCommand, CommandError

from newsletter.digest import send_digests


class Command(BaseCommand):
    help = "Send the daily and weekly newsletter digests that are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would get a digest; send and record nothing."
        )

    def handle(self, *args, dry_run, **options):
        report = send_digests(dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {len(report.sent)} digest(s); {report.empty} due with nothing new.")
        if dry_run and options["verbosity"] > 1:
            for address in report.sent:
                self.stdout.write(f"  {address}")
        for address, reason in report.failed:
            self.stderr.write(f"Failed: {address}: {reason}")
        if report.not_attempted:
            self.stderr.write(f"Mail server unreachable: {report.not_attempted} left for the next run.")
        if not report.ok:
            raise CommandError(
                f"{len(report.failed)} digest(s) failed, {report.not_attempted} not attempted; "
                "they will be tried again on the next run."
            )
