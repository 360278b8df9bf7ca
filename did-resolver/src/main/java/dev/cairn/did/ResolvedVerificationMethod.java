package dev.cairn.did;

/** A dereferenced verification method that passed every check: its absolute id, its controller and its key. */
public record ResolvedVerificationMethod(String id, String controller, PublicKeyMaterial key) {}
