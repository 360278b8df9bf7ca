package dev.cairn.wallet.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.wallet.auth.Principal;
import dev.cairn.wallet.http.Access;
import dev.cairn.wallet.http.JsonBody;
import dev.cairn.wallet.http.MediaTypes;
import dev.cairn.wallet.http.ProblemException;
import dev.cairn.wallet.http.ProblemType;
import dev.cairn.wallet.http.Reply;
import dev.cairn.wallet.http.RouteTable;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /v1/exports} (the wallet or one stack as an archive) and {@code POST /v1/imports} (one back in). */
public final class ArchiveRoutes {
  /** The import's passphrase travels in a header, so the body stays the archive itself; never logged. */
  static final String PASSPHRASE_HEADER = "Cairn-Archive-Passphrase";

  private final ArchiveService archives;
  private final JsonBody json;
  private final int maxArchiveBytes;

  public ArchiveRoutes(ArchiveService archives, JsonBody json, int maxArchiveBytes) {
    this.archives = archives;
    this.json = json;
    this.maxArchiveBytes = maxArchiveBytes;
  }

  public void register(RouteTable routes) {
    routes.post("/v1/exports", Access.AUTHENTICATED, this::export);
    routes.post("/v1/imports", Access.AUTHENTICATED, RouteTable.Body.of(
        List.of(WalletArchive.MEDIA_TYPE, ArchiveEncryption.MEDIA_TYPE), maxArchiveBytes), this::importArchive);
  }

  private Future<Reply> export(RoutingContext ctx) {
    JsonNode body = json.tree(ctx.body().buffer().getBytes());
    if (!body.isObject()) {
      throw invalid("The request body must be a JSON object");
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!field.equals("stackId") && !field.equals("passphrase")) {
        throw invalid("Unknown field '" + field + "'");
      }
    });
    Optional<UUID> stackId = Optional.empty();
    if (body.has("stackId")) {
      if (!body.get("stackId").isTextual()) {
        throw invalid("Field 'stackId' must be a string");
      }
      try {
        stackId = Optional.of(UUID.fromString(body.get("stackId").textValue()));
      } catch (IllegalArgumentException e) {
        throw new ProblemException(ProblemType.NOT_FOUND, "No such stack in this wallet");
      }
    }
    Optional<String> passphrase = Optional.empty();
    if (body.has("passphrase")) {
      if (!body.get("passphrase").isTextual()) {
        throw invalid("Field 'passphrase' must be a string");
      }
      passphrase = Optional.of(body.get("passphrase").textValue());
    }
    return archives.export(Principal.of(ctx).accountId(), stackId, passphrase).map(archive -> Reply.bytes(200,
        archive.bytes(), archive.mediaType(), Map.of("Content-Disposition", "attachment; filename=\"cairn-wallet"
            + (archive.mediaType().equals(WalletArchive.MEDIA_TYPE) ? ".zip" : ".json") + "\"")));
  }

  private Future<Reply> importArchive(RoutingContext ctx) {
    String mediaType = MediaTypes.essence(ctx.request().getHeader("Content-Type"));
    return archives.importArchive(Principal.of(ctx).accountId(), mediaType, ctx.body().buffer().getBytes(),
            Optional.ofNullable(ctx.request().getHeader(PASSPHRASE_HEADER)))
        .map(summary -> Reply.json(200, summary, Map.of()));
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
