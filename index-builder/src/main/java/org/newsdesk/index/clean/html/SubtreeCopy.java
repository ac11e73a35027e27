package org.newsdesk.index.clean.html;

import java.util.Arrays;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * A jsoup copy of a small part of a {@link PageTree} (a caption, a headline, a byline, a short paragraph) whose
 * {@code text()} is the text of that part of the page, to the character: for readers that hand such a part to
 * jsoup's text rendering or selectors. Each element gets jsoup's tag in the namespace the page put it in (an
 * {@code svg} is a block, and an SVG {@code title} inline, only in theirs). And jsoup keeps the whitespace of text
 * under a {@code pre} (or another whitespace-preserving tag) up to five levels above it, so when one of the part's
 * five nearest ancestors is one, the copy hangs under copies of them (bare: name only).
 *
 * <p>Stateless. Linear in the part's size plus its depth in the page; no recursion.
 */
final class SubtreeCopy {
  private static final String HTML = Parser.NamespaceHtml;
  /** jsoup looks for a whitespace-preserving tag on a text's parent and its five nearest ancestors. */
  private static final int PRESERVE_REACH = 5;
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
    return of(tree, node, null);
  }

  /** {@link #of(PageTree, int)} without the subtrees whose roots {@code skip} marks (null: none). */
  static Element of(PageTree tree, int node, boolean[] skip) {
    if (!tree.isElement(node)) {
      throw new IllegalArgumentException("node " + node + " is not an element");
    }
    Element copy = copy(tree, node, skip);
    wrapInPreservingAncestors(copy, tree, ancestors(tree, node));
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

  /** The subtree of {@code node} as jsoup nodes, without the subtrees {@code skip} marks; an iterative walk. */
  private static Element copy(PageTree tree, int node, boolean[] skip) {
    Element root = element(tree, node);
    Element[] open = new Element[16];
    int[] openEnd = new int[16];
    int depth = 0;
    open[0] = root;
    openEnd[0] = tree.end(node);
    for (int n = node + 1; n <= tree.end(node); n++) {
      while (n > openEnd[depth]) {
        depth--;
      }
      if (skip != null && skip[n]) {
        n = tree.end(n);
        continue;
      }
      Node made;
      switch (tree.kind(n)) {
        case PageTree.ELEMENT -> {
          Element e = element(tree, n);
          open[depth].appendChild(e);
          if (tree.end(n) > n) {
            if (++depth == open.length) {
              open = Arrays.copyOf(open, depth * 2);
              openEnd = Arrays.copyOf(openEnd, depth * 2);
            }
            open[depth] = e;
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

  private static Element element(PageTree tree, int node) {
    return new Element(tag(tree, node), "", tree.attributes(node)); // a copy of its own
  }

  /** jsoup's tag for the element {@code node}, in its namespace. */
  private static Tag tag(PageTree tree, int node) {
    int id = tree.tag(node);
    String ns = tree.namespace(node);
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
  private static void wrapInPreservingAncestors(Element copy, PageTree tree, int[] ancestors) {
    int reach = Math.min(PRESERVE_REACH, ancestors.length);
    boolean preserving = false;
    for (int i = 0; i < reach && !preserving; i++) {
      preserving = tag(tree, ancestors[i]).preserveWhitespace();
    }
    if (!preserving) {
      return;
    }
    Element child = copy;
    for (int i = 0; i < reach; i++) {
      Element parent = new Element(tag(tree, ancestors[i]), "");
      parent.appendChild(child);
      child = parent;
    }
  }
}
