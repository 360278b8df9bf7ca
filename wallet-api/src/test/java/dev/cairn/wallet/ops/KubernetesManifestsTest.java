package dev.cairn.wallet.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both Kustomize overlays render with {@code kubectl kustomize}, and what they render keeps the deployment's
 * invariants: probes on the health endpoints, requests and limits, a locked-down container, a grace period covering
 * the drain, no service-account token, selectors that select Cairn's pods, a NetworkPolicy that lets in only HTTP
 * and out only DNS, PostgreSQL and HTTPS, and no Secret with key material. Skipped where kubectl is missing.
 */
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("..", "k8s").toAbsolutePath().normalize();

  private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed here");
    Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    ObjectMapper yaml = new YAMLMapper();
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(output)) {
      yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents;
  }

  private static boolean onPath(String command) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(directory, command))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode one(List<JsonNode> documents, String kind) {
    List<JsonNode> found = documents.stream().filter(doc -> kind.equals(doc.path("kind").asText())).toList();
    assertEquals(1, found.size(), "exactly one " + kind);
    return found.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theDeploymentIsLockedDownAndProbedOnTheHealthEndpoints(String overlay) throws Exception {
    List<JsonNode> documents = render(overlay);
    JsonNode pod = one(documents, "Deployment").path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertEquals("/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
    assertEquals("/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    assertEquals("/health/live", container.path("startupProbe").path("httpGet").path("path").asText());
    for (String kind : List.of("requests", "limits")) {
      assertFalse(container.path("resources").path(kind).path("cpu").isMissingNode(), kind + ".cpu");
      assertFalse(container.path("resources").path(kind).path("memory").isMissingNode(), kind + ".memory");
    }
    assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
    JsonNode security = container.path("securityContext");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
    assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());
    assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
    assertFalse(one(documents, "ServiceAccount").path("automountServiceAccountToken").asBoolean(true));

    int drain = one(documents, "ConfigMap").path("data").path("CAIRN_SHUTDOWN_DRAIN_SECONDS").asInt();
    assertTrue(pod.path("terminationGracePeriodSeconds").asInt() >= drain + 5,
        "the grace period covers the drain and the close after it");
    assertTrue(documents.stream().noneMatch(doc -> "Secret".equals(doc.path("kind").asText())),
        "key material is never part of the manifests");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everySelectorSelectsCairnsPodsAndTheNetworkIsNarrow(String overlay) throws Exception {
    List<JsonNode> documents = render(overlay);
    JsonNode deployment = one(documents, "Deployment");
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    List<JsonNode> selectors = List.of(deployment.path("spec").path("selector").path("matchLabels"),
        one(documents, "Service").path("spec").path("selector"),
        one(documents, "PodDisruptionBudget").path("spec").path("selector").path("matchLabels"),
        one(documents, "NetworkPolicy").path("spec").path("podSelector").path("matchLabels"));
    for (JsonNode selector : selectors) {
      assertTrue(selector.size() > 0, "a selector that selects everything");
      selector.fields().forEachRemaining(label ->
          assertEquals(label.getValue().asText(), podLabels.path(label.getKey()).asText(), "selector " + selector));
    }
    JsonNode policy = one(documents, "NetworkPolicy").path("spec");
    assertEquals(1, policy.path("ingress").size());
    assertEquals(8080, policy.path("ingress").get(0).path("ports").get(0).path("port").asInt());
    for (JsonNode rule : policy.path("egress")) {
      for (JsonNode port : rule.path("ports")) {
        assertTrue(Set.of(53, 443, 5432).contains(port.path("port").asInt()), "egress to " + port);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void postgresIsACloudNativePgClusterSizedForTheOverlay(String overlay) throws Exception {
    List<JsonNode> documents = render(overlay);
    JsonNode cluster = one(documents, "Cluster");
    JsonNode hpa = one(documents, "HorizontalPodAutoscaler").path("spec");
    JsonNode container = one(documents, "Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    String databaseUrl = "";
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals("CAIRN_DB_URL")) {
        databaseUrl = variable.path("value").asText();
      }
    }
    if (overlay.equals("dev")) {
      assertEquals(1, cluster.path("spec").path("instances").asInt());
      assertEquals(1, hpa.path("maxReplicas").asInt());
      assertTrue(databaseUrl.contains("cairn-db-rw"), databaseUrl);
    } else {
      assertEquals(3, cluster.path("spec").path("instances").asInt());
      assertEquals(2, hpa.path("minReplicas").asInt());
      assertEquals(20, hpa.path("maxReplicas").asInt());
      JsonNode pooler = one(documents, "Pooler");
      assertTrue(databaseUrl.contains(pooler.path("metadata").path("name").asText()), databaseUrl);
      JsonNode spread = one(documents, "Deployment").path("spec").path("template").path("spec")
          .path("topologySpreadConstraints");
      assertTrue(spread.toString().contains("topology.kubernetes.io/zone"), spread.toString());
    }
  }
}
