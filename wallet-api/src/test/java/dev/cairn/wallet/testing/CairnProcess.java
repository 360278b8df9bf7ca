package dev.cairn.wallet.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar ({@code cairn.jar} system property, set by failsafe) as its own process, configured only through
 * environment variables, as an operator runs it. Its standard output is kept line by line for failure messages.
 */
public final class CairnProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Cairn is ready at http://localhost:(\\d+)/");

  public final Process process;
  public final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private Api api;

  private CairnProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "cairn-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the jar with {@code env} on top of a fresh home and a free loopback port; waits until it is ready. */
  public static CairnProcess start(Path home, Map<String, String> env) throws Exception {
    Files.createDirectories(home);
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", System.getProperty("cairn.jar")).redirectErrorStream(true);
    builder.environment().put("CAIRN_HOME", home.toString());
    builder.environment().put("CAIRN_HTTP_PORT", "0");
    builder.environment().put("CAIRN_HTTP_HOST", "127.0.0.1");
    builder.environment().putAll(env);
    CairnProcess running = new CairnProcess(builder.start());
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
      running.kill();
      throw new IllegalStateException("not ready in time:\n" + running.output());
    }
    return running;
  }

  public Api api() {
    return api;
  }

  public String output() {
    return String.join("\n", lines);
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is drained or flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM through the handle (Process.destroy() would also close our end of its output); waits for the exit. */
  public int terminate() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("still running 60 s after SIGTERM:\n" + output());
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** Keeps each line, and copies it to target/process-logs/cairn-<pid>.log for reading after a failure. */
  private void read() {
    Path log = Path.of("target", "process-logs", "cairn-" + process.pid() + ".log");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
         var copy = Files.newBufferedWriter(Files.createDirectories(log.getParent()).resolve(log.getFileName()))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
        copy.write(line);
        copy.newLine();
        copy.flush();
      }
    } catch (IOException ignored) {
      // The process ended.
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      terminate();
    }
  }
}
