"""Every file the build writes besides pages: sitemap, robots.txt, calendars, the feed, open data, the manifest.

:mod:`.producers` is their registry (pure functions ``(catalogue, site) -> list[Artifact]``) and
:mod:`.state` the one write path every file of a build goes through.
"""
