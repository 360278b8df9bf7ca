package dev.cairn.credentials.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The status list examples and test vectors of the Token Status List draft and Bitstring Status List v1.0. */
class StatusBitsVectorsTest {

  static Stream<String> tokenStatusListExamples() {
    return Stream.of("status-list-1bit-16.json", "status-list-2bit-12.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenStatusListExamples")
  void theDraftsSection41ExamplesDecodeToTheirStatuses(String file) {
    JsonObject example = Vectors.object("token-status-list/draft-20/" + file);
    JsonObject list = example.getJsonObject("status_list_json");
    StatusBits bits = StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst"));
    JsonObject expected = example.getJsonObject("statuses_by_index");
    for (String index : expected.fieldNames()) {
      assertEquals(expected.getInteger(index), bits.value(Long.parseLong(index)), "index " + index);
    }
  }

  @Test
  void theDraftsTwoToTheTwentyVectorsDecodeForEveryWidth() {
    for (Object entry : Vectors.object("token-status-list/draft-20/test-vectors-2pow20.json").getJsonArray("vectors")) {
      JsonObject vector = (JsonObject) entry;
      JsonObject list = vector.getJsonObject("status_list_json");
      StatusBits bits = StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst"));
      assertEquals(vector.getLong("entries"), bits.size());
      JsonObject set = vector.getJsonObject("set_statuses_by_index");
      long nonZero = 0;
      for (long i = 0; i < bits.size(); i++) {
        int value = bits.value(i);
        if (value != 0) {
          nonZero++;
          assertEquals(set.getInteger(Long.toString(i)), value, "bits " + list.getInteger("bits") + " index " + i);
        }
      }
      long listedNonZero = set.fieldNames().stream().filter(index -> set.getInteger(index) != 0).count();
      assertEquals(listedNonZero, nonZero, "no index set that the vector does not list");
      for (String index : set.fieldNames()) {
        assertEquals(set.getInteger(index), bits.value(Long.parseLong(index)), "index " + index);
      }
    }
  }

  /** §5.1/§8.2: the signed Status List Token verifies with the draft repository's key and carries the §4.1 list. */
  @Test
  void theDraftsStatusListTokenVerifiesAndDecodes() throws Exception {
    JsonObject example = Vectors.object("token-status-list/draft-20/status-list-token-jwt.json");
    com.nimbusds.jwt.SignedJWT token = com.nimbusds.jwt.SignedJWT.parse(example.getString("status_list_token_jwt"));
    com.nimbusds.jose.jwk.JWK key = com.nimbusds.jose.jwk.JWK.parse(
        Vectors.object("token-status-list/draft-20/keys.json").getJsonObject("status_list_issuer").getMap()).toPublicJWK();
    dev.cairn.credentials.jose.JwsSignatures.verify(token, key);
    assertEquals("statuslist+jwt", token.getHeader().getType().getType());
    JsonObject list = new JsonObject(token.getPayload().toString()).getJsonObject("status_list");
    StatusBits bits = StatusBits.tokenStatusList(list.getInteger("bits"), list.getString("lst"));
    JsonObject expected = Vectors.object("token-status-list/draft-20/status-list-1bit-16.json").getJsonObject("statuses_by_index");
    for (String index : expected.fieldNames()) {
      assertEquals(expected.getInteger(index), bits.value(Long.parseLong(index)), "index " + index);
    }
  }

  @Test
  void theBitstringSpecsEncodedListIsSixteenKilobytesOfValidStatuses() {
    JsonObject example = Vectors.object("bitstring-status-list/v1.0/encodedList-decoded.json");
    StatusBits bits = StatusBits.bitstring(example.getString("encodedList"), 1);
    assertEquals(131_072, bits.size());
    assertEquals(0, bits.value(0));
    assertEquals(0, bits.value(94_567));
  }

  @Test
  void bitstringIndexZeroIsTheMostSignificantBitOfTheFirstByte() throws Exception {
    byte[] raw = new byte[16];
    raw[0] = (byte) 0x80;   // index 0
    raw[1] = (byte) 0x01;   // index 15
    StatusBits bits = StatusBits.bitstring("u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(raw)), 1);
    assertEquals(1, bits.value(0));
    assertEquals(0, bits.value(1));
    assertEquals(1, bits.value(15));
    assertEquals(0, bits.value(8));
  }

  @Test
  void aZipBombIsStoppedAtTheCap() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, new Deflater(9))) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 20; i++) {
        out.write(zeros);
      }
    }
    String lst = Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    assertThrows(IllegalArgumentException.class, () -> StatusBits.tokenStatusList(1, lst));
  }

  private static byte[] gzip(byte[] raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(raw);
    }
    return out.toByteArray();
  }
}
