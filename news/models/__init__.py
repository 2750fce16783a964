from .corrections import ArticleCorrection
from .live import LiveUpdate
from .pages import ArticleAuthor, ArticlePage, CategoryIndexPage
from .snippets import Author, Tag

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticlePage",
    "Author",
    "CategoryIndexPage",
    "LiveUpdate",
    "Tag",
]
