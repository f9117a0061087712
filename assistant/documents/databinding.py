"""Word content controls mapped to a custom XML part show that part's values, not the text stored in them.

A platform that fills a Word template by writing only its data part (customXml/itemN.xml, 开发工具 › XML 映射) leaves
document.xml holding whatever the template held (last year's plan); Word fills every mapped control from the data
part when the file is opened. So the document is read as Word shows it: each mapped control's text replaced by its
node's value, a date control's ISO value in the control's date format, and an empty node shown as the control's
placeholder (nothing of the plan's).
"""
from __future__ import annotations

import datetime
import logging
import re

from lxml import etree

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DS = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"
_PREFIX = re.compile(r"""xmlns:(\w+)\s*=\s*['"]([^'"]*)['"]""")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$")
_DATE_CODE = re.compile(r"yyyy|yy|MM|M|dd|d")


def data_stores(package) -> dict[str, etree._Element]:
    """The custom XML parts of a .docx by their store item ID (from each part's itemProps)."""
    stores: dict[str, etree._Element] = {}
    for part in package.iter_parts():
        name = str(part.partname)
        if not re.match(r"^/customXml/item\d+\.xml$", name):
            continue
        try:
            props = next((p for p in part.rels.values() if "customXmlProps" in p.reltype), None)
            item_id = etree.fromstring(props.target_part.blob).get(_DS + "itemID") if props is not None else None
            if item_id:
                stores[item_id.upper()] = etree.fromstring(part.blob)
        except (etree.XMLSyntaxError, AttributeError, ValueError) as exc:
            log.debug("custom XML part %s not read: %s", name, exc)
    return stores


def _bound_value(binding, stores: dict[str, etree._Element]) -> str | None:
    store = stores.get((binding.get(_W + "storeItemID") or "").upper())
    xpath = binding.get(_W + "xpath")
    if store is None or not xpath:
        return None
    namespaces = dict(_PREFIX.findall(binding.get(_W + "prefixMappings") or ""))
    try:
        found = store.xpath(xpath, namespaces=namespaces)
    except etree.XPathError:
        return None
    if not found:
        return None
    node = found[0]
    return node if isinstance(node, str) else "".join(node.itertext())


def _as_date(value: str, date_format: str | None) -> str:
    m = _ISO_DATE.match(value.strip())
    if not m or not date_format:
        return value
    try:
        day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return value
    codes = {"yyyy": f"{day.year}", "yy": f"{day.year % 100:02d}", "MM": f"{day.month:02d}", "M": f"{day.month}",
             "dd": f"{day.day:02d}", "d": f"{day.day}"}
    return _DATE_CODE.sub(lambda c: codes[c.group()], date_format)


def fill_bound_controls(body, stores: dict[str, etree._Element]) -> int:
    """Put each mapped control's value in place of its stored text, in `body` (document.xml's tree); returns how many
    controls were filled. A control whose store or node is missing keeps its text, as Word does."""
    filled = 0
    for sdt in body.iter(_W + "sdt"):
        properties = sdt.find(_W + "sdtPr")
        content = sdt.find(_W + "sdtContent")
        binding = properties.find(_W + "dataBinding") if properties is not None else None
        if binding is None or content is None:
            continue
        value = _bound_value(binding, stores)
        if value is None:
            continue
        date = properties.find(_W + "date")
        if date is not None:
            shown = date.find(_W + "dateFormat")
            value = _as_date(value, shown.get(_W + "val") if shown is not None else None)
        texts = list(content.iter(_W + "t"))
        if not texts:
            continue
        for element in texts[1:]:
            element.text = ""
        texts[0].text = value
        hint = properties.find(_W + "showingPlcHdr")
        if not value.strip() and hint is None:
            properties.append(etree.Element(_W + "showingPlcHdr"))  # Word shows the placeholder: nothing filled
        elif value.strip() and hint is not None:
            properties.remove(hint)
        filled += 1
    return filled
