package org.newsdesk.bench.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine was while a benchmark ran: the load average, and the share of CPU time the hypervisor gave
 * to other guests ("steal", from {@code /proc/stat}). On a shared virtual machine steal is what a load average does
 * not show: a run with several percent of steal measured a slower machine, however quiet it looked from inside.
 * Read {@link #now()} before the runs and print {@link #since} after them. Linux only; elsewhere the figures are
 * "unknown".
 *
 * @param loadAverage the first three fields of {@code /proc/loadavg}, or "unknown"
 * @param stealTicks the aggregate CPU line's steal ticks, or -1
 * @param totalTicks the aggregate CPU line's ticks summed, or -1
 */
public record MachineLoad(String loadAverage, long stealTicks, long totalTicks) {
  /** The machine now. */
  public static MachineLoad now() {
    String load = "unknown";
    long steal = -1;
    long total = -1;
    try {
      String[] l = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      load = l.length >= 3 ? l[0] + " " + l[1] + " " + l[2] : load;
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("cpu ")) {
          String[] f = line.trim().split("\\s+");
          total = 0;
          for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
          }
          // user nice system idle iowait irq softirq steal ...
          steal = f.length > 8 ? Long.parseLong(f[8]) : -1;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unexpected format: the figures stay unknown.
    }
    return new MachineLoad(load, steal, total);
  }

  /** One line for a report: the load average then and now, and the share of CPU time stolen in between. */
  public String since(MachineLoad before) {
    MachineLoad after = now();
    String stolen = "unknown";
    if (before.stealTicks >= 0 && after.stealTicks >= 0 && after.totalTicks > before.totalTicks) {
      stolen = String.format(Locale.ROOT, "%.1f%%", 100.0 * (after.stealTicks - before.stealTicks)
          / (after.totalTicks - before.totalTicks));
    }
    return "load average " + before.loadAverage + " before, " + after.loadAverage + " after; CPU time stolen by the"
        + " host (other virtual machines) during the runs: " + stolen;
  }
}
