package dev.dozor.telemetry.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TokenHash;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import org.junit.jupiter.api.Test;

class DeviceValidationTest {
  private static final String TOKEN = "0123456789abcdef0123";

  private static DeviceRequest request(
      String protocol, String token, String password, String terminalId) {
    return new DeviceRequest("veh-1", protocol, token, password, terminalId, null);
  }

  private static String rejectedField(DeviceRequest request) {
    ApiException e =
        assertThrows(ApiException.class, () -> DeviceValidation.device("dev-1", request));
    assertEquals(400, e.status());
    return e.toError().field();
  }

  @Test
  void httpJsonIsTheDefaultAndKeepsOnlyTheTokenHash() {
    DeviceRecord r = DeviceValidation.device("dev-1", request(null, TOKEN, null, null));
    assertEquals(DeviceRecord.HTTP_JSON, r.protocol());
    assertEquals(TokenHash.sha256Hex(TOKEN), r.tokenSha256());
    assertNull(r.terminalId());
  }

  @Test
  void httpJsonRefusesATerminalIdAndAPassword() {
    assertEquals("terminalId", rejectedField(request("http-json", TOKEN, null, "123")));
    assertEquals("password", rejectedField(request("http-json", TOKEN, "secret", null)));
  }

  @Test
  void unknownProtocolIsRejectedNamingTheField() {
    assertEquals("protocol", rejectedField(request("teltonika", null, null, "1")));
  }

  @Test
  void egtsAcceptsTheWholeTidRangeAndFifteenDigitImeis() {
    for (String ok : new String[] {"0", "1", "4294967295", "356307042441013", "012345678901234"}) {
      DeviceRecord r = DeviceValidation.device("dev-1", request("egts", null, null, ok));
      assertEquals(ok, r.terminalId());
      assertNull(r.tokenSha256(), "EGTS carries no secret");
    }
  }

  @Test
  void egtsRefusesTidsOutOfRangeWithLeadingZerosOrLetters() {
    for (String bad :
        new String[] {"4294967296", "0042", "12a", "-1", "", "3563070424410131", "1 2"}) {
      assertEquals("terminalId", rejectedField(request("egts", null, null, bad)), bad);
    }
    assertEquals("terminalId", rejectedField(request("egts", null, null, null)));
  }

  @Test
  void osmandNeedsAPrintableIdOfAtMost64AndNoToken() {
    assertEquals(
        "osmand-42",
        DeviceValidation.device("dev-1", request("osmand", null, null, "osmand-42")).terminalId());
    assertEquals("terminalId", rejectedField(request("osmand", null, null, null)));
    assertEquals("terminalId", rejectedField(request("osmand", null, null, "a b")));
    assertEquals("terminalId", rejectedField(request("osmand", null, null, "x".repeat(65))));
    assertEquals("token", rejectedField(request("osmand", TOKEN, null, "osmand-42")));
  }

  @Test
  void wialonPasswordIsHashedAndNaOrAbsentMeansNoPassword() {
    DeviceRecord withPassword =
        DeviceValidation.device("dev-1", request("wialon-ips", null, "s3cret", "356307042441013"));
    assertEquals(TokenHash.sha256Hex("s3cret"), withPassword.tokenSha256());
    assertNull(
        DeviceValidation.device("dev-1", request("wialon-ips", null, null, "356307042441013"))
            .tokenSha256());
    assertNull(
        DeviceValidation.device("dev-1", request("wialon-ips", null, "NA", "356307042441013"))
            .tokenSha256());
  }

  @Test
  void wialonRefusesSeparatorsInIdAndPasswordAndTheTokenField() {
    assertEquals("terminalId", rejectedField(request("wialon-ips", null, null, "3563;07")));
    assertEquals("terminalId", rejectedField(request("wialon-ips", null, null, "#L#3563")));
    assertEquals("terminalId", rejectedField(request("wialon-ips", null, null, "1".repeat(33))));
    assertEquals("password", rejectedField(request("wialon-ips", null, "a;b", "356307")));
    assertEquals("password", rejectedField(request("wialon-ips", null, "", "356307")));
    assertEquals("token", rejectedField(request("wialon-ips", TOKEN, null, "356307")));
  }

  @Test
  void malformedProfileIdIsRejectedNamingTheField() {
    DeviceRequest request = new DeviceRequest("veh-1", "egts", null, null, "77", "bad id/x");
    assertEquals("profileId", rejectedField(request));
  }
}
