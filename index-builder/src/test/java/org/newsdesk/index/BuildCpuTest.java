package org.newsdesk.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build's CPU time by stage ({@link BuildCpu}), on the sample corpus (every input format, HTML and WARC included). */
class BuildCpuTest {
  @TempDir Path tmp;

  @Test
  void stagesAddUpWithinTheProcessAndStopWhenNothingChanged() throws Exception {
    assumeTrue(CpuClock.SUPPORTED, "this JVM has no per-thread CPU clock");
    Path samples = Path.of(System.getProperty("newsdesk.repo", "."), "sample-corpus", "articles");
    assertTrue(Files.isDirectory(samples), "the sample corpus: " + samples);
    IndexOptions options = IndexOptions.defaults(tmp.resolve("index")).withThreads(2);

    IndexReport first = IndexBuilder.rebuild(List.of(samples), options, false, BuildListener.NONE);
    BuildCpu cpu = first.cpu();
    assertTrue(first.added() > 0);
    assertTrue(cpu.measured());
    for (Duration stage : List.of(cpu.read(), cpu.clean(), cpu.index(), cpu.commit())) {
      assertTrue(!stage.isZero() && !stage.isNegative(), "every stage of a new index did work: " + cpu);
    }
    assertFalse(cpu.tag().isNegative(), cpu.toString());
    Duration stages = cpu.read().plus(cpu.workers()).plus(cpu.commit());
    if (!cpu.process().isZero()) { // the process clock counts in ticks of 10 ms on Linux
      assertTrue(cpu.process().plusMillis(20).compareTo(stages) >= 0, "the stages are parts of the process's CPU: " + cpu);
    }
    double share = cpu.cleanShareOfWorkers();
    assertTrue(share > 0 && share < 1, "cleaning is part of the workers' CPU: " + share);

    IndexReport second = IndexBuilder.rebuild(List.of(samples), options, false, BuildListener.NONE);
    assertEquals(0, second.added() + second.updated());
    assertEquals(Duration.ZERO, second.cpu().clean().plus(second.cpu().tag()), "nothing cleaned or tagged: " + second.cpu());
  }
}
