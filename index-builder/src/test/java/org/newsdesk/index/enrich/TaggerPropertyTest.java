package org.newsdesk.index.enrich;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.newsdesk.gazetteer.Gazetteer;

/**
 * The tagger's mention offsets always fall inside the text they were found in, on random text made of the
 * gazetteer's own names (as written, upper-cased, lower-cased, possessive, hyphenated, broken over lines) mixed with
 * arbitrary Unicode: surrogate pairs, combining marks, ligatures that change length when folded. 400 tries.
 */
class TaggerPropertyTest {
  private static final Gazetteer GAZETTEER = Gazetteer.defaults();
  private static final GazetteerEntityTagger TAGGER = new GazetteerEntityTagger(GAZETTEER);
  private static final List<String> NAMES = GAZETTEER.entries().stream().flatMap(e -> e.allNames().stream()).toList();

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> name = Arbitraries.of(NAMES).flatMap(n -> Arbitraries.of(
        n, n.toUpperCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT), n + "'s", n + "’s", n.replace(' ', '-'),
        n.replace(' ', '\n'), n.replace("a", "á"), n + "ian", "İ" + n, n.replace(" ", "  \u00a0")));
    Arbitrary<String> noise = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.of(" ", "\n", ". ", ", ", "—", "ß", "ﬁ", "ǅ", "e\u0301", "😀", "\ud83d", "\u0000", "«", "»", "(", ")", "'"));
    return Arbitraries.oneOf(name, noise, noise).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void mentionOffsetsAlwaysFallInsideTheText(@ForAll("texts") String text) {
    for (Mention m : TAGGER.mentions(text)) {
      assertTrue(m.start() >= 0 && m.start() < m.end() && m.end() <= text.length(),
          "mention " + m.start() + ".." + m.end() + " of " + m.entry().id() + " outside a text of length " + text.length());
      assertFalse(text.substring(m.start(), m.end()).isBlank(), "a mention covers text");
    }
  }
}
