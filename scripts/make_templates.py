#!/usr/bin/env python3
"""Writes the Word templates of Resources/templates/ (committed; the program never runs Python).

Each template is the layout of an administrative document under Decree 30/2020/ND-CP, Appendix I: A4, margins
20/20/30/15 mm, Times New Roman; the issuing body and the national motto side by side, each with its short rule
underneath; number and symbol; place and date; the kind and subject; the body; "Noi nhan" beside the signature
block; page numbers at the top from the second page; the audit trail's head in the footer of every page.

Every text is a {{PLACEHOLDER}} (see docs/DOCUMENTS.md): the program fills them in the user's language. An office
changes its copy in Word (letterhead, fonts, spacing) and keeps every placeholder.

Usage: python3 scripts/make_templates.py [OUTPUT_FOLDER]   (default: Resources/templates)
The output is byte-for-byte the same on every run (fixed dates, fixed order).
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DATE = (2025, 7, 1, 0, 0, 0)

# A4 less 30 mm left and 15 mm right, in twentieths of a point.
TEXT_WIDTH = 9355


def el(name, attrs=None, *children):
    """An element as text; attribute values and text escaped."""
    attributes = "".join(" %s=%s" % (k, quoteattr(v)) for k, v in (attrs or {}).items())
    if not children:
        return "<%s%s/>" % (name, attributes)
    return "<%s%s>%s</%s>" % (name, attributes, "".join(children), name)


def run(text, bold=False, italic=False, size=None):
    props = []
    if bold:
        props.append(el("w:b"))
    if italic:
        props.append(el("w:i"))
    if size:
        props += [el("w:sz", {"w:val": str(size)}), el("w:szCs", {"w:val": str(size)})]
    rpr = el("w:rPr", None, *props) if props else ""
    return el("w:r", None, rpr, el("w:t", {"xml:space": "preserve"}, escape(text)))


def para(content="", align="center", before=0, after=0, keep=False):
    props = []
    if keep:
        props.append(el("w:keepNext"))
    props.append(el("w:spacing", {"w:before": str(before), "w:after": str(after)}))
    props.append(el("w:jc", {"w:val": align}))
    return el("w:p", None, el("w:pPr", None, *props), content)


def rule(indent):
    """The short line Decree 30 draws under the issuer, the slogan and the subject: an empty two-point paragraph
    with a bottom border, indented from both sides by `indent` twips."""
    props = el("w:pPr", None,
               el("w:keepNext"),
               el("w:pBdr", None, el("w:bottom", {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"})),
               el("w:spacing", {"w:before": "0", "w:after": "0", "w:line": "40", "w:lineRule": "exact"}),
               el("w:ind", {"w:left": str(indent), "w:right": str(indent)}),
               el("w:rPr", None, el("w:sz", {"w:val": "4"})))
    return el("w:p", None, props)


def cell(width, *paragraphs):
    return el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": str(width), "w:type": "dxa"})), *paragraphs)


def layout_table(widths, *cells):
    none = {"w:val": "nil"}
    borders = el("w:tblBorders", None, *[el("w:" + side, none) for side in
                                           ("top", "left", "bottom", "right", "insideH", "insideV")])
    props = el("w:tblPr", None, el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}), borders,
               el("w:tblLayout", {"w:type": "fixed"}),
               el("w:tblCellMar", None, el("w:left", {"w:w": "0", "w:type": "dxa"}),
                  el("w:right", {"w:w": "0", "w:type": "dxa"})))
    grid = el("w:tblGrid", None, *[el("w:gridCol", {"w:w": str(w)}) for w in widths])
    return el("w:tbl", None, props, grid, el("w:tr", None, *cells))


def document():
    """The body of every template. Line one of the issuer is the body above it (plain); line two, the issuer
    itself (bold). A People's Committee has none above it: the program leaves line one empty, the paragraph goes,
    and the committee's name stands in bold on two lines."""
    header = layout_table(
        [3685, 5670],
        cell(3685,
             para(run("{{CO_QUAN_CHU_QUAN}}", size=26)),
             para(run("{{CO_QUAN_BAN_HANH}}", bold=True, size=26)),
             rule(1100),
             para(run("{{SO_KY_HIEU}}", size=26), before=120)),
        cell(5670,
             para(run("{{QUOC_HIEU}}", bold=True, size=24)),
             para(run("{{TIEU_NGU}}", bold=True, size=26)),
             rule(1250),
             para(run("{{DIA_DANH_NGAY}}", italic=True, size=26), before=120)))
    closing = layout_table(
        [4400, 4955],
        cell(4400,
             para(run("{{NOI_NHAN_TIEU_DE}}", bold=True, italic=True, size=24), align="left", before=240),
             para(run("{{NOI_NHAN}}", size=22), align="left")),
        cell(4955,
             para(run("{{QUYEN_HAN_KY}}", bold=True, size=26), before=240),
             para(run("{{CHUC_VU_KY}}", bold=True, size=26)),
             para(), para(), para(), para(),
             para(run("{{HO_TEN_KY}}", bold=True, size=26))))
    section = el("w:sectPr", None,
                 el("w:headerReference", {"w:type": "default", "r:id": "rIdHeader"}),
                 el("w:headerReference", {"w:type": "first", "r:id": "rIdHeaderFirst"}),
                 el("w:footerReference", {"w:type": "default", "r:id": "rIdFooter"}),
                 el("w:footerReference", {"w:type": "first", "r:id": "rIdFooterFirst"}),
                 el("w:pgSz", {"w:w": "11906", "w:h": "16838"}),
                 el("w:pgMar", {"w:top": "1134", "w:right": "850", "w:bottom": "1134", "w:left": "1701",
                                "w:header": "567", "w:footer": "567", "w:gutter": "0"}),
                 el("w:titlePg"))
    body = el("w:body", None,
              header,
              para(run("{{TEN_LOAI}}", bold=True), before=360, keep=True),
              para(run("{{TRICH_YEU}}", bold=True), keep=True),
              rule(3600),
              para(run("{{NOI_DUNG}}"), align="both", before=0, after=120),
              closing,
              section)
    return el("w:document", {"xmlns:w": W, "xmlns:r": R}, body)


def header_with_page_number():
    field = "".join([
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "begin"})),
        el("w:r", None, el("w:instrText", {"xml:space": "preserve"}, " PAGE ")),
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "separate"})),
        run("2", size=26),
        el("w:r", None, el("w:fldChar", {"w:fldCharType": "end"})),
    ])
    return el("w:hdr", {"xmlns:w": W, "xmlns:r": R}, para(field))


def empty_header():
    return el("w:hdr", {"xmlns:w": W, "xmlns:r": R}, para())


def footer():
    return el("w:ftr", {"xmlns:w": W, "xmlns:r": R}, para(run("{{DAU_NHAT_KY}}", italic=True, size=18)))


def styles():
    fonts = {"w:ascii": "Times New Roman", "w:hAnsi": "Times New Roman", "w:cs": "Times New Roman",
             "w:eastAsia": "Times New Roman"}
    defaults = el("w:docDefaults", None,
                  el("w:rPrDefault", None, el("w:rPr", None, el("w:rFonts", fonts), el("w:sz", {"w:val": "28"}),
                                                el("w:szCs", {"w:val": "28"}), el("w:lang", {"w:val": "vi-VN"}))),
                  el("w:pPrDefault", None, el("w:pPr", None, el("w:spacing", {"w:after": "0", "w:line": "264",
                                                                             "w:lineRule": "auto"}))))
    normal = el("w:style", {"w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"},
                el("w:name", {"w:val": "Normal"}), el("w:qFormat"))
    table = el("w:style", {"w:type": "table", "w:default": "1", "w:styleId": "TableNormal"},
               el("w:name", {"w:val": "Normal Table"}),
               el("w:tblPr", None, el("w:tblCellMar", None,
                                      el("w:left", {"w:w": "108", "w:type": "dxa"}),
                                      el("w:right", {"w:w": "108", "w:type": "dxa"}))))
    return el("w:styles", {"xmlns:w": W}, defaults, normal, table)


def settings():
    return el("w:settings", {"xmlns:w": W}, el("w:defaultTabStop", {"w:val": "720"}),
              el("w:characterSpacingControl", {"w:val": "doNotCompress"}))


def content_types():
    t = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    overrides = [("/word/document.xml", t + "document.main+xml"), ("/word/styles.xml", t + "styles+xml"),
                 ("/word/settings.xml", t + "settings+xml"), ("/word/header1.xml", t + "header+xml"),
                 ("/word/header2.xml", t + "header+xml"), ("/word/footer1.xml", t + "footer+xml"),
                 ("/word/footer2.xml", t + "footer+xml")]
    return el("Types", {"xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"},
              el("Default", {"Extension": "rels",
                             "ContentType": "application/vnd.openxmlformats-package.relationships+xml"}),
              el("Default", {"Extension": "xml", "ContentType": "application/xml"}),
              *[el("Override", {"PartName": p, "ContentType": c}) for p, c in overrides])


def relationships(items):
    return el("Relationships", {"xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"},
              *[el("Relationship", {"Id": i, "Type": R + "/" + t, "Target": target}) for i, t, target in items])


def template():
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", relationships([("rId1", "officeDocument", "word/document.xml")])),
        ("word/document.xml", document()),
        ("word/_rels/document.xml.rels", relationships([
            ("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
            ("rIdHeader", "header", "header1.xml"), ("rIdHeaderFirst", "header", "header2.xml"),
            ("rIdFooter", "footer", "footer1.xml"), ("rIdFooterFirst", "footer", "footer2.xml")])),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/header1.xml", header_with_page_number()),
        ("word/header2.xml", empty_header()),
        ("word/footer1.xml", footer()),
        ("word/footer2.xml", footer()),
    ], declaration


# One file per kind of document, so that an office can change one without the others: the plan and the year-end
# report and the evaluation sheet (issued by the centre), the approval decision and the summary report (by the
# People's Committee, or for a province by its Department of Education).
TEMPLATES = ["ke-hoach.docx", "quyet-dinh.docx", "bao-cao-tong-ket.docx", "bao-cao-tong-hop.docx",
             "danh-gia-xep-loai.docx"]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Resources",
                                                                 "templates")
    os.makedirs(folder, exist_ok=True)
    for name in sorted(TEMPLATES):
        parts, declaration = template()
        path = os.path.join(folder, name)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, xml in parts:
                info = zipfile.ZipInfo(part, DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, declaration + xml)
        print(path)


if __name__ == "__main__":
    main()
