package org.newsdesk.index.clean.html;

import java.util.Arrays;

/**
 * Computes {@link NodeStats} for every element of a subtree of a {@link PageTree} in one post-order pass over its
 * interval of the node arrays (no recursion). A {@link Hook} sees each element once its stats are final, so a caller
 * can do its own per-element work (collect prune candidates, score blocks) in the same pass instead of walking the
 * tree again. Subtrees marked removed are passed over as if they were not in the page.
 */
final class Measure {
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
    boolean after(int node, NodeStats s, int[] own);
  }

  /**
   * The page being measured: its tree, the subtrees taken out of it, and the counts of its text nodes, which every
   * pass over the same text would otherwise count again.
   */
  static final class Page {
    final PageTree tree;
    /** Roots of subtrees that are no longer part of the page. */
    final boolean[] removed;
    /** {@link #countText} of each text node, once counted; -1 before. */
    private final long[] counts;

    Page(PageTree tree) {
      this.tree = tree;
      removed = new boolean[tree.size()];
      counts = new long[tree.size()];
      Arrays.fill(counts, -1);
    }

    long counts(int node) {
      long c = counts[node];
      if (c < 0) {
        c = countText(tree.text(node));
        counts[node] = c;
      }
      return c;
    }
  }

  private Measure() {}

  /**
   * Stats for every element under and including {@code root}, bottom-up; an element for which {@code hook} says
   * true (given its final stats) is not counted in its ancestors' stats.
   *
   * @param stats where to put each element's stats, by node (the hook may read it), or null when the hook keeps what
   *     the caller needs, copied: without it, an element's stats object is reused once the hook has seen it
   * @return the stats of {@code root}
   */
  static NodeStats of(Page page, int root, NodeStats[] stats, Hook hook) {
    PageTree tree = page.tree;
    boolean[] removed = page.removed;
    // own inline text of open blocks: {text, link, text of the current run, runs of PARAGRAPH+ chars, commas}
    Blocks blocks = new Blocks();
    // the open elements and their stats, innermost last
    int[] open = new int[64];
    NodeStats[] openStats = new NodeStats[64];
    int depth = 0;
    // without a stats array, the stats of closed elements, for reuse: few elements are open at once
    NodeStats[] free = new NodeStats[64];
    int freeSize = 0;
    NodeStats rootStats = null;
    int linkDepth = 0;
    int figureDepth = 0;
    int last = tree.end(root);
    int node = root;
    while (true) {
      // the tails of the open elements whose subtrees end before this node
      while (depth > 0 && (node > last || node > tree.end(open[depth - 1]))) {
        int e = open[--depth];
        NodeStats s = openStats[depth];
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
        if (!hook.after(e, s, own) && depth > 0) {
          openStats[depth - 1].add(s);
        }
        if (e == root) {
          rootStats = s;
        } else if (stats == null) {
          if (freeSize == free.length) {
            free = Arrays.copyOf(free, freeSize * 2);
          }
          free[freeSize++] = s;
        }
      }
      if (node > last) {
        return rootStats;
      }
      if (removed[node]) {
        node = tree.end(node) + 1;
        continue;
      }
      byte kind = tree.kind(node);
      if (kind == PageTree.ELEMENT) {
        NodeStats fresh = stats != null || freeSize == 0 ? new NodeStats() : free[--freeSize].reset();
        fresh.inFigure = figureDepth > 0;
        fresh.order = node;
        fresh.end = tree.end(node);
        int flags = Tags.flags(tree, node);
        fresh.flags = flags;
        if (stats != null) {
          stats[node] = fresh;
        }
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
          openStats = Arrays.copyOf(openStats, depth * 2);
        }
        open[depth] = node;
        openStats[depth++] = fresh;
        if ((flags & Tags.LINK) != 0) {
          linkDepth++;
        }
        if ((flags & Tags.FIGURE) != 0) {
          figureDepth++;
        }
        boolean block = (flags & Tags.BLOCK_FLAG) != 0 || node == root;
        if ((block || (flags & Tags.BREAK) != 0) && !blocks.isEmpty()) {
          endRun(blocks.peek());
        }
        if (block) {
          blocks.push();
        }
      } else if (kind == PageTree.TEXT && depth > 0) {
        NodeStats s = openStats[depth - 1];
        long counts = page.counts(node);
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
      node++;
    }
  }

  /** The own-text counters of the open blocks, innermost on top; a closed block's array is reused. */
  private static final class Blocks {
    private int[][] stack = new int[16][];
    private int depth;

    void push() {
      if (depth == stack.length) {
        stack = Arrays.copyOf(stack, depth * 2);
      }
      int[] block = stack[depth];
      if (block == null) {
        stack[depth] = new int[5];
      } else { // five stores rather than Arrays.fill, which a profile showed in every push
        block[0] = 0;
        block[1] = 0;
        block[2] = 0;
        block[3] = 0;
        block[4] = 0;
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
   * The text's length with each whitespace run counted as one character (none when it leads), in the high 32 bits,
   * and its commas (also full-width, ideographic and Arabic ones) in the low 32 bits, in one pass over the text
   * (every text node of the page goes through here once: {@link Page} keeps the result).
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
}
