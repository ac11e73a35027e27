package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One builder at a time: a second one fails fast with a clear message, and a killed one leaves no blocking lock. */
class BuilderLockTest {
  @TempDir Path tmp;

  @Test
  void secondBuilderFailsFastAndAKilledBuilderDoesNotBlockTheNext() throws Exception {
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    RebuildCrashTest.RebuildRunner.writeVersion1(src);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    RebuildCrashTest.RebuildRunner.applyVersion2(src);

    RebuildFixture.Child running = RebuildFixture.Child.start("mid-batch", 600_000, "rebuild", src.toString(), "--index", index.toString());
    running.awaitPoint("mid-batch");
    for (String[] args : new String[][] {
        {"rebuild", src.toString(), "--index", index.toString()},
        {"index", src.toString(), "--index", index.toString()},
        {"rollback", "--index", index.toString()},
        {"check", "--index", index.toString()}}) {
      long start = System.nanoTime();
      RebuildFixture.Result r = RebuildFixture.run(args);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(2, r.code(), args[0] + " while a rebuild runs: " + r.err());
      assertTrue(r.err().contains("is locked by"), args[0] + " says why: " + r.err());
      assertTrue(millis < 10_000, args[0] + " failed fast, took " + millis + " ms");
    }
    running.kill();

    assertTrue(Files.exists(index.resolve("write.lock")), "the killed builder's lock file is still there");
    RebuildFixture.Result next = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q");
    assertEquals(0, next.code(), "the next rebuild is not blocked: " + next.err());
  }
}
