package org.newsdesk.index.enrich;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * Re-tags, in an open index, exactly the articles whose tags change when the gazetteer changes, from their stored
 * fields and without re-reading any source.
 *
 * <p><b>Contract.</b> {@link #retag} takes an open {@link IndexWriter} (the caller holds the index lock), the
 * gazetteer the index was tagged with (for example {@code Gazetteer.read(indexDir.resolve(NewsSchema.GAZETTEER_FILE))})
 * and the new one. It
 * <ol>
 *   <li>diffs the two: entries removed, entries whose name, type or aliases changed (demonyms are never tagged and
 *       do not count), and entries added;
 *   <li>finds candidates with index queries: every article tagged ({@code entity} field) with a removed or changed
 *       entity, plus every article whose analyzed title, caption or body contains all the words of a name of a changed
 *       or added entity (a superset of the articles where the tagger can match that name);
 *   <li>re-tags each candidate from its stored fields ({@link ArticleDocuments#fromDocument}) with the new gazetteer
 *       and, only where the tagged entities or their mention counts differ, replaces the document
 *       ({@link IndexWriter#updateDocument}).
 * </ol>
 * If the gazetteer file and the commit disagree (the file's {@link Gazetteer#fingerprint()} is not the commit's
 * {@code NewsSchema.USER_DATA_GAZETTEER}, as after a crash between writing the file and committing), the old
 * gazetteer is unknown: call {@link #retagAll} instead.
 *
 * <p>It does not commit: the caller commits, together with the new gazetteer fingerprint
 * ({@code NewsSchema.USER_DATA_GAZETTEER}) and the new gazetteer file, so that a crash before the commit leaves the
 * old tags, the old fingerprint and the old file, and the next run redoes the work. It relies on every field that
 * {@link ArticleDocuments#toDocument} writes being recoverable by {@code fromDocument}. Not covered: reordering entries
 * without changing them, which can only change which of two entries with an identical name wins a tie.
 *
 * <p>Stateless; a call uses only its arguments, so concurrent calls on different writers are safe.
 */
public final class Retagger {
  private static final NewsField[] TEXT_FIELDS = {NewsField.TITLE, NewsField.CAPTION, NewsField.BODY};

  private Retagger() {}

  /**
   * What a re-tagging did.
   *
   * @param changedEntities ids of entities added, removed or changed between the two gazetteers, sorted
   * @param candidates articles examined
   * @param retaggedIds ids of the articles whose document was replaced, sorted
   * @param fullScan true when some name had no indexable word, so every article was a candidate
   * @param duration wall time
   */
  public record Report(Set<String> changedEntities, long candidates, Set<String> retaggedIds, boolean fullScan, Duration duration) {
    public Report {
      // sorted, as documented (Set.copyOf iterates in a new order on every JVM start)
      changedEntities = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(changedEntities, "changedEntities")));
      retaggedIds = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(retaggedIds, "retaggedIds")));
      Objects.requireNonNull(duration, "duration");
    }

    /** How many articles were re-tagged. */
    public int retagged() {
      return retaggedIds.size();
    }
  }

  /**
   * Re-tags the articles whose tags differ between {@code oldGazetteer} and {@code newGazetteer}; see the class
   * javadoc for the contract. Does not commit.
   *
   * @throws IOException if the index cannot be read or written
   */
  public static Report retag(IndexWriter writer, Gazetteer oldGazetteer, Gazetteer newGazetteer) throws IOException {
    Instant start = Instant.now();
    Map<String, GazetteerEntry> before = byId(oldGazetteer);
    Map<String, GazetteerEntry> after = byId(newGazetteer);
    Set<String> removedOrChanged = new TreeSet<>();
    Set<String> addedOrChanged = new TreeSet<>();
    before.forEach((id, e) -> {
      GazetteerEntry now = after.get(id);
      if (now == null || !sameTagging(e, now)) {
        removedOrChanged.add(id);
      }
    });
    after.forEach((id, e) -> {
      GazetteerEntry then = before.get(id);
      if (then == null || !sameTagging(then, e)) {
        addedOrChanged.add(id);
      }
    });
    Set<String> changed = new TreeSet<>(removedOrChanged);
    changed.addAll(addedOrChanged);
    if (changed.isEmpty()) {
      return new Report(changed, 0, Set.of(), false, Duration.between(start, Instant.now()));
    }
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(newGazetteer);
    Set<String> retagged = new TreeSet<>();
    long candidates = 0;
    boolean fullScan;
    try (DirectoryReader reader = DirectoryReader.open(writer); Analyzer analyzer = NewsAnalyzers.text(NewsAnalyzer.Mode.QUERY)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Query> queries = new ArrayList<>();
      removedOrChanged.forEach(id -> queries.add(new TermQuery(new Term(NewsField.ENTITY.fieldName(), id))));
      fullScan = false;
      for (String id : addedOrChanged) {
        for (String name : after.get(id).allNames()) {
          Query q = nameQuery(analyzer, name);
          if (q == null) {
            fullScan = true;
            break;
          }
          queries.add(q);
        }
      }
      FixedBitSet docs = new FixedBitSet(Math.max(1, reader.maxDoc()));
      for (Query q : fullScan ? List.<Query>of(new MatchAllDocsQuery()) : queries) {
        collect(searcher, q, docs);
      }
      candidates = retagDocs(writer, reader, docs, tagger, retagged);
    }
    return new Report(changed, candidates, retagged, fullScan, Duration.between(start, Instant.now()));
  }

  /**
   * Re-tags every article with {@code newGazetteer}, replacing only the documents whose tags change. For when the
   * gazetteer the index was tagged with is unknown. Does not commit.
   *
   * @throws IOException if the index cannot be read or written
   */
  public static Report retagAll(IndexWriter writer, Gazetteer newGazetteer) throws IOException {
    Instant start = Instant.now();
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(newGazetteer);
    Set<String> retagged = new TreeSet<>();
    long candidates = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      FixedBitSet docs = new FixedBitSet(Math.max(1, reader.maxDoc()));
      collect(new IndexSearcher(reader), new MatchAllDocsQuery(), docs);
      candidates = retagDocs(writer, reader, docs, tagger, retagged);
    }
    Set<String> all = newGazetteer.entries().stream().map(GazetteerEntry::id).collect(Collectors.toSet());
    return new Report(all, candidates, retagged, true, Duration.between(start, Instant.now()));
  }

  private static long retagDocs(IndexWriter writer, DirectoryReader reader, FixedBitSet docs, GazetteerEntityTagger tagger,
      Set<String> retagged) throws IOException {
    long candidates = 0;
    StoredFields stored = reader.storedFields();
    for (int doc = docs.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = doc + 1 < docs.length() ? docs.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      candidates++;
      Article article = ArticleDocuments.fromDocument(stored.document(doc));
      Article now = tagger.tag(article);
      if (!now.entities().equals(article.entities())) {
        writer.updateDocument(ArticleDocuments.idTerm(article.id()), ArticleDocuments.toDocument(now));
        retagged.add(article.id());
      }
    }
    return candidates;
  }

  private static Map<String, GazetteerEntry> byId(Gazetteer g) {
    return g.entries().stream().collect(Collectors.toMap(GazetteerEntry::id, Function.identity()));
  }

  /** Whether two versions of an entry tag the same text the same way. */
  private static boolean sameTagging(GazetteerEntry a, GazetteerEntry b) {
    return a.name().equals(b.name()) && a.type().equals(b.type()) && new LinkedHashSet<>(a.allNames()).equals(new LinkedHashSet<>(b.allNames()));
  }

  /** Articles whose title, caption or body holds every analyzed word of the name; null if the name has none. */
  private static Query nameQuery(Analyzer analyzer, String name) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(NewsField.BODY.fieldName(), name)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    }
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
    for (NewsField f : TEXT_FIELDS) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      terms.stream().distinct().forEach(t -> all.add(new TermQuery(new Term(f.fieldName(), t)), BooleanClause.Occur.FILTER));
      anyField.add(all.build(), BooleanClause.Occur.SHOULD);
    }
    return anyField.build();
  }

  private static void collect(IndexSearcher searcher, Query query, FixedBitSet docs) throws IOException {
    searcher.search(query, new SimpleCollector() {
      private int base;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs.set(base + doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
  }
}
