"""A small element tree of an HTML page (html.parser only), enough to find elements by tag, class or id and
read their text, so that a number is read together with the label beside it."""
import html.parser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def clean(self):
        return " ".join(self.text().split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, cls=None, id=None, **attrs):
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            if cls and cls not in node.classes:
                continue
            if id and node.attrs.get("id") != id:
                continue
            if any(node.attrs.get(k) != v for k, v in attrs.items()):
                continue
            yield node

    def find(self, tag=None, cls=None, id=None, **attrs):
        return next(self.find_all(tag, cls, id, **attrs), None)

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = Builder()
    builder.feed(page)
    builder.close()
    return builder.root


def table_rows(table: Node):
    """The rows of a table as lists of cell texts (th and td), header rows included."""
    rows = []
    for tr in table.find_all("tr"):
        rows.append([cell.clean() for cell in tr.elements() if cell.tag in ("th", "td")])
    return rows
