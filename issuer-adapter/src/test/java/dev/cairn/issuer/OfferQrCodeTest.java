package dev.cairn.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.cairn.did.testing.Await;
import dev.cairn.issuer.client.ResolvedOffer;
import dev.cairn.issuer.testing.IssuanceWorld;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** POST /issuer/offers answers a QR code of the offer by reference, which a wallet can scan and resolve. */
class OfferQrCodeTest {
  private static final IssuanceWorld WORLD = new IssuanceWorld();

  @AfterAll
  static void close() {
    WORLD.close();
  }

  @Test
  void theOffersPngQrCodeScansToTheOfferByReferenceWhichResolves() throws Exception {
    JsonObject created = WORLD.offer(IssuanceWorld.offerRequest("MicroCredential_dc+sd-jwt"));
    String png = created.getString("qr_code_png");
    assertTrue(png.startsWith("data:image/png;base64,"), png.substring(0, 30));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode(png.substring("data:image/png;base64,".length()))));
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    assertEquals(created.getString("offer_by_reference"), scanned);
    ResolvedOffer offer = Await.result(WORLD.client.resolve(scanned));
    assertEquals(1, offer.offeredConfigurations().size());
  }

  @Test
  void theSvgQrCodeIsOneSquareViewBoxOfModules() {
    String svg = WORLD.offer(IssuanceWorld.offerRequest()).getString("qr_code_svg");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg.substring(0, 60));
    assertTrue(svg.contains("<path fill=\"#000000\" d=\"M"), "dark modules drawn");
  }
}
