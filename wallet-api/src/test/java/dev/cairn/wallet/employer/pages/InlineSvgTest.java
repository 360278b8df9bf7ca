package dev.cairn.wallet.employer.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only drawing markup is ever inlined into a page; anything that could run or fetch is refused. */
class InlineSvgTest {
  private static final String QR = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\" "
      + "shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
      + "<path fill=\"#000\" d=\"M4 4h1v1h-1z\"/></svg>";

  @Test
  void acceptsTheQrCodeRoutesDrawing() {
    assertEquals(Optional.of(QR), InlineSvg.of(QR));
  }

  @Test
  void refusesScriptsHandlersLinksAndStyles() {
    for (String hostile : new String[] {
        QR.replace("</svg>", "<script>alert(1)</script></svg>"),
        QR.replace("<svg ", "<svg onload=\"alert(1)\" "),
        QR.replace("<path ", "<path style=\"x\" "),
        QR.replace("</svg>", "<a href=\"javascript:alert(1)\"/></svg>"),
        QR.replace("d=\"M4", "d=\"&x;M4"),
        QR + "<img src=x>"}) {
      assertTrue(InlineSvg.of(hostile).isEmpty(), hostile);
    }
  }
}
