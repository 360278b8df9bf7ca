package dev.cairn.issuer.reference;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.cairn.credentials.CryptoPool;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR code a learner scans to receive an offer (§4.1: "a QR code or a link"), of the offer by reference — a short
 * URL makes a small code a phone reads off a screen, where the offer by value would be several hundred characters.
 * As a PNG data URI (for an {@code <img>}) and as SVG; error correction M, the 4-module quiet zone scanners expect.
 * Drawn on the crypto pool: it is CPU work.
 */
final class OfferQrCodes {
  private static final int QUIET_ZONE = 4;
  private static final int PIXELS_PER_MODULE = 5;

  private final CryptoPool crypto;

  OfferQrCodes(CryptoPool crypto) {
    this.crypto = crypto;
  }

  /** {@code qr_code_png} (a {@code data:image/png;base64,} URI) and {@code qr_code_svg} of {@code link}. */
  Future<JsonObject> of(String link) {
    return crypto.run(() -> {
      BitMatrix matrix = matrix(link);
      return new JsonObject()
          .put("qr_code_png", "data:image/png;base64," + Base64.getEncoder().encodeToString(png(matrix)))
          .put("qr_code_svg", svg(matrix));
    });
  }

  private static byte[] png(BitMatrix matrix) {
    int size = matrix.getWidth() * PIXELS_PER_MODULE;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A square per dark module in one path; the viewBox counts modules, so it scales to any size. */
  private static String svg(BitMatrix matrix) {
    int size = matrix.getWidth();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
        + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + path + "\"/></svg>";
  }

  private static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
          EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("the offer link does not fit in a QR code", e);
    }
  }
}
