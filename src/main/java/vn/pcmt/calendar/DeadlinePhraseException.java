package vn.pcmt.calendar;

/** A deadline phrase the parser cannot turn into a date; the message is Vietnamese, for the official who typed it. */
public class DeadlinePhraseException extends IllegalArgumentException {

  private final String phrase;

  DeadlinePhraseException(String phrase, String message) {
    super(message);
    this.phrase = phrase;
  }

  /** The phrase as it was given. */
  public String phrase() {
    return phrase;
  }
}
