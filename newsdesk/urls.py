from django.urls import path

from . import views

app_name = "newsdesk"
urlpatterns = [
    path("", views.status_view, name="status"),
    path("copy/<int:page_id>/", views.copy_view, name="copy"),
    path("tags/", views.tag_autocomplete, name="tag_autocomplete"),
]
