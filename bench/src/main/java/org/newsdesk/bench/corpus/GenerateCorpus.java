package org.newsdesk.bench.corpus;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsdesk.gazetteer.Gazetteer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench/run generate}: writes a synthetic corpus. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes a deterministic synthetic news corpus as JSON Lines or seed-style raw text files.",
    footer = {"", "Examples:", "  bench/run generate --articles 100000 --seed 42 --format jsonl --out /tmp/syn100k --files 8",
        "  bench/run generate --articles 1000 --format raw --out /tmp/raw1k"})
public final class GenerateCorpus implements Callable<Integer> {
  @Option(names = "--articles", required = true, description = "how many articles")
  long articles;

  @Option(names = "--seed", defaultValue = "42", description = "the seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--format", defaultValue = "jsonl", converter = FormatConverter.class,
      description = "jsonl or raw (default ${DEFAULT-VALUE})")
  OutputFormat format;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(names = "--files", defaultValue = "1", description = "jsonl: number of .jsonl files (default ${DEFAULT-VALUE})")
  int files;

  @Option(names = "--per-dir", defaultValue = "1000",
      description = "at most this many files per directory, else numbered subdirectories (default ${DEFAULT-VALUE})")
  int perDirectory;

  @Option(names = "--start", defaultValue = "0", description = "index of the first article, to extend a corpus (default 0)")
  long start;

  @Option(names = "--revision", defaultValue = "0",
      description = "0 for the original text; another value edits every article, keeping ids (default 0)")
  int revision;

  @Option(names = "--gazetteer", description = "gazetteer file whose entities are mentioned (default: the bundled one)")
  Path gazetteer;

  @Override
  public Integer call() throws Exception {
    CorpusSpec spec = new CorpusSpec(articles, seed, format, out, files, perDirectory, start, revision);
    Gazetteer g = gazetteer == null ? Gazetteer.defaults() : Gazetteer.read(gazetteer);
    CorpusSummary summary = SyntheticCorpus.generate(spec, g);
    System.out.println("generated " + out + ": " + summary.describe());
    return 0;
  }

  /** Parses {@code --format}. */
  static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.of(value);
    }
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new GenerateCorpus());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("generate: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 2;
    });
    System.exit(cli.execute(args));
  }
}
