package org.newsdesk.index.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.GazetteerEntry;
import org.newsdesk.model.Article;
import org.newsdesk.model.EntityType;

class CandidateFinderTest {
  private static Article article(String id, String title, String body) {
    return new Article(id, null, null, title, null, null, body, null, null, null, null, null, null);
  }

  @Test
  void findsUnknownNamesButNotCommonWordsHeadersOrKnownNames() {
    List<Article> articles = List.of(
        article("a", "FIRE CREWS BATTLE BLAZE NEAR RED WING",
            "Advertisement\nThe plant run by Halvorsen Chemical Co. closed. Earlier, Russian officials met in Moscow.\n"
                + "Workers at Halvorsen Chemical said the Bank of England would not help. The workers left."),
        article("b", "Plant closes",
            "Advertisement\nEarlier on Sunday, Vladimir Putin said Putin's plan stood. Officials at Halvorsen Chemical agreed.\n"
                + "Ms. Ingrid Solheim told reporters that Ingrid Solheim would stay, said the Bank of England. The end."));
    CandidateFinder finder = new CandidateFinder(Gazetteer.of(List.of(
        new GazetteerEntry("vladimir-putin", "Vladimir Putin", EntityType.PERSON, List.of()),
        new GazetteerEntry("moscow", "Moscow", EntityType.LOCATION, List.of()),
        new GazetteerEntry("russia", "Russia", EntityType.LOCATION, List.of(), List.of("Russian")))));
    articles.forEach(finder::learn);
    articles.forEach(finder::add);
    List<Candidate> found = finder.candidates(2, 10);
    // Ties in count are ordered by phrase; "Halvorsen Chemical Co" (once) is its own phrase and below minCount.
    assertEquals(List.of("Bank of England", "Halvorsen Chemical", "Ingrid Solheim"), found.stream().map(Candidate::phrase).toList());
    Candidate halvorsen = found.get(1);
    assertEquals(2, halvorsen.count());
    assertEquals(2, halvorsen.articles());
    assertEquals("Workers at Halvorsen Chemical said the Bank of England would not help.", halvorsen.example());
    assertEquals(EntityType.ORGANIZATION, found.get(0).typeGuess());
    assertEquals(EntityType.PERSON, found.get(2).typeGuess());
  }

  /**
   * A name written once in lower case somewhere (a list of names, a url slug) is still a name: only a word the articles
   * write in lower case about as often as they capitalize it is a common word.
   */
  @Test
  void oneLowerCaseUseDoesNotMakeANameACommonWord() {
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      articles.add(article("r" + i, "Budget", "The budget went to Congress, where Reagan said he would sign it. Earlier,"
          + " aides met. They said Reagan agreed. The Corp said so, and its Ltd too."));
    }
    articles.add(article("list", "People", "names in the list: reagan, volcker, baker"));
    articles.add(article("e", "Later", "It happened earlier than planned, and earlier still the year before."));
    List<Candidate> found = candidates(articles);
    assertEquals(List.of("Reagan", "Congress"), found.stream().map(Candidate::phrase).toList());
  }

  /** A whole index is read in document order, which depends on the build's threads: the result must not. */
  @Test
  void theSameCandidatesAndExamplesWhateverTheOrderOfTheArticles() {
    List<Article> articles = List.of(
        article("m", "Talks", "Negotiators met Halvorsen Chemical again. Later the unions thanked Halvorsen Chemical."),
        article("c", "Plant", "Workers said Halvorsen Chemical would close the plant. The mayor spoke."),
        article("x", "Unions", "Officials at Halvorsen Chemical agreed to talks."));
    List<Candidate> forward = candidates(articles);
    List<Candidate> backward = candidates(List.of(articles.get(2), articles.get(1), articles.get(0)));
    assertEquals(forward, backward);
    assertEquals("Workers said Halvorsen Chemical would close the plant.", forward.get(0).example(),
        "the example comes from the article with the smallest id");
  }

  private static List<Candidate> candidates(List<Article> articles) {
    CandidateFinder finder = new CandidateFinder(Gazetteer.of(List.of(
        new GazetteerEntry("moscow", "Moscow", EntityType.LOCATION, List.of()))));
    articles.forEach(finder::learn);
    articles.forEach(finder::add);
    return finder.candidates(2, 10);
  }
}
