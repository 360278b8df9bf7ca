package dev.cairn.wallet.server;

import static dev.cairn.wallet.testing.Api.credentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.wallet.testing.Api;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run the way an operator runs it: `java -jar` with only environment variables, its own
 * embedded PostgreSQL (started as whatever user runs the build, root included), stopped with SIGTERM.
 */
class CairnProcessIT {
  private static final Pattern READY = Pattern.compile("Cairn is ready at http://localhost:(\\d+)/");

  @Test
  void theJarStartsServesStopsOnSigtermAndKeepsItsDataForTheNextStart(@TempDir Path home) throws Exception {
    JsonObject session;
    try (Running first = Running.start(home)) {
      session = first.api.signUp("process@example.org");
      assertEquals(200, first.api.get("/v1/me", session.getString("accessToken")).status());
      first.stop();
      assertTrue(first.lines.stream().anyMatch(line -> line.contains("\"message\":\"stopped\"")),
          () -> "logged its clean stop:\n" + String.join("\n", first.lines));
      assertTrue(first.lines.stream().anyMatch(line -> line.contains("\"logger\":\"cairn.access\"")
          && line.contains("\"route\":\"/v1/me\"") && line.contains("\"requestId\":")), "one JSON access line per request");
      assertFalse(first.lines.stream().anyMatch(line -> line.contains(session.getString("accessToken"))), "tokens never logged");
      assertFalse(first.lines.stream().anyMatch(line -> line.contains("a long enough password")), "passwords never logged");
    }
    assertFalse(Files.exists(home.resolve("pgdata/postmaster.pid")), "PostgreSQL was shut down cleanly");

    try (Running second = Running.start(home)) {
      var login = second.api.post("/v1/sessions", null, credentials("process@example.org", "a long enough password"));
      assertEquals(201, login.status(), login.body());
    }
  }

  /** A started jar whose standard output is collected line by line. */
  private static final class Running implements AutoCloseable {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader;
    Api api;

    private Running(Process process) {
      this.process = process;
    }

    static Running start(Path home) throws Exception {
      String jar = System.getProperty("cairn.jar");
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar).redirectErrorStream(true);
      builder.environment().put("CAIRN_HOME", home.toString());
      builder.environment().put("CAIRN_HTTP_PORT", "0");
      builder.environment().put("CAIRN_HTTP_HOST", "127.0.0.1");
      builder.environment().put("CAIRN_SHUTDOWN_DRAIN_SECONDS", "5");
      Running running = new Running(builder.start());
      running.reader = new Thread(running::read, "cairn-stdout");
      running.reader.setDaemon(true);
      running.reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (running.api == null && System.nanoTime() < deadline && running.process.isAlive()) {
        for (String line : running.lines) {
          Matcher ready = READY.matcher(line);
          if (ready.find()) {
            running.api = new Api("http://127.0.0.1:" + ready.group(1));
          }
        }
        Thread.sleep(50);
      }
      if (running.api == null) {
        running.close();
        throw new IllegalStateException("not ready in time:\n" + String.join("\n", running.lines));
      }
      return running;
    }

    private void read() {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // The process ended.
      }
    }

    /** SIGTERM, then wait for the exit a JVM gives after its shutdown hooks ran (128 + 15). */
    void stop() throws InterruptedException {
      // Through the handle: Process.destroy() would also close our end of its stdout and lose the last lines.
      process.toHandle().destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s of SIGTERM");
      assertEquals(143, process.exitValue());
      reader.join(10_000);
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        try {
          stop();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
        }
      }
    }
  }
}
