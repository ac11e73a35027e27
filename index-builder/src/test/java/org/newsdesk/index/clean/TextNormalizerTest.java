package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void paragraphs() {
    assertEquals("One two.\n\nThree.\nFour.", TextNormalizer.paragraphs("  One\u00a0\u00a0two. \r\n \r\n\n\n Three.\u2028Four.\t"));
    assertEquals("", TextNormalizer.paragraphs(null));
    assertEquals("", TextNormalizer.paragraphs(" \n\u200b\n "));
  }

  @Test
  void line() {
    assertEquals("A title on one line", TextNormalizer.line(" A title\non \u00ad one\r\nline "));
    assertNull(TextNormalizer.line("  \ufeff "));
    assertNull(TextNormalizer.line(null));
  }

  @Test
  void composesToNfc() {
    assertEquals("\u00e9t\u00e9", TextNormalizer.line("e\u0301te\u0301"));
  }

  @Property(tries = 500)
  void paragraphsIsIdempotentAndClean(@ForAll String text) {
    String once = TextNormalizer.paragraphs(text);
    assertEquals(once, TextNormalizer.paragraphs(once));
    assertEquals(once, once.strip());
    assertFalse(once.contains("\n\n\n"));
    assertFalse(once.contains("  "));
    assertTrue(Normalizer.isNormalized(once, Normalizer.Form.NFC) || !Normalizer.isNormalized(once, Normalizer.Form.NFC)
        && Normalizer.normalize(once, Normalizer.Form.NFC).equals(TextNormalizer.paragraphs(once)));
  }

  @Property(tries = 500)
  void lineIsIdempotentAndSingleLine(@ForAll String text) {
    String once = TextNormalizer.line(text);
    if (once != null) {
      assertEquals(once, TextNormalizer.line(once));
      assertFalse(once.contains("\n"));
      assertFalse(once.isBlank());
    }
  }

  /** The no-copy fast path answers exactly what the full normalization answers, and is taken for normal text. */
  @Test
  void fastPathAgreesWithTheFullNormalization() {
    char[] alphabet = {'a', 'b', 'Z', '.', ' ', ' ', '\n', '\n', '\r', '\t', '\u00a0', '\u00e9', '\u0301', '\u200b',
        '\u0085', '\u2028', '\u00ad', '\u0000', '\u007f', '\u0142', '\u0391', '\u3000', '\ufeff', '\u02ff', '\u0300',
        '\u2019', '\u201c', '\u2014', '\u043e', '\u0439', '\u0438', '\u0306', '\uac00', '\u11a8', '\u1100', '\u1161',
        '\u212b', '\u2126', '\u2000', '\u0340', '\uf900', '\ud83d', '\ude00', '\u0344', '\u0387'};
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        b.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : alphabet[random.nextInt(4)]);
      }
      String text = b.toString();
      for (boolean multiline : new boolean[] {true, false}) {
        String full = TextNormalizer.normalizeFully(text, multiline);
        assertEquals(full, TextNormalizer.normalize(text, multiline), text);
        if (TextNormalizer.alreadyNormal(text, multiline)) {
          assertEquals(text, full, text);
          fast++;
        }
        if (java.text.Normalizer.isNormalized(full, java.text.Normalizer.Form.NFC)) { // not always: a removed char may
          // have stood between a letter and a combining mark
          assertTrue(TextNormalizer.alreadyNormal(full, multiline), "normal text takes the fast path: " + full);
        }
      }
    }
    assertTrue(fast > 10_000, "the fast path was taken " + fast + " times");
  }
}
