"""Set values in a round-trip YAML document, keeping everything else where it was.

A new key goes where the record's model orders it among the keys already
there. Values are written as text, a text of several lines as a ``|`` block.
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ...data.loader import keys_at
from ...data.models import Exhibitor
from .yamltext import EXHIBITOR_ORDER, scalar


def _order(record_path: tuple) -> list[str]:
    return list(EXHIBITOR_ORDER) if not record_path else keys_at(Exhibitor, record_path)


def _insert(mapping: CommentedMap, key: str, value: object, record_path: tuple) -> None:
    """Put ``key`` before the first key the model orders after it."""
    if not isinstance(mapping, CommentedMap):  # a plain copy, only tried
        mapping[key] = value
        return
    order = _order(record_path)
    rank = order.index(key) if key in order else len(order)
    for position, existing in enumerate(mapping):
        if (order.index(existing) if existing in order else len(order)) > rank:
            mapping.insert(position, key, value)
            return
    mapping[key] = value


def _written(value: str | dict) -> object:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            if item is not None:
                mapping[key] = scalar(item)
        return mapping
    return scalar(value)


def put(document: CommentedMap, path: tuple, value: str | dict) -> None:
    """Set ``path`` to ``value``, making the mappings and list items on the way."""
    node = document
    for depth, part in enumerate(path[:-1]):
        following = path[depth + 1]
        here = path[:depth]
        if isinstance(node, list):
            if part >= len(node):
                node.append(CommentedMap())
            node = node[part]
            continue
        if part not in node or node[part] is None:
            child = CommentedSeq() if isinstance(following, int) else CommentedMap()
            if part in node:
                node[part] = child
            else:
                _insert(node, part, child, here)
        node = node[part]
    last = path[-1]
    if isinstance(node, list):
        if last >= len(node):
            node.append(_written(value))
        else:
            node[last] = _written(value)
    elif last in node:
        node[last] = _written(value)
    else:
        _insert(node, last, _written(value), path[:-1])
