package org.newsdesk.index.clean.html;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Computes {@link NodeStats} for every element of a subtree in one iterative post-order pass (no recursion). A
 * {@link Hook} sees each element once its stats are final, so a caller can do its own per-element work (collect
 * prune candidates, score blocks) in the same pass instead of walking the tree again.
 */
final class LegacyMeasure {
  /** A block whose own text is at least this long counts as a paragraph even when it is not a {@code p}. */
  private static final int PARAGRAPH = 25;
  /** A block whose own text is at least this long, and not mostly links, is prose. */
  private static final int PROSE = 60;
  /** Slots of a block's own inline text counters. */
  static final int TEXT = 0;
  static final int LINK = 1;
  private static final int RUN = 2;
  private static final int RUNS = 3;
  static final int COMMAS = 4;

  /** Per-element work done in the measuring pass. */
  @FunctionalInterface
  interface Hook {
    /**
     * Called after an element's subtree, with its final stats.
     *
     * @param own for a block element, its own inline text: {@code own[TEXT]}, {@code own[LINK]} (inside links),
     *     {@code own[COMMAS]}; null for other elements; valid during the call only
     * @return true to leave the element out of its ancestors' stats
     */
    boolean after(Element e, NodeStats s, int[] own);
  }

  private LegacyMeasure() {}

  /**
   * Stats for every element under and including {@code root}, bottom-up; an element for which {@code hook} says
   * true (given its final stats) is not counted in its ancestors' stats.
   *
   * @param stats where to put the stats (empty; the hook may read it), or null when the hook keeps what the caller
   *     needs, copied: without a map, an element's stats object is reused once the hook has seen it
   * @return the stats of {@code root}
   */
  static NodeStats of(Element root, Map<Element, NodeStats> stats, Hook hook) {
    // own inline text of open blocks: {text, link, text of the current run, runs of PARAGRAPH+ chars, commas}
    Blocks blocks = new Blocks();
    // stats of the open elements, innermost first: a text node's parent, an element's parent
    Deque<NodeStats> open = new ArrayDeque<>();
    // without a map, the stats of closed elements, for reuse: a page has many elements, and few are open at once
    Deque<NodeStats> free = new ArrayDeque<>();
    NodeStats[] rootStats = new NodeStats[1];
    NodeTraversor.traverse(new NodeVisitor() {
      private int linkDepth;
      private int figureDepth;
      private int order;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element e) {
          NodeStats fresh = stats != null || free.isEmpty() ? new NodeStats() : free.pop().reset();
          fresh.inFigure = figureDepth > 0;
          fresh.order = order++;
          int flags = Tags.flags(e);
          fresh.flags = flags;
          if (stats != null) {
            stats.put(e, fresh);
          }
          open.push(fresh);
          if ((flags & Tags.LINK) != 0) {
            linkDepth++;
          }
          if ((flags & Tags.FIGURE) != 0) {
            figureDepth++;
          }
          boolean block = (flags & Tags.BLOCK_FLAG) != 0 || e == root;
          if ((block || (flags & Tags.BREAK) != 0) && !blocks.isEmpty()) {
            endRun(blocks.peek());
          }
          if (block) {
            blocks.push();
          }
        } else if (node instanceof TextNode t && !open.isEmpty()) {
          NodeStats s = open.peek();
          {
            long counts = countText(t.getWholeText());
            int len = (int) (counts >>> 32);
            int commas = (int) counts;
            int link = linkDepth > 0 ? len : 0;
            s.text += len;
            s.link += link;
            s.commas += commas;
            if (!blocks.isEmpty()) {
              int[] own = blocks.peek();
              own[TEXT] += len;
              own[LINK] += link;
              own[RUN] += len;
              own[COMMAS] += commas;
            }
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return;
        }
        NodeStats s = open.pop();
        s.end = order - 1;
        int flags = s.flags;
        if ((flags & Tags.LINK) != 0) {
          linkDepth--;
        }
        if ((flags & Tags.FIGURE) != 0) {
          figureDepth--;
        }
        int[] own = null;
        if ((flags & Tags.BLOCK_FLAG) != 0 || e == root) {
          own = blocks.pop();
          endRun(own);
          if (own[TEXT] >= PROSE && own[LINK] * 10 < own[TEXT] * 3) {
            s.paragraphText += own[TEXT];
          }
          if ((flags & Tags.PARAGRAPH) == 0) {
            s.paragraphs += own[RUNS];
          }
        }
        count(s);
        if (!hook.after(e, s, own) && !open.isEmpty()) {
          open.peek().add(s);
        }
        if (e == root) {
          rootStats[0] = s;
        } else if (stats == null) {
          free.push(s);
        }
      }
    }, root);
    return rootStats[0];
  }

  /** The own-text counters of the open blocks, innermost on top; a closed block's array is reused. */
  private static final class Blocks {
    private int[][] stack = new int[16][];
    private int depth;

    void push() {
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, depth * 2);
      }
      if (stack[depth] == null) {
        stack[depth] = new int[5];
      } else {
        Arrays.fill(stack[depth], 0);
      }
      depth++;
    }

    /** The innermost block's counters; valid until the next {@link #push}. */
    int[] pop() {
      return stack[--depth];
    }

    int[] peek() {
      return stack[depth - 1];
    }

    boolean isEmpty() {
      return depth == 0;
    }
  }

  /** Closes a run of inline text (at a {@code br} or a nested block); a long enough run is a paragraph. */
  private static void endRun(int[] block) {
    if (block[RUN] >= PARAGRAPH) {
      block[RUNS]++;
    }
    block[RUN] = 0;
  }

  /** Adds the element's own tag (known from its {@link NodeStats#flags}) to its counts. */
  private static void count(NodeStats s) {
    int flags = s.flags;
    if ((flags & Tags.PARAGRAPH) != 0) {
      s.paragraphs++;
    } else if ((flags & Tags.IMAGE) != 0) {
      s.images++;
    } else if ((flags & Tags.LIST_ITEM) != 0) {
      s.listItems++;
    } else if ((flags & Tags.INPUT) != 0) {
      s.inputs++;
    } else if ((flags & Tags.EMBED) != 0) {
      s.embeds++;
    } else if ((flags & Tags.HEADING) != 0) {
      s.headings = s.text;
    } else if ((flags & Tags.QUOTE) != 0) {
      s.quoteText = s.text;
    }
  }

  /**
   * {@link #textLength} in the high 32 bits and {@link #commas} in the low 32 bits, in one pass over the text
   * (every text node of the page goes through here, twice).
   */
  static long countText(String text) {
    int len = 0;
    int commas = 0;
    boolean space = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == '\u00A0' || c >= '\u1680' && Character.isWhitespace(c)) {
        if (c == '\u00A0' || Character.isWhitespace(c)) {
          if (!space) {
            len++;
            space = true;
          }
          continue;
        }
      }
      len++;
      space = false;
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        commas++;
      }
    }
    return (long) len << 32 | commas;
  }

  /** Length of the text with whitespace runs collapsed to one character and ends trimmed. */
  static int textLength(String text) {
    return (int) (countText(text) >>> 32);
  }

  static int commas(String text) {
    return (int) countText(text);
  }
}
