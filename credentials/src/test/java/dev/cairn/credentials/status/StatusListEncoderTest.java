package dev.cairn.credentials.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.did.testing.Vectors;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder against the specifications' published lists (the same files {@link StatusBitsVectorsTest} decodes),
 * and encoder → {@link StatusBits} round trips for every width.
 */
class StatusListEncoderTest {

  static Stream<String> tokenStatusListExamples() {
    return Stream.of("status-list-1bit-16.json", "status-list-2bit-12.json");
  }

  /** Token Status List §4.1: the example statuses encode to the draft's {@code lst}, byte for byte. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tokenStatusListExamples")
  void theDraftsSection41ExamplesEncodeToTheirLst(String file) {
    JsonObject example = Vectors.object("token-status-list/draft-20/" + file);
    JsonObject statuses = example.getJsonObject("statuses_by_index");
    StatusListEncoder list = StatusListEncoder.tokenStatusList(example.getInteger("bits"), statuses.size());
    statuses.fieldNames().forEach(index -> list.set(Long.parseLong(index), statuses.getInteger(index)));
    assertEquals(example.getJsonObject("status_list_json").getString("lst"), list.encode());
  }

  /** Appendix C: 2^20 entries at 1, 2, 4 and 8 bits; the encoded list is the draft's. */
  @Test
  void theDraftsTwoToTheTwentyVectorsEncodeToTheirLst() {
    for (Object entry : Vectors.object("token-status-list/draft-20/test-vectors-2pow20.json").getJsonArray("vectors")) {
      JsonObject vector = (JsonObject) entry;
      JsonObject expected = vector.getJsonObject("status_list_json");
      StatusListEncoder list = StatusListEncoder.tokenStatusList(expected.getInteger("bits"), vector.getLong("entries"));
      JsonObject set = vector.getJsonObject("set_statuses_by_index");
      set.fieldNames().forEach(index -> list.set(Long.parseLong(index), set.getInteger(index)));
      assertEquals(expected.getString("lst"), list.encode(), "bits " + expected.getInteger("bits"));
    }
  }

  /** Bitstring Status List Examples 3 and 5: 131,072 clear bits encode to the spec's encodedList exactly. */
  @Test
  void anEmptySixteenKilobyteBitstringIsTheSpecsEncodedList() {
    JsonObject example = Vectors.object("bitstring-status-list/v1.0/encodedList-decoded.json");
    assertEquals(example.getString("encodedList"), StatusListEncoder.bitstring(1, 131_072).encode());
  }

  @ParameterizedTest(name = "bits {0}")
  @ValueSource(ints = {1, 2, 4, 8})
  void tokenStatusListsRoundTripThroughTheDecoder(int bits) {
    int size = 5_000;
    int[] values = randomValues(size, bits, 7L + bits);
    StatusListEncoder list = StatusListEncoder.tokenStatusList(bits, size);
    for (int i = 0; i < size; i++) {
      list.set(i, values[i]);
    }
    StatusBits decoded = StatusBits.tokenStatusList(bits, list.encode());
    for (int i = 0; i < size; i++) {
      assertEquals(values[i], decoded.value(i), "index " + i);
    }
  }

  @ParameterizedTest(name = "statusSize {0}")
  @ValueSource(ints = {1, 2, 3, 8})
  void bitstringListsRoundTripThroughTheDecoder(int statusSize) {
    int size = 131_072;
    int[] values = randomValues(size, statusSize, 11L + statusSize);
    StatusListEncoder list = StatusListEncoder.bitstring(statusSize, size);
    for (int i = 0; i < size; i++) {
      list.set(i, values[i]);
    }
    StatusBits decoded = StatusBits.bitstring(list.encode(), statusSize);
    for (int i = 0; i < size; i++) {
      assertEquals(values[i], decoded.value(i), "index " + i);
    }
  }

  @Test
  void settingAStatusBackToZeroClearsOnlyItsBits() {
    StatusListEncoder list = StatusListEncoder.tokenStatusList(2, 16);
    list.set(4, 3);
    list.set(5, 2);
    list.set(4, 0);
    StatusBits decoded = StatusBits.tokenStatusList(2, list.encode());
    assertEquals(0, decoded.value(4));
    assertEquals(2, decoded.value(5));
  }

  @Test
  void bitstringIndexZeroIsTheLeftMostBit() {
    StatusListEncoder list = StatusListEncoder.bitstring(1, 131_072);
    list.set(0, 1);
    StatusBits decoded = StatusBits.bitstring(list.encode(), 1);
    assertEquals(1, decoded.value(0));
    assertEquals(0, decoded.value(7));
  }

  @Test
  void refusesWhatTheSpecsDoNotAllow() {
    assertThrows(IllegalArgumentException.class, () -> StatusListEncoder.tokenStatusList(3, 16));
    assertThrows(IllegalArgumentException.class, () -> StatusListEncoder.bitstring(1, 131_071),
        "Bitstring Status List §2.2: at least 16 KB");
    StatusListEncoder list = StatusListEncoder.tokenStatusList(1, 16);
    assertThrows(IllegalArgumentException.class, () -> list.set(0, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> list.set(16, 1));
  }

  private static int[] randomValues(int size, int bits, long seed) {
    Random random = new Random(seed);
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      values[i] = random.nextInt(1 << bits);
    }
    return values;
  }
}
