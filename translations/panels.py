"""Editor panels of the translation workflow."""

from wagtail.admin.panels import FieldPanel


class CopyConfirmationPanel(FieldPanel):
    """The "publish the copied text as it is" checkboxes (translations.forms), shown only after the form
    refused to make a copied, untranslated language ready for readers."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return bool(getattr(self.form, "needs_copy_confirmation", None)) and super().is_shown()
