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
        "  newsdesk inspect --format trec collection/ap890101"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin GazetteerOption gazetteer;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
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
    IndexOptions options = IndexOptions.defaults(Path.of(".")).withFormat(Optional.ofNullable(format)).withGazetteer(gazetteer.resolve());
    IndexReport report;
    try {
      report = IndexBuilder.inspect(paths, options, article -> {
        synchronized (out) {
          out.println(json ? Json.write(Json.article(article)) : summary(article));
          if (out.checkError()) { // flushes: the reader went away (| head -1) or the disk is full
            throw new OutputClosed();
          }
        }
      }, problem -> {
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

  static String summary(Article a) {
    String body = a.body().replace('\n', ' ');
    return String.format(java.util.Locale.ROOT, "%s%n  id:        %s%n  title:     %s%n  published: %s%n  source:    %s%n  url:       %s%n"
            + "  language:  %s%n  caption:   %s%n  credit:    %s%n  entities:  %s%n  body:      %s%n",
        a.origin(), a.id(), orNone(a.title()), a.published() == null ? "(undated)" : a.published(), orNone(a.source()),
        orNone(a.url()), orNone(a.language()), orNone(a.caption()), orNone(a.credit()), entities(a),
        body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "(none)" : value;
  }

  /** The article's entities, a line per type: {@code person: A, B} under each other; {@code (none)} without any. */
  private static String entities(Article a) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> e : a.entityNamesByType().entrySet()) {
      if (!e.getValue().isEmpty()) {
        out.append(out.length() == 0 ? "" : System.lineSeparator() + "             ").append(e.getKey()).append(": ")
            .append(String.join(", ", e.getValue()));
      }
    }
    return out.length() == 0 ? "(none)" : out.toString();
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
