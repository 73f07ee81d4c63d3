"""Extractors: one module per kind of value, each a pure function of text."""
