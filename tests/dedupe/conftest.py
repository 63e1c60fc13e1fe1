"""Fixtures: ``store_path`` and ``store`` come from tests/conftest.py."""
