package org.newsdesk.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.newsdesk.analysis.NewsAnalyzer;
import org.newsdesk.analysis.NewsAnalyzers;
import org.newsdesk.bench.corpus.ArticleGenerator;
import org.newsdesk.bench.corpus.SyntheticArticle;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.index.enrich.GazetteerEntityTagger;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.Published;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;
import org.newsdesk.search.NewsSearcher;
import org.newsdesk.search.Ranking;
import org.newsdesk.search.SearchRequest;
import org.newsdesk.bench.machine.MachineLoad;
import org.newsdesk.search.SearchResults;

/**
 * {@code bench/run latency [--articles N] [--queries Q] [--rounds R] [--dir DIR] [--kinds K,K...] [--warmup W] [--per-query N]}: search latency of
 * {@link NewsSearcher} on a synthetic index (the bench corpus generator, seed 42, tagged with the default
 * gazetteer), against a raw Lucene {@link IndexSearcher} running the same Lucene query on the same index in the same
 * run. Six kinds of query: one term, all of two terms, a phrase, a term filtered by a person, a term filtered by a
 * year, and a term with entity, source and month facets plus highlighted snippets. Both sides return the top 10
 * with an exact total and read the hits' stored fields; newsdesk's own extra work (query parsing, entity
 * resolution, the proximity clause, tie-breaking by id, building hit records) is what the ratio measures.
 * Single-threaded; newsdesk and raw calls alternate query by query.
 */
public final class LatencyBenchmark {
  private static final String TITLE = NewsField.TITLE.fieldName();
  private static final String BODY = NewsField.BODY.fieldName();

  private LatencyBenchmark() {}

  /** One query in both forms; {@code highlight} is the raw side's highlight query (the text part), or null. */
  private record Case(SearchRequest request, Query raw, boolean facets, Query highlight) {}

  /** The stored fields a hit shows (id, title, date, source, url, entities), plus the body for its lead snippet. */
  private static final Set<String> HIT_FIELDS = Set.of(NewsField.ID.fieldName(), TITLE, NewsField.PUBLISHED.fieldName(),
      NewsField.SOURCE.fieldName(), NewsField.URL.fieldName(), NewsField.ENTITIES_STORED.fieldName(), BODY);
  private static final Set<String> HIT_FIELDS_NO_BODY = HIT_FIELDS.stream().filter(f -> !f.equals(BODY))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  public static void main(String[] args) throws Exception {
    int articles = 100_000;
    int queries = 40;
    int rounds = 5;
    Set<String> kinds = null;
    int warmup = 20;
    int perQuery = 0;
    Path home = Path.of(System.getProperty("newsdesk.home", ".")).toAbsolutePath().normalize();
    Path dir = home.resolve("bench/target/latency");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]).toAbsolutePath();
        case "--kinds" -> kinds = Set.of(args[++i].split(","));
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--per-query" -> perQuery = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: bench/run latency [--articles N] [--queries Q] [--rounds R] [--dir DIR] [--kinds K,K...] [--warmup W] [--per-query N]");
          System.exit(2);
        }
      }
    }
    Path index = dir.resolve("index-" + articles);
    Gazetteer gazetteer = Gazetteer.defaults();
    prepareIndex(index, articles, gazetteer);
    Map<String, List<Case>> workload = workload(articles, queries, gazetteer);
    if (kinds != null) {
      workload.keySet().retainAll(kinds);
    }

    try (NewsSearcher searcher = NewsSearcher.open(index);
        FSDirectory fs = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(fs);
        Analyzer analyzer = NewsAnalyzers.forQueries()) {
      IndexSearcher raw = new IndexSearcher(reader);
      raw.setSimilarity(new BM25Similarity(Ranking.defaults().k1(), Ranking.defaults().b()));
      System.out.printf(Locale.ROOT, "index: %s, %d articles, %d segments; %d queries per kind, %d rounds (after %d warm-up rounds)%n",
          index, reader.numDocs(), reader.leaves().size(), queries, rounds, warmup);
      int differing = verify(searcher, raw, analyzer, workload);
      System.out.printf(Locale.ROOT, "same query on both sides: %d of %d cases give the same total and scores%n",
          workload.values().stream().mapToInt(List::size).sum() - differing, workload.values().stream().mapToInt(List::size).sum());
      Map<String, long[][]> times = new LinkedHashMap<>();
      Map<String, long[][]> cpu = new LinkedHashMap<>();
      MachineLoad before = MachineLoad.now();
      for (int round = -warmup; round < rounds; round++) {
        for (Map.Entry<String, List<Case>> kind : workload.entrySet()) {
          long[][] t = times.computeIfAbsent(kind.getKey(), k -> new long[2][0]);
          long[][] u = cpu.computeIfAbsent(kind.getKey(), k -> new long[2][0]);
          for (Case c : kind.getValue()) {
            boolean newsdeskFirst = (round & 1) == 0;
            long[] a = newsdeskFirst ? timeNewsdesk(searcher, c) : timeRaw(raw, analyzer, c);
            long[] b = newsdeskFirst ? timeRaw(raw, analyzer, c) : timeNewsdesk(searcher, c);
            if (round >= 0) {
              long[] n = newsdeskFirst ? a : b;
              long[] r = newsdeskFirst ? b : a;
              t[0] = append(t[0], n[0]);
              t[1] = append(t[1], r[0]);
              u[0] = append(u[0], n[1]);
              u[1] = append(u[1], r[1]);
            }
          }
        }
      }
      System.out.println("machine: " + before.since(before));
      table("wall-clock time", times);
      table("thread CPU time (excludes waiting for a core on a loaded machine)", cpu);
      if (perQuery > 0) {
        costliest(workload, cpu, perQuery);
      }
      System.out.println("checksum " + SINK.get());
    }
  }

  /**
   * Per kind, the {@code n} queries with the most extra CPU time on newsdesk's side (median over the rounds), to
   * see where a ratio comes from. Samples were appended round by round, case by case.
   */
  private static void costliest(Map<String, List<Case>> workload, Map<String, long[][]> cpu, int n) {
    System.out.println();
    System.out.println("queries with the most extra cpu time (median of rounds; newsdesk, raw, difference):");
    for (Map.Entry<String, List<Case>> kind : workload.entrySet()) {
      List<Case> cases = kind.getValue();
      long[][] u = cpu.get(kind.getKey());
      int rounds = u[0].length / cases.size();
      List<double[]> rows = new ArrayList<>();
      for (int c = 0; c < cases.size(); c++) {
        long[] nd = new long[rounds];
        long[] raw = new long[rounds];
        for (int r = 0; r < rounds; r++) {
          nd[r] = u[0][r * cases.size() + c];
          raw[r] = u[1][r * cases.size() + c];
        }
        rows.add(new double[] {c, pct(nd, 50) / 1e3, pct(raw, 50) / 1e3});
      }
      rows.sort((a, b) -> Double.compare(b[1] - b[2], a[1] - a[2]));
      for (double[] row : rows.subList(0, Math.min(n, rows.size()))) {
        SearchRequest q = cases.get((int) row[0]).request;
        System.out.printf(Locale.ROOT, "  %-17s %7.0fµs %7.0fµs %+7.0fµs  %s%s%n", kind.getKey(), row[1], row[2], row[1] - row[2],
            q.query(), q.from() == null ? "" : " from " + q.from() + " to " + q.to());
      }
    }
  }

  private static void table(String title, Map<String, long[][]> times) {
      System.out.println();
      System.out.println(title + ":");
      System.out.printf(Locale.ROOT, "%-18s %12s %12s %12s %12s %9s %9s%n", "query kind", "newsdesk p50", "p99", "raw p50",
          "p99", "p50 ratio", "p99 ratio");
      for (Map.Entry<String, long[][]> e : times.entrySet()) {
        long[] n = e.getValue()[0];
        long[] r = e.getValue()[1];
        System.out.printf(Locale.ROOT, "%-18s %10.0fµs %10.0fµs %10.0fµs %10.0fµs %8.2fx %8.2fx%n", e.getKey(),
            pct(n, 50) / 1e3, pct(n, 99) / 1e3, pct(r, 50) / 1e3, pct(r, 99) / 1e3, pct(n, 50) / pct(r, 50), pct(n, 99) / pct(r, 99));
      }
  }

  private static final AtomicLong SINK = new AtomicLong();

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private static long[] timeNewsdesk(NewsSearcher searcher, Case c) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    SearchResults r = searcher.search(c.request);
    long t = System.nanoTime() - t0;
    long u = THREADS.getCurrentThreadCpuTime() - c0;
    SINK.addAndGet(r.total() + r.hits().size());
    return new long[] {t, u};
  }

  private static long[] timeRaw(IndexSearcher searcher, Analyzer analyzer, Case c) throws IOException {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    TopDocs docs = rawSearch(searcher, analyzer, c, SINK);
    long t = System.nanoTime() - t0;
    long u = THREADS.getCurrentThreadCpuTime() - c0;
    SINK.addAndGet(docs.totalHits.value);
    return new long[] {t, u};
  }

  /** The indexing side of the text chain, as a Lucene user highlights a field indexed without offsets. */
  private static final Analyzer BODY_ANALYZER = NewsAnalyzers.text(NewsAnalyzer.Mode.INDEX);

  /**
   * What a Lucene user writes to show the same page: top 10 by score with an exact total, the stored fields a hit
   * shows, and for facets+highlight the same doc-values counts and the same highlighter on the text query.
   */
  private static TopDocs rawSearch(IndexSearcher searcher, Analyzer analyzer, Case c, AtomicLong sink) throws IOException {
    TopScoreDocCollector top = TopScoreDocCollector.create(10, Integer.MAX_VALUE);
    RawFacets facets = c.facets ? new RawFacets(List.of(NewsField.PERSON.fieldName(), NewsField.LOCATION.fieldName(),
        NewsField.ORGANIZATION.fieldName(), NewsField.SOURCE.fieldName()), NewsField.PUBLISHED.fieldName()) : null;
    searcher.search(c.raw, facets == null ? top : MultiCollector.wrap(top, facets));
    TopDocs docs = top.topDocs();
    long sum = 0;
    String[] snippets = null;
    if (facets != null) {
      sum += facets.counts().size();
      // The body's postings hold no offsets: the highlighter re-analyzes it with the chain it was indexed with.
      UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, BODY_ANALYZER)
          .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false)).withMaxLength(200_000).build();
      snippets = highlighter.highlight(BODY, c.highlight, docs, 2);
    }
    org.apache.lucene.index.StoredFields stored = searcher.storedFields();
    for (int i = 0; i < docs.scoreDocs.length; i++) {
      boolean needsBody = snippets == null || snippets[i] == null;
      Document doc = stored.document(docs.scoreDocs[i].doc, needsBody ? HIT_FIELDS : HIT_FIELDS_NO_BODY);
      sum += doc.getFields().size() + (needsBody ? doc.get(BODY).length() : snippets[i].length());
    }
    sink.addAndGet(sum);
    return docs;
  }

  /**
   * Checks, before timing, that both sides run the same query: same total and the same scores in the same order
   * for every case. Returns the number of cases that differ (each is printed).
   */
  private static int verify(NewsSearcher searcher, IndexSearcher raw, Analyzer analyzer, Map<String, List<Case>> workload)
      throws IOException {
    int differing = 0;
    for (Map.Entry<String, List<Case>> kind : workload.entrySet()) {
      for (Case c : kind.getValue()) {
        SearchResults n = searcher.search(c.request);
        TopDocs r = rawSearch(raw, analyzer, c, new AtomicLong());
        float[] ns = new float[n.hits().size()];
        for (int i = 0; i < ns.length; i++) {
          ns[i] = n.hits().get(i).score();
        }
        float[] rs = new float[r.scoreDocs.length];
        for (int i = 0; i < rs.length; i++) {
          rs[i] = r.scoreDocs[i].score;
        }
        if (n.total() != r.totalHits.value || !Arrays.equals(ns, rs)) {
          differing++;
          System.out.printf(Locale.ROOT, "differs: %s %s: newsdesk %d hits %s, raw %d hits %s%n", kind.getKey(),
              c.request.query(), n.total(), Arrays.toString(ns), r.totalHits.value, Arrays.toString(rs));
        }
      }
    }
    return differing;
  }

  private static long[] append(long[] a, long v) {
    long[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }

  private static double pct(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static Map<String, List<Case>> workload(int articles, int n, Gazetteer gazetteer) throws IOException {
    ArticleGenerator generator = ArticleGenerator.of(42, 0, gazetteer);
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    Random random = new Random(7);
    Names names = new Names(gazetteer);
    Map<String, List<Case>> kinds = new LinkedHashMap<>();
    for (String k : List.of("term", "all-terms", "phrase", "entity-filtered", "date-filtered", "facets+highlight")) {
      kinds.put(k, new ArrayList<>());
    }
    try (Analyzer text = NewsAnalyzers.text(NewsAnalyzer.Mode.QUERY)) {
      while (kinds.get("facets+highlight").size() < n) {
        SyntheticArticle s = generator.article(random.nextInt(articles));
        List<String> words = contentWords(s.title(), text);
        List<String> bodyWords = List.of(s.body().split("\\s+"));
        if (words.size() < 2) {
          continue;
        }
        String w1 = words.get(random.nextInt(words.size()));
        String w2 = words.stream().filter(w -> !w.equals(w1)).findFirst().orElseThrow();
        SearchRequest base = SearchRequest.of(w1).withLimit(10).withHighlight(false, SearchRequest.Markers.DEFAULT);
        Query term = text(text, List.of(w1), true);
        kinds.get("term").add(new Case(base, ranked(term, List.of(), names.idsIn(List.of(w1)), List.of()), false, null));
        Query both = text(text, List.of(w1, w2), true);
        kinds.get("all-terms").add(new Case(base.withQuery(w1 + " " + w2),
            ranked(both, bodyTerms(both), names.idsIn(List.of(w1, w2)), List.of()), false, null));
        int at = random.nextInt(Math.max(1, bodyWords.size() - 1));
        List<String> pair = contentWords(bodyWords.get(at) + " " + bodyWords.get(Math.min(at + 1, bodyWords.size() - 1)), text);
        if (pair.size() == 2) {
          kinds.get("phrase").add(new Case(base.withQuery("\"" + pair.get(0) + " " + pair.get(1) + "\""),
              ranked(phrase(text, pair), List.of(), names.idsIn(pair), List.of()), false, null));
        }
        Article tagged = tagger.tag(toArticle(s));
        java.util.Optional<String> person = tagged.entities().stream().filter(e -> e.type().equals(EntityType.PERSON))
            .map(TaggedEntity::id).findFirst();
        if (person.isPresent()) {
          Set<String> named = new java.util.LinkedHashSet<>(names.idsIn(List.of(w1)));
          named.add(person.get());
          kinds.get("entity-filtered").add(new Case(base.withPersons(List.of(person.get())), ranked(term, List.of(), named,
              List.of(new TermQuery(new Term(NewsField.PERSON.fieldName(), person.get())))), false, null));
        }
        int year = s.published().getYear();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        kinds.get("date-filtered").add(new Case(base.withDateRange(from, to), ranked(term, List.of(), names.idsIn(List.of(w1)),
            List.of(LongPoint.newRangeQuery(NewsField.PUBLISHED.fieldName(), millis(from), millis(to.plusDays(1)) - 1))), false, null));
        kinds.get("facets+highlight").add(new Case(base.withHighlight(true, SearchRequest.Markers.DEFAULT)
            .withFacets(Set.of(SearchRequest.Facet.PERSON, SearchRequest.Facet.LOCATION, SearchRequest.Facet.ORGANIZATION,
                SearchRequest.Facet.SOURCE, SearchRequest.Facet.DATE), SearchRequest.DateInterval.MONTH),
            ranked(term, List.of(), names.idsIn(List.of(w1)), List.of()), true, term));
      }
    }
    kinds.replaceAll((k, v) -> v.subList(0, Math.min(n, v.size())));
    return kinds;
  }

  private static long millis(LocalDate d) {
    return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Words of {@code s} that survive analysis as one term each, lower-cased as typed. */
  private static List<String> contentWords(String s, Analyzer text) throws IOException {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (w.length() >= 3 && analyze(text, w).size() == 1 && !out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<String> analyze(Analyzer a, String s) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(BODY, s)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  /**
   * What a Lucene user would write for words over title (boosted as newsdesk does) and body; the body clause has
   * boost 1, as the classic multi-field parser writes it, so that the clauses are visited in the same order.
   */
  private static Query text(Analyzer a, List<String> words, boolean all) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String w : words) {
      String t = analyze(a, w).get(0);
      BooleanQuery either = new BooleanQuery.Builder()
          .add(new BoostQuery(new TermQuery(new Term(TITLE, t)), Ranking.defaults().titleBoost()), BooleanClause.Occur.SHOULD)
          .add(new BoostQuery(new TermQuery(new Term(BODY, t)), 1f), BooleanClause.Occur.SHOULD)
          .build();
      b.add(either, all ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private static Query phrase(Analyzer a, List<String> words) throws IOException {
    String t1 = analyze(a, words.get(0)).get(0);
    String t2 = analyze(a, words.get(1)).get(0);
    return new BooleanQuery.Builder()
        .add(new BoostQuery(new PhraseQuery(TITLE, t1, t2), Ranking.defaults().titleBoost()), BooleanClause.Occur.SHOULD)
        .add(new PhraseQuery(BODY, t1, t2), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The body terms of a text query in the order newsdesk's proximity clause pairs them: the order written, read
   * from the boolean clause lists (not {@link Query#visit}, whose order over boolean clauses varies between JVM runs).
   */
  private static List<String> bodyTerms(Query text) {
    List<String> terms = new ArrayList<>();
    collectBodyTerms(text, terms);
    return terms;
  }

  private static void collectBodyTerms(Query q, List<String> terms) {
    if (q instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
          collectBodyTerms(c.getQuery(), terms);
        }
      }
    } else if (q instanceof BoostQuery boost) {
      collectBodyTerms(boost.getQuery(), terms);
    } else if (q instanceof TermQuery tq && tq.getTerm().field().equals(BODY) && !terms.contains(tq.getTerm().text())) {
      terms.add(tq.getTerm().text());
    }
  }

  /**
   * The query newsdesk's ranking runs, written by hand: the text must match; a sloppy phrase over neighbouring body
   * words (weight 0.1, slop 8) and the salience of every entity the query names (weight 1) add to the score; the
   * filters only narrow. Same clause order as newsdesk, so the float sums (and the scores) come out the same.
   */
  private static Query ranked(Query text, List<String> bodyStems, java.util.Collection<String> named, List<Query> filters) {
    Ranking ranking = Ranking.defaults();
    BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    if (bodyStems.size() >= 2) {
      BooleanQuery.Builder pairs = new BooleanQuery.Builder();
      for (int i = 0; i + 1 < bodyStems.size(); i++) {
        pairs.add(new PhraseQuery(ranking.proximitySlop(), BODY, bodyStems.get(i), bodyStems.get(i + 1)), BooleanClause.Occur.SHOULD);
      }
      ranked.add(new BoostQuery(pairs.build(), ranking.proximityBoost()), BooleanClause.Occur.SHOULD);
    }
    for (String id : named) {
      ranked.add(new BoostQuery(FeatureField.newSaturationQuery(NewsField.ENTITY_SALIENCE.fieldName(), id),
          ranking.salienceWeight()), BooleanClause.Occur.SHOULD);
    }
    Query q = ranked.build();
    if (filters.isEmpty()) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
    return b.build();
  }

  /** Entity ids by exact (lower-cased, accent-free) name, alias or id, as newsdesk finds entities named in a query. */
  private static final class Names {
    private final Map<String, Set<String>> byName = new java.util.HashMap<>();

    Names(Gazetteer gazetteer) {
      for (org.newsdesk.gazetteer.GazetteerEntry e : gazetteer.entries()) {
        byName.computeIfAbsent(e.id(), k -> new java.util.LinkedHashSet<>()).add(e.id());
        for (String name : e.allNames()) {
          byName.computeIfAbsent(fold(name), k -> new java.util.LinkedHashSet<>()).add(e.id());
        }
      }
    }

    /** Ids named by the word sequences of {@code words}, longest first (the query words are lower-case letters). */
    Set<String> idsIn(List<String> words) {
      Set<String> ids = new java.util.LinkedHashSet<>();
      for (int n = Math.min(4, words.size()); n >= 1; n--) {
        for (int i = 0; i + n <= words.size(); i++) {
          ids.addAll(byName.getOrDefault(String.join(" ", words.subList(i, i + n)), Set.of()));
        }
      }
      return ids;
    }

    private static String fold(String name) {
      String s = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      s = s.toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "");
      return s.replaceAll("[\\p{Pd}_\\s]+", " ").strip();
    }
  }

  private static Article toArticle(SyntheticArticle s) {
    return new Article(s.id(), s.url(), s.source(), s.title(), null, Published.of(s.published()), s.body(), null, null,
        "en", List.of(), "synthetic#" + s.index(), null);
  }

  private static void prepareIndex(Path index, int articles, Gazetteer gazetteer) throws Exception {
    // Reused only when built with this schema: another one is refused by the searcher.
    Path done = index.resolve(".complete-schema-" + NewsSchema.VERSION);
    if (Files.exists(done)) {
      System.out.println("index: " + index + " (reused)");
      return;
    }
    Files.createDirectories(index);
    System.out.println("index: writing " + articles + " synthetic articles (seed 42, default gazetteer) to " + index);
    long t0 = System.nanoTime();
    ArticleGenerator generator = ArticleGenerator.of(42, 0, gazetteer);
    GazetteerEntityTagger tagger = new GazetteerEntityTagger(gazetteer);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(NewsAnalyzers.forIndexing())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256))) {
      AtomicLong next = new AtomicLong();
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        Thread w = new Thread(() -> {
          try {
            for (long i = next.getAndIncrement(); i < articles; i = next.getAndIncrement()) {
              writer.addDocument(ArticleDocuments.toDocument(tagger.tag(toArticle(generator.article(i)))));
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        w.start();
        workers.add(w);
      }
      for (Thread w : workers) {
        w.join();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("indexing failed", failures.get(0));
      }
      writer.setLiveCommitData(Map.of(NewsSchema.USER_DATA_SCHEMA_VERSION, Integer.toString(NewsSchema.VERSION),
          NewsSchema.USER_DATA_GAZETTEER, gazetteer.fingerprint()).entrySet());
      writer.commit();
    }
    Files.writeString(done, articles + "\n");
    System.out.printf(Locale.ROOT, "index: %d articles in %.1f s%n", articles, (System.nanoTime() - t0) / 1e9);
  }
}
