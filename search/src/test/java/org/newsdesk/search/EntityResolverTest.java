package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntityResolverTest {
  /** The folding as it was written first, all regular expressions; the shortcut for plain ASCII must agree. */
  private static String foldByRegex(String name) {
    String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "");
    return s.replaceAll("[\\p{Pd}_\\s]+", " ").strip();
  }

  @Test
  void foldAgreesWithTheRegularExpressions() {
    String alphabet = "aZs09  '’-_é\tİ";
    Random random = new Random(5);
    for (int round = 0; round < 20000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        s.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('a' + random.nextInt(26)));
      }
      assertEquals(foldByRegex(s.toString()), EntityResolver.fold(s.toString()), s.toString());
    }
    assertEquals("vladimir putin", EntityResolver.fold("Vladimir Putin"));
    assertEquals("putin", EntityResolver.fold("Putin's"));
    assertEquals("nagorno karabakh", EntityResolver.fold(" Nagorno-Karabakh "));
  }
}
