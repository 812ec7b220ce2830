"""Marshmallow schemas: the curated input files, and the API's resources."""
