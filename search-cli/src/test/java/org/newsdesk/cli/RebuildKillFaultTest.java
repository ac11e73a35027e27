package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at random points, over many iterations: a real {@code newsdesk rebuild} child process (incremental or
 * {@code --full}, at random) is killed either at a random named crash point or after a random delay, while the
 * sources flip between two versions. After every kill the index must hold exactly the previous generation or, if
 * the kill came after the commit, exactly the new one (same count, same hits for the same exact searches),
 * CheckIndex must find it clean, and at the end a plain rebuild must complete and equal a fresh build.
 *
 * <p>{@code -Dnewsdesk.robust.killIterations=N} sets the number of kills (default 3, kept small for the default test
 * run); {@code -Dnewsdesk.robust.killSeed=S} replays a run (the seed is printed).
 */
class RebuildKillFaultTest {
  private static final int ITERATIONS = Integer.getInteger("newsdesk.robust.killIterations", 3);
  private static final List<String> POINTS = List.of("scanned", "mid-batch", "manifest-written", "during-commit", "committed");

  @TempDir Path tmp;

  @Test
  void killedAtRandomPointsTheIndexIsAlwaysAWholeGeneration() throws Exception {
    long seed = Long.getLong("newsdesk.robust.killSeed", System.nanoTime());
    Random random = new Random(seed);
    Path src = tmp.resolve("src");
    Path index = tmp.resolve("index");
    setVersion(src, 0);
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    List<String> previous = RebuildFixture.contents(index);
    List<String>[] fresh = freshContents(previous);

    int version = 0;
    int atPoints = 0;
    int afterDelay = 0;
    int committedBeforeKill = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      version = 1 - version;
      setVersion(src, version);
      // After a kill before the commit the index may already hold the version now written back: an incremental
      // rebuild would then find nothing to do and exit before any named point, so that rebuild is a full one.
      boolean full = random.nextBoolean() || previous.equals(fresh[version]);
      String[] args = full
          ? new String[] {"rebuild", src.toString(), "--index", index.toString(), "--ram-mb", "1", "--threads", "2", "--full"}
          : new String[] {"rebuild", src.toString(), "--index", index.toString(), "--ram-mb", "1", "--threads", "2"};
      String how;
      if (random.nextBoolean()) {
        String point = POINTS.get(random.nextInt(POINTS.size()));
        RebuildFixture.Child child = RebuildFixture.Child.start(point, 600_000, args);
        child.awaitPoint(point);
        child.kill();
        how = "at " + point;
        atPoints++;
      } else {
        long delay = 300 + random.nextInt(4_000);
        RebuildFixture.Child child = RebuildFixture.Child.start(null, 0, args);
        Thread.sleep(delay);
        boolean alive = child.process.isAlive();
        child.kill();
        how = "after " + delay + " ms" + (alive ? "" : " (it had already finished)");
        afterDelay++;
      }
      List<String> now = RebuildFixture.contents(index);
      boolean old = now.equals(previous);
      boolean complete = now.equals(fresh[version]);
      assertTrue(old || complete, "kill " + (i + 1) + " " + how + " (seed " + seed + "): the index is neither the previous"
          + " generation nor the complete new one: " + now.get(0));
      committedBeforeKill += complete && !old ? 1 : 0;
      RebuildFixture.Result check = RebuildFixture.run("check", "--index", index.toString());
      assertEquals(0, check.code(), "check after kill " + how + ": " + check.err());
      previous = now;
    }

    RebuildFixture.Result last = RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q");
    assertEquals(0, last.code(), last.err());
    assertEquals(fresh[version], RebuildFixture.contents(index), "the next rebuild completes with no manual cleanup");
    System.out.printf(Locale.ROOT, "SIGKILL: %d kills (%d at named points, %d after random delays, %d after the commit),"
        + " seed %d; 0 articles lost%n", ITERATIONS, atPoints, afterDelay, committedBeforeKill, seed);
  }

  /** The contents of a from-scratch build of each version of the sources (version 0's is given). */
  @SuppressWarnings("unchecked")
  private List<String>[] freshContents(List<String> version0) throws Exception {
    Path src = tmp.resolve("fresh-src");
    setVersion(src, 1);
    Path index = tmp.resolve("fresh-index");
    assertEquals(0, RebuildFixture.run("rebuild", src.toString(), "--index", index.toString(), "-q").code());
    return new List[] {version0, RebuildFixture.contents(index)};
  }

  /** Makes {@code src} hold version 0 or version 1 of the test sources. */
  private static void setVersion(Path src, int version) throws Exception {
    if (Files.isDirectory(src)) {
      try (Stream<Path> files = Files.list(src)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
    }
    RebuildCrashTest.RebuildRunner.writeVersion1(src);
    if (version == 1) {
      RebuildCrashTest.RebuildRunner.applyVersion2(src);
    }
  }
}
