package org.newsdesk.index.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.model.Article;
import org.newsdesk.model.TaggedEntity;

class GazetteerEntityTaggerTest {
  private static final GazetteerEntityTagger TAGGER = new GazetteerEntityTagger(Gazetteer.defaults());

  /** The matched text of each mention, checking every offset lies inside the text. */
  private static List<String> found(String text) {
    return TAGGER.mentions(text).stream().map(m -> {
      assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= text.length(), "offsets inside the text: " + m);
      return text.substring(m.start(), m.end()) + "=" + m.entry().id();
    }).toList();
  }

  private static Map<String, Integer> counts(String title, String body) {
    Article a = TAGGER.tag(new Article("a1", null, null, title, null, null, body, null, null, null, null, null, null));
    return a.entities().stream().collect(Collectors.toMap(TaggedEntity::id, TaggedEntity::mentions));
  }

  @Test
  void longestMatchWins() {
    assertEquals(List.of("OSCE Minsk Group=osce-minsk-group", "OSCE=osce"), found("The OSCE Minsk Group and the OSCE met."));
    assertEquals(List.of("Organization for Security and Cooperation in Europe=osce", "OSCE=osce"),
        found("the Organization for Security and Cooperation in Europe (OSCE)"));
    assertEquals(List.of("New Mexico=new-mexico"), found("Voters in New Mexico"));
    // a region is not the country whose name is inside it; a party is not the one whose name ends it
    assertEquals(List.of("North America=north-america", "Latin America=latin-america", "America=united-states"),
        found("BP North America Inc, banks in Latin America and America itself"));
    assertEquals(List.of("Liberal Democrats=liberal-democrats", "Christian Democrats=christian-democrats",
        "Democrats=democratic-party"), found("the Liberal Democrats, the Christian Democrats and the Democrats"));
    assertEquals(List.of("New York=new-york-city", "New York State=new-york-state"),
        found("a nurse in New York and voters in New York State"));
  }

  @Test
  void matchesOnlyWholeWords() {
    assertEquals(List.of(), found("Armenian and Russian officials, Moscowite, Turkeys"));
    assertEquals(List.of("Armenia=armenia"), found("the Armenia-backed forces"));
  }

  @Test
  void possessivesWithStraightAndCurlyApostrophes() {
    assertEquals(List.of("Armenia=armenia", "Russia=russia", "OSCE=osce"), found("Armenia's leader, Russia’s view, the OSCE's role"));
  }

  @Test
  void hyphenDashAndSpaceVariantsMatchEachOther() {
    for (String v : List.of("Nagorno-Karabakh", "Nagorno–Karabakh", "Nagorno—Karabakh", "Nagorno Karabakh", "Nagorno - Karabakh")) {
      assertEquals(List.of(v + "=nagorno-karabakh"), found(v), v);
    }
    assertEquals(List.of("Organisation for Security and Co-operation in Europe=osce"),
        found("Organisation for Security and Co-operation in Europe"));
    assertEquals(List.of("Organisation for Security and Cooperation in Europe=osce"),
        found("Organisation for Security and Cooperation in Europe"));
  }

  @Test
  void onlyHyphenatedNamesMatchWrittenClosed() {
    assertEquals(List.of(), found("Capetown and Newdelhi"), "a spaced name is not matched written closed");
    assertEquals(List.of("Cape Town=cape-town"), found("Cape Town"));
  }

  @Test
  void caseIsFoldedOnlyWhereSafe() {
    assertEquals(List.of("TURKEY=turkey", "Turkey=turkey"), found("TURKEY SAYS Turkey is ready"));
    assertEquals(List.of(), found("we ate turkey in china"));
    assertEquals(List.of(), found("osce Osce"), "an acronym matches only as written");
    assertEquals(List.of("OSCE=osce"), found("OSCE"));
    // US is also a word: in text written in capitals it is the word, beside any other word the acronym
    assertEquals(List.of(), found("LET US GO. THEY ARE BEHIND US"));
    assertEquals(List.of("US=united-states", "US=united-states", "US=united-states", "NATO=nato", "OSCE=osce"),
        found("US forces and the US. US Election Results; NATO AND OSCE"));
    // an acronym or two beside it is not text in capitals
    assertEquals(List.of("US=united-states"), found("US TV ratings soar"));
    assertEquals(List.of("UK=united-kingdom", "US=united-states", "EU=european-union", "Japan=japan"),
        found("the UK, US, EU and Japan"));
    assertEquals(List.of("US=united-states"), found("A US TV show"));
    assertEquals(List.of("NATO=nato", "EU=european-union", "UK=united-kingdom", "US=united-states", "OSCE=osce",
        "UN=united-nations", "IMF=imf"), found("Delegates from NATO, EU, UK, US and OSCE, UN, IMF met on Monday"));
    assertEquals(List.of(), found("US TRADE DEFICIT WIDENS IN 1987"), "a wire headline in capitals");
    // the clause decides: a shouted quote, a headline line in capitals over ordinary text
    assertEquals(List.of(), found("The bankers said: \"GOD BLESS US ALL,\" and left."));
    assertEquals(List.of(), found("The rates eased.\n\nWHO WILL HELP US NOW\n\nThe minister spoke."));
    assertEquals(List.of(), found("'GOD BLESS US ALL,' they said, and \u2018LET US GO,\u2019 said another."));
    assertEquals(List.of("US=united-states", "NATO=nato", "US=united-states", "US=united-states", "EU=european-union"),
        found("Tags: US, NATO. Markets: US CPI. Key dates: US; EU."), "a clause of acronyms is not text in capitals");
    assertEquals(List.of("US=united-states"), found("the US's view"), "a possessive's apostrophe ends nothing");
    assertEquals(List.of("US=united-states", "NATO=nato", "EU=european-union"), found("Tags: US, NATO, EU"));
    assertEquals(List.of("US=united-states", "UK=united-kingdom", "EU=european-union"), found("Members: US, UK, EU"));
    assertEquals(List.of(), found("THE ALLIES' US TRADE PACT WAS SIGNED"), "a plural's possessive is no quotation");
    assertEquals(List.of("US=united-states"), found("US"), "alone it is the acronym");
    assertEquals(List.of("U.S=united-states"), found("U.S. TRADE DEFICIT WIDENS"), "the dotted form is no word");
    assertEquals(List.of("Organization For Security And Co-Operation In Europe=osce"),
        found("Organization For Security And Co-Operation In Europe"));
  }

  @Test
  void diacriticsAreFolded() {
    assertEquals(List.of("Recep Tayyip Erdogan=recep-tayyip-erdogan", "Mevlüt Cavusoglu=mevlut-cavusoglu"),
        found("Recep Tayyip Erdogan and Mevlüt Cavusoglu"));
    assertEquals(List.of("Türkiye=turkey", "Bogota=bogota"), found("Türkiye and Bogota"));
  }

  /** Folding may change a word's length (combining accents go, ß becomes ss): such words still find their names. */
  @Test
  void wordsWhoseFoldedFormHasAnotherLengthStillMatch() {
    assertEquals(List.of("Sa\u0303o Paulo=sao-paulo"), found("in Sa\u0303o Paulo today"));
    String json = "{\"format\": \"newsdesk-gazetteer/1\", \"entities\": "
        + "[{\"id\": \"strassburg\", \"name\": \"Strassburg\", \"type\": \"LOCATION\"}]}";
    Gazetteer g = Gazetteer.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
    List<String> ids = new GazetteerEntityTagger(g).mentions("in Straßburg and STRASSBURG").stream()
        .map(m -> m.entry().id()).toList();
    assertEquals(List.of("strassburg", "strassburg"), ids);
  }

  @Test
  void lineBreaksInsideANameMatchButNotParagraphBreaks() {
    assertEquals(List.of("Sergey\nLavrov=sergey-lavrov"), found("said Sergey\nLavrov today"));
    assertEquals(List.of(), found("said Sergey\n\nLavrov today"));
    assertEquals(List.of(), found("in Nagorno. Karabakh is").subList(0, 0), "a full stop ends a name");
    assertEquals(List.of("Karabakh=nagorno-karabakh"), found("in Nagorno. Karabakh is"));
  }

  @Test
  void transliterationsAndOtherScripts() {
    assertEquals(List.of("Sergei Lavrov=sergey-lavrov", "Владимир Путин=vladimir-putin", "Путин=vladimir-putin"),
        found("Sergei Lavrov said that Владимир Путин agreed. Путин said"));
  }

  @Test
  void surnameCountsOnlyWithTheFullNameInTheSameArticle() {
    assertEquals(Map.of("vladimir-putin", 3, "nikol-pashinyan", 2, "armenia", 1),
        counts("Putin tells Armenia's Pashinyan", "Vladimir Putin called Nikol Pashinyan. Putin said more."));
    assertEquals(Map.of(), counts("Putin speaks", "Putin said nothing."), "never a surname alone");
    assertEquals(Map.of("ursula-von-der-leyen", 2), counts(null, "Ursula von der Leyen spoke; von der Leyen left."));
  }

  @Test
  void noCommonWordIsTagged() {
    String text = "All efforts should be undertaken to stop the fighting. Earlier in the day, the Sunday violence. "
        + "Amid the flareup, Speaking to reporters, The region. Pool photo. Island Chile Guinea";
    assertEquals(List.of("Guinea=guinea"), found(text.substring(0, text.indexOf("Island")) + "Guinea"));
    assertEquals(List.of(), found("island chile guinea us who"));
  }

  @Test
  void countsMentionsPerEntityInFirstMentionOrder() {
    Article a = TAGGER.tag(new Article("a1", null, null, "Baku and Yerevan", null, null, "Yerevan, Yerevan and Baku.",
        null, null, null, null, null, null));
    assertEquals(List.of(new TaggedEntity("baku", "Baku", org.newsdesk.model.EntityType.LOCATION, 2),
        new TaggedEntity("yerevan", "Yerevan", org.newsdesk.model.EntityType.LOCATION, 3)), a.entities());
  }

  @Test
  void sameResultsUnderTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      assertEquals(List.of("ISLAMABAD=islamabad", "Islamabad=islamabad"), foundWith(new GazetteerEntityTagger(Gazetteer.defaults()), "ISLAMABAD Islamabad"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static List<String> foundWith(GazetteerEntityTagger tagger, String text) {
    return tagger.mentions(text).stream().map(m -> text.substring(m.start(), m.end()) + "=" + m.entry().id()).toList();
  }

  /**
   * The fast scan over {@link TextTokens} finds exactly the mentions the scan over fully built {@link NameTokens}
   * finds, on random text made of the default gazetteer's names and aliases in every case, with possessives, initials,
   * abbreviations, hyphens, dashes, line breaks, diacritics and filler words between them.
   */
  @Test
  void fastScanFindsWhatTheNameTokenScanFinds() {
    List<String> words = new java.util.ArrayList<>(List.of("the", "The", "said", "St", "Mt", "W", "U", "S", "new", "New",
        "turkey", "TURKEY", "café", "Zürich", "São", "d'Ivoire", "O'Brien", "Co", "operation", "von", "der", "de", "la"));
    for (org.newsdesk.gazetteer.GazetteerEntry e : Gazetteer.defaults().entries()) {
      for (String name : e.allNames()) {
        words.add(name);
        for (String w : name.split("[\\s-]+")) {
          words.add(w);
        }
      }
    }
    String[] gaps = {" ", " ", " ", " ", "-", " – ", "—", ". ", ", ", "\n", "\n\n", "'s ", "’s ", ".", ": ", " \"", "'"};
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        String w = words.get(random.nextInt(words.size()));
        int c = random.nextInt(8);
        text.append(c == 0 ? w.toUpperCase(Locale.ROOT) : c == 1 ? w.toLowerCase(Locale.ROOT) : w);
        text.append(gaps[random.nextInt(gaps.length)]);
      }
      String t = text.toString();
      assertEquals(TAGGER.mentionsFromNameTokens(t), TAGGER.mentions(t), t);
    }
  }
}
