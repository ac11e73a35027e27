package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TotalHitCountCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.newsdesk.schema.NewsField;

class RelevanceTopTest {
  private static final String ID = NewsField.ID.fieldName();
  private static final String BODY = NewsField.BODY.fieldName();

  /**
   * Articles in several segments whose ids are not in document order, with many equal scores: texts repeat, so
   * ties run through page ends, some longer than the margin, some shorter.
   */
  private static Directory index(Random random) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ids.add(i);
    }
    Collections.shuffle(ids, random);
    String[] words = {"alpha", "beta", "gamma", "delta"};
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < ids.size(); i++) {
        Document doc = new Document();
        String id = String.format("a%04d", ids.get(i));
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        StringBuilder text = new StringBuilder();
        int kind = i % 37 == 0 ? random.nextInt(50) : random.nextInt(4);
        for (int w = 0; w <= kind % 6; w++) {
          text.append(words[(kind + w) % words.length]).append(' ');
        }
        doc.add(new TextField(BODY, text.toString(), Field.Store.NO));
        writer.addDocument(doc);
        if (i % 97 == 96) {
          writer.commit();
        }
      }
    }
    return dir;
  }

  @Test
  void sameOrderScoresIdsAndTotalAsTheScoreThenIdSort() throws IOException {
    Random random = new Random(7);
    try (Directory dir = index(random); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Query> queries = List.of(
          new TermQuery(new Term(BODY, "alpha")),
          new TermQuery(new Term(BODY, "delta")),
          new BooleanQuery.Builder().add(new TermQuery(new Term(BODY, "beta")), BooleanClause.Occur.SHOULD)
              .add(new TermQuery(new Term(BODY, "gamma")), BooleanClause.Occur.SHOULD).build(),
          new BooleanQuery.Builder().add(new TermQuery(new Term(BODY, "alpha")), BooleanClause.Occur.MUST)
              .add(new TermQuery(new Term(BODY, "gamma")), BooleanClause.Occur.SHOULD).build());
      for (Query query : queries) {
        for (int wanted : new int[] {1, 2, 3, 5, 10, 17, 40, 100, 399, 1000}) {
          TopFieldCollector sorted = TopFieldCollector.create(RelevanceTop.sort(), wanted, Integer.MAX_VALUE);
          searcher.search(query, sorted);
          TopDocs expected = sorted.topDocs();
          TotalHitCountCollector seen = new TotalHitCountCollector();
          TopDocs actual = RelevanceTop.search(searcher, query, wanted, seen);
          String what = query + " top " + wanted;
          assertEquals(expected.totalHits, actual.totalHits, what);
          assertEquals(expected.totalHits.value, seen.getTotalHits(), what);
          assertArrayEquals(docs(expected), docs(actual), what);
          for (int i = 0; i < expected.scoreDocs.length; i++) {
            Object[] want = ((FieldDoc) expected.scoreDocs[i]).fields;
            Object[] got = ((FieldDoc) actual.scoreDocs[i]).fields;
            assertEquals(want[0], got[0], what);
            // The id is read where another hit of the page has the same score, and must then be the right one.
            boolean shared = i > 0 && score(expected, i - 1) == score(expected, i)
                || i + 1 < expected.scoreDocs.length && score(expected, i + 1) == score(expected, i);
            assertEquals(shared ? want[1] : null, got[1], what + " at " + i);
          }
        }
      }
    }
  }

  /** The score a (score, id) sort put in the first sort value. */
  private static float score(TopDocs top, int i) {
    return (Float) ((FieldDoc) top.scoreDocs[i]).fields[0];
  }

  private static int[] docs(TopDocs top) {
    return java.util.Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
  }

  @Test
  void moreTiesThanAreKeptAsideFallBackToTheSort() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < RelevanceTop.MAX_TIES + 500; i++) {
      ids.add(i);
    }
    Collections.shuffle(ids, new Random(11));
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < ids.size(); i++) {
        Document doc = new Document();
        String id = String.format("b%05d", ids.get(i));
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        doc.add(new TextField(BODY, "same words", Field.Store.NO));
        writer.addDocument(doc);
        if (i % 600 == 599) {
          writer.commit();
        }
      }
    }
    try (dir; DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Query query = new TermQuery(new Term(BODY, "same"));
      TopDocs actual = RelevanceTop.search(searcher, query, 10, null);
      assertEquals(ids.size(), actual.totalHits.value);
      for (int i = 0; i < 10; i++) {
        assertEquals(new BytesRef(String.format("b%05d", i)), ((FieldDoc) actual.scoreDocs[i]).fields[1]);
      }
      assertEquals(10, actual.scoreDocs.length);
    }
  }

  @Test
  void fewerMatchesThanWanted() throws IOException {
    try (Directory dir = index(new Random(3)); DirectoryReader reader = DirectoryReader.open(dir)) {
      TopDocs none = RelevanceTop.search(new IndexSearcher(reader), new TermQuery(new Term(BODY, "omega")), 10, null);
      assertEquals(0, none.totalHits.value);
      assertEquals(0, none.scoreDocs.length);
    }
  }
}
