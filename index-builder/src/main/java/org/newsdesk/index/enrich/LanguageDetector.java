package org.newsdesk.index.enrich;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * A small language detector for news text: the writing system decides where it is unique to one language (Greek,
 * Hebrew, Hangul, Thai, kana, …), and for Latin and Cyrillic text the language whose common function words
 * ("the", "und", "что", …) occur most often wins. It looks at the first {@value #SAMPLE_CHARS} characters only.
 *
 * <p>Chosen over a full n-gram profile library (optimaize language-detector needs about 70 profiles, Guava and a
 * second or so to load) because newsdesk only needs a reliable label for the language field: analysis is
 * English-only for now. It knows 20 languages written in Latin or Cyrillic script, plus 14 identified by script;
 * text too short or too mixed to tell gets no label. Immutable and thread-safe.
 */
public final class LanguageDetector {
  /**
   * How much of a text is looked at: about 150 words, 40 or more of them function words in any of the known
   * languages, which decides as well as 3,000 characters did (LanguageDetectorTest) at a third of the cost.
   */
  static final int SAMPLE_CHARS = 1000;
  /**
   * The most of the title a sample takes, so that the body always has most of it: a title of a thousand characters
   * (a paragraph in the title field) left no room for the body.
   */
  static final int TITLE_SAMPLE_CHARS = SAMPLE_CHARS / 4;
  /** Fewest function-word hits for a label. */
  private static final int MIN_HITS = 2;

  /** Function words per language (ISO 639-1): frequent, short, and together telling the languages apart. */
  private static final String[][] FUNCTION_WORDS = {
      {"en", "a the of and to in is that for it was on with as by at from his her he she they we you are were be been has"
          + " have had this which an not but or will would their its said after who also about than more one there per"
          + " into up out over"},
      {"de", "der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im auch es als wie bei nach"
          + " aus wird werden hat wurde sind noch oder aber sie er wir ich über vor zum zur dass kein"},
      {"fr", "le la les des du un une est et dans pour que qui pas sur au aux avec ce cette il elle sont par plus ont"
          + " été ne se son sa ses leur mais ou nous vous être en était selon"},
      {"es", "el la los las de del y en que un una es por con para se no su sus al lo como más pero fue ha han son"
          + " este esta está entre también sobre desde muy ya hay"},
      {"it", "il lo la gli le di del della dei che e è un una per con non sono da nel nella al alla si come più anche"
          + " ma ha hanno questo questa essere stato dopo tra"},
      {"pt", "o a os as de do da dos das e que um uma em no na nos nas para com não por se é mais foi ao aos como mas"
          + " são também pelo pela entre seu sua já"},
      {"nl", "de het een en van in is dat op te voor niet met zijn er aan als ook maar bij nog door werd wordt naar"
          + " dan om hij zij ze wij uit heeft over tot"},
      {"sv", "och att det som en ett är på för med av till den har inte om de var jag vi han hon men från eller kan"
          + " så efter vid också hade sig blev några vad"},
      {"da", "og at det som en et er på for med af til den har ikke om de var jeg vi han hun men fra eller kan så"
          + " efter ved også havde sig blev nogle hvad"},
      {"no", "og at det som en et er på for med av til den har ikke om de var jeg vi han hun men fra eller kan så"
          + " etter ved også hadde seg ble noen hva"},
      {"fi", "ja on ei se että hän oli ovat mutta kun tai joka myös mukaan sen kanssa jo vain nyt niin kuin ole olla"
          + " hänen he me te tämä siitä"},
      {"pl", "i w na z się nie do że to jest o jak po od za ale przez jego dla są był była było ten ta tak już tylko"
          + " przy oraz także"},
      {"cs", "a je se na v že to z do s o ve jak pro by jsou ale jako od za po byl byla bylo jeho který která které"
          + " také už jen při aby"},
      {"ro", "și în de la cu a pe că nu este un o din care sunt mai pentru se au fost ca sau dar prin acest această"
          + " după"},
      {"hu", "a az és hogy nem is egy van volt meg de ez azt csak már mint még el ki be fel után között által pedig"
          + " lesz vagy"},
      {"tr", "ve bir bu da de için ile olarak çok daha en ama gibi olan ne var sonra kadar ya değil ise şu o her"},
      {"id", "yang dan di ke dari dengan untuk pada ini itu dalam tidak adalah akan juga oleh sebagai karena telah"
          + " atau mereka bahwa ada"},
      {"ru", "и в не на что с по он как это к из но за от его то все она так о был было для же вы мы они при также"
          + " быть который"},
      {"uk", "і в не на що з по він як це до із але за від його та все вона так був було для же ви ми вони при"
          + " також є який"},
      {"bg", "и на да се в за от че не е с по като това са той тя бе има още които който но ще"},
  };

  /** Scripts that belong to one language (or one label) by themselves. */
  private static final Map<UnicodeScript, String> SCRIPT_LANGUAGES = new EnumMap<>(Map.ofEntries(
      Map.entry(UnicodeScript.GREEK, "el"), Map.entry(UnicodeScript.HEBREW, "he"), Map.entry(UnicodeScript.ARABIC, "ar"),
      Map.entry(UnicodeScript.HANGUL, "ko"), Map.entry(UnicodeScript.THAI, "th"), Map.entry(UnicodeScript.DEVANAGARI, "hi"),
      Map.entry(UnicodeScript.BENGALI, "bn"), Map.entry(UnicodeScript.TAMIL, "ta"), Map.entry(UnicodeScript.ARMENIAN, "hy"),
      Map.entry(UnicodeScript.GEORGIAN, "ka"), Map.entry(UnicodeScript.GUJARATI, "gu"), Map.entry(UnicodeScript.ETHIOPIC, "am"),
      Map.entry(UnicodeScript.KHMER, "km"), Map.entry(UnicodeScript.HAN, "zh")));

  private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();

  /** Slots of the packed-word table: 2^10, for some 350 ASCII function words. */
  private static final int ASCII_SLOT_BITS = 10;
  private static final int ASCII_SLOTS = 1 << ASCII_SLOT_BITS;

  private final List<String> languages = new ArrayList<>();
  /** Word → bit set of the languages (by index into {@link #languages}) that use it. */
  private final CharArrayMap<Long> wordLanguages = new CharArrayMap<>(512, false);
  /**
   * The ASCII words of {@link #wordLanguages} again, keyed by {@link #packAscii}: an open-addressing table of
   * {@value #ASCII_SLOTS} slots (key 0 is empty). Looking a word up in the char map (hash, compare) was most of this
   * detector's time, and most words of most texts are ASCII.
   */
  private final long[] asciiKeys = new long[ASCII_SLOTS];
  private final long[] asciiLanguages = new long[ASCII_SLOTS];

  private LanguageDetector() {
    for (String[] entry : FUNCTION_WORDS) {
      int bit = languages.size();
      languages.add(entry[0]);
      for (String word : entry[1].split(" ")) {
        Long before = wordLanguages.get(word);
        wordLanguages.put(word, (before == null ? 0L : before) | 1L << bit);
      }
    }
    for (Object key : wordLanguages.keySet()) {
      char[] word = (char[]) key;
      long packed = packAscii(word, word.length);
      if (packed != 0) {
        int slot = asciiSlot(packed);
        asciiKeys[slot] = packed;
        asciiLanguages[slot] = wordLanguages.get(word);
      }
    }
  }

  /**
   * A lower-case ASCII word of up to 8 letters as a number, five bits a letter (a = 1 … z = 26); 0 for any other
   * word. Distinct words get distinct numbers.
   */
  private static long packAscii(char[] word, int length) {
    if (length == 0 || length > 8) {
      return 0;
    }
    long packed = 0;
    for (int i = 0; i < length; i++) {
      char c = word[i];
      if (c < 'a' || c > 'z') {
        return 0;
      }
      packed = packed << 5 | (c - 'a' + 1);
    }
    return packed;
  }

  /** The slot of a packed word: where it is, or the empty slot where it would be. */
  private int asciiSlot(long packed) {
    int slot = (int) ((packed * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - ASCII_SLOT_BITS));
    while (asciiKeys[slot] != 0 && asciiKeys[slot] != packed) {
      slot = (slot + 1) & (ASCII_SLOTS - 1);
    }
    return slot;
  }

  /** The known languages, in bit order of {@link #wordLanguages()}; for tests. */
  List<String> languages() {
    return List.copyOf(languages);
  }

  /** Function word to the bit set of the languages that use it; for tests, not to be modified. */
  CharArrayMap<Long> wordLanguages() {
    return wordLanguages;
  }

  /** The detector with the built-in languages. */
  public static LanguageDetector defaults() {
    return new LanguageDetector();
  }

  /**
   * Detects the language of an article from its title and body: the title (up to {@value #TITLE_SAMPLE_CHARS}
   * characters), a line break, then as much of the body as fits in {@value #SAMPLE_CHARS} characters.
   *
   * @return an ISO 639-1 code, or null when the text is too short or too mixed to tell
   */
  public String detect(String title, String body) {
    // The sample is copied into one array and read by index: String.charAt's bounds and coder checks were most of
    // this detector's time in indexing profiles.
    char[] sample = new char[SAMPLE_CHARS + 1];
    int length = 0;
    if (title != null) {
      length = Math.min(title.length(), TITLE_SAMPLE_CHARS);
      title.getChars(0, length, sample, 0);
      sample[length++] = '\n';
    }
    if (body != null && length < SAMPLE_CHARS) {
      int take = Math.min(body.length(), SAMPLE_CHARS - length);
      body.getChars(0, take, sample, length);
      length += take;
    }
    return detect(sample, length);
  }

  /**
   * Detects the language of a text.
   *
   * @return an ISO 639-1 code, or null when the text is too short or too mixed to tell
   */
  public String detect(CharSequence text) {
    if (text == null) {
      return null;
    }
    int length = Math.min(text.length(), SAMPLE_CHARS + 1);
    char[] sample = new char[length];
    for (int i = 0; i < length; i++) {
      sample[i] = text.charAt(i);
    }
    return detect(sample, length);
  }

  /**
   * Detects the language of {@code text[0, min(length, SAMPLE_CHARS))}; {@code text[SAMPLE_CHARS]}, when present,
   * is read only to complete a surrogate pair that starts just before it.
   */
  private String detect(char[] text, int length) {
    int n = Math.min(length, SAMPLE_CHARS);
    int[] scripts = new int[SCRIPTS.length];
    int letters = 0;
    int asciiLetters = 0;
    for (int i = 0; i < n; ) {
      char c = text[i];
      if (c < 0x80) {
        // ASCII: a letter is Latin; anything else is no letter.
        if (isAsciiLetter(c)) {
          asciiLetters++;
        }
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i, length);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        scripts[script(cp).ordinal()]++;
      }
    }
    letters += asciiLetters;
    scripts[UnicodeScript.LATIN.ordinal()] += asciiLetters;
    if (letters == 0) {
      return null;
    }
    UnicodeScript main = UnicodeScript.COMMON;
    int mainCount = 0;
    for (int i = 0; i < scripts.length; i++) {
      if (scripts[i] > mainCount) {
        main = SCRIPTS[i];
        mainCount = scripts[i];
      }
    }
    int kana = scripts[UnicodeScript.HIRAGANA.ordinal()] + scripts[UnicodeScript.KATAKANA.ordinal()];
    if ((main == UnicodeScript.HAN || main == UnicodeScript.HIRAGANA || main == UnicodeScript.KATAKANA) && kana * 10 >= letters) {
      return "ja";
    }
    if (main == UnicodeScript.LATIN || main == UnicodeScript.CYRILLIC) {
      return byFunctionWords(text, n);
    }
    return SCRIPT_LANGUAGES.get(main);
  }

  private static boolean isAsciiLetter(char c) {
    return (char) ((c | 0x20) - 'a') <= 'z' - 'a';
  }

  /** The script of a letter, with fast paths for Latin, Greek and Cyrillic. */
  private static UnicodeScript script(int cp) {
    if (cp < 0x250) {
      return UnicodeScript.LATIN;
    }
    if (cp >= 0x370 && cp < 0x400) {
      return UnicodeScript.GREEK;
    }
    if (cp >= 0x400 && cp < 0x530) {
      return UnicodeScript.CYRILLIC;
    }
    return UnicodeScript.of(cp);
  }

  private String byFunctionWords(char[] text, int n) {
    int[] hits = functionWordHits(text, n);
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
    return hits[best] >= MIN_HITS && hits[best] > second ? languages.get(best) : null;
  }

  /** How many of {@code text[0, n)}'s words are function words of each language, by bit order; tests compare it. */
  int[] functionWordHits(char[] text, int n) {
    int[] hits = new int[languages.size()];
    char[] word = new char[9];
    int length = 0;
    // While a word is all ASCII letters, also its packed lower-case form (packAscii), built as its letters come.
    long packed = 0;
    boolean ascii = true;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text[i] : ' ';
      if (c < 0x80 ? isAsciiLetter(c) : Character.isLetter(c)) {
        if (length <= 8) {
          word[length] = length == 0 ? c : c < 0x80 ? (char) (c | 0x20) : Character.toLowerCase(c);
          ascii &= c < 0x80;
          packed = packed << 5 | ((c | 0x20) - 'a' + 1);
          length++;
        }
        continue;
      }
      // A lone capital (the S of "S/P", the A of "A/S") is an abbreviation, not a function word.
      boolean abbreviation = length == 1 && Character.isUpperCase(word[0]);
      if (length > 0 && length <= 8 && !abbreviation) {
        long langs;
        if (ascii) {
          int slot = asciiSlot(packed);
          langs = asciiKeys[slot] == packed ? asciiLanguages[slot] : 0;
        } else {
          word[0] = word[0] < 0x80 ? (char) (word[0] | 0x20) : Character.toLowerCase(word[0]);
          Long found = wordLanguages.get(word, 0, length);
          langs = found == null ? 0 : found;
        }
        for (long bits = langs; bits != 0; bits &= bits - 1) {
          hits[Long.numberOfTrailingZeros(bits)]++;
        }
      }
      length = 0;
      packed = 0;
      ascii = true;
    }
    return hits;
  }
}
