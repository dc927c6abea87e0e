package vn.pcmt.calendar;

import java.text.Normalizer;

/**
 * A deadline phrase in two spellings of equal length: {@code display}, the words as written with the noise taken out
 * (markdown bold, brackets, commas, doubled spaces, spaces inside "15 / 02 / 2023"), which is what a refusal quotes;
 * and {@code folded}, the same text in lower case without diacritics, which is what the grammar reads. Equal length
 * lets a position found in {@code folded} cut the words that failed out of {@code display}.
 *
 * <p>Folding makes "truoc ngay 15/3" (typed without a Vietnamese keyboard) read as "trước ngày 15/3"; no deadline
 * word becomes another deadline word by losing its accents.
 */
record PhraseText(String written, String display, String folded) {

  static PhraseText of(String written) {
    String text = Normalizer.normalize(written, Normalizer.Form.NFC).replace('\u00A0', ' ').replace("*", "");
    // "trong thời hạn 15 (mười lăm) ngày": the number in words repeats the digits
    text = text.replaceAll("(\\d+)\\s*\\(\\s*\\p{L}[\\p{L}\\s]*\\)", "$1");
    // S1 "(xong trong quý I/2023)", "Quý I (trước ngày 15/3)", "Hạn chót: 20/6/2024", "hằng quý, trước ngày 15"
    text = text.replaceAll("[()\\[\\]{},;:\"“”]", " ").replaceAll("\\s+", " ").trim();
    text = text.replaceAll("[.]+$", "").trim();
    text = text.replaceAll("(\\d) ?([/.-]) ?(\\d)", "$1$2$3");
    return new PhraseText(written, text, fold(text));
  }

  /** Lower case, no diacritics, "đ" as "d"; one character for one character. */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c == 'đ') {
        folded.append('d');
      } else {
        // a precomposed Vietnamese letter decomposes into its base letter followed by its marks
        folded.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
      }
    }
    return folded.toString();
  }

  boolean isBlank() {
    return display.isEmpty();
  }

  /** The words as written between two positions of {@link #folded}, trimmed. */
  String words(int from, int to) {
    return display.substring(from, to).trim();
  }
}
