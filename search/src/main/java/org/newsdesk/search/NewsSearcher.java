package org.newsdesk.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.NameIndex;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Published;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.schema.SchemaMismatchException;

/**
 * The embedded Lucene search backend and the library's facade. Open it once per application and share it:
 * searches are thread-safe, and new commits of the index (a rebuild) become visible within about a second, without
 * the caller reopening anything; a search that started on the old index finishes on it. After {@link #close()}, every
 * method that reads the index throws {@link SearchException}; closing twice is harmless.
 *
 * <pre>{@code
 * try (NewsSearcher searcher = NewsSearcher.open(Path.of("data/index"))) {
 *   SearchResults results = searcher.search(SearchRequest.of("ceasefire").withLimit(5));
 *   results.hits().forEach(hit -> System.out.println(hit.title()));
 * }
 * }</pre>
 */
public final class NewsSearcher implements SearchBackend {
  /** How often the background thread looks for a new commit. */
  static final long REFRESH_MILLIS = 500;
  private static final String[] TEXT_FIELDS = {NewsField.TITLE.fieldName(), NewsField.BODY.fieldName()};
  /** The stored fields a {@link SearchHit} is made of, apart from its lead; never the body, often the largest. */
  private static final Set<String> HIT_FIELDS = Set.of(NewsField.ID.fieldName(), NewsField.TITLE.fieldName(),
      NewsField.PUBLISHED.fieldName(), NewsField.SOURCE.fieldName(), NewsField.URL.fieldName(),
      NewsField.ENTITIES_STORED.fieldName());
  private static final Set<String> HIT_FIELDS_WITH_LEAD = Set.of(NewsField.ID.fieldName(), NewsField.TITLE.fieldName(),
      NewsField.PUBLISHED.fieldName(), NewsField.SOURCE.fieldName(), NewsField.URL.fieldName(),
      NewsField.ENTITIES_STORED.fieldName(), NewsField.LEAD.fieldName());

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager manager;
  private final Ranking ranking;
  private final Analyzer analyzer;
  private final Analyzer textAnalyzer;
  /** Re-reads stored text as the index did: the highlighter (each shown body) and the suggester. */
  private final IndexChain indexChain;
  private final QueryFactory queries;
  private final Suggester suggester;
  private final Feedback feedback;
  private final ScheduledExecutorService refresher;
  private final AtomicLong refreshFailures = new AtomicLong();
  private volatile String lastRefreshFailure;
  private volatile EntityResolver entities;
  private volatile FileTime gazetteerStamp;

  private NewsSearcher(Path indexDir, Directory directory, SearcherManager manager, Ranking ranking,
      FutureTask<LoadedGazetteer> gazetteer) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.manager = manager;
    this.ranking = ranking;
    this.analyzer = NewsAnalyzers.forQueries(ranking.analysis());
    this.textAnalyzer = NewsAnalyzers.text(NewsAnalyzer.Mode.QUERY, ranking.analysis());
    this.indexChain = new IndexChain(ranking.analysis());
    this.queries = new QueryFactory(analyzer, indexChain, ranking);
    this.suggester = new Suggester(textAnalyzer, indexChain);
    this.feedback = new Feedback(textAnalyzer, ranking);
    LoadedGazetteer loaded = await(gazetteer);
    this.entities = loaded.resolver();
    this.gazetteerStamp = loaded.stamp();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "newsdesk-searcher-refresh " + indexDir.getFileName());
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the index in {@code indexDir} with newsdesk's default ranking.
   *
   * @throws SearchException if there is no index there, it cannot be read, or its gazetteer file is invalid
   * @throws SchemaMismatchException if it was built with another schema version
   */
  public static NewsSearcher open(Path indexDir) {
    return open(indexDir, Ranking.defaults());
  }

  /**
   * Opens the index in {@code indexDir} with the given ranking (evaluations; collections unlike news).
   *
   * @throws SearchException if there is no index there, it cannot be read, or its gazetteer file is invalid
   * @throws SchemaMismatchException if it was built with another schema version
   */
  public static NewsSearcher open(Path indexDir, Ranking ranking) {
    if (!Files.isDirectory(indexDir)) {
      throw new SearchException("no index at " + indexDir + ": build one with `newsdesk index PATH...`");
    }
    // Start-up: the gazetteer (JSON, then the resolver's name index) loads on another core while Lucene opens the
    // index; a one-query command line pays for the longer of the two, not the sum (docs/cli.md, "Start-up").
    FutureTask<LoadedGazetteer> gazetteer = new FutureTask<>(() -> LoadedGazetteer.load(indexDir, null, null));
    Thread loader = new Thread(gazetteer, "newsdesk-gazetteer-load " + indexDir.getFileName());
    loader.setDaemon(true);
    loader.start();
    Directory dir = null;
    try {
      dir = FSDirectory.open(indexDir);
      if (!DirectoryReader.indexExists(dir)) {
        throw new SearchException("no index at " + indexDir + ": build one with `newsdesk index PATH...`");
      }
      BM25Similarity similarity = new BM25Similarity(ranking.k1(), ranking.b());
      SearcherManager manager = new SearcherManager(dir, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher s = new IndexSearcher(reader);
          s.setSimilarity(similarity);
          return s;
        }
      });
      IndexSearcher s = manager.acquire();
      try {
        NewsSchema.checkCompatible(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData(), indexDir.toString());
      } finally {
        manager.release(s);
      }
      return new NewsSearcher(indexDir, dir, manager, ranking, gazetteer);
    } catch (org.apache.lucene.index.CorruptIndexException | org.apache.lucene.index.IndexFormatTooOldException
        | org.apache.lucene.index.IndexFormatTooNewException e) {
      closeQuietly(dir);
      throw new SearchException("cannot open index " + indexDir + ", it is damaged: " + e.getMessage()
          + "; run `newsdesk check`, then `newsdesk rollback` or `newsdesk rebuild --full SOURCE...`", e);
    } catch (IOException e) {
      closeQuietly(dir);
      throw new SearchException("cannot open index " + indexDir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(dir);
      throw e;
    }
  }

  @Override
  public SearchResults search(SearchRequest request) {
    long start = System.nanoTime();
    EntityResolver resolver = entities;
    IndexSearcher searcher = acquire();
    try {
      long newest = request.recencyHalfLifeDays() > 0 ? newestMillis(searcher) : Long.MIN_VALUE;
      String paging = Cursors.fingerprint(request); // what a cursor of this search must have been made for
      Page page = run(searcher, request, request.match(), resolver, newest, paging);
      if (page.total == 0) {
        Sources.checkKnown(request.sources(), searcher); // a --source no article has: say so, with the closest
        Sources.checkNamed(request.query(), page.highlight, searcher); // and a source: in the query, at its place
      }
      // Judge "nothing or almost nothing" on the query as asked, before any fallback.
      long asked = page.total;
      boolean fellBack = false;
      if (page.total == 0 && request.match() == SearchRequest.MatchMode.ALL && !request.query().isBlank()) {
        Page any = run(searcher, request, SearchRequest.MatchMode.ANY, resolver, newest, paging);
        if (any.total > 0) {
          page = any;
          fellBack = true;
        }
      }
      String suggestion = asked <= Suggester.FEW_HITS && !request.query().isBlank()
          ? suggester.suggest(request.query(), searcher) : null;
      if (suggestion != null && !finds(searcher, request.withQuery(suggestion), resolver, newest)) {
        suggestion = null; // a correction that finds nothing here (ceasefire -armenia, or under the filters) is no help
      }
      // Words that match no article but name an entity (an alias in another script, Путин): its articles.
      // The whole query is given as one --entity name, so that an alias several entities share finds the articles
      // of any of them, as the entity filter does.
      List<String> byEntity = List.of();
      if (page.total == 0 && !request.query().isBlank() && !excludesWords(request.query())) {
        List<String> ids = resolver.exactIds(request.query());
        if (!ids.isEmpty()) {
          List<String> entities = new ArrayList<>(request.entities());
          entities.add(request.query());
          Page named = run(searcher, request.withQuery("").withEntities(entities), request.match(), resolver, newest,
              paging);
          if (named.total > 0) {
            page = named;
            Set<String> names = new LinkedHashSet<>();
            for (String id : ids) {
              names.add(resolver.displayName(id));
            }
            byEntity = new ArrayList<>(names);
          }
        }
      }
      List<SearchHit> hits = toHits(searcher, page, request);
      // A next page only when hits remain after this one: a page that ends on the last hit has no cursor, so
      // that following it never gives an empty page.
      int first = request.cursor() == null ? request.offset() : 0;
      String next = hits.isEmpty() || page.fromHere <= hits.size()
          ? null : Cursors.encode(request.sort(), (FieldDoc) page.top.scoreDocs[first + hits.size() - 1],
              hits.get(hits.size() - 1).id(), paging);
      Map<SearchRequest.Facet, List<SearchResults.FacetCount>> facets =
          page.facets == null ? Map.of() : page.facets.result(request.facetLimit(), resolver::displayName, resolver::type);
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResults(request.query(), page.total, hits, facets, suggestion, fellBack, took, next, byEntity,
          ambiguousFilters(request, resolver));
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryFactory.tooManyClauses(request.query());
    } catch (IOException e) {
      String fix = e instanceof org.apache.lucene.index.CorruptIndexException
          ? "; the index is damaged: run `newsdesk check`, then `newsdesk rollback` or `newsdesk rebuild --full SOURCE...`" : "";
      throw new SearchException("search failed on " + indexDir + ": " + e.getMessage() + fix, e);
    } finally {
      release(searcher);
    }
  }

  /**
   * True when {@code r}'s query finds an article under its filters and match mode: a count, neither scored nor
   * ranked. Feedback is left out: it expands only a query that finds articles already.
   */
  private boolean finds(IndexSearcher searcher, SearchRequest r, EntityResolver resolver, long newest)
      throws IOException {
    QueryFactory.Parts parts;
    try {
      parts = queries.build(r, r.match(), resolver, newest);
    } catch (SearchException e) {
      return false; // a correction that does not parse (none should) is not offered
    }
    return searcher.count(QueryFactory.withFilters(parts.text(), parts.filters())) > 0;
  }

  /**
   * True when the query leaves words out ({@code -armenia}, {@code !armenia}, {@code NOT armenia}): its words do not
   * name an entity whose articles it wants (the name lookup ignores the sign), so there is no entity fallback.
   */
  static boolean excludesWords(String query) {
    // a phrase's words are words, whatever their signs ("Putin -x" asks for a phrase)
    String outsidePhrases = query.replaceAll("\"[^\"]*\"", " ");
    for (String word : outsidePhrases.strip().split("[\\s(]+")) {
      if (word.equals("NOT") || word.length() > 1 && (word.charAt(0) == '-' || word.charAt(0) == '!')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The request's entity filter names that each stand for several entities, with their display names: the filter
   * passes the articles of any of them, which a user who gave a first name may not expect. Resolving again is a few
   * map look-ups; the names resolved when the query was made.
   */
  private static Map<String, List<String>> ambiguousFilters(SearchRequest r, EntityResolver resolver) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    ambiguous(out, r.persons(), EntityType.PERSON, resolver);
    ambiguous(out, r.locations(), EntityType.LOCATION, resolver);
    ambiguous(out, r.organizations(), EntityType.ORGANIZATION, resolver);
    ambiguous(out, r.entities(), null, resolver);
    return out;
  }

  private static void ambiguous(Map<String, List<String>> out, List<String> names, EntityType type,
      EntityResolver resolver) {
    for (String name : names) {
      List<String> ids = resolver.resolve(name, type);
      if (ids.size() > 1) {
        List<String> plain = new ArrayList<>();
        for (String id : ids) {
          plain.add(resolver.displayName(id));
        }
        List<String> display = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) { // two Georgias: each with its id
          String n = plain.get(i);
          display.add(plain.indexOf(n) == plain.lastIndexOf(n) ? n : n + " (" + ids.get(i) + ")");
        }
        out.put(name, display);
      }
    }
  }

  /**
   * One search's top documents, total, facet counts, and the query that found them.
   *
   * @param fromHere how many hits there are from this page's first on: from the offset; after a cursor, up to one
   *     more than the page holds (enough to tell whether a next page has any)
   */
  private record Page(TopDocs top, long total, long fromHere, FacetCounter facets, Query highlight) {}

  private Page run(IndexSearcher searcher, SearchRequest r, SearchRequest.MatchMode match, EntityResolver resolver,
      long newest, String paging) throws IOException {
    QueryFactory.Parts parts = queries.build(r, match, resolver, newest);
    Query ranked = parts.ranked();
    if (r.sort() == SearchRequest.SortOrder.RELEVANCE && !r.query().isBlank()) {
      ranked = feedback.expand(ranked, parts.text(), searcher, match == SearchRequest.MatchMode.ALL);
    }
    Query query = QueryFactory.withFilters(ranked, parts.filters());
    Sort sort = sort(r.sort());
    FieldDoc after = r.cursor() == null ? null : Cursors.decode(r.cursor(), r.sort(), paging);
    // After a cursor, one hit more than the page shows: whether there is a next page at all (the collector's total
    // counts every match, not those after the cursor).
    int wanted = after == null ? r.offset() + r.limit() : r.limit() + 1;
    FacetCounter facets = r.facets().isEmpty() ? null : new FacetCounter(r.facets(), r.interval());
    TopDocs docs;
    // A blank query scores every match alike: all ties, which the (score, id) sort itself orders best.
    if (r.sort() == SearchRequest.SortOrder.RELEVANCE && after == null && !r.query().isBlank()) {
      docs = RelevanceTop.search(searcher, query, wanted, facets);
    } else {
      TopFieldCollector top = TopFieldCollector.create(sort, wanted, after, Integer.MAX_VALUE);
      searcher.search(query, facets == null ? top : MultiCollector.wrap(top, facets));
      docs = top.topDocs();
    }
    long total = docs.totalHits.value;
    long fromHere = after == null ? Math.max(0, total - r.offset()) : docs.scoreDocs.length;
    return new Page(docs, total, fromHere, facets, parts.text());
  }

  /**
   * The type of entity {@code id} in the index's gazetteer ({@code EVENT} for a type it declares), or empty when the
   * gazetteer does not know the id: for the buckets of {@link SearchRequest.Facet#OTHER_TYPES}.
   */
  public Optional<EntityType> entityType(String id) {
    java.util.Objects.requireNonNull(id, "id");
    return Optional.ofNullable(entities.type(id));
  }

  /** The entity types of the index's gazetteer besides person, location and organization, by key; often none. */
  public List<EntityType> otherEntityTypes() {
    return entities.otherTypes();
  }

  @Override
  public Optional<Article> get(String id) {
    java.util.Objects.requireNonNull(id, "id");
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(idQuery(id), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(ArticleDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw new SearchException("cannot read article " + id + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public SearchResults moreLikeThis(String id, int limit) {
    java.util.Objects.requireNonNull(id, "id");
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
    }
    long start = System.nanoTime();
    IndexSearcher searcher = acquire();
    try {
      TopDocs self = searcher.search(idQuery(id), 1);
      if (self.scoreDocs.length == 0) {
        return new SearchResults("like:" + id, 0, List.of(), Map.of(), null, false, 0, null);
      }
      MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
      mlt.setAnalyzer(textAnalyzer);
      mlt.setFieldNames(TEXT_FIELDS);
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(1);
      mlt.setMinWordLen(3);
      mlt.setMaxQueryTerms(25);
      mlt.setBoost(true);
      Query like = mlt.like(self.scoreDocs[0].doc);
      Query query = new BooleanQuery.Builder()
          .add(like, BooleanClause.Occur.MUST)
          .add(idQuery(id), BooleanClause.Occur.MUST_NOT)
          .build();
      TopFieldCollector top = TopFieldCollector.create(sort(SearchRequest.SortOrder.RELEVANCE), limit, Integer.MAX_VALUE);
      searcher.search(query, top);
      TopDocs docs = top.topDocs();
      SearchRequest shape = SearchRequest.of("").withLimit(limit).withHighlight(false, SearchRequest.Markers.DEFAULT);
      List<SearchHit> hits = toHits(searcher, new Page(docs, docs.totalHits.value, docs.totalHits.value, null, like), shape);
      return new SearchResults("like:" + id, docs.totalHits.value, hits, Map.of(), null, false,
          (System.nanoTime() - start) / 1_000_000, null);
    } catch (IOException e) {
      throw new SearchException("more-like-this failed for " + id + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  /** How many background refreshes have failed since opening; the last reason is in {@link #lastRefreshFailure()}. */
  public long refreshFailures() {
    return refreshFailures.get();
  }

  /** Why the last background refresh failed, or null. The searcher keeps serving the last good index meanwhile. */
  public String lastRefreshFailure() {
    return lastRefreshFailure;
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      manager.close();
      directory.close();
    } catch (IOException e) {
      throw new SearchException("cannot close index " + indexDir + ": " + e.getMessage(), e);
    } finally {
      analyzer.close();
      textAnalyzer.close();
      indexChain.close();
    }
  }

  /** Background: picks up a new commit and a new gazetteer file. Failures are counted, and the old index serves on. */
  private void refresh() {
    try {
      manager.maybeRefresh();
      loadGazetteer();
    } catch (IOException | RuntimeException e) {
      refreshFailures.incrementAndGet();
      lastRefreshFailure = "cannot refresh " + indexDir + ": " + e.getMessage();
    }
  }

  private void loadGazetteer() {
    LoadedGazetteer loaded = LoadedGazetteer.load(indexDir, entities, gazetteerStamp);
    entities = loaded.resolver();
    gazetteerStamp = loaded.stamp();
  }

  /** The entity resolver of the index's gazetteer file (the default gazetteer when it has none) and the file's time. */
  private record LoadedGazetteer(EntityResolver resolver, FileTime stamp) {
    /** Reads the gazetteer unless {@code current} was read from a file with the same time stamp. */
    static LoadedGazetteer load(Path indexDir, EntityResolver current, FileTime currentStamp) {
      Path file = indexDir.resolve(NewsSchema.GAZETTEER_FILE);
      FileTime stamp;
      try {
        stamp = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
      } catch (IOException e) {
        stamp = null;
      }
      if (current != null && java.util.Objects.equals(stamp, currentStamp)) {
        return new LoadedGazetteer(current, currentStamp);
      }
      if (stamp == null) {
        return new LoadedGazetteer(new EntityResolver(Gazetteer.defaults()), null);
      }
      byte[] json;
      try {
        json = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new SearchException("cannot read gazetteer " + file + ": " + e.getMessage(), e);
      }
      // The build's folded copy of these names when it matches the JSON: no parsing or folding at start-up.
      NameIndex names = NameIndex.read(indexDir.resolve(NewsSchema.NAMES_FILE), json)
          .orElseGet(() -> NameIndex.of(Gazetteer.parse(json, file.toString())));
      return new LoadedGazetteer(new EntityResolver(names), stamp);
    }
  }

  /** The result of the gazetteer load started by {@link #open}; its failure is thrown here, as if loaded in line. */
  private static LoadedGazetteer await(FutureTask<LoadedGazetteer> gazetteer) {
    try {
      return gazetteer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SearchException("interrupted while loading the gazetteer", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.newsdesk.gazetteer.GazetteerException g) {
        throw new SearchException(g.getMessage(), g); // an invalid gazetteer file: what open's callers catch
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new SearchException("cannot load the gazetteer: " + e.getCause(), e.getCause());
    }
  }

  private static long newestMillis(IndexSearcher searcher) throws IOException {
    byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), NewsField.PUBLISHED.fieldName());
    return max == null ? Long.MIN_VALUE : LongPoint.decodeDimension(max, 0);
  }

  private static Sort sort(SearchRequest.SortOrder order) {
    SortField id = new SortField(NewsField.ID.fieldName(), SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> RelevanceTop.sort();
      // By the date each hit shows first (the day in the offset it was published in), then by the instant: by the
      // instant alone, a story of 26 Oct at 21:50 in California (27 Oct in UTC) sorted among 27 Oct's.
      case NEWEST -> new Sort(byDay(true), byInstant(true), id);
      case OLDEST -> new Sort(byDay(false), byInstant(false), id);
    };
  }

  // Undated articles come last in both orders. Each sort's type is its points' (int days, long millis), which
  // Lucene's comparators use to skip documents that cannot make the page.
  private static SortField byDay(boolean reverse) {
    SortField f = new SortField(NewsField.PUBLISHED_DAY.fieldName(), SortField.Type.INT, reverse);
    f.setMissingValue(reverse ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    return f;
  }

  private static SortField byInstant(boolean reverse) {
    SortField f = new SortField(NewsField.PUBLISHED.fieldName(), SortField.Type.LONG, reverse);
    f.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
    return f;
  }

  private List<SearchHit> toHits(IndexSearcher searcher, Page page, SearchRequest r) throws IOException {
    ScoreDoc[] all = page.top.scoreDocs;
    int from = r.cursor() == null ? Math.min(r.offset(), all.length) : 0;
    ScoreDoc[] shown = Arrays.copyOfRange(all, from, Math.min(all.length, from + r.limit()));
    String[] snippets = null;
    if (r.highlight() && shown.length > 0 && !r.query().isBlank()) {
      // Plain terms: only the words that may analyze to them are analyzed again (HighlightWindows).
      Analyzer windows = HighlightWindows.forQuery(indexChain.get(), indexChain.compounds(), page.highlight,
          NewsField.BODY.fieldName());
      try {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, windows != null ? windows : indexChain.get())
            .withFormatter(new DefaultPassageFormatter(r.markers().pre(), r.markers().post(), Snippets.ELLIPSIS,
                r.markers().escapeHtml()))
            .withMaxLength(200_000)
            // sentences, but not cut after "Mr." or "U.S." when a capital follows, as the JDK's sentences are
            .withBreakIterator(SentenceBreakIterator::new)
            // a body without a match (the title matched) shows the stored lead, not its first sentences
            .withMaxNoHighlightPassages(0)
            // Phrases need the position checks of a memory index; plain terms are found in the token stream.
            .withPassageRelevancyOverSpeed(Snippets.hasPhrase(page.highlight))
            .build();
        snippets = highlighter.highlight(NewsField.BODY.fieldName(), page.highlight, new TopDocs(page.top.totalHits, shown), 2);
      } finally {
        if (windows != null) {
          windows.close();
        }
      }
    }
    List<SearchHit> hits = new ArrayList<>(shown.length);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < shown.length; i++) {
      boolean highlighted = snippets != null && snippets[i] != null;
      // Only what a hit shows: the lead made at index time when no passage is highlighted, never the body.
      // Read field by field: a whole Article (every field looked up, its invariants checked) is not needed here.
      Document doc = stored.document(shown[i].doc, highlighted ? HIT_FIELDS : HIT_FIELDS_WITH_LEAD);
      String lead = highlighted ? null : doc.get(NewsField.LEAD.fieldName());
      String snippet = highlighted ? Snippets.shorten(Snippets.flatten(snippets[i]), r.markers().pre(), r.markers().post())
          : lead == null ? "" : r.markers().escapeHtml() ? Snippets.escapeHtml(lead) : lead;
      String published = doc.get(NewsField.PUBLISHED.fieldName());
      hits.add(new SearchHit(doc.get(NewsField.ID.fieldName()), doc.get(NewsField.TITLE.fieldName()),
          published == null ? null : Published.parse(published), doc.get(NewsField.SOURCE.fieldName()),
          doc.get(NewsField.URL.fieldName()), score(shown[i], r.sort()), snippet,
          Article.namesByType(ArticleDocuments.entities(doc))));
    }
    return hits;
  }

  /** The relevance score of a hit: sorted searches keep it in the first sort value; 0 when sorted by date. */
  private static float score(ScoreDoc doc, SearchRequest.SortOrder sort) {
    if (sort == SearchRequest.SortOrder.RELEVANCE && doc instanceof FieldDoc f && f.fields != null && f.fields[0] instanceof Float s) {
      return s;
    }
    return Float.isNaN(doc.score) ? 0f : doc.score;
  }

  /**
   * The id as given, or in NFC or NFD: the index builder normalizes given ids to NFC now, so one typed with a
   * combining accent finds its article; an index built before that may hold the id as it was given (either form).
   */
  private static Query idQuery(String id) {
    Set<String> forms = new LinkedHashSet<>(List.of(id,
        java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFC),
        java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFD))); // an older index, the id typed in NFC
    if (forms.size() == 1) {
      return new TermQuery(ArticleDocuments.idTerm(id));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String form : forms) {
      any.add(new TermQuery(ArticleDocuments.idTerm(form)), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private IndexSearcher acquire() {
    try {
      return manager.acquire();
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      throw new SearchException("this searcher of " + indexDir + " is closed", e); // no Lucene type for callers
    } catch (IOException e) {
      throw new SearchException("cannot read index " + indexDir + ": " + e.getMessage(), e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      manager.release(searcher);
    } catch (IOException e) {
      throw new SearchException("cannot release searcher: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Directory dir) {
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException ignored) {
        // already failing; the original error is what the caller needs
      }
    }
  }
}
