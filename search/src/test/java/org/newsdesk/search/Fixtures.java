package org.newsdesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Published;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsSchema;

/**
 * A small, hand-written news collection and the index a builder would write for it (same schema, same analysis,
 * gazetteer file beside it). The search module may not depend on the index builder, so tests write the documents
 * through {@link ArticleDocuments} exactly as the builder does.
 */
final class Fixtures {
  static final String GAZETTEER = """
      {"format": "newsdesk-gazetteer/1", "entities": [
        {"id": "vladimir-putin", "name": "Vladimir Putin", "type": "PERSON", "aliases": ["Путин"]},
        {"id": "nikol-pashinyan", "name": "Nikol Pashinyan", "type": "PERSON", "aliases": ["Nikol Pashinian"]},
        {"id": "sergey-lavrov", "name": "Sergey Lavrov", "type": "PERSON", "aliases": ["Sergei Lavrov"]},
        {"id": "nagorno-karabakh", "name": "Nagorno-Karabakh", "type": "LOCATION", "aliases": ["Karabakh", "Artsakh"]},
        {"id": "armenia", "name": "Armenia", "type": "LOCATION"},
        {"id": "azerbaijan", "name": "Azerbaijan", "type": "LOCATION"},
        {"id": "moscow", "name": "Moscow", "type": "LOCATION"},
        {"id": "osce", "name": "OSCE", "type": "ORGANIZATION", "aliases": ["Organization for Security and Co-operation in Europe"]},
        {"id": "osce-minsk-group", "name": "OSCE Minsk Group", "type": "ORGANIZATION", "aliases": ["Minsk Group"]}
      ]}
      """;

  private Fixtures() {}

  static List<Article> articles() {
    List<Article> a = new ArrayList<>();
    a.add(article("a01", "Reuters", "2020-10-10", "Leaders agree to a ceasefire in Nagorno-Karabakh",
        "Vladimir Putin announced a ceasefire in Nagorno-Karabakh after talks. Putin said both sides agreed.\n\n"
            + "Armenia welcomed the move. Putin will send observers to Karabakh.",
        e("vladimir-putin", "Vladimir Putin", EntityType.PERSON, 3), e("nagorno-karabakh", "Nagorno-Karabakh", EntityType.LOCATION, 2),
        e("armenia", "Armenia", EntityType.LOCATION, 1)));
    a.add(article("a02", "AP", "2020-10-12", "Cease-fire breaks down",
        "The cease-fire collapsed within hours. Armenia and Azerbaijan traded blame for the shelling.",
        e("armenia", "Armenia", EntityType.LOCATION, 1), e("azerbaijan", "Azerbaijan", EntityType.LOCATION, 1)));
    a.add(article("a03", "Reuters", "2020-10-09", "Talks in Moscow",
        "Sergey Lavrov hosted talks in Moscow on a possible cease fire between Armenia and Azerbaijan.",
        e("sergey-lavrov", "Sergey Lavrov", EntityType.PERSON, 1), e("moscow", "Moscow", EntityType.LOCATION, 1),
        e("armenia", "Armenia", EntityType.LOCATION, 1), e("azerbaijan", "Azerbaijan", EntityType.LOCATION, 1)));
    a.add(article("a04", "BBC", "2020-11-03", "Election night",
        "Voters queued for hours. A commentator compared the mood to a speech by Putin years ago.",
        e("vladimir-putin", "Vladimir Putin", EntityType.PERSON, 1)));
    a.add(article("a05", "AP", "2020-09-28", "OSCE Minsk Group calls for restraint",
        "The OSCE Minsk Group co-chairs called for restraint in Karabakh and an end to the shelling.",
        e("osce-minsk-group", "OSCE Minsk Group", EntityType.ORGANIZATION, 1),
        e("nagorno-karabakh", "Nagorno-Karabakh", EntityType.LOCATION, 1)));
    a.add(article("a06", "BBC", "2019-08-15", "Harvest report",
        "Farmers in Armenia reported a strong harvest of apricots this summer.",
        e("armenia", "Armenia", EntityType.LOCATION, 1)));
    a.add(new Article("a07", null, null, "Undated note", null, null,
        "A short note with no date about peace keepers and their work.", null, null, "en", List.of(), "notes/a07.txt", "h7"));
    a.add(article("a08", "Reuters", "2020-10-11", "Ceasefire holds",
        "The ceasefire held overnight, Nikol Pashinyan said. Nikol Pashinyan thanked the mediators.",
        e("nikol-pashinyan", "Nikol Pashinyan", EntityType.PERSON, 2)));
    return a;
  }

  private static TaggedEntity e(String id, String name, EntityType type, int mentions) {
    return new TaggedEntity(id, name, type, mentions);
  }

  static Article article(String id, String source, String date, String title, String body, TaggedEntity... entities) {
    return new Article(id, "https://example.org/" + id, source, title, null, Published.ofDate(LocalDate.parse(date)), body,
        null, null, "en", List.of(entities), "fixtures/" + id + ".txt", "h" + id);
  }

  /** Writes {@code articles} as the index in {@code dir}, replacing what was there, with the test gazetteer. */
  static void writeIndex(Path dir, List<Article> articles) {
    writeIndex(dir, articles, GAZETTEER);
  }

  /** Writes {@code articles} as the index in {@code dir}, replacing what was there, with {@code gazetteer}'s JSON. */
  static void writeIndex(Path dir, List<Article> articles, String gazetteer) {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(NewsAnalyzers.forIndexing())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      for (Article a : articles) {
        w.addDocument(ArticleDocuments.toDocument(a));
      }
      w.setLiveCommitData(Map.of(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION)).entrySet());
      w.commit();
      Files.writeString(dir.resolve(NewsSchema.GAZETTEER_FILE), gazetteer, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
