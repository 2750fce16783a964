from django.apps import AppConfig


class MaintenanceConfig(AppConfig):
    """What readers get while the site cannot serve: the 503 page of a database outage."""

    name = "maintenance"
    verbose_name = "Maintenance"
