from .pages import ArticleAuthor, ArticlePage, CategoryIndexPage
from .snippets import Author, Tag

__all__ = ["ArticleAuthor", "ArticlePage", "Author", "CategoryIndexPage", "Tag"]
