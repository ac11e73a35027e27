package org.newsdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** {@link PorterStemmer} (through {@link StemFilter}) gives Lucene's {@code PorterStemFilter}'s stem for every word. */
class PorterStemmerTest {
  /** Porter's own examples for each step, and words at the edges of the rules (short, y, double letters, -ion). */
  private static final List<String> WORDS = List.of("caresses", "ponies", "ties", "caress", "cats", "feed", "agreed",
      "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing",
      "fizzed", "failing", "filing", "happy", "sky", "relational", "conditional", "rational", "valenci", "hesitanci",
      "digitizer", "conformabli", "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication",
      "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti",
      "triplicate", "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance",
      "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
      "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize",
      "probate", "rate", "cease", "controll", "roll", "generalizations", "oscillators", "ion", "eed", "ies", "ing", "ed",
      "yyy", "y", "ys", "yes", "say", "syzygy", "ay", "a", "as", "is", "ss", "sss", "bss", "eeds", "logi", "archaeologi",
      "abli", "ize", "ization", "ational", "ement", "ment", "ent", "tion", "sion", "xion", "ousli", "fulness", "ness",
      "alliance", "ceasefire", "ceasefires", "putin", "pashinyan", "nagorno", "karabakh", "osce", "s", "");
  private static final String[] SUFFIXES = {"", "s", "es", "ies", "sses", "ss", "ed", "eed", "ing", "y", "e", "ll", "l",
      "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator",
      "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti",
      "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
      "sion", "tion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "at", "bl", "iz"};

  @Test
  void sameStemsAsLuceneOnPortersExamplesAndEdgeCases() throws IOException {
    assertSameStems(WORDS);
  }

  @Test
  void sameStemsAsLuceneOnGeneratedWords() throws IOException {
    // Random stems (y and vowels often, doubled letters, other scripts now and then) with one or two suffixes, so
    // every rule meets stems of every measure.
    SplittableRandom random = new SplittableRandom(11);
    String letters = "aeiouyyybcdfglmnprsttvzwxll";
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder w = new StringBuilder();
      int n = random.nextInt(9);
      for (int c = 0; c < n; c++) {
        w.append(random.nextInt(40) == 0 ? (char) ('\u00e0' + random.nextInt(30)) : letters.charAt(random.nextInt(letters.length())));
      }
      w.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
      if (random.nextBoolean()) {
        w.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
      }
      if (w.length() > 0 && random.nextInt(50) == 0) {
        w.setCharAt(random.nextInt(w.length()), 'A'); // upper case: a consonant to both
      }
      words.add(w.toString());
    }
    assertSameStems(words);
  }

  @Test
  void sameStemsAsLuceneOnEveryWordOfTheSharedCorpora() throws IOException {
    Path shared = Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared", "corpora").normalize();
    assumeTrue(Files.isDirectory(shared), "../shared/corpora not present (" + shared + "); skipping");
    TreeSet<String> vocabulary = new TreeSet<>();
    Pattern word = Pattern.compile("\\p{IsAlphabetic}+");
    for (String corpus : List.of("bbc", "reuters21578", "conll2003", "time")) {
      Path dir = shared.resolve(corpus);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          // ISO-8859-1 reads any byte: the words, not the encoding, are under test here.
          Matcher m = word.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
          while (m.find()) {
            vocabulary.add(m.group().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    assumeTrue(vocabulary.size() > 10_000, "too few words found under " + shared + "; skipping");
    assertSameStems(new ArrayList<>(vocabulary));
  }

  private static void assertSameStems(List<String> words) throws IOException {
    List<String> expected = stems(new PorterStemFilter(new WordTokenizer(words)));
    List<String> actual = stems(new StemFilter(new WordTokenizer(words)));
    for (int i = 0; i < words.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "stem of '" + words.get(i) + "'");
    }
    assertEquals(expected.size(), actual.size());
  }

  private static List<String> stems(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  /** One token per listed word, as given (no lower-casing), so both filters see exactly the same terms. */
  private static final class WordTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> words;
    private int next;

    WordTokenizer(List<String> words) {
      this.words = words;
    }

    @Override
    public boolean incrementToken() {
      if (next >= words.size()) {
        return false;
      }
      clearAttributes();
      term.append(words.get(next++));
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
