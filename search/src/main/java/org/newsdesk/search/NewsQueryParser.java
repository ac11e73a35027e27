package org.newsdesk.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsdesk.model.EntityType;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * Lucene's classic query syntax over newsdesk's fields. Unfielded words search title and body (title boosted);
 * {@code person:}, {@code location:}, {@code organization:}/{@code org:} and {@code entity:} take an entity's id,
 * name, alias or surname and resolve it through the gazetteer; {@code source:} matches an outlet; and
 * {@code published:} takes a date ({@code 2020}, {@code 2020-09}, {@code 2020-09-27}) or a range of them.
 *
 * <p>One instance parses one query (the classic parser is not thread-safe) and remembers the entities it named.
 */
final class NewsQueryParser extends MultiFieldQueryParser {
  /** Terms a wildcard, prefix or regular expression may expand to, per field. */
  static final int MAX_EXPANSIONS = 256;

  private final String text;
  /** The indexing chain, for phrases with a compound in them (see {@link #newFieldQuery}). */
  private final IndexChain phrases;
  private final EntityResolver entities;
  private final Set<String> namedEntities = new LinkedHashSet<>();

  NewsQueryParser(String text, Analyzer analyzer, IndexChain phrases, EntityResolver entities, float titleBoost,
      boolean all) {
    super(new String[] {NewsField.TITLE.fieldName(), NewsField.BODY.fieldName()}, analyzer,
        Map.of(NewsField.TITLE.fieldName(), titleBoost, NewsField.BODY.fieldName(), 1f));
    this.text = text;
    this.phrases = phrases;
    this.entities = entities;
    setDefaultOperator(all ? Operator.AND : Operator.OR);
    setSplitOnWhitespace(true);
    setAllowLeadingWildcard(false);
    // A fuzzy term starts from the word's stem (getFuzzyQuery), and a short stem is an edit or two from many
    // unrelated ones: coffe~1 is coff~1, which matched "off" and five times the hits of coffee. Typos in a word's
    // first letter are the rarest; keeping it fixed also makes the term cheaper to expand.
    setFuzzyPrefixLength(1);
    setAutoGeneratePhraseQueries(true);
    setMultiTermRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
    setDateResolution(org.apache.lucene.document.DateTools.Resolution.DAY);
  }

  /** The entity ids the query named through entity fields, for the salience clause. */
  Set<String> namedEntities() {
    return namedEntities;
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    Target target = target(field, queryText);
    return switch (target.kind) {
      case TEXT -> super.getFieldQuery(target.field, queryText, quoted);
      case ENTITY -> entityQuery(target, queryText);
      case SOURCE -> new TermQuery(new Term(NewsField.SOURCE.fieldName(), ArticleDocuments.sourceKey(queryText)));
      case DATE -> dateRange(queryText, queryText, true, true);
    };
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    Target target = target(field, queryText);
    if (target.kind != Kind.TEXT) {
      return getFieldQuery(field, queryText, true);
    }
    // The slop is set while the phrase is built, so that a phrase made of several paths (a compound's) gets it too:
    // the classic parser only adds it to a single PhraseQuery afterwards.
    int before = getPhraseSlop();
    setPhraseSlop(slop);
    try {
      return super.getFieldQuery(target.field, queryText, slop);
    } finally {
      setPhraseSlop(before);
    }
  }

  /**
   * A quoted phrase with a known compound in it is analyzed as the index was: a closed compound ({@code ceasefire})
   * is indexed with its parts ({@code cease fire}) beside it, one position longer, and the words after it are
   * counted from the parts; the query side has no compounds, so {@code "ceasefire agreed"} would look for
   * {@code agreed} one position too early and find nothing. The indexing chain's token graph gives a phrase per
   * path, and the parts' path matches every spelling.
   */
  @Override
  protected Query newFieldQuery(Analyzer analyzer, String field, String queryText, boolean quoted) throws ParseException {
    if (quoted && phrases != null && hasCompound(analyzer, field, queryText)) {
      return super.newFieldQuery(phrases.get(), field, queryText, true);
    }
    return super.newFieldQuery(analyzer, field, queryText, quoted);
  }

  /** Whether a phrase of two or more words analyzes to more tokens on the indexing side than on the query side. */
  private boolean hasCompound(Analyzer analyzer, String field, String phrase) {
    int query = tokens(analyzer, field, phrase);
    return query >= 2 && tokens(phrases.get(), field, phrase) != query;
  }

  private static int tokens(Analyzer analyzer, String field, String text) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      int n = 0;
      while (ts.incrementToken()) {
        n++;
      }
      ts.end();
      return n;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    Target target = target(field, part1 == null ? "*" : part1);
    return switch (target.kind) {
      case DATE -> dateRange(part1, part2, startInclusive, endInclusive);
      case TEXT -> super.getRangeQuery(target.field, part1, part2, startInclusive, endInclusive);
      default -> throw problem(field + ":", "ranges work on published, title and body, not on " + field + ":");
    };
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    if (termStr.startsWith("*") || termStr.startsWith("?")) {
      throw problem(termStr, "a wildcard (* or ?) cannot start a term; put at least one letter before it");
    }
    String target = multiTermField(field, termStr);
    Query wildcard = super.getWildcardQuery(target, termStr);
    if (target == null || wildcard == null) {
      return wildcard; // no field given: the parser asks again for each field
    }
    String stemmed = stemmedPattern(target, termStr);
    if (stemmed == null) {
      return wildcard;
    }
    return new BooleanQuery.Builder()
        .add(wildcard, BooleanClause.Occur.SHOULD)
        .add(super.getWildcardQuery(target, stemmed), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The index holds stems, so {@code pa?ade} as written matches nothing ({@code parade} is indexed as
   * {@code parad}): the pattern is also matched as its word would be stemmed, with each wildcard stood in for by a
   * letter while stemming ({@code pa?ade} → {@code paxade} → {@code paxad} → {@code pa?ad}). Null when stemming
   * changes nothing, or changes the word at or before a wildcard (then only the pattern as written is matched).
   */
  private String stemmedPattern(String field, String pattern) {
    String body = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
    int last = Math.max(body.lastIndexOf('?'), body.lastIndexOf('*'));
    if (last < 0) {
      return null;
    }
    String stand = body.replace('?', 'x').replace('*', 'x');
    String stem = PlainQuery.singleTerm(getAnalyzer(), stand);
    String lower = getAnalyzer().normalize(field, stand).utf8ToString();
    if (stem == null || stem.equals(lower) || stem.length() <= last || !lower.startsWith(stem.substring(0, last + 1))) {
      return null;
    }
    StringBuilder out = new StringBuilder(stem);
    for (int i = 0; i <= last; i++) {
      char c = body.charAt(i);
      if (c == '?' || c == '*') {
        out.setCharAt(i, c);
      }
    }
    return pattern.endsWith("*") ? out.append('*').toString() : out.toString();
  }

  /**
   * The index holds word stems, so {@code ceasefire*} as written would match nothing ({@code ceasefire} is indexed
   * as {@code ceasefir}): the prefix also matches its own word's stem, and so the word's forms ({@code vaccine*}:
   * vaccine, vaccines, and the stems that start with {@code vaccine}).
   */
  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    String target = multiTermField(field, termStr);
    Query prefix = super.getPrefixQuery(target, termStr);
    if (target == null) {
      return prefix; // no field given: the parser asks again for each field
    }
    String stem = stem(target, termStr);
    if (stem == null || prefix == null) {
      return prefix;
    }
    return new BooleanQuery.Builder()
        .add(prefix, BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(target, stem)), BooleanClause.Occur.SHOULD)
        .build();
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    return super.getRegexpQuery(multiTermField(field, termStr), termStr);
  }

  /** Fuzzy matching against the index's stems, from the word's own stem ({@code evacuated~1} from {@code evacu}). */
  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    String target = multiTermField(field, termStr);
    String stem = target == null ? null : stem(target, termStr); // no field given: the parser asks for each field
    return super.getFuzzyQuery(target, stem == null ? termStr : stem, minSimilarity);
  }

  /**
   * The stem a multi-term query's word analyzes to in a text field, or null when it is its own stem already, has
   * none (a stop word) or gives several tokens. The word's wildcard characters, if any, are not in it.
   */
  private String stem(String field, String word) {
    String w = word.endsWith("*") ? word.substring(0, word.length() - 1) : word;
    if (w.isEmpty() || w.indexOf('*') >= 0 || w.indexOf('?') >= 0) {
      return null;
    }
    String stem = PlainQuery.singleTerm(getAnalyzer(), w); // title, body and caption share one chain
    return stem == null || stem.equals(getAnalyzer().normalize(field, w).utf8ToString()) ? null : stem;
  }

  private String multiTermField(String field, String termStr) {
    Target target = target(field, termStr);
    if (target.kind != Kind.TEXT) {
      throw problem(termStr, "wildcards, regular expressions and fuzzy terms work on title and body, not on " + field + ":");
    }
    return target.field;
  }

  private Query entityQuery(Target target, String name) {
    List<String> ids;
    try {
      ids = entities.resolve(name, target.type);
    } catch (UnknownEntityException e) {
      throw new QuerySyntaxException(text, position(name), e.getMessage());
    }
    namedEntities.addAll(ids);
    if (ids.size() == 1) {
      return new TermQuery(new Term(target.field, ids.get(0)));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    ids.forEach(id -> any.add(new TermQuery(new Term(target.field, id)), BooleanClause.Occur.SHOULD));
    return any.build();
  }

  /** Articles by the date they show ({@link NewsField#PUBLISHED_DAY}), whole days, months or years. */
  private Query dateRange(String lo, String hi, boolean loInclusive, boolean hiInclusive) {
    if (lo != null && hi != null && !lo.equals("*") && !hi.equals("*") && start(lo) > end(hi)) {
      // a reversed range finds nothing, which reads as "no such articles" rather than as the typo it is
      throw problem(lo, "the range " + lo + " TO " + hi + " ends before it starts");
    }
    int from = lo == null || lo.equals("*") ? Integer.MIN_VALUE : loInclusive ? start(lo) : end(lo) + 1;
    int to = hi == null || hi.equals("*") ? Integer.MAX_VALUE : hiInclusive ? end(hi) : start(hi) - 1;
    return IntPoint.newRangeQuery(NewsField.PUBLISHED_DAY.fieldName(), from, to);
  }

  /** The first day of a year, month or day, as an epoch day. */
  private int start(String date) {
    return ArticleDocuments.day(firstDay(date));
  }

  /** The last day of a year, month or day, as an epoch day. */
  private int end(String date) {
    LocalDate first = firstDay(date);
    LocalDate next = switch (date.length()) {
      case 4 -> first.plusYears(1);
      case 7 -> first.plusMonths(1);
      default -> first.plusDays(1);
    };
    return ArticleDocuments.day(next) - 1;
  }

  private LocalDate firstDay(String date) {
    try {
      return switch (date.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
        case 7 -> YearMonth.parse(date).atDay(1);
        default -> LocalDate.parse(date);
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      throw problem(date, "\"" + date + "\" is not a date: use 2020, 2020-09 or 2020-09-27");
    }
  }

  private Target target(String field, String term) {
    if (field == null) {
      return new Target(Kind.TEXT, null, null);
    }
    return switch (field.toLowerCase(Locale.ROOT)) {
      case "title" -> new Target(Kind.TEXT, NewsField.TITLE.fieldName(), null);
      case "body", "text" -> new Target(Kind.TEXT, NewsField.BODY.fieldName(), null);
      case "caption" -> new Target(Kind.TEXT, NewsField.CAPTION.fieldName(), null);
      case "person", "people" -> new Target(Kind.ENTITY, NewsField.PERSON.fieldName(), EntityType.PERSON);
      case "location", "place" -> new Target(Kind.ENTITY, NewsField.LOCATION.fieldName(), EntityType.LOCATION);
      case "organization", "organisation", "org" ->
          new Target(Kind.ENTITY, NewsField.ORGANIZATION.fieldName(), EntityType.ORGANIZATION);
      case "entity" -> new Target(Kind.ENTITY, NewsField.ENTITY.fieldName(), null);
      case "source" -> new Target(Kind.SOURCE, NewsField.SOURCE.fieldName(), null);
      case "published", "date" -> new Target(Kind.DATE, NewsField.PUBLISHED.fieldName(), null);
      default -> throw problem(field + ":", "unknown field \"" + field
          + "\": use title, body, person, location, organization (org), entity, source or published"
          + " (or escape the colon: \\:)");
    };
  }

  private QuerySyntaxException problem(String near, String reason) {
    return new QuerySyntaxException(text, position(near), reason);
  }

  private int position(String near) {
    int at = text.indexOf(near);
    if (at < 0) {
      at = text.toLowerCase(Locale.ROOT).indexOf(near.toLowerCase(Locale.ROOT));
    }
    return at;
  }

  private enum Kind { TEXT, ENTITY, SOURCE, DATE }

  private record Target(Kind kind, String field, EntityType type) {}
}
