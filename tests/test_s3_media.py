"""Media in an S3-compatible object store, as several app servers share it.

A real S3 API on 127.0.0.1: moto's server (``moto[server]``, requirements-dev.txt) as a
subprocess. The storage is the production one (``nexus_cms.object_storage.s3_media_storage``),
pointed at that server; uploads go through Wagtail's admin add views as a communicator would.
"""

import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from nexus_cms.object_storage import s3_media_storage
from tests.factories import organisation
from tests.helpers.media import collection_of, news_using

KEYS = {"access_key": "testing", "secret_key": "testing"}
REGION = "eu-north-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    port = free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1).close()  # noqa: S310 (loopback)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not start: {log.name}") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        process.terminate()
        process.wait(10)
        log.close()


@pytest.fixture
def bucket(s3_endpoint):
    """A new bucket, and the production media storage on it as the default storage."""
    name = f"nexus-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    media = s3_media_storage(name, endpoint_url=s3_endpoint, region=REGION)
    media["OPTIONS"].update(KEYS)
    storages = {
        "default": media,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield s3, name, f"{s3_endpoint}/{name}/"


def keys(s3, name, prefix=""):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=name, Prefix=prefix).get("Contents", []))


@pytest.fixture
def police(db):
    return organisation("polismyndigheten")


def upload_image(client, org):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Polisens informationsträff",
            "file": SimpleUploadedFile("traff.png", get_test_image_file(size=(1200, 800)).file.getvalue()),
            "collection": collection_of(org).pk,
            "description": "Poliser vid ett bord",
            "credit": "Foto: Anna Berg",
            "tags": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_image_model().objects.get(title="Polisens informationsträff")


def upload_document(client, org, title="Faktablad om stöd"):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("faktablad.pdf", b"%PDF-1.4 faktablad i S3"),
            "collection": collection_of(org).pk,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_document_model().objects.get(title=title)


def test_an_uploaded_image_lives_in_the_bucket_and_the_page_shows_its_rendition_from_there(
    client, bucket, police, communicator_of
):
    s3, name, base_url = bucket
    client.force_login(communicator_of(police))
    image = upload_image(client, police)
    originals = keys(s3, name, "original_images/")
    assert originals == [image.file.name]
    assert re.fullmatch(r"original_images/[0-9a-f]{32}\.png", image.file.name)
    assert keys(s3, name, "images/") == []

    page = news_using(police, image=image)  # published: its renditions are made now
    renditions = keys(s3, name, "images/")
    assert renditions
    assert set(renditions) == set(image.renditions.values_list("file", flat=True))

    client.logout()
    html = client.get(page.url).content.decode()
    article = image.renditions.get(filter_spec="width-960")
    assert f'src="{base_url}{article.file.name}"' in html
    # Plain, stable URLs (a cached page keeps working): no signature, no expiry.
    assert "X-Amz-" not in html
    assert "/media/" not in html


def test_documents_are_stored_in_the_bucket_and_served_only_through_the_serve_view(
    client, bucket, police, communicator_of, make_user
):
    s3, name, base_url = bucket
    client.force_login(communicator_of(police))
    live = upload_document(client, police)
    draft_only = upload_document(client, police, title="Utkastets bilaga")
    assert keys(s3, name, "documents/") == sorted([live.file.name, draft_only.file.name])
    page = news_using(police, document=live)
    news_using(police, document=draft_only, publish=False, title="Utkast med bilaga")

    client.logout()
    html = client.get(page.url).content.decode()
    assert f'href="/documents/{live.pk}/faktablad' in html
    assert base_url not in html
    response = client.get(live.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 faktablad i S3"
    assert response["Content-Disposition"].startswith("attachment")
    # The collection's rules hold for files in the bucket too: a draft's document stays hidden
    # from readers and from other organisations.
    assert client.get(draft_only.url).status_code == 404
    client.force_login(communicator_of(organisation("region-uppsala")))
    assert client.get(draft_only.url).status_code == 404
    client.force_login(communicator_of(police, username="kollega"))
    assert client.get(draft_only.url).status_code == 200


def test_deleting_media_removes_the_objects(
    client, bucket, police, communicator_of, django_capture_on_commit_callbacks
):
    s3, name, _base_url = bucket
    client.force_login(communicator_of(police))
    image = upload_image(client, police)
    image.get_rendition("width-800")
    document = upload_document(client, police)
    assert len(keys(s3, name)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("wagtailimages:delete", args=(image.pk,))).status_code == 302
        assert client.post(reverse("wagtaildocs:delete", args=(document.pk,))).status_code == 302
    assert keys(s3, name) == []
