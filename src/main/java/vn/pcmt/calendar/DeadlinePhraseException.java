package vn.pcmt.calendar;

/**
 * A deadline that cannot be turned into a date: a phrase the grammar does not know, a date not on the calendar, a
 * phrase that contradicts the date given with it, a relative deadline whose event has no date yet. The message is
 * Vietnamese, for the official who typed it, and quotes the words that failed.
 */
public class DeadlinePhraseException extends IllegalArgumentException {

  private final String phrase;
  private final String unparsed;

  DeadlinePhraseException(String phrase, String message) {
    this(phrase, null, message);
  }

  DeadlinePhraseException(String phrase, String unparsed, String message) {
    super(message);
    this.phrase = phrase;
    this.unparsed = unparsed;
  }

  /** The phrase as it was given. */
  public String phrase() {
    return phrase;
  }

  /** The words the grammar could not read ("sau" in "sau ngày 15/02/2023"), or null if the problem is elsewhere. */
  public String unparsed() {
    return unparsed;
  }
}
