package org.newsdesk.index.clean.html;

import java.util.Arrays;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A parsed page as flat arrays, one entry per node in document order (pre-order): the tree the extractor reads.
 * Node 0 is the document; an element's subtree is the interval {@code [node, end(node)]}, so its first child is
 * {@code node + 1} (when {@code end(node) > node}) and a child's next sibling is {@code end(child) + 1} (while that
 * is at most {@code end(parent)}). Walking an interval visits the subtree in document order without recursion,
 * and skipping a subtree is one jump.
 *
 * <p>The same tree as jsoup's {@link Document} of the page: {@link #of(Document)} converts one (pages the
 * {@link PageTreeBuilder} declines are parsed by jsoup and converted), and the tests compare the two.
 *
 * <p>Built once by a {@link Builder}, then read-only; readers that remove parts of the page keep their own marks.
 * Not thread-safe while built; safe to read from several threads after.
 */
final class PageTree {
  /** The document: node 0, and only it. */
  static final byte DOCUMENT = 0;
  static final byte ELEMENT = 1;
  /** Text, also CDATA. */
  static final byte TEXT = 2;
  /** The text of {@code script} and {@code style}, which is not page text. */
  static final byte DATA = 3;
  static final byte COMMENT = 4;
  static final byte DOCTYPE = 5;

  /**
   * Element namespaces, kept for {@link SubtreeCopy}: jsoup's tags for SVG and MathML elements are not the HTML
   * ones ({@code svg} is a block, an SVG {@code title} inline), which changes how their text is rendered.
   */
  static final byte HTML_NAMESPACE = 0;
  static final byte SVG_NAMESPACE = 1;
  static final byte MATHML_NAMESPACE = 2;
  private static final String[] NAMESPACE_URIS = {Parser.NamespaceHtml, Parser.NamespaceSvg, Parser.NamespaceMathml};

  /** Tag id of an element whose name is not one of {@link PageLexer}'s known names, and of the other nodes. */
  static final int UNKNOWN_TAG = -1;

  private static final WordTable NAMES = knownNames();

  private int size;
  private byte[] kind;
  private int[] parent;
  private int[] end;
  private int[] tag;
  /** Element names (lower case, the lexer's constant strings for known names); node text for the other kinds. */
  private String[] value;
  /**
   * Element attributes, flat: those of {@code node} are {@code attrKeys[i]} and {@code attrValues[i]} for {@code i}
   * from {@code attrFrom[node]} to {@code attrFrom[node] + attrCount[node]}, in the order of the tag. Keys are lower
   * case (the lexer's constant strings where it kept the name); a value is null for an attribute written without one
   * ({@code <div hidden>}), as in jsoup. A jsoup {@link Attributes} per element cost an object and two arrays to make
   * and a case-blind scan per look-up.
   */
  private int[] attrFrom;
  private int[] attrCount;
  private String[] attrKeys;
  private String[] attrValues;
  private int attrSize;
  /** Element namespaces: {@link #HTML_NAMESPACE} and the others. */
  private byte[] namespace;
  /**
   * The elements of each known tag in document order, as lists: the first by tag id, and each element's next with
   * its tag (-1 ends a list), so that a search for a tag's elements (scripts, meta tags, figcaptions) visits those
   * instead of the whole page.
   */
  private final int[] firstWithTag = new int[PageLexer.tagCount()];
  private int[] nextWithTag;

  private PageTree(int capacity) {
    kind = new byte[capacity];
    parent = new int[capacity];
    end = new int[capacity];
    tag = new int[capacity];
    value = new String[capacity];
    attrFrom = new int[capacity];
    attrCount = new int[capacity];
    attrKeys = new String[capacity]; // kept attributes: about one per node on news pages
    attrValues = new String[capacity];
    namespace = new byte[capacity];
    nextWithTag = new int[capacity];
    Arrays.fill(firstWithTag, -1);
  }

  /** How many nodes, the document included. */
  int size() {
    return size;
  }

  byte kind(int node) {
    return kind[node];
  }

  boolean isElement(int node) {
    return kind[node] == ELEMENT;
  }

  /** The parent node; -1 for the document. */
  int parent(int node) {
    return parent[node];
  }

  /** The last node of the subtree of {@code node} (itself when it has no children). */
  int end(int node) {
    return end[node];
  }

  /** The first child, or -1. */
  int firstChild(int node) {
    return end[node] > node ? node + 1 : -1;
  }

  /** The next sibling, or -1. */
  int nextSibling(int node) {
    int p = parent[node];
    int next = end[node] + 1;
    return p >= 0 && next <= end[p] ? next : -1;
  }

  /** The element's lower-case tag name ({@code normalName} in jsoup); null for other nodes. */
  String name(int node) {
    return kind[node] == ELEMENT ? value[node] : null;
  }

  /** The {@link PageLexer} id of the element's tag name, or {@link #UNKNOWN_TAG}. */
  int tag(int node) {
    return tag[node];
  }

  /** The text of a text, data or comment node (as jsoup's {@code getWholeText}/{@code getData}); null otherwise. */
  String text(int node) {
    byte k = kind[node];
    return k == TEXT || k == DATA || k == COMMENT ? value[node] : null;
  }

  /** A copy of the element's attributes as jsoup's, or null when it has none (for jsoup copies and tests). */
  Attributes attributes(int node) {
    int count = attrCount[node];
    if (count == 0) {
      return null;
    }
    Attributes a = new Attributes();
    for (int i = attrFrom[node], end = i + count; i < end; i++) {
      a.add(attrKeys[i], attrValues[i]);
    }
    return a;
  }

  /** The first element with the known tag {@code tagId} ({@link #tag}), or -1. */
  int firstWithTag(int tagId) {
    return firstWithTag[tagId];
  }

  /** The next element after {@code node} with its (known) tag, in document order, or -1. */
  int nextWithTag(int node) {
    return nextWithTag[node];
  }

  /** How many attributes the element has (jsoup's {@code attributesSize}). */
  int attributesSize(int node) {
    return attrCount[node];
  }

  /**
   * The attribute's value, or "" (jsoup's {@code Element.attr}, whose key is matched ignoring case: here the keys
   * are lower case, and so must {@code key} be).
   */
  String attr(int node, String key) {
    int i = attrIndex(node, key);
    String v = i < 0 ? null : attrValues[i];
    return v == null ? "" : v;
  }

  /** Where the attribute {@code key} (lower case) of the element is in the flat arrays, or -1. */
  private int attrIndex(int node, String key) {
    for (int i = attrFrom[node], end = i + attrCount[node]; i < end; i++) {
      if (attrKeys[i].equals(key)) { // most often the same constant string: equals checks identity first
        return i;
      }
    }
    return -1;
  }

  /** Whether the element has the attribute (jsoup's {@code hasAttr}; {@code key} in lower case, as {@link #attr}). */
  boolean hasAttr(int node, String key) {
    return attrIndex(node, key) >= 0;
  }

  /** The class attribute, trimmed (jsoup's {@code className}). */
  String className(int node) {
    return attr(node, "class").trim();
  }

  /** The id attribute (jsoup's {@code id}). */
  String id(int node) {
    return attr(node, "id");
  }

  /**
   * The body element, as jsoup's {@code Document.body()} finds it: the first {@code body} or {@code frameset} child
   * of the first {@code html} child of the document; -1 when there is none.
   */
  int body() {
    int html = firstChildElement(0, "html");
    if (html < 0) {
      return -1;
    }
    for (int c = firstChild(html); c >= 0; c = nextSibling(c)) {
      if (kind[c] == ELEMENT && (value[c].equals("body") || value[c].equals("frameset"))) {
        return c;
      }
    }
    return -1;
  }

  /** The first element child of {@code node} named {@code name}, or -1. */
  int firstChildElement(int node, String name) {
    for (int c = firstChild(node); c >= 0; c = nextSibling(c)) {
      if (kind[c] == ELEMENT && value[c].equals(name)) {
        return c;
      }
    }
    return -1;
  }

  /** Whether {@code node} lies in the subtree of {@code ancestor} (itself included). */
  boolean isInside(int node, int ancestor) {
    return node >= ancestor && node <= end[ancestor];
  }


  /** The element's namespace URI, as jsoup's tag has it: HTML, or SVG or MathML for foreign content. */
  String namespace(int node) {
    return NAMESPACE_URIS[namespace[node]];
  }

  /**
   * The tree of a jsoup document. CDATA counts as text; a {@code script} or {@code style} element's data as
   * {@link #DATA}.
   */
  static PageTree of(Document document) {
    Builder b = new Builder(1024);
    // iterative pre-order walk: down to the first child, else on to the next sibling, else up and on; the
    // stack holds the tree nodes of the jsoup elements being walked
    int[] parents = new int[32];
    int depth = 0;
    parents[0] = 0;
    Node node = document.childNodeSize() == 0 ? null : document.childNode(0);
    while (node != null) {
      int parent = parents[depth];
      if (node instanceof Element e) {
        String ns = e.tag().namespace();
        byte namespace = ns.equals(Parser.NamespaceSvg) ? SVG_NAMESPACE
            : ns.equals(Parser.NamespaceMathml) ? MATHML_NAMESPACE : HTML_NAMESPACE;
        int made = b.element(parent, e.normalName(), tagId(e.normalName()),
            e.attributesSize() == 0 ? null : e.attributes(), namespace);
        if (e.childNodeSize() > 0) {
          if (++depth == parents.length) {
            parents = Arrays.copyOf(parents, depth * 2);
          }
          parents[depth] = made;
          node = e.childNode(0);
          continue;
        }
      } else if (node instanceof TextNode t) { // CDATA too
        b.leaf(parent, TEXT, t.getWholeText());
      } else if (node instanceof DataNode d) {
        b.leaf(parent, DATA, d.getWholeData());
      } else if (node instanceof Comment c) {
        b.leaf(parent, COMMENT, c.getData());
      } else if (node instanceof DocumentType) {
        b.leaf(parent, DOCTYPE, null);
      } else {
        b.leaf(parent, COMMENT, ""); // nothing else occurs in an HTML parse
      }
      while (node != null && node.nextSibling() == null) {
        node = node.parent();
        depth--;
        if (node == document) {
          node = null;
        }
      }
      if (node != null) {
        node = node.nextSibling();
      }
    }
    return b.finish();
  }

  /** The lexer id of a lower-case tag name, or {@link #UNKNOWN_TAG}. */
  static int tagId(String name) {
    return NAMES.id(name.toCharArray(), 0, name.length());
  }

  private static WordTable knownNames() {
    String[] names = new String[PageLexer.tagCount()];
    for (int id = 0; id < names.length; id++) {
      names[id] = PageLexer.knownTagName(id);
    }
    WordTable table = new WordTable(Arrays.asList(names));
    for (int id = 0; id < names.length; id++) {
      if (table.id(names[id].toCharArray(), 0, names[id].length()) != id) {
        throw new AssertionError("the lexer's tag ids are not its word table's order");
      }
    }
    return table;
  }

  /**
   * Appends nodes in document order. A node can only be appended as the last child of a node on the <em>open
   * path</em> (the last node appended and its ancestors): anything else would put it before nodes already in the
   * tree, and is refused with an {@link IllegalStateException} (the {@link PageTreeBuilder} then declines the page).
   * Appending under a node closes the nodes of the open path below it. Node 0, the document, is always open.
   */
  static final class Builder {
    private final PageTree tree;
    /** The last element appended with each known tag, -1 for none yet: where its list grows. */
    private final int[] lastWithTag = new int[PageLexer.tagCount()];
    /** The open path, outermost first. */
    private int[] path = new int[32];
    private int depth;

    Builder(int capacity) {
      tree = new PageTree(Math.max(16, capacity));
      tree.kind[0] = DOCUMENT;
      tree.parent[0] = -1;
      tree.tag[0] = UNKNOWN_TAG;
      tree.value[0] = "#root";
      tree.size = 1;
      path[0] = 0;
      depth = 1;
      Arrays.fill(lastWithTag, -1);
    }

    /**
     * Appends an element as the last child of {@code parent}; returns it. {@code name} in lower case; the attributes
     * (lower-case names, null for none) are copied.
     */
    int element(int parent, String name, Attributes attributes) {
      return element(parent, name, tagId(name), attributes);
    }

    /** {@link #element(int, String, Attributes)} when the caller knows the lexer's id of the name. */
    int element(int parent, String name, int tagId, Attributes attributes) {
      return element(parent, name, tagId, attributes, HTML_NAMESPACE);
    }

    /** {@link #element(int, String, int, Attributes)} in the SVG or MathML namespace. */
    int element(int parent, String name, int tagId, Attributes attributes, byte namespace) {
      int node = element(parent, name, tagId, null, null, 0, namespace);
      if (attributes != null) {
        for (Attribute a : attributes) {
          addAttribute(node, a.getKey(), a.hasDeclaredValue() ? a.getValue() : null);
        }
      }
      return node;
    }

    /**
     * Appends an element with the first {@code count} attributes of {@code keys} and {@code values} (the lexer's,
     * copied: names in lower case, a null value for an attribute without one).
     */
    int element(int parent, String name, int tagId, String[] keys, String[] values, int count, byte namespace) {
      int node = add(parent, ELEMENT, name);
      PageTree t = tree;
      t.namespace[node] = namespace;
      t.tag[node] = tagId;
      if (tagId >= 0) {
        int last = lastWithTag[tagId];
        if (last < 0) {
          t.firstWithTag[tagId] = node;
        } else {
          t.nextWithTag[last] = node;
        }
        t.nextWithTag[node] = -1;
        lastWithTag[tagId] = node;
      }
      int from = t.attrSize;
      t.attrFrom[node] = from;
      if (count > 0) {
        if (from + count > t.attrKeys.length) {
          int capacity = Math.max(t.attrKeys.length * 2, from + count);
          t.attrKeys = Arrays.copyOf(t.attrKeys, capacity);
          t.attrValues = Arrays.copyOf(t.attrValues, capacity);
        }
        System.arraycopy(keys, 0, t.attrKeys, from, count);
        System.arraycopy(values, 0, t.attrValues, from, count);
        t.attrSize = from + count;
        t.attrCount[node] = count;
      }
      if (depth == path.length) {
        path = Arrays.copyOf(path, depth * 2);
      }
      path[depth++] = node;
      return node;
    }

    /** Adds an attribute to {@code node}, the last element appended. */
    private void addAttribute(int node, String key, String value) {
      PageTree t = tree;
      int at = t.attrSize;
      if (at == t.attrKeys.length) {
        t.attrKeys = Arrays.copyOf(t.attrKeys, at * 2);
        t.attrValues = Arrays.copyOf(t.attrValues, at * 2);
      }
      t.attrKeys[at] = key;
      t.attrValues[at] = value;
      t.attrSize = at + 1;
      t.attrCount[node]++;
    }

    /** Appends a text, data, comment or doctype node as the last child of {@code parent}; returns it. */
    int leaf(int parent, byte kind, String text) {
      int node = add(parent, kind, text);
      tree.tag[node] = UNKNOWN_TAG;
      return node;
    }

    /** Whether a node can be appended under {@code node}: it is on the open path. */
    boolean isOpen(int node) {
      for (int i = depth - 1; i >= 0; i--) {
        if (path[i] == node) {
          return true;
        }
        if (path[i] < node) {
          return false;
        }
      }
      return false;
    }

    /** The tree; the builder is done. */
    PageTree finish() {
      closeDownTo(0);
      tree.end[0] = tree.size - 1;
      depth = 0;
      return tree;
    }

    private int add(int parent, byte kind, String value) {
      closeDownTo(parent);
      PageTree t = tree;
      int node = t.size;
      if (node == t.kind.length) {
        int capacity = node * 2;
        t.kind = Arrays.copyOf(t.kind, capacity);
        t.parent = Arrays.copyOf(t.parent, capacity);
        t.end = Arrays.copyOf(t.end, capacity);
        t.tag = Arrays.copyOf(t.tag, capacity);
        t.value = Arrays.copyOf(t.value, capacity);
        t.attrFrom = Arrays.copyOf(t.attrFrom, capacity);
        t.attrCount = Arrays.copyOf(t.attrCount, capacity);
        t.namespace = Arrays.copyOf(t.namespace, capacity);
        t.nextWithTag = Arrays.copyOf(t.nextWithTag, capacity);
      }
      t.kind[node] = kind;
      t.parent[node] = parent;
      t.end[node] = node; // an element's is set when it leaves the open path
      t.value[node] = value;
      t.size = node + 1;
      return node;
    }

    /** Closes the nodes of the open path below {@code node}, which must be on it. */
    private void closeDownTo(int node) {
      int last = tree.size - 1;
      while (depth > 0 && path[depth - 1] != node) {
        if (path[depth - 1] < node) {
          throw new IllegalStateException("node " + node + " is closed: appending under it breaks document order");
        }
        tree.end[path[--depth]] = last;
      }
      if (depth == 0) {
        throw new IllegalStateException("node " + node + " is closed: appending under it breaks document order");
      }
    }
  }
}
