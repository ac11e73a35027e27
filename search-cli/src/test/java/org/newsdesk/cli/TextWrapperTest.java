package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void keepsAWordLongerThanALineWholeOnALineOfItsOwn() {
    assertEquals(List.of("abcdefghij"), TextWrapper.wrap("abcdefghij", 4));
    // an id or a path copies whole: never cut inside
    String id = "dailycompass-example-world-europe-2020-10-01-co-chairs-call-for-karabakh-ceasefi-b57ba4";
    assertEquals(List.of("id", id, "· from", "/srv/news/2020/10/01/co-chairs.html"),
        TextWrapper.wrap("id " + id + " · from /srv/news/2020/10/01/co-chairs.html", 30));
  }

  @Test
  void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
    // unspaced Chinese: two columns a character, lines cut between characters
    assertEquals(List.of("北京市政府", "宣布停火协", "议生效"), TextWrapper.wrap("北京市政府宣布停火协议生效", 10));
    assertEquals(List.of("北京市", "政府宣"), TextWrapper.wrap("北京市政府宣", 7));
    assertEquals(7, TextWrapper.visibleLength("停火 ok"));
    // e + combining acute is one column; 'café' written so still fits four columns
    assertEquals(List.of("cafe\u0301 bar"), TextWrapper.wrap("cafe\u0301 bar", 8));
    for (String line : TextWrapper.wrap("Премьер-министр Армении Никол Пашинян 亚美尼亚总理尼科尔·帕希尼扬 said", 12)) {
      // a word longer than the line (Премьер-министр) stands whole on its own; the unspaced Chinese is cut
      assertTrue(TextWrapper.visibleLength(line) <= 12 || line.equals("Премьер-министр"), line);
    }
  }

  @Test
  void gluedWordsStayOnOneLineAndComeOutAsSpaces() {
    char g = TextWrapper.GLUE;
    assertEquals(List.of("Ann Lee (3),", "Bo Ray (2)"), TextWrapper.wrap("Ann" + g + "Lee" + g + "(3), Bo" + g + "Ray" + g + "(2)", 12));
    // a glued name longer than the line breaks between its words after all, rather than run past the width
    String red = String.join(String.valueOf(g), "International", "Committee", "of", "the", "Red", "Cross", "(10),");
    assertEquals(List.of("International Committee", "of the Red Cross (10),", "Ann Lee (3)"),
        TextWrapper.wrap(red + " Ann" + g + "Lee" + g + "(3)", 23));
  }

  @Test
  void rejectsANonPositiveWidth() {
    assertEquals("width must be > 0, got 0", assertThrows(IllegalArgumentException.class, () -> TextWrapper.wrap("x", 0)).getMessage());
  }
}
