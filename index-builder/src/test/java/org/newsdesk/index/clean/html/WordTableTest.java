package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WordTable} finds its words by char range, with their ids and hashes. */
class WordTableTest {
  private static final List<String> WORDS = List.of("div", "p", "span", "figcaption", "h1", "table");
  private final WordTable table = new WordTable(WORDS);

  private static char[] chars(String s) {
    return ("<" + s + ">").toCharArray();
  }

  @Test
  void findsEachWordWithItsIdAndTheSameString() {
    assertEquals(WORDS.size(), table.size());
    for (int id = 0; id < WORDS.size(); id++) {
      String w = WORDS.get(id);
      char[] c = chars(w);
      assertEquals(id, table.id(c, 1, c.length - 1), w);
      assertSame(w, table.word(id));
      assertSame(w, table.find(c, 1, c.length - 1));
      assertSame(w, table.find(c, 1, c.length - 1, w.hashCode()));
    }
  }

  @Test
  void hashIsStringHashCode() {
    for (String s : List.of("", "a", "figcaption", "data-src", "Z\u00e9")) {
      char[] c = chars(s);
      assertEquals(s.hashCode(), WordTable.hash(c, 1, c.length - 1), s);
    }
  }

  @Test
  void otherRangesAreNotFound() {
    for (String s : List.of("", "d", "di", "divs", "spam", "h2", "DIV")) {
      char[] c = chars(s);
      assertEquals(-1, table.id(c, 1, c.length - 1), s);
      assertNull(table.find(c, 1, c.length - 1), s);
    }
  }
}
