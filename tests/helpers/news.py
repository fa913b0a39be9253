"""News images as editors upload them."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def make_image(title="Testbild", description="En lila cirkel", credit="Nexus", size=(1600, 900)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (90, 42, 130)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title,
        description=description,
        credit=credit,
        file=ImageFile(buffer, name="test.png"),
    )
