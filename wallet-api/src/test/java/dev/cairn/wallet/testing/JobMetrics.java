package dev.cairn.wallet.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code cairn.jobs.items} from an instance's {@code /metrics}: the work items its background job finished. */
public final class JobMetrics {
  private JobMetrics() {}

  public static long itemsDone(CairnUnderTest cairn, String job) {
    String metrics = cairn.api().get("/metrics", null).body();
    Matcher found = Pattern.compile("(?m)^cairn_jobs_items_total\\{[^}]*job=\"" + Pattern.quote(job) + "\"[^}]*} (\\S+)$")
        .matcher(metrics);
    return found.find() ? Math.round(Double.parseDouble(found.group(1))) : 0;
  }

  /** The sum over instances: each work item done once across all of them. */
  public static long itemsDone(String job, CairnUnderTest... instances) {
    long total = 0;
    for (CairnUnderTest one : instances) {
      total += itemsDone(one, job);
    }
    return total;
  }
}
