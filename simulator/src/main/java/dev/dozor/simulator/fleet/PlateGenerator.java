package dev.dozor.simulator.fleet;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Generates unique Moscow-style plates (letter, three digits, two letters, region): А123ВС77. */
final class PlateGenerator {
  /** The twelve Cyrillic letters allowed on Russian plates (those that look like Latin ones). */
  static final String LETTERS = "АВЕКМНОРСТУХ";

  private static final String[] MOSCOW_REGIONS = {"77", "97", "99", "177", "197", "777", "799"};

  private final SplittableRandom random;
  private final Set<String> issued = new HashSet<>();

  PlateGenerator(SplittableRandom random) {
    this.random = random;
  }

  String next() {
    while (true) {
      String plate =
          letter()
              + String.format("%03d", 1 + random.nextInt(999))
              + letter()
              + letter()
              + MOSCOW_REGIONS[random.nextInt(MOSCOW_REGIONS.length)];
      if (issued.add(plate)) {
        return plate;
      }
    }
  }

  private char letter() {
    return LETTERS.charAt(random.nextInt(LETTERS.length()));
  }
}
