"""The desk's admin views: articles' translation status, and starting a translation from another."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page

from news.models import ArticlePage, CategoryIndexPage
from translations.availability import READY_FIELD
from translations.copying import copy_translation, plan
from translations.languages import default_language, language_codes, language_label, localized_field
from translations.roles import may_edit_language
from translations.status import Status, counts, status_of, with_change_times

from .filters import StatusFilterForm
from .tags import NAME_LENGTH, admin_language, suggestions

PER_PAGE = 50


def _rows(articles):
    sections = {
        section.path: section
        for section in CategoryIndexPage.objects.filter(
            path__in={article.path[: -article.steplen] for article in articles}
        )
    }
    rows = []
    for article in articles:
        languages = []
        for code in language_codes():
            status = status_of(article, code)
            languages.append(
                {
                    "code": code,
                    "status": status,
                    "label": Status(status).label,
                    "ready": bool(getattr(article, localized_field(READY_FIELD, code), True)),
                    "copy_url": (
                        f"{reverse('newsdesk:copy', args=[article.pk])}?target={code}"
                        if code != default_language() and status == Status.MISSING
                        else ""
                    ),
                }
            )
        rows.append(
            {
                "article": article,
                "section": sections.get(article.path[: -article.steplen]),
                "authors": [link.author for link in article.article_authors.all()],
                "languages": languages,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[article.pk]),
            }
        )
    return rows


def status_view(request):
    form = StatusFilterForm(request.GET or None)
    articles = form.filter(with_change_times(ArticlePage.objects.all()))
    articles = articles.prefetch_related("article_authors__author").order_by("-date", "-pk")
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "newsdesk/status.html",
        {
            "page_title": _("Translations"),
            "header_icon": "site",
            "form": form,
            "page_obj": page,
            "rows": _rows(list(page.object_list)),
            "languages": [(code, language_label(code)) for code in language_codes()],
            "counts": counts(articles),
            "default_name": language_label(default_language()),
            "query_string": query.urlencode(),
        },
    )


def copy_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    codes = language_codes()
    target = request.POST.get("target") or request.GET.get("target")
    source = request.POST.get("source") or request.GET.get("source") or default_language()
    if target not in codes or source not in codes or source == target:
        raise Http404(_("Choose two different languages."))
    if not may_edit_language(request.user, target):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        _revision, copied = copy_translation(page, source, target, user=request.user)
        if copied:
            messages.success(
                request,
                _(
                    "%(source)s content copied into the empty %(target)s fields. Translate it, then tick "
                    "“ready for readers”."
                )
                % {"source": language_label(source), "target": language_label(target)},
            )
        else:
            messages.warning(
                request,
                _("Nothing to copy: the %(target)s fields already have content.")
                % {"target": language_label(target)},
            )
        return redirect(edit_url)
    draft = page.get_latest_revision_as_object()
    fill, keep = plan(draft, source, target)
    field_label = {name: capfirst(draft._meta.get_field(name).verbose_name) for name in fill + keep}
    return TemplateResponse(
        request,
        "newsdesk/copy.html",
        {
            "page_title": _("Start a translation"),
            "header_icon": "copy",
            "page": page,
            "source": source,
            "target": target,
            "source_name": language_label(source),
            "target_name": language_label(target),
            "sources": [(code, language_label(code)) for code in codes if code != target],
            "fill": [field_label[name] for name in fill],
            "keep": [field_label[name] for name in keep],
            "edit_url": edit_url,
        },
    )


def tag_autocomplete(request):
    """Suggestions for the article editor's tag field (newsdesk.tags): ``?term=`` in any language."""
    term = request.GET.get("term", "")[:NAME_LENGTH]
    return JsonResponse(suggestions(term, admin_language()), safe=False)
