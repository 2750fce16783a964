from wagtail import hooks

from . import queries


@hooks.register("before_serve_page")
def wordpress_query_addresses(page, request, serve_args, serve_kwargs):
    """``/az/?p=123`` and the like: WordPress's addresses at a language's home page (``queries``)."""
    return queries.response(page, request)
