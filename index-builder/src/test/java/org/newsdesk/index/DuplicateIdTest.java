package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/** Two inputs with one id in a run: the one read later is kept, however many workers race to write them. */
class DuplicateIdTest {
  @TempDir Path tmp;

  @Test
  void theInputReadLaterIsKeptWhicheverWorkerFinishesFirst() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    // a.jsonl is read first, and its copy of "dup" is long, so the worker cleaning it finishes after the one that
    // takes b.jsonl's short copy: the order the writes arrive in is the reverse of the reading order.
    String longBody = "The council met again to discuss the harbour, the budget and the new breakwater. ".repeat(20_000);
    Files.writeString(src.resolve("a.jsonl"), json("dup", "EARLIER " + longBody) + "\n");
    StringBuilder b = new StringBuilder(json("dup", "LATER copy of the story about the harbour.")).append('\n');
    for (int i = 0; i < 50; i++) {
      b.append(json("filler-" + i, "Filler story " + i + " about the weather on the coast.")).append('\n');
    }
    Files.writeString(src.resolve("b.jsonl"), b);

    for (int round = 0; round < 3; round++) {
      Path index = tmp.resolve("index-" + round);
      IndexReport report = IndexBuilder.index(List.of(src), IndexOptions.defaults(index).withThreads(4), BuildListener.NONE);
      assertEquals(51, report.added());
      assertEquals(0, report.updated(), "a duplicate in one run is neither one more article nor an update");
      assertTrue(storedBody(index, "dup").startsWith("LATER"), "round " + round + ": the earlier input won");
      List<InputProblem> duplicates = report.problems().stream()
          .filter(p -> p.kind() == InputProblem.Kind.DUPLICATE_ID).toList();
      assertEquals(1, duplicates.size(), duplicates.toString());
      String message = duplicates.get(0).reason();
      assertTrue(message.contains("this one, read later, replaces it") || message.contains("which replaces this one"),
          message);
    }
  }

  private static String json(String id, String body) {
    return "{\"id\":\"" + id + "\",\"title\":\"Harbour " + id + "\",\"body\":\"" + body + "\"}";
  }

  private static String storedBody(Path index, String id) throws Exception {
    try (var dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(ArticleDocuments.idTerm(id)), 2);
      assertEquals(1, top.totalHits.value, "one live document for id " + id);
      return searcher.storedFields().document(top.scoreDocs[0].doc).get(NewsField.BODY.fieldName());
    }
  }
}
