package org.newsdesk.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.newsdesk.model.EntityType;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * Turns a {@link SearchRequest} into the Lucene query that ranks it: the parsed text (BM25 over title and body),
 * plus a proximity clause, an entity-salience clause and an optional recency clause that only add to scores, plus
 * the request's filters, which only narrow. Immutable and thread-safe.
 */
final class QueryFactory {
  /** The most leaf clauses a query may expand to before it is refused. */
  static final int MAX_CLAUSES = 1024;
  /** The most neighbouring word pairs the proximity clause rewards. */
  private static final int MAX_PAIRS = 16;
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern FIELDED = Pattern.compile("\\b\\w+:\\S*");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

  private final Analyzer analyzer;
  /** The indexing side of the text chain, for phrases with a compound in them. */
  private final IndexChain phrases;
  private final Ranking ranking;

  QueryFactory(Analyzer analyzer, IndexChain phrases, Ranking ranking) {
    this.analyzer = analyzer;
    this.phrases = phrases;
    this.ranking = ranking;
  }

  /**
   * The parts of one request's query.
   *
   * @param text the parsed query text alone (what the highlighter marks and feedback starts from)
   * @param ranked text plus the score-only clauses
   * @param filters the request's filters, to be combined with {@code ranked}
   */
  record Parts(Query text, Query ranked, List<Query> filters) {
    Query combined() {
      return withFilters(ranked, filters);
    }
  }

  /** The query for a request, in the given match mode. */
  Parts build(SearchRequest r, SearchRequest.MatchMode match, EntityResolver entities, long newestMillis) {
    Set<String> named = new LinkedHashSet<>();
    Query text = parse(r.query(), match, entities, named);
    named.addAll(entitiesInText(r.query(), entities));
    List<Query> filters = filters(r, entities, named);
    BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    proximity(text).ifPresent(q -> ranked.add(q, BooleanClause.Occur.SHOULD));
    if (ranking.salienceWeight() > 0) {
      for (String id : named) {
        ranked.add(new BoostQuery(FeatureField.newSaturationQuery(NewsField.ENTITY_SALIENCE.fieldName(), id),
            ranking.salienceWeight()), BooleanClause.Occur.SHOULD);
      }
    }
    if (r.recencyHalfLifeDays() > 0 && newestMillis != Long.MIN_VALUE) {
      ranked.add(LongPoint.newDistanceFeatureQuery(NewsField.PUBLISHED.fieldName(), 1f, newestMillis,
          r.recencyHalfLifeDays() * ArticleDocuments.MILLIS_PER_DAY), BooleanClause.Occur.SHOULD);
    }
    return new Parts(text, ranked.build(), filters);
  }

  /** The filters plus a scoring query: {@code ranked} must match, the filters only narrow. */
  static Query withFilters(Query ranked, List<Query> filters) {
    if (filters.isEmpty()) {
      return ranked;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(ranked, BooleanClause.Occur.MUST);
    filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
    return b.build();
  }

  /** Parses query text; blank text matches every article. */
  Query parse(String query, SearchRequest.MatchMode match, EntityResolver entities, Set<String> named) {
    if (query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    // Articles are indexed in NFC; a query typed or pasted with combining accents (e + U+0301) must match them. Text
    // below U+0300 (where the combining marks start) is NFC already, and a one-query process skips the tables.
    String text = belowCombiningMarks(query) || Normalizer.isNormalized(query, Normalizer.Form.NFC) ? query
        : Normalizer.normalize(query, Normalizer.Form.NFC);
    if (text == query) {
      return parseNormalized(text, match, entities, named);
    }
    try {
      return parseNormalized(text, match, entities, named);
    } catch (QuerySyntaxException e) {
      // NFC can change the length (U+FB44 becomes two chars): say the position in the query as it was typed
      throw new QuerySyntaxException(query, originalPosition(query, e.position()), e.reason());
    }
  }

  /**
   * The position in {@code query} of position {@code inNfc} in its NFC form: the shortest prefix whose NFC form
   * reaches it (error paths only, short strings).
   */
  static int originalPosition(String query, int inNfc) {
    if (inNfc < 0) {
      return inNfc;
    }
    for (int i = 0; i < query.length(); i = query.offsetByCodePoints(i, 1)) {
      if (Normalizer.normalize(query.substring(0, i), Normalizer.Form.NFC).length() >= inNfc) {
        return i;
      }
    }
    return query.length();
  }

  /** {@link #parse} of a query already in NFC. */
  private Query parseNormalized(String text, SearchRequest.MatchMode match, EntityResolver entities, Set<String> named) {
    QueryChecks.check(text);
    Query plain = PlainQuery.parse(text, analyzer, phrases, ranking.titleBoost(), match == SearchRequest.MatchMode.ALL);
    if (plain != null) {
      return plain;
    }
    NewsQueryParser parser = new NewsQueryParser(text, analyzer, phrases, entities, ranking.titleBoost(),
        match == SearchRequest.MatchMode.ALL);
    String literal = QueryChecks.escapeLiterals(text);
    Query q;
    try {
      q = parser.parse(literal);
    } catch (ParseException e) {
      ParseException cause = e.getCause() instanceof ParseException p ? p : e;
      int at = QueryChecks.positionBeforeEscaping(text, literal, position(cause));
      String reason = at > 0 && at <= text.length() && text.charAt(at - 1) == '^' && reason(cause).startsWith("a character")
          ? "a boost (^) must be followed by a number, as in ceasefire^2" : reason(cause);
      throw new QuerySyntaxException(text, at, reason);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(text);
    } catch (TooComplexToDeterminizeException e) {
      throw new QuerySyntaxException(text, -1, "a wildcard or regular expression is too complex; make it simpler");
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException(text, -1, firstLine(e.getMessage()));
    }
    if (countLeaves(q) > MAX_CLAUSES) {
      throw tooManyClauses(text);
    }
    named.addAll(parser.namedEntities());
    return withPositiveClause(q);
  }

  /**
   * A boolean query of exclusions only ({@code -ceasefire}, {@code NOT california}, {@code (-a -b)}) matches every
   * article but those: Lucene's would match none. Nested groups are mended too.
   */
  static Query withPositiveClause(Query q) {
    if (q instanceof BoostQuery boosted) {
      Query inner = withPositiveClause(boosted.getQuery());
      return inner == boosted.getQuery() ? q : new BoostQuery(inner, boosted.getBoost());
    }
    if (!(q instanceof BooleanQuery bq) || bq.clauses().isEmpty()) {
      return q;
    }
    boolean onlyExclusions = true;
    boolean changed = false;
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    for (BooleanClause c : bq.clauses()) {
      Query inner = c.getOccur() == BooleanClause.Occur.MUST_NOT ? c.getQuery() : withPositiveClause(c.getQuery());
      changed |= inner != c.getQuery();
      onlyExclusions &= c.getOccur() == BooleanClause.Occur.MUST_NOT;
      b.add(inner, c.getOccur());
    }
    if (onlyExclusions) {
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      return b.build();
    }
    return changed ? b.build() : q;
  }

  /** Whether every char is below U+0300 (a plain loop: no stream or lambda set-up on a one-query process's path). */
  private static boolean belowCombiningMarks(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x300) {
        return false;
      }
    }
    return true;
  }

  static QuerySyntaxException tooManyClauses(String text) {
    return new QuerySyntaxException(text, -1, "too many clauses (the limit is " + MAX_CLAUSES + " terms)");
  }

  private static int position(ParseException e) {
    if (e.currentToken != null && e.currentToken.next != null) {
      return Math.max(0, e.currentToken.next.beginColumn - 1);
    }
    Matcher m = COLUMN.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Math.max(0, Integer.parseInt(m.group(1)) - 1) : -1;
  }

  private static String reason(ParseException e) {
    String msg = firstLine(String.valueOf(e.getMessage()));
    if (msg.contains("not allowed as first character")) {
      return "a wildcard (* or ?) cannot start a term; put at least one letter before it";
    }
    if (msg.contains("Lexical error")) {
      return "a character here cannot be read as query syntax; put the words in quotes or escape it with \\";
    }
    if (e.currentToken != null && e.currentToken.next != null) {
      String found = e.currentToken.next.image;
      return found == null || found.isEmpty() ? "the query ends too early (a dangling operator?)"
          : "unexpected \"" + found + "\"";
    }
    int colon = msg.indexOf(": ");
    return colon > 0 && msg.startsWith("Cannot parse") ? msg.substring(colon + 2) : msg;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid query";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static int countLeaves(Query q) {
    int[] count = {0};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        count[0] += terms.length;
      }

      @Override
      public void visitLeaf(Query query) {
        count[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return count[0];
  }

  /**
   * Rewards query words that stand close together in the body: one sloppy phrase per pair of neighbouring query
   * words (as the sequential dependence model does), so that long queries profit as well as two-word ones.
   */
  private java.util.Optional<Query> proximity(Query text) {
    if (ranking.proximityBoost() <= 0) {
      return java.util.Optional.empty();
    }
    List<String> terms = new ArrayList<>();
    bodyTermsInQueryOrder(text, terms);
    if (terms.size() < 2) {
      return java.util.Optional.empty();
    }
    BooleanQuery.Builder pairs = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < terms.size() && i < MAX_PAIRS; i++) {
      pairs.add(new PhraseQuery(ranking.proximitySlop(), NewsField.BODY.fieldName(), terms.get(i), terms.get(i + 1)),
          BooleanClause.Occur.SHOULD);
    }
    return java.util.Optional.of(new BoostQuery(pairs.build(), ranking.proximityBoost()));
  }

  /**
   * The body terms of {@code q} outside MUST_NOT clauses, once each, in the order the user wrote them. Boolean
   * clauses are walked through their list: {@code Query.visit} walks them through hash sets whose order follows
   * {@code Class.hashCode()}, which changes from one JVM run to the next, and so would the word pairs and scores.
   */
  private static void bodyTermsInQueryOrder(Query q, List<String> terms) {
    if (q instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.getOccur() != BooleanClause.Occur.MUST_NOT) {
          bodyTermsInQueryOrder(c.getQuery(), terms);
        }
      }
    } else if (q instanceof BoostQuery bq) {
      bodyTermsInQueryOrder(bq.getQuery(), terms);
    } else if (q instanceof TermQuery tq) {
      Term t = tq.getTerm();
      if (t.field().equals(NewsField.BODY.fieldName()) && !terms.contains(t.text())) {
        terms.add(t.text());
      }
    }
  }

  /** Entities the free text names by an exact name or alias (one to four words), for the salience clause. */
  private static Set<String> entitiesInText(String text, EntityResolver entities) {
    List<String> words = plainWords(text);
    if (words == null) {
      words = new ArrayList<>();
      Matcher m = WORD.matcher(FIELDED.matcher(text).replaceAll(" "));
      while (m.find()) {
        words.add(m.group());
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int n = Math.min(4, words.size()); n >= 1; n--) {
      for (int i = 0; i + n <= words.size(); i++) {
        ids.addAll(entities.exactIds(String.join(" ", words.subList(i, i + n))));
      }
    }
    return ids;
  }

  /**
   * The words of text made only of letters, digits and spaces, which is what the two patterns above find in it
   * (no field prefix without a colon; every letter or digit is a word character); null for any other text.
   */
  private static List<String> plainWords(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c == ' ') {
        if (start >= 0) {
          words.add(text.substring(start, i));
          start = -1;
        }
      } else if (Character.isLetterOrDigit(c) && !Character.isSurrogate(c)) {
        start = start < 0 ? i : start;
      } else {
        return null;
      }
    }
    return words;
  }

  private static List<Query> filters(SearchRequest r, EntityResolver entities, Set<String> named) {
    List<Query> filters = new ArrayList<>();
    entityFilters(filters, r.persons(), NewsField.PERSON, EntityType.PERSON, entities, named);
    entityFilters(filters, r.locations(), NewsField.LOCATION, EntityType.LOCATION, entities, named);
    entityFilters(filters, r.organizations(), NewsField.ORGANIZATION, EntityType.ORGANIZATION, entities, named);
    entityFilters(filters, r.entities(), NewsField.ENTITY, null, entities, named);
    if (!r.sources().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      r.sources().forEach(s -> any.add(new TermQuery(new Term(NewsField.SOURCE.fieldName(), ArticleDocuments.sourceKey(s))),
          BooleanClause.Occur.SHOULD));
      filters.add(any.build());
    }
    if (r.from() != null || r.to() != null) {
      int lo = r.from() == null ? Integer.MIN_VALUE : ArticleDocuments.day(r.from());
      int hi = r.to() == null ? Integer.MAX_VALUE : ArticleDocuments.day(r.to());
      filters.add(IntPoint.newRangeQuery(NewsField.PUBLISHED_DAY.fieldName(), lo, hi));
    }
    return filters;
  }

  private static void entityFilters(List<Query> filters, List<String> names, NewsField field, EntityType type,
      EntityResolver entities, Set<String> named) {
    for (String name : names) {
      List<String> ids = entities.resolve(name, type);
      named.addAll(ids);
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      ids.forEach(id -> any.add(new TermQuery(new Term(field.fieldName(), id)), BooleanClause.Occur.SHOULD));
      filters.add(ids.size() == 1 ? new TermQuery(new Term(field.fieldName(), ids.get(0))) : any.build());
    }
  }
}
