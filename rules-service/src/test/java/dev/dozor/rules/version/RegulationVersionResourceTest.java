package dev.dozor.rules.version;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.rules.engine.RuleEngineService;
import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Versions of a regulation through REST, against the real rules schema. */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class RegulationVersionResourceTest {
  private static final String BASE = "/api/v1/regulations/SPD-001";

  @Inject RuleEngineService engine;

  @AfterEach
  void backToTheShippedVersion() {
    activate(1, "test clean-up").then().statusCode(200);
  }

  @Test
  void aNewVersionIsStoredCompiledButNotActiveUntilActivatedWithAnAuditRow() {
    int version =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "author", "ivanova",
                    "comment", "pilot: plough limit 40 km/h",
                    "parameters", Map.of("speedLimitKmh", 40)))
            .post(BASE + "/versions")
            .then()
            .statusCode(201)
            .body("regulation.parameters.speedLimitKmh.default", equalTo(40.0f))
            .body("regulation.parameters.minDurationS.default", equalTo(60.0f))
            .body("createdBy", equalTo("ivanova"))
            .extract()
            .path("version");
    assertEquals(1, engine.engine().catalogue().require("SPD-001").version());

    activate(version, "pilot in СВАО")
        .then()
        .statusCode(200)
        .body("version", equalTo(version))
        .body("previousVersion", equalTo(1))
        .body("activatedBy", equalTo("ivanova"))
        .body("reason", equalTo("pilot in СВАО"));

    assertEquals(version, engine.engine().catalogue().require("SPD-001").version());
    given()
        .get("/api/v1/regulations")
        .then()
        .body("find { it.id == 'SPD-001' }.version", equalTo(version))
        .body("find { it.id == 'SPD-001' }.parameters.speedLimitKmh.default", equalTo(40.0f));
    given()
        .get(BASE + "/versions")
        .then()
        .statusCode(200)
        .body("find { it.version == " + version + " }.active", equalTo(true))
        .body("find { it.version == 1 }.active", equalTo(false));
    given()
        .get("/api/v1/regulations/activations?regulation=SPD-001&limit=1")
        .then()
        .statusCode(200)
        .body("[0].version", equalTo(version))
        .body("[0].action", equalTo("activate"));
  }

  @Test
  void rollBackReturnsToThePreviouslyActiveVersion() {
    int version = createWithLimit(50);
    activate(version, "try 50").then().statusCode(200);

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("by", "petrov", "reason", "complaints from the contractor"))
        .post(BASE + "/rollback")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("previousVersion", equalTo(version))
        .body("action", equalTo("rollback"));

    assertEquals(1, engine.engine().catalogue().require("SPD-001").version());
  }

  @Test
  void aDrlThatDoesNotCompileIsRefusedWithFileLineAndMessageAndNothingIsStored() {
    int before = given().get(BASE + "/versions").then().extract().path("size()");
    String drl = given().get(BASE).then().extract().path("drl");

    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "author", "ivanova",
                "comment", "typo",
                "drl", drl.replace("valid, ploughDown,", "valid, plouhgDown,")))
        .post(BASE + "/versions")
        .then()
        .statusCode(422)
        .body("error", startsWith("version "))
        .body("problems[0].file", equalTo("SPD-001-plough-speed.drl"))
        .body("problems[0].line", greaterThan(0));

    given().get(BASE + "/versions").then().body("size()", equalTo(before));
  }

  @Test
  void anUnknownParameterOrAMissingReasonIsABadRequestNamingTheField() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("author", "a", "comment", "c", "parameters", Map.of("speedLimitKmhh", 40)))
        .post(BASE + "/versions")
        .then()
        .statusCode(400)
        .body("field", equalTo("parameters.speedLimitKmhh"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("by", "a"))
        .post(BASE + "/versions/1/activate")
        .then()
        .statusCode(400)
        .body("field", equalTo("reason"));
    given().get("/api/v1/regulations/NOPE-001/versions").then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("by", "a", "reason", "r"))
        .post(BASE + "/versions/999/activate")
        .then()
        .statusCode(404);
  }

  @Test
  void theShippedVersionIsStoredAndListed() {
    given()
        .get(BASE + "/versions")
        .then()
        .statusCode(200)
        .body("version", hasItem(1))
        .body("find { it.version == 1 }.createdBy", equalTo("dozor"));
  }

  private static int createWithLimit(double limit) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "author",
                "petrov",
                "comment",
                "limit " + limit,
                "parameters",
                Map.of("speedLimitKmh", limit)))
        .post(BASE + "/versions")
        .then()
        .statusCode(201)
        .extract()
        .path("version");
  }

  private static io.restassured.response.Response activate(int version, String reason) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("by", "ivanova", "reason", reason))
        .post(BASE + "/versions/" + version + "/activate");
  }
}
