package org.newsdesk.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.newsdesk.analysis.NewsAnalyzers;
import org.junit.jupiter.api.Test;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Published;
import org.newsdesk.model.TaggedEntity;

class ArticleDocumentsTest {
  private static final Article ARTICLE = new Article("a-1", "https://caucasusledger.example/a-1", "Caucasus Ledger",
      "Truce announced", "J. Writer", Published.parse("2020-10-10T09:15:00Z"), "First paragraph.\n\nSecond one.",
      "A caption.", "Someone / Agency", "en",
      List.of(new TaggedEntity("sergey-lavrov", "Sergey Lavrov", EntityType.PERSON, 3),
          new TaggedEntity("moscow", "Moscow", EntityType.LOCATION, 1),
          new TaggedEntity("world-cup-2022", "World Cup 2022", new EntityType("EVENT"), 1)),
      "corpus/a.jsonl:12", "abc123");

  @Test
  void storedFieldsRoundTripThroughAnIndex() throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing()))) {
        w.addDocument(ArticleDocuments.toDocument(ARTICLE));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        Document stored = r.storedFields().document(0);
        assertEquals(ARTICLE, ArticleDocuments.fromDocument(stored));
        IndexSearcher s = new IndexSearcher(r);
        assertEquals(1, s.count(new TermQuery(new Term(NewsField.PERSON.fieldName(), "sergey-lavrov"))));
        assertEquals(1, s.count(new TermQuery(new Term(NewsField.ENTITY.fieldName(), "world-cup-2022"))));
        assertEquals(1, s.count(new TermQuery(new Term(NewsField.SOURCE.fieldName(), "caucasus ledger"))));
        assertEquals(1, s.count(new TermQuery(ArticleDocuments.originFileTerm("corpus/a.jsonl"))));
      }
    }
  }

  @Test
  void entitiesGoToTheirTypeFieldAndTheGenericOne() {
    Document doc = ArticleDocuments.toDocument(ARTICLE);
    long personTerms = java.util.Arrays.stream(doc.getFields(NewsField.PERSON.fieldName())).filter(f -> f.fieldType().indexOptions()
        != org.apache.lucene.index.IndexOptions.NONE).count();
    long entityTerms = java.util.Arrays.stream(doc.getFields(NewsField.ENTITY.fieldName())).filter(f -> f.fieldType().indexOptions()
        != org.apache.lucene.index.IndexOptions.NONE).count();
    assertEquals(1, personTerms);
    assertEquals(3, entityTerms, "user-defined types are searchable through the generic field");
  }

  @Test
  void originFileStripsLineAndRecord() {
    assertEquals("corpus/a.jsonl", ArticleDocuments.originFile("corpus/a.jsonl:12"));
    assertEquals("crawl.warc.gz", ArticleDocuments.originFile("crawl.warc.gz#3"));
    assertEquals("c:/x.txt", ArticleDocuments.originFile("c:/x.txt"));
  }

  @Test
  void schemaVersionIsChecked() {
    NewsSchema.checkCompatible(Map.of(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION)), "idx");
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> NewsSchema.checkCompatible(Map.of(NewsSchema.USER_DATA_SCHEMA_VERSION, "0"), "idx"));
    assertTrue(e.getMessage().contains("rebuild --full"), e.getMessage());
    assertThrows(SchemaMismatchException.class, () -> NewsSchema.checkCompatible(Map.of(), "idx"));
  }

  @Test
  void theRebuildCommandNamesTheRecordedSourcesAsShellWords() {
    assertEquals("newsdesk rebuild --full --index idx SOURCE...", NewsSchema.rebuildCommand(Map.of(), "idx"));
    Map<String, String> data = Map.of(NewsSchema.USER_DATA_SOURCES, "/data/feeds\n\n/data/o'brien's notes\n/d/a-b_c.1,x");
    assertEquals(java.util.List.of("/data/feeds", "/data/o'brien's notes", "/d/a-b_c.1,x"), NewsSchema.sources(data));
    assertEquals("newsdesk rebuild --full --index 'my idx' /data/feeds '/data/o'\\''brien'\\''s notes' /d/a-b_c.1,x",
        NewsSchema.rebuildCommand(data, "my idx"));
  }

  @Test
  void theDayIndexedIsTheDateTheArticleShows() {
    // 21:50 at -07:00 is 04:50 UTC the next day; the article shows, and is filed under, the 26th
    Article west = new Article("w", null, null, "t", null, Published.parse("2020-10-26T21:50:00-07:00"), "Body.",
        null, null, "en", List.of(), "w.txt", "h");
    Document doc = ArticleDocuments.toDocument(west);
    IndexableField day = doc.getFields(NewsField.PUBLISHED_DAY.fieldName())[0];
    assertEquals(java.time.LocalDate.of(2020, 10, 26).toEpochDay(), day.numericValue().longValue());
    assertEquals(java.time.LocalDate.of(2020, 10, 26).toEpochDay(), ArticleDocuments.day(java.time.LocalDate.of(2020, 10, 26)));
    for (java.time.LocalDate d = java.time.LocalDate.of(1899, 12, 25); d.isBefore(java.time.LocalDate.of(2101, 1, 10));
        d = d.plusDays(37)) {
      assertEquals(d.toEpochDay(), ArticleDocuments.day(d), d.toString());
    }
  }
}
