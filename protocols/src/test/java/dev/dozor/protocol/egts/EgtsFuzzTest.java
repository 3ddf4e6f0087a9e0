package dev.dozor.protocol.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid frames (byte flips with and without recomputed checksums, so that mutations reach
 * the service layer; truncations; extensions; garbage) with a fixed seed and checks that nothing
 * but {@link EgtsDecodeException} escapes, that the framing helper never asks for negative or
 * absurd lengths, and that every fix it yields has finite, in-range values.
 */
class EgtsFuzzTest {
  private static final long SEED = 20_261_101L;
  private static final int CASES = 24_000;
  private static final int MAX_FRAME = 2048;
  private static final Instant NOW = Instant.parse("2026-11-01T08:01:00Z");
  private static final Set<Integer> TRANSPORT_CODES =
      Set.of(
          EgtsResultCode.UNS_PROTOCOL,
          EgtsResultCode.INC_HEADERFORM,
          EgtsResultCode.HEADERCRC_ERROR,
          EgtsResultCode.DATACRC_ERROR,
          EgtsResultCode.DECRYPT_ERROR,
          EgtsResultCode.INC_DATAFORM,
          EgtsResultCode.NO_RES_AVAIL);
  private static final Set<Integer> DECODER_CODES =
      Set.of(
          EgtsResultCode.UNS_PROTOCOL,
          EgtsResultCode.INC_HEADERFORM,
          EgtsResultCode.HEADERCRC_ERROR,
          EgtsResultCode.DATACRC_ERROR,
          EgtsResultCode.DECRYPT_ERROR,
          EgtsResultCode.INC_DATAFORM,
          EgtsResultCode.INVDATALEN,
          EgtsResultCode.UNS_TYPE);

  private final EgtsFrameDecoder frames = new EgtsFrameDecoder(MAX_FRAME);
  private int decoded;
  private int serviceLayerErrors;
  private int fixesSeen;

  @Test
  void mutatedFramesOnlyEverRaiseTheDecodeException() {
    List<byte[]> seeds = seeds();
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      byte[] mutated = mutate(seed, random);
      try {
        check(mutated, random);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "case " + i + " (seed " + SEED + "): " + EgtsHex.hex(mutated) + ": " + e, e);
      }
    }
    // the mutations must reach the service layer, not only bounce off the checksums
    assertTrue(decoded > CASES / 10, "decoded " + decoded);
    assertTrue(serviceLayerErrors > CASES / 50, "service layer errors " + serviceLayerErrors);
    assertTrue(fixesSeen > CASES / 10, "fixes " + fixesSeen);
  }

  private void check(byte[] bytes, Random random) {
    EgtsFrameStatus status = frames.probe(bytes, 0, bytes.length);
    checkStatus(status, bytes.length);
    int prefix = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    checkStatus(frames.probe(bytes, 0, prefix), prefix);

    EgtsPacket packet;
    try {
      packet = EgtsPacketDecoder.decode(bytes);
    } catch (EgtsDecodeException e) {
      assertTrue(DECODER_CODES.contains(e.resultCode()), e.getMessage());
      if (status instanceof EgtsFrameStatus.Invalid invalid
          && invalid.resultCode() != EgtsResultCode.NO_RES_AVAIL) { // the decoder has no limit
        assertEquals(invalid.resultCode(), e.resultCode(), "framer and decoder must agree");
      } else if (status instanceof EgtsFrameStatus.Complete c && c.frameLength() == bytes.length) {
        assertTrue(
            Set.of(EgtsResultCode.UNS_TYPE, EgtsResultCode.INVDATALEN, EgtsResultCode.INC_DATAFORM)
                .contains(e.resultCode()),
            e.getMessage());
        serviceLayerErrors++;
      }
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("escaped: " + e, e);
    }
    assertEquals(new EgtsFrameStatus.Complete(bytes.length, packet.packetId()), status);
    decoded++;
    for (EgtsFix f : EgtsTeledataDecoder.fixes(packet)) {
      checkFix(f.fix());
      fixesSeen++;
    }
    EgtsResponseEncoder.acknowledge(1, packet, EgtsResultCode.OK); // must always be answerable
  }

  private static void checkStatus(EgtsFrameStatus status, int length) {
    if (status instanceof EgtsFrameStatus.NeedMore more) {
      assertTrue(more.totalBytes() > length, "asks for " + more.totalBytes() + " having " + length);
      assertTrue(more.totalBytes() <= MAX_FRAME, "asks for " + more.totalBytes());
    } else if (status instanceof EgtsFrameStatus.Complete c) {
      assertTrue(c.frameLength() >= 11 && c.frameLength() <= length, status.toString());
    } else {
      EgtsFrameStatus.Invalid invalid = (EgtsFrameStatus.Invalid) status;
      assertTrue(TRANSPORT_CODES.contains(invalid.resultCode()), invalid.toString());
      assertTrue(
          invalid.frameLength() == 0
              || (invalid.frameLength() >= 11 && invalid.frameLength() <= length),
          invalid.toString());
    }
  }

  private static void checkFix(RawFix fix) {
    assertTrue(Double.isFinite(fix.lat()) && Math.abs(fix.lat()) <= 90, fix.toString());
    assertTrue(Double.isFinite(fix.lon()) && Math.abs(fix.lon()) <= 180, fix.toString());
    assertTrue(fix.speedKmh() >= 0 && fix.speedKmh() <= 1638.3, fix.toString());
    assertTrue(
        fix.headingDeg() == null || (fix.headingDeg() >= 0 && fix.headingDeg() < 360),
        fix.toString());
    assertTrue(fix.odometerKm() >= 0, fix.toString());
    fix.inputs().values().forEach(v -> assertTrue(Double.isFinite(v) && v >= 0, fix.toString()));
    FixSanity.DEFAULT.problem(fix, NOW); // passes or names the problem; must not throw
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    switch (random.nextInt(7)) {
      case 0 -> flip(b, random, 0, b.length);
      case 1, 2 -> {
        flip(b, random, 11, b.length - 2); // service layer, with valid checksums
        EgtsHex.fixChecksums(b);
      }
      case 3 -> {
        return Arrays.copyOf(b, random.nextInt(b.length));
      }
      case 4 -> {
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(40));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        return longer;
      }
      case 5 -> {
        // corrupt a length field (FDL, RL or SRL) and keep the checksums right
        int at = random.nextBoolean() ? 5 : 11 + random.nextInt(Math.max(1, b.length - 13));
        b[at] = (byte) random.nextInt(256);
        if (random.nextBoolean() && at + 1 < b.length) {
          b[at + 1] = (byte) random.nextInt(256);
        }
        EgtsHex.fixChecksums(b);
      }
      default -> {
        byte[] garbage = new byte[random.nextInt(64)];
        random.nextBytes(garbage);
        if (garbage.length > 3 && random.nextBoolean()) {
          garbage[0] = 1;
          garbage[2] = 0;
          garbage[3] = 11;
          EgtsHex.fixChecksums(garbage);
        }
        return garbage;
      }
    }
    return b;
  }

  private static void flip(byte[] b, Random random, int from, int to) {
    if (to <= from) {
      return;
    }
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      b[from + random.nextInt(to - from)] = (byte) random.nextInt(256);
    }
  }

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(EgtsHex.bytes(EgtsFrameDecoderTest.TERM_IDENTITY_FRAME));
    seeds.add(EgtsHex.bytes(EgtsPacketDecoderTest.THREE_RECORDS_FRAME));
    seeds.add(
        EgtsHex.bytes(
            "0100020B0079000000011F6A001424951CA5CB0F23B5740F020210180023B5740F0A301994DA9C524C91"
                + "28000A000000100082000011040018110300120900000003150100E803001B070001000034090000"
                + "1B0700420000000000001B0700430000000000001B0700440000000000001B070045000000000000"
                + "1B0700460000000000008020"));
    seeds.add(EgtsHex.bytes("0100000b00100091030072000100060000000002020003009203000009"));
    Instant t = Instant.parse("2026-11-01T08:00:00Z");
    RawFix rich =
        new RawFix(
            t,
            55.75,
            37.61,
            true,
            40.0,
            359.0,
            -12.0,
            7,
            100.0,
            Map.of(
                "din3", 1.0, "din20", 1.0, "dout2", 1.0, "ain1", 5.0, "ain30", 6.0, "cnt1", 7.0,
                "cnt40", 8.0, "din500", 1.0, "lls2", 900.0),
            Map.of());
    RawFix plain = RawFix.of(t.plusSeconds(5), -33.9, -70.6, 10.0, 180.0);
    seeds.add(EgtsDeviceEncoder.teledata(9, 1, 42L, List.of(rich, plain, rich)));
    seeds.add(EgtsResponseEncoder.authResult(3, 1, EgtsResultCode.OK));
    seeds.add(
        EgtsPacketEncoder.appData(
            4,
            List.of(
                EgtsRecord.fromDevice(
                    1,
                    EgtsServiceType.TELEDATA,
                    null,
                    List.of(
                        new EgtsSubrecord.LiquidLevelSensor(3, false, 1, 2, null, "a1b2c3"),
                        new EgtsSubrecord.ExtPosData(1, 2, 3, 4, 5))))));
    return seeds;
  }
}
