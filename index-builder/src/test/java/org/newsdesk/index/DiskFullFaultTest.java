package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.schema.ArticleDocuments;
import org.newsdesk.schema.NewsField;

/**
 * The disk fills up in the middle of a rebuild ({@link DiskFullDirectory} refuses writes after N bytes, for several
 * N spread over what the rebuild writes outside segment merges): the rebuild fails with the disk's own message, the
 * previous generation stays exactly as it was (every article, its content hash, exact-term searches), CheckIndex
 * finds it clean, and the next rebuild, with space again, succeeds and equals an unhindered one.
 *
 * <p>{@code -Dnewsdesk.robust.diskFullPoints=N} sets how many fill points are tried (default 3).
 */
class DiskFullFaultTest {
  private static final int POINTS = Integer.getInteger("newsdesk.robust.diskFullPoints", 3);
  private static final List<String> WORDS = List.of("harbour", "council", "zebrafinch", "ferry", "budget", "glacier");

  @TempDir Path tmp;

  @Test
  void diskFullMidRebuildKeepsThePreviousIndexAndTheNextRebuildSucceeds() throws Exception {
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    writeFile(src.resolve("feed-0.jsonl"), "a", 0, 60);
    writeFile(src.resolve("feed-1.jsonl"), "b", 0, 60);
    IndexOptions options = IndexOptions.defaults(index).withThreads(2).withRamBufferMb(1);
    IndexReport first = IndexBuilder.rebuild(List.of(src), options, false, new BuildListener() {});
    assertEquals(120, first.added());
    List<String> before = snapshot(index);

    // The night's change: feed-1 rewritten, feed-2 new.
    writeFile(src.resolve("feed-1.jsonl"), "b", 1, 80);
    writeFile(src.resolve("feed-2.jsonl"), "c", 2, 90);

    // How much an unhindered rebuild writes, and what it leaves, measured on a copy.
    Path copy = copyOf(index, tmp.resolve("measure"));
    DiskFullDirectory[] meter = new DiskFullDirectory[1];
    run(src, options.withRamBufferMb(1).withThreads(2), copy, d -> meter[0] = new DiskFullDirectory(d, Long.MAX_VALUE));
    long total = meter[0].written();
    // The fill points are spread over what the rebuild writes outside merges, which every run writes: a merge that
    // ran in the measuring run may not run in the next (segment cuts depend on the two threads' timing), and a
    // point set past what a run writes would let it finish without the disk ever filling.
    long certain = meter[0].writtenOutsideMerges();
    List<String> expected = snapshot(copy);
    assertNotEquals(before, expected);
    assertTrue(total > 10_000, "a rebuild writes something: " + total);

    int faults = 0;
    for (int k = 1; k <= POINTS; k++) {
      long budget = certain * k / (POINTS + 1);
      DiskFullDirectory[] full = new DiskFullDirectory[1];
      Exception e = assertThrows(Exception.class,
          () -> run(src, options, index, d -> full[0] = new DiskFullDirectory(d, budget)),
          "the rebuild must fail when the disk fills after " + budget + " of " + total + " bytes");
      assertTrue(full[0].refusals() > 0, "the disk really filled up at " + budget);
      faults++;
      assertTrue(String.valueOf(e.getMessage()).contains(DiskFullDirectory.MESSAGE),
          "the error names the cause in its message (what the CLI prints): " + e);
      assertEquals(before, snapshot(index), "after the disk filled at " + budget + " bytes the previous index is intact");
      IndexHealth health = IndexBuilder.check(index);
      assertTrue(health.clean() && health.corruption().isEmpty(), "clean after disk full at " + budget + ": " + health.corruption());
    }
    System.out.printf(Locale.ROOT, "disk full: %d faults injected over a %d-byte rebuild; 0 articles lost%n", faults, total);

    // Space again: the next rebuild completes and leaves what an unhindered one does.
    IndexReport next = IndexBuilder.rebuild(List.of(src), options, false, new BuildListener() {});
    assertTrue(next.committed());
    assertEquals(expected, snapshot(index));
    try (Stream<Path> files = Files.list(index)) {
      long manifests = files.filter(f -> f.getFileName().toString().startsWith("newsdesk-manifest-")).count();
      assertTrue(manifests <= options.keep(), "manifests of failed runs are cleaned up: " + manifests);
    }
  }

  private static IndexReport run(Path src, IndexOptions options, Path index,
      java.util.function.UnaryOperator<Directory> wrap) throws IOException {
    IndexOptions o = new IndexOptions(index, options.gazetteer(), options.format(), options.threads(), options.ramBufferMb(), options.keep());
    return new BuildRun(List.of(src), o, BuildRun.Mode.MIRROR, new BuildListener() {}, IndexBuilder.pipeline(o), wrap).run();
  }

  /** Every live article as {@code id=contentHash}, sorted, plus the hit count of each exact body term. */
  static List<String> snapshot(Path index) throws IOException {
    List<String> out = new ArrayList<>();
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      out.add("numDocs=" + reader.numDocs());
      List<String> docs = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            var doc = stored.document(d, Set.of(NewsField.ID.fieldName(), NewsField.CONTENT_HASH.fieldName()));
            docs.add(doc.get(NewsField.ID.fieldName()) + "=" + doc.get(NewsField.CONTENT_HASH.fieldName()));
          }
        }
      }
      docs.sort(null);
      out.addAll(docs);
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String w : WORDS) {
        out.add(w + ":" + searcher.count(new TermQuery(new org.apache.lucene.index.Term(NewsField.BODY.fieldName(), w))));
      }
      for (String id : List.of("a-0", "b-5", "c-7")) {
        out.add(id + ":" + searcher.count(new TermQuery(ArticleDocuments.idTerm(id))));
      }
    }
    return out;
  }

  private static void writeFile(Path file, String prefix, int version, int n) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        body.append(WORDS.get((i * 7 + w * (version + 3)) % WORDS.size())).append(' ');
      }
      body.append("item ").append(prefix).append(i).append(" version ").append(version).append('.');
      b.append("{\"id\":\"").append(prefix).append('-').append(i).append("\",\"title\":\"Report ").append(prefix).append(i)
          .append("\",\"published\":\"2021-03-0").append(1 + i % 9).append("\",\"body\":\"").append(body).append("\"}\n");
    }
    Files.writeString(file, b.toString());
  }

  private static Path copyOf(Path index, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(index)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }
}
