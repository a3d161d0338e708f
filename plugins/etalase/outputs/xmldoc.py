"""Serialise an ElementTree as a UTF-8 XML document with stable bytes."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - we only build and write XML here, never parse input

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def element(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Create ``tag`` (under ``parent`` when given) with text and attributes in the order given."""
    node = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = text
    return node


def document(root: ET.Element) -> bytes:
    """Return ``root`` indented by two spaces, with an XML declaration and a trailing newline."""
    ET.indent(root, space="  ")
    return (DECLARATION + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")
