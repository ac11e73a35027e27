package org.newsdesk.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Published;
import org.newsdesk.model.TaggedEntity;

/**
 * Converts an {@link Article} to the Lucene document the index holds, and stored fields back to an article.
 *
 * <p>Both directions live here, beside {@link NewsField}, so the writer and the reader cannot disagree on how a
 * field is encoded. Stateless and thread-safe.
 */
public final class ArticleDocuments {

  /**
   * Analyzed with positions, stored. No offsets in the postings: they cost about a tenth of the indexing CPU (schema
   * 3, BENCHMARKS.md "Indexing"), and the highlighter re-analyzes the stored text of the ten hits it shows instead,
   * as Elasticsearch does for a text field by default.
   */
  private static final FieldType TEXT = TextField.TYPE_STORED;

  private ArticleDocuments() {}

  /** The term that identifies an article, for updates and deletes. */
  /** Milliseconds in a day, for the recency decay over {@link NewsField#PUBLISHED} (epoch milliseconds). */
  public static final long MILLIS_PER_DAY = 86_400_000L;

  /**
   * The {@link NewsField#PUBLISHED_DAY} value of a date: its epoch day. Date filters, the query syntax's date ranges
   * and the histogram all count an article on the date it shows, whatever its offset.
   */
  public static int day(java.time.LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static Term idTerm(String id) {
    return new Term(NewsField.ID.fieldName(), id);
  }

  /** The term that matches every article read from one source file. */
  public static Term originFileTerm(String file) {
    return new Term(NewsField.ORIGIN_FILE.fieldName(), file);
  }

  /** The indexed form of a source name: sources filter case-insensitively. */
  public static String sourceKey(String source) {
    return source.strip().toLowerCase(Locale.ROOT);
  }

  /** The Lucene document for an article. */
  public static Document toDocument(Article a) {
    Document doc = new Document();
    doc.add(new StringField(NewsField.ID.fieldName(), a.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(NewsField.ID.fieldName(), new BytesRef(a.id())));
    if (a.url() != null) {
      doc.add(new StoredField(NewsField.URL.fieldName(), a.url()));
    }
    if (a.source() != null) {
      doc.add(new StringField(NewsField.SOURCE.fieldName(), sourceKey(a.source()), Field.Store.NO));
      doc.add(new StoredField(NewsField.SOURCE.fieldName(), a.source()));
      doc.add(new SortedSetDocValuesField(NewsField.SOURCE.fieldName(), new BytesRef(a.source())));
    }
    if (a.title() != null) {
      doc.add(new Field(NewsField.TITLE.fieldName(), a.title(), TEXT));
    }
    doc.add(new Field(NewsField.BODY.fieldName(), a.body(), TEXT));
    doc.add(new StoredField(NewsField.LEAD.fieldName(), Leads.of(a.body())));
    if (a.caption() != null) {
      doc.add(new Field(NewsField.CAPTION.fieldName(), a.caption(), TEXT));
    }
    addStoredIfPresent(doc, NewsField.CREDIT, a.credit());
    addStoredIfPresent(doc, NewsField.AUTHOR, a.author());
    if (a.published() != null) {
      long millis = a.published().toInstant().toEpochMilli();
      doc.add(new LongPoint(NewsField.PUBLISHED.fieldName(), millis));
      doc.add(new NumericDocValuesField(NewsField.PUBLISHED.fieldName(), millis));
      doc.add(new StoredField(NewsField.PUBLISHED.fieldName(), a.published().toString()));
      int day = day(a.published().date());
      doc.add(new IntPoint(NewsField.PUBLISHED_DAY.fieldName(), day));
      doc.add(new NumericDocValuesField(NewsField.PUBLISHED_DAY.fieldName(), day));
    } else {
      doc.add(new StringField(NewsField.UNDATED.fieldName(), "true", Field.Store.NO));
    }
    if (a.language() != null) {
      doc.add(new StringField(NewsField.LANGUAGE.fieldName(), a.language(), Field.Store.YES));
    }
    addEntities(doc, a.entities());
    if (a.origin() != null) {
      doc.add(new StoredField(NewsField.ORIGIN.fieldName(), a.origin()));
      doc.add(new StringField(NewsField.ORIGIN_FILE.fieldName(), originFile(a.origin()), Field.Store.NO));
    }
    if (a.contentHash() != null) {
      // Stored only: rebuilds read it back with the id and origin, and nothing searches by it.
      doc.add(new StoredField(NewsField.CONTENT_HASH.fieldName(), a.contentHash()));
    }
    return doc;
  }

  /** The file part of an origin: {@code dir/a.jsonl:12} → {@code dir/a.jsonl}, {@code x.warc#3} → {@code x.warc}. */
  public static String originFile(String origin) {
    int hash = origin.lastIndexOf('#');
    if (hash > 0) {
      return origin.substring(0, hash);
    }
    int colon = origin.lastIndexOf(':');
    if (colon > 0 && colon < origin.length() - 1 && origin.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return origin.substring(0, colon);
    }
    return origin;
  }

  private static void addEntities(Document doc, List<TaggedEntity> entities) {
    if (entities.isEmpty()) {
      return;
    }
    StringBuilder stored = new StringBuilder();
    for (TaggedEntity e : entities) {
      NewsField.forEntityType(e.type()).ifPresent(f -> {
        doc.add(new StringField(f.fieldName(), e.id(), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(f.fieldName(), new BytesRef(e.id())));
      });
      doc.add(new StringField(NewsField.ENTITY.fieldName(), e.id(), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(NewsField.ENTITY.fieldName(), new BytesRef(e.id())));
      doc.add(new FeatureField(NewsField.ENTITY_SALIENCE.fieldName(), e.id(), e.mentions()));
      stored.append(e.type().name()).append('\t').append(e.id()).append('\t').append(e.mentions()).append('\t')
          .append(e.name()).append('\n');
    }
    doc.add(new StoredField(NewsField.ENTITIES_STORED.fieldName(), stored.toString()));
  }

  private static void addStoredIfPresent(Document doc, NewsField field, String value) {
    if (value != null) {
      doc.add(new StoredField(field.fieldName(), value));
    }
  }

  /** Rebuilds an article from a document's stored fields. */
  public static Article fromDocument(Document doc) {
    String published = doc.get(NewsField.PUBLISHED.fieldName());
    return new Article(
        doc.get(NewsField.ID.fieldName()),
        doc.get(NewsField.URL.fieldName()),
        doc.get(NewsField.SOURCE.fieldName()),
        doc.get(NewsField.TITLE.fieldName()),
        doc.get(NewsField.AUTHOR.fieldName()),
        published == null ? null : Published.parse(published),
        nullToEmpty(doc.get(NewsField.BODY.fieldName())),
        doc.get(NewsField.CAPTION.fieldName()),
        doc.get(NewsField.CREDIT.fieldName()),
        doc.get(NewsField.LANGUAGE.fieldName()),
        parseEntities(doc.get(NewsField.ENTITIES_STORED.fieldName())),
        doc.get(NewsField.ORIGIN.fieldName()),
        doc.get(NewsField.CONTENT_HASH.fieldName()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The tagged entities stored in a document, in order of first mention. */
  public static List<TaggedEntity> entities(Document doc) {
    return parseEntities(doc.get(NewsField.ENTITIES_STORED.fieldName()));
  }

  private static List<TaggedEntity> parseEntities(String stored) {
    if (stored == null || stored.isEmpty()) {
      return List.of();
    }
    // Lines of "TYPE \t id \t mentions \t name", read with indexOf: every hit of every search comes through here.
    List<TaggedEntity> out = new ArrayList<>();
    for (int start = 0; start < stored.length(); ) {
      int end = stored.indexOf('\n', start);
      end = end < 0 ? stored.length() : end;
      int t1 = stored.indexOf('\t', start);
      int t2 = t1 < 0 || t1 >= end ? -1 : stored.indexOf('\t', t1 + 1);
      int t3 = t2 < 0 || t2 >= end ? -1 : stored.indexOf('\t', t2 + 1);
      if (t3 >= 0 && t3 < end) {
        out.add(new TaggedEntity(stored.substring(t1 + 1, t2), stored.substring(t3 + 1, end),
            storedType(stored.substring(start, t1)), Integer.parseInt(stored, t2 + 1, t3, 10)));
      }
      start = end + 1;
    }
    return out;
  }

  /** The built-in constant for a built-in type name, sparing the name's validation; another type otherwise. */
  private static EntityType storedType(String name) {
    return switch (name) {
      case "PERSON" -> EntityType.PERSON;
      case "LOCATION" -> EntityType.LOCATION;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      default -> new EntityType(name);
    };
  }
}
