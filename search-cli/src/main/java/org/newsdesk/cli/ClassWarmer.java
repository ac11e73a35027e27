package org.newsdesk.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Start-up: initializes, on the other core, the classes whose static set-up a searching command will need anyway,
 * while the main thread reads the command line. Two threads, because the two halves do not depend on each other:
 * one initializes Lucene's memory-mapped directory and the JVM options it reads through JMX; the other the JDK
 * parts that directory then needs (the {@code java.util.logging} manager, the method handles of its unmapping
 * support) and the sentence break rules the highlighter uses. Only class initialization and the JDK's own caches:
 * nothing is shared, and a class being initialized by two threads is simply waited for.
 *
 * <p>The classes are chosen so that none of their static initializers needs a class the main thread initializes
 * meanwhile (picocli's and the CLI's), so the threads cannot wait for each other. Lucene's codec classes are
 * left out on purpose: their service-loader initialization is not safe to run from two threads at once.
 */
final class ClassWarmer {
  /** Commands that open an index: the ones worth warming for (docs/cli.md, "Start-up"). */
  static final List<String> SEARCHING_COMMANDS = List.of("search", "show", "similar", "timeline", "stats");

  /**
   * Longest first, as the main thread reaches them: Lucene's constants read the JVM's options through JMX (about
   * 30 ms), the memory-mapped directory looks up its unmapping support (about 10 ms). The gazetteer's JSON parser
   * is not here: a searcher reads the build's folded names instead ({@code NameIndex}).
   */
  private static final List<String> CLASSES = List.of(
      "org.apache.lucene.store.MMapDirectory",
      "org.apache.lucene.util.RamUsageEstimator");

  private ClassWarmer() {}

  /** Starts the warming threads when {@code args} run a searching command; returns at once. */
  static void startFor(String[] args) {
    if (args.length == 0 || !SEARCHING_COMMANDS.contains(args[0])) {
      return;
    }
    start(ClassWarmer::initializeLucene, "newsdesk-class-warmer");
    start(ClassWarmer::initializeJdk, "newsdesk-jdk-warmer");
  }

  private static void start(Runnable warm, String name) {
    Thread t = new Thread(warm, name);
    t.setDaemon(true);
    t.start();
  }

  private static void initializeLucene() {
    ClassLoader loader = ClassWarmer.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Not fatal here: the command itself loads the class and reports the failure where it happens.
        return;
      }
    }
  }

  /**
   * What {@code MMapDirectory}'s own set-up spends its time on after Lucene's constants, done meanwhile: the
   * logging manager (its first logger reads the JDK's logging configuration) and the method handle it unmaps
   * buffers with (the first look-up and binding spin lambda forms, which a JDK 17 archive does not hold). Then the
   * highlighter's sentence breaker, whose rule data the JDK loads and caches on first use.
   */
  private static void initializeJdk() {
    Logger.getLogger("org.apache.lucene.store.MMapDirectory");
    try {
      Class<?> unsafe = Class.forName("sun.misc.Unsafe");
      MethodHandle cleaner = MethodHandles.lookup().findVirtual(unsafe, "invokeCleaner",
          MethodType.methodType(void.class, ByteBuffer.class));
      Field field = unsafe.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      cleaner.bindTo(field.get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Only a warm-up: Lucene looks these up itself and decides what to do without them.
    }
    BreakIterator.getSentenceInstance(Locale.ROOT);
  }
}
