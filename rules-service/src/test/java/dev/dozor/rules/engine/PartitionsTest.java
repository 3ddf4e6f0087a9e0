package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class PartitionsTest {
  @Test
  void aVehiclesPartitionIsKafkasDefaultPartitionersForAnyId() {
    Random random = new Random(5);
    // ASCII ids of every length mod 4, and ids with Cyrillic, accented and 4-byte characters
    String[] alphabets = {
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/",
          "плугсолеразбрасыватель-ЁЖ",
      "éüß~\u007f", "a\uD83D\uDE9C"
    };
    for (int run = 0; run < 20_000; run++) {
      String alphabet = alphabets[run % alphabets.length];
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(41);
      for (int i = 0; i < length; i++) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String key = id.toString();
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);

      assertEquals(Utils.murmur2(bytes), Partitions.murmur2(key), key);
      assertEquals(Utils.toPositive(Utils.murmur2(bytes)) % 12, Partitions.of(key, 12), key);
    }
  }
}
