package org.newsdesk.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link CompoundFilter} produces token for token what SynonymGraphFilter (both directions, keepOrig) followed by
 * FlattenGraphFilter produce for the same compounds: terms, positions, position lengths, offsets and types.
 */
class CompoundFilterTest {
  private static final Compounds COMPOUNDS = Compounds.load();

  @Test
  void sameTokensAsTheSynonymGraphOnEdgeCases() throws IOException {
    List<String> texts = new ArrayList<>(List.of(
        "the cease fire held", "the ceasefire held", "a cease-fire, then cease fires", "cease cease fire",
        "wild fire fighters", "the Cease-Fire", "cease", "fire", "ceasefire", "cease fire", "cease fire fire",
        "ceasefire ceasefire cease fire ceasefire", "take over the hand over", "e-mail on line online", "on",
        "wild life wildfire wild fire", "fire fighter firefighters fire fighting", "cease. Fire!", "cease\n\nfire",
        "", "   ", "Ceasefire’s collapse", "cease's fire", "peace keepers and peacekeepers", "the air port's airspace"));
    for (String[] e : COMPOUNDS.entries()) {
      texts.add("x " + e[0] + " y " + e[1] + " " + e[2] + " z " + e[1] + "-" + e[2] + " " + e[1]);
    }
    for (String text : texts) {
      assertEquals(tokens(reference(), text), tokens(filter(), text), text);
    }
  }

  @Test
  void sameTokensAsTheSynonymGraphOnRandomText() throws IOException {
    List<String> words = new ArrayList<>(List.of("the", "a", "said", "cease", "fire", "Fire", "over", "on", "line"));
    for (String[] e : COMPOUNDS.entries()) {
      words.addAll(List.of(e[0], e[1], e[2]));
    }
    String[] gaps = {" ", " ", " ", "-", ", ", ". ", "\n\n", " – ", "'s "};
    SplittableRandom random = new SplittableRandom(42);
    Analyzer reference = reference();
    Analyzer filter = filter();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(9);
      for (int w = 0; w < n; w++) {
        text.append(words.get(random.nextInt(words.size()))).append(gaps[random.nextInt(gaps.length)]);
      }
      String t = text.toString();
      assertEquals(tokens(reference, t), tokens(filter, t), t);
    }
  }

  private static Analyzer filter() {
    return chain(COMPOUNDS::filter);
  }

  private static Analyzer reference() {
    SynonymMap.Builder builder = new SynonymMap.Builder(true);
    for (String[] e : COMPOUNDS.entries()) {
      CharsRef closed = new CharsRef(e[0]);
      CharsRef open = SynonymMap.Builder.join(new String[] {e[1], e[2]}, new CharsRefBuilder());
      builder.add(closed, open, true);
      builder.add(open, closed, true);
    }
    SynonymMap map;
    try {
      map = builder.build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return chain(in -> new FlattenGraphFilter(new SynonymGraphFilter(in, map, true)));
  }

  private static Analyzer chain(java.util.function.UnaryOperator<TokenStream> compounds) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(tokenizer);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(tokenizer, compounds.apply(result));
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
