package dev.cairn.wallet.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL left running on Cairn's data directory by a Cairn that was killed (kill -9, the OOM
 * killer) before its shutdown hook could stop it. Its postmaster still holds the data directory, so the next start
 * would fail on PostgreSQL's lock file. Call only while holding the data directory's Cairn lock: then no live Cairn
 * owns that postmaster.
 */
final class LeftoverPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

  private LeftoverPostmaster() {}

  /** Stops it if one runs, with a smart shutdown (its clients died with the old Cairn), waiting at most {@code wait}. */
  static void stopIfRunning(Path dataDirectory, Duration wait) {
    Optional<ProcessHandle> postmaster = find(dataDirectory);
    if (postmaster.isEmpty()) {
      return;
    }
    long pid = postmaster.get().pid();
    LOG.warn("stopping PostgreSQL (pid {}) left running on {} by a Cairn that did not shut down", pid, dataDirectory);
    postmaster.get().destroy();
    try {
      postmaster.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("PostgreSQL (pid " + pid + ") left running on " + dataDirectory
          + " did not stop within " + wait.toSeconds() + " s; stop it and start Cairn again", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * postmaster.pid's first line is the postmaster's pid, its second the data directory (PostgreSQL's
   * miscadmin.h, LOCK_FILE_LINE_PID and LOCK_FILE_LINE_DATA_DIR). A stale file (no such process, or the pid reused by
   * something that is not PostgreSQL) is left for PostgreSQL to judge.
   */
  private static Optional<ProcessHandle> find(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).trim().matches("[0-9]{1,10}")
          || !Files.isSameFile(Path.of(lines.get(1).trim()), dataDirectory)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> isPostgres(pid));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + pidFile, e);
    }
  }

  /** The embedded binaries are Linux ones; /proc names the program of any process, whatever its user namespace. */
  private static boolean isPostgres(long pid) {
    try {
      String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
      String program = commandLine.split("\0", 2)[0];
      return program.endsWith("/postgres") || program.equals("postgres");
    } catch (IOException e) {
      return false;
    }
  }
}
