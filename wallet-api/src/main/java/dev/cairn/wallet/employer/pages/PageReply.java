package dev.cairn.wallet.employer.pages;

/** What a page handler answers: an HTML page, a redirect, or a small JSON document for the status poll. */
record PageReply(int status, String body, String contentType, String location) {
  static final String HTML = "text/html; charset=utf-8";

  static PageReply html(int status, String page) {
    return new PageReply(status, page, HTML, null);
  }

  static PageReply ok(String page) {
    return html(200, page);
  }

  /** 303 See Other: after a form POST the browser GETs the next page, so a reload never re-submits the form. */
  static PageReply seeOther(String location) {
    return new PageReply(303, null, null, location);
  }

  static PageReply json(String body) {
    return new PageReply(200, body, "application/json", null);
  }
}
