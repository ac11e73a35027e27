package org.newsdesk.index.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

class TrecReaderTest extends CorpusReaderTest {
  @Override
  String fixture() {
    return "collection.trec";
  }

  @Override
  CorpusFormat format() {
    return CorpusFormat.TREC;
  }

  @Override
  int expectedArticles() {
    return 3;
  }

  @Override
  void checkArticles(List<RawArticle> articles) {
    assertEquals(List.of("XN910101-0001", "XN910101-0002", "XN910101-0003"),
        articles.stream().map(a -> a.field(RawArticle.ID)).toList());
    RawArticle first = articles.get(0);
    assertTrue(first.origin().endsWith("collection.trec:1"), first.origin());
    assertEquals("Snow closes mountain passes", first.field(RawArticle.TITLE));
    assertEquals("1991-01-01", first.field(RawArticle.PUBLISHED), "YYMMDD");
    assertEquals("GENEVA (XN)", first.field(RawArticle.DATELINE));
    assertTrue(first.content().contains("Thursday & restore"), "entities decoded");
    RawArticle second = articles.get(1);
    assertTrue(second.origin().endsWith("collection.trec:14"), second.origin());
    assertEquals("Ferry fares to rise in spring", second.field(RawArticle.TITLE), "HEAD is a title tag too");
    assertEquals("1991-01-01", second.field(RawArticle.PUBLISHED), "date with weekday and edition after it");
    assertTrue(second.content().contains("Season tickets"));
    assertNull(articles.get(2).field(RawArticle.TITLE));
    assertNull(articles.get(2).field(RawArticle.PUBLISHED));
  }

  /** A collection that leaves out {@code </DOC>}: each document ends where the next begins, with a warning. */
  @org.junit.jupiter.api.Test
  void documentsWithoutTheirEndTagEndAtTheNext() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("open.trec"),
        "<DOC>\n<DOCNO> A-1 </DOCNO>\n<TEXT>\nThe first story.\n</TEXT>\n</DOC>\n"
            + "<DOC>\n<DOCNO> A-2 </DOCNO>\n<TEXT>\nThe second story.\n</TEXT>\n"
            + "<DOC>\n<DOCNO> A-3 </DOCNO>\n<TEXT>\nThe third story.\n</TEXT>\n</DOC>\n");
    Reading r = Reading.of(file);
    assertEquals(List.of("A-1", "A-2", "A-3"), r.articles.stream().map(a -> a.field(RawArticle.ID)).toList());
    assertTrue(r.articles.get(1).content().contains("The second story.") && !r.articles.get(1).content().contains("third"));
    assertEquals(1, r.problems.size(), r.problems.toString());
    assertEquals(file + ":7", r.problems.get(0).location());
    assertTrue(r.problems.get(0).reason().contains("read up to the next <DOC>") && !r.problems.get(0).skipped());
  }

  /** HTML's named references and the TREC disks' own are decoded; an unknown one stays as written. */
  @org.junit.jupiter.api.Test
  void namedReferencesAreDecoded() {
    assertEquals("Caf\u00e9 \u2014 \u00c9lys\u00e9e, cross-border talks, \u00bd done, &nosuch;",
        SgmlMarkup.text("Caf&eacute; &mdash; &Eacute;lys&eacute;e,&blank;cross&hyph;border talks, &frac12; done, &nosuch;"));
  }
}
