package dev.dozor.rules.regulation;

/**
 * A text in the two languages of the product.
 *
 * @param ru Russian (the dispatchers' language)
 * @param en English
 */
public record LocalizedText(String ru, String en) {

  /** The text in {@code language} ("ru" or "en"), falling back to Russian. */
  public String in(String language) {
    return "en".equalsIgnoreCase(language) && en != null ? en : ru;
  }

  boolean isComplete() {
    return ru != null && !ru.isBlank() && en != null && !en.isBlank();
  }
}
