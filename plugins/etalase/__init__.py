"""Etalase: the Business Matching product catalogue as a Pelican plugin."""


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals; nothing else happens here."""
    from pelican.plugins import signals  # imported here so the core never loads Pelican

    from .generator import get_generators, get_writer, install_templating

    signals.generator_init.connect(install_templating)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
