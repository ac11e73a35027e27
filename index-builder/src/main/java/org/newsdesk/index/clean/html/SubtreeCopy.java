package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * A jsoup copy of a small part of a {@link PageTree} (a caption, a headline, a byline) whose {@code text()} is the
 * text of that part of the page, to the character: for readers that hand such a part to jsoup's text rendering or
 * selectors. {@link PageTree#toElement} gives every element its HTML tag, which renders the page's own elements
 * differently when they are SVG or MathML ones: the tree keeps no namespaces, and an {@code svg} is a block, and
 * an SVG {@code title} inline, only in theirs. This copy gives each element the tag of the namespace jsoup's HTML
 * parser put it in, found from the element names on the way down from the document by the parser's rules (below;
 * one exception, at {@link #SVG_HTML_INTEGRATION}).
 * And jsoup keeps the whitespace of text under a {@code pre} (or another whitespace-preserving tag) up to five
 * levels above it, so when one of the part's five nearest ancestors is one, the copy hangs under copies of them
 * (bare: name only).
 *
 * <p>Stateless. Linear in the part's size plus its depth in the page; no recursion.
 */
final class SubtreeCopy {
  private static final String HTML = Parser.NamespaceHtml;
  private static final String SVG = Parser.NamespaceSvg;
  private static final String MATHML = Parser.NamespaceMathml;
  /** jsoup looks for a whitespace-preserving tag on a text's parent and its five nearest ancestors. */
  private static final int PRESERVE_REACH = 5;
  /** Start tags that jsoup's parser handles as HTML inside foreign content (its {@code InForeignToHtml}). */
  private static final Set<String> BREAKOUT = Set.of("b", "big", "blockquote", "body", "br", "center", "code", "dd",
      "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li",
      "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strike", "strong", "sub",
      "sup", "table", "tt", "u", "ul", "var");
  /**
   * SVG elements whose content is HTML (jsoup's {@code TagSvgHtmlIntegration}). jsoup compares the name as the page
   * writes it ({@code desc}, {@code foreignObject}, {@code title}); the tree keeps it in lower case only, so one
   * written otherwise ({@code foreignobject}, {@code DESC}), which jsoup takes for no integration point, is taken
   * for one here: the one place where a copy may not render as the page's element (and only inside SVG, which
   * the extractor's slimming empties).
   */
  private static final Set<String> SVG_HTML_INTEGRATION = Set.of("desc", "foreignobject", "title");
  /** MathML elements whose content is HTML but for two MathML elements (jsoup's {@code TagMathMlTextIntegration}). */
  private static final Set<String> MATHML_TEXT_INTEGRATION = Set.of("mi", "mn", "mo", "ms", "mtext");
  /**
   * The HTML tags of the {@link PageLexer}'s names, by its id, made once: {@link Tag#valueOf} copies jsoup's tag
   * table and the tag on every call. Shared by the copies, never changed.
   */
  private static final Tag[] HTML_TAGS = htmlTags();

  private SubtreeCopy() {}

  /** The text of the element {@code node}, as jsoup's {@code Element.text()} gives it for the page's element. */
  static String text(PageTree tree, int node) {
    return of(tree, node).text();
  }

  /**
   * Whether the {@link #text} of the element {@code node} is blank. A letter or digit in a text below it settles
   * it without a copy (jsoup's text keeps every text character but whitespace and a few invisible ones).
   */
  static boolean isTextBlank(PageTree tree, int node) {
    for (int n = node + 1, end = tree.end(node); n <= end; n++) {
      if (tree.kind(n) == PageTree.TEXT && hasLetterOrDigit(tree.text(n))) {
        return false;
      }
    }
    return text(tree, node).isBlank();
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A copy of the element {@code node} and its subtree, attributes copied; its parent, if any, is a bare copy of
   * the element's ancestors that keep whitespace (see above), so treat it as a part of nothing: do not look up.
   */
  static Element of(PageTree tree, int node) {
    if (!tree.isElement(node)) {
      throw new IllegalArgumentException("node " + node + " is not an element");
    }
    int[] ancestors = ancestors(tree, node);
    String[] namespaces = new String[ancestors.length];
    String parentNs = HTML; // the document's children are read as HTML
    for (int i = ancestors.length - 1; i >= 0; i--) {
      namespaces[i] = namespace(tree, ancestors[i], parentNs);
      parentNs = namespaces[i];
    }
    Element copy = copy(tree, node, namespace(tree, node, parentNs));
    wrapInPreservingAncestors(copy, tree, ancestors, namespaces);
    return copy;
  }

  /** The element ancestors of {@code node}, nearest first (the document not included). */
  private static int[] ancestors(PageTree tree, int node) {
    int[] up = new int[16];
    int count = 0;
    for (int p = tree.parent(node); p > 0; p = tree.parent(p)) {
      if (count == up.length) {
        up = Arrays.copyOf(up, count * 2);
      }
      up[count++] = p;
    }
    return Arrays.copyOf(up, count);
  }

  /**
   * The namespace jsoup's HTML parser gives the element {@code node}, whose parent's is {@code parentNs}: where
   * the parent is HTML or an integration point, the element is read as HTML, so it is an SVG {@code svg}, a
   * MathML {@code math}, or HTML; under a MathML {@code annotation-xml} an {@code svg} is SVG; inside foreign
   * content the breakout tags (and a {@code font} with {@code color}, {@code face} or {@code size}) are read as
   * HTML, in place; any other element takes its parent's namespace.
   */
  static String namespace(PageTree tree, int node, String parentNs) {
    String name = tree.name(node);
    int parent = tree.parent(node);
    if (parentNs.equals(HTML) || isHtmlIntegrationPoint(tree, parent, parentNs)
        || (parentNs.equals(MATHML) && MATHML_TEXT_INTEGRATION.contains(tree.name(parent))
            && !name.equals("mglyph") && !name.equals("malignmark"))) {
      return name.equals("svg") ? SVG : name.equals("math") ? MATHML : HTML;
    }
    if (parentNs.equals(MATHML) && name.equals("svg") && tree.name(parent).equals("annotation-xml")) {
      return SVG;
    }
    if (BREAKOUT.contains(name) || (name.equals("font")
        && (tree.hasAttr(node, "color") || tree.hasAttr(node, "face") || tree.hasAttr(node, "size")))) {
      return HTML;
    }
    return parentNs;
  }

  private static boolean isHtmlIntegrationPoint(PageTree tree, int element, String ns) {
    if (ns.equals(SVG)) {
      return SVG_HTML_INTEGRATION.contains(tree.name(element));
    }
    if (ns.equals(MATHML) && tree.name(element).equals("annotation-xml")) {
      String encoding = tree.attr(element, "encoding").trim().toLowerCase(Locale.ENGLISH);
      return encoding.equals("text/html") || encoding.equals("application/xhtml+xml");
    }
    return false;
  }

  /** The subtree of {@code node}, whose namespace is {@code ns}, as jsoup nodes; an iterative walk. */
  private static Element copy(PageTree tree, int node, String ns) {
    Element root = element(tree, node, ns);
    Element[] open = new Element[16];
    String[] openNs = new String[16];
    int[] openEnd = new int[16];
    int depth = 0;
    open[0] = root;
    openNs[0] = ns;
    openEnd[0] = tree.end(node);
    for (int n = node + 1; n <= tree.end(node); n++) {
      while (n > openEnd[depth]) {
        depth--;
      }
      Node made;
      switch (tree.kind(n)) {
        case PageTree.ELEMENT -> {
          String childNs = namespace(tree, n, openNs[depth]);
          Element e = element(tree, n, childNs);
          open[depth].appendChild(e);
          if (tree.end(n) > n) {
            if (++depth == open.length) {
              open = Arrays.copyOf(open, depth * 2);
              openNs = Arrays.copyOf(openNs, depth * 2);
              openEnd = Arrays.copyOf(openEnd, depth * 2);
            }
            open[depth] = e;
            openNs[depth] = childNs;
            openEnd[depth] = tree.end(n);
          }
          continue;
        }
        case PageTree.DATA -> made = new DataNode(tree.text(n));
        case PageTree.COMMENT -> made = new Comment(tree.text(n));
        case PageTree.TEXT -> made = new TextNode(tree.text(n));
        default -> {
          continue; // a doctype is never inside an element
        }
      }
      open[depth].appendChild(made);
    }
    return root;
  }

  private static Element element(PageTree tree, int node, String ns) {
    Attributes a = tree.attributes(node);
    return new Element(tag(tree, node, ns), "", a == null ? null : a.clone());
  }

  /** jsoup's tag for the element {@code node} in namespace {@code ns}. */
  private static Tag tag(PageTree tree, int node, String ns) {
    int id = tree.tag(node);
    return id >= 0 && ns.equals(HTML) ? HTML_TAGS[id] : Tag.valueOf(tree.name(node), ns, ParseSettings.htmlDefault);
  }

  private static Tag[] htmlTags() {
    Tag[] tags = new Tag[PageLexer.tagCount()];
    for (int id = 0; id < tags.length; id++) {
      tags[id] = Tag.valueOf(PageLexer.knownTagName(id), HTML, ParseSettings.htmlDefault);
    }
    return tags;
  }

  /**
   * Hangs {@code copy} under bare copies of its nearest {@link #PRESERVE_REACH} ancestors when one of them keeps
   * whitespace (jsoup's {@code Element.text()} looks that far up from a text's parent).
   */
  private static void wrapInPreservingAncestors(Element copy, PageTree tree, int[] ancestors, String[] namespaces) {
    int reach = Math.min(PRESERVE_REACH, ancestors.length);
    boolean preserving = false;
    for (int i = 0; i < reach && !preserving; i++) {
      preserving = tag(tree, ancestors[i], namespaces[i]).preserveWhitespace();
    }
    if (!preserving) {
      return;
    }
    Element child = copy;
    for (int i = 0; i < reach; i++) {
      Element parent = new Element(tag(tree, ancestors[i], namespaces[i]), "");
      parent.appendChild(child);
      child = parent;
    }
  }
}
