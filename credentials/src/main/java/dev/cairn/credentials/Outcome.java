package dev.cairn.credentials;

/** How one check ended. A skipped check always says why. */
public enum Outcome { PASSED, FAILED, SKIPPED }
