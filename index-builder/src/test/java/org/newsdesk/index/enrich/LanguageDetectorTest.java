package org.newsdesk.index.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
  private final LanguageDetector detector = LanguageDetector.defaults();

  /** A title of a thousand characters (a paragraph in the title field) leaves the body most of the sample. */
  @org.junit.jupiter.api.Test
  void aLongTitleLeavesRoomForTheBody() {
    String title = "1234 5678 ".repeat(150);
    assertEquals("en", detector.detect(title, "The council said that it was not able to say when the work on the"
        + " harbour would be done, and that the board had not yet been told of the cost."));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      en | The mayor said on Monday that the new bridge would open to traffic by the end of the year.
      de | Der Bürgermeister sagte am Montag, dass die neue Brücke bis zum Ende des Jahres für den Verkehr geöffnet wird.
      fr | Le maire a déclaré lundi que le nouveau pont serait ouvert à la circulation avant la fin de l'année.
      es | El alcalde dijo el lunes que el nuevo puente se abrirá al tráfico antes de que termine el año.
      it | Il sindaco ha detto lunedì che il nuovo ponte sarà aperto al traffico entro la fine dell'anno.
      pt | O prefeito disse na segunda-feira que a nova ponte será aberta ao trânsito até o fim do ano.
      nl | De burgemeester zei maandag dat de nieuwe brug voor het einde van het jaar voor het verkeer open gaat.
      sv | Borgmästaren sade på måndagen att den nya bron ska öppna för trafik före årets slut och att det är klart.
      pl | Burmistrz powiedział w poniedziałek, że nowy most zostanie otwarty dla ruchu do końca roku, ale jest opóźniony.
      ru | Мэр заявил в понедельник, что новый мост будет открыт для движения до конца года, но это не точно.
      uk | Мер заявив у понеділок, що новий міст буде відкрито для руху до кінця року, але це ще не точно.
      el | Ο δήμαρχος δήλωσε τη Δευτέρα ότι η νέα γέφυρα θα ανοίξει για την κυκλοφορία μέχρι το τέλος του έτους.
      ja | 市長は月曜日、新しい橋が年末までに開通すると述べた。
      zh | 市长周一表示，新桥将在年底前通车。
      ko | 시장은 월요일에 새 다리가 연말까지 개통될 것이라고 말했다.
      ar | قال رئيس البلدية يوم الاثنين إن الجسر الجديد سيفتح أمام حركة المرور بحلول نهاية العام.
      """)
  void detectsTheLanguageOfASentence(String expected, String text) {
    assertEquals(expected, detector.detect(text));
  }

  @Test
  void tooLittleTextGetsNoLabel() {
    assertNull(detector.detect(""));
    assertNull(detector.detect("12,345 678"));
    assertNull(detector.detect("Vladimir Putin"));
    assertNull(detector.detect((CharSequence) null));
  }

  @Test
  void abbreviationsDoNotLookLikeFunctionWords() {
    assertEquals("en", detector.detect("NOVO A/S YEAR NET", "Net profit rose to 788 mln crowns vs 872 mln, the company said."));
  }

  @Test
  void titleAndBodyTogether() {
    assertEquals("de", detector.detect("Neue Brücke", "Die Brücke wird im Mai für den Verkehr geöffnet, sagte der Bürgermeister."));
  }

  /** Real English news (BBC, 2,225 articles): at least 99% get "en". Skips when ../shared is absent. */
  @Test
  void englishNewsCorpus() throws IOException {
    Path bbc = Path.of(System.getProperty("newsdesk.shared",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared").toString()), "corpora", "bbc");
    Assumptions.assumeTrue(Files.isDirectory(bbc), "../shared/corpora/bbc not present; skipping");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bbc)) {
      files = walk.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("README")).toList();
    }
    Assumptions.assumeTrue(files.size() > 1000, "expected the BBC article files under " + bbc);
    long english = 0;
    for (Path f : files) {
      if ("en".equals(detector.detect(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)))) {
        english++;
      }
    }
    assertTrue(english >= files.size() * 0.99, english + " of " + files.size());
  }

  /**
   * The array-based scan gives exactly what the first, {@code charAt}-based version gave ({@link Reference}) on
   * random texts of function words from every language, in every case, with accents, Greek, Cyrillic, CJK,
   * surrogate pairs and lone surrogates, around and across the {@value LanguageDetector#SAMPLE_CHARS}-character
   * sample boundary.
   */
  @Test
  void sameLabelsAsTheCharAtVersion() {
    Reference reference = new Reference(detector);
    String[] pieces = {"the", "The", "of", "und", "Der", "le", "la", "el", "de", "и", "что", "і", "på", "och", "és",
        "ș", "şu", "dass", "A", "S", "ü", "é", "ß", "Ω", "ο", "語", "の", "カ", "한", "\uD835\uDC00", "\uD83D\uDE00",
        "\uD800", "\uDC00", "µ", "ª", "x", "newsroom", "Nagorno-Karabakh", "123", ",", ".", "/", "\n", " ", " ", " ", "  "};
    java.util.Random random = new java.util.Random(20261202);
    for (int round = 0; round < 20_000; round++) {
      int target = random.nextInt(4) == 0 ? 990 + random.nextInt(25) : random.nextInt(1400);
      StringBuilder title = new StringBuilder();
      StringBuilder body = new StringBuilder();
      StringBuilder into = random.nextInt(5) == 0 ? title : body;
      while (title.length() + body.length() < target) {
        into.append(pieces[random.nextInt(pieces.length)]);
        if (into == title && random.nextInt(8) == 0) {
          into = body;
        }
      }
      String t = random.nextInt(6) == 0 ? null : title.toString();
      String b = random.nextInt(10) == 0 ? null : body.toString();
      assertEquals(reference.detect(t, b), detector.detect(t, b), () -> "title " + t + "\nbody " + b);
      String whole = (t == null ? "" : t) + (b == null ? "" : b);
      assertEquals(reference.detect(whole), detector.detect(whole), () -> "text " + whole);
    }
  }

  /** The detector as first written, reading the text through {@code charAt}: the reference for the test above. */
  private static final class Reference {
    private final java.util.List<String> languages;
    private final org.apache.lucene.analysis.CharArrayMap<Long> words;

    Reference(LanguageDetector detector) {
      languages = detector.languages();
      words = detector.wordLanguages();
    }

    String detect(String title, String body) {
      int max = LanguageDetector.SAMPLE_CHARS;
      StringBuilder sample = new StringBuilder(max + 1);
      if (title != null) {
        sample.append(title, 0, Math.min(title.length(), max)).append('\n');
      }
      if (body != null && sample.length() < max) {
        sample.append(body, 0, Math.min(body.length(), max - sample.length()));
      }
      return detect(sample.toString());
    }

    String detect(CharSequence text) {
      Character.UnicodeScript[] all = Character.UnicodeScript.values();
      int n = Math.min(text.length(), LanguageDetector.SAMPLE_CHARS);
      int[] scripts = new int[all.length];
      int letters = 0;
      for (int i = 0; i < n; ) {
        int cp = Character.codePointAt(text, i);
        i += Character.charCount(cp);
        if (Character.isLetter(cp)) {
          letters++;
          scripts[script(cp).ordinal()]++;
        }
      }
      if (letters == 0) {
        return null;
      }
      Character.UnicodeScript main = Character.UnicodeScript.COMMON;
      int mainCount = 0;
      for (int i = 0; i < scripts.length; i++) {
        if (scripts[i] > mainCount) {
          main = all[i];
          mainCount = scripts[i];
        }
      }
      int kana = scripts[Character.UnicodeScript.HIRAGANA.ordinal()] + scripts[Character.UnicodeScript.KATAKANA.ordinal()];
      if ((main == Character.UnicodeScript.HAN || main == Character.UnicodeScript.HIRAGANA
          || main == Character.UnicodeScript.KATAKANA) && kana * 10 >= letters) {
        return "ja";
      }
      if (main == Character.UnicodeScript.LATIN || main == Character.UnicodeScript.CYRILLIC) {
        return byFunctionWords(text, n);
      }
      return switch (main) {
        case GREEK -> "el";
        case HEBREW -> "he";
        case ARABIC -> "ar";
        case HANGUL -> "ko";
        case THAI -> "th";
        case DEVANAGARI -> "hi";
        case BENGALI -> "bn";
        case TAMIL -> "ta";
        case ARMENIAN -> "hy";
        case GEORGIAN -> "ka";
        case GUJARATI -> "gu";
        case ETHIOPIC -> "am";
        case KHMER -> "km";
        case HAN -> "zh";
        default -> null;
      };
    }

    private static Character.UnicodeScript script(int cp) {
      if (cp < 0x250) {
        return Character.UnicodeScript.LATIN;
      }
      if (cp >= 0x370 && cp < 0x400) {
        return Character.UnicodeScript.GREEK;
      }
      if (cp >= 0x400 && cp < 0x530) {
        return Character.UnicodeScript.CYRILLIC;
      }
      return Character.UnicodeScript.of(cp);
    }

    private String byFunctionWords(CharSequence text, int n) {
      int[] hits = new int[languages.size()];
      char[] word = new char[9];
      int length = 0;
      for (int i = 0; i <= n; i++) {
        char c = i < n ? text.charAt(i) : ' ';
        if (Character.isLetter(c)) {
          if (length <= 8) {
            word[length] = length == 0 ? c : Character.toLowerCase(c);
            length++;
          }
          continue;
        }
        boolean abbreviation = length == 1 && Character.isUpperCase(word[0]);
        if (length > 0 && length <= 8 && !abbreviation) {
          word[0] = Character.toLowerCase(word[0]);
          Long langs = words.get(word, 0, length);
          if (langs != null) {
            for (long bits = langs; bits != 0; bits &= bits - 1) {
              hits[Long.numberOfTrailingZeros(bits)]++;
            }
          }
        }
        length = 0;
      }
      int best = -1;
      int second = 0;
      for (int i = 0; i < hits.length; i++) {
        if (best < 0 || hits[i] > hits[best]) {
          if (best >= 0) {
            second = Math.max(second, hits[best]);
          }
          best = i;
        } else {
          second = Math.max(second, hits[i]);
        }
      }
      return hits[best] >= 2 && hits[best] > second ? languages.get(best) : null;
    }
  }

  /**
   * The word count of the detector (ASCII words looked up by their packed form) against the plain one it replaced
   * (every word looked up in the char map), on random texts of function words in every language, their capitalized
   * and upper-case forms, long words, letters from other scripts and punctuation.
   */
  @Test
  void functionWordCountsMatchTheCharMapLookup() {
    java.util.Random random = new java.util.Random(11);
    List<String> words = new java.util.ArrayList<>();
    for (Object key : detector.wordLanguages().keySet()) {
      words.add(new String((char[]) key));
    }
    String[] others = {"A", "S", "I", "x", "Über", "ÉTÉ", "straße", "ΘΕΟΣ", "日本", "abcdefgh", "abcdefghi", "THE",
        "The", "tHe", "ǅemal", "İstanbul", "ﬁne", "a1b", "don't", "U.S.", "\uD835\uDC00", "", "-", "  ", "\n", "é"};
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(60);
      for (int w = 0; w < n; w++) {
        String word = random.nextInt(3) == 0 ? others[random.nextInt(others.length)] : words.get(random.nextInt(words.size()));
        word = switch (random.nextInt(4)) {
          case 0 -> word.toUpperCase(java.util.Locale.ROOT);
          case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
          default -> word;
        };
        text.append(word).append(" .,/-'".charAt(random.nextInt(6)));
      }
      char[] chars = text.toString().toCharArray();
      assertEquals(java.util.Arrays.toString(charMapHits(chars)),
          java.util.Arrays.toString(detector.functionWordHits(chars, chars.length)), text.toString());
    }
  }

  /** The lookup as it was: each word of up to 8 letters lower-cased into a buffer and looked up in the char map. */
  private int[] charMapHits(char[] text) {
    int[] hits = new int[detector.languages().size()];
    char[] word = new char[9];
    int length = 0;
    for (int i = 0; i <= text.length; i++) {
      char c = i < text.length ? text[i] : ' ';
      if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
        if (length <= 8) {
          word[length] = length == 0 ? c : c < 0x80 ? (char) (c | 0x20) : Character.toLowerCase(c);
          length++;
        }
        continue;
      }
      boolean abbreviation = length == 1 && Character.isUpperCase(word[0]);
      if (length > 0 && length <= 8 && !abbreviation) {
        word[0] = word[0] < 0x80 ? (char) (word[0] | 0x20) : Character.toLowerCase(word[0]);
        Long langs = detector.wordLanguages().get(word, 0, length);
        for (long bits = langs == null ? 0 : langs; bits != 0; bits &= bits - 1) {
          hits[Long.numberOfTrailingZeros(bits)]++;
        }
      }
      length = 0;
    }
    return hits;
  }
}
