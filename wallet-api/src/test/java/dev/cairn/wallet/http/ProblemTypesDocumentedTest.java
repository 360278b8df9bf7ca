package dev.cairn.wallet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/problems.md and {@link ProblemType} list the same codes with the same statuses. */
class ProblemTypesDocumentedTest {

  @Test
  void everyProblemTypeHasARowInDocsProblemsAndNoRowIsStale() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "problems.md"));
    Matcher rows = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (\\d{3}) \\|").matcher(doc);
    Set<String> documented = new TreeSet<>();
    while (rows.find()) {
      documented.add(rows.group(1) + " " + rows.group(2));
    }
    Set<String> declared = Arrays.stream(ProblemType.values())
        .map(type -> type.code() + " " + type.status())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, documented);
  }
}
