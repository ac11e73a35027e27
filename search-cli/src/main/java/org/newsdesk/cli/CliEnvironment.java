package org.newsdesk.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the CLI knows about where it runs: the environment variables it honours and whether stdout is a terminal.
 * {@link #detect()} reads the real process; tests build their own so that colour and width are deterministic.
 *
 * @param env environment variables ({@code NO_COLOR}, {@code COLUMNS}, {@code NEWSDESK_INDEX}, …)
 * @param stdoutIsTerminal whether stdout is an interactive terminal
 * @param stderrIsTerminal whether stderr is an interactive terminal (progress bars go there)
 */
public record CliEnvironment(Map<String, String> env, boolean stdoutIsTerminal, boolean stderrIsTerminal) {
  /** Width used when nothing better is known, as most terminals open. */
  public static final int DEFAULT_WIDTH = 80;
  /** Snippets wider than this are hard to read even on a wide terminal. */
  public static final int MAX_WIDTH = 160;

  public CliEnvironment {
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /**
   * The running process. The launcher passes {@code -Dnewsdesk.stdout.tty=true|false} (from {@code [ -t 1 ]}),
   * which is exact; without it, {@code System.console() != null} stands in (true only when stdin and stdout are both
   * terminals).
   */
  public static CliEnvironment detect() {
    String stdout = System.getProperty("newsdesk.stdout.tty");
    String stderr = System.getProperty("newsdesk.stderr.tty");
    // Asked only when needed: System.console() loads classes the start-up archive does not hold.
    boolean console = (stdout == null || stderr == null) && System.console() != null;
    return new CliEnvironment(System.getenv(), flag(stdout, console), flag(stderr, console));
  }

  /** A fixed environment for tests: not a terminal, no variables beyond the given ones. */
  public static CliEnvironment of(Map<String, String> env, boolean terminal) {
    return new CliEnvironment(env, terminal, terminal);
  }

  private static boolean flag(String value, boolean fallback) {
    return value == null ? fallback : Boolean.parseBoolean(value);
  }

  /** An environment variable, or null when unset or empty. */
  public String get(String name) {
    String v = env.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /**
   * Whether to colour stdout: {@code --color always|never} wins; with {@code auto}, colour when stdout is a
   * terminal and {@code NO_COLOR} is not set (https://no-color.org) and {@code TERM} is not {@code dumb}.
   */
  public boolean useColor(ColorMode mode) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> stdoutIsTerminal && get("NO_COLOR") == null && !"dumb".equals(get("TERM"));
    };
  }

  /**
   * The width to fit output to: {@code COLUMNS} when set (the launcher exports it), else the terminal's size from
   * {@code stty} when stdout is a terminal, else {@value #DEFAULT_WIDTH}; capped at {@value #MAX_WIDTH}.
   */
  public int width() {
    Integer columns = positiveInt(get("COLUMNS"));
    if (columns == null && stdoutIsTerminal) {
      columns = sttyColumns();
    }
    int w = columns == null ? DEFAULT_WIDTH : columns;
    return Math.max(20, Math.min(MAX_WIDTH, w));
  }

  private static Integer positiveInt(String s) {
    if (s == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(s.strip());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Asks {@code stty size} about the controlling terminal; null when that fails (no tty, no stty). */
  private static Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return null;
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      String[] parts = out.split("\\s+");
      return parts.length == 2 ? positiveInt(parts[1]) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
