package dev.dozor.gateway.osmand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.protocol.RawFix;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes the JSON body Traccar Client 9+ posts ({@code {"device_id": .., "location": {"timestamp":
 * .., "coords": {..}, "is_moving": .., "odometer": .., "battery": {..}, "activity": {..}, "extras":
 * {..}}}}), also as a batch ({@code location} or {@code locations} holding an array). Pure; every
 * refusal names the JSON path.
 *
 * <p>Units: {@code coords.speed} in m/s, {@code odometer} in metres, {@code battery.level} 0..1
 * (kept as {@code batt} in percent). Negative speed, heading, accuracy and battery level mean
 * "unknown" (phone location APIs report -1). {@code is_moving}, {@code mock}, {@code
 * battery.is_charging} (as {@code charge}) and numeric or boolean {@code extras} become raw inputs;
 * {@code event}, {@code activity.type} (as {@code activity}) and text {@code extras} text
 * attributes.
 */
public final class OsmAndJsonDecoder {
  /** m/s to km/h. */
  static final double KMH_PER_MPS = 3.6;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OsmAndJsonDecoder() {}

  /**
   * Decodes the JSON form: one {@code location} object, or several in a {@code location} or {@code
   * locations} array (a batch), all of one {@code device_id}.
   */
  public static OsmAndMessage fromJson(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new OsmAndFormatException(
          "body", "malformed JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new OsmAndFormatException("body", "unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new OsmAndFormatException("body", "the JSON body must be an object");
    }
    JsonNode idNode = root.get("device_id");
    if (idNode == null
        || !(idNode.isTextual() || idNode.isIntegralNumber())
        || idNode.asText().isBlank()) {
      throw new OsmAndFormatException("device_id", "device_id (a string) is required");
    }
    String path = root.has("location") ? "location" : "locations";
    JsonNode locations = root.get(path);
    List<JsonNode> items = new ArrayList<>();
    if (locations != null && locations.isObject() && path.equals("location")) {
      items.add(locations);
    } else if (locations != null && locations.isArray()) {
      locations.forEach(items::add);
    } else {
      throw new OsmAndFormatException(
          "location", "location (an object) or locations (an array) is required");
    }
    if (items.isEmpty()) {
      throw new OsmAndFormatException(path, path + " must not be empty");
    }
    List<RawFix> fixes = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = locations.isArray() ? path + "[" + i + "]" : path;
      fixes.add(location(at, items.get(i)));
    }
    return new OsmAndMessage(idNode.asText().strip(), fixes);
  }

  private static RawFix location(String at, JsonNode location) {
    if (!location.isObject()) {
      throw new OsmAndFormatException(at, at + " must be an object");
    }
    JsonNode ts = location.get("timestamp");
    Instant time;
    if (ts != null && ts.isTextual()) {
      time = OsmAndDecoder.timestamp(at + ".timestamp", ts.asText());
    } else if (ts != null && ts.isNumber()) {
      time = OsmAndDecoder.timestamp(at + ".timestamp", ts.asText());
    } else {
      throw new OsmAndFormatException(at + ".timestamp", at + ".timestamp is required");
    }
    JsonNode coords = location.get("coords");
    if (coords == null || !coords.isObject()) {
      throw new OsmAndFormatException(at + ".coords", at + ".coords (an object) is required");
    }
    String c = at + ".coords.";
    double lat = requiredNumber(coords, "latitude", c);
    double lon = requiredNumber(coords, "longitude", c);
    Double speed = jsonNumber(coords, "speed", c);
    Double heading = jsonNumber(coords, "heading", c);
    Double altitude = jsonNumber(coords, "altitude", c);
    Map<String, Double> inputs = new HashMap<>();
    Map<String, String> text = new HashMap<>();
    Double accuracy = jsonNumber(coords, "accuracy", c);
    if (accuracy != null && accuracy >= 0) {
      inputs.put("accuracy", accuracy);
    }
    Double odometerM = jsonNumber(location, "odometer", at + ".");
    jsonFlag(location, "is_moving", at + ".", inputs);
    jsonFlag(location, "mock", at + ".", inputs);
    jsonText(location, "event", text);
    JsonNode battery = location.get("battery");
    if (battery != null && battery.isObject()) {
      Double level = jsonNumber(battery, "level", at + ".battery.");
      if (level != null && level >= 0) {
        inputs.put("batt", Math.round(level * 1000) / 10.0);
      }
      jsonFlag(battery, "is_charging", at + ".battery.", inputs, "charge");
    }
    JsonNode activity = location.get("activity");
    if (activity != null && activity.isObject()) {
      jsonText(activity, "type", text, "activity");
    }
    JsonNode extras = location.get("extras");
    if (extras != null && extras.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = extras.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode v = e.getValue();
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
          inputs.put(e.getKey(), v.asDouble());
        } else if (v.isBoolean()) {
          inputs.put(e.getKey(), v.asBoolean() ? 1.0 : 0.0);
        } else if (v.isTextual()) {
          text.put(e.getKey(), v.asText());
        }
      }
    }
    return new RawFix(
        time,
        lat,
        lon,
        true,
        speed == null || speed < 0 ? null : speed * KMH_PER_MPS,
        heading == null || heading < 0 ? null : heading,
        altitude,
        null,
        odometerM == null ? null : odometerM / 1000.0,
        inputs,
        text);
  }

  private static double requiredNumber(JsonNode node, String field, String prefix) {
    Double value = jsonNumber(node, field, prefix);
    if (value == null) {
      throw new OsmAndFormatException(prefix + field, prefix + field + " (a number) is required");
    }
    return value;
  }

  /** The field as a number; null when absent or JSON null; refused when another type. */
  private static Double jsonNumber(JsonNode node, String field, String prefix) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new OsmAndFormatException(
          prefix + field,
          prefix + field + " must be a number, got " + OsmAndDecoder.quote(v.toString()));
    }
    return v.asDouble();
  }

  private static void jsonFlag(
      JsonNode node, String field, String prefix, Map<String, Double> inputs) {
    jsonFlag(node, field, prefix, inputs, field);
  }

  private static void jsonFlag(
      JsonNode node, String field, String prefix, Map<String, Double> inputs, String input) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isBoolean()) {
      throw new OsmAndFormatException(
          prefix + field,
          prefix + field + " must be true or false, got " + OsmAndDecoder.quote(v.toString()));
    }
    inputs.put(input, v.asBoolean() ? 1.0 : 0.0);
  }

  private static void jsonText(JsonNode node, String field, Map<String, String> text) {
    jsonText(node, field, text, field);
  }

  private static void jsonText(
      JsonNode node, String field, Map<String, String> text, String attribute) {
    JsonNode v = node.get(field);
    if (v != null && v.isTextual() && !v.asText().isEmpty()) {
      text.put(attribute, v.asText());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
