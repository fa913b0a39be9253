"""Helpers the tests import: plain functions and constants, no fixtures (those live in conftest.py)."""
