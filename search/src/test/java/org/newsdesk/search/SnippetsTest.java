package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static final String ALPHABET = "ab  \n\n\t\r\u000B\f\u00a0\u2028\u0085\u2003\u001Cé.";

  /** What the snippets were before they became loops; the loops must give the same text. */
  private static String flattenByRegex(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  @Test
  void sameTextAsTheRegularExpressionOnRandomText() {
    Random random = new Random(42);
    for (int round = 0; round < 5000; round++) {
      int length = random.nextInt(round % 10 == 0 ? 800 : 260);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'w');
      }
      String text = s.toString();
      assertEquals(flattenByRegex(text), Snippets.flatten(text), text);
    }
  }
}
