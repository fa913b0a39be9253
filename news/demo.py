"""Demo content for this app, built from code; idempotent (called by ``load_demo``)."""


def load_demo(home):
    """Nothing yet: the app's issue adds demo content here."""
