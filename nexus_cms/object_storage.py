"""Media in an S3-compatible object store (django-storages), shared by every app server.

``STORAGES["default"]`` when ``AWS_STORAGE_BUCKET_NAME`` is set (settings/base.py). Images,
their renditions and documents go to the one bucket under random names (``original_images/``,
``images/``, ``documents/``). URLs are plain, unsigned and stable (a cached page keeps working):
the bucket's policy makes ``original_images/*`` and ``images/*`` publicly readable and nothing
else, so documents are read only by the app, behind Wagtail's serve view
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``) and its privacy rules (``workflows.media``).
Credentials come from the environment (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``), as
boto3 reads them.
"""

from urllib.parse import urlsplit

from botocore.config import Config
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    """django-storages' S3 storage with the client configuration S3-compatible servers need.

    django-storages applies ``addressing_style`` and ``signature_version`` only when it builds the
    botocore ``Config`` itself; the checksum settings need a ``Config`` of our own, so it is built
    here from all three. The options stay plain values: Wagtail hands the storage's
    ``deconstruct()`` to a background task when a file is deleted, and tasks take JSON only.
    """

    def __init__(self, **settings):
        super().__init__(**settings)
        if "client_config" not in settings:
            self.client_config = Config(
                s3={"addressing_style": self.addressing_style},
                signature_version=self.signature_version,
                proxies=self.proxies,
                # boto3 >= 1.36 adds CRC checksums to every request by default, which S3-compatible
                # servers other than AWS often reject: only where an operation requires one.
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            )


def s3_media_storage(bucket, endpoint_url=None, region=None, custom_domain=None):
    """The ``STORAGES`` entry for media in ``bucket``."""
    return {
        "BACKEND": "nexus_cms.object_storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            # A CDN or the bucket's own public host name in front (https), mapped to the bucket.
            "custom_domain": custom_domain or None,
            # Never replace an object: a second upload of the same name gets a name of its own.
            "file_overwrite": False,
            # Path-style addresses and SigV4: what S3-compatible servers (MinIO, Ceph, Garage) expect.
            "addressing_style": "path",
            "signature_version": "s3v4",
            # The bucket's policy decides what is public; no per-object ACL (many servers refuse them).
            "default_acl": None,
            # Plain URLs: a signed one would expire inside a cached page.
            "querystring_auth": False,
        },
    }


def media_origin(endpoint_url=None, region=None, custom_domain=None):
    """The origin readers' browsers load images from (for the Content-Security-Policy's img-src)."""
    if custom_domain:
        return f"https://{custom_domain}"
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return f"{parts.scheme}://{parts.netloc}"
    return f"https://s3.{region}.amazonaws.com" if region else "https://s3.amazonaws.com"
