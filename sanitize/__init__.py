"""The ground floor: make HTML and addresses written outside the admin safe to show readers.

Wagtail's admin only ever stores what its rich-text editor produces, but a shell, an import or an API can
write anything into a model. This app cleans it when it is saved, for every model in the project, without
knowing any of them:

- ``rich_text``: rich text (Wagtail's database format) through ``nh3``, allowing what the editor's
  features allow (``<a linktype="page" id="3">``, ``<b>``, ``<h2>`` ...) and nothing else;
- ``links``: which addresses are safe to link to (``http``/``https``; ``mailto``/``tel`` in rich text);
- ``validators``: the model-level validator URL fields use, with a message editors read;
- ``streams``: the same rules applied to a StreamField's raw data, block by block;
- ``saving``: the ``pre_save`` hooks (``apps.SanitizeConfig.ready``) for models and their revisions.

It imports nothing from the project's other apps: every app may import it.
"""
