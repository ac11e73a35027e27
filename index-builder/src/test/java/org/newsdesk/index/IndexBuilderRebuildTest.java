package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.gazetteer.Gazetteer;
import org.newsdesk.gazetteer.NameIndex;
import org.newsdesk.schema.NewsField;
import org.newsdesk.schema.NewsSchema;

/** The facade's rebuild, index and rollback on raw text and JSON Lines files, checked against the Lucene index itself. */
class IndexBuilderRebuildTest {
  @TempDir Path tmp;

  private static String article(String id, String body) {
    return "{\"id\":\"" + id + "\",\"title\":\"T " + id + "\",\"body\":\"" + body + "\"}";
  }

  /** A listener that keeps the build's log lines. */
  private static BuildListener logInto(List<String> log) {
    return new BuildListener() {
      @Override
      public void log(String message) {
        log.add(message);
      }
    };
  }

  private static long liveDocs(Path index) throws Exception {
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      return r.numDocs();
    }
  }

  private static void age(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 600_000));
  }

  @Test
  void rawTextFilesAreAddedChangedAndDeletedAsWholeArticles() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path f = src.resolve("story-" + i + ".txt");
      Files.writeString(f, "Headline number " + i + "\n\nThe body of story " + i + " talks about the harbour and the council.\n");
      age(f);
      files.add(f);
    }
    IndexOptions options = IndexOptions.defaults(tmp.resolve("index")).withThreads(1);
    IndexReport first = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(3, first.added());
    assertEquals("new index", first.mode());

    Files.writeString(files.get(0), "Headline number 0\n\nA rewritten body about the harbour.\n");
    Files.delete(files.get(2));
    IndexReport second = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, second.added());
    assertEquals(1, second.updated());
    assertEquals(1, second.deleted());
    assertEquals(1, second.unchanged());
    assertEquals(1, second.filesUnchanged());
    assertEquals(2, liveDocs(tmp.resolve("index")));
    assertEquals(2, IndexBuilder.generations(tmp.resolve("index")).size());

    RollbackReport back = IndexBuilder.rollback(tmp.resolve("index"));
    assertEquals(3, back.to().articles());
    assertEquals(2, back.from().articles());
    assertEquals(3, liveDocs(tmp.resolve("index")));
    assertThrows(IndexStateException.class, () -> IndexBuilder.rollback(tmp.resolve("index")));
  }

  /** The ids the index holds, sorted. */
  private static List<String> ids(Path index) throws Exception {
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      List<String> ids = new ArrayList<>();
      for (var leaf : r.leaves()) {
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            ids.add(stored.document(d).get(NewsField.ID.fieldName()));
          }
        }
      }
      ids.sort(null);
      return ids;
    }
  }

  /** The stored body of the article with id {@code id}, or null. */
  private static String body(Path index, String id) throws Exception {
    try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(r);
      var top = searcher.search(new org.apache.lucene.search.TermQuery(org.newsdesk.schema.ArticleDocuments.idTerm(id)), 1);
      return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc).get(NewsField.BODY.fieldName());
    }
  }

  /**
   * A file whose name another file comes to share is read again, so that its id takes its folder: nothing is
   * replaced, whichever folder the newcomer sits in, and when the other file goes, the name is its id again.
   */
  @Test
  void aFileNamedLikeAnIndexedOneGetsItsOwnIdAndNothingIsReplaced() throws Exception {
    Path src = tmp.resolve("src");
    Path business = Files.createDirectories(src.resolve("business")).resolve("001.txt");
    Files.writeString(business, "Ad sales rise\n\nAdvertising sales rose in the quarter, the firm said.\n");
    age(business);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    assertEquals(1, IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE).added());
    assertEquals(List.of("001"), ids(index));

    Path sport = Files.createDirectories(src.resolve("sport")).resolve("001.txt");
    Files.writeString(sport, "Cup final tonight\n\nThe two clubs meet in the cup final tonight.\n");
    age(sport);
    IndexReport second = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(List.of("business-001", "sport-001"), ids(index), second.toString());
    assertEquals(2, second.added());
    assertEquals(1, second.deleted(), "001 became business-001");

    // a newcomer in the folder the two share takes the bare name; the one below it is read again
    Path top = Files.writeString(src.resolve("001.txt"), "Index note\n\nThe archive's first note, about apples.\n");
    age(top);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(List.of("001", "business-001", "sport-001"), ids(index));
    assertTrue(body(index, "001").contains("apples"));
    assertTrue(body(index, "business-001").contains("Advertising"));

    // the others gone, business/001.txt is 001 again, with its own text
    Files.delete(top);
    Files.delete(sport);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(List.of("001"), ids(index));
    assertTrue(body(index, "001").contains("Advertising"), body(index, "001"));
    IndexBuilder.rebuild(List.of(src), options, true, BuildListener.NONE);
    assertEquals(List.of("001"), ids(index), "a full rebuild gives the same ids");
  }

  /** {@code index} deletes nothing, but an article it writes again under a new id does not stay under its old one. */
  @Test
  void indexRenamesAnArticleWhoseNameBecomesShared() throws Exception {
    Path src = tmp.resolve("src");
    Path a = Files.createDirectories(src.resolve("a")).resolve("001.txt");
    Files.writeString(a, "First\n\nThe first story.\n");
    age(a);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.index(List.of(src), options, BuildListener.NONE);
    assertEquals(List.of("001"), ids(index));
    Path b = Files.createDirectories(src.resolve("b")).resolve("001.txt");
    Files.writeString(b, "Second\n\nThe second story.\n");
    IndexReport second = IndexBuilder.index(List.of(src), options, BuildListener.NONE);
    assertEquals(List.of("a-001", "b-001"), ids(index), "not 001 as well: the same article twice");
    assertEquals(1, second.deleted(), second.toString());
    IndexReport rebuild = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, rebuild.deleted(), "nothing left for the rebuild to clean up");
  }

  /**
   * An id one file yields twice keeps the file's last line, however the workers finish and whichever line a
   * rebuild finds unchanged; quiet nights stay quiet (a second review's findings).
   */
  @Test
  void anIdAFileYieldsTwiceKeepsItsLastLineAndQuietNightsStayQuiet() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("twice"));
    StringBuilder e = new StringBuilder();
    StringBuilder f = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      e.append(article("n" + i, "first copy " + i)).append('\n');
      f.append(article("n" + i, "second copy " + i)).append('\n').append(article("n" + i, "third copy " + i)).append('\n');
    }
    Path ef = Files.writeString(src.resolve("e.jsonl"), e);
    Path ff = Files.writeString(src.resolve("f.jsonl"), f);
    age(ef);
    age(ff);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(4);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    for (int night = 0; night < 2; night++) {
      IndexReport quiet = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
      assertEquals(-1, quiet.generation(), "nothing changed: " + quiet);
    }
    assertTrue(body(index, "n7").contains("third copy 7"), body(index, "n7"));

    // the two lines of one id swapped, one of them as it was: the file's last line holds the id, as --full has it
    Path g = Files.writeString(src.resolve("g.jsonl"), article("x", "X") + "\n" + article("x", "Y") + "\n");
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals("Y", body(index, "x"));
    Files.writeString(g, article("x", "W") + "\n" + article("x", "X") + "\n");
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals("X", body(index, "x"), "the last line, not the one that changed");
  }

  /**
   * A damaged file does not claim ids with the articles it keeps; index of an unrelated folder changes nothing; a
   * file given twice (overlapping sources) holds an id where it is read last.
   */
  @Test
  void damagedFilesUnrelatedRunsAndOverlappingSources() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("dmg"));
    Path a = Files.createDirectories(src.resolve("a")).resolve("001.txt");
    Path f = src.resolve("f.jsonl");
    Files.writeString(a, "Alpha\n\nThe alpha story.\n");
    Files.writeString(f, article("001", "The feed story.") + "\n" + article("002", "The second feed story.") + "\n");
    Path other = Files.createDirectories(tmp.resolve("other")).resolve("x.txt");
    Files.writeString(other, "Other\n\nThe other story.\n");
    for (Path p : List.of(a, f, other)) {
      age(p);
    }
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.index(List.of(src, other.getParent()), options, BuildListener.NONE);
    assertEquals("The feed story.", body(index, "001"));
    for (int i = 0; i < 2; i++) {
      IndexReport unrelated = IndexBuilder.index(List.of(other.getParent()), options, BuildListener.NONE);
      assertEquals(0, unrelated.added() + unrelated.updated() + unrelated.deleted(), unrelated.toString());
      IndexReport again = IndexBuilder.index(List.of(src), options, BuildListener.NONE);
      assertEquals(0, again.added() + again.updated() + again.deleted(), again.toString());
      assertTrue(again.problems().stream().noneMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID
          && !p.reason().contains("read from an earlier input")), again.problems().toString());
    }

    Path rindex = tmp.resolve("rindex");
    IndexOptions roptions = IndexOptions.defaults(rindex).withThreads(1);
    IndexBuilder.rebuild(List.of(src), roptions, false, BuildListener.NONE);
    Files.writeString(f, ""); // emptied: damage, its articles are kept, but it holds no id over a file read whole
    Files.writeString(a, "Alpha\n\nThe alpha story, edited.\n");
    IndexReport edited = IndexBuilder.rebuild(List.of(src), roptions, false, BuildListener.NONE);
    assertTrue(body(rindex, "001").contains("alpha story, edited"), body(rindex, "001"));
    assertEquals(1, edited.updated(), edited.toString());
    IndexReport after = IndexBuilder.rebuild(List.of(src), roptions, false, BuildListener.NONE);
    assertTrue(after.problems().stream().noneMatch(p -> p.reason().contains("was the article of")), after.problems().toString());

    Path overlap = tmp.resolve("overlap");
    IndexOptions ooptions = IndexOptions.defaults(overlap).withThreads(1);
    Files.writeString(f, article("001", "The feed story.") + "\n");
    IndexBuilder.rebuild(List.of(src, src.resolve("a")), ooptions, false, BuildListener.NONE);
    String first = body(overlap, "001");
    IndexBuilder.rebuild(List.of(src, src.resolve("a")), ooptions, true, BuildListener.NONE);
    assertEquals(body(overlap, "001"), first, "as --full: a/001.txt, read again last, holds 001");
    IndexBuilder.rebuild(List.of(src, src.resolve("a")), ooptions, false, BuildListener.NONE);
    assertEquals(first, body(overlap, "001"));
  }

  /** {@code index} of a sub-folder keeps the folder-qualified ids its files got beside their neighbours. */
  @Test
  void indexOfASubFolderKeepsItsFilesQualifiedIds() throws Exception {
    Path c = tmp.resolve("c");
    Path a = Files.createDirectories(c.resolve("a")).resolve("001.txt");
    Path b = Files.createDirectories(c.resolve("b")).resolve("001.txt");
    Files.writeString(a, "Alpha\n\nThe alpha story.\n");
    Files.writeString(b, "Bravo\n\nThe bravo story.\n");
    age(a);
    age(b);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.index(List.of(c), options, BuildListener.NONE);
    assertEquals(List.of("a-001", "b-001"), ids(index));
    IndexReport sub = IndexBuilder.index(List.of(c.resolve("a")), options, BuildListener.NONE);
    assertEquals(List.of("a-001", "b-001"), ids(index), "not renamed back to 001: b/001.txt is still there");
    assertEquals(0, sub.added() + sub.updated() + sub.deleted(), sub.toString());
    Files.delete(b);
    IndexBuilder.index(List.of(c.resolve("a")), options, BuildListener.NONE);
    assertEquals(List.of("001", "b-001"), ids(index), "alone now: its own name (index deletes nothing else)");
  }

  /**
   * {@code index} run over one folder, then another with the same file name: the second article replaces the first
   * (each run knows only its own files), and says so; the first file is read again when next indexed, so nothing is
   * left twice. A given id moving to another file (an update feed) is no clash.
   */
  @Test
  void indexOfOneFolderThenAnotherSaysWhatItReplaces() throws Exception {
    Path src = tmp.resolve("src");
    Path a = Files.createDirectories(src.resolve("a")).resolve("001.txt");
    Path b = Files.createDirectories(src.resolve("b")).resolve("001.txt");
    Path c = Files.createDirectories(src.resolve("c")).resolve("001.txt");
    Files.writeString(a, "Alpha\n\nThe alpha story.\n");
    Files.writeString(b, "Bravo\n\nThe bravo story.\n");
    Files.writeString(c, "Charlie\n\nThe charlie story.\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.index(List.of(src.resolve("a")), options, BuildListener.NONE);
    IndexReport second = IndexBuilder.index(List.of(src.resolve("b")), options, BuildListener.NONE);
    assertTrue(second.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID
        && p.reason().contains("was the article of " + a.toAbsolutePath().normalize())), second.problems().toString());
    IndexReport quiet = IndexBuilder.index(List.of(src.resolve("b")), options, BuildListener.NONE);
    assertTrue(quiet.problems().stream().noneMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID),
        "said in the run that replaced it, not every night after: " + quiet.problems());
    IndexBuilder.index(List.of(src.resolve("b"), src.resolve("c")), options, BuildListener.NONE);
    assertEquals(List.of("b-001", "c-001"), ids(index), "Bravo once, not also under 001");
    IndexBuilder.index(List.of(src), options, BuildListener.NONE);
    assertEquals(List.of("a-001", "b-001", "c-001"), ids(index), "the alpha story is back, read again");
    assertTrue(body(index, "a-001").contains("alpha"));

    // a raw file's name-made id taken by a feed's given id: said, and the file comes back when indexed again
    Path mixed = Files.createDirectories(tmp.resolve("mixed"));
    Path alpha = Files.createDirectories(mixed.resolve("a")).resolve("001.txt");
    Files.writeString(alpha, "Alpha\n\nThe alpha story.\n");
    Path feed = Files.createDirectories(mixed.resolve("f")).resolve("feed.jsonl");
    Files.writeString(feed, "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n");
    Path mixedIndex = tmp.resolve("mixed-index");
    IndexOptions mixedOptions = IndexOptions.defaults(mixedIndex).withThreads(1);
    IndexBuilder.index(List.of(mixed.resolve("a")), mixedOptions, BuildListener.NONE);
    IndexReport byFeed = IndexBuilder.index(List.of(mixed.resolve("f")), mixedOptions, BuildListener.NONE);
    assertTrue(byFeed.problems().stream().anyMatch(p -> p.reason().contains("was the article of " + alpha)),
        byFeed.problems().toString());
    IndexBuilder.index(List.of(mixed.resolve("a")), mixedOptions, BuildListener.NONE);
    assertTrue(body(mixedIndex, "001").contains("alpha"), "the displaced file was read again");

    // a file read again that takes the id of an unchanged file later in the run's order: that file keeps it (it is
    // read again for it), as a full rebuild would have it, and the loser is told
    Path cc = Files.createDirectories(tmp.resolve("cc"));
    Files.createDirectories(cc.resolve("a"));
    Files.createDirectories(cc.resolve("b"));
    Files.createDirectories(cc.resolve("f"));
    Files.writeString(cc.resolve("a/001.txt"), "Alpha\n\nThe alpha story.\n");
    Files.writeString(cc.resolve("b/001.txt"), "Bravo\n\nThe bravo story.\n");
    Files.writeString(cc.resolve("f/feed.jsonl"), "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n"
        + "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story, again.\"}\n");
    Path cIndex = tmp.resolve("c-index");
    IndexOptions cOptions = IndexOptions.defaults(cIndex).withThreads(1);
    IndexBuilder.index(List.of(cc), cOptions, BuildListener.NONE);
    assertEquals(List.of("001", "a-001", "b-001"), ids(cIndex));
    Files.delete(cc.resolve("b/001.txt")); // a/001.txt is alone now: its id is 001
    IndexReport taken = IndexBuilder.index(List.of(cc.resolve("a"), cc.resolve("f")), cOptions, BuildListener.NONE);
    List<String> said = taken.problems().stream().map(p -> p.reason()).filter(r -> r.contains("is also the id of")).toList();
    assertEquals(1, said.size(), "once: " + taken.problems());
    assertTrue(said.get(0).contains(cc.resolve("f/feed.jsonl").toString()) && said.get(0).contains("later in this run's order"),
        said.get(0));
    assertTrue(body(cIndex, "001").contains("feed story, again"), "the feed, later in the run, keeps its article");
    IndexReport again = IndexBuilder.index(List.of(cc.resolve("f")), cOptions, BuildListener.NONE);
    assertTrue(body(cIndex, "001").contains("feed story, again"));
    assertEquals(0, again.added() + again.updated() + again.deleted(), again.toString());

    // the same file through a link is no other file
    Files.createSymbolicLink(mixed.resolve("link"), mixed.resolve("a"));
    IndexReport linked = IndexBuilder.index(List.of(mixed.resolve("link")), mixedOptions, BuildListener.NONE);
    assertTrue(linked.problems().stream().noneMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID),
        linked.problems().toString());

    Path feeds = Files.createDirectories(tmp.resolve("feeds"));
    Files.writeString(feeds.resolve("monday.jsonl"), article("w1", "first version") + "\n");
    Files.writeString(feeds.resolve("tuesday.jsonl"), article("w1", "second version") + "\n");
    Path feedIndex = tmp.resolve("feed-index");
    IndexBuilder.index(List.of(feeds.resolve("monday.jsonl")), IndexOptions.defaults(feedIndex), BuildListener.NONE);
    IndexReport update = IndexBuilder.index(List.of(feeds.resolve("tuesday.jsonl")), IndexOptions.defaults(feedIndex),
        BuildListener.NONE);
    assertEquals(1, update.updated());
    assertTrue(update.problems().stream().noneMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID),
        "an update feed is no clash: " + update.problems());
  }

  /** A clash the scan reports is said once per run, not again when the articles are written. */
  @Test
  void aClashTheScanReportsIsSaidOnce() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("clash"));
    Files.writeString(src.resolve("Story.txt"), "Upper\n\nThe first story.\n");
    Files.writeString(src.resolve("story.txt"), "Lower\n\nThe second story.\n");
    IndexReport r = IndexBuilder.rebuild(List.of(src), IndexOptions.defaults(tmp.resolve("index")).withThreads(1), false,
        BuildListener.NONE);
    assertEquals(1, r.problems().stream().filter(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID)
        .count(), r.problems().toString());
  }

  /**
   * An id several files yield holds, after every incremental rebuild, the article a full rebuild gives it: the file
   * last in the run's order, even when that file is unchanged and the one read again is earlier, or when the file
   * that held it is gone. Said once, when the id changes hands; the next night is quiet.
   */
  @Test
  void anIdSeveralFilesYieldFollowsTheRunsOrderNightAfterNight() throws Exception {
    Path c = Files.createDirectories(tmp.resolve("rc"));
    Path a = Files.createDirectories(c.resolve("a")).resolve("001.txt");
    Path b = Files.createDirectories(c.resolve("b")).resolve("001.txt");
    Path feed = Files.createDirectories(c.resolve("f")).resolve("feed.jsonl");
    Path other = Files.createDirectories(c.resolve("z")).resolve("other.txt");
    Files.writeString(a, "Alpha\n\nThe alpha story.\n");
    Files.writeString(b, "Bravo\n\nThe bravo story.\n");
    Files.writeString(feed, "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n");
    Files.writeString(other, "Other\n\nThe other story.\n");
    for (Path f : List.of(a, b, feed, other)) {
      age(f);
    }
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertEquals(List.of("001", "a-001", "b-001", "other"), ids(index));

    // a/001.txt is alone again, so its id is 001: read again, it comes before the unchanged feed, which keeps 001
    Files.delete(b);
    IndexReport taken = IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    List<String> said = taken.problems().stream().map(p -> p.reason()).filter(r -> r.contains("is also the id of")).toList();
    assertEquals(1, said.size(), taken.problems().toString());
    assertTrue(said.get(0).contains(feed.toString()) && said.get(0).contains("rename the file"), said.get(0));
    assertEquals(List.of("001", "other"), ids(index));
    assertTrue(body(index, "001").contains("feed story"), "as --full: the feed, later in the order, holds 001");
    IndexReport quiet = IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertTrue(quiet.problems().stream().noneMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID),
        quiet.problems().toString());
    assertEquals(0, quiet.added() + quiet.updated() + quiet.deleted(), quiet.toString());

    // the feed loses the line: the id goes back to the raw file, unchanged since, which is read again for it
    Files.writeString(feed, "{\"id\":\"002\",\"title\":\"Feed\",\"body\":\"The second feed story.\"}\n");
    IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertEquals(List.of("001", "002", "other"), ids(index));
    assertTrue(body(index, "001").contains("alpha story"), "the raw file's article is back, not lost");
    // and the file that held it gone: the id stays with the one that still yields it
    Files.writeString(feed, "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n");
    IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertTrue(body(index, "001").contains("feed story"));
    Files.delete(a);
    IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertEquals(List.of("001", "other"), ids(index));
    assertTrue(body(index, "001").contains("feed story"));
    Files.delete(feed);
    IndexBuilder.rebuild(List.of(c), options, false, BuildListener.NONE);
    assertEquals(List.of("other"), ids(index));

    // a feed's id taken by a raw file, which then takes a folder-qualified id: the feed has 001 back, once
    Path d = Files.createDirectories(tmp.resolve("rd"));
    Path zulu = Files.createDirectories(d.resolve("z")).resolve("001.txt");
    Path dFeed = Files.createDirectories(d.resolve("0feed")).resolve("feed.jsonl");
    Files.writeString(dFeed, "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n");
    Files.writeString(zulu, "Zulu\n\nThe zulu story.\n");
    age(dFeed);
    age(zulu);
    Path dIndex = tmp.resolve("d-index");
    IndexOptions dOptions = IndexOptions.defaults(dIndex).withThreads(1);
    IndexBuilder.rebuild(List.of(d), dOptions, false, BuildListener.NONE);
    assertTrue(body(dIndex, "001").contains("zulu story"), "z/ comes after 0feed/");
    Files.writeString(Files.createDirectories(d.resolve("y")).resolve("001.txt"), "Yankee\n\nThe yankee story.\n");
    IndexBuilder.rebuild(List.of(d), dOptions, false, BuildListener.NONE);
    assertEquals(List.of("001", "y-001", "z-001"), ids(dIndex));
    assertTrue(body(dIndex, "001").contains("feed story"), "not Zulu twice: " + body(dIndex, "001"));
    Path full = tmp.resolve("d-full");
    IndexBuilder.rebuild(List.of(d), IndexOptions.defaults(full).withThreads(1), true, BuildListener.NONE);
    assertEquals(ids(full), ids(dIndex));
  }

  /**
   * {@code index} over the same files night after night settles an id two files of the run yield by the run's order,
   * once: it does not hand it back and forth, nor warn again. Two pages of one url are one article (an update).
   */
  @Test
  void indexSettlesAnIdTwoFilesOfTheRunYieldOnce() throws Exception {
    Path c = Files.createDirectories(tmp.resolve("settle"));
    Path a = Files.createDirectories(c.resolve("a")).resolve("001.txt");
    Path feed = Files.createDirectories(c.resolve("f")).resolve("feed.jsonl");
    Files.writeString(a, "Alpha\n\nThe alpha story.\n");
    Files.writeString(feed, "{\"id\":\"001\",\"title\":\"Feed\",\"body\":\"The feed story.\"}\n");
    age(a);
    age(feed);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.index(List.of(c), options, BuildListener.NONE);
    Files.writeString(a, "Alpha\n\nThe alpha story, edited.\n");
    IndexReport edited = IndexBuilder.index(List.of(c), options, BuildListener.NONE);
    assertTrue(body(index, "001").contains("feed story"), "the feed is later in the run's order");
    assertEquals(1, edited.problems().stream().filter(p -> p.reason().contains("is also the id of")).count(),
        edited.problems().toString());
    for (int night = 0; night < 3; night++) {
      IndexReport quiet = IndexBuilder.index(List.of(c), options, BuildListener.NONE);
      assertEquals(-1, quiet.generation(), "nothing to commit: " + quiet);
      // the duplicate stays on record with the file, as a full rebuild's does; the id changing hands is not said again
      assertTrue(quiet.problems().stream().noneMatch(p -> p.reason().contains("is also the id of")
          || p.reason().contains("was the article of")), quiet.problems().toString());
      assertTrue(body(index, "001").contains("feed story"));
    }

    Path pages = Files.createDirectories(tmp.resolve("pages"));
    Path v1 = pages.resolve("v1.html");
    Files.writeString(v1, page("Version one"));
    age(v1);
    Path pageIndex = tmp.resolve("page-index");
    IndexOptions pageOptions = IndexOptions.defaults(pageIndex).withThreads(1);
    IndexBuilder.index(List.of(pages), pageOptions, BuildListener.NONE);
    Files.writeString(pages.resolve("v2.html"), page("Version two"));
    IndexReport updated = IndexBuilder.index(List.of(pages), pageOptions, BuildListener.NONE);
    assertEquals(1, updated.updated(), updated.toString());
    for (int night = 0; night < 2; night++) {
      IndexReport quiet = IndexBuilder.index(List.of(pages), pageOptions, BuildListener.NONE);
      assertEquals(-1, quiet.generation(), "nothing to commit: " + quiet);
      assertTrue(quiet.problems().stream().noneMatch(p -> p.reason().contains("was the article of")), quiet.problems().toString());
    }
    assertEquals(1, ids(pageIndex).size());
    assertTrue(body(pageIndex, ids(pageIndex).get(0)).contains("Version two"));
  }

  private static String page(String title) {
    return "<html><head><title>" + title + "</title><meta property=\"og:url\" content=\"https://example.org/story\">"
        + "</head><body><article><h1>" + title + "</h1><p>" + title + ": the harbour board met on Tuesday, and the"
        + " council agreed to repair the old sea wall before the winter storms, at a cost of two million.</p>"
        + "<p>Work starts in the spring, the board said, and will take most of the year.</p></article></body></html>";
  }

  /**
   * A feed copied over while the rebuild reads it (cut short mid-read, then written whole): the read saw part of it,
   * so it counts as not read whole; the articles it did not yield are kept, and the next run reads it again. It used
   * to be deleted from, with the new file's hash saved, so that no later run read it again.
   */
  @Test
  void aFileCopiedOverWhileItIsReadLosesNothing() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("live"));
    Path feed = src.resolve("feed.jsonl");
    StringBuilder lines = new StringBuilder();
    String padding = "word ".repeat(200);
    for (int i = 0; i < 2000; i++) {
      lines.append(article("n" + i, "Story " + i + " " + padding)).append('\n');
    }
    Files.writeString(feed, lines);
    age(feed);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    String changed = lines.toString().replace(article("n1999", "Story 1999 " + padding),
        article("n1999", "Story 1999 changed " + padding));
    Files.writeString(feed, changed);
    String firstLines = String.join("\n", changed.lines().limit(100).toList()) + "\n";
    java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
    BuildListener copyStarts = new BuildListener() {
      @Override
      public void articles(long n) { // on the reading thread, as the feed's first unchanged line is matched
        if (cut.compareAndSet(false, true)) {
          try {
            Files.writeString(feed, firstLines); // cp has truncated it and written the first lines
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    };
    IndexReport during = IndexBuilder.rebuild(List.of(src), options, false, copyStarts);
    assertTrue(cut.get());
    assertEquals(0, during.deleted(), during.toString());
    assertEquals(2000, liveDocs(index), "nothing lost");
    assertTrue(during.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.TRUNCATED
        && p.reason().contains("changed while it was being read") && !p.skipped()), during.problems().toString());

    Files.writeString(feed, changed); // the copy is done
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(2000, liveDocs(index));
    assertTrue(body(index, "n1999").contains("changed"), "read again: " + body(index, "n1999"));
    IndexReport quiet = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, quiet.added() + quiet.updated() + quiet.deleted(), quiet.toString());
  }

  /** An id two files yield is one article in the index, and one in the counts, on a quiet night as on a busy one. */
  @Test
  void anIdTwoFilesYieldCountsOnce() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("shared-id"));
    Path a = Files.writeString(src.resolve("a.jsonl"), article("x1", "harbour") + "\n" + article("dup", "first copy") + "\n");
    Path b = Files.writeString(src.resolve("b.jsonl"), article("x2", "council") + "\n" + article("dup", "second copy") + "\n");
    age(a);
    age(b);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexReport first = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(3, first.added(), "three articles, one id read twice");
    assertEquals(3, liveDocs(index));
    IndexReport quiet = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(3, quiet.unchanged(), "not 4: the shared id is one article");
    assertEquals(0, quiet.added() + quiet.updated() + quiet.deleted());
    assertEquals(List.of(b + ":2"), duplicateWarnings(quiet), "the duplicate is still said on a quiet night");

    // a.jsonl goes: b.jsonl, unchanged, holds "dup" alone, and its stored warning is no longer true
    Files.delete(a);
    IndexReport alone = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(List.of(), duplicateWarnings(alone), alone.problems().toString());
    assertEquals(List.of(), duplicateWarnings(IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE)));
    // and comes back: it is true again, and said from both sides (b's stored warning holds again)
    Files.writeString(a, article("x1", "harbour") + "\n" + article("dup", "first copy") + "\n");
    age(a);
    assertEquals(List.of(a.toString(), b + ":2"),
        duplicateWarnings(IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE)).stream().sorted().toList());
    assertTrue(body(index, "dup").contains("second copy"), "b.jsonl is later in the run's order");

    Files.writeString(b, article("x2", "council again") + "\n" + article("dup", "second copy") + "\n");
    IndexReport changed = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(3, changed.updated() + changed.unchanged() + changed.added(), changed.toString());
    assertEquals(3, liveDocs(index));
  }

  private static List<String> duplicateWarnings(IndexReport report) {
    return report.problems().stream().filter(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.DUPLICATE_ID)
        .map(p -> p.location()).toList();
  }

  @Test
  void aRebuildThatFindsNoInputFileFailsAndChangesNothingUnlessAllowed() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    for (int i = 0; i < 3; i++) {
      Files.writeString(src.resolve("story-" + i + ".txt"), "Headline " + i + "\n\nThe body of story " + i + ".\n");
    }
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    long generations = IndexBuilder.generations(index).size();

    Path emptied = Files.createDirectories(tmp.resolve("unmounted"));
    for (boolean full : new boolean[] {false, true}) {
      IndexStateException e = assertThrows(IndexStateException.class,
          () -> IndexBuilder.rebuild(List.of(emptied), options, full, BuildListener.NONE));
      assertTrue(e.getMessage().contains("no input files in " + emptied) && e.getMessage().contains("all 3 articles")
          && e.getMessage().contains("--allow-empty"), e.getMessage());
      assertEquals(3, liveDocs(index), "nothing deleted");
      assertEquals(generations, IndexBuilder.generations(index).size(), "nothing committed");
    }
    // index only adds: finding nothing is no reason to fail
    assertEquals(0, IndexBuilder.index(List.of(emptied), options, BuildListener.NONE).indexed());

    // a file that is there but holds nothing (a feed truncated to zero bytes): the same
    Path truncated = Files.createDirectories(tmp.resolve("truncated"));
    Files.writeString(truncated.resolve("feed.jsonl"), "");
    IndexStateException none = assertThrows(IndexStateException.class,
        () -> IndexBuilder.rebuild(List.of(truncated), options, false, BuildListener.NONE));
    assertTrue(none.getMessage().contains("found no article in its 1 input file in " + truncated), none.getMessage());
    assertEquals(3, liveDocs(index), "nothing deleted");
    assertEquals(generations, IndexBuilder.generations(index).size(), "nothing committed");

    IndexReport emptiedOnPurpose = IndexBuilder.rebuild(List.of(emptied), options, false, true, BuildListener.NONE);
    assertEquals(3, emptiedOnPurpose.deleted());
    assertEquals(0, liveDocs(index));
  }

  @Test
  void oneSourceOfSeveralThatFindsNoInputFileFailsTheRebuildUnlessAllowed() throws Exception {
    Path wire = Files.createDirectories(tmp.resolve("wire"));
    Path share = Files.createDirectories(tmp.resolve("share"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(wire.resolve("wire-" + i + ".txt"), "Wire headline " + i + "\n\nThe wire body " + i + ".\n");
    }
    Files.writeString(share.resolve("feed.jsonl"), article("s1", "First from the share.") + "\n"
        + article("s2", "Second from the share.") + "\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    assertEquals(5, IndexBuilder.rebuild(List.of(wire, share), options, false, BuildListener.NONE).added());
    long generations = IndexBuilder.generations(index).size();

    // the share is unmounted: its mount point is an empty folder
    Files.move(share.resolve("feed.jsonl"), tmp.resolve("feed.jsonl.away"));
    for (boolean full : new boolean[] {false, true}) {
      IndexStateException e = assertThrows(IndexStateException.class,
          () -> IndexBuilder.rebuild(List.of(wire, share), options, full, BuildListener.NONE));
      assertTrue(e.getMessage().contains("no input files in " + share + " (one of 2 sources), which held 2 of the 5"
          + " articles") && e.getMessage().contains("--allow-empty"), e.getMessage());
      assertEquals(5, liveDocs(index), "nothing deleted");
      assertEquals(generations, IndexBuilder.generations(index).size(), "nothing committed");
    }

    // one file gone from a source that still has others is an ordinary deletion
    Files.move(tmp.resolve("feed.jsonl.away"), share.resolve("feed.jsonl"));
    Files.delete(wire.resolve("wire-2.txt"));
    IndexReport oneGone = IndexBuilder.rebuild(List.of(wire, share), options, false, BuildListener.NONE);
    assertEquals(1, oneGone.deleted());

    // emptied on purpose
    Files.delete(share.resolve("feed.jsonl"));
    IndexReport allowed = IndexBuilder.rebuild(List.of(wire, share), options, false, true, BuildListener.NONE);
    assertEquals(2, allowed.deleted());
    assertEquals(2, liveDocs(index));
  }

  @Test
  void aDamagedFileKeepsTheArticlesItHeldAndTheRebuildSaysSo() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      feed.append(article("g" + i, "Body " + i + " about the harbour and the council, told at some length. ".repeat(8)))
          .append('\n');
    }
    Path gz = src.resolve("feed.jsonl.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(feed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Path emptied = src.resolve("emptied.jsonl");
    Files.writeString(emptied, article("e1", "one") + "\n" + article("e2", "two") + "\n");
    Path junk = src.resolve("junk.jsonl");
    Files.writeString(junk, article("j1", "three") + "\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    assertEquals(403, IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE).added());

    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 3)); // a copy cut short
    Files.writeString(emptied, "");                                    // emptied by a failed export
    byte[] noise = new byte[300];
    new java.util.Random(7).nextBytes(noise);
    Files.write(junk, noise);                                          // overwritten with binary junk
    List<String> log = new ArrayList<>();
    IndexReport damaged = IndexBuilder.rebuild(List.of(src), options, false, logInto(log));
    assertEquals(0, damaged.deleted(), "bad input deletes nothing");
    assertEquals(403, damaged.unchanged(), "the kept articles are unchanged ones: the report adds up to the index");
    assertEquals(403, liveDocs(index));
    assertTrue(damaged.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.TRUNCATED
        && p.location().endsWith("feed.jsonl.gz")), damaged.problems().toString());
    assertTrue(damaged.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.EMPTY_FILE
        && p.location().endsWith("emptied.jsonl")), damaged.problems().toString());
    assertTrue(damaged.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.BINARY_FILE
        && p.location().endsWith("junk.jsonl")), damaged.problems().toString());
    assertTrue(log.stream().anyMatch(l -> l.contains("emptied.jsonl could not be read whole; kept its 2 articles")), log.toString());

    // the next rebuild reads the damaged files again (they have no hash): once repaired, all is as before
    Files.write(gz, whole);
    Files.writeString(emptied, article("e1", "one") + "\n" + article("e2", "two") + "\n");
    Files.writeString(junk, article("j1", "three") + "\n");
    IndexReport repaired = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, repaired.deleted());
    assertEquals(0, repaired.problems().size(), repaired.problems().toString());
    assertEquals(403, liveDocs(index));

    // a file deleted on purpose still takes its articles with it
    Files.delete(junk);
    assertEquals(1, IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE).deleted());
  }

  @Test
  void aFullRebuildSaysWhatADamagedFileLosesAndRollbackBringsItBack() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path emptied = Files.writeString(src.resolve("emptied.jsonl"), article("e1", "one") + "\n" + article("e2", "two") + "\n");
    Files.writeString(src.resolve("kept.jsonl"), article("k1", "three") + "\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    Files.writeString(emptied, "");
    List<String> log = new ArrayList<>();
    IndexBuilder.rebuild(List.of(src), options, true, logInto(log));
    assertTrue(log.stream().anyMatch(l -> l.contains("emptied.jsonl could not be read whole; --full does not keep the 2"
        + " of its articles") && l.contains("newsdesk rollback")), log.toString());
    assertEquals(1, liveDocs(index));
    IndexBuilder.rollback(index);
    assertEquals(3, liveDocs(index));
  }

  @Test
  void theOnlySourceEmptiedKeepsItsArticlesAndIsNotRefused() throws Exception {
    Path feed = Files.writeString(tmp.resolve("feed.jsonl"), article("a", "One.") + "\n" + article("b", "Two.") + "\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(feed), options, false, BuildListener.NONE);
    Files.writeString(feed, "");
    IndexReport r = IndexBuilder.rebuild(List.of(feed), options, false, BuildListener.NONE);
    assertEquals(0, r.deleted());
    assertEquals(2, r.unchanged());
    assertEquals(2, liveDocs(index));
  }

  @Test
  void anUnreadableDirectoryKeepsItsArticlesAndAnUnreadableFileElsewhereDoesNotSilenceTheGuard() throws Exception {
    Path wire = Files.createDirectories(tmp.resolve("wire"));
    Path share = Files.createDirectories(tmp.resolve("share"));
    Path mount = Files.createDirectories(tmp.resolve("mount"));
    Files.writeString(wire.resolve("w.jsonl"), article("w1", "Wire.") + "\n");
    Files.writeString(mount.resolve("m.jsonl"), article("m1", "Mounted one.") + "\n" + article("m2", "Mounted two.") + "\n");
    Path archive = Files.createSymbolicLink(share.resolve("archive"), mount);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    assertEquals(3, IndexBuilder.rebuild(List.of(wire, share), options, false, BuildListener.NONE).added());

    // the mount goes away: the link to it is broken, and the articles below it are kept, not deleted
    Files.move(mount, tmp.resolve("mount.away"));
    IndexReport r = IndexBuilder.rebuild(List.of(wire, share), options, false, BuildListener.NONE);
    assertEquals(0, r.deleted(), r.problems().toString());
    assertEquals(3, liveDocs(index));

    // the share itself empty, and a stale link in the other source: the guard still refuses
    Files.delete(archive);
    Files.createSymbolicLink(wire.resolve("stale.jsonl"), tmp.resolve("nowhere.jsonl"));
    IndexStateException e = assertThrows(IndexStateException.class,
        () -> IndexBuilder.rebuild(List.of(wire, share), options, false, BuildListener.NONE));
    assertTrue(e.getMessage().contains("no input files in " + share), e.getMessage());
    assertEquals(3, liveDocs(index));
  }

  @Test
  void aFullRebuildDoesNotClaimTheArticlesOfAnUnreadableFile() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path target = Files.writeString(tmp.resolve("b-target.jsonl"), article("b1", "The harbour.") + "\n");
    Files.writeString(src.resolve("a.jsonl"), article("a1", "The harbour too.") + "\n");
    Files.createSymbolicLink(src.resolve("b.jsonl"), target);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    Files.move(target, tmp.resolve("b-away.jsonl"));
    IndexBuilder.rebuild(List.of(src), options, true, BuildListener.NONE); // --full: b1 is gone with deleteAll
    assertEquals(1, liveDocs(index));
    Files.move(tmp.resolve("b-away.jsonl"), target);
    IndexReport back = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(1, back.added(), "b1 is read again: the manifest did not claim it while it was gone");
    assertEquals(2, liveDocs(index));
  }

  @Test
  void oneBadRecordInsideAFileIsNotDamageToTheWholeFile() throws Exception {
    Path trec = Files.writeString(tmp.resolve("col.trec"), trecDocs(1, 2, 3, 4).replace("</DOC>\n<DOC>\n<DOCNO> X-3", "\n<DOC>\n<DOCNO> X-3"));
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexReport first = IndexBuilder.rebuild(List.of(trec), options, false, BuildListener.NONE);
    assertEquals(4, first.added(), first.problems().toString()); // X-2 is not closed before X-3 opens: read up to it
    assertTrue(first.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.BAD_RECORD
        && p.reason().contains("not closed")), first.problems().toString());
    // X-4 removed on purpose: deleted, as in any file read whole
    Files.writeString(trec, trecDocs(1, 2, 3).replace("</DOC>\n<DOC>\n<DOCNO> X-3", "\n<DOC>\n<DOCNO> X-3"));
    assertEquals(1, IndexBuilder.rebuild(List.of(trec), options, false, BuildListener.NONE).deleted());
  }

  private static String trecDocs(int... numbers) {
    StringBuilder b = new StringBuilder();
    for (int n : numbers) {
      b.append("<DOC>\n<DOCNO> X-").append(n).append(" </DOCNO>\n<TEXT>\nStory ").append(n)
          .append(" about the harbour.\n</TEXT>\n</DOC>\n");
    }
    return b.toString();
  }

  @Test
  void aJsonLinesFileCutInsideALineKeepsTheArticlesAfterTheCut() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    StringBuilder feed = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      feed.append(article("c" + i, "Story " + i + " about the harbour.")).append('\n');
    }
    Path file = Files.writeString(src.resolve("feed.jsonl"), feed);
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    String whole = feed.toString();
    Files.writeString(file, whole.substring(0, whole.indexOf("c4") + 10)); // cut in the middle of line 5
    IndexReport r = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, r.deleted(), r.problems().toString());
    assertTrue(r.problems().stream().anyMatch(p -> p.kind() == org.newsdesk.index.corpus.InputProblem.Kind.TRUNCATED
        && p.reason().startsWith("file ends inside line 5")), r.problems().toString());
    assertEquals(10, liveDocs(index));
  }

  @Test
  void aFileKnownOnlyByItsContentKeepsItsArticlesWhenEmptied() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path trec = Files.writeString(src.resolve("FR940104.0"), trecDocs(1, 2)); // a TREC file told by content
    Path feed = Files.writeString(src.resolve("feed.dat"), article("d1", "One.") + "\n");
    Files.writeString(src.resolve("keep.jsonl"), article("k1", "Kept.") + "\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    assertEquals(4, IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE).added());
    Files.writeString(trec, "");
    Files.writeString(feed, "");
    IndexReport r = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(0, r.deleted(), r.problems().toString());
    assertEquals(4, liveDocs(index));
  }

  @Test
  void aPageTakenDownIsADeletionNotDamage() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path story = Files.writeString(src.resolve("story.txt"), "A headline\n\nThe body of the story about the harbour.\n");
    Files.writeString(src.resolve("other.txt"), "Another headline\n\nAnother body about the council.\n");
    Path index = tmp.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    Files.writeString(story, "Page not found\n"); // read whole; the cleaner finds no article in it
    List<String> log = new ArrayList<>();
    IndexReport r = IndexBuilder.rebuild(List.of(src), options, false, logInto(log));
    assertEquals(1, r.deleted(), r.problems().toString());
    assertTrue(log.stream().noneMatch(l -> l.contains("could not be read whole")), log.toString());
    assertEquals(1, liveDocs(index));
  }

  @Test
  void anIdOrSourceTooLongToIndexSkipsItsLineNotTheRun() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path feed = Files.writeString(src.resolve("feed.jsonl"), String.join("\n",
        article("ok-1", "A good line."),
        "{\"id\":\"" + "x".repeat(40_000) + "\",\"body\":\"b\"}",
        "{\"id\":\"long-source\",\"body\":\"b\",\"source\":\"" + "z".repeat(40_000) + "\"}",
        article("ok-4", "Another good line.")) + "\n");
    Path index = tmp.resolve("index");
    IndexReport report = IndexBuilder.index(List.of(src), IndexOptions.defaults(index).withThreads(1), BuildListener.NONE);
    assertEquals(2, report.added());
    assertEquals(2, report.skippedTotal());
    List<String> problems = report.problems().stream().map(p -> p.location() + ": " + p.reason()).toList();
    assertTrue(problems.contains(feed + ":2: id is 40000 characters long; an id is at most 1000"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith(feed + ":3: source is 40000 characters long")),
        problems.toString());
    assertEquals(2, liveDocs(index));
  }

  @Test
  void anIndexInsideItsSourceFolderIsNotReadAsInput() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("feed.jsonl"), article("a", "One.") + "\n" + article("b", "Two.") + "\n");
    Path index = src.resolve("index");
    IndexOptions options = IndexOptions.defaults(index).withThreads(1);
    IndexReport first = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(2, first.added());
    IndexReport again = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(1, again.files(), "only feed.jsonl: " + again.problems());
    assertTrue(again.problems().stream().allMatch(p -> p.location().startsWith(src.resolve("feed.jsonl").toString())),
        again.problems().toString());
    assertEquals(-1, again.generation(), "nothing changed, nothing committed");
    // the same folder reached through a symbolic link: its index is still the index
    Path link = Files.createSymbolicLink(tmp.resolve("link"), src);
    IndexReport viaLink = IndexBuilder.rebuild(List.of(link), options, false, BuildListener.NONE);
    assertEquals(1, viaLink.files(), viaLink.problems().toString());
    assertTrue(viaLink.problems().stream().noneMatch(p -> p.location().contains("index")), viaLink.problems().toString());
  }

  @Test
  void hashesTakenWhileReadingNewFilesLetTouchedFilesGoUnread() throws Exception {
    // The sample corpus has every input format, gzip and WARC included: each new file's hash is taken from the
    // bytes its reader read, and must equal the hash a later rebuild takes of the file on its own.
    Path samples = Path.of(System.getProperty("newsdesk.repo", "."), "sample-corpus", "articles");
    Path src = tmp.resolve("src");
    List<Path> copied = new ArrayList<>();
    try (var walk = Files.walk(samples)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path target = src.resolve(samples.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
        age(target);
        copied.add(target);
      }
    }
    assertTrue(copied.size() >= 6, "sample corpus files: " + copied);
    IndexOptions options = IndexOptions.defaults(tmp.resolve("index")).withThreads(1);
    IndexReport first = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertTrue(first.added() > 0);

    for (Path f : copied) {
      Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }
    IndexReport second = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(first.files(), second.filesUnchanged(), "every touched file found unchanged by its hash");
    assertEquals(0, second.added() + second.updated() + second.deleted());
  }

  @Test
  void everyCommitLeavesTheGazetteerAndItsFoldedNamesMadeFromIt() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("a.jsonl"), article("a1", "Putin spoke.") + "\n");
    Path index = tmp.resolve("index");
    IndexBuilder.rebuild(List.of(src), IndexOptions.defaults(index).withThreads(1), false, BuildListener.NONE);
    Path json = index.resolve(NewsSchema.GAZETTEER_FILE);
    NameIndex names = NameIndex.read(index.resolve(NewsSchema.NAMES_FILE), Files.readAllBytes(json)).orElseThrow();
    assertEquals(NameIndex.of(Gazetteer.read(json)).entries(), names.entries());
  }

  @Test
  void indexRecordsOrphansThatTheNextRebuildDeletes() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Path f = src.resolve("feed.jsonl");
    Files.writeString(f, article("a", "alpha words") + "\n" + article("b", "beta words") + "\n");
    IndexOptions options = IndexOptions.defaults(tmp.resolve("index")).withThreads(2);
    assertEquals(2, IndexBuilder.index(List.of(src), options, BuildListener.NONE).added());
    Files.writeString(f, article("b", "beta words") + "\n" + article("c", "gamma words") + "\n");
    IndexReport add = IndexBuilder.index(List.of(src), options, BuildListener.NONE);
    assertEquals(1, add.added());
    assertEquals(1, add.unchanged());
    assertEquals(0, add.deleted());
    assertEquals(3, liveDocs(tmp.resolve("index")));
    IndexReport mirror = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    assertEquals(1, mirror.deleted());
    assertEquals(2, liveDocs(tmp.resolve("index")));
    assertFalse(mirror.mode().isEmpty());
  }

  @Test
  void unreadableFileKeepsItsArticles() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Path f = src.resolve("feed.jsonl");
    Files.writeString(f, article("a", "alpha words") + "\n");
    IndexOptions options = IndexOptions.defaults(tmp.resolve("index")).withThreads(1);
    IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
    Files.writeString(f, article("a", "alpha words changed") + "\n");
    assertTrue(f.toFile().setReadable(false));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(f), "running as root: files stay readable");
      IndexReport r = IndexBuilder.rebuild(List.of(src), options, false, BuildListener.NONE);
      assertEquals(0, r.deleted(), "a transient read error must not delete what the file held");
      assertEquals(1, r.skippedTotal());
      assertEquals(1, liveDocs(tmp.resolve("index")));
    } finally {
      f.toFile().setReadable(true);
    }
  }
}
