from django.urls import path

from . import views

app_name = "nexus_accounts"
urlpatterns = [
    path("tvastegs/", views.enrol, name="enrol"),
    path("", views.index, name="index"),
    path("bjud-in/", views.invite, name="invite"),
    path("<int:user_id>/tvastegs/aterstall/", views.reset_second_factor, name="reset_second_factor"),
    path("<int:user_id>/inaktivera/", views.deactivate, name="deactivate"),
    path("las-upp/<int:attempt_id>/", views.unlock, name="unlock"),
]
