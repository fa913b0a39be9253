"""The image renditions of press images, named once: templates, the image bank and the publish hook use these."""

# The preview in the press room's image bank and on a release.
PREVIEW = "max-640x480"
# The download links: medium and large (the original is a link to the file itself).
MEDIUM = "width-1200"
LARGE = "width-2400"

# Names for templates: {% press_image image preview alt=… %}.
SPECS = {"preview": PREVIEW, "medium": MEDIUM, "large": LARGE}
ALL = tuple(SPECS.values())
