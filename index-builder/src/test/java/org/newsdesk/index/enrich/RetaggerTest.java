package org.newsdesk.index.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.schema.ArticleDocuments;

class RetaggerTest {
  private static final GazetteerEntry PUTIN = new GazetteerEntry("vladimir-putin", "Vladimir Putin", EntityType.PERSON, List.of());
  private static final GazetteerEntry OSCE = new GazetteerEntry("osce", "OSCE", EntityType.ORGANIZATION, List.of());
  private static final GazetteerEntry BAKU = new GazetteerEntry("baku", "Baku", EntityType.LOCATION, List.of());
  private static final GazetteerEntry MINSK = new GazetteerEntry("minsk", "Minsk", EntityType.LOCATION, List.of());

  private static final Map<String, String> BODIES = Map.of(
      "a-putin", "Vladimir Putin spoke. Putin added more.",
      "b-osce", "The OSCE met in Vienna.",
      "c-osce-long", "The Organization for Security and Cooperation in Europe met.",
      "d-baku", "Baku said it responded.",
      "e-minsk-group", "The Minsk Group co-chairs met in Geneva.",
      "f-nothing", "Nothing of note happened on Sunday.",
      "g-wladimir", "Wladimir Putin was quoted by a German paper.");

  private static Article article(String id) {
    return new Article(id, null, "Wire", "Title " + id, null, null, BODIES.get(id), null, null, null, null, "f.jsonl:1", "h-" + id);
  }

  @Test
  void retagsExactlyTheArticlesWhoseTagsChange() throws IOException {
    Gazetteer before = Gazetteer.of(List.of(PUTIN, OSCE, BAKU, MINSK));
    Gazetteer after = Gazetteer.of(List.of(
        new GazetteerEntry("vladimir-putin", "Vladimir Putin", EntityType.PERSON, List.of("Wladimir Putin")), // alias added
        new GazetteerEntry("osce", "OSCE", EntityType.ORGANIZATION, List.of("Organization for Security and Cooperation in Europe")),
        MINSK, // baku removed
        new GazetteerEntry("osce-minsk-group", "OSCE Minsk Group", EntityType.ORGANIZATION, List.of("Minsk Group")))); // added
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing()))) {
      GazetteerEntityTagger old = new GazetteerEntityTagger(before);
      for (String id : new java.util.TreeSet<>(BODIES.keySet())) {
        writer.addDocument(ArticleDocuments.toDocument(old.tag(article(id))));
      }
      writer.commit();

      Retagger.Report report = Retagger.retag(writer, before, after);
      writer.commit();

      assertEquals(Set.of("vladimir-putin", "osce", "baku", "osce-minsk-group"), report.changedEntities());
      // a-putin: found (tagged with a changed entity) but unchanged; b-osce likewise; f-nothing: never a candidate.
      assertEquals(Set.of("c-osce-long", "d-baku", "e-minsk-group", "g-wladimir"), report.retaggedIds());
      assertTrue(report.candidates() < BODIES.size(), "f-nothing is not examined: " + report.candidates());
      assertFalse(report.fullScan());
      assertEquals(expected(after), stored(dir), "the index now holds what tagging from scratch gives");
    }
  }

  @Test
  void unchangedGazetteerTouchesNothing() throws IOException {
    Gazetteer g = Gazetteer.of(List.of(PUTIN, OSCE));
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing()))) {
      writer.addDocument(ArticleDocuments.toDocument(new GazetteerEntityTagger(g).tag(article("a-putin"))));
      Retagger.Report report = Retagger.retag(writer, g, Gazetteer.of(List.of(PUTIN, OSCE)));
      assertEquals(0, report.candidates());
      assertEquals(0, report.retagged());
    }
  }

  @Test
  void retagAllMatchesTaggingFromScratch() throws IOException {
    Gazetteer after = Gazetteer.of(List.of(OSCE, MINSK));
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing()))) {
      GazetteerEntityTagger old = new GazetteerEntityTagger(Gazetteer.of(List.of(PUTIN, BAKU)));
      for (String id : BODIES.keySet()) {
        writer.addDocument(ArticleDocuments.toDocument(old.tag(article(id))));
      }
      Retagger.Report report = Retagger.retagAll(writer, after);
      writer.commit();
      assertEquals(BODIES.size(), report.candidates());
      assertEquals(Set.of("a-putin", "b-osce", "d-baku", "e-minsk-group"), report.retaggedIds());
      assertEquals(expected(after), stored(dir));
    }
  }

  private static Map<String, List<TaggedEntity>> expected(Gazetteer g) {
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(g);
    Map<String, List<TaggedEntity>> out = new HashMap<>();
    BODIES.keySet().forEach(id -> out.put(id, tagger.tag(article(id)).entities()));
    return out;
  }

  private static Map<String, List<TaggedEntity>> stored(Directory dir) throws IOException {
    Map<String, List<TaggedEntity>> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        StoredFields fields = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            Article a = ArticleDocuments.fromDocument(fields.document(i));
            assertEquals(null, out.put(a.id(), a.entities()), "one live document per article");
          }
        }
      }
    }
    return out;
  }
}
