package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapperTest {
  @Test
  void wrapsAtWordsWithinTheWidth() {
    assertEquals(List.of("the quick", "brown fox", "jumps"), TextWrapper.wrap("the quick brown fox jumps", 10));
  }

  @Test
  void markersAndColourSequencesTakeNoWidth() {
    String m = Palette.MATCH_START + "quick" + Palette.MATCH_END;
    assertEquals(List.of("the " + m, "brown"), TextWrapper.wrap("the " + m + " brown", 9));
    String red = "\u001b[31mquick\u001b[0m";
    assertEquals(List.of("the " + red), TextWrapper.wrap("the " + red, 9));
  }

  @Test
  void splitsWordsLongerThanALine() {
    assertEquals(List.of("abcd", "efgh", "ij"), TextWrapper.wrap("abcdefghij", 4));
  }

  @Test
  void rejectsANonPositiveWidth() {
    assertEquals("width must be > 0, got 0", assertThrows(IllegalArgumentException.class, () -> TextWrapper.wrap("x", 0)).getMessage());
  }
}
