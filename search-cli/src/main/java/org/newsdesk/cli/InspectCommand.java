package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.index.corpus.CorpusFormat;
import org.newsdesk.index.corpus.InputProblem;
import org.newsdesk.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsdesk inspect PATH... [--json] [--format F]}: read, clean and tag without touching any index.
 *
 * <p>Articles go to stdout (a readable summary, or JSON Lines with {@code --json}); every problem goes to stderr as
 * {@code newsdesk: skipped FILE:LINE: reason} (or {@code warning} when the article was kept), followed by one
 * summary line. Exit code 0 when nothing was skipped, 1 when something was.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show how files are read, cleaned and tagged, without indexing them.",
    footer = {"", "Formats: raw (scraped text), jsonl, html, warc (also .warc.gz), trec, reuters (Reuters-21578 .sgm);"
        + " detected from the name and content unless --format is given. .gz files are read transparently.",
        "", "Examples:", "  newsdesk inspect ../shared/seeds/000_5656936dd5975890.txt",
        "  newsdesk inspect sample-corpus --json | jq .title",
        "  newsdesk inspect --format trec collection/ap890101",
        "  curl -s https://example.com/news/story.html | newsdesk inspect -"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin GazetteerOption gazetteer;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read; - reads standard input.")
  List<Path> paths;

  @Option(names = "--json", description = "Print JSON Lines, one article per line.")
  boolean json;

  @Option(names = "--format", paramLabel = "F", converter = FormatConverter.class, completionCandidates = FormatNames.class,
      description = "Read every file as this format: raw, jsonl, html, warc, trec or reuters (default: detect per file).")
  CorpusFormat format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicLong warnings = new AtomicLong();
    int width = NewsdeskCli.environment(spec).width();
    IndexOptions options = IndexOptions.defaults(Path.of(".")).withFormat(Optional.ofNullable(format)).withGazetteer(gazetteer.resolve());
    IndexReport report;
    if (paths.contains(StdinInput.DASH) && System.console() != null) {
      // typed at a terminal: say what it waits for, rather than seem to hang
      err.println("newsdesk: reading an article from standard input; end it with Ctrl-D (Ctrl-Z, Enter on Windows)");
      err.flush();
    }
    try (StdinInput stdin = StdinInput.readIfNamed(paths, System.in)) {
      report = IndexBuilder.inspect(stdin == null ? paths : stdin.inPlaceOfDash(paths), options, found -> {
        Article article = stdin == null ? found : found.withOrigin(stdin.shown(found.origin()));
        synchronized (out) {
          out.println(json ? Json.write(Json.article(article)) : summary(article, width));
          if (out.checkError()) { // flushes: the reader went away (| head -1) or the disk is full
            throw new OutputClosed();
          }
        }
      }, found -> {
        InputProblem problem = stdin == null ? found
            : new InputProblem(stdin.shown(found.location()), found.kind(), found.reason(), found.skipped());
        if (!problem.skipped()) {
          warnings.incrementAndGet();
        }
        synchronized (err) {
          err.println("newsdesk: " + (problem.skipped() ? "skipped " : "warning ") + problem);
        }
      });
    } catch (OutputClosed closed) {
      return ExitCodes.OK; // nothing reads the output: stop; the caller says whether the failed write is an error
    }
    out.flush();
    err.printf(java.util.Locale.ROOT, "newsdesk: inspected %s: %s, %d skipped, %s%n", count(report.files(), "file"),
        count(report.added(), "article"), report.skippedTotal(), count(warnings.get(), "warning"));
    err.flush();
    return report.skippedTotal() > 0 ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  /** Thrown out of the article sink when stdout fails, to stop reading: nothing reads what would be printed. */
  private static final class OutputClosed extends RuntimeException {
    OutputClosed() {
      super(null, null, false, false);
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The readable summary of one article, each value wrapped to {@code width} columns under its first line. */
  static String summary(Article a, int width) {
    String body = a.body().replace('\n', ' ');
    StringBuilder out = new StringBuilder(a.origin()).append(System.lineSeparator());
    field(out, "id", a.id(), width);
    field(out, "title", orNone(a.title()), width);
    field(out, "published", a.published() == null ? "(undated)" : a.published().toString(), width);
    field(out, "source", orNone(a.source()), width);
    field(out, "url", orNone(a.url()), width);
    field(out, "language", orNone(a.language()), width);
    field(out, "caption", orNone(a.caption()), width);
    field(out, "credit", orNone(a.credit()), width);
    boolean any = false;
    for (Map.Entry<String, List<String>> e : a.entityNamesByType().entrySet()) {
      if (!e.getValue().isEmpty()) {
        field(out, any ? "" : "entities", e.getKey() + ": " + String.join(", ", e.getValue()), width);
        any = true;
      }
    }
    if (!any) {
      field(out, "entities", "(none)", width);
    }
    field(out, "body", body.length() > 200 ? body.substring(0, 200) + "…" : body, width);
    return out.toString();
  }

  /** {@code   label:     value}, the value wrapped with its later lines under its first. */
  private static void field(StringBuilder out, String label, String value, int width) {
    String indent = " ".repeat(13);
    List<String> lines = TextWrapper.wrap(value, Math.max(20, width - indent.length()));
    for (int i = 0; i < Math.max(1, lines.size()); i++) {
      String head = i > 0 || label.isEmpty() ? indent : String.format(java.util.Locale.ROOT, "  %-11s", label + ":");
      out.append(head).append(lines.isEmpty() ? "" : lines.get(i)).append(System.lineSeparator());
    }
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "(none)" : value;
  }

  /** The {@code --format} values, for help and shell completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(CorpusFormat.values()).map(CorpusFormat::cliName).iterator();
    }
  }

  /** Parses {@code --format} with {@link CorpusFormat#fromCliName}, so a typo is a usage error. */
  static final class FormatConverter implements ITypeConverter<CorpusFormat> {
    @Override
    public CorpusFormat convert(String value) {
      try {
        return CorpusFormat.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
