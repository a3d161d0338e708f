"""Sharing a page on social media: preview cards, meta tags, JSON-LD, share links and QR codes.

The pure core of issue 5's sharing work; nothing here imports Pelican.

- :mod:`.cards`: what each page's 1200×630 preview card shows (:class:`~etalase.images.cards.CardSpec`).
- :mod:`.opengraph`: Open Graph and Twitter meta tags as data.
- :mod:`.structured`: schema.org JSON-LD dicts (Product, Organization, Event, BreadcrumbList, WebSite).
- :mod:`.share`: share links for WhatsApp, Facebook, X and Telegram.
- :mod:`.qrcodes`: QR code files for every product, exhibitor and school, and the booth sheet of a batch.
- :mod:`.head`: everything above gathered per page URL for the templates.

See docs/sharing.md.
"""
