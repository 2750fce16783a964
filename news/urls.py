from django.urls import path

from . import views

app_name = "news"
urlpatterns = [path("tags/<slug:slug>/", views.tag, name="tag")]
