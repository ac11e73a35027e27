package org.newsdesk.index.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;

/**
 * Finds proper-noun phrases that the gazetteer does not know: runs of capitalized words (with inner {@code of},
 * {@code and}, {@code de}, … as in {@code Bank of England}) that no gazetteer name or demonym covers.
 *
 * <p>Keeping the list clean:
 * <ul>
 *   <li>A capitalized word that the articles also use in lower case ({@code The}, {@code Earlier}, {@code Amid}),
 *       at least once for every {@value #COMMON_LOWER_CASE_SHARE} times they capitalize it inside a sentence, is a
 *       common word: it is dropped from the start of a sentence, and a one-word phrase made of it is dropped anywhere
 *       (title-case {@code President}). One lower-case {@code reagan} in a list does not make Reagan a word.
 *   <li>Titles ({@code President}, {@code Prime Minister}), weekdays and months are stripped from phrase edges.
 *   <li>Lines mostly in capitals (headlines, datelines, kickers) are skipped, and so is any all-capital word longer
 *       than five letters; shorter ones are kept as possible acronyms.
 *   <li>A phrase must occur at least {@code minCount} times, at least once inside a sentence rather than at its
 *       start (words found only at the start of lines are boilerplate: {@code Advertisement}, {@code Read more}).
 *   <li>Demonyms (and their plurals) and the surnames of known people are known words.
 * </ul>
 * Use: pass every article to {@link #learn} (which collects lower-case evidence), then every article to
 * {@link #add}; then call {@link #candidates}. Not thread-safe: one finder per run.
 */
public final class CandidateFinder {
  private static final Set<String> CONNECTORS = Set.of("of", "and", "for", "the", "de", "del", "da", "di", "du", "von",
      "van", "der", "den", "la", "le", "al", "el", "bin", "on", "&");
  private static final Set<String> TITLES = Set.of("president", "vice", "prime", "minister", "ministers", "foreign",
      "secretary", "general", "chief", "deputy", "spokesman", "spokeswoman", "spokesperson", "ambassador", "governor",
      "mayor", "senator", "sen", "rep", "chairman", "chairwoman", "director", "mr", "mrs", "ms", "dr", "sir", "king",
      "queen", "pope", "prince", "princess", "judge", "justice", "commissioner", "chancellor", "premier", "sheikh",
      "gen", "col", "lt", "capt", "sgt", "coach", "captain", "officer", "leader", "head", "editor", "reporter");
  private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
  private static final Set<String> ORG_WORDS = Set.of("inc", "corp", "corporation", "co", "ltd", "plc", "llc", "ag",
      "sa", "group", "bank", "party", "union", "council", "ministry", "committee", "association", "agency", "company",
      "club", "airlines", "airways", "fund", "organisation", "organization", "institute", "university", "federation",
      "league", "army", "police", "court", "parliament", "commission", "assembly", "front", "movement", "exchange",
      "department", "office", "board", "authority", "service", "news", "times", "post", "journal", "press", "network",
      "foundation", "society", "church", "school", "college", "hospital", "team", "united", "city", "rovers", "fc");
  private static final Set<String> LOC_WORDS = Set.of("river", "lake", "mountains", "mountain", "mount", "island",
      "islands", "county", "province", "region", "valley", "street", "gulf", "sea", "ocean", "bay", "strait", "coast",
      "peninsula", "desert", "forest", "park", "state", "district", "hills", "north", "south", "east", "west");
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "from", "to", "outside", "across");
  private static final Set<String> PERSON_VERBS = Set.of("said", "says", "told", "added", "wrote", "asked");

  private final GazetteerEntityTagger tagger;
  private final Set<String> demonyms = new HashSet<>();
  private final Set<String> surnames = new HashSet<>();
  /**
   * A company's legal form alone ({@code Corp}, {@code Ltd}) names no one: a phrase of one such word is dropped (the
   * name before it, when capitalized, is a phrase of its own: {@code First Wisconsin Corp}).
   */
  private static final Set<String> LEGAL_SUFFIXES = Set.of("corp", "inc", "ltd", "co", "plc", "llc", "lp", "llp", "ag",
      "sa", "nv", "bv", "gmbh", "spa", "ab", "oy", "asa", "kk", "pty", "corporation", "incorporated", "limited", "cos");

  /** Per folded word: how often the articles write it in lower case, and capitalized inside a sentence. */
  private final Map<String, int[]> wordCases = new HashMap<>();
  /**
   * A capitalized word is a common word when its lower-case uses are at least this fraction of its capitalized uses
   * inside sentences: {@code earlier} (never capitalized there) is; {@code Reagan}, written {@code reagan} once in a
   * list of names among 1,500 capitalized uses, is not.
   */
  private static final int COMMON_LOWER_CASE_SHARE = 20;
  private final Map<String, Stats> phrases = new HashMap<>();
  private int articleSerial;
  /** The id of the article being added. */
  private String articleId;

  private static final class Stats {
    final Map<String, Integer> spellings = new HashMap<>();
    int count;
    int midSentence;
    int articles;
    int lastArticle = -1;
    String example;
    /** The id of the article the example is from. */
    String exampleFrom;
    final int[] votes = new int[3]; // person, location, organization
  }

  /** A finder that treats every name and demonym of {@code gazetteer} as known. */
  public CandidateFinder(Gazetteer gazetteer) {
    this.tagger = new GazetteerEntityTagger(gazetteer);
    for (GazetteerEntry e : gazetteer.entries()) {
      for (String d : e.demonyms()) {
        demonyms.add(NameTokens.fold(d));
        demonyms.add(NameTokens.fold(d) + "s");
      }
      if (e.type().equals(EntityType.PERSON)) {
        for (String name : e.allNames()) {
          NameTokens t = NameTokens.of(name);
          for (int i = t.size > 1 ? GazetteerEntityTagger.surnameStart(t) : 0; i < t.size; i++) {
            surnames.add(t.folded[i]); // a known person's surname alone is not an unknown name
          }
        }
      }
    }
  }

  /** First pass: remembers which words the articles use in lower case. */
  public void learn(Article article) {
    for (String text : texts(article)) {
      NameTokens t = NameTokens.of(text);
      for (int i = 0; i < t.size; i++) {
        if (Character.isLowerCase(t.original[i].charAt(0))) {
          wordCases.computeIfAbsent(t.folded[i], k -> new int[2])[0]++;
        } else if (t.capitalized[i] && !t.sentenceStart[i]) {
          wordCases.computeIfAbsent(t.folded[i], k -> new int[2])[1]++;
        }
      }
    }
  }

  /** True when the articles use the word in lower case often enough to call it a common word. */
  private boolean common(String folded) {
    int[] cases = wordCases.get(folded);
    return cases != null && cases[0] > 0 && cases[0] * COMMON_LOWER_CASE_SHARE >= cases[1];
  }

  /** Second pass: collects the unknown proper-noun phrases of one article. */
  public void add(Article article) {
    articleSerial++;
    articleId = article.id();
    for (String text : texts(article)) {
      addText(text);
    }
  }

  private static List<String> texts(Article a) {
    List<String> out = new ArrayList<>(3);
    if (a.title() != null) {
      out.add(a.title());
    }
    if (a.caption() != null) {
      out.add(a.caption());
    }
    out.add(a.body());
    return out;
  }

  private void addText(String text) {
    NameTokens t = NameTokens.of(text);
    boolean[] known = new boolean[t.size];
    int k = 0;
    for (Mention m : tagger.mentions(text)) {
      while (k < t.size && t.start[k] < m.start()) {
        k++;
      }
      for (int j = k; j < t.size && t.end[j] <= m.end(); j++) {
        known[j] = true;
      }
    }
    boolean[] headerLine = headerLines(text, t);
    int i = 0;
    while (i < t.size) {
      if (!startsPhrase(t, i, known, headerLine)) {
        i++;
        continue;
      }
      int end = i;
      int j = i + 1;
      while (j < t.size && t.joinable[j] && !known[j] && !headerLine[j]) {
        if (isNameWord(t, j)) {
          end = j;
          j++;
        } else if (CONNECTORS.contains(t.folded[j]) && !t.capitalized[j] && j + 1 < t.size && t.joinable[j + 1]
            && isNameWord(t, j + 1) && !known[j + 1]) {
          j++;
        } else {
          break;
        }
      }
      record(text, t, i, end);
      i = end + 1;
    }
  }

  private boolean startsPhrase(NameTokens t, int i, boolean[] known, boolean[] headerLine) {
    return !known[i] && !headerLine[i] && isNameWord(t, i);
  }

  /** A capitalized word that is not a demonym, not a long all-capital word, and not a bare number. */
  private boolean isNameWord(NameTokens t, int i) {
    String w = t.original[i];
    if (!t.capitalized[i] || demonyms.contains(t.folded[i]) || surnames.contains(t.folded[i])) {
      return false;
    }
    boolean allCaps = w.chars().noneMatch(Character::isLowerCase);
    return !(allCaps && w.length() > 5);
  }

  /** Tokens on lines where most words are in capitals: headlines, datelines, kickers. */
  private static boolean[] headerLines(String text, NameTokens t) {
    boolean[] out = new boolean[t.size];
    int i = 0;
    while (i < t.size) {
      int lineEnd = text.indexOf('\n', t.start[i]);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      int j = i;
      int caps = 0;
      int words = 0;
      while (j < t.size && t.start[j] < lineEnd) {
        if (t.original[j].chars().anyMatch(Character::isLetter)) {
          words++;
          if (t.original[j].length() > 1 && t.original[j].chars().noneMatch(Character::isLowerCase)) {
            caps++;
          }
        }
        j++;
      }
      boolean header = words >= 2 && caps * 10 >= words * 6;
      for (int k = i; k < j; k++) {
        out[k] = header;
      }
      i = j;
    }
    return out;
  }

  private void record(String text, NameTokens t, int from, int to) {
    // Strip edges: sentence-initial common words, titles, calendar words, connectors.
    while (from <= to && (CONNECTORS.contains(t.folded[from]) || TITLES.contains(t.folded[from])
        || CALENDAR.contains(t.folded[from]) || (t.sentenceStart[from] && common(t.folded[from])))) {
      from++;
    }
    while (to >= from && (CONNECTORS.contains(t.folded[to]) || CALENDAR.contains(t.folded[to]) || TITLES.contains(t.folded[to]))) {
      to--;
    }
    if (from > to) {
      return;
    }
    if (from == to && (common(t.folded[from]) || LEGAL_SUFFIXES.contains(t.folded[from]) || t.original[from].length() < 2
        || !t.original[from].chars().anyMatch(Character::isLetter))) {
      return;
    }
    String phrase = text.substring(t.start[from], t.end[to]).replaceAll("\\s+", " ");
    String key = phrase.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-\u2010-\u2015]+", " ");
    Stats s = phrases.computeIfAbsent(key, x -> new Stats());
    s.count++;
    if (!t.sentenceStart[from]) {
      s.midSentence++;
    }
    s.spellings.merge(phrase, 1, Integer::sum);
    if (s.lastArticle != articleSerial) {
      s.lastArticle = articleSerial;
      s.articles++;
    }
    // From the article with the smallest id (its first mention): the same example whatever order the articles come
    // in, which for a whole index is the order of its documents, and that follows the build's worker threads.
    if (s.example == null || articleId.compareTo(s.exampleFrom) < 0) {
      s.example = sentence(text, t.start[from], t.end[to]);
      s.exampleFrom = articleId;
    }
    vote(s, t, from, to);
  }

  private static void vote(Stats s, NameTokens t, int from, int to) {
    String before = from > 0 ? t.folded[from - 1] : "";
    String after = to + 1 < t.size ? t.folded[to + 1] : "";
    String last = t.folded[to];
    boolean acronym = from == to && t.original[from].chars().noneMatch(Character::isLowerCase);
    boolean orgWord = false;
    for (int i = from; i <= to; i++) {
      orgWord |= ORG_WORDS.contains(t.folded[i]);
    }
    if (orgWord || acronym) {
      s.votes[2] += 2;
    } else if (LOC_WORDS.contains(last)) {
      s.votes[1] += 2;
    } else if (TITLES.contains(before) || PERSON_VERBS.contains(after)) {
      s.votes[0] += 2;
    } else if (PLACE_PREPOSITIONS.contains(before)) {
      s.votes[1]++;
    } else {
      s.votes[0]++;
    }
  }

  private static String sentence(String text, int start, int end) {
    int s = start;
    while (s > 0 && ".!?\n".indexOf(text.charAt(s - 1)) < 0) {
      s--;
    }
    int e = end;
    while (e < text.length() && ".!?\n".indexOf(text.charAt(e)) < 0) {
      e++;
    }
    String sentence = text.substring(s, Math.min(text.length(), e + 1)).strip().replaceAll("\\s+", " ");
    return sentence.length() > 200 ? sentence.substring(0, 199) + "…" : sentence;
  }

  /** The phrases seen at least {@code minCount} times, most frequent first (ties by phrase), at most {@code limit}. */
  public List<Candidate> candidates(int minCount, int limit) {
    return phrases.values().stream()
        .filter(s -> s.count >= minCount && s.midSentence > 0)
        .map(s -> new Candidate(mostCommon(s.spellings), s.count, s.articles, guess(s.votes), s.example))
        .sorted(Comparator.comparingInt(Candidate::count).reversed().thenComparing(Candidate::phrase))
        .limit(limit)
        .toList();
  }

  private static String mostCommon(Map<String, Integer> spellings) {
    return spellings.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow().getKey();
  }

  private static EntityType guess(int[] votes) {
    if (votes[2] >= votes[1] && votes[2] >= votes[0] && votes[2] > 0) {
      return EntityType.ORGANIZATION;
    }
    return votes[1] > votes[0] ? EntityType.LOCATION : EntityType.PERSON;
  }
}
