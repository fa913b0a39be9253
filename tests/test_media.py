"""nexus_cms.media: uploaded files served by Django (make run) never render as pages of the site."""

import pytest

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "documents").mkdir()
    return tmp_path


def test_an_image_is_served_as_an_image_with_protective_headers(client, media):
    (media / "images" / "photo.png").write_bytes(PNG)
    response = client.get("/media/images/photo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["page.html", "vector.svg", "script.js", "noextension", "archive.png.gz"])
def test_anything_else_is_an_opaque_attachment(client, media, name):
    (media / "images" / name).write_bytes(b"<script>alert(1)</script>")
    response = client.get(f"/media/images/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/private.pdf",  # documents go through Wagtail's serve view (privacy)
        "/media/images/",
        "/media/images/missing.png",
        "/media/../../etc/passwd",
        "/media/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_documents_directories_and_paths_outside_media_are_not_served(client, media, path):
    (media / "documents" / "private.pdf").write_bytes(b"%PDF-1.7 secret")
    response = client.get(path)
    assert response.status_code == 404
    assert b"secret" not in response.content
    assert b"root:" not in response.content


def test_media_refuses_writes(client, media):
    (media / "images" / "photo.png").write_bytes(PNG)
    assert client.post("/media/images/photo.png").status_code == 405
