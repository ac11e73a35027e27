package org.newsdesk.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.model.Article;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.schema.SchemaMismatchException;

/**
 * The embedded Lucene search backend and the library's facade. Open it once per application and share it:
 * searches are thread-safe, and new commits of the index (a rebuild) become visible within seconds without the
 * caller reopening anything.
 *
 * <pre>{@code
 * try (NewsSearcher searcher = NewsSearcher.open(Path.of("data/index"))) {
 *   SearchResults results = searcher.search(SearchRequest.of("ceasefire").withLimit(5));
 *   results.hits().forEach(hit -> System.out.println(hit.title()));
 * }
 * }</pre>
 */
public final class NewsSearcher implements SearchBackend {
  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer;

  private NewsSearcher(Path indexDir, Directory directory, SearcherManager manager, Analyzer analyzer) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.manager = manager;
    this.analyzer = analyzer;
  }

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws SearchException if there is no index there, or it cannot be read
   * @throws SchemaMismatchException if it was built with another schema version
   */
  public static NewsSearcher open(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      throw new SearchException("no index at " + indexDir + ": build one with `newsdesk index PATH...`");
    }
    Directory dir = null;
    try {
      dir = FSDirectory.open(indexDir);
      if (!DirectoryReader.indexExists(dir)) {
        throw new SearchException("no index at " + indexDir + ": build one with `newsdesk index PATH...`");
      }
      SearcherManager manager = new SearcherManager(dir, null);
      IndexSearcher s = manager.acquire();
      try {
        NewsSchema.checkCompatible(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData(), indexDir.toString());
      } finally {
        manager.release(s);
      }
      return new NewsSearcher(indexDir, dir, manager, NewsAnalyzers.forQueries());
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
    IndexSearcher searcher = acquire();
    try {
      Query text = parse(request.query(), request.match());
      Query query = withFilters(text, request);
      Sort sort = sort(request.sort());
      TopFieldCollector collector = TopFieldCollector.create(sort, request.offset() + request.limit(), Integer.MAX_VALUE);
      searcher.search(query, collector);
      TopDocs top = collector.topDocs();
      boolean fellBack = false;
      if (top.totalHits.value == 0 && request.match() == SearchRequest.MatchMode.ALL && !request.query().isBlank()) {
        query = withFilters(parse(request.query(), SearchRequest.MatchMode.ANY), request);
        collector = TopFieldCollector.create(sort, request.offset() + request.limit(), Integer.MAX_VALUE);
        searcher.search(query, collector);
        top = collector.topDocs();
        fellBack = top.totalHits.value > 0;
      }
      List<SearchHit> hits = toHits(searcher, query, top, request);
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResults(request.query(), top.totalHits.value, hits, Map.of(), null, fellBack, took, null);
    } catch (IOException e) {
      throw new SearchException("search failed on " + indexDir + ": " + e.getMessage(), e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public Optional<Article> get(String id) {
    IndexSearcher searcher = acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(ArticleDocuments.idTerm(id)), 1);
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
    throw new UnsupportedOperationException("more-like-this is not implemented yet");
  }

  @Override
  public void close() {
    try {
      manager.close();
      directory.close();
    } catch (IOException e) {
      throw new SearchException("cannot close index " + indexDir + ": " + e.getMessage(), e);
    }
  }

  private Query parse(String text, SearchRequest.MatchMode match) {
    if (text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    Map<String, Float> boosts = new HashMap<>();
    boosts.put(NewsField.TITLE.fieldName(), 2f);
    boosts.put(NewsField.BODY.fieldName(), 1f);
    boosts.put(NewsField.CAPTION.fieldName(), 0.5f);
    MultiFieldQueryParser parser = new MultiFieldQueryParser(boosts.keySet().toArray(String[]::new), analyzer, boosts);
    parser.setDefaultOperator(match == SearchRequest.MatchMode.ALL ? QueryParser.Operator.AND : QueryParser.Operator.OR);
    parser.setSplitOnWhitespace(true);
    try {
      return parser.parse(text);
    } catch (ParseException e) {
      int column = e.currentToken == null || e.currentToken.next == null ? -1 : e.currentToken.next.beginColumn;
      throw new QuerySyntaxException(text, column, firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new QuerySyntaxException(text, -1, "too many clauses (the limit is " + IndexSearcher.getMaxClauseCount() + ")");
    }
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Query withFilters(Query text, SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    r.persons().forEach(p -> b.add(new TermQuery(new Term(NewsField.PERSON.fieldName(), p)), BooleanClause.Occur.FILTER));
    r.locations().forEach(p -> b.add(new TermQuery(new Term(NewsField.LOCATION.fieldName(), p)), BooleanClause.Occur.FILTER));
    r.organizations().forEach(p -> b.add(new TermQuery(new Term(NewsField.ORGANIZATION.fieldName(), p)), BooleanClause.Occur.FILTER));
    r.entities().forEach(p -> b.add(new TermQuery(new Term(NewsField.ENTITY.fieldName(), p)), BooleanClause.Occur.FILTER));
    if (!r.sources().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      r.sources().forEach(s -> any.add(new TermQuery(new Term(NewsField.SOURCE.fieldName(), ArticleDocuments.sourceKey(s))), BooleanClause.Occur.SHOULD));
      b.add(any.build(), BooleanClause.Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      long lo = r.from() == null ? Long.MIN_VALUE : r.from().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      long hi = r.to() == null ? Long.MAX_VALUE : r.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(NewsField.PUBLISHED.fieldName(), lo, hi), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Sort sort(SearchRequest.SortOrder order) {
    SortField id = new SortField(NewsField.ID.fieldName(), SortField.Type.STRING);
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case NEWEST -> new Sort(published(true), id);
      case OLDEST -> new Sort(published(false), id);
    };
  }

  private static SortField published(boolean reverse) {
    SortField f = new SortField(NewsField.PUBLISHED.fieldName(), SortField.Type.LONG, reverse);
    f.setMissingValue(reverse ? Long.MIN_VALUE : Long.MAX_VALUE);
    return f;
  }

  private List<SearchHit> toHits(IndexSearcher searcher, Query query, TopDocs top, SearchRequest r) throws IOException {
    ScoreDoc[] all = top.scoreDocs;
    int from = Math.min(r.offset(), all.length);
    ScoreDoc[] page = java.util.Arrays.copyOfRange(all, from, all.length);
    String[] snippets = null;
    if (r.highlight() && page.length > 0) {
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
          .withFormatter(new DefaultPassageFormatter(r.markers().pre(), r.markers().post(), "… ", false))
          .withMaxLength(100_000)
          .build();
      TopDocs pageDocs = new TopDocs(top.totalHits, page);
      snippets = highlighter.highlight(NewsField.BODY.fieldName(), query, pageDocs, 2);
    }
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document doc = searcher.storedFields().document(page[i].doc);
      Article a = ArticleDocuments.fromDocument(doc);
      String snippet = snippets != null && snippets[i] != null ? snippets[i] : lead(a.body());
      float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
      hits.add(new SearchHit(a.id(), a.title(), a.published(), a.source(), a.url(), score, snippet, a.entityNamesByType()));
    }
    return hits;
  }

  private static String lead(String body) {
    String flat = body.replace('\n', ' ');
    return flat.length() <= 240 ? flat : flat.substring(0, 240).replaceFirst("\\s+\\S*$", "") + "…";
  }

  private IndexSearcher acquire() {
    try {
      manager.maybeRefresh();
      return manager.acquire();
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
