package dev.dozor.rules.regulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every regulation the engine knows: metadata from {@code regulations/<id>.json} plus the DRL it
 * names. The ids are listed one per line in {@code regulations/index.txt}, so adding a regulation
 * is adding three lines of files, not code.
 */
public final class RegulationCatalogue {
  /** Class-path folder of the regulation files. */
  public static final String FOLDER = "regulations/";

  /** Class-path index: one regulation id per line, {@code #} starts a comment. */
  public static final String INDEX = FOLDER + "index.txt";

  private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");

  private final Map<String, Entry> entries;

  /** A regulation with the text of its rules. */
  public record Entry(Regulation regulation, String drl) {}

  private RegulationCatalogue(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Loads the catalogue listed in {@link #INDEX} from the class path of this class. */
  public static RegulationCatalogue fromClasspath() {
    return fromClasspath(RegulationCatalogue.class.getClassLoader());
  }

  /**
   * Loads the catalogue listed in {@link #INDEX}.
   *
   * @throws InvalidRegulationException naming the file and field when a regulation is incomplete
   */
  public static RegulationCatalogue fromClasspath(ClassLoader loader) {
    ObjectMapper mapper = JsonSerde.mapper();
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String id : readIndex(loader)) {
      String jsonPath = FOLDER + id + ".json";
      Regulation regulation;
      try {
        regulation = mapper.readValue(read(loader, jsonPath), Regulation.class);
      } catch (IOException e) {
        throw new InvalidRegulationException(jsonPath + ": not valid JSON: " + e.getMessage());
      }
      validate(jsonPath, id, regulation);
      String drl = utf8(read(loader, FOLDER + regulation.drl()));
      if (entries.put(id, new Entry(regulation, drl)) != null) {
        throw new InvalidRegulationException(INDEX + ": id " + id + " is listed twice");
      }
    }
    return new RegulationCatalogue(entries);
  }

  /**
   * A catalogue of these regulations (a stored or candidate version), validated like the class-path
   * one.
   *
   * @throws InvalidRegulationException naming the regulation and field when one is incomplete
   */
  public static RegulationCatalogue of(List<Entry> list) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Entry e : list) {
      validate(e.regulation().id() + ".json", e.regulation().id(), e.regulation());
      if (entries.put(e.regulation().id(), e) != null) {
        throw new InvalidRegulationException(
            "regulation " + e.regulation().id() + " is listed twice");
      }
    }
    return new RegulationCatalogue(entries);
  }

  /** This catalogue with one regulation added or replaced (its position kept). */
  public RegulationCatalogue with(Entry entry) {
    List<Entry> list = new ArrayList<>();
    boolean replaced = false;
    for (Entry e : entries.values()) {
      if (e.regulation().id().equals(entry.regulation().id())) {
        list.add(entry);
        replaced = true;
      } else {
        list.add(e);
      }
    }
    if (!replaced) {
      list.add(entry);
    }
    return of(list);
  }

  /** The entry of a regulation (metadata and DRL). */
  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** Every regulation, in index order. */
  public List<Regulation> regulations() {
    return entries.values().stream().map(Entry::regulation).toList();
  }

  /** Every regulation with its rules, in index order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public Optional<Regulation> find(String id) {
    return Optional.ofNullable(entries.get(id)).map(Entry::regulation);
  }

  /** The regulation with this id; an unknown id is a bug (ids come from compiled DRL). */
  public Regulation require(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown regulation " + id));
  }

  private static List<String> readIndex(ClassLoader loader) {
    List<String> ids = new ArrayList<>();
    for (String line : utf8(read(loader, INDEX)).split("\\R")) {
      String id = line.replaceFirst("#.*", "").strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static void validate(String path, String id, Regulation r) {
    require(path, "id", id.equals(r.id()), "must be " + id + " (the index entry)");
    require(path, "version", r.version() >= 1, "must be 1 or more");
    require(path, "title", r.title() != null && r.title().isComplete(), "needs ru and en");
    require(
        path,
        "description",
        r.description() != null && r.description().isComplete(),
        "needs ru and en");
    require(path, "severity", SEVERITIES.contains(r.severity()), "must be one of " + SEVERITIES);
    require(path, "drl", r.drl() != null && r.drl().endsWith(".drl"), "must name a .drl file");
    require(
        path,
        "drl",
        r.drl() == null || r.drl().startsWith(id + "-"),
        "file name must start with " + id + "-");
    r.parameters()
        .forEach(
            (name, spec) -> {
              String field = "parameters." + name;
              require(path, field, spec != null && spec.defaultValue() != null, "needs a default");
              require(path, field, spec.unit() != null && !spec.unit().isBlank(), "needs a unit");
              require(
                  path,
                  field,
                  spec.description() != null && spec.description().isComplete(),
                  "needs a description in ru and en");
            });
    for (int i = 0; i < r.overrides().size(); i++) {
      ParameterOverride o = r.overrides().get(i);
      String field = "overrides[" + i + "]";
      require(
          path,
          field + ".scope",
          ParameterOverride.SCOPE_SET.contains(o.scope()),
          "must be one of " + ParameterOverride.SCOPES);
      require(path, field + ".value", o.value() != null && !o.value().isBlank(), "is required");
      for (String name : o.parameters().keySet()) {
        require(
            path,
            field + ".parameters." + name,
            r.parameters().containsKey(name),
            "is not a parameter of " + id);
      }
    }
  }

  private static void require(String path, String field, boolean ok, String message) {
    if (!ok) {
      throw new InvalidRegulationException(path + ": field '" + field + "' " + message);
    }
  }

  private static byte[] read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new InvalidRegulationException(path + ": not found on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A regulation file that cannot be used; the message names the file and the field. */
  public static final class InvalidRegulationException extends RuntimeException {
    public InvalidRegulationException(String message) {
      super(message);
    }
  }
}
