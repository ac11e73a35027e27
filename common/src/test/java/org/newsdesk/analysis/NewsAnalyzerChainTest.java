package org.newsdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The fast chain ({@link NormalizeFilter}, {@link CompoundFilter}) produces token for token what Lucene's own
 * filters produce in the order {@link NewsAnalyzer} documents: EnglishPossessiveFilter, LowerCaseFilter,
 * ASCIIFoldingFilter, compounds, StopFilter, PorterStemFilter. Terms, positions, lengths, offsets and types are
 * compared, for both modes, on edge cases and on random text mixing ASCII, accented Latin, other scripts, upper case,
 * possessives and compounds.
 */
class NewsAnalyzerChainTest {
  private static final String[] WORDS = {
      "the", "The", "THE", "running", "Running", "RUNNING", "runs", "ran", "ceasefire", "cease", "fire", "Cease-Fire",
      "Putin's", "PUTIN'S", "Putin’s", "Putin＇s", "boss'", "it's", "'s", "s", "x's", "café", "Café", "CAFÉ", "naïve",
      "Ærøskøbing", "straße", "STRASSE", "İstanbul", "ﬁnance", "Œuvre", "São", "Paulo", "Zürich's", "Москва",
      "Αθήνα", "東京", "서울", "𝐀𝐁𝐂", "😀", "generalizations", "relational", "conditional", "hopefulness",
      "electricity", "agreed", "feed", "plastered", "motoring", "sing", "happy", "sky", "U.S.", "e-mail", "2024",
      "3.5%", "COVID-19", "o'clock", "rock'n'roll", "ÉCOLE", "écoles", "déjà", "vu", "ﬂoor", "Ǆ", "ǅemal", "ΣΊΣΥΦΟΣ"};
  private static final String[] GAPS = {" ", " ", " ", ", ", ". ", "\n", "-", " – ", "'s ", "’s ", " (", ") "};

  @Test
  void sameTokensAsLuceneFiltersOnEdgeCases() throws IOException {
    List<String> texts = new ArrayList<>(List.of("", " ", "'s", "s's", "Putin's Russia's", "İİİ", "ΣΊΣΥΦΟΣ'S",
        "The running runners ran; the Runner's runs.", "cease fire cease-fire ceasefire", "A b C d"));
    texts.add(String.join(" ", WORDS));
    for (NewsAnalyzer.Mode mode : NewsAnalyzer.Mode.values()) {
      Analyzer fast = NewsAnalyzers.text(mode);
      Analyzer reference = reference(mode);
      for (String text : texts) {
        assertEquals(tokens(reference, text), tokens(fast, text), mode + ": " + text);
      }
    }
  }

  @Test
  void sameTokensAsLuceneFiltersOnRandomText() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (NewsAnalyzer.Mode mode : NewsAnalyzer.Mode.values()) {
      Analyzer fast = NewsAnalyzers.text(mode);
      Analyzer reference = reference(mode);
      for (int i = 0; i < 5_000; i++) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(30);
        for (int w = 0; w < n; w++) {
          text.append(WORDS[random.nextInt(WORDS.length)]).append(GAPS[random.nextInt(GAPS.length)]);
        }
        String t = text.toString();
        assertEquals(tokens(reference, t), tokens(fast, t), mode + ": " + t);
      }
    }
  }

  /** The chain as NewsAnalyzer built it from Lucene's filters before the fast ones replaced them. */
  private static Analyzer reference(NewsAnalyzer.Mode mode) {
    Compounds compounds = mode == NewsAnalyzer.Mode.INDEX ? Compounds.load() : null;
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(tokenizer);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        if (compounds != null) {
          result = compounds.filter(result);
        }
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(tokenizer, result);
      }
    };
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + " +" + inc.getPositionIncrement() + " len" + len.getPositionLength() + " " + offset.startOffset()
            + "-" + offset.endOffset() + " " + type.type());
      }
      ts.end();
      out.add("end " + offset.endOffset() + " +" + inc.getPositionIncrement());
    }
    return out;
  }
}
