package dev.dozor.rules.common;

import dev.dozor.rules.engine.KieBaseCompiler;
import java.util.List;

/**
 * The JSON body of every 4xx answer: what is wrong, the request field it concerns, and for a
 * regulation that does not compile, the compiler's problems with file, line and column.
 */
public record ApiError(String error, String field, List<KieBaseCompiler.Problem> problems) {
  public static ApiError of(String error, String field) {
    return new ApiError(error, field, null);
  }
}
