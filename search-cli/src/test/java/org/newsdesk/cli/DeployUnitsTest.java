package org.newsdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units in {@code deploy/} pass {@code systemd-analyze verify} (skipped where systemd-analyze is not
 * installed), and the crontab example runs the rebuild. verify exits 0 even on unknown keys, so any message about
 * our units counts as a failure.
 */
class DeployUnitsTest {
  private static final List<String> UNITS = List.of("newsdesk-rebuild.service", "newsdesk-rebuild.timer", "newsdesk-rebuild-failed@.service");

  @TempDir Path tmp;

  private static Path deploy() {
    return Path.of(System.getProperty("newsdesk.repo", "."), "deploy");
  }

  @Test
  void unitFilesPassSystemdAnalyzeVerify() throws Exception {
    Assumptions.assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed; skipping unit verification");
    Path repo = deploy().getParent().toAbsolutePath().normalize();
    for (String unit : UNITS) {
      // verify checks that ExecStart= exists: point it at this checkout's launcher instead of /opt/newsdesk.
      String text = Files.readString(deploy().resolve(unit)).replace("/opt/newsdesk/newsdesk", repo.resolve("newsdesk").toString());
      Files.writeString(tmp.resolve(unit), text);
    }
    List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify"));
    UNITS.forEach(u -> cmd.add(tmp.resolve(u).toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify hung");
    assertEquals(0, p.exitValue(), output);
    List<String> ours = output.lines().filter(l -> l.contains("newsdesk")).toList();
    assertTrue(ours.isEmpty(), "systemd-analyze verify complains: " + ours);
  }

  @Test
  void serviceRunsRebuildTreatsExitOneAsSuccessAndHasAFailureHook() throws IOException {
    String service = Files.readString(deploy().resolve("newsdesk-rebuild.service"));
    assertTrue(service.contains("ExecStart=/opt/newsdesk/newsdesk rebuild "), service);
    assertTrue(service.contains("SuccessExitStatus=1"), service);
    assertTrue(service.contains("OnFailure=newsdesk-rebuild-failed@%n.service"), service);
    assertTrue(Files.exists(deploy().resolve("newsdesk-rebuild-failed@.service")));
    String timer = Files.readString(deploy().resolve("newsdesk-rebuild.timer"));
    assertTrue(timer.contains("Unit=newsdesk-rebuild.service") && timer.contains("OnCalendar="), timer);
  }

  @Test
  void crontabExampleHasOneScheduledRebuild() throws IOException {
    List<String> jobs = Files.readAllLines(deploy().resolve("crontab.example")).stream()
        .filter(l -> l.matches("^[0-9*/,-]+\\s+[0-9*/,-]+\\s+[0-9*/,-]+\\s+[0-9*/,-]+\\s+[0-9*/,-]+\\s+.*"))
        .toList();
    assertEquals(1, jobs.size(), "one job line: " + jobs);
    assertTrue(jobs.get(0).contains("newsdesk rebuild "), jobs.get(0));
    assertTrue(!jobs.get(0).contains("%"), "a % in a crontab line would be turned into a newline");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
