package org.newsdesk.index;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The CPU clocks a build's stage times are read from ({@link BuildCpu}). A thread's clock is one system call
 * (well under a microsecond); a build reads it three times per article, which costs a thousandth of the cheapest
 * article's indexing. Lucene's {@code Constants} has loaded {@code java.management} already by the time a build
 * opens its writer.
 */
final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Whether {@link #thread()} reads a clock; without it every stage stays zero and the report says so. */
  static final boolean SUPPORTED = supported();

  private CpuClock() {}

  private static boolean supported() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** The current thread's CPU time in nanoseconds (0 when not {@link #SUPPORTED}); only differences mean anything. */
  static long thread() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** The whole process's CPU time in nanoseconds, or -1 when the JVM does not report it. */
  static long process() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
