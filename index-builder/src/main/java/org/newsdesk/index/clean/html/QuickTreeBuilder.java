package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * Builds the jsoup {@link Document} of a page in the common shapes, the same tree jsoup's HTML5 tree builder
 * builds, without its general machinery (token objects, insertion-mode dispatch per token, error tracking,
 * adoption agency, foster parenting). It follows jsoup 1.21.2's rules (its tag lists, its deviations from the
 * spec) for what it accepts, and <b>declines</b> (returns null, so the page goes to jsoup) at anything else: a
 * formatting element closed out of order or by another element's end, text or elements jsoup would move out of a
 * table (foster parenting), table captions and column groups, a {@code template} with content, foreign content
 * ({@code svg}, {@code math}), framesets, a second {@code body} or {@code html} tag, a {@code </p>} without a
 * {@code p}, nesting past jsoup's scope search depth, markup the {@link PageLexer} does not read. Declining is
 * always safe; {@code QuickTreeBuilderTest} pins the trees to jsoup's on corpus, generated and hand-written pages.
 * A form's controls are not associated with its {@link FormElement} (nothing here reads them).
 *
 * <p>Not thread-safe; one instance per page.
 */
final class QuickTreeBuilder {
  /** Thrown where jsoup would do something this builder does not; no stack trace, it is control flow. */
  static final class Declined extends RuntimeException {
    private Declined() {
      super("declined", null, false, false);
    }
  }

  static final Declined DECLINED = new Declined();

  /** jsoup stops its scope searches 100 elements down; declining well before keeps the two in step. */
  private static final int MAX_DEPTH = 90;
  private static final String[] END_TAGS_IMPLIED = {"dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt",
      "rtc"};
  private static final Set<String> IMPLIED = Set.of(END_TAGS_IMPLIED);
  private static final Set<String> SCOPE = Set.of("applet", "caption", "html", "marquee", "object", "table", "td",
      "template", "th");
  private static final Set<String> SPECIAL = Set.of("address", "applet", "area", "article", "aside", "base",
      "basefont", "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
      "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame",
      "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img",
      "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes",
      "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source",
      "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
      "track", "ul", "wbr", "xmp");
  private static final Set<String> P_CLOSERS = Set.of("address", "article", "aside", "blockquote", "center",
      "details", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "menu", "nav",
      "ol", "p", "section", "summary", "ul");
  private static final Set<String> BLOCK_CLOSERS = Set.of("address", "article", "aside", "blockquote", "button",
      "center", "details", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup",
      "listing", "menu", "nav", "ol", "pre", "section", "summary", "ul");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> FORMATTING = Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
      "small", "strike", "strong", "tt", "u");
  private static final Set<String> VOID_IN_BODY = Set.of("area", "br", "embed", "img", "keygen", "wbr", "input",
      "param", "source", "track", "hr");
  private static final Set<String> HEAD_VOID = Set.of("base", "basefont", "bgsound", "command", "link", "meta");
  private static final Set<String> HEAD_RAW = Set.of("noframes", "style", "script", "title");
  private static final Set<String> DECLINED_START = Set.of("html", "body", "frameset", "frame", "plaintext",
      "nobr", "applet", "marquee", "image", "isindex", "rb", "rtc", "rp", "rt", "math", "head", "caption", "col",
      "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr");
  private static final Set<String> DECLINED_END = Set.of("template", "br", "applet", "marquee");

  // The sets above as bits of one lookup per tag name, so that the stack scans test bits, not sets.
  private static final int SPECIAL_TAG = 1;
  private static final int SCOPE_TAG = 1 << 1;
  private static final int P_CLOSER = 1 << 2;
  private static final int BLOCK_CLOSER = 1 << 3;
  private static final int HEADING = 1 << 4;
  private static final int FORMATTING_TAG = 1 << 5;
  private static final int VOID_TAG = 1 << 6;
  private static final int HEAD_VOID_TAG = 1 << 7;
  private static final int HEAD_RAW_TAG = 1 << 8;
  private static final int DECLINED_START_TAG = 1 << 9;
  private static final int DECLINED_END_TAG = 1 << 10;
  private static final int IMPLIED_END = 1 << 11;
  /** The extra scope boundaries of the button scope and of the list item scope. */
  private static final int BUTTON_SCOPE = 1 << 12;
  private static final int LIST_SCOPE = 1 << 13;
  private static final Map<String, Integer> FLAGS = flagTable();
  /** {@link #FLAGS} by the lexer's tag id, so a tag read from the page needs no map lookup. */
  private static final int[] FLAGS_BY_ID = flagsById();
  /**
   * The HTML elements' jsoup tags by the lexer's tag id, made once and shared by all pages: {@link Tag#valueOf} makes
   * a tag set and a copy of the tag per call, and nothing here or in the readers of the tree changes a tag.
   */
  private static final Tag[] TAGS_BY_ID = tagsById();

  /** Table start and end tags, read by the table modes: in body they are ignored by jsoup, and declined here. */
  private static final int TABLE_PART = 1 << 14;
  /** The boundaries of the table scope. */
  private static final int TABLE_SCOPE = 1 << 15;

  private enum Mode { INITIAL, BEFORE_HTML, BEFORE_HEAD, IN_HEAD, AFTER_HEAD, IN_BODY, IN_SELECT, IN_TABLE,
    IN_TABLE_BODY, IN_ROW, IN_CELL, AFTER_BODY, AFTER_AFTER_BODY }

  private final PageLexer lexer;
  private final Document doc;
  /** The page's tags other than the HTML elements': unknown names, {@code svg}. */
  private final Map<String, Tag> tags = new HashMap<>();
  private Element[] stack = new Element[32];
  /** The {@link #flags} of each element on the stack. */
  private int[] stackFlags = new int[32];
  private int depth;
  private Mode mode = Mode.INITIAL;
  private Element head;
  private FormElement form;
  private boolean baseUriSet;
  /** Offered every element as it is built, so the metadata readers need no walk of their own. */
  private final ElementsByTag collected;
  /** Whether {@link #collected} wants the tag with each lexer tag id: 0 not asked yet, else 1 no, 2 yes. */
  private final byte[] collectedById = new byte[PageLexer.tagCount()];

  private QuickTreeBuilder(char[] page, int length, String baseUri, ElementsByTag collected) {
    this.collected = collected;
    lexer = new PageLexer(page, length);
    doc = new Document(Parser.NamespaceHtml, baseUri);
    doc.parser(Parser.htmlParser());
  }

  /**
   * The page's tree as jsoup builds it, or null when the page holds markup this builder leaves to jsoup.
   *
   * @param page the page's characters in {@code [0, length)}
   * @param collected offered each element in document order; holds a part of the page when it is declined
   */
  static Document parse(char[] page, int length, String baseUri, ElementsByTag collected) {
    try {
      return new QuickTreeBuilder(page, length, baseUri, collected).build();
    } catch (Declined declined) {
      return null;
    }
  }

  private Document build() {
    while (true) {
      int kind = lexer.next();
      if (kind == PageLexer.EOF) {
        finish();
        return doc;
      }
      process(kind);
    }
  }

  private void process(int kind) {
    switch (mode) {
      case INITIAL -> initial(kind);
      case BEFORE_HTML -> beforeHtml(kind);
      case BEFORE_HEAD -> beforeHead(kind);
      case IN_HEAD -> inHead(kind);
      case AFTER_HEAD -> afterHead(kind);
      case IN_BODY -> inBody(kind);
      case IN_SELECT -> inSelect(kind);
      case IN_TABLE -> inTable(kind);
      case IN_TABLE_BODY -> inTableBody(kind);
      case IN_ROW -> inRow(kind);
      case IN_CELL -> inCell(kind);
      case AFTER_BODY, AFTER_AFTER_BODY -> afterBody(kind);
    }
  }

  private void initial(int kind) {
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      return;
    }
    if (kind == PageLexer.COMMENT) {
      doc.appendChild(new Comment(lexer.data));
      return;
    }
    mode = Mode.BEFORE_HTML;
    if (kind == PageLexer.DOCTYPE) {
      doc.appendChild(new DocumentType("html", "", ""));
      return;
    }
    doc.quirksMode(Document.QuirksMode.quirks);
    process(kind);
  }

  private void beforeHtml(int kind) {
    if (kind == PageLexer.DOCTYPE) {
      return;
    }
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      doc.appendChild(new TextNode(lexer.data)); // jsoup keeps it, out of the spec
      return;
    }
    if (kind == PageLexer.COMMENT) {
      doc.appendChild(new Comment(lexer.data));
      return;
    }
    if (kind == PageLexer.START_TAG && lexer.name.equals("html")) {
      insert("html", lexer.attributes);
      mode = Mode.BEFORE_HEAD;
      return;
    }
    if (kind == PageLexer.END_TAG && !Set.of("head", "body", "html", "br").contains(lexer.name)) {
      return;
    }
    insert("html", null);
    mode = Mode.BEFORE_HEAD;
    process(kind);
  }

  private void beforeHead(int kind) {
    if (kind == PageLexer.DOCTYPE) {
      return;
    }
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      text(); // into html: jsoup keeps it, out of the spec
      return;
    }
    if (kind == PageLexer.COMMENT) {
      comment();
      return;
    }
    if (kind == PageLexer.START_TAG && lexer.name.equals("head")) {
      head = insert("head", lexer.attributes);
      mode = Mode.IN_HEAD;
      return;
    }
    if (kind == PageLexer.START_TAG && lexer.name.equals("html")) {
      throw DECLINED;
    }
    if (kind == PageLexer.END_TAG && !Set.of("head", "body", "html", "br").contains(lexer.name)) {
      return;
    }
    head = insert("head", null);
    mode = Mode.IN_HEAD;
    process(kind);
  }

  /** In and after head: blank text and comments go in as they are, a doctype is dropped. True if handled. */
  private boolean whitespaceCommentOrDoctype(int kind) {
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      text();
      return true;
    }
    if (kind == PageLexer.COMMENT) {
      comment();
      return true;
    }
    return kind == PageLexer.DOCTYPE;
  }

  private void inHead(int kind) {
    if (whitespaceCommentOrDoctype(kind)) {
      return;
    }
    if (kind == PageLexer.START_TAG) {
      String name = lexer.name;
      if (headElement(name)) {
        return;
      }
      if (name.equals("head")) {
        return;
      }
      if (name.equals("html")) {
        throw DECLINED;
      }
      if (name.equals("template")) {
        emptyTemplate();
        return;
      }
      if (name.equals("noscript")) {
        // jsoup reads noscript in head in a mode of its own; the slimmed page's noscript is empty
        insert(name, lexer.attributes);
        if (lexer.next() != PageLexer.END_TAG || !lexer.name.equals("noscript")) {
          throw DECLINED;
        }
        pop();
        return;
      }
    } else if (kind == PageLexer.END_TAG) {
      if (lexer.name.equals("head")) {
        pop();
        mode = Mode.AFTER_HEAD;
        return;
      }
      if (!Set.of("body", "html", "br").contains(lexer.name)) {
        return;
      }
    }
    pop();
    mode = Mode.AFTER_HEAD;
    process(kind);
  }

  /** The in-head elements (meta, link, title, script, style...): inserted at the current node. */
  private boolean headElement(String name) {
    int flags = flagsOf(name);
    if ((flags & HEAD_VOID_TAG) != 0) {
      Element e = insertVoid(name, lexer.attributes);
      if (name.equals("base") && !baseUriSet) {
        String href = e.absUrl("href");
        if (!href.isEmpty()) {
          baseUriSet = true;
          doc.setBaseUri(href);
        }
      }
      return true;
    }
    if ((flags & HEAD_RAW_TAG) != 0) {
      rawTextElement(name, name.equals("title"));
      return true;
    }
    return false;
  }

  private void afterHead(int kind) {
    if (whitespaceCommentOrDoctype(kind)) {
      return;
    }
    if (kind == PageLexer.START_TAG) {
      String name = lexer.name;
      if (name.equals("body")) {
        insert(name, lexer.attributes);
        mode = Mode.IN_BODY;
        return;
      }
      if (name.equals("html") || name.equals("frameset") || name.equals("template")) {
        throw DECLINED;
      }
      if (name.equals("head")) {
        return;
      }
      if (HEAD_VOID.contains(name) || HEAD_RAW.contains(name)) {
        push(head, flags("head")); // in head again for this element, as the spec says
        headElement(name);
        pop();
        return;
      }
    } else if (kind == PageLexer.END_TAG && !Set.of("body", "html", "br").contains(lexer.name)) {
      return;
    }
    insert("body", null);
    mode = Mode.IN_BODY;
    process(kind);
  }

  private void inBody(int kind) {
    switch (kind) {
      case PageLexer.TEXT -> text();
      case PageLexer.COMMENT -> comment();
      case PageLexer.START_TAG -> startTagInBody(lexer.name);
      case PageLexer.END_TAG -> endTagInBody(lexer.name);
      default -> { } // a doctype is ignored
    }
  }

  private void startTagInBody(String name) {
    int flags = flagsOf(name);
    if (name.equals("span")) {
      insert(name, lexer.attributes);
    } else if (headElement(name)) {
      return;
    } else if ((flags & DECLINED_START_TAG) != 0) {
      throw DECLINED;
    } else if ((flags & P_CLOSER) != 0) {
      closeParagraphInButtonScope();
      insert(name, lexer.attributes);
    } else if ((flags & HEADING) != 0) {
      closeParagraphInButtonScope();
      if ((currentFlags() & HEADING) != 0) {
        pop();
      }
      insert(name, lexer.attributes);
    } else if (name.equals("li") || name.equals("dd") || name.equals("dt")) {
      listItem(name);
    } else if (name.equals("pre") || name.equals("listing")) {
      closeParagraphInButtonScope();
      insert(name, lexer.attributes);
      lexer.skipNewline();
    } else if (name.equals("form")) {
      if (form != null) {
        return;
      }
      closeParagraphInButtonScope();
      form = (FormElement) insert(name, lexer.attributes);
    } else if (name.equals("button")) {
      if (inScope("button", BUTTON_SCOPE)) {
        throw DECLINED;
      }
      insert(name, lexer.attributes);
    } else if ((flags & FORMATTING_TAG) != 0) {
      formatting(name);
    } else if ((flags & VOID_TAG) != 0) {
      if (name.equals("hr")) {
        closeParagraphInButtonScope();
      }
      insertVoid(name, lexer.attributes);
    } else if (name.equals("textarea")) {
      rawTextElement(name, true);
    } else if (name.equals("xmp")) {
      closeParagraphInButtonScope();
      rawTextElement(name, false);
    } else if (name.equals("iframe") || name.equals("noembed")) {
      rawTextElement(name, false);
    } else if (name.equals("svg")) {
      emptySvg();
    } else if (name.equals("template")) {
      emptyTemplate();
    } else if (name.equals("table")) {
      if (doc.quirksMode() != Document.QuirksMode.quirks) {
        closeParagraphInButtonScope();
      }
      insert(name, lexer.attributes);
      mode = Mode.IN_TABLE;
    } else if (name.equals("select")) {
      if (onStack("table")) {
        throw DECLINED; // jsoup reads a select in a table in a mode of its own
      }
      insert(name, lexer.attributes);
      mode = Mode.IN_SELECT;
    } else if (name.equals("option") || name.equals("optgroup")) {
      if (current().normalName().equals("option")) {
        pop();
      }
      insert(name, lexer.attributes);
    } else {
      insert(name, lexer.attributes); // jsoup ignores a self-closing slash on any HTML element
    }
  }

  /**
   * An {@code svg} with nothing inside, as slimming leaves them: an element in the SVG namespace. Foreign content
   * is read by other rules; an {@code svg} with content declines.
   */
  private void emptySvg() {
    Attributes attributes = lexer.attributes;
    if (!lexer.selfClosing && (lexer.next() != PageLexer.END_TAG || !lexer.name.equals("svg"))) {
      throw DECLINED;
    }
    Tag tag = tags.computeIfAbsent("svg:svg", t -> Tag.valueOf("svg", Parser.NamespaceSvg, ParseSettings.htmlDefault));
    Element svg = new Element(tag, null, attributes);
    current().appendChild(svg);
    collected.offer(svg);
  }

  /**
   * A {@code template} with nothing inside, as slimming leaves those it cannot remove whole. jsoup reads a template's
   * content in modes of its own; one with content declines.
   */
  private void emptyTemplate() {
    Attributes attributes = lexer.attributes;
    if (lexer.next() != PageLexer.END_TAG || !lexer.name.equals("template")) {
      throw DECLINED;
    }
    insertVoid("template", attributes);
  }

  /** {@code li}, {@code dd}, {@code dt} close an open item of their kind unless a special element is in between. */
  private void listItem(String name) {
    boolean dd = !name.equals("li");
    for (int i = depth - 1; i >= 0; i--) {
      String open = stack[i].normalName();
      if (dd ? open.equals("dd") || open.equals("dt") : open.equals("li")) {
        generateImpliedEndTags(open);
        popUntil(open);
        break;
      }
      if ((stackFlags[i] & SPECIAL_TAG) != 0 && !open.equals("address") && !open.equals("div")
          && !open.equals("p")) {
        break;
      }
    }
    closeParagraphInButtonScope();
    insert(name, lexer.attributes);
  }

  /**
   * A formatting element. The list of active formatting elements is kept equal to the formatting elements on the
   * stack (whatever would make them differ declines), so it needs no list of its own and nothing to reconstruct.
   */
  private void formatting(String name) {
    int same = 0;
    for (int i = 0; i < depth; i++) {
      if (stack[i].normalName().equals(name)) {
        same++;
      }
    }
    if (name.equals("a") && same > 0 || same >= 3) {
      throw DECLINED; // an a inside an a; the "Noah's Ark" limit of three
    }
    insert(name, lexer.attributes);
  }

  private void endTagInBody(String name) {
    int flags = flagsOf(name);
    if ((flags & DECLINED_END_TAG) != 0) {
      throw DECLINED;
    }
    if (name.equals("body") || name.equals("html")) {
      if (!inScope("body", 0)) {
        return;
      }
      mode = Mode.AFTER_BODY;
      if (name.equals("html")) {
        mode = Mode.AFTER_AFTER_BODY;
      }
    } else if (name.equals("p")) {
      if (!inScope("p", BUTTON_SCOPE)) {
        throw DECLINED; // jsoup inserts an empty p
      }
      generateImpliedEndTags("p");
      popUntil("p");
    } else if (name.equals("li") || name.equals("dd") || name.equals("dt")) {
      if (inScope(name, name.equals("li") ? LIST_SCOPE : 0)) {
        generateImpliedEndTags(name);
        popUntil(name);
      }
    } else if ((flags & HEADING) != 0) {
      if (inScopeAnyHeading()) {
        generateImpliedEndTags(name);
        while ((currentFlags() & HEADING) == 0) {
          if ((currentFlags() & FORMATTING_TAG) != 0) {
            throw DECLINED; // see popUntil
          }
          pop();
        }
        pop(); // the innermost heading, whatever its level
      }
    } else if (name.equals("object")) {
      if (inScope(name, 0)) {
        generateImpliedEndTags(null);
        popUntil(name); // a formatting element opened in the object and left open declines (jsoup's marker)
      }
    } else if (name.equals("form")) {
      FormElement open = form;
      form = null;
      if (open == null || !onStack(open)) {
        return;
      }
      generateImpliedEndTags(null);
      if (current() != open) {
        throw DECLINED; // jsoup takes the form out of the middle of the stack
      }
      pop();
    } else if ((flags & FORMATTING_TAG) != 0) {
      if (current().normalName().equals(name)) {
        depth--;
      } else if (onStack(name)) {
        throw DECLINED; // misnested: the adoption agency
      }
      // else a formatting end tag with no such element open is ignored, as any other end tag would be
    } else if ((flags & BLOCK_CLOSER) != 0) {
      if (inScope(name, 0)) {
        generateImpliedEndTags(null);
        popUntil(name);
      }
    } else {
      anyOtherEndTag(name);
    }
  }

  private void anyOtherEndTag(String name) {
    for (int i = depth - 1; i >= 0; i--) {
      String open = stack[i].normalName();
      if (open.equals(name)) {
        generateImpliedEndTags(name);
        popUntil(name);
        return;
      }
      if ((stackFlags[i] & SPECIAL_TAG) != 0) {
        return;
      }
    }
  }

  private void inSelect(int kind) {
    if (kind == PageLexer.TEXT) {
      text();
    } else if (kind == PageLexer.COMMENT) {
      comment();
    } else if (kind == PageLexer.START_TAG) {
      String name = lexer.name;
      if (name.equals("option")) {
        if (current().normalName().equals("option")) {
          pop();
        }
        insert(name, lexer.attributes);
      } else if (name.equals("optgroup")) {
        if (current().normalName().equals("option")) {
          pop();
        }
        if (current().normalName().equals("optgroup")) {
          pop();
        }
        insert(name, lexer.attributes);
      } else if (name.equals("script")) {
        rawTextElement(name, false);
      } else {
        throw DECLINED; // select, input, keygen, textarea, template: jsoup leaves the select or reads them as head
      }
    } else if (kind == PageLexer.END_TAG) {
      String name = lexer.name;
      if (name.equals("option")) {
        if (current().normalName().equals("option")) {
          pop();
        }
      } else if (name.equals("optgroup")) {
        if (current().normalName().equals("option") && depth >= 2
            && stack[depth - 2].normalName().equals("optgroup")) {
          pop();
        }
        if (current().normalName().equals("optgroup")) {
          pop();
        }
      } else if (name.equals("svg")) {
      emptySvg();
    } else if (name.equals("select")) {
        popUntil("select");
        mode = Mode.IN_BODY;
      } else {
        throw DECLINED;
      }
    }
  }

  // ---- tables: the table, its row groups, rows and cells, as jsoup reads them; anything jsoup would move out of
  // the table (foster parenting: text or elements directly in a table, row group or row), captions, column groups,
  // forms and inputs in tables, decline.

  private void inTable(int kind) {
    if (kind == PageLexer.TEXT) {
      if (!isBlank(lexer.data)) {
        throw DECLINED; // foster parenting
      }
      text();
    } else if (kind == PageLexer.COMMENT) {
      comment();
    } else if (kind == PageLexer.START_TAG) {
      String name = lexer.name;
      if (name.equals("tbody") || name.equals("thead") || name.equals("tfoot")) {
        clearStackBackTo("table");
        insert(name, lexer.attributes);
        mode = Mode.IN_TABLE_BODY;
      } else if (name.equals("tr") || name.equals("td") || name.equals("th")) {
        clearStackBackTo("table");
        insert("tbody", null);
        mode = Mode.IN_TABLE_BODY;
        process(kind);
      } else if (name.equals("script") || name.equals("style")) {
        rawTextElement(name, false);
      } else {
        throw DECLINED; // caption, colgroup, col, a table in a table, input, form, and what jsoup moves out
      }
    } else if (kind == PageLexer.END_TAG) {
      String name = lexer.name;
      if (name.equals("table")) {
        popUntil("table");
        resetMode();
      } else if ((flagsOf(name) & TABLE_PART) == 0 && !name.equals("body") && !name.equals("html")) {
        throw DECLINED; // other end tags: foster parenting
      } // else ignored
    }
  }

  private void inTableBody(int kind) {
    String name = lexer.name;
    if (kind == PageLexer.START_TAG && name.equals("tr")) {
      clearStackBackToRowGroup();
      insert(name, lexer.attributes);
      mode = Mode.IN_ROW;
    } else if (kind == PageLexer.START_TAG && (name.equals("td") || name.equals("th"))) {
      clearStackBackToRowGroup();
      insert("tr", null);
      mode = Mode.IN_ROW;
      process(kind);
    } else if (kind == PageLexer.START_TAG && (name.equals("tbody") || name.equals("thead") || name.equals("tfoot"))
        || kind == PageLexer.END_TAG && name.equals("table")) {
      clearStackBackToRowGroup();
      pop(); // the open row group ends
      mode = Mode.IN_TABLE;
      process(kind);
    } else if (kind == PageLexer.END_TAG && (name.equals("tbody") || name.equals("thead") || name.equals("tfoot"))) {
      if (inTableScope(name)) {
        clearStackBackToRowGroup();
        pop();
        mode = Mode.IN_TABLE;
      }
    } else if (kind == PageLexer.END_TAG && (name.equals("td") || name.equals("th") || name.equals("tr"))) {
      return; // ignored
    } else {
      inTable(kind);
    }
  }

  private void inRow(int kind) {
    String name = lexer.name;
    if (kind == PageLexer.START_TAG && (name.equals("td") || name.equals("th"))) {
      clearStackBackTo("tr");
      insert(name, lexer.attributes);
      mode = Mode.IN_CELL;
    } else if (kind == PageLexer.START_TAG && (flagsOf(name) & TABLE_PART) != 0
        || kind == PageLexer.END_TAG && (name.equals("tr") || name.equals("table"))) {
      clearStackBackTo("tr");
      pop(); // the row ends
      mode = Mode.IN_TABLE_BODY;
      if (!(kind == PageLexer.END_TAG && name.equals("tr"))) {
        process(kind);
      }
    } else if (kind == PageLexer.END_TAG && (name.equals("tbody") || name.equals("thead") || name.equals("tfoot"))) {
      if (inTableScope(name)) {
        clearStackBackTo("tr");
        pop();
        mode = Mode.IN_TABLE_BODY;
        process(kind);
      }
    } else if (kind == PageLexer.END_TAG && (name.equals("td") || name.equals("th"))) {
      return; // ignored
    } else {
      inTable(kind);
    }
  }

  /**
   * In a cell, the body's rules apply; a cell start or a table part ends the cell. The formatting elements opened
   * in the cell must be closed in it (jsoup's marker), which {@link #popUntil} makes sure of.
   */
  private void inCell(int kind) {
    String name = lexer.name;
    boolean tablePart = (flagsOf(name) & TABLE_PART) != 0;
    if (kind == PageLexer.END_TAG && (name.equals("td") || name.equals("th"))) {
      if (!inTableScope(name)) {
        throw DECLINED;
      }
      closeCell(name);
    } else if (kind == PageLexer.START_TAG && tablePart || kind == PageLexer.END_TAG && (name.equals("table")
        || name.equals("tbody") || name.equals("thead") || name.equals("tfoot") || name.equals("tr"))) {
      if (kind == PageLexer.END_TAG && !inTableScope(name)) {
        return; // ignored
      }
      closeCell(inTableScope("td") ? "td" : "th");
      process(kind);
    } else if (kind == PageLexer.END_TAG && tablePart) {
      return; // caption, col, colgroup: ignored
    } else {
      inBody(kind);
    }
  }

  private void closeCell(String cell) {
    generateImpliedEndTags(null);
    popUntil(cell);
    mode = Mode.IN_ROW;
  }

  /**
   * jsoup's "clear the stack back to" a table or row: here the current node is always that element, since anything
   * that could stand above it would have been fostered, which declines.
   */
  private void clearStackBackTo(String name) {
    if (!current().normalName().equals(name)) {
      throw DECLINED;
    }
  }

  private void clearStackBackToRowGroup() {
    String open = current().normalName();
    if (!open.equals("tbody") && !open.equals("thead") && !open.equals("tfoot")) {
      throw DECLINED;
    }
  }

  /** Whether {@code name} is open with no {@code html}, {@code table} or {@code template} above it. */
  private boolean inTableScope(String name) {
    return openBelow(name, TABLE_SCOPE);
  }

  /** After a table ends: the mode of the innermost open cell, row, row group or table, else in body. */
  private void resetMode() {
    for (int i = depth - 1; i >= 0; i--) {
      switch (stack[i].normalName()) {
        case "td", "th" -> mode = Mode.IN_CELL;
        case "tr" -> mode = Mode.IN_ROW;
        case "tbody", "thead", "tfoot" -> mode = Mode.IN_TABLE_BODY;
        case "table" -> mode = Mode.IN_TABLE;
        case "body" -> mode = Mode.IN_BODY;
        default -> {
          continue;
        }
      }
      return;
    }
    throw DECLINED;
  }

  private void afterBody(int kind) {
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      // jsoup puts it in html after </body>, in the document after </html>
      (mode == Mode.AFTER_BODY ? stack[0] : doc).appendChild(new TextNode(lexer.data));
      return;
    }
    if (kind == PageLexer.COMMENT) {
      comment(); // jsoup puts it at the current node, still in the body
      return;
    }
    if (kind == PageLexer.DOCTYPE) {
      return;
    }
    if (kind == PageLexer.END_TAG && lexer.name.equals("html")) {
      mode = Mode.AFTER_AFTER_BODY;
      return;
    }
    if (kind == PageLexer.START_TAG && lexer.name.equals("html")) {
      throw DECLINED;
    }
    mode = Mode.IN_BODY;
    process(kind);
  }

  /** At the end of the page the missing html, head and body are implied, as jsoup does. */
  private void finish() {
    switch (mode) {
      case INITIAL, BEFORE_HTML -> {
        insert("html", null);
        insert("head", null);
        pop();
        insert("body", null);
      }
      case BEFORE_HEAD -> {
        insert("head", null);
        pop();
        insert("body", null);
      }
      case IN_HEAD -> {
        pop();
        insert("body", null);
      }
      case AFTER_HEAD -> insert("body", null);
      default -> { }
    }
  }

  private void closeParagraphInButtonScope() {
    if (inScope("p", BUTTON_SCOPE)) {
      generateImpliedEndTags("p");
      popUntil("p");
    }
  }

  private void generateImpliedEndTags(String except) {
    while (depth > 0 && (currentFlags() & IMPLIED_END) != 0 && !current().normalName().equals(except)) {
      depth--;
    }
  }

  /** Pops up to and including the innermost {@code name}; a formatting element closed on the way declines. */
  private void popUntil(String name) {
    while (depth > 0) {
      int flags = currentFlags();
      if (pop().normalName().equals(name)) {
        return;
      }
      if ((flags & FORMATTING_TAG) != 0) {
        throw DECLINED; // it would stay in jsoup's list of active formatting elements and be reopened
      }
    }
  }

  /** Whether {@code name} is open with no scope boundary ({@link #SCOPE} plus the {@code extra} bit) above it. */
  private boolean inScope(String name, int extra) {
    return openBelow(name, SCOPE_TAG | extra);
  }

  /** Whether {@code name} is open with no element flagged {@code boundary} above it on the stack. */
  private boolean openBelow(String name, int boundary) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stack[i].normalName().equals(name)) {
        return true;
      }
      if ((stackFlags[i] & boundary) != 0) {
        return false;
      }
    }
    return false;
  }

  private boolean inScopeAnyHeading() {
    for (int i = depth - 1; i >= 0; i--) {
      if ((stackFlags[i] & HEADING) != 0) {
        return true;
      }
      if ((stackFlags[i] & SCOPE_TAG) != 0) {
        return false;
      }
    }
    return false;
  }

  private boolean onStack(String name) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stack[i].normalName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean onStack(Element e) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stack[i] == e) {
        return true;
      }
    }
    return false;
  }

  private void rawTextElement(String name, boolean decode) {
    insert(name, lexer.attributes);
    rawTextOfCurrent(decode);
  }

  /** The raw text of the element just opened, then its end: script and style text is data, title text is text. */
  private void rawTextOfCurrent(boolean decode) {
    Element e = current();
    String text = lexer.rawText(e.normalName(), decode);
    if (!text.isEmpty()) {
      e.appendChild(e.tag().is(Tag.Data) ? new DataNode(text) : new TextNode(text));
    }
    pop();
  }

  private void text() {
    String data = lexer.data;
    if (!data.isEmpty()) {
      current().appendChild(new TextNode(data));
    }
  }

  private void comment() {
    current().appendChild(new Comment(lexer.data));
  }

  private Element insert(String name, Attributes attributes) {
    Element e = insertVoid(name, attributes);
    push(e, flagsOf(name));
    return e;
  }

  private Element insertVoid(String name, Attributes attributes) {
    Element e = element(name, attributes);
    current().appendChild(e);
    if (!isTokenTag(name)) {
      collected.offer(e);
    } else if (isCollected(lexer.nameId, name)) {
      collected.add(e);
    }
    return e;
  }

  private Element element(String name, Attributes attributes) {
    Tag tag = isTokenTag(name) ? TAGS_BY_ID[lexer.nameId]
        : tags.computeIfAbsent(name, t -> Tag.valueOf(t, Parser.NamespaceHtml, ParseSettings.htmlDefault));
    return name.equals("form") ? new FormElement(tag, null, attributes) : new Element(tag, null, attributes);
  }

  /** {@code e}'s {@link #flags} are {@code flags}. */
  private void push(Element e, int flags) {
    if (depth == MAX_DEPTH) {
      throw DECLINED;
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
      stackFlags = Arrays.copyOf(stackFlags, depth * 2);
    }
    stackFlags[depth] = flags;
    stack[depth++] = e;
  }

  private Element pop() {
    return stack[--depth];
  }

  private Element current() {
    return depth == 0 ? doc : stack[depth - 1];
  }

  private int currentFlags() {
    return depth == 0 ? 0 : stackFlags[depth - 1];
  }

  /** Whether {@link #collected} wants the elements named {@code name}, whose lexer tag id is {@code id}. */
  private boolean isCollected(int id, String name) {
    if (collectedById[id] == 0) {
      collectedById[id] = (byte) (collected.wants(name) ? 2 : 1);
    }
    return collectedById[id] == 2;
  }

  /** Whether {@code name} is the current token's tag name, an HTML element's with a lexer tag id. */
  private boolean isTokenTag(String name) {
    return name == lexer.name && lexer.nameId >= 0;
  }

  /** {@link #flags}, by the lexer's tag id when {@code name} is the current token's. */
  private int flagsOf(String name) {
    return isTokenTag(name) ? FLAGS_BY_ID[lexer.nameId] : flags(name);
  }

  private static int[] flagsById() {
    int[] byId = new int[PageLexer.tagCount()];
    for (int id = 0; id < byId.length; id++) {
      byId[id] = flags(PageLexer.knownTagName(id));
    }
    return byId;
  }

  private static Tag[] tagsById() {
    Tag[] byId = new Tag[PageLexer.tagCount()];
    for (int id = 0; id < byId.length; id++) {
      byId[id] = Tag.valueOf(PageLexer.knownTagName(id), Parser.NamespaceHtml, ParseSettings.htmlDefault);
    }
    return byId;
  }

  private static int flags(String name) {
    Integer flags = FLAGS.get(name);
    return flags == null ? 0 : flags;
  }

  private static Map<String, Integer> flagTable() {
    Map<String, Integer> table = new HashMap<>();
    Object[][] sets = {{SPECIAL, SPECIAL_TAG}, {SCOPE, SCOPE_TAG}, {P_CLOSERS, P_CLOSER}, {BLOCK_CLOSERS,
        BLOCK_CLOSER}, {HEADINGS, HEADING}, {FORMATTING, FORMATTING_TAG}, {VOID_IN_BODY, VOID_TAG}, {HEAD_VOID,
        HEAD_VOID_TAG}, {HEAD_RAW, HEAD_RAW_TAG}, {DECLINED_START, DECLINED_START_TAG}, {DECLINED_END,
        DECLINED_END_TAG}, {IMPLIED, IMPLIED_END}, {Set.of("button"), BUTTON_SCOPE}, {Set.of("ol", "ul"),
        LIST_SCOPE}, {Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"), TABLE_PART},
        {Set.of("html", "table", "template"), TABLE_SCOPE}};
    for (Object[] set : sets) {
      for (Object name : (Set<?>) set[0]) {
        table.merge((String) name, (Integer) set[1], (a, b) -> a | b);
      }
    }
    return table;
  }

  private static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!PageLexer.isSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
