package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path of {@link TextNormalizer} returns exactly what the full normalization returns. */
class TextNormalizerFastPathTest {
  /** Characters that exercise every rule: spaces of all kinds, controls, separators, combining marks, BOM. */
  private static final String[] ALPHABET = {
      "a", "b", "Z", "1", ".", "é", "e\u0301", "’", "ß", "Ж", "\uD83D\uDE00", " ", " ", " ", "\n", "\n", "\t", "\r",
      "\u00A0", "\u2028", "\u2029", "\u0085", "\u200B", "\u00AD", "\uFEFF", "\u3000", "\u2009", "\u0007", "\u212B"};

  @Test
  void fastPathAgreesWithTheFullNormalizationOnRandomText() {
    SplittableRandom random = new SplittableRandom(20261128);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      boolean plain = random.nextInt(3) == 0;
      for (int j = 0; j < length; j++) {
        sb.append(ALPHABET[random.nextInt(plain ? 17 : ALPHABET.length)]);
      }
      String s = sb.toString();
      String paragraphs = TextNormalizer.normalizeParagraphs(s);
      assertEquals(paragraphs, TextNormalizer.paragraphs(s), () -> "paragraphs of " + escape(s));
      assertEquals(paragraphs.equals(s), TextNormalizer.alreadyNormal(s, true), () -> "fast path taken for " + escape(s));
      String line = s.isEmpty() ? null : TextNormalizer.normalizeLine(s);
      assertEquals(line, TextNormalizer.line(s), () -> "line of " + escape(s));
      fast += TextNormalizer.alreadyNormal(s, true) ? 1 : 0;
    }
    assertTrue(fast > 10_000, "the fast path was taken " + fast + " times");
  }

  @Test
  void cleanArticleTextTakesTheFastPath() {
    String body = "Fighting resumed on Sunday, officials said.\n\nThe ceasefire, agreed in Moscow, held for a day – “barely”.";
    assertTrue(TextNormalizer.alreadyNormal(body, true));
    assertFalse(TextNormalizer.alreadyNormal(body, false), "a title has no newline");
    assertFalse(TextNormalizer.alreadyNormal(body + " ", true));
    assertFalse(TextNormalizer.alreadyNormal("two  spaces", false));
    assertFalse(TextNormalizer.alreadyNormal("a\n\n\nb", true));
    assertFalse(TextNormalizer.alreadyNormal("cafe\u0301", false), "not NFC");
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
