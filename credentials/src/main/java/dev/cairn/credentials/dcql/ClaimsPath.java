package dev.cairn.credentials.dcql;

import static dev.cairn.credentials.dcql.DcqlException.Reason.INVALID_CLAIMS_PATH;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A claims path pointer (OpenID4VP 1.0 §7): "a non-empty array of strings, nulls and non-negative integers" that
 * points into a JSON-based Credential. A string selects an object member, {@code null} every element of an array,
 * an integer one element. Processing (§7.1.1) may select many claims; {@link #select} answers them with the
 * concrete path of each (keys and indices only), which is what a wallet discloses and a verifier looks for.
 */
public final class ClaimsPath {
  /** One component of the pointer. */
  public sealed interface Component permits Key, Index, AllElements {}

  /** A string component: the member of that name of each selected object. */
  public record Key(String name) implements Component {
    public Key {
      Objects.requireNonNull(name);
    }
  }

  /** A non-negative integer component: the element at that 0-based index of each selected array. */
  public record Index(int index) implements Component {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("a claims path index is non-negative: " + index);
      }
    }
  }

  /** A {@code null} component: every element of each selected array. */
  public record AllElements() implements Component {}

  /** What processing a pointer against a credential gives: the selected claims, or why there are none. */
  public sealed interface Selection permits Selected, NotSelected {}

  /** §7.1.1: "The result of the processing is the set of selected JSON elements" (never empty). */
  public record Selected(List<SelectedClaim> claims) implements Selection {
    public Selected {
      claims = List.copyOf(claims);
    }
  }

  /** §7.1.1 "abort processing and return an error": a wrong type on the way, or nothing left to select. */
  public record NotSelected(String detail) implements Selection {}

  private static final AllElements ALL = new AllElements();
  private static final ClaimsPath ROOT = new ClaimsPath(List.of());

  private final List<Component> components;

  private ClaimsPath(List<Component> components) {
    this.components = components;
  }

  /**
   * A pointer from its components: {@code String} for a key, a non-negative {@code Integer} for an index, {@code
   * null} for all elements. For pointers written in code; queries are read by {@link DcqlQuery#parse}.
   *
   * @throws DcqlException if there are no components, or one of another kind
   */
  public static ClaimsPath of(Object... components) {
    JsonArray array = new JsonArray();
    for (Object component : components) {
      array.add(component);
    }
    return parse(array, "path");
  }

  /** §7: reads a pointer, rejecting an empty array and any component but a string, null or non-negative integer. */
  static ClaimsPath parse(Object value, String member) {
    JsonArray array = JsonMembers.nonEmptyArray(value, member);
    List<Component> components = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      components.add(component(array.getValue(i), JsonMembers.element(member, i)));
    }
    return new ClaimsPath(Collections.unmodifiableList(components));
  }

  private static Component component(Object value, String member) {
    if (value == null) {
      return ALL;
    }
    if (value instanceof String name) {
      return new Key(name);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      BigInteger index = new BigInteger(value.toString());
      if (index.signum() < 0) {
        throw new DcqlException(INVALID_CLAIMS_PATH, member, "must be a string, null or a non-negative integer");
      }
      // No JSON array this code can hold has more elements, so a larger index could never select anything.
      if (index.bitLength() > 31) {
        throw new DcqlException(INVALID_CLAIMS_PATH, member, "an index must be at most " + Integer.MAX_VALUE);
      }
      return new Index(index.intValue());
    }
    throw new DcqlException(INVALID_CLAIMS_PATH, member, "must be a string, null or a non-negative integer");
  }

  public List<Component> components() {
    return components;
  }

  /** Whether this pointer names exactly one place: no {@code null} component. Every selected path is concrete. */
  public boolean isConcrete() {
    return !components.contains(ALL);
  }

  /** Whether {@code other} is this path or lies below it, so that disclosing this path discloses {@code other}. */
  public boolean covers(ClaimsPath other) {
    return other.components.size() >= components.size()
        && other.components.subList(0, components.size()).equals(components);
  }

  /**
   * Processes this pointer against a credential's claims (§7.1.1), step by step: start from the top-level object;
   * a key selects that member of every selected object (an element without it leaves the selection, a selected
   * element that is not an object is an error); {@code null} selects all elements of every selected array; an index
   * the element at that position (an array too short leaves the selection); a selected element of the wrong kind for
   * {@code null} or an index is an error; an empty selection at the end is an error.
   */
  public Selection select(JsonObject credential) {
    List<SelectedClaim> selection = List.of(new SelectedClaim(ROOT, credential));
    for (int step = 0; step < components.size(); step++) {
      List<SelectedClaim> next = new ArrayList<>();
      for (SelectedClaim selected : selection) {
        Optional<String> error = step(components.get(step), selected, next);
        if (error.isPresent()) {
          return new NotSelected(error.get());
        }
      }
      if (next.isEmpty()) {
        return new NotSelected("no claim at " + new ClaimsPath(components.subList(0, step + 1)));
      }
      selection = next;
    }
    return new Selected(selection);
  }

  /** Steps 2.1 to 2.3 for one selected element: adds what it selects to {@code next}, or answers the error. */
  private static Optional<String> step(Component component, SelectedClaim selected, List<SelectedClaim> next) {
    Object value = selected.value();
    if (component instanceof Key key) {
      if (!(value instanceof JsonObject object)) {
        return notA("an object", selected.path());
      }
      if (object.containsKey(key.name())) {
        next.add(new SelectedClaim(selected.path().append(key), object.getValue(key.name())));
      }
      return Optional.empty();
    }
    if (!(value instanceof JsonArray array)) {
      return notA("an array", selected.path());
    }
    if (component instanceof Index index) {
      if (index.index() < array.size()) {
        next.add(new SelectedClaim(selected.path().append(index), array.getValue(index.index())));
      }
      return Optional.empty();
    }
    for (int i = 0; i < array.size(); i++) {
      next.add(new SelectedClaim(selected.path().append(new Index(i)), array.getValue(i)));
    }
    return Optional.empty();
  }

  private static Optional<String> notA(String kind, ClaimsPath at) {
    return Optional.of((at.components.isEmpty() ? "the credential" : at.toString()) + " is not " + kind);
  }

  private ClaimsPath append(Component component) {
    List<Component> longer = new ArrayList<>(components.size() + 1);
    longer.addAll(components);
    longer.add(component);
    return new ClaimsPath(Collections.unmodifiableList(longer));
  }

  /** The pointer as it is written in a query: a JSON array of strings, integers and nulls. */
  public JsonArray toJson() {
    JsonArray array = new JsonArray();
    for (Component component : components) {
      if (component instanceof Key key) {
        array.add(key.name());
      } else if (component instanceof Index index) {
        array.add(index.index());
      } else {
        array.addNull();
      }
    }
    return array;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClaimsPath path && path.components.equals(components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  /** The JSON text of the pointer, such as {@code ["degrees",null,"type"]}. */
  @Override
  public String toString() {
    return toJson().encode();
  }
}
