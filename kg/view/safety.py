"""The page's security policy: article text never becomes markup, and nothing reaches the network.

- all article-derived text travels as JSON inside ``<script type="application/json">``
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped (:func:`json_for_html`), and the page's
  own script builds every tooltip, legend entry and label as DOM nodes with ``textContent``;
- the only unescaped inserts are package files, refused if they could close their element
  early (:func:`trusted`);
- a Content-Security-Policy (:func:`content_security_policy`) allows only the page's own inline
  scripts (by hash) and no network at all, so even a missed escape could neither run nor phone home.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

_CLOSING_TAG = re.compile(r"</(script|style)|<!--", re.IGNORECASE)


def json_for_html(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the strings hold.

    Examples
    --------
    >>> json_for_html({"s": "</script>"})
    '{"s":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def trusted(text: str, name: str) -> Markup:
    """Mark a package file (script or style) safe to inline unescaped.

    Raises
    ------
    RuntimeError
        When ``text`` holds a closing script/style tag or a comment opener.

    Examples
    --------
    >>> trusted("var a = 1;", "a.js")
    Markup('var a = 1;')
    """
    if _CLOSING_TAG.search(text):
        raise RuntimeError(f"{name} contains a closing script/style tag or a comment opener")
    return Markup(text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(scripts: Iterable[str]) -> str:
    """The page's Content-Security-Policy: exactly these inline scripts run, nothing is fetched.

    Examples
    --------
    >>> content_security_policy(["1"]).split("; ")[:2]
    ["default-src 'none'", "script-src 'sha256-a4ayc/80/OGda4BO/1o/V0etpOqiLx1JwB5S3beHW0s='"]
    """
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_sha256(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
