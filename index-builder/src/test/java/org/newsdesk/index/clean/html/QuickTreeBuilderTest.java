package org.newsdesk.index.clean.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * {@link QuickTreeBuilder} builds jsoup's tree or declines: every page it builds is compared node by node (kind,
 * name, attributes, text) with {@code Jsoup.parse} of the same characters.
 */
class QuickTreeBuilderTest {
  private static Document quick(String html) {
    return QuickTreeBuilder.parse(html.toCharArray(), html.length(), "", new ElementsByTag(Set.of()));
  }

  /** What the builder must build: jsoup's tree of the page without the attributes the extractor never reads. */
  private static Document jsoup(String html) {
    return Jsoup.parse(UnreadAttributes.drop(html), "");
  }

  /** The page is built, and built as jsoup builds it. */
  private static void assertBuiltAsJsoup(String html) {
    Document quick = quick(html);
    assertNotNull(quick, () -> "declined: " + html);
    assertEquals(null, difference(jsoup(html), quick), html);
  }

  /** Declined, or built as jsoup builds it. */
  private static boolean builtAsJsoupOrDeclined(String html) {
    Document quick = quick(html);
    if (quick != null) {
      assertEquals(null, difference(jsoup(html), quick), html);
    }
    return quick != null;
  }

  private static void assertDeclined(String html) {
    assertNull(quick(html), html);
  }

  /** The first difference between two trees, in document order, or null when they are the same. */
  static String difference(Node expected, Node actual) {
    Deque<Node[]> pending = new ArrayDeque<>();
    pending.push(new Node[] {expected, actual});
    while (!pending.isEmpty()) {
      Node[] pair = pending.pop();
      String a = describe(pair[0]);
      String b = describe(pair[1]);
      if (!a.equals(b)) {
        return "expected " + a + " but was " + b + " under " + describe(pair[0].parent());
      }
      if (pair[0].childNodeSize() != pair[1].childNodeSize()) {
        return "children of " + a + ": expected " + pair[0].childNodes() + " but was " + pair[1].childNodes();
      }
      for (int i = pair[0].childNodeSize() - 1; i >= 0; i--) {
        pending.push(new Node[] {pair[0].childNode(i), pair[1].childNode(i)});
      }
    }
    return null;
  }

  private static String describe(Node node) {
    if (node instanceof Document) {
      return "#document";
    }
    if (node instanceof Element e) {
      StringBuilder s = new StringBuilder("<").append(e.normalName()).append(' ').append(e.tag().namespace());
      for (Attribute attribute : e.attributes()) {
        s.append(' ').append(attribute.getKey()).append('=').append(attribute.getValue());
      }
      return s.append('>').toString();
    }
    if (node instanceof TextNode t) {
      return "text[" + t.getWholeText() + "]";
    }
    if (node instanceof DataNode d) {
      return "data[" + d.getWholeData() + "]";
    }
    if (node instanceof Comment c) {
      return "comment[" + c.getData() + "]";
    }
    if (node instanceof DocumentType d) {
      return "doctype[" + d.name() + "]";
    }
    return String.valueOf(node);
  }

  @Test
  void unclosedParagraphsListItemsAndOptionsCloseAsInJsoup() {
    assertBuiltAsJsoup("<p>one<p>two<div>three</div><ul><li>a<li>b<ul><li>c</ul></ul><dl><dt>t<dd>d<dt>u</dl>");
    assertBuiltAsJsoup("<body><p>a<h2>b</h2><h3>c<h4>d</h4><select><option>x<option>y<optgroup><option>z</select>");
    assertBuiltAsJsoup("<p>a<address>b</address><main>c<p>d</main>e</p><li>f<div><li>g</div>");
  }

  @Test
  void voidElementsRawTextAndLeadingNewlines() {
    assertBuiltAsJsoup("<html><head><title>A &amp; <b>B</title><meta name=x content='1'><link rel=canonical"
        + " href=/a><style>p > a {}</style><script>if (a < b && c) {}</script></head><body><br/><img class=x>"
        + "<hr><p>x<input type=hidden><wbr>y</p><pre>\nline</pre><textarea>\n\n<b>t</b> &lt;</textarea>"
        + "<iframe><p>not a tag</p></iframe><xmp><i>x</i></xmp></body></html>");
  }

  @Test
  void entitiesNumericNamedLegacyAndIllegal() {
    assertBuiltAsJsoup("<p class=\"a&amp;b &notit; &copy=x &#x41;\" data-x=\"&amp;\">&amp; &lt;&gt; &nbsp;&copy &notit; &#65;&#x42;"
        + " &#0; &#128; &#x110000; &#xD800; &#150; &bogus; & &#; &#x;</p>");
  }

  @Test
  void attributesWithoutQuotesUppercaseTagsAndDuplicates() {
    assertBuiltAsJsoup("<DIV CLASS=Story ID=a1 Hidden data-x= y><P Class=\"a\" class=b>Text</P></DIV>"
        + "<span aria-hidden = 'true' itemprop>x</span><a rel=author>y</a>");
  }

  @Test
  void headAndBodyAreImpliedAndWhitespaceAroundThemPlacedAsInJsoup() {
    assertBuiltAsJsoup("");
    assertBuiltAsJsoup("   ");
    assertBuiltAsJsoup("text only");
    assertBuiltAsJsoup("<meta name=a content=b>");
    assertBuiltAsJsoup("<!DOCTYPE html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n");
    assertBuiltAsJsoup("<html><head></head>\n<meta name=late content=1>\n<body>a</body></html>");
    assertBuiltAsJsoup("<!---->\n<html><head><noscript></noscript></head><body>b</body>\n</html>");
    assertBuiltAsJsoup("<head><title>x</title></head>text<p>y");
    assertBuiltAsJsoup("\uFEFF<p>after a byte-order mark</p>");
    assertBuiltAsJsoup("<html>\r\n<head>\r\n<title>a\r\nb</title></head>\r\n<body class=\"x\r\ny\">\r\n<pre>\r\nc</pre>"
        + "<!-- d\r\n --></body>\r\n</html>\r\n"); // jsoup 1.21.2 keeps CR as it is
  }

  @Test
  void formattingElementsClosedInOrderAreBuilt() {
    assertBuiltAsJsoup("<p><b>bold <i>both</i></b> <a class=x>link</a> <em>e</em></p><font><font>x</font></font>");
    assertBuiltAsJsoup("<div><span>a</b>c</span></div></i><p>x</u></p>");
    assertBuiltAsJsoup("<div/>x<foo/>y<br/>z");
    assertBuiltAsJsoup("<p>a<svg class=icon aria-hidden=true></svg>b<svg id=x />c</p><svg></svg>");
    assertBuiltAsJsoup("<p>a</body><!--late--></html>");
    assertBuiltAsJsoup("<form class=f><input name=q><button>go</button></form><form>2</form>");
  }

  @Test
  void misnestedFormattingTablesForeignContentAndOddMarkupDecline() {
    for (String html : List.of("<p><b>x</p>y", "<b><i>x</b>y</i>", "<a>1<a>2</a>", "<div><b>x</div>",
        "<li><i>x<li>y", "<table>x<tr><td>y</table>", "<table><p>x</table>", "<table><caption>c</table>",
        "<table><colgroup><col></table>", "<table><tr><td><b>x</td></tr></table>", "<b><table><tr><td>x</b></table>",
        "<table><table>", "<table><tr><td><select><option>x</select></table>", "<table><form></table>",
        "<table><input type=hidden></table>", "<svg><g/></svg>", "<svg>x</svg>", "<math><mi>x</mi></math>",
        "<template>x</template>", "<div></p></div>", "<p>a<![CDATA[x]]></p>", "<p>a<?php x ?></p>", "<p a\"b=1>",
        "<p>a\0b</p>", "<p class=\"a\0\">b</p>", "<title>a\0</title>", "<!-- \0 -->", "<!DOCTYPE html PUBLIC \"x\">", "<body><body class=x>",
        "<html><p>a</p><html lang=x>", "<script>never closed",
        "<b><b><b><b>x</b></b></b></b>", "<frameset></frameset>", "<plaintext>x")) {
      assertDeclined(html);
    }
    assertDeclined("<div>".repeat(200) + "x");
  }

  @Test
  void simpleTablesAreBuiltAsInJsoup() {
    assertBuiltAsJsoup("<table class=t>\n <tbody>\n  <tr>\n   <td>a</td>\n   <th>b</th>\n  </tr>\n </tbody>\n</table>");
    assertBuiltAsJsoup("<p>text<table><tr><td>implied<td>parts</table>after"); // quirks: the p stays open
    assertBuiltAsJsoup("<!DOCTYPE html><p>text<table><tr><td>x</table>after"); // no quirks: the table closes the p
    assertBuiltAsJsoup("<table><thead><tr><th>h</thead><tbody><tr><td>1<tr><td>2</tbody><tfoot><tr><td>f</table>");
    assertBuiltAsJsoup("<table><!-- c --><script>s</script><tr><td><div><p>a<p>b</div><table><tr><td>inner</td></tr>"
        + "</table>tail</td></tr></table><p>x</p>");
    assertBuiltAsJsoup("<table><tr><td>a</tr></table><table><td>b</td></table><table><tbody></table>");
    assertBuiltAsJsoup("<div><table><tr><td><b>x</b><i>y</i></td></tr></table></div><b>z</b>");
    assertBuiltAsJsoup("<table><tr><td>x</td></tr></tbody></td></th></body></table>");
    assertBuiltAsJsoup("<table><tr><td>open at the end");
    assertBuiltAsJsoup("<table><tr><td>a</td><th>b</table><ul><li>c</ul>");
  }

  @Test
  void objectsAndEmptyTemplatesAreBuiltAsInJsoup() {
    assertBuiltAsJsoup("<p>a<object class=o><param name=movie><div>x</object>b</p><object></object>");
    assertBuiltAsJsoup("<object><b>x</b></object></object><i>y</i>");
    assertBuiltAsJsoup("<head><template id=t></template></head><body><p>a <template></template>b</p>"
        + "<table><tr><td><template class=x></template></table>");
    assertDeclined("<object><b>x</object>");
    assertDeclined("<b><object>x</b></object>");
  }

  @Test
  void commentsWithEarlyEndsDecline() {
    assertBuiltAsJsoup("<p>a<!-- plain -->b<!---->c</p>");
    for (String html : List.of("<p>a<!-->b</p>", "<p>a<!--->b</p>", "<p>a<!-- x --!>b</p>", "<p>a<!-- x --->b</p>")) {
      assertDeclined(html);
    }
  }

  @Test
  void generatedPagesAreBuiltAsJsoupOrDeclined() {
    Random random = new Random(7);
    String[] parts = {"<p>", "</p>", "<div class=a>", "</div>", "<li>", "</li>", "<ul>", "</ul>", "<b>", "</b>",
        "<i>", "</i>", "<a rel=x>", "</a>", "<br>", "<img id=i>", "<h2>", "</h2>", "<span>", "</span>", "text ",
        " ", "\n", "&amp;", "&#169;", "<!-- c -->", "<script>s</script>", "<style>x</style>", "<title>t</title>",
        "<meta name=n content=c>", "<head>", "</head>", "<body>", "</body>", "<html>", "</html>", "<form>",
        "</form>", "<select>", "<option>", "</select>", "<table>", "<td>", "<pre>", "</pre>", "<dd>", "<dt>",
        "<section>", "</section>", "<button>", "</button>", "<textarea>x</textarea>", "<hr>", "< ", "a<b",
        "<custom-el>", "</custom-el>", "<noscript></noscript>", "<nav>", "</nav>", "<h3>", "</h3>", "<object>",
        "</object>", "<template></template>"};
    int built = 0;
    for (int page = 0; page < 3000; page++) {
      StringBuilder html = new StringBuilder();
      for (int k = random.nextInt(40); k >= 0; k--) {
        html.append(parts[random.nextInt(parts.length)]);
      }
      if (builtAsJsoupOrDeclined(html.toString())) {
        built++;
      }
    }
    assertTrue(built > 500, "built " + built + " of 3000");
  }

  @Test
  void generatedTablesAreBuiltAsJsoupOrDeclined() {
    Random random = new Random(13);
    String[] parts = {"<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<tbody>",
        "</tbody>", "<thead>", "</thead>", "<tfoot>", "\n  ", " ", "text", "<p>", "</p>", "<div>", "</div>", "<b>",
        "</b>", "<!-- c -->", "<script>s</script>", "<ul><li>x</ul>", "</body>", "</html>", "<br>", "<h2>",
        "</h2>", "<span>", "</span>"};
    int built = 0;
    for (int page = 0; page < 3000; page++) {
      StringBuilder html = new StringBuilder(random.nextBoolean() ? "<!DOCTYPE html>" : "");
      html.append("<table><tr><td>");
      for (int k = random.nextInt(30); k >= 0; k--) {
        html.append(parts[random.nextInt(parts.length)]);
      }
      if (builtAsJsoupOrDeclined(html.toString())) {
        built++;
      }
    }
    assertTrue(built > 300, "built " + built + " of 3000");
  }

  @Test
  void corpusPagesAfterSlimmingAreBuiltAsJsoupOrDeclined() throws IOException {
    List<Path> pages = corpusPages();
    assumeTrue(!pages.isEmpty(), "no HTML pages in sample-corpus/articles/html or ../shared/corpora/extraction/html");
    int built = 0;
    List<String> declined = new ArrayList<>();
    Set<String> collect = Set.of("meta", "script", "figcaption", "svg", "a");
    for (Path p : pages) {
      // what HtmlExtractor gives the builder, and what it gives jsoup
      String html = InertContent.strip(read(p));
      if (builtAsJsoupOrDeclined(html)) {
        built++;
        ElementsByTag offered = new ElementsByTag(collect);
        Document quick = QuickTreeBuilder.parse(html.toCharArray(), html.length(), "", offered);
        ElementsByTag walked = ElementsByTag.of(quick, collect);
        for (String tag : collect) {
          assertEquals(walked.get(tag), offered.get(tag), tag + " in " + p);
        }
      } else {
        declined.add(p.getFileName().toString());
      }
    }
    System.out.println("QuickTreeBuilder built " + built + " of " + pages.size() + " pages; declined " + declined);
  }

  static List<Path> corpusPages() throws IOException {
    return corpusPages(Long.MAX_VALUE);
  }

  /** The sample pages and the extraction corpus's pages, those that are there, at most {@code perDirectory} of each. */
  static List<Path> corpusPages(long perDirectory) throws IOException {
    List<Path> pages = new ArrayList<>();
    Path repo = Path.of(System.getProperty("newsdesk.repo", "."));
    Path samples = repo.resolve("sample-corpus").resolve("articles").resolve("html");
    Path shared = repo.resolve("..").resolve("shared").resolve("corpora").resolve("extraction").resolve("html");
    for (Path dir : List.of(samples, shared)) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          files.sorted().limit(perDirectory).forEach(pages::add);
        }
      }
    }
    return pages;
  }

  static String read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      InputStream body = p.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
