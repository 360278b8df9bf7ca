package dev.cairn.issuer.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * §4.1.1 {@code tx_code}: the offer requires a Transaction Code (even when this object is empty), how it is typed
 * ({@code numeric} by default, or {@code text}), how long it is, and where the learner finds it.
 */
public record TxCode(String inputMode, OptionalInt length, Optional<String> description) {}
