"""Admin widgets whose texts follow the editor's language."""

from wagtail.snippets.widgets import AdminSnippetChooser


class SnippetChooser(AdminSnippetChooser):
    """A snippet chooser with whole, translatable phrases ("Choose author" → "Выбрать автора").

    Wagtail's builds "Choose %(object)s" from the model's verbose name once, in the language active when
    the form class is made (so the Russian admin showed "Choose author"), and a name dropped into a
    phrase does not decline ("Выбрать автор"). These are lazy strings, translated at each render.
    """

    def __init__(self, model, *, choose_one_text, choose_another_text, link_to_chosen_text, **kwargs):
        super().__init__(model, **kwargs)
        self.choose_one_text = choose_one_text
        self.choose_another_text = choose_another_text
        self.link_to_chosen_text = link_to_chosen_text
