package org.newsdesk.index.clean.html;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link PageTree} of a page in the common shapes straight from the {@link PageLexer}'s tokens: the tree
 * jsoup's HTML5 tree builder builds, without its general machinery (token objects, insertion-mode dispatch per
 * token, error tracking, adoption agency, foster parenting) and without making a jsoup node. It follows jsoup
 * 1.21.2's rules (its tag lists, its deviations from the spec) for what it accepts, and <b>declines</b>
 * (returns null, so the page goes to jsoup) at anything else: a formatting element closed out of order or by another
 * element's end, text or elements jsoup would move out of a table (foster parenting), table captions and column
 * groups, a {@code template} with content, foreign content ({@code svg}, {@code math}), framesets, a second
 * {@code body} or {@code html} tag, a {@code </p>} without a {@code p}, nesting past jsoup's scope search depth,
 * markup the {@link PageLexer} does not read, a {@code </svg>} in a {@code select}. Declining is always safe.
 *
 * <p>It also declines where jsoup's tree is not built in document order, which the {@link PageTree.Builder} refuses:
 * jsoup puts whitespace after {@code </body>} in {@code html} (after {@code </html>}, in the document), and a
 * comment after {@code </body>} still in the body, so content that goes back into the body after such whitespace
 * (a comment, or anything after a stray {@code </body>}) lands before nodes already appended; so does an in-head
 * element after {@code </head>} once whitespace went into {@code html}. {@code PageTreeBuilderTest} pins the trees
 * to jsoup's on corpus, generated and hand-written pages, and counts these declines.
 *
 * <p>The open-element stack holds tree node ids; elements are compared by name key: the lexer's tag id for the names
 * of HTML elements, a negative key given per page to other names. No recursion: a token that switches the mode and
 * must be read again in the new one is handed back by its mode's method, not passed down.
 *
 * <p>Not thread-safe; one instance per page.
 */
final class PageTreeBuilder {
  /** Thrown where jsoup would do something this builder does not; no stack trace, it is control flow. */
  static final class Declined extends RuntimeException {
    private Declined() {
      super("declined", null, false, false);
    }
  }

  static final Declined DECLINED = new Declined();

  /** jsoup stops its scope searches 100 elements down; declining well before keeps the two in step. */
  private static final int MAX_DEPTH = 90;

  // jsoup's tag lists.
  private static final Set<String> IMPLIED = Set.of("dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt",
      "rtc");
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
  private static final Set<String> TABLE_PARTS = Set.of("caption", "col", "colgroup", "tbody", "td", "tfoot", "th",
      "thead", "tr");

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
  /** Table start and end tags, read by the table modes: in body they are ignored by jsoup, and declined here. */
  private static final int TABLE_PART = 1 << 14;
  /** The boundaries of the table scope. */
  private static final int TABLE_SCOPE = 1 << 15;
  private static final Map<String, Integer> FLAGS = flagTable();
  /** {@link #FLAGS} by the lexer's tag id, so a tag read from the page needs no map lookup. */
  private static final int[] FLAGS_BY_ID = flagsById();

  // The lexer's ids of the names the rules test. Names the lexer does not know (listing, xmp, noembed, frameset)
  // are compared as strings, on the token only.
  private static final int A = id("a");
  private static final int ADDRESS = id("address");
  private static final int BODY = id("body");
  private static final int BR = id("br");
  private static final int BUTTON = id("button");
  private static final int DD = id("dd");
  private static final int DIV = id("div");
  private static final int DT = id("dt");
  private static final int FORM = id("form");
  private static final int HEAD = id("head");
  private static final int HR = id("hr");
  private static final int HTML = id("html");
  private static final int IFRAME = id("iframe");
  private static final int LI = id("li");
  private static final int NOSCRIPT = id("noscript");
  private static final int OBJECT = id("object");
  private static final int OPTGROUP = id("optgroup");
  private static final int OPTION = id("option");
  private static final int P = id("p");
  private static final int PRE = id("pre");
  private static final int SCRIPT = id("script");
  private static final int SELECT = id("select");
  private static final int SPAN = id("span");
  private static final int STYLE = id("style");
  private static final int SVG = id("svg");
  private static final int TABLE = id("table");
  private static final int TBODY = id("tbody");
  private static final int TD = id("td");
  private static final int TEMPLATE = id("template");
  private static final int TEXTAREA = id("textarea");
  private static final int TFOOT = id("tfoot");
  private static final int TH = id("th");
  private static final int THEAD = id("thead");
  private static final int TITLE = id("title");
  private static final int TR = id("tr");

  /** The name key of no element: {@link #current()} of an empty stack, no exception in generateImpliedEndTags. */
  private static final int NO_NAME = Integer.MIN_VALUE;

  private enum Mode { INITIAL, BEFORE_HTML, BEFORE_HEAD, IN_HEAD, AFTER_HEAD, IN_BODY, IN_SELECT, IN_TABLE,
    IN_TABLE_BODY, IN_ROW, IN_CELL, AFTER_BODY, AFTER_AFTER_BODY }

  private final PageLexer lexer;
  private final PageTree.Builder tree;
  /** The open elements, as tree nodes; the document (node 0) is below them and never on it. */
  private int[] stack = new int[32];
  /** The {@link #flags} of each element on the stack. */
  private int[] stackFlags = new int[32];
  /** The name key of each element on the stack. */
  private int[] stackNames = new int[32];
  private int depth;
  private Mode mode = Mode.INITIAL;
  private int head = -1;
  /** jsoup's form element pointer: the open form, or -1. */
  private int form = -1;
  /** No doctype: a table then leaves an open p open. */
  private boolean quirks;
  /** The name keys of the page's names that are not HTML elements' (-2, -3...); made when the first comes. */
  private Map<String, Integer> otherNames;

  private PageTreeBuilder(char[] page, int length) {
    lexer = new PageLexer(page, length);
    tree = new PageTree.Builder(length / 32); // slimmed news pages: a node per 20 to 110 chars, 47 on average
  }

  /**
   * The page's tree as jsoup builds it, or null when the page holds markup this builder leaves to jsoup or jsoup
   * builds it out of document order.
   *
   * @param page the page's characters in {@code [0, length)}
   */
  static PageTree parse(char[] page, int length) {
    try {
      return build(page, length);
    } catch (Declined | IllegalStateException declined) {
      // the lexer and the rules throw Declined; the tree builder refuses an append out of document order
      return null;
    }
  }

  /**
   * {@link #parse}, with the reason of a decline thrown: {@link Declined} (markup left to
   * jsoup) or {@link IllegalStateException} (an append out of document order). For the tests.
   */
  static PageTree build(char[] page, int length) {
    return new PageTreeBuilder(page, length).build();
  }

  private PageTree build() {
    for (int kind = lexer.next(); kind != PageLexer.EOF; kind = lexer.next()) {
      while (process(kind)) {
        // the mode changed and the token is read again in the new one
      }
    }
    finish();
    return tree.finish();
  }

  /** Reads a token in the current mode; true when it switched the mode and the token must be read again. */
  private boolean process(int kind) {
    return switch (mode) {
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
    };
  }

  private boolean initial(int kind) {
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      return false;
    }
    if (kind == PageLexer.COMMENT) {
      tree.leaf(0, PageTree.COMMENT, lexer.data);
      return false;
    }
    mode = Mode.BEFORE_HTML;
    if (kind == PageLexer.DOCTYPE) {
      tree.leaf(0, PageTree.DOCTYPE, null);
      return false;
    }
    quirks = true;
    return true;
  }

  private boolean beforeHtml(int kind) {
    if (kind == PageLexer.DOCTYPE) {
      return false;
    }
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      tree.leaf(0, PageTree.TEXT, lexer.data); // jsoup keeps it, out of the spec
      return false;
    }
    if (kind == PageLexer.COMMENT) {
      tree.leaf(0, PageTree.COMMENT, lexer.data);
      return false;
    }
    if (kind == PageLexer.START_TAG && lexer.nameId == HTML) {
      insertToken();
      mode = Mode.BEFORE_HEAD;
      return false;
    }
    if (kind == PageLexer.END_TAG && !isTokenOneOf(HEAD, BODY, HTML, BR)) {
      return false;
    }
    insert(HTML);
    mode = Mode.BEFORE_HEAD;
    return true;
  }

  private boolean beforeHead(int kind) {
    if (kind == PageLexer.DOCTYPE) {
      return false;
    }
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      text(); // into html: jsoup keeps it, out of the spec
      return false;
    }
    if (kind == PageLexer.COMMENT) {
      comment();
      return false;
    }
    if (kind == PageLexer.START_TAG && lexer.nameId == HEAD) {
      head = insertToken();
      mode = Mode.IN_HEAD;
      return false;
    }
    if (kind == PageLexer.START_TAG && lexer.nameId == HTML) {
      throw DECLINED;
    }
    if (kind == PageLexer.END_TAG && !isTokenOneOf(HEAD, BODY, HTML, BR)) {
      return false;
    }
    head = insert(HEAD);
    mode = Mode.IN_HEAD;
    return true;
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

  private boolean inHead(int kind) {
    if (whitespaceCommentOrDoctype(kind)) {
      return false;
    }
    if (kind == PageLexer.START_TAG) {
      int id = lexer.nameId;
      if (headElement() || id == HEAD) {
        return false;
      }
      if (id == HTML) {
        throw DECLINED;
      }
      if (id == TEMPLATE) {
        emptyTemplate();
        return false;
      }
      if (id == NOSCRIPT) {
        // jsoup reads noscript in head in a mode of its own; the slimmed page's noscript is empty
        insertToken();
        if (lexer.next() != PageLexer.END_TAG || lexer.nameId != NOSCRIPT) {
          throw DECLINED;
        }
        pop();
        return false;
      }
    } else if (kind == PageLexer.END_TAG) {
      if (lexer.nameId == HEAD) {
        pop();
        mode = Mode.AFTER_HEAD;
        return false;
      }
      if (!isTokenOneOf(BODY, HTML, BR)) {
        return false;
      }
    }
    pop();
    mode = Mode.AFTER_HEAD;
    return true;
  }

  /**
   * The token is an in-head element (meta, link, title, script, style...): inserted at the current node. True if
   * it was one.
   */
  private boolean headElement() {
    int flags = tokenFlags();
    if ((flags & HEAD_VOID_TAG) != 0) {
      insertVoidToken();
      return true;
    }
    if ((flags & HEAD_RAW_TAG) != 0) {
      rawTextElement(lexer.nameId == TITLE);
      return true;
    }
    return false;
  }

  private boolean afterHead(int kind) {
    if (whitespaceCommentOrDoctype(kind)) {
      return false;
    }
    if (kind == PageLexer.START_TAG) {
      int id = lexer.nameId;
      if (id == BODY) {
        insertToken();
        mode = Mode.IN_BODY;
        return false;
      }
      if (id == HTML || id == TEMPLATE || lexer.name.equals("frameset")) {
        throw DECLINED;
      }
      if (id == HEAD) {
        return false;
      }
      if ((tokenFlags() & (HEAD_VOID_TAG | HEAD_RAW_TAG)) != 0) {
        // in head again for this element, as the spec says; once whitespace went into html after </head>, the
        // head is closed in the tree and the append declines
        push(head, HEAD, FLAGS_BY_ID[HEAD]);
        headElement();
        pop();
        return false;
      }
    } else if (kind == PageLexer.END_TAG && !isTokenOneOf(BODY, HTML, BR)) {
      return false;
    }
    insert(BODY);
    mode = Mode.IN_BODY;
    return true;
  }

  private boolean inBody(int kind) {
    switch (kind) {
      case PageLexer.TEXT -> text();
      case PageLexer.COMMENT -> comment();
      case PageLexer.START_TAG -> startTagInBody();
      case PageLexer.END_TAG -> endTagInBody();
      default -> { } // a doctype is ignored
    }
    return false;
  }

  private void startTagInBody() {
    int id = lexer.nameId;
    String name = lexer.name;
    int flags = tokenFlags();
    if (id == SPAN) {
      insertToken();
    } else if (headElement()) {
      return;
    } else if ((flags & DECLINED_START_TAG) != 0) {
      throw DECLINED;
    } else if ((flags & P_CLOSER) != 0) {
      closeParagraphInButtonScope();
      insertToken();
    } else if ((flags & HEADING) != 0) {
      closeParagraphInButtonScope();
      if ((currentFlags() & HEADING) != 0) {
        pop();
      }
      insertToken();
    } else if (id == LI || id == DD || id == DT) {
      listItem(id);
    } else if (id == PRE || name.equals("listing")) {
      closeParagraphInButtonScope();
      insertToken();
      lexer.skipNewline();
    } else if (id == FORM) {
      if (form >= 0) {
        return;
      }
      closeParagraphInButtonScope();
      form = insertToken();
    } else if (id == BUTTON) {
      if (inScope(BUTTON, BUTTON_SCOPE)) {
        throw DECLINED;
      }
      insertToken();
    } else if ((flags & FORMATTING_TAG) != 0) {
      formatting(id);
    } else if ((flags & VOID_TAG) != 0) {
      if (id == HR) {
        closeParagraphInButtonScope();
      }
      insertVoidToken();
    } else if (id == TEXTAREA) {
      rawTextElement(true);
    } else if (name.equals("xmp")) {
      closeParagraphInButtonScope();
      rawTextElement(false);
    } else if (id == IFRAME || name.equals("noembed")) {
      rawTextElement(false);
    } else if (id == SVG) {
      emptySvg();
    } else if (id == TEMPLATE) {
      emptyTemplate();
    } else if (id == TABLE) {
      if (!quirks) {
        closeParagraphInButtonScope();
      }
      insertToken();
      mode = Mode.IN_TABLE;
    } else if (id == SELECT) {
      if (onStack(TABLE)) {
        throw DECLINED; // jsoup reads a select in a table in a mode of its own
      }
      insertToken();
      mode = Mode.IN_SELECT;
    } else if (id == OPTION || id == OPTGROUP) {
      if (currentName() == OPTION) {
        pop();
      }
      insertToken();
    } else {
      insertToken(); // jsoup ignores a self-closing slash on any HTML element
    }
  }

  /**
   * An {@code svg} with nothing inside, as slimming leaves them, in the SVG namespace as in jsoup. Foreign content
   * is read by other rules; an {@code svg} with content declines.
   */
  private void emptySvg() {
    if (!lexer.selfClosing && (lexer.next() != PageLexer.END_TAG || lexer.nameId != SVG)) {
      throw DECLINED;
    }
    // the end tag left the start tag's attributes in the lexer
    tree.element(current(), PageLexer.knownTagName(SVG), SVG, lexer.attributeNames, lexer.attributeValues,
        lexer.attributeCount, PageTree.SVG_NAMESPACE);
  }

  /**
   * A {@code template} with nothing inside, as slimming leaves those it cannot remove whole. jsoup reads a template's
   * content in modes of its own; one with content declines.
   */
  private void emptyTemplate() {
    if (lexer.next() != PageLexer.END_TAG || lexer.nameId != TEMPLATE) {
      throw DECLINED;
    }
    // the end tag left the start tag's attributes in the lexer
    tree.element(current(), PageLexer.knownTagName(TEMPLATE), TEMPLATE, lexer.attributeNames, lexer.attributeValues,
        lexer.attributeCount, PageTree.HTML_NAMESPACE);
  }

  /** {@code li}, {@code dd}, {@code dt} close an open item of their kind unless a special element is in between. */
  private void listItem(int id) {
    boolean dd = id != LI;
    for (int i = depth - 1; i >= 0; i--) {
      int open = stackNames[i];
      if (dd ? open == DD || open == DT : open == LI) {
        generateImpliedEndTags(open);
        popUntil(open);
        break;
      }
      if ((stackFlags[i] & SPECIAL_TAG) != 0 && open != ADDRESS && open != DIV && open != P) {
        break;
      }
    }
    closeParagraphInButtonScope();
    insertToken();
  }

  /**
   * A formatting element. The list of active formatting elements is kept equal to the formatting elements on the
   * stack (whatever would make them differ declines), so it needs no list of its own and nothing to reconstruct.
   */
  private void formatting(int id) {
    int same = 0;
    for (int i = 0; i < depth; i++) {
      if (stackNames[i] == id) {
        same++;
      }
    }
    if (id == A && same > 0 || same >= 3) {
      throw DECLINED; // an a inside an a; the "Noah's Ark" limit of three
    }
    insertToken();
  }

  private void endTagInBody() {
    int id = lexer.nameId;
    int flags = tokenFlags();
    if ((flags & DECLINED_END_TAG) != 0) {
      throw DECLINED;
    }
    if (id == BODY || id == HTML) {
      if (!inScope(BODY, 0)) {
        return;
      }
      mode = id == HTML ? Mode.AFTER_AFTER_BODY : Mode.AFTER_BODY;
    } else if (id == P) {
      if (!inScope(P, BUTTON_SCOPE)) {
        throw DECLINED; // jsoup inserts an empty p
      }
      generateImpliedEndTags(P);
      popUntil(P);
    } else if (id == LI || id == DD || id == DT) {
      if (inScope(id, id == LI ? LIST_SCOPE : 0)) {
        generateImpliedEndTags(id);
        popUntil(id);
      }
    } else if ((flags & HEADING) != 0) {
      if (inScopeAnyHeading()) {
        generateImpliedEndTags(id);
        while ((currentFlags() & HEADING) == 0) {
          if ((currentFlags() & FORMATTING_TAG) != 0) {
            throw DECLINED; // see popUntil
          }
          pop();
        }
        pop(); // the innermost heading, whatever its level
      }
    } else if (id == OBJECT) {
      if (inScope(OBJECT, 0)) {
        generateImpliedEndTags(NO_NAME);
        popUntil(OBJECT); // a formatting element opened in the object and left open declines (jsoup's marker)
      }
    } else if (id == FORM) {
      int open = form;
      form = -1;
      if (open < 0 || !onStackNode(open)) {
        return;
      }
      generateImpliedEndTags(NO_NAME);
      if (current() != open) {
        throw DECLINED; // jsoup takes the form out of the middle of the stack
      }
      pop();
    } else if ((flags & FORMATTING_TAG) != 0) {
      if (currentName() == id) {
        depth--;
      } else if (onStack(id)) {
        throw DECLINED; // misnested: the adoption agency
      }
      // else a formatting end tag with no such element open is ignored, as any other end tag would be
    } else if ((flags & BLOCK_CLOSER) != 0) {
      int name = tokenName(); // listing is not a lexer name
      if (inScope(name, 0)) {
        generateImpliedEndTags(NO_NAME);
        popUntil(name);
      }
    } else {
      anyOtherEndTag();
    }
  }

  private void anyOtherEndTag() {
    int name = tokenName();
    for (int i = depth - 1; i >= 0; i--) {
      if (stackNames[i] == name) {
        generateImpliedEndTags(name);
        popUntil(name);
        return;
      }
      if ((stackFlags[i] & SPECIAL_TAG) != 0) {
        return;
      }
    }
  }

  private boolean inSelect(int kind) {
    if (kind == PageLexer.TEXT) {
      text();
    } else if (kind == PageLexer.COMMENT) {
      comment();
    } else if (kind == PageLexer.START_TAG) {
      int id = lexer.nameId;
      if (id == OPTION) {
        if (currentName() == OPTION) {
          pop();
        }
        insertToken();
      } else if (id == OPTGROUP) {
        if (currentName() == OPTION) {
          pop();
        }
        if (currentName() == OPTGROUP) {
          pop();
        }
        insertToken();
      } else if (id == SCRIPT) {
        rawTextElement(false);
      } else {
        // select, input, keygen, textarea, template: jsoup leaves the select or reads them as head
        throw DECLINED;
      }
    } else if (kind == PageLexer.END_TAG) {
      int id = lexer.nameId;
      if (id == OPTION) {
        if (currentName() == OPTION) {
          pop();
        }
      } else if (id == OPTGROUP) {
        if (currentName() == OPTION && depth >= 2 && stackNames[depth - 2] == OPTGROUP) {
          pop();
        }
        if (currentName() == OPTGROUP) {
          pop();
        }
      } else if (id == SELECT) {
        popUntil(SELECT);
        mode = Mode.IN_BODY;
      } else {
        // jsoup ignores the others
        throw DECLINED;
      }
    }
    return false;
  }

  // ---- tables: the table, its row groups, rows and cells, as jsoup reads them; anything jsoup would move out of
  // the table (foster parenting: text or elements directly in a table, row group or row), captions, column groups,
  // forms and inputs in tables, decline.

  private boolean inTable(int kind) {
    if (kind == PageLexer.TEXT) {
      if (!isBlank(lexer.data)) {
        throw DECLINED; // foster parenting
      }
      text();
    } else if (kind == PageLexer.COMMENT) {
      comment();
    } else if (kind == PageLexer.START_TAG) {
      int id = lexer.nameId;
      if (id == TBODY || id == THEAD || id == TFOOT) {
        clearStackBackTo(TABLE);
        insertToken();
        mode = Mode.IN_TABLE_BODY;
      } else if (id == TR || id == TD || id == TH) {
        clearStackBackTo(TABLE);
        insert(TBODY);
        mode = Mode.IN_TABLE_BODY;
        return true;
      } else if (id == SCRIPT || id == STYLE) {
        rawTextElement(false);
      } else {
        // caption, colgroup, col, a table in a table, input, form, and what jsoup moves out
        throw DECLINED;
      }
    } else if (kind == PageLexer.END_TAG) {
      int id = lexer.nameId;
      if (id == TABLE) {
        popUntil(TABLE);
        resetMode();
      } else if ((tokenFlags() & TABLE_PART) == 0 && id != BODY && id != HTML) {
        throw DECLINED; // other end tags: foster parenting
      } // else ignored
    }
    return false;
  }

  private boolean inTableBody(int kind) {
    boolean start = kind == PageLexer.START_TAG;
    boolean end = kind == PageLexer.END_TAG;
    int id = lexer.nameId; // read only for a tag
    if (start && id == TR) {
      clearStackBackToRowGroup();
      insertToken();
      mode = Mode.IN_ROW;
    } else if (start && (id == TD || id == TH)) {
      clearStackBackToRowGroup();
      insert(TR);
      mode = Mode.IN_ROW;
      return true;
    } else if (start && (id == TBODY || id == THEAD || id == TFOOT) || end && id == TABLE) {
      clearStackBackToRowGroup();
      pop(); // the open row group ends
      mode = Mode.IN_TABLE;
      return true;
    } else if (end && (id == TBODY || id == THEAD || id == TFOOT)) {
      if (inTableScope(id)) {
        clearStackBackToRowGroup();
        pop();
        mode = Mode.IN_TABLE;
      }
    } else if (end && (id == TD || id == TH || id == TR)) {
      return false; // ignored
    } else {
      return inTable(kind);
    }
    return false;
  }

  private boolean inRow(int kind) {
    boolean start = kind == PageLexer.START_TAG;
    boolean end = kind == PageLexer.END_TAG;
    int id = lexer.nameId; // read only for a tag
    if (start && (id == TD || id == TH)) {
      clearStackBackTo(TR);
      insertToken();
      mode = Mode.IN_CELL;
    } else if (start && (tokenFlags() & TABLE_PART) != 0 || end && (id == TR || id == TABLE)) {
      clearStackBackTo(TR);
      pop(); // the row ends
      mode = Mode.IN_TABLE_BODY;
      return !(end && id == TR);
    } else if (end && (id == TBODY || id == THEAD || id == TFOOT)) {
      if (inTableScope(id)) {
        clearStackBackTo(TR);
        pop();
        mode = Mode.IN_TABLE_BODY;
        return true;
      }
    } else if (end && (id == TD || id == TH)) {
      return false; // ignored
    } else {
      return inTable(kind);
    }
    return false;
  }

  /**
   * In a cell, the body's rules apply; a cell start or a table part ends the cell. The formatting elements opened
   * in the cell must be closed in it (jsoup's marker), which {@link #popUntil} makes sure of.
   */
  private boolean inCell(int kind) {
    boolean start = kind == PageLexer.START_TAG;
    boolean end = kind == PageLexer.END_TAG;
    int id = lexer.nameId; // read only for a tag
    boolean tablePart = (start || end) && (tokenFlags() & TABLE_PART) != 0;
    if (end && (id == TD || id == TH)) {
      if (!inTableScope(id)) {
        throw DECLINED;
      }
      closeCell(id);
    } else if (start && tablePart
        || end && (id == TABLE || id == TBODY || id == THEAD || id == TFOOT || id == TR)) {
      if (end && !inTableScope(id)) {
        return false; // ignored
      }
      closeCell(inTableScope(TD) ? TD : TH);
      return true;
    } else if (end && tablePart) {
      return false; // caption, col, colgroup: ignored
    } else {
      inBody(kind);
    }
    return false;
  }

  private void closeCell(int cell) {
    generateImpliedEndTags(NO_NAME);
    popUntil(cell);
    mode = Mode.IN_ROW;
  }

  /**
   * jsoup's "clear the stack back to" a table or row: here the current node is always that element, since anything
   * that could stand above it would have been fostered, which declines.
   */
  private void clearStackBackTo(int name) {
    if (currentName() != name) {
      throw DECLINED;
    }
  }

  private void clearStackBackToRowGroup() {
    int open = currentName();
    if (open != TBODY && open != THEAD && open != TFOOT) {
      throw DECLINED;
    }
  }

  /** Whether {@code name} is open with no {@code html}, {@code table} or {@code template} above it. */
  private boolean inTableScope(int name) {
    return openBelow(name, TABLE_SCOPE);
  }

  /** After a table ends: the mode of the innermost open cell, row, row group or table, else in body. */
  private void resetMode() {
    for (int i = depth - 1; i >= 0; i--) {
      int open = stackNames[i];
      if (open == TD || open == TH) {
        mode = Mode.IN_CELL;
      } else if (open == TR) {
        mode = Mode.IN_ROW;
      } else if (open == TBODY || open == THEAD || open == TFOOT) {
        mode = Mode.IN_TABLE_BODY;
      } else if (open == TABLE) {
        mode = Mode.IN_TABLE;
      } else if (open == BODY) {
        mode = Mode.IN_BODY;
      } else {
        continue;
      }
      return;
    }
    throw DECLINED;
  }

  private boolean afterBody(int kind) {
    if (kind == PageLexer.TEXT && isBlank(lexer.data)) {
      // jsoup puts it in html after </body>, in the document after </html>; the body is then closed in the tree,
      // and content that goes back into it declines (see the class comment)
      tree.leaf(mode == Mode.AFTER_BODY ? stack[0] : 0, PageTree.TEXT, lexer.data);
      return false;
    }
    if (kind == PageLexer.COMMENT) {
      comment(); // jsoup puts it at the current node, still in the body
      return false;
    }
    if (kind == PageLexer.DOCTYPE) {
      return false;
    }
    if (kind == PageLexer.END_TAG && lexer.nameId == HTML) {
      mode = Mode.AFTER_AFTER_BODY;
      return false;
    }
    if (kind == PageLexer.START_TAG && lexer.nameId == HTML) {
      throw DECLINED;
    }
    mode = Mode.IN_BODY;
    return true;
  }

  /** At the end of the page the missing html, head and body are implied, as jsoup does. */
  private void finish() {
    switch (mode) {
      case INITIAL, BEFORE_HTML -> {
        insert(HTML);
        insert(HEAD);
        pop();
        insert(BODY);
      }
      case BEFORE_HEAD -> {
        insert(HEAD);
        pop();
        insert(BODY);
      }
      case IN_HEAD -> {
        pop();
        insert(BODY);
      }
      case AFTER_HEAD -> insert(BODY);
      default -> { }
    }
  }

  private void closeParagraphInButtonScope() {
    if (inScope(P, BUTTON_SCOPE)) {
      generateImpliedEndTags(P);
      popUntil(P);
    }
  }

  /** Pops the elements whose end tags are implied, down to one named {@code except} ({@link #NO_NAME}: none). */
  private void generateImpliedEndTags(int except) {
    while (depth > 0 && (currentFlags() & IMPLIED_END) != 0 && currentName() != except) {
      depth--;
    }
  }

  /** Pops up to and including the innermost {@code name}; a formatting element closed on the way declines. */
  private void popUntil(int name) {
    while (depth > 0) {
      int flags = currentFlags();
      if (stackNames[--depth] == name) {
        return;
      }
      if ((flags & FORMATTING_TAG) != 0) {
        // it would stay in jsoup's list of active formatting elements and be reopened
        throw DECLINED;
      }
    }
  }

  /** Whether {@code name} is open with no scope boundary ({@link #SCOPE} plus the {@code extra} bit) above it. */
  private boolean inScope(int name, int extra) {
    return openBelow(name, SCOPE_TAG | extra);
  }

  /** Whether {@code name} is open with no element flagged {@code boundary} above it on the stack. */
  private boolean openBelow(int name, int boundary) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stackNames[i] == name) {
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

  private boolean onStack(int name) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stackNames[i] == name) {
        return true;
      }
    }
    return false;
  }

  private boolean onStackNode(int node) {
    for (int i = depth - 1; i >= 0; i--) {
      if (stack[i] == node) {
        return true;
      }
    }
    return false;
  }

  /**
   * The start tag's element with its raw text, then its end: the text of script, style, xmp, iframe, noembed and
   * noframes is data (jsoup's {@code Tag.Data}); that of title and textarea, whose character references are decoded,
   * is text.
   */
  private void rawTextElement(boolean decode) {
    int element = insertToken();
    String text = lexer.rawText(lexer.name, decode);
    if (!text.isEmpty()) {
      tree.leaf(element, decode ? PageTree.TEXT : PageTree.DATA, text);
    }
    pop();
  }

  private void text() {
    String data = lexer.data;
    if (!data.isEmpty()) {
      tree.leaf(current(), PageTree.TEXT, data);
    }
  }

  private void comment() {
    tree.leaf(current(), PageTree.COMMENT, lexer.data);
  }

  /** Appends the start tag's element at the current node and opens it; returns it. */
  private int insertToken() {
    int node = insertVoidToken();
    push(node, tokenName(), tokenFlags());
    return node;
  }

  /** Appends the start tag's element at the current node, without opening it; returns it. */
  private int insertVoidToken() {
    int id = lexer.nameId;
    return tree.element(current(), lexer.name, id >= 0 ? id : PageTree.UNKNOWN_TAG, lexer.attributeNames,
        lexer.attributeValues, lexer.attributeCount, PageTree.HTML_NAMESPACE);
  }

  /** Appends an element the page leaves implied (html, head, body, tbody, tr) and opens it; returns it. */
  private int insert(int id) {
    int node = tree.element(current(), PageLexer.knownTagName(id), id, null);
    push(node, id, FLAGS_BY_ID[id]);
    return node;
  }

  private void push(int node, int name, int flags) {
    if (depth == MAX_DEPTH) {
      throw DECLINED;
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
      stackFlags = Arrays.copyOf(stackFlags, depth * 2);
      stackNames = Arrays.copyOf(stackNames, depth * 2);
    }
    stack[depth] = node;
    stackFlags[depth] = flags;
    stackNames[depth++] = name;
  }

  private void pop() {
    depth--;
  }

  /** The current node: the innermost open element, or the document. */
  private int current() {
    return depth == 0 ? 0 : stack[depth - 1];
  }

  private int currentName() {
    return depth == 0 ? NO_NAME : stackNames[depth - 1];
  }

  private int currentFlags() {
    return depth == 0 ? 0 : stackFlags[depth - 1];
  }

  /** The name key of the current tag: its lexer id, or this page's key of a name the lexer does not know. */
  private int tokenName() {
    if (lexer.nameId >= 0) {
      return lexer.nameId;
    }
    if (otherNames == null) {
      otherNames = new HashMap<>();
    }
    Integer key = otherNames.get(lexer.name);
    if (key == null) {
      key = -2 - otherNames.size();
      otherNames.put(lexer.name, key);
    }
    return key;
  }

  /** {@link #flags} of the current tag's name, by its lexer id when it has one. */
  private int tokenFlags() {
    return lexer.nameId >= 0 ? FLAGS_BY_ID[lexer.nameId] : flags(lexer.name);
  }

  /** Whether the current tag's name is one of the given HTML element names. */
  private boolean isTokenOneOf(int... ids) {
    for (int id : ids) {
      if (lexer.nameId == id) {
        return true;
      }
    }
    return false;
  }

  private static int id(String name) {
    int id = PageTree.tagId(name);
    if (id < 0) {
      throw new AssertionError(name + " is not one of the lexer's tag names");
    }
    return id;
  }

  private static int[] flagsById() {
    int[] byId = new int[PageLexer.tagCount()];
    for (int id = 0; id < byId.length; id++) {
      byId[id] = flags(PageLexer.knownTagName(id));
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
        LIST_SCOPE}, {TABLE_PARTS, TABLE_PART}, {Set.of("html", "table", "template"), TABLE_SCOPE}};
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
