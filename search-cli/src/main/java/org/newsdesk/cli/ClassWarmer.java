package org.newsdesk.cli;

import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;

/**
 * Start-up: initializes, on a second core, the classes whose static set-up a searching command will need anyway
 * (Lucene's memory-mapped directory and the JVM options it reads; the JDK's sentence break rules the highlighter
 * uses), while the main thread reads the command line. Only class
 * initialization: nothing is shared, and a class being initialized by both threads is simply waited for.
 *
 * <p>The classes are chosen so that none of their static initializers needs a class the main thread initializes
 * meanwhile (picocli's and the CLI's), so the two threads cannot wait for each other. Lucene's codec classes are
 * left out on purpose: their service-loader initialization is not safe to run from two threads at once.
 */
final class ClassWarmer {
  /** Commands that open an index: the ones worth warming for (docs/cli.md, "Start-up"). */
  static final List<String> SEARCHING_COMMANDS = List.of("search", "show", "timeline", "stats");

  /**
   * Longest first, as the main thread reaches them: Lucene's constants read the JVM's options through JMX (about
   * 30 ms), the memory-mapped directory looks up its unmapping support (about 10 ms). The gazetteer's JSON parser
   * is not here: a searcher reads the build's folded names instead ({@code NameIndex}).
   */
  private static final List<String> CLASSES = List.of(
      "org.apache.lucene.store.MMapDirectory",
      "org.apache.lucene.util.RamUsageEstimator");

  private ClassWarmer() {}

  /** Starts the warming thread when {@code args} run a searching command; returns at once. */
  static void startFor(String[] args) {
    if (args.length == 0 || !SEARCHING_COMMANDS.contains(args[0])) {
      return;
    }
    Thread t = new Thread(ClassWarmer::initialize, "newsdesk-class-warmer");
    t.setDaemon(true);
    t.start();
  }

  private static void initialize() {
    ClassLoader loader = ClassWarmer.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Not fatal here: the command itself loads the class and reports the failure where it happens.
        return;
      }
    }
    // The highlighter's sentence breaker: the JDK loads and caches its rule data on first use.
    BreakIterator.getSentenceInstance(Locale.ROOT);
  }
}
