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
}
