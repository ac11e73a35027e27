package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** {@link CharacterReferences} decodes as jsoup's {@link Parser#unescapeEntities} does, in text and attributes. */
class CharacterReferencesTest {
  private static void assertDecodedAsJsoup(String s) {
    for (boolean inAttribute : new boolean[] {false, true}) {
      assertEquals(Parser.unescapeEntities(s, inAttribute),
          CharacterReferences.decode(s.toCharArray(), 0, s.length(), inAttribute), s + " in attribute " + inAttribute);
    }
  }

  @Test
  void commonReferencesAndEveryOddOne() {
    for (String s : List.of("a &amp; b", "&nbsp;&copy;&hellip;&rsquo;", "&#8217;&#x2014;&#X41;&#65;", "&amp",
        "&ampx", "&amp=1", "&notit;", "&notin;", "&not", "&frac12;", "&sup2;", "&bogus;", "& &; &#; &#x; &#xz;",
        "&#0; &#9; &#127; &#128; &#150; &#159; &#160; &#xD800; &#xDFFF; &#xFFFE; &#x10FFFF; &#x110000;",
        "&#0000065; &#99999999999; &#65 &#x41 x", "&lt;&gt;&quot;&apos;&#39;", "&Amp; &AMP; &NotEqualTilde;",
        "&amp;&amp;", "tail &", "&é;", "&ampé;", "&a1b;", "&fjlig;")) {
      assertDecodedAsJsoup(s);
    }
  }

  @Test
  void generatedRuns() {
    Random random = new Random(11);
    String[] parts = {"&", "#", "x", "X", ";", "amp", "nbsp", "lt", "not", "in", "0", "1", "6", "5", "9", "a", "F",
        " ", "=", "é", "\u00A0", "D800", "150", "128", "copy", "frac", "12", "'", "\""};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        s.append(parts[random.nextInt(parts.length)]);
      }
      assertDecodedAsJsoup(s.toString());
    }
  }
}
