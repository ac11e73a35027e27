package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.index.corpus.InputProblem;

class SourceManifestTest {
  @TempDir Path tmp;

  private static SourceManifest sample() {
    SourceManifest.FileEntry odd = new SourceManifest.FileEntry("/data/we\tird\nname\\x.jsonl", "jsonl", 120, 1_000, "abc",
        List.of(new SourceManifest.ArticleRef("id\t1", "h1"), new SourceManifest.ArticleRef("id-2", "h2")),
        List.of(new InputProblem("/data/x.jsonl:3", InputProblem.Kind.BAD_JSON, "invalid JSON\tat column 2", true)));
    SourceManifest.FileEntry plain = new SourceManifest.FileEntry("/data/a.txt", "raw", 5, 2_000, null, List.of(), List.of());
    SourceManifest.FileEntry shared = new SourceManifest.FileEntry("/data/sport/001.txt", "raw", 7, 3_000, "def",
        List.of(new SourceManifest.ArticleRef("sport-001", "h3")), List.of(), "sport/001.txt");
    return new SourceManifest(Map.of(odd.path(), odd, plain.path(), plain, shared.path(), shared), Set.of("orphan-1"), 9_000);
  }

  private static String render(SourceManifest m) throws IOException {
    StringWriter w = new StringWriter();
    m.write(w);
    return w.toString();
  }

  @Test
  void roundTripsEscapedFieldsProblemsAndOrphans() throws IOException {
    SourceManifest m = sample();
    SourceManifest back = SourceManifest.read(new BufferedReader(new StringReader(render(m))), "m");
    assertEquals(m, back);
    assertEquals(Set.of("id\t1", "id-2", "sport-001", "orphan-1"), back.allIds());
    assertEquals(3, back.articleCount());
    assertEquals("sport/001.txt", back.files().get("/data/sport/001.txt").idName(), "a shared name's id name is kept");
    assertEquals(null, back.files().get("/data/a.txt").idName());
  }

  @Test
  void truncatedOrMalformedManifestIsRefusedWithItsLine() throws IOException {
    String text = render(sample());
    String truncated = text.substring(0, text.indexOf("END"));
    IOException e = assertThrows(IOException.class, () -> SourceManifest.read(new BufferedReader(new StringReader(truncated)), "m"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    String bad = text.replace("\nA\tid-2\th2\n", "\nA\tid-2\n");
    IOException e2 = assertThrows(IOException.class, () -> SourceManifest.read(new BufferedReader(new StringReader(bad)), "m"));
    assertTrue(e2.getMessage().matches("m:\\d+: expected 3 fields, got 2"), e2.getMessage());
  }

  @Test
  void statIsTrustedOnlyOutsideTheRacyWindowAndWithAHash() {
    SourceManifest m = sample();
    SourceManifest.FileEntry odd = m.files().get("/data/we\tird\nname\\x.jsonl");
    assertTrue(m.statUnchanged(odd, 120, 1_000, "jsonl"));
    assertFalse(m.statUnchanged(odd, 121, 1_000, "jsonl"), "size differs");
    assertFalse(m.statUnchanged(odd, 120, 1_001, "jsonl"), "mtime differs");
    assertFalse(m.statUnchanged(odd, 120, 1_000, "html"), "read as another format");
    SourceManifest.FileEntry recent = odd.withStat(120, 8_000);
    assertFalse(m.statUnchanged(recent, 120, 8_000, "jsonl"), "modified within 2 s of the manifest: hash it");
    SourceManifest.FileEntry plain = m.files().get("/data/a.txt");
    assertFalse(m.statUnchanged(plain, 5, 2_000, "raw"), "no hash recorded (a read error): read it again");
  }

  @Test
  void storeWritesAtomicallyVerifiesTheHashAndDeletesUnreferencedFiles() throws IOException {
    ManifestStore.Stored a = ManifestStore.write(tmp, sample());
    ManifestStore.Stored b = ManifestStore.write(tmp, SourceManifest.empty());
    assertEquals(sample(), ManifestStore.read(tmp, a));
    Files.writeString(tmp.resolve(a.fileName() + ".tmp"), "left by a crash");
    Files.writeString(tmp.resolve(a.fileName()), Files.readString(tmp.resolve(a.fileName())).replace("h1", "h9"));
    IOException e = assertThrows(IOException.class, () -> ManifestStore.read(tmp, a));
    assertTrue(e.getMessage().contains("does not match the hash"), e.getMessage());
    assertEquals(2, ManifestStore.deleteUnreferenced(tmp, Set.of(b.fileName())));
    assertTrue(Files.exists(tmp.resolve(b.fileName())));
    assertFalse(Files.exists(tmp.resolve(a.fileName())));
  }
}
