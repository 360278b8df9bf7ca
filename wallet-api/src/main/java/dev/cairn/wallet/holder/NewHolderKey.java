package dev.cairn.wallet.holder;

/** A freshly generated holder key: its public forms and its private JWK sealed under the current KEK. */
public record NewHolderKey(HolderKey key, String kekId, byte[] sealedPrivateKey) {}
