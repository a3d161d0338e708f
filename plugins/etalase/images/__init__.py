"""Photos and sharing: probing, responsive variants, social cards, QR codes and web fonts.

Pure core, no Pelican imports. Import from the submodules (kept apart so the
validator can import :mod:`etalase.images.probe` without loading the rest):

- :mod:`etalase.images.probe`    ``probe_image``, ``ImageInfo``, ``ImageProblem`` (codes I01-I05)
- :mod:`etalase.images.pipeline` ``ImagePipeline``, ``ImageParams``, ``ProcessedImage``, ``Variant``
- :mod:`etalase.images.cards`    ``CardSpec``, ``render_card``, ``CardMaker``
- :mod:`etalase.images.qr`       ``qr_svg``, ``qr_png_bytes``
- :mod:`etalase.images.fonts`    ``font_path``, ``load_font``, ``build_webfonts``

See ``docs/images.md``.
"""
