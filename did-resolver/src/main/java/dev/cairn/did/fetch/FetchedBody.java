package dev.cairn.did.fetch;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;

/** A 200 answer that passed every check: its media type, its body, and the {@code max-age} it allows caching for. */
public record FetchedBody(String mediaType, Buffer body, Optional<Duration> maxAge) {}
