"""The site's pages: URLs, strings, formatting, Markdown, the page plan and rendering. No Pelican."""
