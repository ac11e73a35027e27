package org.newsdesk.index.clean.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

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
 * All tree walks are iterative, so deeply nested pages cannot overflow the stack, and each pass is linear.
 * Mutates the page it is given. Stateless; one instance may serve many threads.
 */
final class LegacyContentExtractor {
  /** A block shorter than this carries no score. */
  private static final int MIN_BLOCK = 25;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** Containers cleaned conditionally inside the picked content. */
  private static final Set<String> CONDITIONAL = Set.of(
      "div", "section", "ul", "ol", "dl", "table", "form", "fieldset", "aside", "header", "footer", "nav", "article",
      "figure", "center");

  /** The extracted text and a description of where it was found. */
  record Result(String body, String path, int parts) {}

  Result extract(Element body) {
    Candidates candidates = new Candidates();
    NodeStats bodyStats = LegacyMeasure.of(body, null, (e, s, own) -> {
      if (e != body && mayBePruned(e, s.flags)) {
        candidates.add(e, s);
      }
      return false;
    });
    // what each class and id value says, read once per page: values repeat across a page
    Map<String, Integer> hints = new HashMap<>();
    prune(bodyStats, candidates, hints);
    // sized for the body before pruning: an upper bound, so the map is never rebuilt while it fills
    Map<Element, NodeStats> stats = new IdentityHashMap<>(bodyStats.end + 1);
    LegacyMeasure.of(body, stats, (e, s, own) -> {
      scoreBlock(e, s, own, stats, body, hints);
      return false;
    });
    adjustForLinks(stats);
    Element top = pickTop(body, stats);
    List<Element> parts = mergeSiblings(top, stats, hints);
    Set<Element> dropped = cleanConditionally(parts, stats, hints);
    String text = LegacyTextRenderer.render(parts, dropped);
    return new Result(text, describe(top), parts.size());
  }

  // ---- 1. prune ------------------------------------------------------------------------------------------------

  /**
   * Removes the candidates (collected while measuring, with their stats) that are junk or furniture, outermost
   * first: what lies inside a removed element is not looked at, as in a top-down walk; so the class and id hints
   * are read only for what is left when the outer furniture is gone.
   */
  private static void prune(NodeStats body, Candidates candidates, Map<String, Integer> boilerplate) {
    int total = Math.max(1, body.text);
    int paragraphTotal = body.paragraphText;
    // Candidates came in post-order; backwards, an element comes before its descendants, which follow it
    // contiguously, so one interval says whether an element lies inside the last removed one.
    List<Element> remove = new ArrayList<>();
    int removedFrom = Integer.MAX_VALUE;
    int removedUntil = -1;
    for (int i = candidates.size - 1; i >= 0; i--) {
      Element e = candidates.elements[i];
      int[] s = candidates.stats;
      int at = i * Candidates.FIELDS;
      int order = s[at + Candidates.ORDER];
      if (order > removedFrom && order <= removedUntil) {
        continue;
      }
      if (isJunk(e, s[at + Candidates.FLAGS]) || isFurniture(e, s[at + Candidates.TEXT],
          s[at + Candidates.PARAGRAPH_TEXT], s[at + Candidates.QUOTE_TEXT], total, paragraphTotal, boilerplate)) {
        remove.add(e);
        removedFrom = order;
        removedUntil = s[at + Candidates.END];
      }
    }
    removeAll(remove);
  }

  /**
   * The prune candidates of the first measuring pass, in post-order, with the stats prune reads, in one int array
   * rather than a copy of each one's stats (the pass reuses them).
   */
  private static final class Candidates {
    static final int ORDER = 0;
    static final int END = 1;
    static final int FLAGS = 2;
    static final int TEXT = 3;
    static final int PARAGRAPH_TEXT = 4;
    static final int QUOTE_TEXT = 5;
    static final int FIELDS = 6;

    Element[] elements = new Element[256];
    int[] stats = new int[256 * FIELDS];
    int size;

    void add(Element e, NodeStats s) {
      if (size == elements.length) {
        elements = Arrays.copyOf(elements, size * 2);
        stats = Arrays.copyOf(stats, size * 2 * FIELDS);
      }
      elements[size] = e;
      int at = size * FIELDS;
      stats[at + ORDER] = s.order;
      stats[at + END] = s.end;
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
  private static boolean mayBePruned(Element e, int flags) {
    return (flags & (Tags.JUNK_FLAG | Tags.STRUCTURAL_FLAG)) != 0 || e.attributesSize() > 0;
  }

  /** Removes elements; siblings removed in bulk, so pages with 100k removable siblings stay linear. */
  private static void removeAll(List<Element> remove) {
    Map<Element, Set<Element>> byParent = new IdentityHashMap<>();
    for (Element e : remove) {
      if (e.parent() != null) {
        byParent.computeIfAbsent(e.parent(), p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(e);
      }
    }
    for (Map.Entry<Element, Set<Element>> en : byParent.entrySet()) {
      Element parent = en.getKey();
      Set<Element> gone = en.getValue();
      if (gone.size() < 8) {
        gone.forEach(Element::remove);
        continue;
      }
      List<Node> kept = new ArrayList<>();
      for (Node child : parent.childNodes()) {
        if (!(child instanceof Element c && gone.contains(c))) {
          kept.add(child);
        }
      }
      parent.empty();
      parent.appendChildren(kept);
    }
  }

  private static boolean isJunk(Element e, int flags) {
    if ((flags & Tags.JUNK_FLAG) != 0) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style");
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
  private static boolean isFurniture(Element e, int text, int paragraphText, int quoteText, int total,
      int paragraphTotal, Map<String, Integer> boilerplate) {
    boolean structural = Tags.STRUCTURAL.contains(e.normalName()) || hasFurnitureRole(e);
    boolean furniture = structural || ClassHints.isBoilerplate(e, boilerplate);
    if (!furniture) {
      return false;
    }
    if (!structural && quoteText * 2 >= text && quoteText >= 50) {
      return false; // an embedded post or quote (class "social-embed"), part of the story
    }
    return text < total / 2 && (paragraphTotal < 400 || paragraphText * 10 < paragraphTotal * 4);
  }

  private static boolean hasFurnitureRole(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    String role = e.attr("role");
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
  private static void scoreBlock(Element e, NodeStats s, int[] own, Map<Element, NodeStats> stats, Element body,
      Map<String, Integer> hints) {
    if (own != null && (s.flags & (Tags.SCORED_FLAG | Tags.BLOCK_FLAG)) == (Tags.SCORED_FLAG | Tags.BLOCK_FLAG)
        && own[LegacyMeasure.TEXT] >= MIN_BLOCK && own[LegacyMeasure.LINK] * 2 < own[LegacyMeasure.TEXT]) {
      double score = 1 + own[LegacyMeasure.COMMAS] + Math.min(own[LegacyMeasure.TEXT] / 100, 3);
      credit(e, score, stats, body, hints);
    }
  }

  /** A candidate's score shrinks with its link density. */
  private static void adjustForLinks(Map<Element, NodeStats> stats) {
    for (Map.Entry<Element, NodeStats> en : stats.entrySet()) {
      NodeStats s = en.getValue();
      if (s.candidate) {
        s.score *= 1 - s.linkDensity();
      }
    }
  }

  /** Passes a block's score to its ancestors: parent fully, grandparent half, then one third per level. */
  private static void credit(Element block, double score, Map<Element, NodeStats> stats, Element body,
      Map<String, Integer> hints) {
    Element ancestor = block.parent();
    for (int level = 0; level < 5 && ancestor != null; level++) {
      NodeStats s = stats.get(ancestor);
      if (s == null) {
        break;
      }
      if (!s.candidate) {
        s.candidate = true;
        s.score = initialScore(ancestor, hints);
      }
      s.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      if (ancestor == body) {
        break;
      }
      ancestor = ancestor.parent();
    }
  }

  private static double initialScore(Element e, Map<String, Integer> hints) {
    double score = switch (e.normalName()) {
      case "div", "article", "section", "main" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return score + ClassHints.weight(e, hints);
  }

  // ---- 3. pick -------------------------------------------------------------------------------------------------

  private static Element pickTop(Element body, Map<Element, NodeStats> stats) {
    List<Element> ranked = new ArrayList<>();
    for (Map.Entry<Element, NodeStats> en : stats.entrySet()) {
      if (en.getValue().candidate) {
        ranked.add(en.getKey());
      }
    }
    if (ranked.isEmpty()) {
      return body;
    }
    // Equal scores go to the element earlier in the page. Without that, the map's iteration order (identity hash
    // codes, which differ from thread to thread) decided, and a page with two equal candidates could extract
    // differently in `inspect` and in each worker of `index`.
    ranked.sort((a, b) -> {
      NodeStats sa = stats.get(a);
      NodeStats sb = stats.get(b);
      int byScore = Double.compare(sb.score, sa.score);
      return byScore != 0 ? byScore : Integer.compare(sa.order, sb.order);
    });
    Element top = ranked.get(0);
    double topScore = stats.get(top).score;

    // Several near-best candidates under one ancestor: the article is that ancestor.
    List<Set<Element>> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
      if (stats.get(ranked.get(i)).score / topScore >= 0.75) {
        Set<Element> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element a = ranked.get(i).parent(); a != null; a = a.parent()) {
          ancestors.add(a);
        }
        alternatives.add(ancestors);
      }
    }
    if (alternatives.size() >= 3) {
      for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
        int containing = 0;
        for (Set<Element> ancestors : alternatives) {
          if (ancestors.contains(p)) {
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
    double lastScore = stats.get(top).score;
    double threshold = lastScore / 3;
    for (Element p = top.parent(); p != null && p != body; p = p.parent()) {
      NodeStats ps = stats.get(p);
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
    while (top != body && top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static List<Element> mergeSiblings(Element top, Map<Element, NodeStats> stats,
      Map<String, Integer> hints) {
    Element parent = top.parent();
    if (parent == null || top.normalName().equals("body")) {
      return List.of(top);
    }
    double topScore = stats.get(top).score;
    double threshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        parts.add(sibling);
        continue;
      }
      NodeStats s = stats.get(sibling);
      if (s == null) {
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
      if (s.candidate && s.score + bonus >= threshold) {
        parts.add(sibling);
      } else if (isProse(sibling, s)) {
        parts.add(sibling);
      } else if (sharesClass(top, sibling) && s.paragraphText >= 100 && s.linkDensity() < 0.3
          && ClassHints.weight(sibling, hints) >= 0) {
        parts.add(sibling); // another section of the same body, scored too deep to be a candidate
      }
    }
    return parts;
  }

  private static boolean sharesClass(Element a, Element b) {
    if (a.className().isEmpty() || b.className().isEmpty()) {
      return false;
    }
    Set<String> classes = a.classNames();
    for (String c : b.classNames()) {
      if (classes.contains(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProse(Element e, NodeStats s) {
    if (!e.normalName().equals("p")) {
      return false;
    }
    double ld = s.linkDensity();
    if (s.text > 80) {
      return ld < 0.25;
    }
    if (s.text == 0 || ld > 0) {
      return false;
    }
    String t = e.text();
    return t.endsWith(".") || t.contains(". ");
  }

  // ---- 4. clean ------------------------------------------------------------------------------------------------

  private static Set<Element> cleanConditionally(List<Element> parts, Map<Element, NodeStats> scores,
      Map<String, Integer> hints) {
    Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element part : parts) {
      LegacyMeasure.of(part, null, (e, s, own) -> {
        if (e != part && shouldDrop(e, s, scores.get(e), hints)) {
          dropped.add(e);
          return true;
        }
        return false;
      });
    }
    return dropped;
  }

  /** Readability's conditional cleaning, on stats that exclude what was already dropped below. */
  private static boolean shouldDrop(Element e, NodeStats s, NodeStats scored, Map<String, Integer> hints) {
    String tag = e.normalName();
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
    if (s.images > 0 && s.text < 400 && ClassHints.isMedia(e)) {
      return true; // a photo with its caption, laid out without figure/figcaption
    }
    if (s.quoteText * 2 >= s.text && s.quoteText >= 50 && s.linkDensity() < 0.5) {
      return false; // an embedded post or a quote box
    }
    int weight = ClassHints.weight(e, hints);
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

  private static String describe(Element e) {
    StringBuilder b = new StringBuilder(e.normalName());
    if (!e.id().isEmpty()) {
      b.append('#').append(e.id());
    }
    if (!e.className().isEmpty()) {
      b.append('.').append(WHITESPACE.matcher(e.className().strip()).replaceAll("."));
    }
    return b.length() > 80 ? b.substring(0, 80) : b.toString();
  }
}
