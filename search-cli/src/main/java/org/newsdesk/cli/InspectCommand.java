package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.index.IndexBuilder;
import org.newsdesk.index.IndexOptions;
import org.newsdesk.index.IndexReport;
import org.newsdesk.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsdesk inspect PATH...}: read, clean and tag without touching any index. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show how files are read, cleaned and tagged, without indexing them.",
    footer = {"", "Examples:", "  newsdesk inspect ../shared/seeds/000_5656936dd5975890.txt", "  newsdesk inspect sample-corpus --json | jq .title"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin GazetteerOption gazetteer;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to read.")
  List<Path> paths;

  @Option(names = "--json", description = "Print JSON Lines, one article per line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexReport report = IndexBuilder.inspect(paths, IndexOptions.defaults(Path.of(".")).withGazetteer(gazetteer.resolve()), article -> {
      synchronized (out) {
        out.println(json ? Json.write(Json.article(article)) : summary(article));
      }
    }, problem -> err.println("newsdesk: " + (problem.skipped() ? "skipped " : "warning ") + problem));
    out.flush();
    err.flush();
    return report.skippedTotal() > 0 ? ExitCodes.NO_HITS : ExitCodes.OK;
  }

  private static String summary(Article a) {
    String body = a.body().replace('\n', ' ');
    return String.format("%s%n  id:        %s%n  title:     %s%n  published: %s%n  source:    %s%n  caption:   %s%n  credit:    %s%n"
            + "  entities:  %s%n  body:      %s%n",
        a.origin(), a.id(), a.title(), a.published(), a.source(), a.caption(), a.credit(), a.entityNamesByType(),
        body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }
}
