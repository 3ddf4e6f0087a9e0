package dev.dozor.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON form of every message. Instants are ISO-8601 strings ({@link IsoInstantCodec}); unknown
 * fields are ignored so a newer producer does not break an older consumer; nulls are omitted.
 * Doubles are read and written with Jackson's fast algorithms (same values, less CPU).
 */
public final class JsonSerde {
  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  private JsonSerde() {}

  /** Applies the contract's settings to a mapper (services pass their own CDI mapper here). */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.getFactory().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(IsoInstantCodec.module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + message.getClass().getName(), e);
    }
  }

  public static String toJson(Object message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + message.getClass().getName(), e);
    }
  }

  /**
   * Reads a message and checks its schema version.
   *
   * @throws MalformedMessageException when the bytes are not a valid message of this type
   */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    T value;
    try {
      value = MAPPER.readValue(bytes, type);
    } catch (IOException | RuntimeException e) {
      throw new MalformedMessageException(
          "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
    SchemaCheck.requireKnownVersion(value);
    return value;
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return fromBytes(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
  }

  /** Thrown for bytes that are not a valid message; consumers dead-letter such records. */
  public static final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Refuses versions newer than this build knows, and zero (a missing field). */
  static final class SchemaCheck {
    private SchemaCheck() {}

    static void requireKnownVersion(Object value) {
      if (!(value instanceof Versioned message)) {
        return;
      }
      int version = message.schemaVersion();
      int current = SchemaVersions.current(value.getClass());
      if (current == 0) {
        return;
      }
      if (version < 1 || version > current) {
        throw new MalformedMessageException(
            value.getClass().getSimpleName()
                + " schemaVersion "
                + version
                + " is not supported (1.."
                + current
                + ")",
            null);
      }
    }
  }
}
