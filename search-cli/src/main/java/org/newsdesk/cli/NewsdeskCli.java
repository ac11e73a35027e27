package org.newsdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.newsdesk.model.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code newsdesk} command: search and build a news archive index.
 *
 * <p>Subcommands are registered in code ({@link #SUBCOMMANDS}) rather than in the annotation, so that {@link #main}
 * can register only the one being run: picocli then reflects over one command class instead of a dozen, and
 * {@code newsdesk search} never loads the index builder's classes. {@link #commandLine} registers them all.
 */
@Command(
    name = "newsdesk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Full-text search for news archives.",
    footer = {"", "Examples:", "  newsdesk search ceasefire", "  newsdesk search ceasefire --person Putin --json | jq '.hits[].title'",
        "  newsdesk show <ID>", "  newsdesk timeline ceasefire --by week", "  newsdesk stats",
        "  newsdesk index sample-corpus", "  newsdesk inspect ../shared/seeds --json",
        "  source <(newsdesk completion bash)", "",
        "Exit status: 0 hits found (or success), 1 no hits, 2 usage error, bad query, missing index or failure."})
public final class NewsdeskCli implements Callable<Integer> {
  /** Every subcommand name, in help order. */
  static final List<String> SUBCOMMANDS = List.of(
      "search", "show", "similar", "timeline", "stats", "entities", "inspect", "index", "rebuild", "rollback", "check", "completion", "help");

  @Spec CommandSpec spec;

  private final CliEnvironment environment;

  NewsdeskCli(CliEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Where the CLI runs: environment variables and whether stdout is a terminal. */
  CliEnvironment environment() {
    return environment;
  }

  /** The environment of the command line a command runs in (the real one when run outside {@code newsdesk}). */
  static CliEnvironment environment(CommandSpec command) {
    return command.root().userObject() instanceof NewsdeskCli root ? root.environment : CliEnvironment.detect();
  }

  /** {@code newsdesk} alone: the usage on stderr, and exit 2 like any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.ERROR;
  }

  /** Builds the command line with the given writers and the real environment; tests pass their own writers. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CliEnvironment.detect());
  }

  /** Builds the full command line (every subcommand) with the given writers and environment. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliEnvironment environment) {
    return build(out, err, environment, SUBCOMMANDS);
  }

  /**
   * The command line for these arguments: only the named subcommand when {@code args[0]} is one (fast start-up),
   * every subcommand otherwise (top-level help, typos, completion).
   */
  static CommandLine forArgs(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !"help".equals(args[0]) && !"completion".equals(args[0])) {
      return build(out, err, environment, List.of(args[0]));
    }
    return build(out, err, environment, SUBCOMMANDS);
  }

  private static CommandLine build(PrintWriter out, PrintWriter err, CliEnvironment environment, List<String> names) {
    CommandLine cli = new CommandLine(new NewsdeskCli(environment));
    for (String name : names) {
      cli.addSubcommand(name, subcommand(name));
    }
    // Every subcommand lists --version (mixinStandardHelpOptions): it prints what the top command's does.
    VersionProvider version = new VersionProvider();
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(version);
    }
    cli.setOut(out);
    cli.setErr(err);
    // Help as wide as COLUMNS says (the launcher exports it on a terminal), like the rest of the output; picocli's
    // least is 55. Without COLUMNS, 80: asking the terminal would fork stty on every start, help or not.
    if (environment.get("COLUMNS") != null) {
      cli.setUsageHelpWidth(Math.max(55, environment.width()));
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(ErrorHandler.create());
    cli.setParameterExceptionHandler(ErrorHandler::onUsageError);
    return cli;
  }

  /** A new instance of the named subcommand; each case loads its class only when taken. */
  private static Object subcommand(String name) {
    return switch (name) {
      case "search" -> new SearchCommand();
      case "show" -> new ShowCommand();
      case "similar" -> new SimilarCommand();
      case "timeline" -> new TimelineCommand();
      case "stats" -> new StatsCommand();
      case "entities" -> new EntitiesCommand();
      case "inspect" -> new InspectCommand();
      case "index" -> new IndexCommand();
      case "rebuild" -> new RebuildCommand();
      case "rollback" -> new RollbackCommand();
      case "check" -> new CheckCommand();
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("unknown subcommand " + name);
    };
  }

  /**
   * Runs {@code newsdesk ARGS}: an ordinary {@code search} without picocli ({@link FastSearchArgs}, same result),
   * everything else through picocli with only the named subcommand registered.
   */
  static int run(String[] commandLine, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    String[] args = exclusionsAsWords(commandLine);
    String oneDash = longOptionWithOneDash(args);
    if (oneDash != null) {
      err.println(Printable.escape("newsdesk: " + oneDash + " is not an option: options take two dashes, -" + oneDash
          + " (to leave out the word, write NOT " + oneDash.substring(1) + ") (see 'newsdesk " + args[0] + " --help')"));
      err.flush();
      return ExitCodes.ERROR;
    }
    SearchCommand search = FastSearchArgs.parse(args);
    if (search != null) {
      StartupTrace.mark("arguments read without picocli");
      return search.execute(out, err, environment);
    }
    CommandLine cli = forArgs(args, out, err, environment);
    StartupTrace.mark("picocli command line built");
    return cli.execute(args);
  }

  /** The one-letter options of the commands that take query words, and those of them that take a value. */
  private static final Map<String, String> SHORT_OPTIONS = Map.of("search", "npsmfclhV", "timeline", "bmhV",
      "entities", "nhV");
  private static final String SHORT_WITH_VALUE = "npsmb";
  private static final Set<String> LONG_FLAGS = Set.of("--json", "--count", "--ids", "--facets", "--debug", "--help",
      "--version", "--candidates");
  /**
   * The long option names of those commands: a minus word spelled like one ({@code -from}, {@code -limit},
   * {@code -json}) is meant as the option, and is left to picocli, which rejects it as an unknown option and
   * suggests the option, rather than quietly searching without the filter ({@code NewsdeskCliTest} checks the lists
   * against the commands).
   */
  static final Map<String, Set<String>> LONG_OPTIONS = Map.of(
      "search", Set.of("index", "limit", "page", "sort", "from", "to", "person", "location", "org", "organization",
          "entity", "source", "match", "facets", "cursor", "json", "count", "ids", "color", "debug", "help", "version"),
      "timeline", Set.of("index", "by", "from", "to", "match", "json", "color", "debug", "help", "version"),
      "entities", Set.of("index", "type", "limit", "json", "candidates", "min-count", "gazetteer", "gazetteer-mode",
          "color", "debug", "help", "version"));

  /**
   * {@code search ceasefire -karabakh}: a word written with a minus, as a search box takes it, excludes the word,
   * where picocli would report an unknown option. Such an argument of {@code search} or {@code timeline} (one dash,
   * then a word that is not a cluster of the command's one-letter options, and not the value of the option before
   * it) is passed on with a space in front, which makes it a query word; the commands strip their words.
   */
  static String[] exclusionsAsWords(String[] args) {
    String shortOptions = args.length > 1 ? SHORT_OPTIONS.get(args[0]) : null;
    if (shortOptions == null) {
      return args;
    }
    Set<String> longOptions = LONG_OPTIONS.get(args[0]);
    String[] out = args;
    for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
      String a = args[i];
      if (!isMinusWord(a) || a.chars().skip(1).allMatch(c -> shortOptions.indexOf(c) >= 0)
          || isShortOptionWithValue(a, shortOptions) || longOptions.contains(a.substring(1))) {
        continue;
      }
      if (!takesAValue(args[i - 1])) {
        out = out == args ? args.clone() : out;
        out[i] = " " + a;
      }
    }
    return out;
  }

  /**
   * The exit code once the output is flushed: a failed write to stdout (a full disk, a closed descriptor) is an
   * error, as in grep, where {@link PrintWriter} would have swallowed it and a script seen success and an empty
   * file; a reader that went away ({@code | head -1}, a broken pipe) is not.
   */
  static int outputWritten(int code, Stdout stdout, PrintWriter err) {
    IOException failure = stdout.failure;
    if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) {
      return code;
    }
    err.println("newsdesk: cannot write the output: " + failure.getMessage());
    return ExitCodes.ERROR;
  }

  /** Standard output that remembers its first write error (PrintWriter only keeps a flag, and no reason). */
  static final class Stdout extends FilterOutputStream {
    private IOException failure;

    Stdout(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private IOException failed(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }

  /**
   * The first argument of {@code search} or {@code timeline} that is one of their long options written with one dash
   * ({@code -from}), which {@link #exclusionsAsWords} left as it was; null when there is none. picocli would read
   * {@code -from} as a cluster of one-letter options and report {@code -rom}.
   */
  static String longOptionWithOneDash(String[] args) {
    Set<String> longOptions = args.length > 1 ? LONG_OPTIONS.get(args[0]) : null;
    if (longOptions == null) {
      return null;
    }
    for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
      String a = args[i];
      if (!takesAValue(args[i - 1]) && a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-'
          && longOptions.contains(a.substring(1))) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code option} is an option that takes the next argument as its value ({@code --from}, {@code -n}). */
  private static boolean takesAValue(String option) {
    return option.startsWith("--") ? option.indexOf('=') < 0 && !LONG_FLAGS.contains(option)
        : option.length() == 2 && option.charAt(0) == '-' && SHORT_WITH_VALUE.indexOf(option.charAt(1)) >= 0;
  }

  /**
   * A one-letter option with its value attached, as {@code -n3}, {@code -p2}, {@code -snewest} or {@code -bweek}:
   * only when the rest is a value the option takes, so that {@code -paris} still leaves out Paris. {@code --match}
   * is left out: {@code -many} and {@code -mall} are words.
   */
  private static boolean isShortOptionWithValue(String a, String shortOptions) {
    char option = a.charAt(1);
    if (SHORT_WITH_VALUE.indexOf(option) < 0 || shortOptions.indexOf(option) < 0) {
      return false;
    }
    String value = a.substring(2).toLowerCase(java.util.Locale.ROOT);
    return switch (option) {
      case 'n', 'p' -> !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
      case 's' -> value.equals("relevance") || value.equals("newest") || value.equals("oldest");
      case 'b' -> value.equals("day") || value.equals("week") || value.equals("month") || value.equals("year");
      default -> false;
    };
  }

  /** One dash, a letter, then letters, digits, apostrophes, dots or dashes: {@code -\p{L}[\p{L}\p{N}'’.-]*}. */
  private static boolean isMinusWord(String a) {
    if (a.length() < 2 || a.charAt(0) != '-' || !Character.isLetter(a.charAt(1))) {
      return false;
    }
    for (int i = 2; i < a.length(); i++) {
      char c = a.charAt(i);
      if (!Character.isLetterOrDigit(c) && "'’.-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The query words of a command line, joined by single spaces ({@link #exclusionsAsWords} put a space before some). */
  static String queryText(java.util.List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append(b.length() == 0 ? "" : " ").append(w.strip());
    }
    return b.toString();
  }

  public static void main(String[] args) {
    StartupTrace.mark("JVM started, main entered");
    ClassWarmer.startFor(args);
    // Buffered, UTF-8, flushed once at the end: one write for a page of hits instead of one per line.
    Stdout stdout = new Stdout(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code;
    try {
      code = run(args, out, err, CliEnvironment.detect());
    } catch (OutOfMemoryError e) {
      // a failure all the same: exit 2, not the JVM's 1 (which says "done, some inputs skipped")
      err.println("newsdesk: out of memory (" + e.getMessage() + "); run it with more, such as"
          + " NEWSDESK_JAVA_OPTS=-Xmx8g");
      code = ExitCodes.ERROR;
    } catch (Error e) {
      err.println("newsdesk: internal error: " + e);
      code = ExitCodes.ERROR;
    }
    out.flush();
    code = outputWritten(code, stdout, err);
    err.flush();
    StartupTrace.mark("output flushed");
    StartupTrace.print(System.err);
    System.exit(code);
  }
}
