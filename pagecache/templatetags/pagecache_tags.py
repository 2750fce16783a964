"""``{% fragment "name" vary... %}…{% endfragment %}``: a part of the page cached per language.

The block is rendered once per language, generation and value of its ``vary`` arguments, and then read
from the cache (:mod:`pagecache.fragments`). Use it only around markup that depends on nothing else:
no CSRF token, no CSP nonce, nothing from the signed-in user. The ``*_state`` tags give the few values
a shared part depends on.
"""

from django import template

from news.models.pages import NEW_ARTICLES_COUNT, RELATED_COUNT
from translations.languages import request_language

from .. import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        vary = tuple(str(value.resolve(context)) for value in self.vary)
        return fragments.cached_html(
            request, request_language(request), name, vary, lambda: self.nodelist.render(context)
        )


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes a name and optional values to vary on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(parser.compile_filter(bits[1]), vary, nodelist)


@register.simple_tag
def menu_state(menu, page=None):
    return fragments.menu_state(menu, getattr(page, "path", "") or "")


@register.simple_tag
def current_link(links, url):
    return fragments.current_link(links, url)


@register.simple_tag(takes_context=True)
def new_articles(context, page, newest):
    """``{% new_articles page newest as items %}``: "New articles" on an article, each item's HTML
    (``newest``: the language's newest ``NEW_ARTICLES_COUNT + 1``, read only on a miss)."""
    return _items_but(
        context, "new-articles", "", page, newest, "components/headline_item.html", NEW_ARTICLES_COUNT
    )


@register.simple_tag(takes_context=True)
def related_cards(context, page, newest):
    """``{% related_cards page section_newest as cards %}``: "Related" on an article, each card's HTML
    (``newest``: its section's newest ``RELATED_COUNT + 1``, read only on a miss)."""
    return _items_but(
        context,
        "related-cards",
        page.section_path,
        page,
        newest,
        "components/article_card.html",
        RELATED_COUNT,
    )


def _items_but(context, name, vary, page, items, template_name, count):
    request = context.get("request")

    def render_item(article):  # only when the list is rebuilt
        with context.push(article=article):
            return context.template.engine.get_template(template_name).render(context)

    return fragments.items_but(
        request, request_language(request), name, vary, page, items, render_item, count
    )
