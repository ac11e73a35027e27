package org.newsdesk.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.newsdesk.model.Article;

class LeadsTest {
  /** Java's \s characters, no-break and Unicode spaces (which strip() removes and \s does not), and others. */
  private static final String ALPHABET = "ab  \n\n\t\r\u000B\f\u00a0\u2028\u0085\u2003\u001Cé.";

  /** What the lead was before it became a loop; the loop must give the same text. */
  private static String leadByRegex(String body) {
    String flat = (body.length() > 600 ? body.substring(0, 600) : body).replaceAll("\\s*\\n\\s*", " ").strip();
    return flat.length() <= 240 ? flat : flat.substring(0, 240).replaceFirst("\\s+\\S*$", "") + "…";
  }

  @Test
  void sameTextAsTheRegularExpressionsOnRandomText() {
    Random random = new Random(42);
    for (int round = 0; round < 20_000; round++) {
      int length = random.nextInt(round % 10 == 0 ? 800 : 260);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        s.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'w');
      }
      String text = s.toString();
      assertEquals(leadByRegex(text), Leads.of(text), text);
    }
  }

  @Test
  void cutsAtAWordBoundary() {
    String body = "Paragraph one.\n\n" + "word ".repeat(60);
    String lead = Leads.of(body);
    assertEquals(leadByRegex(body), lead);
    assertEquals("Paragraph one. word", lead.substring(0, 19));
    assertEquals("word…", lead.substring(lead.length() - 5));
  }

  @Test
  void everyIndexedArticleStoresItsLead() {
    Article a = new Article("a1", null, null, "T", null, null, "  First line.\nSecond line.  ", null, null, null, null, null, null);
    Document doc = ArticleDocuments.toDocument(a);
    assertEquals("First line. Second line.", doc.get(NewsField.LEAD.fieldName()));
  }
}
