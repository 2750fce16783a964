"""``{% fragment "name" vary... %}…{% endfragment %}``: a part of the page cached per language.

The block is rendered once per language, generation and value of its ``vary`` arguments, and then read
from the cache (:mod:`pagecache.fragments`). Use it only around markup that depends on nothing else:
no CSRF token, no CSP nonce, nothing from the signed-in user. The ``*_state`` tags give the few values
a shared part depends on.
"""

from django import template

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
def newest_state(context, page):
    request = context.get("request")
    return fragments.newest_state(request, request_language(request), page)


@register.simple_tag(takes_context=True)
def related_cards(context, page, newest, template_name="components/article_card.html"):
    """``{% related_cards page section_newest as cards %}``: the article's "Related" cards as HTML."""
    request = context.get("request")
    card_template = context.template.engine.get_template(template_name)

    def render_card(article):
        with context.push(article=article):
            return card_template.render(context)

    return fragments.related_cards(request, request_language(request), page, newest, render_card)
