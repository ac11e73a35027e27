package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article text in a page body, in the manner of readability and trafilatura:
 * <ol>
 *   <li>prune: drop scripts, hidden elements, navigation, asides, footers, forms, and elements whose class or id
 *       names boilerplate (comments, share bars, related lists, newsletter boxes), unless they hold most of the text;
 *   <li>score: every block of text of 25+ characters scores 1 + commas + length/100 (max 3), and passes the score to
 *       its ancestors (parent fully, grandparent half, then a third per level), weighted by class hints;
 *   <li>pick: the candidate with the best score times (1 - link density), moved up to a common ancestor when
 *       several near-best candidates share one, then merged with sibling blocks that score or read like prose;
 *   <li>clean: inside the picked content, drop containers that look like link lists, image galleries or forms;
 *   <li>render: blocks become paragraphs separated by blank lines, minus link-dense and boilerplate lines.
 * </ol>
 * Works over the {@link PageTree}'s arrays: each pass is a walk of an interval, linear and without recursion, and
 * pruning marks subtrees rather than unlinking them. Stateless; one instance may serve many threads.
 */
final class ContentExtractor {
  /** A block shorter than this carries no score. */
  private static final int MIN_BLOCK = 25;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** Containers cleaned conditionally inside the picked content. */
  private static final Set<String> CONDITIONAL = Set.of(
      "div", "section", "ul", "ol", "dl", "table", "form", "fieldset", "aside", "header", "footer", "nav", "article",
      "figure", "center");

  /** The extracted text and a description of where it was found. */
  record Result(String body, String path, int parts) {}

  /** The article in the subtree of {@code body}, an element of {@code tree}. */
  Result extract(PageTree tree, int body) {
    Measure.Page page = new Measure.Page(tree);
    Candidates candidates = new Candidates();
    NodeStats bodyStats = Measure.of(page, body, null, (e, s, own) -> {
      if (e != body && mayBePruned(tree, e, s.flags)) {
        candidates.add(e, s);
      }
      return false;
    });
    // what each class and id value says, read once per page: values repeat across a page
    Map<String, Integer> hints = new HashMap<>();
    prune(page, bodyStats, candidates, hints);
    NodeStats[] stats = new NodeStats[tree.size()];
    Measure.of(page, body, stats, (e, s, own) -> {
      scoreBlock(tree, e, s, own, stats, body, hints);
      return false;
    });
    adjustForLinks(stats);
    int top = pickTop(page, body, stats);
    List<Integer> parts = mergeSiblings(page, top, stats, hints);
    boolean[] dropped = cleanConditionally(page, parts, stats, hints);
    String text = TextRenderer.render(page, parts, dropped);
    return new Result(text, describe(tree, top), parts.size());
  }

  // ---- 1. prune ------------------------------------------------------------------------------------------------

  /**
   * Removes the candidates (collected while measuring, with their stats) that are junk or furniture, outermost
   * first: what lies inside a removed element is not looked at, as in a top-down walk; so the class and id hints
   * are read only for what is left when the outer furniture is gone.
   */
  private static void prune(Measure.Page page, NodeStats body, Candidates candidates,
      Map<String, Integer> boilerplate) {
    PageTree tree = page.tree;
    int total = Math.max(1, body.text);
    int paragraphTotal = body.paragraphText;
    // Candidates came in post-order; backwards, an element comes before its descendants, which follow it
    // contiguously, so one interval says whether an element lies inside the last removed one.
    int removedFrom = Integer.MAX_VALUE;
    int removedUntil = -1;
    for (int i = candidates.size - 1; i >= 0; i--) {
      int[] s = candidates.stats;
      int at = i * Candidates.FIELDS;
      int e = s[at + Candidates.NODE];
      if (e > removedFrom && e <= removedUntil) {
        continue;
      }
      if (isJunk(tree, e, s[at + Candidates.FLAGS]) || isFurniture(tree, e, s[at + Candidates.TEXT],
          s[at + Candidates.PARAGRAPH_TEXT], s[at + Candidates.QUOTE_TEXT], total, paragraphTotal, boilerplate)) {
        page.removed[e] = true;
        removedFrom = e;
        removedUntil = tree.end(e);
      }
    }
  }

  /**
   * The prune candidates of the first measuring pass, in post-order, with the stats prune reads, in one int array
   * rather than a copy of each one's stats (the pass reuses them).
   */
  private static final class Candidates {
    static final int NODE = 0;
    static final int FLAGS = 1;
    static final int TEXT = 2;
    static final int PARAGRAPH_TEXT = 3;
    static final int QUOTE_TEXT = 4;
    static final int FIELDS = 5;

    int[] stats = new int[256 * FIELDS];
    int size;

    void add(int node, NodeStats s) {
      int at = size * FIELDS;
      if (at == stats.length) {
        stats = Arrays.copyOf(stats, at * 2);
      }
      stats[at + NODE] = node;
      stats[at + FLAGS] = s.flags;
      stats[at + TEXT] = s.text;
      stats[at + PARAGRAPH_TEXT] = s.paragraphText;
      stats[at + QUOTE_TEXT] = s.quoteText;
      size++;
    }
  }

  /**
   * Whether {@link #prune} must look at the element: junk and structural furniture by their tag, and any element with
   * attributes (hidden, a furniture role, a boilerplate class or id); the others are neither junk nor furniture.
   */
  private static boolean mayBePruned(PageTree tree, int e, int flags) {
    return (flags & (Tags.JUNK_FLAG | Tags.STRUCTURAL_FLAG)) != 0 || tree.attributesSize(e) > 0;
  }

  private static boolean isJunk(PageTree tree, int e, int flags) {
    if ((flags & Tags.JUNK_FLAG) != 0) {
      return true;
    }
    if (tree.attributesSize(e) == 0) {
      return false;
    }
    if (tree.hasAttr(e, "hidden") || "true".equalsIgnoreCase(tree.attr(e, "aria-hidden"))) {
      return true;
    }
    String style = tree.attr(e, "style");
    if (!style.isEmpty()) {
      String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (s.contains("display:none") || s.contains("visibility:hidden")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Navigation, asides, comments, share bars...: removed unless they hold half the page's text or 40% of its
   * paragraph text (a page wrapper named {@code with-sidebar} is not a sidebar).
   */
  private static boolean isFurniture(PageTree tree, int e, int text, int paragraphText, int quoteText, int total,
      int paragraphTotal, Map<String, Integer> boilerplate) {
    boolean structural = Tags.STRUCTURAL.contains(tree.name(e)) || hasFurnitureRole(tree, e);
    boolean furniture = structural || ClassHints.isBoilerplate(tree, e, boilerplate);
    if (!furniture) {
      return false;
    }
    if (!structural && quoteText * 2 >= text && quoteText >= 50) {
      return false; // an embedded post or quote (class "social-embed"), part of the story
    }
    return text < total / 2 && (paragraphTotal < 400 || paragraphText * 10 < paragraphTotal * 4);
  }

  private static boolean hasFurnitureRole(PageTree tree, int e) {
    if (tree.attributesSize(e) == 0) {
      return false;
    }
    String role = tree.attr(e, "role");
    if (role.isEmpty()) {
      return false;
    }
    return switch (role.toLowerCase(Locale.ROOT)) {
      case "navigation", "banner", "contentinfo", "complementary", "dialog", "menu", "menubar", "search",
          "alertdialog", "toolbar", "tablist" -> true;
      default -> false;
    };
  }

  // ---- 2. score ------------------------------------------------------------------------------------------------

  /** Scores a block by its own text (called while measuring, once the block's subtree is done). */
  private static void scoreBlock(PageTree tree, int e, NodeStats s, int[] own, NodeStats[] stats, int body,
      Map<String, Integer> hints) {
    if (own != null && (s.flags & (Tags.SCORED_FLAG | Tags.BLOCK_FLAG)) == (Tags.SCORED_FLAG | Tags.BLOCK_FLAG)
        && own[Measure.TEXT] >= MIN_BLOCK && own[Measure.LINK] * 2 < own[Measure.TEXT]) {
      double score = 1 + own[Measure.COMMAS] + Math.min(own[Measure.TEXT] / 100, 3);
      credit(tree, e, score, stats, body, hints);
    }
  }

  /** A candidate's score shrinks with its link density. */
  private static void adjustForLinks(NodeStats[] stats) {
    for (NodeStats s : stats) {
      if (s != null && s.candidate) {
        s.score *= 1 - s.linkDensity();
      }
    }
  }

  /** Passes a block's score to its ancestors: parent fully, grandparent half, then one third per level. */
  private static void credit(PageTree tree, int block, double score, NodeStats[] stats, int body,
      Map<String, Integer> hints) {
    int ancestor = tree.parent(block);
    for (int level = 0; level < 5 && ancestor >= 0; level++) {
      NodeStats s = stats[ancestor];
      if (s == null) {
        break;
      }
      if (!s.candidate) {
        s.candidate = true;
        s.score = initialScore(tree, ancestor, hints);
      }
      s.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      if (ancestor == body) {
        break;
      }
      ancestor = tree.parent(ancestor);
    }
  }

  private static double initialScore(PageTree tree, int e, Map<String, Integer> hints) {
    double score = switch (tree.name(e)) {
      case "div", "article", "section", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return score + ClassHints.weight(tree, e, hints);
  }

  // ---- 3. pick -------------------------------------------------------------------------------------------------

  private static int pickTop(Measure.Page page, int body, NodeStats[] stats) {
    PageTree tree = page.tree;
    List<Integer> ranked = new ArrayList<>();
    for (int e = 0; e < stats.length; e++) {
      if (stats[e] != null && stats[e].candidate) {
        ranked.add(e);
      }
    }
    if (ranked.isEmpty()) {
      return body;
    }
    // Equal scores go to the element earlier in the page, so that the pick never depends on anything but the page.
    ranked.sort((a, b) -> {
      int byScore = Double.compare(stats[b].score, stats[a].score);
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    int top = ranked.get(0);
    double topScore = stats[top].score;

    // Several near-best candidates under one ancestor: the article is that ancestor.
    List<Integer> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
      if (stats[ranked.get(i)].score / topScore >= 0.75) {
        alternatives.add(ranked.get(i));
      }
    }
    if (alternatives.size() >= 3) {
      for (int p = tree.parent(top); p >= 0 && p != body; p = tree.parent(p)) {
        int containing = 0;
        for (int alternative : alternatives) {
          if (alternative != p && tree.isInside(alternative, p)) {
            containing++;
          }
        }
        if (containing >= 3) {
          top = p;
          break;
        }
      }
    }

    // Walk up while the parent scores better.
    double lastScore = stats[top].score;
    double threshold = lastScore / 3;
    for (int p = tree.parent(top); p >= 0 && p != body; p = tree.parent(p)) {
      NodeStats ps = stats[p];
      if (ps == null || !ps.candidate) {
        continue;
      }
      if (ps.score < threshold) {
        break;
      }
      if (ps.score > lastScore) {
        top = p;
        break;
      }
      lastScore = ps.score;
    }

    // An only child says nothing its parent does not.
    while (top != body && tree.parent(top) >= 0 && tree.parent(top) != body
        && isOnlyChild(page, top)) {
      top = tree.parent(top);
    }
    return top;
  }

  /** Whether {@code e} is the only element child still in the page of its parent. */
  private static boolean isOnlyChild(Measure.Page page, int e) {
    PageTree tree = page.tree;
    for (int c = tree.firstChild(tree.parent(e)); c >= 0; c = tree.nextSibling(c)) {
      if (c != e && tree.isElement(c) && !page.removed[c]) {
        return false;
      }
    }
    return true;
  }

  /** The element children of {@code e} that are still in the page, in order. */
  private static List<Integer> children(Measure.Page page, int e) {
    PageTree tree = page.tree;
    List<Integer> children = new ArrayList<>();
    for (int c = tree.firstChild(e); c >= 0; c = tree.nextSibling(c)) {
      if (tree.isElement(c) && !page.removed[c]) {
        children.add(c);
      }
    }
    return children;
  }

  private static List<Integer> mergeSiblings(Measure.Page page, int top, NodeStats[] stats,
      Map<String, Integer> hints) {
    PageTree tree = page.tree;
    int parent = tree.parent(top);
    if (parent <= 0 || tree.name(top).equals("body")) {
      return List.of(top);
    }
    double topScore = stats[top].score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = tree.className(top);
    List<Integer> parts = new ArrayList<>();
    for (int sibling : children(page, parent)) {
      if (sibling == top) {
        parts.add(sibling);
        continue;
      }
      NodeStats s = stats[sibling];
      if (s == null) {
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(tree.className(sibling)) ? topScore * 0.2 : 0;
      if (s.candidate && s.score + bonus >= threshold) {
        parts.add(sibling);
      } else if (isProse(page, sibling, s)) {
        parts.add(sibling);
      } else if (sharesClass(tree, top, sibling) && s.paragraphText >= 100 && s.linkDensity() < 0.3
          && ClassHints.weight(tree, sibling, hints) >= 0) {
        parts.add(sibling); // another section of the same body, scored too deep to be a candidate
      }
    }
    return parts;
  }

  private static boolean sharesClass(PageTree tree, int a, int b) {
    Set<String> classes = classNames(tree, a);
    if (classes.isEmpty()) {
      return false;
    }
    for (String c : classNames(tree, b)) {
      if (classes.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** The class names, as jsoup's {@code classNames}: the class attribute split at whitespace. */
  private static Set<String> classNames(PageTree tree, int e) {
    String value = tree.className(e);
    if (value.isEmpty()) {
      return Set.of();
    }
    Set<String> names = new HashSet<>(Arrays.asList(WHITESPACE.split(value)));
    names.remove("");
    return names;
  }

  private static boolean isProse(Measure.Page page, int e, NodeStats s) {
    if (!page.tree.name(e).equals("p")) {
      return false;
    }
    double ld = s.linkDensity();
    if (s.text > 80) {
      return ld < 0.25;
    }
    if (s.text == 0 || ld > 0) {
      return false;
    }
    // short and rare: jsoup renders the paragraph's text, so that the answer is its text() rule's
    String t = SubtreeCopy.of(page.tree, e, page.removed).text();
    return t.endsWith(".") || t.contains(". ");
  }

  // ---- 4. clean ------------------------------------------------------------------------------------------------

  /** The elements inside the parts that conditional cleaning drops, by node. */
  private static boolean[] cleanConditionally(Measure.Page page, List<Integer> parts, NodeStats[] scores,
      Map<String, Integer> hints) {
    PageTree tree = page.tree;
    boolean[] dropped = new boolean[tree.size()];
    for (int part : parts) {
      Measure.of(page, part, null, (e, s, own) -> {
        if (e != part && shouldDrop(tree, e, s, scores[e], hints)) {
          dropped[e] = true;
          return true;
        }
        return false;
      });
    }
    return dropped;
  }

  /** Readability's conditional cleaning, on stats that exclude what was already dropped below. */
  private static boolean shouldDrop(PageTree tree, int e, NodeStats s, NodeStats scored,
      Map<String, Integer> hints) {
    String tag = tree.name(e);
    if (tag.equals("h1") || tag.equals("figcaption")) {
      return true;
    }
    if (tag.equals("figure")) {
      return s.paragraphs == 0 || s.text < 200;
    }
    if (Tags.HEADINGS.contains(tag)) {
      return s.text > 0 && s.linkDensity() > 0.5;
    }
    if (!CONDITIONAL.contains(tag)) {
      return false;
    }
    if (s.images > 0 && s.text < 400 && ClassHints.isMedia(tree, e)) {
      return true; // a photo with its caption, laid out without figure/figcaption
    }
    if (s.quoteText * 2 >= s.text && s.quoteText >= 50 && s.linkDensity() < 0.5) {
      return false; // an embedded post or a quote box
    }
    int weight = ClassHints.weight(tree, e, hints);
    double score = scored != null && scored.candidate ? scored.score : 0;
    if (weight + score < 0) {
      return true;
    }
    if (s.commas >= 10) {
      return false;
    }
    boolean isList = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    int p = s.paragraphs;
    int img = s.images;
    int li = s.listItems - 100;
    double headingDensity = s.text == 0 ? 0 : (double) s.headings / s.text;
    double ld = s.linkDensity();
    boolean inFigure = s.inFigure;
    return (img > 1 && (double) p / img < 0.5 && !inFigure && s.paragraphText < 300)
        || (!isList && li > p)
        || (s.inputs > p / 3)
        || (!isList && headingDensity < 0.9 && s.text < MIN_BLOCK && (img == 0 || img > 2) && !inFigure)
        || (!isList && weight < 25 && ld > 0.2)
        || (isList && ld > 0.5)
        || (weight >= 25 && ld > 0.5)
        || (s.embeds == 1 && s.text < 75) || s.embeds > 1;
  }

  private static String describe(PageTree tree, int e) {
    StringBuilder b = new StringBuilder(tree.name(e));
    String id = tree.id(e);
    if (!id.isEmpty()) {
      b.append('#').append(id);
    }
    String className = tree.className(e);
    if (!className.isEmpty()) {
      b.append('.').append(WHITESPACE.matcher(className.strip()).replaceAll("."));
    }
    return b.length() > 80 ? b.substring(0, 80) : b.toString();
  }
}
