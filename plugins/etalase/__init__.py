"""Etalase: the Business Matching product catalogue as a Pelican plugin."""
