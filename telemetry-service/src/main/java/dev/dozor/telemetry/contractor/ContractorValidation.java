package dev.dozor.telemetry.contractor;

import dev.dozor.events.ContractorRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.contractor.ContractorDtos.ContractorRequest;
import dev.dozor.telemetry.registry.RegistryValidation;
import java.util.regex.Pattern;

/** Checks a contractor request and turns it into the contract record; 400 names the field. */
public final class ContractorValidation {
  /** ИНН: 10 digits for an organisation, 12 for an individual entrepreneur. */
  private static final Pattern INN = Pattern.compile("[0-9]{10}|[0-9]{12}");

  /** Digits with the usual separators, optionally a leading +. */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{2,30}");

  private ContractorValidation() {}

  public static ContractorRecord contractor(String id, ContractorRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with name is required");
    }
    String name = RegistryValidation.requireText("name", body.name());
    String inn = blankToNull(body.inn());
    if (inn != null && !INN.matcher(inn).matches()) {
      throw ApiException.invalid(
          "inn",
          "inn must be 10 digits (organisation) or 12 digits (individual); was '" + inn + "'");
    }
    String phone = blankToNull(body.phone());
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw ApiException.invalid(
          "phone", "phone must be digits with optional +, spaces, ( ) and -; was '" + phone + "'");
    }
    return ContractorRecord.of(id, name, inn, phone);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
