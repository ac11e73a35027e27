package org.newsdesk.index.clean;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where ../shared is, for tests that use its real data; they skip when it is absent. */
final class SharedData {
  private SharedData() {}

  /** A path under ../shared, or the test is skipped (with the reason) when it is not there. */
  static Path require(String relative) {
    Path shared = Path.of(System.getProperty("newsdesk.shared",
        Path.of(System.getProperty("newsdesk.repo", "."), "..", "shared").toString()));
    Path p = shared.resolve(relative).normalize();
    assumeTrue(Files.exists(p), "../shared data not present (" + p + "); skipping");
    return p;
  }
}
