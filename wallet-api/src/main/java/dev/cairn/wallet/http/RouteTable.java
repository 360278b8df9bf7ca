package dev.cairn.wallet.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps paths to endpoints and puts each route's own stages in front of it: route template (for logs and
 * metrics) → JSON body limit and media type → authentication → endpoint. The list of registered routes is
 * what the OpenAPI contract test compares with the document.
 */
public final class RouteTable {
  static final String TEMPLATE_KEY = "cairn.routeTemplate";

  /** One registered route, with its path written as a Vert.x template ({@code /v1/sessions/:id}). */
  public record Registered(HttpMethod method, String path, Access access) {}

  /** What a route takes as its body: nothing, a JSON document, or raw bytes of the listed media types. */
  public record Body(List<String> mediaTypes, long maxBytes) {
    static final Body NONE = new Body(List.of(), 0);

    /** Raw bytes of these media types, at most {@code maxBytes}. */
    public static Body of(List<String> mediaTypes, long maxBytes) {
      return new Body(List.copyOf(mediaTypes), maxBytes);
    }

    boolean present() {
      return !mediaTypes.isEmpty();
    }
  }

  static final String ACCEPTED_MEDIA_TYPES_KEY = "cairn.acceptedMediaTypes";

  private final Router router;
  private final Handler<RoutingContext> authentication;
  private final ApiJson json;
  private final long maxBodyBytes;
  private final List<Registered> registered = new ArrayList<>();

  public RouteTable(Router router, Handler<RoutingContext> authentication, ApiJson json, long maxBodyBytes) {
    this.router = router;
    this.authentication = authentication;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void get(String path, Access access, Endpoint endpoint) {
    add(HttpMethod.GET, path, access, Body.NONE, null, endpoint);
  }

  /** A GET with one more stage before the endpoint, such as a rate limit. */
  public void get(String path, Access access, Handler<RoutingContext> guard, Endpoint endpoint) {
    add(HttpMethod.GET, path, access, Body.NONE, guard, endpoint);
  }

  public void delete(String path, Access access, Endpoint endpoint) {
    add(HttpMethod.DELETE, path, access, Body.NONE, null, endpoint);
  }

  /** A POST whose body is a JSON document. */
  public void post(String path, Access access, Endpoint endpoint) {
    add(HttpMethod.POST, path, access, jsonBody(), null, endpoint);
  }

  /** A POST whose body is one of the given media types (each route sets its own size limit). */
  public void post(String path, Access access, Body body, Endpoint endpoint) {
    add(HttpMethod.POST, path, access, body, null, endpoint);
  }

  /** A POST that takes no body: an action on the resource named by the path. */
  public void action(String path, Access access, Endpoint endpoint) {
    add(HttpMethod.POST, path, access, Body.NONE, null, endpoint);
  }

  /** A PATCH whose body is a JSON document. */
  public void patch(String path, Access access, Endpoint endpoint) {
    add(HttpMethod.PATCH, path, access, jsonBody(), null, endpoint);
  }

  private Body jsonBody() {
    return new Body(List.of("application/json"), maxBodyBytes);
  }

  public List<Registered> registered() {
    return List.copyOf(registered);
  }

  private void add(HttpMethod method, String path, Access access, Body body, Handler<RoutingContext> guard,
                   Endpoint endpoint) {
    Route route = router.route(method, path);
    route.handler(new TemplateMarker(path, body.mediaTypes()));
    if (body.present()) {
      body.mediaTypes().forEach(route::consumes);
      route.handler(BodyHandler.create(false).setBodyLimit(body.maxBytes()));
    }
    if (access == Access.AUTHENTICATED) {
      route.handler(authentication);
    }
    if (guard != null) {
      route.handler(guard);
    }
    route.handler(ctx -> run(ctx, endpoint));
    registered.add(new Registered(method, path, access));
  }

  private void run(RoutingContext ctx, Endpoint endpoint) {
    try {
      endpoint.handle(ctx).onComplete(done -> {
        if (done.succeeded()) {
          write(ctx, done.result());
        } else {
          ctx.fail(done.cause());
        }
      });
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  private void write(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return;
    }
    reply.headers().forEach(response::putHeader);
    response.setStatusCode(reply.status());
    if (reply.body() == null) {
      response.end();
    } else if (reply.body() instanceof String text) {
      response.putHeader("Content-Type", reply.contentType()).end(text);
    } else if (reply.body() instanceof Buffer bytes) {
      response.putHeader("Content-Type", reply.contentType()).end(bytes);
    } else {
      response.putHeader("Content-Type", Reply.JSON).end(json.write(reply.body()));
    }
  }

  /**
   * Records the route template and the media types it takes first (a platform stage, so it runs even when the
   * body stage fails and the failure handler needs them).
   */
  private record TemplateMarker(String template, List<String> mediaTypes) implements PlatformHandler {
    @Override
    public void handle(RoutingContext ctx) {
      ctx.put(TEMPLATE_KEY, template);
      ctx.put(ACCEPTED_MEDIA_TYPES_KEY, mediaTypes);
      ctx.next();
    }
  }

  public static String templateOf(RoutingContext ctx) {
    String template = ctx.get(TEMPLATE_KEY);
    return template == null ? "unmatched" : template;
  }
}
