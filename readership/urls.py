from django.urls import path

from . import views

app_name = "readership"

urlpatterns = [
    path("<int:page_id>/", views.read, name="read"),
]
