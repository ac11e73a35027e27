package org.newsdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * {@link NewsTokenizer} produces exactly {@link StandardTokenizer}'s token stream: every attribute of every token
 * ({@code reflectAsString}: term, offsets, type, position increment and length, term frequency) and the state after
 * {@code end()}, on edge cases, on every character of the ranges the fast path claims in many contexts, on random
 * strings mixing fast-path and fallback characters (also read in random short reads through a small buffer, and
 * through a char filter), and on every text of the shared corpora; and the whole {@link NewsAnalyzer} chain gives
 * the same tokens on either tokenizer.
 */
class NewsTokenizerTest {
  /** Fast-path characters of each class, and characters the fallback must handle, weighted towards the first. */
  private static final String FAST = "aaaaeeeiiooutnsrhldcmwfgypbvkjxqzAEIOUTNSRHLDMBCQXZ0123456789    ....,,,'''::;"
      + "\"#*!?-()/%&$@[]{}<>+=|\\~^`\t\n\r\u00A0éüßøÆÇÑğşİəṭ‘’–—“”×÷£°½ªµº·";
  private static final String[] SLOW = {"_", "\u00AD", "\u0301", "\u0308", "\u200D", "\u200B", "\u2060", "\uFE0F",
      "\u20E3", "©", "®", "™", "\u05D0", "\u05D1", "\u05F4", "\u30A2", "\u30FC", "\u3042", "\u4E2D", "\uAC00",
      "\u0E01", "\u0627", "\u0416", "\u03A9", "\u2024", "\uFF0E", "\uFF11", "\u202F", "\u2026", "\u3000", "\uFFFC",
      "😀", "👍", "🏻", "🇬", "🇧", "\uD83D", "\uDE00", "\uDB40\uDC67", "\uDB40\uDC7F", "1\u20E3", "#\uFE0F\u20E3",
      "👨\u200D👩\u200D👧", "\u0085", "\u2028", "\u000B", "\f"};
  private static final List<String> EDGE_CASES = List.of("", " ", "  ", "a", "1", ".", "U.S.", "U.S.A", "u.s.",
      "3.5", "3.5.", "1,000", "1,000,000.50", "1,,000", "1.,2", "don't", "don't.", "O'Neil", "O’Neil", "O‘Neil",
      "rock'n'roll", "a:b", "a::b", "a:1", "1:2", "12:30", "a..b", "a.b.c", "1.a", "a.1", "a1.2", "a1.b", "1a.2",
      "1.5.a", "a.b1", "1;2", "a;b", "a,b", "trailing.", "trailing..", "quote'", "'quote", "''", "\"quoted\"",
      "a\"b", "#1", "a#b", "*1*", "_", "a_b", "_a_", "1_000", "e-mail", "http://www.example.com/a_b?c=1&d=2#x",
      "user.name@example.co.uk", "mailto:a@b.c", "\u05D0\"\u05D1", "\u05D0'", "\u05D0\u05D1\"", "\u30A2\u30FC\u30C8",
      "\u30A2\u30FCa", "a\u30A2", "\u3042\u3044", "\u4E2D\u6587", "\uAC00\uAC01", "\u0E01\u0E02", "😀", "😀😀",
      "👨\u200D👩\u200D👧\u200D👦", "👍🏻", "1\u20E3", "1\uFE0F\u20E3", "#\uFE0F\u20E3", "*\u20E3", "🇬🇧", "🇬🇧🇫🇷",
      "🇬", "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F", "soft\u00ADhyphen",
      " \u00ADsoft", "\u00AD", "cafe\u0301", " \u0301a", "a \u0301b", "\u0301", "a\u200Db", "\u200D😀", " \u200D😀",
      "a\r\nb", "a\rb\n", "\t\ta\tb\t", "a\u00A0b", "\u00A0", "x\u2028y", "a\u202Fb", "1\u202F000", "a\u2024b",
      "1\uFF0E2", "\uFF11\uFF12", "µm", "ªº", "a·b", "l·l", "1·2", "İstanbul", "Ərdoğan", "ṭa", "©2024", "a®",
      "end mid-tok", "ends with space ", "ends\n", "\uD83D", "a\uD83D", "\uDE00b", "a\uD83Db",
      "x".repeat(254), "x".repeat(255), "x".repeat(256), "x".repeat(300), "x".repeat(510), "x".repeat(511),
      "1".repeat(300), "a.".repeat(200), "1,".repeat(200), "é".repeat(300), "x".repeat(254) + "_y",
      "x".repeat(253) + "\u00ADyz", "x".repeat(254) + "😀", " " + "x".repeat(255) + " " + "y".repeat(256) + " z",
      "a".repeat(254) + "'s", "a".repeat(255) + ".b", "😀".repeat(200), "\u4E2D".repeat(300),
      "The U.S. economy grew 3.5% in Q3, says O'Neil: \"don't panic\" – e-mail jo_doe@example.com.");

  private static final Supplier<Tokenizer> LUCENE = StandardTokenizer::new;
  private static final Supplier<Tokenizer> OURS = NewsTokenizer::new;
  /** Ours through a buffer barely above the minimum, so segments often straddle a refill. */
  private static final Supplier<Tokenizer> OURS_SMALL_BUFFER = () -> new NewsTokenizer(NewsTokenizer.MAX_TOKEN_LENGTH + 2);

  @Test
  void sameTokensOnEdgeCases() throws IOException {
    for (String text : EDGE_CASES) {
      assertSameTokens(text);
    }
  }

  @Test
  void sameTokensForEveryCharacterTheFastPathClassifiesInContext() throws IOException {
    // Each character of the claimed ranges, and of the punctuation blocks near them, between letters, digits, mid
    // characters and spaces: a character the table puts in the wrong class gives a different stream in one of these.
    String[] around = {"a", "1", ".", ":", ",", "'", " ", "\u0301", "_", "\u05D0", "\u20E3", "\uFE0F"};
    List<Character> chars = new ArrayList<>();
    for (char c = 0; c < 0x370; c++) {
      chars.add(c);
    }
    for (char c = 0x1E00; c < 0x2070; c++) {
      chars.add(c);
    }
    StringBuilder text = new StringBuilder();
    for (char c : chars) {
      String s = String.valueOf(c);
      for (String x : around) {
        for (String y : around) {
          text.setLength(0);
          text.append(x).append(s).append(y).append(' ').append(s).append(x).append(s).append(y).append(s)
              .append(' ').append(x).append(s).append(s).append(x).append(' ').append(s);
          assertSameTokens(text.toString());
        }
      }
    }
  }

  @Test
  void sameTokensOnRandomStrings() throws IOException {
    SplittableRandom random = new SplittableRandom(29);
    int strings = 40_000;
    for (int i = 0; i < strings; i++) {
      assertSameTokens(randomText(random, random.nextInt(10) == 0 ? 600 : 60));
    }
  }

  @Test
  void sameTokensReadInShortPiecesThroughASmallBuffer() throws IOException {
    SplittableRandom random = new SplittableRandom(31);
    for (int i = 0; i < 3_000; i++) {
      String text = randomText(random, 2_000);
      long seed = random.nextLong();
      assertSameTokens(text, LUCENE, Function.identity(), OURS_SMALL_BUFFER, r -> new ChoppyReader(r, new SplittableRandom(seed)));
    }
  }

  @Test
  void sameOffsetsThroughACharFilter() throws IOException {
    // The markup starts after a space: where Lucene cuts a 255-character token exactly at a place the char filter
    // changed, the offset it reports depends on how far it has read (see NewsTokenizer's class doc).
    SplittableRandom random = new SplittableRandom(37);
    for (int i = 0; i < 2_000; i++) {
      String text = randomText(random, 300).replace('<', ' ') + " <b>bold</b>&amp; caf&eacute;<br/>x.y<i>z</i>";
      assertSameTokens(text, LUCENE, HTMLStripCharFilter::new, OURS, HTMLStripCharFilter::new);
    }
  }

  @Test
  void sameFinalStateWhenEndedEarly() throws IOException {
    for (String text : EDGE_CASES) {
      for (int stop = 0; stop < 4; stop++) {
        assertEquals(firstTokensThenEnd(LUCENE.get(), text, stop), firstTokensThenEnd(OURS.get(), text, stop), text);
      }
    }
  }

  @Test
  void sameTokensWhenAFilterChangesEveryAttributeBetweenCalls() throws IOException {
    // Each token is recorded as the tokenizer left it, then a filter overwrites every attribute: the tokenizer must
    // reset what it does not set itself, as clearAttributes() does.
    SplittableRandom random = new SplittableRandom(43);
    for (int i = 0; i < 2_000; i++) {
      String text = randomText(random, 200);
      assertEquals(scribbled(LUCENE.get(), text), scribbled(OURS.get(), text), () -> escape(text));
    }
  }

  private static List<String> scribbled(Tokenizer tokenizer, String text) throws IOException {
    List<String> seen = new ArrayList<>();
    tokenizer.setReader(new StringReader(text));
    TokenStream filter = new TokenFilter(tokenizer) {
      private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
      private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
      private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
      private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
      private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
      private final TypeAttribute type = addAttribute(TypeAttribute.class);

      @Override
      public boolean incrementToken() throws IOException {
        boolean more = input.incrementToken();
        seen.add(more + " " + reflectAsString(false));
        term.setEmpty().append("scribbled");
        offset.setOffset(7, 9);
        increment.setPositionIncrement(5);
        length.setPositionLength(3);
        frequency.setTermFrequency(4);
        type.setType("scribbled");
        return more;
      }
    };
    seen.addAll(stream(filter));
    return seen;
  }

  @Test
  void keepsTheTokenizerContract() throws IOException {
    Tokenizer ours = OURS.get();
    ours.setReader(new StringReader("one"));
    assertThrows(IllegalStateException.class, ours::incrementToken); // no reset(): Tokenizer's illegal-state reader
    ours.reset();
    assertTrue(ours.incrementToken());
    ours.close();
    ours.reset(); // closed, no new reader: fails on reading, as Lucene's does
    assertThrows(IllegalStateException.class, ours::incrementToken);
    ours.close();
    // Reused after close, even closed half-way through a fallback segment.
    String twice = "a\u00ADb c\u00ADd e";
    for (int round = 0; round < 3; round++) {
      ours.setReader(new StringReader(twice));
      ours.reset();
      assertTrue(ours.incrementToken());
      ours.close();
    }
    Tokenizer lucene = LUCENE.get();
    for (String text : EDGE_CASES) {
      assertEquals(stream(lucene, new StringReader(text)), stream(ours, new StringReader(text)), text);
    }
    assertThrows(IllegalArgumentException.class, () -> new NewsTokenizer(NewsTokenizer.MAX_TOKEN_LENGTH + 1));
  }

  @Test
  void sameTokensOnEveryTextOfTheSharedCorpora() throws IOException {
    Path shared = Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared", "corpora").normalize();
    assumeTrue(Files.isDirectory(shared), "../shared/corpora not present (" + shared + "); skipping");
    ObjectMapper json = new ObjectMapper();
    int[] files = new int[1];
    long[] chars = new long[1];
    Consumer<String> check = text -> {
      try {
        assertSameTokens(text);
        chars[0] += text.length();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    for (String corpus : List.of("bbc", "reuters21578", "time", "conll2003", "extraction")) {
      Path dir = shared.resolve(corpus);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
          String text = read(file);
          check.accept(text);
          if (file.toString().endsWith(".json")) {
            strings(json.readTree(text), check);
          }
          files[0]++;
        }
      }
    }
    assumeTrue(files[0] > 100, "too few files under " + shared + "; skipping");
    System.out.printf("NewsTokenizerTest: %d corpus files, %,d chars compared%n", files[0], chars[0]);
  }

  @Test
  void sameChainOutputOnEitherTokenizer() throws IOException {
    SplittableRandom random = new SplittableRandom(41);
    List<String> texts = new ArrayList<>(EDGE_CASES);
    for (int i = 0; i < 3_000; i++) {
      texts.add(randomText(random, 200));
    }
    Path bbc = Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared", "corpora", "bbc").normalize();
    if (Files.isDirectory(bbc)) {
      try (Stream<Path> paths = Files.walk(bbc)) {
        for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
          texts.add(read(file));
        }
      }
    }
    for (NewsAnalyzer.Mode mode : NewsAnalyzer.Mode.values()) {
      Analyzer before = new NewsAnalyzer(mode, NewsAnalyzer.Options.DEFAULT, StandardTokenizer::new);
      Analyzer after = NewsAnalyzers.text(mode);
      for (String text : texts) {
        assertEquals(stream(before, text), stream(after, text), mode + ": " + text);
      }
    }
  }

  private static String randomText(SplittableRandom random, int maxLength) {
    int n = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(n + 8);
    while (text.length() < n) {
      int r = random.nextInt(100);
      if (r < 6) {
        text.append(SLOW[random.nextInt(SLOW.length)]);
      } else if (r < 8) {
        // a long run, to cross the 255-character window
        char c = FAST.charAt(random.nextInt(20));
        text.append(String.valueOf(c).repeat(200 + random.nextInt(120)));
      } else {
        text.append(FAST.charAt(random.nextInt(FAST.length())));
      }
    }
    return text.toString();
  }

  private static void assertSameTokens(String text) throws IOException {
    assertSameTokens(text, LUCENE, Function.identity(), OURS, Function.identity());
  }

  /** Runs both tokenizers side by side and fails at the first token where any attribute differs. */
  private static void assertSameTokens(String text, Supplier<Tokenizer> expected, Function<Reader, Reader> expectedInput,
      Supplier<Tokenizer> actual, Function<Reader, Reader> actualInput) throws IOException {
    try (Tokenizer want = expected.get(); Tokenizer got = actual.get()) {
      want.setReader(expectedInput.apply(new StringReader(text)));
      got.setReader(actualInput.apply(new StringReader(text)));
      want.reset();
      got.reset();
      for (int i = 0; ; i++) {
        int n = i;
        boolean more = want.incrementToken();
        assertEquals(more, got.incrementToken(), () -> "token " + n + " present in one stream only: " + escape(text));
        if (!more) {
          break;
        }
        assertEquals(want.reflectAsString(false), got.reflectAsString(false), () -> "token " + n + ": " + escape(text));
      }
      want.end();
      got.end();
      assertEquals(want.reflectAsString(false), got.reflectAsString(false), () -> "after end(): " + escape(text));
    }
  }

  private static String firstTokensThenEnd(Tokenizer tokenizer, String text, int tokens) throws IOException {
    try (tokenizer) {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      for (int i = 0; i < tokens && tokenizer.incrementToken(); i++) {
        // read a few tokens only
      }
      tokenizer.end();
      return tokenizer.reflectAsString(false);
    }
  }

  private static List<String> stream(Tokenizer tokenizer, Reader reader) throws IOException {
    tokenizer.setReader(reader);
    return stream(tokenizer);
  }

  private static List<String> stream(Analyzer analyzer, String text) throws IOException {
    return stream(analyzer.tokenStream("body", text));
  }

  private static List<String> stream(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    try (ts) {
      ts.reset();
      while (ts.incrementToken()) {
        out.add(ts.reflectAsString(false));
      }
      ts.end();
      out.add("end " + ts.reflectAsString(false));
    }
    return out;
  }

  private static String read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void strings(JsonNode node, Consumer<String> sink) {
    if (node.isTextual()) {
      sink.accept(node.asText());
    }
    node.forEach(child -> strings(child, sink));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    String shown = text.length() > 400 ? text.substring(0, 400) + "…(" + text.length() + " chars)" : text;
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** Returns at most a few characters per read, so buffers fill in odd steps. */
  private static final class ChoppyReader extends Reader {
    private final Reader in;
    private final SplittableRandom random;

    ChoppyReader(Reader in, SplittableRandom random) {
      this.in = in;
      this.random = random;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      return in.read(cbuf, off, Math.min(len, 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 7)));
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
