package org.newsdesk.index.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.schema.NewsField;

/**
 * Tags the gazetteer's entities in an article's title, caption and body.
 *
 * <p>Rules, in the order they apply:
 * <ul>
 *   <li>Names match whole tokens only ({@code Armenia} never inside {@code Armenian}); a possessive {@code 's} or
 *       {@code ’s} is ignored; hyphens, dashes, spaces and a single line break between the words of a name are
 *       interchangeable; a hyphenated name also matches written closed ({@code Co-operation} / {@code Cooperation}).
 *   <li>Diacritics and case are folded, with two safety rules: a capitalized word of a name must be capitalized in
 *       the text too ({@code Turkey}, {@code TURKEY}, never {@code turkey}); an all-capital word of a name, such as
 *       the acronym {@code OSCE}, matches only exactly as written; one that is also an English word ({@code US})
 *       does not match in text written in capitals ({@code LET US}).
 *   <li>The longest name wins; at equal length, the entry listed first in the gazetteer.
 *   <li>A person's short names (the surname derived from each multi-word name, with particles such as {@code von der}
 *       and hyphenated parts such as {@code Okonjo-Iweala},
 *       and any one-word alias) count only when the article also names the person in full; otherwise they are
 *       dropped. When two people share a surname, it goes to the one named in full most recently before it.
 * </ul>
 * Matching walks a trie of folded name tokens from each text token: no regular expressions, cost linear in the
 * text times the longest name. Immutable once built and safe to share across threads.
 */
public final class GazetteerEntityTagger implements EntityTagger {
  private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "de", "del", "della", "di", "da",
      "du", "la", "le", "al", "el", "bin", "ibn", "ben", "dos", "das", "ter", "ten");
  private static final NewsField[] FIELDS = {NewsField.TITLE, NewsField.CAPTION, NewsField.BODY};

  /**
   * One-word acronyms that are also English words in lower case ({@code US}, {@code PACE}, {@code LA}): in text
   * written in capitals (TIME's 1960s copy, wire headlines) they are the word ({@code LET US}), so they match only
   * beside a word that is not in capitals. Acronyms that are no word ({@code OSCE}, {@code NATO}) always match.
   */
  private static final Set<String> SHOUTABLE = Set.of("US", "PACE", "LA", "PAS", "IT", "WHO", "AID", "AM", "IS", "IN",
      "ON", "OR", "AS", "AT", "AN", "BE", "BY", "DO", "GO", "HE", "IF", "ME", "MY", "NO", "OF", "SO", "TO", "UP", "WE",
      "ALL", "ONE", "CAN", "MAY", "WILL", "ARM", "ART", "SUN", "WAR");

  private final Node root = new Node();

  /** How a name's word must be written in the text for the name to match. */
  private enum Shape {
    /** All capitals (an acronym): exactly as written. */
    EXACT,
    /** Capitalized: the text's word must start with a capital. */
    CAPITALIZED,
    /** Lower case, digits or an uncased script: any case. */
    ANY
  }

  private record Terminal(GazetteerEntry entry, String[] words, Shape[] shapes, boolean conditional, int order) {}

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    final List<Terminal> terminals = new ArrayList<>(1);
    /** {@link #next} keyed by characters, for look-ups without a string; filled by {@link #freeze()}. */
    CharArrayMap<Node> children = CharArrayMap.emptyMap();

    void freeze() {
      if (!next.isEmpty()) {
        children = new CharArrayMap<>(next.size(), false);
        next.forEach((word, node) -> {
          children.put(word, node);
          node.freeze();
        });
      }
    }

    /** True if a name in this subtree has a first word of any case ({@link Shape#ANY}). */
    boolean anyCaseFirstWord() {
      for (Terminal t : terminals) {
        if (t.shapes[0] == Shape.ANY) {
          return true;
        }
      }
      for (Node child : next.values()) {
        if (child.anyCaseFirstWord()) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The root's children under which a name may begin with a lower-case word. A token that starts with a lower-case
   * letter can begin no other name (a capitalized or all-capital first word does not match it), and such tokens are
   * most of a text: they are looked up here, usually in an empty map.
   */
  private final CharArrayMap<Node> lowerCaseStarts;
  /** Skips the root look-up for most tokens that start no name. */
  private final FirstWordFilter firstWords;

  /** Builds the trie; a name is added under each of its spellings. */
  public GazetteerEntityTagger(Gazetteer gazetteer) {
    int order = 0;
    for (GazetteerEntry entry : gazetteer.entries()) {
      boolean person = entry.type().equals(EntityType.PERSON);
      boolean fullNamed = NameTokens.of(entry.name()).size > 1;
      for (String name : entry.allNames()) {
        NameTokens t = NameTokens.of(name);
        if (t.size == 0) {
          continue;
        }
        boolean conditional = person && fullNamed && t.size == 1;
        add(t, 0, t.size, entry, conditional, order);
        if (person && t.size > 1) {
          int s = surnameStart(t);
          add(t, s, t.size, entry, true, order);
        }
      }
      order++;
    }
    root.freeze();
    CharArrayMap<Node> lower = new CharArrayMap<>(16, false);
    root.next.forEach((word, node) -> {
      if (node.anyCaseFirstWord()) {
        lower.put(word, node);
      }
    });
    lowerCaseStarts = lower.isEmpty() ? CharArrayMap.emptyMap() : lower;
    firstWords = new FirstWordFilter(root.next.keySet());
  }

  /** The first token of the surname: the last token plus hyphen-joined parts and lower-case particles before it. */
  static int surnameStart(NameTokens t) {
    int s = t.size - 1;
    while (s > 1 && (isHyphenJoined(t, s) || PARTICLES.contains(t.folded[s - 1]) && !t.capitalized[s - 1])) {
      s--;
    }
    return s;
  }

  private void add(NameTokens t, int from, int to, GazetteerEntry entry, boolean conditional, int order) {
    String[] words = new String[to - from];
    Shape[] shapes = new Shape[to - from];
    for (int i = from; i < to; i++) {
      words[i - from] = t.original[i];
      shapes[i - from] = shape(t.original[i]);
    }
    insert(words, shapes, foldedRange(t, from, to), entry, conditional, order);
    // A hyphenated pair also matches written closed: Co-operation -> Cooperation.
    for (int i = from + 1; i < to; i++) {
      if (t.joinable[i] && isHyphenJoined(t, i)) {
        List<String> folded = new ArrayList<>(List.of(foldedRange(t, from, to)));
        String closed = folded.get(i - from - 1) + folded.get(i - from);
        folded.set(i - from - 1, closed);
        folded.remove(i - from);
        String[] w = new String[words.length - 1];
        Shape[] sh = new Shape[words.length - 1];
        for (int k = 0, o = 0; k < words.length; k++) {
          if (k == i - from) {
            w[o - 1] = w[o - 1] + words[k];
            continue;
          }
          w[o] = words[k];
          sh[o] = shapes[k];
          o++;
        }
        insert(w, sh, folded.toArray(String[]::new), entry, conditional, order);
      }
    }
  }

  private static boolean isHyphenJoined(NameTokens t, int i) {
    return t.hyphenated[i];
  }

  private static String[] foldedRange(NameTokens t, int from, int to) {
    String[] out = new String[to - from];
    System.arraycopy(t.folded, from, out, 0, to - from);
    return out;
  }

  private void insert(String[] words, Shape[] shapes, String[] folded, GazetteerEntry entry, boolean conditional, int order) {
    Node node = root;
    for (String f : folded) {
      node = node.next.computeIfAbsent(f, k -> new Node());
    }
    for (Terminal existing : node.terminals) {
      if (existing.entry.id().equals(entry.id()) && existing.conditional == conditional
          && java.util.Arrays.equals(existing.shapes, shapes) && java.util.Arrays.equals(existing.words, words)) {
        return;
      }
    }
    node.terminals.add(new Terminal(entry, words, shapes, conditional, order));
    node.terminals.sort((a, b) -> a.conditional != b.conditional ? (a.conditional ? 1 : -1) : Integer.compare(a.order, b.order));
  }

  private static Shape shape(String word) {
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
    }
    if (upper && !lower) {
      return Shape.EXACT;
    }
    return upper && (Character.isUpperCase(word.charAt(0)) || Character.isTitleCase(word.charAt(0))) ? Shape.CAPITALIZED : Shape.ANY;
  }

  @Override
  public Article tag(Article article) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, GazetteerEntry> entries = new HashMap<>();
    for (Mention m : mentions(article)) {
      counts.computeIfAbsent(m.entry().id(), k -> new int[1])[0]++;
      entries.put(m.entry().id(), m.entry());
    }
    List<TaggedEntity> tagged = new ArrayList<>(counts.size());
    counts.forEach((id, n) -> {
      GazetteerEntry e = entries.get(id);
      tagged.add(new TaggedEntity(id, e.name(), e.type(), n[0]));
    });
    return article.withEntities(tagged);
  }

  /** Every mention in the article's title, caption and body, in text order, surnames resolved. */
  public List<Mention> mentions(Article article) {
    return mentions(new String[] {article.title(), article.caption(), article.body()});
  }

  /** Every mention in one text, taken as a whole article (so a surname counts after the full name). */
  public List<Mention> mentions(String text) {
    return mentions(new String[] {null, null, text});
  }

  private List<Mention> mentions(String[] texts) {
    List<Raw> raw = new ArrayList<>();
    for (int f = 0; f < texts.length; f++) {
      if (texts[f] != null) {
        scan(TextTokens.of(texts[f]), FIELDS[f], raw);
      }
    }
    return resolveSurnames(raw);
  }

  /**
   * {@link #mentions(String)} computed from fully built {@link NameTokens}, the straightforward way the fast path
   * must agree with: kept as the reference of GazetteerEntityTaggerTest.
   */
  List<Mention> mentionsFromNameTokens(String text) {
    List<Raw> raw = new ArrayList<>();
    scan(NameTokens.of(text), NewsField.BODY, raw);
    return resolveSurnames(raw);
  }

  /** A match before surname resolution: one entry, or several surname candidates. */
  private record Raw(List<Terminal> terminals, NewsField field, int start, int end, boolean conditional) {}

  private void scan(NameTokens t, NewsField field, List<Raw> out) {
    int i = 0;
    while (i < t.size) {
      Node node = root;
      int bestEnd = -1;
      List<Terminal> best = null;
      for (int j = i; j < t.size; j++) {
        if (j > i && !t.joinable[j]) {
          break;
        }
        node = node.next.get(t.folded[j]);
        if (node == null) {
          break;
        }
        List<Terminal> accepted = accepted(node, t, i);
        if (!accepted.isEmpty()) {
          best = accepted;
          bestEnd = j;
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      out.add(new Raw(best, field, t.start[i], t.end[bestEnd], best.get(0).conditional));
      i = bestEnd + 1;
    }
  }

  private void scan(TextTokens t, NewsField field, List<Raw> out) {
    int i = 0;
    int size = t.size();
    while (i < size) {
      CharArrayMap<Node> starts = t.startsLowerCase(i) ? lowerCaseStarts : root.children;
      Node node = starts.isEmpty() || !t.mayBeIn(firstWords, i) ? null : t.lookup(starts, i);
      if (node == null) {
        i++;
        continue;
      }
      int bestEnd = -1;
      List<Terminal> best = null;
      for (int j = i; node != null; ) {
        List<Terminal> accepted = accepted(node, t, i);
        if (!accepted.isEmpty()) {
          best = accepted;
          bestEnd = j;
        }
        j++;
        if (j >= size || node.children.isEmpty() || !t.joinable(j)) {
          break;
        }
        node = t.lookup(node.children, j);
      }
      if (best == null) {
        i++;
        continue;
      }
      out.add(new Raw(best, field, t.start(i), t.end(bestEnd), best.get(0).conditional));
      i = bestEnd + 1;
    }
  }

  /** The terminals at this node whose word shapes the text satisfies: one unconditional, or all conditional ones. */
  private static List<Terminal> accepted(Node node, TokenShapes t, int from) {
    List<Terminal> out = null;
    for (Terminal term : node.terminals) {
      if (!shapesMatch(term, t, from)) {
        continue;
      }
      if (!term.conditional) {
        return List.of(term);
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(term);
    }
    return out == null ? List.of() : out;
  }

  /** Words looked at on each side of a word to tell whether the text around it is written in capitals. */
  private static final int CAPITALS_WINDOW = 4;

  /**
   * True when the text around token i is written in capitals: among the nearest {@value #CAPITALS_WINDOW} words on
   * each side within its clause (up to a sentence's, line's or quotation's end or a colon; words of two letters or
   * more: {@code A} and numbers are no evidence), at least two, and none in lower or mixed case. One ordinary word
   * near it ({@code US TV ratings soar}, {@code NATO, EU, UK, US and OSCE}) makes it ordinary text, and so does a
   * clause of acronyms ({@code Tags: US, NATO}), and an item of a list ({@code Members: US, UK, EU}); a headline or a
   * shouted quote in capitals ({@code "GOD BLESS US ALL," they said}) is not. (A two-word one, {@code TRUST US}, is
   * taken for acronyms.)
   */
  private static boolean inCapitalsAround(TokenShapes t, int i) {
    if (t.listBefore(i) || i + 1 < t.size() && t.listBefore(i + 1)) {
      return false; // an item of a list (Tags: US, NATO, EU): acronyms among acronyms
    }
    int words = 0;
    for (int side = -1; side <= 1; side += 2) {
      int seen = 0;
      for (int j = i + side; j >= 0 && j < t.size() && seen < CAPITALS_WINDOW; j += side) {
        if (side < 0 ? t.breakBefore(j + 1) : t.breakBefore(j)) {
          break; // the clause ends between j and the word before it on this side
        }
        if (t.length(j) < 2) {
          continue;
        }
        if (t.hasLowerCase(j)) {
          return false;
        }
        if (t.inCapitals(j)) {
          words++;
          seen++;
        }
      }
    }
    return words >= 2;
  }

  private static boolean shapesMatch(Terminal term, TokenShapes t, int from) {
    if (term.shapes.length == 1 && term.shapes[0] == Shape.EXACT && SHOUTABLE.contains(term.words[0])
        && inCapitalsAround(t, from)) {
      return false; // LET US GO: in text written in capitals, US is the word, not the acronym
    }
    for (int k = 0; k < term.shapes.length; k++) {
      switch (term.shapes[k]) {
        case EXACT -> {
          if (!t.spelled(from + k, term.words[k])) {
            return false;
          }
        }
        case CAPITALIZED -> {
          if (!t.capitalized(from + k)) {
            return false;
          }
        }
        case ANY -> { }
      }
    }
    return true;
  }

  private static List<Mention> resolveSurnames(List<Raw> raw) {
    Map<String, Integer> lastFull = new HashMap<>();
    for (int k = 0; k < raw.size(); k++) {
      if (!raw.get(k).conditional) {
        lastFull.putIfAbsent(raw.get(k).terminals.get(0).entry.id(), k);
      }
    }
    List<Mention> out = new ArrayList<>(raw.size());
    Map<String, Integer> latest = new HashMap<>();
    for (int k = 0; k < raw.size(); k++) {
      Raw r = raw.get(k);
      if (!r.conditional) {
        GazetteerEntry e = r.terminals.get(0).entry;
        latest.put(e.id(), k);
        out.add(new Mention(e, r.field, r.start, r.end, false));
        continue;
      }
      GazetteerEntry chosen = null;
      int chosenAt = Integer.MIN_VALUE;
      for (Terminal term : r.terminals) {
        String id = term.entry.id();
        if (!lastFull.containsKey(id)) {
          continue;
        }
        int at = latest.getOrDefault(id, -1 - lastFull.get(id));
        if (chosen == null || at > chosenAt) {
          chosen = term.entry;
          chosenAt = at;
        }
      }
      if (chosen != null) {
        out.add(new Mention(chosen, r.field, r.start, r.end, true));
      }
    }
    return out;
  }
}
