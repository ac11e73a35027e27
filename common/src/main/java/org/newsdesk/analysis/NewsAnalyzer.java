package org.newsdesk.analysis;

import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The English analysis chain for article text (title, body, caption).
 *
 * <p>Reads top to bottom: standard tokenization (StandardTokenizer's tokens, by {@link NewsTokenizer}), possessive
 * {@code 's} removed, lower case, diacritics folded, open and hyphenated compounds joined ({@code cease-fire} and
 * {@code cease fire} also index {@code ceasefire}; at index time only, see {@code compounds.txt}), English stop
 * words removed, Porter stemming.
 *
 * <p>Build it through {@link NewsAnalyzers}; an instance is thread-safe once built.
 */
public final class NewsAnalyzer extends Analyzer {

  /** Which side of the index the chain is for: compounds are expanded only when indexing. */
  public enum Mode {
    INDEX,
    QUERY
  }

  /**
   * Switches for the parts of the chain whose worth the ranking evaluation measures ({@code bench/run eval-time}).
   * The index and its queries must be analyzed with the same options.
   *
   * @param stem whether to apply Porter stemming
   * @param stopWords whether to drop English stop words
   * @param compounds whether to index the open and closed forms of known compounds
   */
  public record Options(boolean stem, boolean stopWords, boolean compounds) {
    /** The chain newsdesk indexes and searches with: every step on. */
    public static final Options DEFAULT = new Options(true, true, true);
  }

  private final Mode mode;
  private final Options options;
  private final Compounds compounds;
  private final List<List<String>> compoundEntries;
  private final CharArraySet stopWords;
  private final WordPrefilter stopPrefilter;
  private final Supplier<Tokenizer> tokenizers;

  NewsAnalyzer(Mode mode) {
    this(mode, Options.DEFAULT);
  }

  NewsAnalyzer(Mode mode, Options options) {
    this(mode, options, NewsTokenizer::new);
  }

  /** With another tokenizer: tests and the tokenizer benchmark compare the chain on Lucene's StandardTokenizer. */
  NewsAnalyzer(Mode mode, Options options, Supplier<Tokenizer> tokenizers) {
    this.mode = mode;
    this.options = options;
    this.tokenizers = tokenizers;
    this.compounds = mode == Mode.INDEX && options.compounds() ? Compounds.load() : null;
    this.compoundEntries = compounds == null ? List.of() : compounds.entries().stream().map(List::of).toList();
    this.stopWords = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    this.stopPrefilter = new WordPrefilter(stopWords);
  }

  /**
   * True when {@code text} has words and every one is an English stop word the chain leaves out ({@code the},
   * {@code to be or not to be}): a search for it can find nothing, and its user should be told why.
   */
  public static boolean onlyStopWords(String text) {
    String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}'\u2019]+");
    boolean any = false;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      // quotes around a word are no part of it ('the'); the chain drops a possessive before the stop words: it's is it
      String word = stripQuotes(w);
      word = word.endsWith("'s") || word.endsWith("\u2019s") ? word.substring(0, word.length() - 2) : word;
      if (!word.isEmpty() && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static String stripQuotes(String word) {
    int from = 0;
    int to = word.length();
    while (from < to && (word.charAt(from) == '\'' || word.charAt(from) == '\u2019')) {
      from++;
    }
    while (to > from && (word.charAt(to - 1) == '\'' || word.charAt(to - 1) == '\u2019')) {
      to--;
    }
    return word.substring(from, to);
  }

  /** The options this chain was built with. */
  public Options options() {
    return options;
  }

  /**
   * The compounds this chain expands, each as {closed form, first part, second part} ({@code ceasefire, cease,
   * fire}); empty for the query side or with compounds switched off. For callers that must know which words a
   * compound's tokens come from (the highlighter's candidate windows).
   */
  public List<List<String>> compounds() {
    return compoundEntries;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // StandardTokenizer's tokens, Latin text scanned without its automaton (NewsTokenizerTest).
    Tokenizer tokenizer = tokenizers.get();
    // EnglishPossessiveFilter, LowerCaseFilter and ASCIIFoldingFilter in one pass (NewsAnalyzerChainTest).
    TokenStream result = new NormalizeFilter(tokenizer);
    if (compounds != null) {
      // Same tokens as SynonymGraphFilter + FlattenGraphFilter, at a fraction of the cost (CompoundFilterTest).
      result = compounds.filter(result);
    }
    if (options.stopWords()) {
      // StopFilter's tokens and positions, with most words kept without a hash look-up (NewsAnalyzerChainTest).
      result = new NewsStopFilter(result, stopWords, stopPrefilter);
    }
    if (options.stem()) {
      // PorterStemFilter's terms, stemmed in place (PorterStemmerTest).
      result = new StemFilter(result);
    }
    return new TokenStreamComponents(tokenizer, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // Wildcard and prefix terms are lower-cased and folded like indexed text, but not stemmed.
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
