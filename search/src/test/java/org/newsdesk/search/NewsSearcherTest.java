package org.newsdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;
import org.newsdesk.model.TaggedEntity;
import org.newsdesk.search.SearchRequest.Facet;
import org.newsdesk.search.SearchRequest.SortOrder;

class NewsSearcherTest {
  @TempDir static Path dir;
  static NewsSearcher searcher;

  @BeforeAll
  static void open() {
    Fixtures.writeIndex(dir, Fixtures.articles());
    searcher = NewsSearcher.open(dir);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  private static List<String> ids(SearchResults r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  private static Set<String> idSet(SearchResults r) {
    return new TreeSet<>(ids(r));
  }

  private static SearchRequest all(String q) {
    return SearchRequest.of(q).withLimit(100);
  }

  @Test
  void ceasefireFindsAllThreeSpellings() {
    SearchResults r = searcher.search(all("ceasefire"));
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(r));
    assertEquals(4, r.total());
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(searcher.search(all("cease-fire"))));
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(searcher.search(all("\"cease fire\""))));
  }

  @Test
  void proximityOperatorWorks() {
    assertEquals(Set.of("a02"), idSet(searcher.search(all("\"armenia blame\"~5"))));
    assertEquals(Set.of(), idSet(searcher.search(all("\"armenia blame\"").withMatch(SearchRequest.MatchMode.ALL))));
  }

  @Test
  void booleanOperatorsAndPrefixes() {
    assertEquals(Set.of("a02", "a03"), idSet(searcher.search(all("armenia AND azerbaijan"))));
    assertEquals(Set.of("a02", "a03", "a05", "a06"), idSet(searcher.search(all("shelling OR harvest OR lavrov"))));
    assertEquals(Set.of("a01", "a06"), idSet(searcher.search(all("armenia NOT azerbaijan"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apric*"))));
    assertEquals(Set.of("a03"), idSet(searcher.search(all("title:moscow"))));
  }

  @Test
  void aQueryOfExclusionsOnlyMatchesEverythingElse() {
    assertEquals(Set.of("a04", "a05", "a06", "a07"), idSet(searcher.search(all("-ceasefire"))));
    assertEquals(Set.of("a04", "a05", "a07", "a08"), idSet(searcher.search(all("NOT armenia"))));
    assertEquals(Set.of("a04"), idSet(searcher.search(all("-ceasefire").withPersons(List.of("Putin")))));
    assertEquals(Set.of("a05", "a07"), idSet(searcher.search(all("(-ceasefire -putin) -armenia"))));
  }

  @Test
  void aQueryWithCombiningAccentsMatchesTheComposedText() {
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apricots"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apri\u0301cots")))); // i + combining acute: NFC í, folded
  }

  /** The index holds stems: prefixes and fuzzy terms are matched against the word's stem too. */
  @Test
  void prefixAndFuzzyTermsMatchStemmedWords() {
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(searcher.search(all("ceasefire*"))));
    assertEquals(Set.of("a02", "a05"), idSet(searcher.search(all("shelling*"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apricots*"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apric*"))));
    assertEquals(Set.of("a01"), idSet(searcher.search(all("agreed~1"))));
    assertEquals(Set.of("a01"), idSet(searcher.search(all("body:agreed~1"))));
  }

  /** A wildcard inside a word is matched as written and as its word would be stemmed. */
  @Test
  void wildcardsInsideAWordMatchStemmedWords() {
    // apricots is indexed as apricot, harvest as harvest, shelling as shell
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apr?cots"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("apr*cots"))));
    assertEquals(Set.of("a02", "a05"), idSet(searcher.search(all("she?ling"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("harv?st"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("body:apr?cots"))));
    assertEquals(Set.of(), idSet(searcher.search(all("apr?cotz"))));
  }

  /** A compound in a phrase: the index counts the words after it from its parts, and so must the phrase. */
  @Test
  void phrasesWithACompoundMatchEverySpelling() {
    assertEquals(Set.of("a08"), idSet(searcher.search(all("\"ceasefire held\""))));
    assertEquals(Set.of("a08"), idSet(searcher.search(all("\"cease-fire held\""))));
    assertEquals(Set.of("a02"), idSet(searcher.search(all("\"ceasefire collapsed\""))));
    assertEquals(Set.of("a02"), idSet(searcher.search(all("\"cease fire collapsed\""))));
    assertEquals(Set.of("a03"), idSet(searcher.search(all("\"possible ceasefire between\""))));
    assertEquals(Set.of("a08"), idSet(searcher.search(all("title:\"ceasefire holds\""))));
    assertEquals(Set.of("a08"), idSet(searcher.search(all("\"ceasefire overnight\"~2"))));
    assertEquals(Set.of("a08"), idSet(searcher.search(all("\"ceasefire held\" AND pashinyan"))));
  }

  @Test
  void entityFieldsResolveNamesAliasesAndSurnames() {
    assertEquals(Set.of("a01", "a04"), idSet(searcher.search(all("person:putin"))));
    assertEquals(Set.of("a01", "a04"), idSet(searcher.search(all("person:\"Vladimir Putin\""))));
    assertEquals(Set.of("a01", "a04"), idSet(searcher.search(all("person:Путин"))));
    assertEquals(Set.of("a03"), idSet(searcher.search(all("person:\"sergei lavrov\""))));
    assertEquals(Set.of("a01", "a05"), idSet(searcher.search(all("location:\"nagorno karabakh\""))));
    assertEquals(Set.of("a01", "a05"), idSet(searcher.search(all("location:artsakh"))));
    assertEquals(Set.of("a05"), idSet(searcher.search(all("org:\"minsk group\""))));
    assertEquals(Set.of("a02", "a03"), idSet(searcher.search(all("entity:azerbaijan"))));
    assertEquals(Set.of("a02", "a05"), idSet(searcher.search(all("source:ap"))));
  }

  @Test
  void wordsThatMatchNothingButNameAnEntityFindItsArticles() {
    SearchResults cyrillic = searcher.search(all("Путин"));
    assertEquals(List.of("a01", "a04"), ids(cyrillic), "the articles about Putin, ranked as a person filter ranks them");
    assertEquals(List.of("Vladimir Putin"), cyrillic.fellBackToEntities());
    assertFalse(cyrillic.fellBackToAny());
    assertEquals("Путин", cyrillic.query(), "the results say what was asked");
    // the request's own filters still apply: from a04's date on, a01 (older) is left out
    java.time.LocalDate a04 = cyrillic.hits().get(1).published().date();
    assertEquals(List.of("a04"), ids(searcher.search(all("Путин").withDateRange(a04, null))));
    // words in the articles are searched as words: no fallback
    SearchResults latin = searcher.search(all("putin"));
    assertTrue(latin.fellBackToEntities().isEmpty());
    assertEquals(List.of("a01", "a04"), ids(latin));
    // words that name nothing find nothing
    SearchResults nothing = searcher.search(all("Шойгу"));
    assertEquals(0, nothing.total());
    assertTrue(nothing.fellBackToEntities().isEmpty());
    // words left out name nothing wanted: "-Путин" among Putin's articles asks for those without the word, and
    // gets them (not every article about Putin because the word, without its sign, is his name)
    for (String excluded : List.of("-Путин", "!Путин", "NOT Путин", "putin -Путин")) {
      SearchResults without = searcher.search(all(excluded).withPersons(List.of("Putin")));
      assertTrue(without.fellBackToEntities().isEmpty(), excluded);
      assertEquals(List.of("a01", "a04"), ids(without), excluded);
    }
    assertFalse(NewsSearcher.excludesWords("\"Putin -x\""), "a phrase's words keep their signs as text");
    assertTrue(NewsSearcher.excludesWords("\"Putin\" -armenia"));
    for (String excluded : List.of("-armenia", "!Armenia", "NOT armenia")) {
      SearchResults none = searcher.search(all(excluded).withLocations(List.of("Armenia")));
      assertEquals(0, none.total(), excluded + ": every article about Armenia has the word");
      assertTrue(none.fellBackToEntities().isEmpty(), excluded);
    }
  }

  /** A gazetteer's own types (EVENT, SHIP) get their own top lists, each not crowded out by the built-in types. */
  @Test
  void otherTypesAreFacetedPerType(@TempDir Path other) {
    String gazetteer = """
        {"format": "newsdesk-gazetteer/1", "types": ["EVENT", "SHIP"], "entities": [
          {"id": "armenia", "name": "Armenia", "type": "LOCATION"},
          {"id": "glass-fire", "name": "Glass Fire", "type": "EVENT"},
          {"id": "creek-fire", "name": "Creek Fire", "type": "EVENT"},
          {"id": "ever-given", "name": "Ever Given", "type": "SHIP"}
        ]}
        """;
    EntityType event = EntityType.of("EVENT");
    EntityType ship = EntityType.of("SHIP");
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      List<TaggedEntity> tags = new java.util.ArrayList<>(List.of(new TaggedEntity("armenia", "Armenia", EntityType.LOCATION, 1)));
      if (i < 2) {
        tags.add(new TaggedEntity("glass-fire", "Glass Fire", event, 1));
      }
      if (i == 3) {
        tags.add(new TaggedEntity("creek-fire", "Creek Fire", event, 1));
        tags.add(new TaggedEntity("ever-given", "Ever Given", ship, 1));
      }
      articles.add(new Article("f" + i, null, null, "Fire " + i, null, null, "The fire spread " + i + ".", null, null, "en",
          tags, "f" + i + ".txt", "h" + i));
    }
    Fixtures.writeIndex(other, articles, gazetteer);
    try (NewsSearcher s = NewsSearcher.open(other)) {
      assertEquals(List.of(event, ship), s.otherEntityTypes());
      SearchResults r = s.search(SearchRequest.of("").withFacets(Set.of(Facet.OTHER_TYPES), SearchRequest.DateInterval.YEAR)
          .withFacetLimit(1));
      assertEquals(List.of(new SearchResults.FacetCount("glass-fire", "Glass Fire", 2),
          new SearchResults.FacetCount("ever-given", "Ever Given", 1)), r.facets().get(Facet.OTHER_TYPES),
          "the top one of each type, events before ships; Armenia, the most frequent, is no other type");
      assertEquals(java.util.Optional.of(ship), s.entityType("ever-given"));
      assertEquals(java.util.Optional.empty(), s.entityType("no-such-id"));
      SearchResults some = s.search(SearchRequest.of("").withFacets(Set.of(Facet.OTHER_TYPES), SearchRequest.DateInterval.YEAR));
      assertEquals(List.of("glass-fire", "creek-fire", "ever-given"),
          some.facets().get(Facet.OTHER_TYPES).stream().map(SearchResults.FacetCount::value).toList());
    }
    assertEquals(List.of(), searcher.otherEntityTypes(), "the default gazetteer has none");
  }

  @Test
  void hyphenatedIdsAndSharedAliasesFindTheirArticles(@TempDir Path other) {
    String gazetteer = """
        {"format": "newsdesk-gazetteer/1", "entities": [
          {"id": "georgia-country", "name": "Georgia", "type": "LOCATION", "aliases": ["Sakartvelo", "Грузия"]},
          {"id": "georgia-us-state", "name": "Georgia", "type": "LOCATION", "aliases": ["Грузия"]}
        ]}
        """;
    Fixtures.writeIndex(other, List.of(
        new Article("g1", null, null, "Tbilisi talks", null, null, "Talks in Tbilisi went on.", null, null, "en",
            List.of(new TaggedEntity("georgia-country", "Georgia", EntityType.LOCATION, 1)), "g1.txt", "x1"),
        new Article("g2", null, null, "Atlanta vote", null, null, "The vote in Atlanta was counted.", null, null, "en",
            List.of(new TaggedEntity("georgia-us-state", "Georgia", EntityType.LOCATION, 1)), "g2.txt", "x2")), gazetteer);
    try (NewsSearcher s = NewsSearcher.open(other)) {
      // an id as written is an entity, though folding its hyphen would make it two words no name has
      assertEquals(List.of("g1"), ids(s.search(all("").withEntities(List.of("georgia-country")))));
      SearchResults alias = s.search(all("Sakartvelo"));
      assertEquals(List.of("g1"), ids(alias));
      assertEquals(List.of("Georgia"), alias.fellBackToEntities());
      // an alias two entities share finds the articles of either, and their one display name is said once
      SearchResults shared = s.search(all("Грузия"));
      assertEquals(Set.of("g1", "g2"), idSet(shared));
      assertEquals(List.of("Georgia"), shared.fellBackToEntities());
      // a filter that names both passes the articles of either, and the results say which it named
      SearchResults either = s.search(all("").withLocations(List.of("Georgia")));
      assertEquals(Set.of("g1", "g2"), idSet(either));
      assertEquals(Map.of("Georgia", List.of("Georgia (georgia-country)", "Georgia (georgia-us-state)")),
          either.ambiguousFilters());
      assertEquals(Map.of(), s.search(all("").withLocations(List.of("Sakartvelo"))).ambiguousFilters());
    }
  }

  @Test
  void salienceRanksTheArticleAboutSomeoneFirst() {
    assertEquals(List.of("a01", "a04"), ids(searcher.search(all("putin"))));
    assertEquals(List.of("a01", "a04"), ids(searcher.search(all("").withPersons(List.of("Putin")).withSort(SortOrder.RELEVANCE))));
  }

  @Test
  void filtersAcceptIdsNamesAndAliases() {
    assertEquals(Set.of("a01", "a04"), idSet(searcher.search(all("").withPersons(List.of("vladimir-putin")))));
    assertEquals(Set.of("a01", "a04"), idSet(searcher.search(all("").withPersons(List.of("Vladimir Putin")))));
    assertEquals(Set.of("a01", "a02", "a03", "a06"), idSet(searcher.search(all("").withLocations(List.of("armenia")))));
    assertEquals(Set.of("a02", "a03"), idSet(searcher.search(all("").withLocations(List.of("Armenia", "Azerbaijan")))));
    assertEquals(Set.of("a05"), idSet(searcher.search(all("").withOrganizations(List.of("Minsk Group")))));
    assertEquals(Set.of("a03"), idSet(searcher.search(all("").withEntities(List.of("Moscow")))));
    assertEquals(Set.of("a01", "a03", "a08"), idSet(searcher.search(all("").withSources(List.of("reuters")))));
    assertEquals(Set.of("a01", "a03", "a04", "a08"), idSet(searcher.search(all("").withSources(List.of("Reuters", "bbc"))
        .withDateRange(LocalDate.parse("2020-01-01"), null))));
    assertEquals(Set.of("a01", "a08"), idSet(searcher.search(all("ceasefire").withSources(List.of("Reuters"))
        .withDateRange(LocalDate.parse("2020-10-10"), LocalDate.parse("2020-10-11")))));
  }

  @Test
  void unknownEntityGetsADidYouMean() {
    UnknownEntityException e = assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withPersons(List.of("Putn"))));
    assertEquals("Vladimir Putin", e.suggestion());
    assertEquals("unknown person \"Putn\": did you mean \"Vladimir Putin\"?", e.getMessage());
    UnknownEntityException none = assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withLocations(List.of("Qqqqqqq"))));
    assertNull(none.suggestion());
    // one word of a name must be closer than a whole name: Pavlov is two letters from Lavrov, and no typo of him
    UnknownEntityException far = assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withPersons(List.of("Pavlov"))));
    assertNull(far.suggestion(), far.getMessage());
    assertEquals("Nikol Pashinyan", assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withPersons(List.of("Pashinyon")))).suggestion());
    QuerySyntaxException q = assertThrows(QuerySyntaxException.class, () -> searcher.search(all("ceasefire person:lavrof")));
    assertEquals(17, q.position());
    assertTrue(q.getMessage().contains("did you mean \"Sergey Lavrov\"?"), q.getMessage());
  }

  @Test
  void aNameOfAnotherTypeSaysWhatItIs() {
    UnknownEntityException e = assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withPersons(List.of("Karabakh"))));
    assertEquals("location", e.otherType());
    assertEquals("unknown person \"Karabakh\": it is a location (Nagorno-Karabakh)", e.getMessage());
    UnknownEntityException org = assertThrows(UnknownEntityException.class,
        () -> searcher.search(all("").withLocations(List.of("OSCE"))));
    assertTrue(org.getMessage().startsWith("unknown location \"OSCE\": it is an organization ("), org.getMessage());
    QuerySyntaxException q = assertThrows(QuerySyntaxException.class, () -> searcher.search(all("person:Karabakh")));
    assertTrue(q.getMessage().contains("it is a location (Nagorno-Karabakh)"), q.getMessage());
  }

  @Test
  void publishedRangesInTheQuery() {
    assertEquals(Set.of("a01", "a08"), idSet(searcher.search(all("published:[2020-10-10 TO 2020-10-11]"))));
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(searcher.search(all("published:2020-10"))));
    assertEquals(Set.of("a06"), idSet(searcher.search(all("published:2019"))));
    assertEquals(Set.of("a01", "a02", "a08"), idSet(searcher.search(all("ceasefire AND published:{2020-10-09 TO *]"))));
  }

  @Test
  void sortsBreakTiesByIdAndPutUndatedLast() {
    assertEquals(List.of("a04", "a02", "a08", "a01", "a03", "a05", "a06", "a07"), ids(searcher.search(all("").withSort(SortOrder.NEWEST))));
    assertEquals(List.of("a06", "a05", "a03", "a01", "a08", "a02", "a04", "a07"), ids(searcher.search(all("").withSort(SortOrder.OLDEST))));
    // Every article matches a blank query with the same score: relevance order is id order.
    assertEquals(List.of("a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08"), ids(searcher.search(all(""))));
  }

  /**
   * The date sorts agree with the dates the hits show: 26 Oct at 21:50 in California is 27 Oct in UTC, and sorted
   * by the instant alone it came among 27 Oct's stories, newest first, and after one of 27 Oct that was still 26 Oct
   * in UTC (a story of 27 Oct at 09:00 in Kiribati, UTC+14).
   */
  @Test
  void dateSortsFollowTheDatesShown(@TempDir Path other) {
    List<Article> articles = List.of(
        dated("c1", "2020-10-26T21:50:00-07:00"), dated("c2", "2020-10-27T09:00:00+14:00"),
        dated("c3", "2020-10-26T15:40:00Z"), new Article("c4", null, null, "T c4", null,
            org.newsdesk.model.Published.ofDate(java.time.LocalDate.parse("2020-10-27")), "Harbour news.", null, null, "en",
            List.of(), "f/c4.txt", "hc4"));
    Fixtures.writeIndex(other, articles);
    try (NewsSearcher s = NewsSearcher.open(other)) {
      List<String> newest = ids(s.search(SearchRequest.of("harbour").withSort(SortOrder.NEWEST)));
      assertEquals(List.of("c4", "c2", "c1", "c3"), newest);
      List<String> oldest = ids(s.search(SearchRequest.of("harbour").withSort(SortOrder.OLDEST)));
      assertEquals(List.of("c3", "c1", "c2", "c4"), oldest);
      for (SortOrder sort : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) { // cursors carry the day and the instant
        SearchRequest req = SearchRequest.of("harbour").withSort(sort).withLimit(1);
        List<String> walked = new ArrayList<>();
        for (SearchResults page = s.search(req); ; page = s.search(req.withCursor(page.nextCursor()))) {
          walked.addAll(ids(page));
          if (page.nextCursor() == null) {
            break;
          }
        }
        assertEquals(sort == SortOrder.NEWEST ? newest : oldest, walked);
      }
    }
  }

  /** Sources that differ only in case are one source, as --source matches them, named by the commonest spelling. */
  @Test
  void sourceFacetsJoinSpellingsThatDifferInCase(@TempDir Path other) {
    Fixtures.writeIndex(other, List.of(Fixtures.article("s1", "Test Wire", "2020-10-01", "T", "Harbour news."),
        Fixtures.article("s2", "test wire", "2020-10-02", "T", "Harbour news."),
        Fixtures.article("s3", "Test Wire", "2020-10-03", "T", "Harbour news."),
        Fixtures.article("s4", "AP", "2020-10-04", "T", "Harbour news."),
        Fixtures.article("s5", "HARBOUR POST", "2020-10-04", "T", "Harbour news."),
        Fixtures.article("s6", "Harbour Post", "2020-10-04", "T", "Harbour news.")));
    try (NewsSearcher s = NewsSearcher.open(other)) {
      SearchResults r = s.search(SearchRequest.of("").withFacets(Set.of(Facet.SOURCE), SearchRequest.DateInterval.MONTH));
      assertEquals(List.of(new SearchResults.FacetCount("Test Wire", "Test Wire", 3),
          new SearchResults.FacetCount("Harbour Post", "Harbour Post", 2), new SearchResults.FacetCount("AP", "AP", 1)),
          r.facets().get(Facet.SOURCE));
      assertEquals(3, s.search(SearchRequest.of("").withSources(List.of("TEST WIRE"))).total());
    }
  }

  /** A fuzzy term keeps its first letter: coffe~1 (the stem coff~1) finds coffee, not "off". */
  @Test
  void fuzzyTermsKeepTheirFirstLetter(@TempDir Path other) {
    Fixtures.writeIndex(other, List.of(Fixtures.article("f1", "AP", "2020-10-01", "T", "Coffee prices rose."),
        Fixtures.article("f2", "AP", "2020-10-02", "T", "The plane failed to take off.")));
    try (NewsSearcher s = NewsSearcher.open(other)) {
      assertEquals(Set.of("f1"), idSet(s.search(SearchRequest.of("coffe~1"))));
      assertEquals(Set.of("f1"), idSet(s.search(SearchRequest.of("cofee~1"))));
    }
  }

  private static Article dated(String id, String published) {
    return new Article(id, null, null, "T " + id, null, org.newsdesk.model.Published.parse(published), "Harbour news.",
        null, null, "en", List.of(), "f/" + id + ".txt", "h" + id);
  }

  @Test
  void offsetPaging() {
    SearchResults page = searcher.search(SearchRequest.of("").withSort(SortOrder.NEWEST).withOffset(2).withLimit(3));
    assertEquals(List.of("a08", "a01", "a03"), ids(page));
    assertEquals(8, page.total());
    assertEquals(List.of(), ids(searcher.search(SearchRequest.of("").withOffset(8))));
  }

  @Test
  void cursorPagingWalksTheWholeResultInOrder() {
    for (SortOrder sort : SortOrder.values()) {
      List<String> whole = ids(searcher.search(all("ceasefire OR armenia OR putin").withSort(sort)));
      List<String> walked = new ArrayList<>();
      SearchRequest req = SearchRequest.of("ceasefire OR armenia OR putin").withSort(sort).withLimit(2);
      SearchResults page = searcher.search(req);
      int pages = 1;
      while (true) {
        assertEquals(whole.size(), page.total());
        walked.addAll(ids(page));
        if (page.nextCursor() == null) {
          break;
        }
        page = searcher.search(req.withCursor(page.nextCursor()));
        pages++;
      }
      assertEquals(whole, walked, sort.name());
      assertEquals(6, whole.size(), sort.name());
      assertEquals(3, pages, sort.name()); // not a fourth, empty page (it had one before: the cursor ran past the end)
    }
    assertThrows(SearchException.class,
        () -> searcher.search(SearchRequest.of("x").withSort(SortOrder.NEWEST).withCursor("bm90IGEgY3Vyc29y")));
  }

  @Test
  void aCursorOnlyPagesTheSearchItWasMadeFor() {
    SearchRequest req = SearchRequest.of("ceasefire OR armenia OR putin").withSort(SortOrder.NEWEST).withLimit(2);
    String cursor = searcher.search(req).nextCursor();
    assertEquals(2, searcher.search(req.withCursor(cursor)).hits().size());
    for (SearchRequest other : List.of(req.withQuery("ceasefire"), req.withPersons(List.of("Putin")),
        req.withMatch(SearchRequest.MatchMode.ANY))) {
      SearchException e = assertThrows(SearchException.class, () -> searcher.search(other.withCursor(cursor)));
      assertTrue(e.getMessage().startsWith("this cursor pages another search"), e.getMessage());
    }
    // a relevance cursor of an earlier format (no search in it) is still read: the last hit's score and id
    SearchRequest byRelevance = req.withSort(SortOrder.RELEVANCE);
    String[] now = new String(java.util.Base64.getUrlDecoder().decode(searcher.search(byRelevance.withLimit(1)).nextCursor()),
        java.nio.charset.StandardCharsets.UTF_8).split("\\|", 5); // c3|RELEVANCE|key|search|id
    String old = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("c1|RELEVANCE|" + now[2] + "|" + now[4]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(ids(searcher.search(byRelevance.withLimit(3))).subList(1, 3),
        ids(searcher.search(byRelevance.withCursor(old))));
    // a date sort's cursor made before those sorts went by the date shown cannot say where to go on
    long date = searcher.search(req.withLimit(1)).hits().get(0).published().toInstant().toEpochMilli();
    String id = searcher.search(req.withLimit(1)).hits().get(0).id();
    for (String version : List.of("c1|NEWEST|" + date + "|" + id, "c2|NEWEST|" + date + "|x|" + id)) {
      String made = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
          version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      SearchException e = assertThrows(SearchException.class, () -> searcher.search(req.withCursor(made)));
      assertTrue(e.getMessage().contains("search again without the cursor"), e.getMessage());
    }
  }

  @Test
  void aCursorPageEndingOnTheLastHitHasNoNextCursor() {
    int n = ids(searcher.search(all("ceasefire OR armenia OR putin"))).size();
    for (SortOrder sort : SortOrder.values()) {
      for (int limit = 1; limit <= n; limit++) {
        SearchRequest req = SearchRequest.of("ceasefire OR armenia OR putin").withSort(sort).withLimit(limit);
        SearchResults page = searcher.search(req);
        int pages = 1;
        while (page.nextCursor() != null) {
          page = searcher.search(req.withCursor(page.nextCursor()));
          pages++;
          assertFalse(page.hits().isEmpty(), "an empty page after a cursor, " + sort + ", limit " + limit);
        }
        assertEquals((n + limit - 1) / limit, pages, sort + ", limit " + limit);
      }
    }
  }

  @Test
  void facetsCountEveryMatchWithDisplayNames() {
    SearchResults r = searcher.search(SearchRequest.of("").withLimit(1)
        .withFacets(Set.of(Facet.PERSON, Facet.LOCATION, Facet.SOURCE, Facet.DATE, Facet.ORGANIZATION), SearchRequest.DateInterval.MONTH));
    assertEquals(List.of(
        new SearchResults.FacetCount("vladimir-putin", "Vladimir Putin", 2),
        new SearchResults.FacetCount("nikol-pashinyan", "Nikol Pashinyan", 1),
        new SearchResults.FacetCount("sergey-lavrov", "Sergey Lavrov", 1)), r.facets().get(Facet.PERSON));
    assertEquals(List.of(
        new SearchResults.FacetCount("armenia", "Armenia", 4),
        new SearchResults.FacetCount("azerbaijan", "Azerbaijan", 2),
        new SearchResults.FacetCount("nagorno-karabakh", "Nagorno-Karabakh", 2),
        new SearchResults.FacetCount("moscow", "Moscow", 1)), r.facets().get(Facet.LOCATION));
    assertEquals(List.of(
        new SearchResults.FacetCount("Reuters", "Reuters", 3),
        new SearchResults.FacetCount("AP", "AP", 2),
        new SearchResults.FacetCount("BBC", "BBC", 2)), r.facets().get(Facet.SOURCE));
    assertEquals(List.of(
        new SearchResults.FacetCount("2019-08-01", "2019-08", 1),
        new SearchResults.FacetCount("2020-09-01", "2020-09", 1),
        new SearchResults.FacetCount("2020-10-01", "2020-10", 4),
        new SearchResults.FacetCount("2020-11-01", "2020-11", 1)), r.facets().get(Facet.DATE));
    assertEquals(List.of(new SearchResults.FacetCount("osce-minsk-group", "OSCE Minsk Group", 1)), r.facets().get(Facet.ORGANIZATION));
  }

  @Test
  void dateHistogramByDayWeekAndYear() {
    SearchRequest req = SearchRequest.of("ceasefire");
    assertEquals(List.of("2020-10-09", "2020-10-10", "2020-10-11", "2020-10-12"),
        searcher.search(req.withFacets(Set.of(Facet.DATE), SearchRequest.DateInterval.DAY)).facets().get(Facet.DATE)
            .stream().map(SearchResults.FacetCount::value).toList());
    // 2020-10-09 is a Friday; the 10th and 11th belong to the same week; the 12th is a Monday.
    assertEquals(List.of(new SearchResults.FacetCount("2020-10-05", "week of 2020-10-05", 3),
            new SearchResults.FacetCount("2020-10-12", "week of 2020-10-12", 1)),
        searcher.search(req.withFacets(Set.of(Facet.DATE), SearchRequest.DateInterval.WEEK)).facets().get(Facet.DATE));
    assertEquals(List.of(new SearchResults.FacetCount("2020-01-01", "2020", 4)),
        searcher.search(req.withFacets(Set.of(Facet.DATE), SearchRequest.DateInterval.YEAR)).facets().get(Facet.DATE));
    assertEquals(List.of(new SearchResults.FacetCount("armenia", "Armenia", 4)),
        searcher.search(SearchRequest.of("").withFacets(Set.of(Facet.ENTITY), SearchRequest.DateInterval.YEAR).withFacetLimit(1))
            .facets().get(Facet.ENTITY));
  }

  @Test
  void highlightsWithTheCallersMarkers() {
    SearchResults r = searcher.search(SearchRequest.of("apricots").withHighlight(true, new SearchRequest.Markers("<b>", "</b>")));
    assertEquals("Farmers in Armenia reported a strong harvest of <b>apricots</b> this summer.", r.hits().get(0).snippet());
    SearchResults c = searcher.search(SearchRequest.of("ceasefire").withHighlight(true, new SearchRequest.Markers("[", "]")));
    SearchHit a02 = c.hits().stream().filter(h -> h.id().equals("a02")).findFirst().orElseThrow();
    assertTrue(a02.snippet().startsWith("The [cease-fire] collapsed"), a02.snippet());
    SearchHit open = c.hits().stream().filter(h -> h.snippet().contains("cease fire")).findFirst().orElseThrow();
    assertTrue(open.snippet().contains("possible [cease fire] between"), open.snippet());
    SearchResults phrase = searcher.search(SearchRequest.of("\"strong harvest\"").withHighlight(true, new SearchRequest.Markers("[", "]")));
    assertEquals("Farmers in Armenia reported a [strong harvest] of apricots this summer.", phrase.hits().get(0).snippet());
    SearchResults off = searcher.search(SearchRequest.of("apricots").withHighlight(false, SearchRequest.Markers.DEFAULT));
    assertEquals("Farmers in Armenia reported a strong harvest of apricots this summer.", off.hits().get(0).snippet());
  }

  @Test
  void htmlMarkersGetAnEscapedSnippet(@TempDir Path other) {
    String body = "AT&T said the <b>merger</b> of \"Telco\" and O'Brien's firm was 1/2 done.";
    Fixtures.writeIndex(other, List.of(
        new Article("h1", null, null, "Merger news", null, null, body, null, null, "en", List.of(), "h1.txt", "x1"),
        new Article("h2", null, null, "Telecoms deal", null, null, body, null, null, "en", List.of(), "h2.txt", "x2")));
    try (NewsSearcher s = NewsSearcher.open(other)) {
      SearchRequest.Markers html = SearchRequest.Markers.html("<mark>", "</mark>");
      String highlighted = s.search(SearchRequest.of("merger").withHighlight(true, html)).hits().stream()
          .filter(h -> h.id().equals("h1")).findFirst().orElseThrow().snippet();
      assertEquals("AT&amp;T said the &lt;b&gt;<mark>merger</mark>&lt;&#x2F;b&gt; of &quot;Telco&quot; and O&#x27;Brien&#x27;s"
          + " firm was 1&#x2F;2 done.", highlighted);
      // a title-only match shows the stored lead: escaped the same way
      String lead = s.search(SearchRequest.of("title:telecoms").withHighlight(true, html)).hits().get(0).snippet();
      assertEquals("AT&amp;T said the &lt;b&gt;merger&lt;&#x2F;b&gt; of &quot;Telco&quot; and O&#x27;Brien&#x27;s firm was"
          + " 1&#x2F;2 done.", lead);
      // plain markers leave the text as it is
      assertTrue(s.search(SearchRequest.of("merger").withHighlight(true, new SearchRequest.Markers("[", "]"))).hits()
          .get(0).snippet().startsWith("AT&T said the <b>[merger]</b>"));
    }
  }

  /** Passages are sentences, but a sentence does not end at "Mr." or "U.S." (the JDK's sentence breaks did). */
  @Test
  void passagesDoNotEndAtAbbreviations(@TempDir Path other) {
    Fixtures.writeIndex(other, List.of(
        new Article("s1", null, null, "Exports", null, null, "Sales abroad rose.\n\nIn its report on U.S. Export Markets"
            + " for U.S. firms, the department counted 40 countries. Shipments to the U.S.\nRose sharply. The report"
            + " was late.", null, null, "en", List.of(), "s1.txt", "x1"),
        new Article("s2", null, null, "Budget", null, null, "Labour was not convinced. Mr. Smith of the U.K. said the"
            + " budget was sound. Markets agreed.", null, null, "en", List.of(), "s2.txt", "x2"),
        new Article("s3", null, null, "Merger", null, null, "The talks ended. John J. Smith, chairman of Acme Inc."
            + " Holdings, said on Sept. 27 that the merger was off. Shares fell.", null, null, "en", List.of(), "s3.txt", "x3"),
        new Article("s4", null, null, "Harbour", null, null, "Talks ended without a deal. The harbour stayed closed."
            + " Fishermen protested. Nobody else came to the harbour.", null, null, "en", List.of(), "s4.txt", "x4"),
        new Article("s5", null, null, "Dollar", null, null, "Envoys from the U.K. met officials of the U.S. ".repeat(12)
            + "The dollar rose against the yen in the U.S. ".repeat(2)
            + "Envoys from the U.K. met officials of the U.S. ".repeat(12) + "Trading was calm.", null, null, "en", List.of(), "s5.txt", "x5")));
    try (NewsSearcher s = NewsSearcher.open(other)) {
      // U.S. at both edges of a passage, and a wrapped line after it, were each a sentence end
      assertEquals("In its report on [U.S]. Export Markets for [U.S]. firms, the department counted 40 countries."
          + " Shipments to the [U.S]. Rose sharply.", snippet(s, "U.S.", "s1"));
      assertEquals("In its [report] on U.S. Export Markets for U.S. firms, the department counted 40 countries.  …"
          + " The [report] was late.", snippet(s, "report", "s1"));
      assertEquals("Shipments to the U.S. Rose [sharply].", snippet(s, "sharply", "s1"));
      assertEquals("Mr. Smith of the U.K. said the [budget] was sound.", snippet(s, "budget", "s2"));
      assertEquals("Mr. [Smith] of the U.K. said the budget was sound.", snippet(s, "Smith", "s2"));
      assertEquals("John J. [Smith], chairman of Acme Inc. Holdings, said on Sept. 27 that the merger was off.",
          snippet(s, "Smith", "s3"));
      assertEquals("John J. Smith, chairman of Acme Inc. Holdings, said on Sept. 27 that the [merger] was off.",
          snippet(s, "merger", "s3"));
      // ordinary sentence ends still bound passages: the first and third sentences are left out
      assertEquals("The [harbour] stayed closed.  … Nobody else came to the [harbour].", snippet(s, "harbour", "s4"));
      // sentences joined at "U.S. Envoys" make one long passage: still cut around its first match
      String cut = snippet(s, "dollar", "s5");
      assertTrue(cut.length() <= Snippets.MAX_PASSAGE + 2 && cut.startsWith("…") && cut.endsWith("…")
          && cut.contains("The [dollar] rose"), cut);
    }
  }

  private static String snippet(NewsSearcher s, String query, String id) {
    return s.search(SearchRequest.of(query).withHighlight(true, new SearchRequest.Markers("[", "]"))).hits().stream()
        .filter(h -> h.id().equals(id)).findFirst().orElseThrow().snippet();
  }

  @Test
  void hitsCarryTheirFields() {
    SearchHit hit = searcher.search(SearchRequest.of("apricots")).hits().get(0);
    assertEquals("a06", hit.id());
    assertEquals("Harvest report", hit.title());
    assertEquals("2019-08-15", hit.published().toString());
    assertEquals("BBC", hit.source());
    assertEquals("https://example.org/a06", hit.url());
    assertEquals(List.of("Armenia"), hit.entities().get("location"));
    assertTrue(hit.score() > 0);
  }

  @Test
  void didYouMeanWhenNothingIsFound() {
    SearchResults r = searcher.search(SearchRequest.of("ceasfire"));
    assertEquals(0, r.total());
    assertEquals("ceasefire", r.suggestion());
    assertEquals("harvest in armenia", searcher.search(SearchRequest.of("harvst in armenia")).suggestion());
    assertNull(searcher.search(SearchRequest.of("ceasefire")).suggestion());
  }

  @Test
  void allTermsFallsBackToAnyAndSaysSo() {
    SearchResults r = searcher.search(all("apricots shelling"));
    assertTrue(r.fellBackToAny());
    assertEquals(Set.of("a02", "a05", "a06"), idSet(r));
    SearchResults strict = searcher.search(all("armenia azerbaijan"));
    assertFalse(strict.fellBackToAny());
    assertEquals(Set.of("a02", "a03"), idSet(strict));
    assertEquals(Set.of("a01", "a02", "a03", "a06"), idSet(searcher.search(all("armenia azerbaijan").withMatch(SearchRequest.MatchMode.ANY))));
  }

  @Test
  void getAndMoreLikeThis() {
    assertEquals("Ceasefire holds", searcher.get("a08").orElseThrow().title());
    assertTrue(searcher.get("nope").isEmpty());
    SearchResults like = searcher.moreLikeThis("a02", 3);
    assertFalse(ids(like).contains("a02"));
    assertEquals("a03", ids(like).get(0));
    assertEquals(0, searcher.moreLikeThis("nope", 3).total());
  }

  @Test
  void recencyPreferenceLiftsNewerArticles() {
    // A blank query scores every article alike, so the recency bonus alone orders them: newest first, undated last.
    assertEquals(List.of("a04", "a02", "a08", "a01", "a03", "a05", "a06", "a07"), ids(searcher.search(all("").withRecency(30))));
    SearchResults scored = searcher.search(all("ceasefire").withRecency(30));
    assertEquals(Set.of("a01", "a02", "a03", "a08"), idSet(scored));
  }
}
