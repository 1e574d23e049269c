"""Shared pytest configuration. Kept minimal: add a fixture here only when two areas need it."""
