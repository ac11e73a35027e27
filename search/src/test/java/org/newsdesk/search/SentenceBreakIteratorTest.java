package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The highlighter's passages are sentences that do not end at "Mr." or "U.S.". */
class SentenceBreakIteratorTest {
  @Test
  void doesNotBreakAfterAbbreviations() {
    assertEquals(List.of("In its report on U.S. Export Markets for U.S. firms, the bank said so. ", "It rose."),
        sentences("In its report on U.S. Export Markets for U.S. firms, the bank said so. It rose."));
    assertEquals(List.of("Mr. Smith of the U.K. said the budget was sound. ", "Others disagreed."),
        sentences("Mr. Smith of the U.K. said the budget was sound. Others disagreed."));
    assertEquals(List.of("John J. Smith said on Sept. 27 that Acme Inc. Chairman Dr. Jones quit. ", "Prof. X agreed."),
        sentences("John J. Smith said on Sept. 27 that Acme Inc. Chairman Dr. Jones quit. Prof. X agreed."));
    assertEquals(List.of("Gen. Lee, Lt. Col. Ross and Sen. Ford of the U.N. Security Council met at St. Paul in Jan. "
            + "Both vs. Smith Jr. Co. and ACME CORP. Holdings, etc. Each left. ", "It is over."),
        sentences("Gen. Lee, Lt. Col. Ross and Sen. Ford of the U.N. Security Council met at St. Paul in Jan. "
            + "Both vs. Smith Jr. Co. and ACME CORP. Holdings, etc. Each left. It is over."));
    // a real sentence end after an abbreviation cannot be told from a name that goes on: kept together
    assertEquals(List.of("The plant moved to the U.S. He said so. ", "Sales rose."),
        sentences("The plant moved to the U.S. He said so. Sales rose."));
    // line breaks of wrapped wire text are spaces, as the JDK's breaks take them
    assertEquals(List.of("Exports to the U.S.\nRose sharply. ", "Imports fell."),
        sentences("Exports to the U.S.\nRose sharply. Imports fell."));
  }

  @Test
  void breaksAtOrdinarySentenceEnds() {
    assertEquals(List.of("Talks ended. ", "Nothing was agreed! ", "Why? ", "The U.S. team left."),
        sentences("Talks ended. Nothing was agreed! Why? The U.S. team left."));
    // words that only look like an abbreviation: longer words, a title in lowercase, an initialism in lowercase
    assertEquals(List.of("He said no. ", "They met the Senators. ", "Then Comco. ", "Then the mrs. ", "Who? ",
            "At 5 p.m. ", "Another."),
        sentences("He said no. They met the Senators. Then Comco. Then the mrs. Who? At 5 p.m. Another."));
    assertEquals(List.of("The board met. ", "It voted for A.B. Smith. ", "Done."),
        sentences("The board met. It voted for A.B. Smith. Done."));
    // a blank line is a paragraph end, abbreviation or not
    assertEquals(List.of("Exports to the U.S.\n\n", "Rose sharply."), sentences("Exports to the U.S.\n\nRose sharply."));
    assertEquals(List.of("Made in the U.S.\r\n\r\n", "Sold in the U.K.\u2029", "Done."),
        sentences("Made in the U.S.\r\n\r\nSold in the U.K.\u2029Done."));
    assertEquals(List.of(), sentences(""));
    assertEquals(List.of("U.S."), sentences("U.S."));
    assertEquals(List.of("Mr. "), sentences("Mr. "));
  }

  /** Forwards, backwards, following, preceding, isBoundary and a CharacterIterator's text all give the same breaks. */
  @Test
  void everyWayOfMovingGivesTheSameBreaks() {
    String[] words = {"Mr.", "Smith", "U.S.", "He", "said.", "J.", "the", "Inc.", "Sept.", "27.", "etc.", "It", "(Dr.",
        "Jones)", "no.", "Yes!", "U.S.S.R.", "INC.", "a.m.", "...", "\"Quoted.\""};
    String[] gaps = {" ", " ", " ", "\n", "\n\n", "  ", "\u00A0", " \n "};
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        s.append(words[random.nextInt(words.length)]).append(gaps[random.nextInt(gaps.length)]);
      }
      String text = s.toString();
      SentenceBreakIterator it = new SentenceBreakIterator();
      it.setText(text);
      List<Integer> forward = new ArrayList<>();
      for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
        forward.add(b);
        assertEquals(b, it.current());
      }
      List<Integer> backward = new ArrayList<>();
      for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
        backward.add(0, b);
      }
      assertEquals(forward, backward, text);
      for (int offset = 0; offset <= text.length(); offset++) {
        int o = offset;
        int after = forward.stream().filter(b -> b > o).findFirst().orElse(BreakIterator.DONE);
        int before = forward.stream().filter(b -> b < o).reduce((a, b) -> b).orElse(BreakIterator.DONE);
        assertEquals(after, it.following(offset), text + " @" + offset);
        assertEquals(before, it.preceding(offset), text + " @" + offset);
        assertEquals(forward.contains(offset), it.isBoundary(offset), text + " @" + offset);
      }
      SentenceBreakIterator shifted = new SentenceBreakIterator();
      shifted.setText(new StringCharacterIterator("xx" + text, 2, 2 + text.length(), 2));
      List<Integer> fromIterator = new ArrayList<>();
      for (int b = shifted.first(); b != BreakIterator.DONE; b = shifted.next()) {
        fromIterator.add(b - 2);
      }
      assertEquals(forward, fromIterator, text);
      SentenceBreakIterator copy = it.clone();
      copy.first();
      it.last();
      assertEquals(forward.size() > 1 ? forward.get(1) : BreakIterator.DONE, copy.next(), text);
    }
  }

  @Test
  void offsetsOutsideTheText() {
    SentenceBreakIterator it = new SentenceBreakIterator();
    it.setText("Mr. Smith left.");
    assertThrows(IllegalArgumentException.class, () -> it.isBoundary(16));
    assertThrows(IllegalArgumentException.class, () -> it.isBoundary(-1));
    assertTrue(it.isBoundary(15));
    assertFalse(it.isBoundary(4));
  }

  private static List<String> sentences(String text) {
    SentenceBreakIterator it = new SentenceBreakIterator();
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end));
    }
    return out;
  }
}
