from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import signals, tree

        signals.connect()
        request_started.connect(tree.request_copy.begin, dispatch_uid="navigation_tree_begin")
        request_finished.connect(tree.request_copy.end, dispatch_uid="navigation_tree_end")
