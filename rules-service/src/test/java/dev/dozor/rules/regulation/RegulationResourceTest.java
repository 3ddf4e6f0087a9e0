package dev.dozor.rules.regulation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class RegulationResourceTest {

  @Test
  void listsSpd001WithItsParameterDefaultsAndUnits() {
    given()
        .when()
        .get("/api/v1/regulations")
        .then()
        .statusCode(200)
        .body("id", hasItem("SPD-001"))
        .body("find { it.id == 'SPD-001' }.version", equalTo(1))
        .body("find { it.id == 'SPD-001' }.severity", equalTo("HIGH"))
        .body("find { it.id == 'SPD-001' }.title.en", equalTo("Ploughing too fast"))
        .body("find { it.id == 'SPD-001' }.parameters.speedLimitKmh.default", equalTo(45.0f))
        .body("find { it.id == 'SPD-001' }.parameters.speedLimitKmh.unit", equalTo("km/h"))
        .body("find { it.id == 'SPD-001' }.parameters.minDurationS.default", equalTo(60.0f));
  }

  @Test
  void isReadyOnceTheRulesCompiled() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'rule-engine' }.status", equalTo("UP"));
  }
}
