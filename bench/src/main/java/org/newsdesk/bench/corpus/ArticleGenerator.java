package org.newsdesk.bench.corpus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;

/**
 * Generates realistic synthetic news articles, deterministically: article {@code i} of seed {@code s} is the same
 * on every machine and run, whatever else is generated, so corpora can be sharded, regenerated and extended.
 *
 * <p>Statistics: words from a Zipfian English vocabulary ({@link Vocabulary}); body lengths lognormal with a median
 * of {@value #MEDIAN_BODY_WORDS} words; titles of about 10 words; dates uniform over 2015-2024; 60% of articles
 * mention gazetteer entities (Zipf-weighted, 1-6 mentions each); {@value #CEASEFIRE_RATE} of them are ceasefire
 * stories. Immutable and thread-safe.
 */
public final class ArticleGenerator {
  /** The median body length in words. */
  public static final int MEDIAN_BODY_WORDS = 450;
  /** The share of ceasefire stories. */
  public static final double CEASEFIRE_RATE = 0.01;
  /** Dates fall in [START, END): ten years. */
  public static final Instant START = Instant.parse("2015-01-01T00:00:00Z");
  public static final Instant END = Instant.parse("2025-01-01T00:00:00Z");

  private static final double BODY_SIGMA = 0.55;
  private static final double SENTENCE_MEDIAN = 18;
  private static final double SENTENCE_SIGMA = 0.45;
  /** P(k distinct entities) for k = 0..4. */
  private static final double[] ENTITY_COUNT_CDF = {0.40, 0.65, 0.83, 0.93, 1.0};
  private static final String[] SOURCES = {
      "Daily Meridian", "The Harbor Ledger", "Northgate Times", "Continental Wire", "Evening Sentinel",
      "Riverside Post", "The Capital Observer", "Global Dispatch", "Westbrook Herald", "Eastern Chronicle",
      "Summit News", "The Plainfield Gazette"};
  private static final String[] AGENCIES = {
      "Pool", "Staff photographer", "Northwind Photo", "Harbor Images", "Meridian Pictures", "Global Dispatch Photo"};
  private static final String[] CEASEFIRE_FORMS = {"ceasefire", "ceasefire", "ceasefire", "ceasefire", "ceasefire",
      "ceasefire", "ceasefire", "cease-fire", "cease fire", "cease-fire"};

  private final long seed;
  private final int revision;
  private final Vocabulary vocabulary;
  private final List<GazetteerEntry> entities;
  private final String[][] entityNames;
  private final ZipfSampler entityPicker;
  private final ZipfSampler sourcePicker;

  private ArticleGenerator(long seed, int revision, Vocabulary vocabulary, List<GazetteerEntry> entities) {
    this.seed = seed;
    this.revision = revision;
    this.vocabulary = vocabulary;
    this.entities = List.copyOf(entities);
    this.entityNames = new String[this.entities.size()][];
    for (int i = 0; i < entityNames.length; i++) {
      entityNames[i] = mentionNames(this.entities.get(i));
    }
    this.entityPicker = this.entities.isEmpty() ? null : new ZipfSampler(this.entities.size(), 1.0, 1.0);
    this.sourcePicker = new ZipfSampler(SOURCES.length, 0.8, 1.0);
  }

  /**
   * A generator for the given seed over the given gazetteer's entities.
   *
   * @param revision 0 for the original articles; another value changes every article's text and date while
   *     keeping its id, as an edit would (for rebuild benchmarks)
   */
  public static ArticleGenerator of(long seed, int revision, Gazetteer gazetteer) {
    Objects.requireNonNull(gazetteer, "gazetteer");
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
    return new ArticleGenerator(seed, revision, Vocabulary.bundled(reservedWords(gazetteer)), gazetteer.entries());
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** Generates the article at {@code index}. */
  public SyntheticArticle article(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    SplittableRandom random = new SplittableRandom(mix(seed, index, revision));
    boolean ceasefire = random.nextDouble() < CEASEFIRE_RATE;
    long span = END.getEpochSecond() - START.getEpochSecond();
    OffsetDateTime published = OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(START.getEpochSecond() + random.nextLong(span) / 60 * 60), ZoneOffset.UTC);
    String source = SOURCES[sourcePicker.sample(random)];
    int[] chosen = chooseEntities(random);
    int bodyWords = (int) Math.round(MEDIAN_BODY_WORDS * Math.exp(BODY_SIGMA * random.nextGaussian()));
    bodyWords = Math.max(40, Math.min(bodyWords, 6000));

    Mentions mentions = new Mentions(random, bodyWords);
    for (int e : chosen) {
      int count = 1 + geometric(random, 0.45, 5);
      for (int m = 0; m < count; m++) {
        mentions.add(m == 0 ? entityNames[e][0] : mentionName(random, e));
      }
    }
    if (ceasefire) {
      int count = 2 + random.nextInt(5);
      for (int m = 0; m < count; m++) {
        mentions.add(CEASEFIRE_FORMS[random.nextInt(CEASEFIRE_FORMS.length)]);
      }
    }
    mentions.sort();

    String title = title(random, chosen, ceasefire);
    String body = body(random, bodyWords, mentions);
    String caption = (random.nextDouble() < 0.3 ? "FILE PHOTO. " : "") + sentence(random, 8 + random.nextInt(9));
    String credit = capitalize(vocabulary.draw(random)) + " " + capitalize(vocabulary.draw(random)) + " / "
        + AGENCIES[random.nextInt(AGENCIES.length)];
    List<String> ids = new ArrayList<>(chosen.length);
    for (int e : chosen) {
      ids.add(entities.get(e).id());
    }
    String url = "https://www." + slug(source) + ".example/" + published.getYear() + "/" + twoDigits(published.getMonthValue())
        + "/" + twoDigits(published.getDayOfMonth()) + "/" + slug(firstWords(title, 8)) + "-" + index;
    return new SyntheticArticle(index, SyntheticArticle.idOf(index), title, published, url, source, caption, credit,
        body, countWords(body), ids, ceasefire);
  }

  private int[] chooseEntities(SplittableRandom random) {
    if (entities.isEmpty()) {
      return new int[0];
    }
    double u = random.nextDouble();
    int k = 0;
    while (u >= ENTITY_COUNT_CDF[k]) {
      k++;
    }
    k = Math.min(k, entities.size());
    int[] chosen = new int[k];
    for (int i = 0; i < k; i++) {
      int e;
      do {
        e = entityPicker.sample(random);
      } while (contains(chosen, i, e));
      chosen[i] = e;
    }
    return chosen;
  }

  private String title(SplittableRandom random, int[] chosen, boolean ceasefire) {
    int words = (int) Math.round(10 + 2.5 * random.nextGaussian());
    words = Math.max(4, Math.min(words, 18));
    String[] parts = new String[words];
    for (int i = 0; i < words; i++) {
      parts[i] = vocabulary.draw(random);
    }
    if (chosen.length > 0 && random.nextDouble() < 0.5) {
      parts[random.nextInt(words)] = entityNames[chosen[0]][0];
    }
    if (ceasefire) {
      int at = random.nextInt(words);
      parts[at] = "ceasefire";
    }
    parts[0] = capitalize(parts[0]);
    return String.join(" ", parts);
  }

  private String body(SplittableRandom random, int words, Mentions mentions) {
    StringBuilder out = new StringBuilder(words * 7);
    int written = 0;
    boolean lastWasMention = false;
    int inParagraph = 0;
    int paragraphLength = paragraphSentences(random);
    while (written < words) {
      if (inParagraph == paragraphLength) {
        out.append("\n\n");
        inParagraph = 0;
        paragraphLength = paragraphSentences(random);
      } else if (inParagraph > 0) {
        out.append(' ');
      }
      int length = (int) Math.round(SENTENCE_MEDIAN * Math.exp(SENTENCE_SIGMA * random.nextGaussian()));
      length = Math.max(4, Math.min(length, Math.min(60, words - written + 3)));
      for (int w = 0; w < length; w++) {
        // One 64-bit draw per word: bits 0-6 decide a comma (9/128, about 7%), bits 7-16 a number (12/1024),
        // the top 53 bits pick the word.
        long bits = random.nextLong();
        if (w > 0) {
          out.append((bits & 0x7F) < 9 && w < length - 1 ? ", " : " ");
        }
        String token;
        if (mentions.due(written) && !lastWasMention) {
          token = mentions.next();
          lastWasMention = true;
        } else if (((bits >>> 7) & 0x3FF) < 12) {
          token = number(random);
          lastWasMention = false;
        } else {
          token = vocabulary.word((bits >>> 11) * 0x1.0p-53);
          lastWasMention = false;
        }
        if (w == 0) {
          capitalizeInto(out, token);
        } else {
          out.append(token);
        }
        written++;
      }
      out.append('.');
      inParagraph++;
    }
    while (mentions.remaining()) {
      out.append(' ').append(capitalize(mentions.next())).append(" was mentioned.");
    }
    return out.toString();
  }

  private String sentence(SplittableRandom random, int words) {
    StringBuilder out = new StringBuilder(words * 7);
    for (int w = 0; w < words; w++) {
      String token = filler(random);
      out.append(w == 0 ? capitalize(token) : token).append(w == words - 1 ? "." : " ");
    }
    return out.toString();
  }

  private String filler(SplittableRandom random) {
    return random.nextInt(1000) < 12 ? number(random) : vocabulary.draw(random);
  }

  private static String number(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> Integer.toString(1990 + random.nextInt(35));
      case 1 -> Integer.toString(2 + random.nextInt(998));
      case 2 -> (1 + random.nextInt(99)) + "," + (100 + random.nextInt(900));
      default -> random.nextInt(100) + "." + random.nextInt(10);
    };
  }

  private static void capitalizeInto(StringBuilder out, String word) {
    char c = word.charAt(0);
    if (Character.isLowerCase(c)) {
      out.append(Character.toUpperCase(c)).append(word, 1, word.length());
    } else {
      out.append(word);
    }
  }

  private static int paragraphSentences(SplittableRandom random) {
    double u = random.nextDouble();
    return u < 0.3 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4;
  }

  private String mentionName(SplittableRandom random, int entity) {
    String[] names = entityNames[entity];
    if (names.length == 1 || random.nextDouble() < 0.7) {
      return names[0];
    }
    return names[1 + random.nextInt(names.length - 1)];
  }

  /** The display name first, then Latin-script aliases; other scripts only if nothing else is left. */
  private static String[] mentionNames(GazetteerEntry entry) {
    List<String> names = new ArrayList<>();
    for (String name : entry.allNames()) {
      if (names.isEmpty() || isLatin(name)) {
        names.add(name);
      }
    }
    return names.toArray(String[]::new);
  }

  private static boolean isLatin(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
        return false;
      }
    }
    return true;
  }

  /** Every word of every entity name and the ceasefire words: filler text never contains them. */
  static Set<String> reservedWords(Gazetteer gazetteer) {
    Set<String> reserved = new HashSet<>(Arrays.asList("ceasefire", "ceasefires", "cease", "ceased", "ceases", "ceasing"));
    // A name matches only with all its words in a row, so reserving its last word (diacritics folded, as the tagger
    // folds them) keeps every name out of the filler text without taking common words such as "of" or "the" out of
    // the vocabulary; a one-word name is its own last word.
    for (GazetteerEntry entry : gazetteer.entries()) {
      for (String name : entry.allNames()) {
        String folded = java.text.Normalizer.normalize(name.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "");
        String[] words = folded.split("[^\\p{L}\\p{N}]+");
        for (int i = words.length - 1; i >= 0; i--) {
          if (!words[i].isEmpty()) {
            reserved.add(words[i]);
            break;
          }
        }
      }
    }
    return reserved;
  }

  private static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = text.charAt(i) <= ' ';
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static int geometric(SplittableRandom random, double p, int max) {
    int n = 0;
    while (n < max && random.nextDouble() >= p) {
      n++;
    }
    return n;
  }

  static String capitalize(String word) {
    char c = word.charAt(0);
    return Character.isLowerCase(c) ? Character.toUpperCase(c) + word.substring(1) : word;
  }

  private static String firstWords(String text, int n) {
    int at = 0;
    for (int i = 0; i < n; i++) {
      int next = text.indexOf(' ', at + 1);
      if (next < 0) {
        return text;
      }
      at = next;
    }
    return text.substring(0, at);
  }

  static String slug(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean dash = false;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && out.length() > 0) {
          out.append('-');
        }
        out.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return out.toString();
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** A well-mixed per-article seed (SplitMix64 finalizer over seed, index and revision). */
  private static long mix(long seed, long index, int revision) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + revision * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Entity and ceasefire mentions placed at random word positions of the body. */
  private static final class Mentions {
    private final SplittableRandom random;
    private final int words;
    private int[] at = new int[8];
    private String[] text = new String[8];
    private int size;
    private int cursor;

    Mentions(SplittableRandom random, int words) {
      this.random = random;
      this.words = words;
    }

    void add(String name) {
      if (size == at.length) {
        at = Arrays.copyOf(at, size * 2);
        text = Arrays.copyOf(text, size * 2);
      }
      at[size] = random.nextInt(words);
      text[size] = name;
      size++;
    }

    /** Orders the mentions by position, keeping the first mention of each entity first among equals. */
    void sort() {
      for (int i = 1; i < size; i++) {
        int a = at[i];
        String t = text[i];
        int j = i - 1;
        while (j >= 0 && at[j] > a) {
          at[j + 1] = at[j];
          text[j + 1] = text[j];
          j--;
        }
        at[j + 1] = a;
        text[j + 1] = t;
      }
    }

    boolean due(int position) {
      return cursor < size && at[cursor] <= position;
    }

    boolean remaining() {
      return cursor < size;
    }

    String next() {
      return text[cursor++];
    }
  }
}
